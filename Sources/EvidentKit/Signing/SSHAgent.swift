import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An ssh-agent that holds a private key and signs with it, so a passphrase-protected key never needs a decrypted
/// copy on disk (the agent protocol, draft-miller-ssh-agent: requests and answers over the `SSH_AUTH_SOCK` socket).
struct SSHAgent: Sendable {
    /// The agent's socket, as `SSH_AUTH_SOCK` names it.
    let path: String

    // Message numbers of the agent protocol.
    static let failure: UInt8 = 5
    static let requestIdentities: UInt8 = 11
    static let identitiesAnswer: UInt8 = 12
    static let signRequest: UInt8 = 13
    static let signResponse: UInt8 = 14

    /// The comment the agent holds for `key` (the one `ssh-add` read from the key file); nil when it does not hold
    /// the key.
    func comment(for key: PublicSigningKey) throws(KeyError) -> String? {
        var reader = try exchange([Self.requestIdentities], expecting: Self.identitiesAnswer, purpose: "list keys")
        do {
            let count = try reader.uint32()
            for _ in 0..<count {
                let blob = try reader.string()
                let comment = try reader.text()
                if blob == key.blob { return comment }
            }
            return nil
        } catch {
            throw KeyError.agentFailed(socket: path, reason: "its list of keys is malformed")
        }
    }

    /// The raw Ed25519 signature of `data` by the private half of `key`, which the agent must hold.
    func sign(_ data: [UInt8], with key: PublicSigningKey) throws(KeyError) -> [UInt8] {
        var request = SSHWriter()
        request.raw([Self.signRequest])
        request.string(key.blob)
        request.string(data)
        request.uint32(0)
        var reader = try exchange(request.bytes, expecting: Self.signResponse, purpose: "sign with \(key.fingerprint)")
        do {
            var signature = SSHReader(try reader.string())
            guard try signature.text() == "ssh-ed25519" else { throw SSHReader.Truncated() }
            let raw = try signature.string()
            guard raw.count == 64, signature.isAtEnd, key.isValidSignature(raw, for: data) else {
                throw SSHReader.Truncated()
            }
            return raw
        } catch {
            throw KeyError.agentFailed(
                socket: path, reason: "it answered with no valid signature by \(key.fingerprint)")
        }
    }

    /// Sends one request and reads its answer, past the answer's message number.
    private func exchange(_ request: [UInt8], expecting answer: UInt8, purpose: String) throws(KeyError) -> SSHReader {
        let descriptor = try connection()
        defer { close(descriptor) }
        var framed = SSHWriter()
        framed.string(request)
        try sendAll(descriptor, framed.bytes)
        let length = try receive(descriptor, count: 4).reduce(0) { $0 << 8 | Int($1) }
        // Answers are small: a list of keys or one signature.
        guard length >= 1, length <= 256 * 1024 else {
            throw KeyError.agentFailed(socket: path, reason: "it answered with \(length) bytes")
        }
        let message = try receive(descriptor, count: length)
        if message[0] == Self.failure {
            throw KeyError.agentFailed(socket: path, reason: "it refused to \(purpose)")
        }
        guard message[0] == answer else {
            throw KeyError.agentFailed(socket: path, reason: "it answered message \(message[0]), not \(answer)")
        }
        return SSHReader(Array(message.dropFirst()))
    }

    /// A connection to the agent's socket.
    private func connection() throws(KeyError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw KeyError.agentFailed(socket: path, reason: "the socket's path is too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        #if canImport(Glibc)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw KeyError.agentFailed(socket: path, reason: FileIO.lastError()) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = FileIO.lastError()
            close(descriptor)
            throw KeyError.agentFailed(socket: path, reason: "cannot connect (\(reason))")
        }
        return descriptor
    }

    /// Writes all of `bytes`; an agent that went away is an error, not SIGPIPE.
    private func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(KeyError) {
        var done = 0
        while done < bytes.count {
            #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
            #else
                let flags: Int32 = 0
            #endif
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + done, bytes.count - done, flags) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw KeyError.agentFailed(socket: path, reason: FileIO.lastError()) }
            done += sent
        }
    }

    /// Exactly `count` bytes from the socket.
    private func receive(_ descriptor: Int32, count: Int) throws(KeyError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + done, count - done, 0) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw KeyError.agentFailed(
                    socket: path, reason: got == 0 ? "it closed the connection" : FileIO.lastError())
            }
            done += got
        }
        return bytes
    }
}
