import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An Ed25519 key pair in OpenSSH's formats, the key that signs bundles.
public struct SigningKey: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey
    /// The comment the key files carry: the identity the key was made for.
    public let comment: String

    init(comment: String) {
        privateKey = Curve25519.Signing.PrivateKey()
        self.comment = comment
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
        self.privateKey = privateKey
        self.comment = comment
    }

    /// The public half, which an allowed-signers file trusts.
    public var publicKey: PublicSigningKey { PublicSigningKey(raw: Array(privateKey.publicKey.rawRepresentation)) }

    /// Signs bytes (raw Ed25519, deterministic per RFC 8032).
    func sign(_ message: [UInt8]) throws -> [UInt8] {
        Array(try privateKey.signature(for: message))
    }

    /// The private key file as `ssh-keygen -t ed25519 -N ""` writes it.
    var openSSHPrivateKey: String {
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

    /// Reads an unencrypted OpenSSH Ed25519 private key file.
    public static func load(path: String) throws(KeyError) -> SigningKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KeyError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, path: path)
    }

    /// Parses the text of an OpenSSH private key file; `path` only names it in errors.
    package static func parse(_ text: String, path: String) throws(KeyError) -> SigningKey {
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
            guard cipher == "none", kdf == "none" else { throw KeyError.encrypted(path: path) }
            guard try reader.uint32() == 1 else { throw KeyError.malformed(path: path) }
            var publicBlob = SSHReader(try reader.string())
            let type = try publicBlob.text()
            guard type == "ssh-ed25519" else { throw KeyError.unsupportedKeyType(path: path, type: type) }
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
            return SigningKey(privateKey: key, comment: comment)
        } catch let error as KeyError {
            throw error
        } catch {
            throw KeyError.malformed(path: path)
        }
    }

    /// Writes `path` (mode 0600) and `path.pub`, refusing to overwrite either.
    public func write(to path: String) throws(KeyError) {
        for (file, contents, mode) in [
            (path, openSSHPrivateKey, mode_t(0o600)),
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
