import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An Ed25519 key pair in OpenSSH's formats, the key that signs bundles.
///
/// The private half is read from an unencrypted key file, or stays in an ssh-agent that signs for it: a key
/// protected by a passphrase, or a public key file whose private half the agent holds.
public struct SigningKey: Sendable {
    /// Where the private half is.
    enum Holder: Sendable {
        case memory(Curve25519.Signing.PrivateKey)
        case agent(SSHAgent)
    }

    let holder: Holder
    /// The public half, which an allowed-signers file trusts.
    public let publicKey: PublicSigningKey
    /// The comment the key files carry: the identity the key was made for.
    public let comment: String

    init(comment: String) {
        self.init(privateKey: Curve25519.Signing.PrivateKey(), comment: comment)
    }

    /// A new key pair for `identity`, who signs with it: one word, as allowed_signers names its principals.
    public init(identity: String) throws(InputError) {
        // allowed_signers separates its fields with whitespace, so a principal cannot hold any.
        guard !identity.isEmpty, !identity.contains(where: { $0.isWhitespace }) else {
            throw InputError(
                field: .identity, value: identity, reason: "must be one word such as compliance@agency.dk")
        }
        self.init(comment: identity)
    }

    init(privateKey: Curve25519.Signing.PrivateKey, comment: String) {
        holder = .memory(privateKey)
        publicKey = PublicSigningKey(raw: Array(privateKey.publicKey.rawRepresentation))
        self.comment = comment
    }

    init(agent: SSHAgent, publicKey: PublicSigningKey, comment: String) {
        (holder, self.publicKey, self.comment) = (.agent(agent), publicKey, comment)
    }

    /// Signs bytes (raw Ed25519, deterministic per RFC 8032, so an agent's signature is the same).
    func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch holder {
        case .memory(let privateKey): Array(try privateKey.signature(for: message))
        case .agent(let agent): try agent.sign(message, with: publicKey)
        }
    }

    /// The private key file as `ssh-keygen -t ed25519 -N ""` writes it.
    static func openSSHPrivateKey(_ privateKey: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = PublicSigningKey(raw: Array(privateKey.publicKey.rawRepresentation))
        let seed = Array(privateKey.rawRepresentation)
        let publicRaw = Array(privateKey.publicKey.rawRepresentation)
        var secret = SSHWriter()
        let check = UInt32.random(in: 0...UInt32.max)
        secret.uint32(check)
        secret.uint32(check)
        secret.string("ssh-ed25519")
        secret.string(publicRaw)
        secret.string(seed + publicRaw)
        secret.string(comment)
        var padding: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.raw([padding])
            padding += 1
        }
        var file = SSHWriter()
        file.raw(Array("openssh-key-v1".utf8) + [0])
        file.string("none")
        file.string("none")
        file.string([UInt8]())
        file.uint32(1)
        file.string(publicKey.blob)
        file.string(secret.bytes)
        return Armor.wrap(file.bytes, label: "OPENSSH PRIVATE KEY", width: 70)
    }

    /// Reads an OpenSSH Ed25519 key file: an unencrypted private key; or, with the ssh-agent at `agentSocket`
    /// (`SSH_AUTH_SOCK`) holding its private half, a private key encrypted with a passphrase or a public key.
    public static func load(path: String, agentSocket: String? = nil) throws(KeyError) -> SigningKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KeyError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let (publicKey, withoutAgent): (PublicSigningKey, KeyError)
        if let line = PublicSigningKey(openSSHLine: text) {
            (publicKey, withoutAgent) = (line, .publicKeyWithoutAgent(path: path))
        } else {
            switch try read(text, path: path) {
            case .unencrypted(let key): return key
            case .encrypted(let key): (publicKey, withoutAgent) = (key, .encrypted(path: path))
            }
        }
        guard let agentSocket, !agentSocket.isEmpty else { throw withoutAgent }
        let agent = SSHAgent(path: agentSocket)
        guard let comment = try agent.comment(for: publicKey) else {
            throw KeyError.notInAgent(path: path, fingerprint: publicKey.fingerprint)
        }
        return SigningKey(agent: agent, publicKey: publicKey, comment: comment)
    }

    /// Parses the text of an unencrypted OpenSSH private key file; `path` only names it in errors.
    package static func parse(_ text: String, path: String) throws(KeyError) -> SigningKey {
        switch try read(text, path: path) {
        case .unencrypted(let key): key
        case .encrypted: throw KeyError.encrypted(path: path)
        }
    }

    /// What an OpenSSH private key file holds: the key, or only its public half when a passphrase encrypts the rest.
    enum PrivateKeyFile {
        case unencrypted(SigningKey)
        case encrypted(PublicSigningKey)
    }

    /// Reads the text of an OpenSSH private key file; `path` only names it in errors.
    static func read(_ text: String, path: String) throws(KeyError) -> PrivateKeyFile {
        guard let bytes = Armor.unwrap(text, label: "OPENSSH PRIVATE KEY") else {
            throw KeyError.notAPrivateKey(path: path)
        }
        var reader = SSHReader(bytes)
        do {
            guard try reader.raw(15) == Array("openssh-key-v1".utf8) + [0] else {
                throw KeyError.notAPrivateKey(path: path)
            }
            let cipher = try reader.text()
            let kdf = try reader.text()
            _ = try reader.string()
            guard try reader.uint32() == 1 else { throw KeyError.malformed(path: path) }
            let blob = try reader.string()
            var publicBlob = SSHReader(blob)
            let type = try publicBlob.text()
            guard type == "ssh-ed25519" else { throw KeyError.unsupportedKeyType(path: path, type: type) }
            guard cipher == "none", kdf == "none" else {
                // The public half is stored in the clear, before the encrypted part.
                guard let publicKey = PublicSigningKey(blob: blob) else { throw KeyError.malformed(path: path) }
                return .encrypted(publicKey)
            }
            var secret = SSHReader(try reader.string())
            guard try secret.uint32() == (try secret.uint32()) else { throw KeyError.malformed(path: path) }
            guard try secret.text() == "ssh-ed25519" else { throw KeyError.malformed(path: path) }
            let publicRaw = try secret.string()
            let pair = try secret.string()
            let comment = try secret.text()
            guard pair.count == 64, publicRaw.count == 32, Array(pair[32...]) == publicRaw,
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair[..<32]),
                Array(key.publicKey.rawRepresentation) == publicRaw
            else { throw KeyError.malformed(path: path) }
            return .unencrypted(SigningKey(privateKey: key, comment: comment))
        } catch let error as KeyError {
            throw error
        } catch {
            throw KeyError.malformed(path: path)
        }
    }

    /// Writes `path` (mode 0600) and `path.pub`, refusing to overwrite either; a key an agent holds has no file to
    /// write.
    public func write(to path: String) throws(KeyError) {
        guard case .memory(let privateKey) = holder else {
            throw KeyError.writeFailed(path: path, reason: "the private key is in ssh-agent")
        }
        for (file, contents, mode) in [
            (path, Self.openSSHPrivateKey(privateKey, comment: comment), mode_t(0o600)),
            (path + ".pub", publicKey.openSSHLine(comment: comment) + "\n", 0o644),
        ] {
            do {
                try FileIO.createExclusive(file, mode: mode, contents: Array(contents.utf8))
            } catch .alreadyExists {
                throw KeyError.exists(path: file)
            } catch {
                throw KeyError.writeFailed(path: file, reason: error.description)
            }
        }
    }
}
