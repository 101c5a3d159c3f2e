import Crypto
import Foundation

/// SSH signatures (OpenSSH's PROTOCOL.sshsig), the format `ssh-keygen -Y sign` writes and `-Y verify` checks.
package struct SSHSignature: Sendable, Equatable {
    /// The namespace bundle signatures are made in, so that they cannot be replayed as another kind of signature.
    package static let bundleNamespace = "evident-bundle"

    static let magic = Array("SSHSIG".utf8)

    let publicKey: PublicSigningKey
    let namespace: String
    let hashAlgorithm: String
    let signature: [UInt8]

    /// Why a signature cannot be read.
    package enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not armoured as an SSH signature; damaged; made with a key other than Ed25519; or an unknown hash.
        case notArmored, malformed(String), unsupportedKey(String), unsupportedHash(String)

        /// Why, in words for people.
        package var description: String {
            switch self {
            case .notArmored: "not an SSH signature (-----BEGIN SSH SIGNATURE-----)"
            case .malformed(let what): "malformed SSH signature: \(what)"
            case .unsupportedKey(let type): "signed with a \(type) key; only Ed25519 is accepted"
            case .unsupportedHash(let name): "unsupported hash algorithm \(name)"
            }
        }
    }

    /// Signs `message` in `namespace` with SHA-512, as `ssh-keygen -Y sign -n NAMESPACE` does.
    static func sign(_ message: [UInt8], namespace: String, with key: SigningKey) throws -> SSHSignature {
        let raw = try key.sign(signedData(message: message, namespace: namespace, hashAlgorithm: "sha512"))
        return SSHSignature(publicKey: key.publicKey, namespace: namespace, hashAlgorithm: "sha512", signature: raw)
    }

    /// The bytes the signature is made over: the preamble, namespace, hash algorithm and the message's hash.
    static func signedData(message: [UInt8], namespace: String, hashAlgorithm: String) -> [UInt8] {
        var writer = SSHWriter()
        writer.raw(magic)
        writer.string(namespace)
        writer.string([UInt8]())
        writer.string(hashAlgorithm)
        writer.string(hashAlgorithm == "sha256" ? Array(SHA256.hash(data: message)) : Array(SHA512.hash(data: message)))
        return writer.bytes
    }

    /// The armoured text of a `.sshsig` file.
    package var armored: String {
        var signatureBlob = SSHWriter()
        signatureBlob.string("ssh-ed25519")
        signatureBlob.string(signature)
        var writer = SSHWriter()
        writer.raw(Self.magic)
        writer.uint32(1)
        writer.string(publicKey.blob)
        writer.string(namespace)
        writer.string([UInt8]())
        writer.string(hashAlgorithm)
        writer.string(signatureBlob.bytes)
        return Armor.wrap(writer.bytes, label: "SSH SIGNATURE", width: 70)
    }

    init(publicKey: PublicSigningKey, namespace: String, hashAlgorithm: String, signature: [UInt8]) {
        (self.publicKey, self.namespace, self.hashAlgorithm, self.signature) =
            (publicKey, namespace, hashAlgorithm, signature)
    }

    /// Reads an armoured signature.
    package init(armored text: String) throws(ParseError) {
        guard let bytes = Armor.unwrap(text, label: "SSH SIGNATURE") else { throw .notArmored }
        var reader = SSHReader(bytes)
        do {
            guard try reader.raw(6) == Self.magic else { throw ParseError.malformed("no SSHSIG preamble") }
            guard try reader.uint32() == 1 else { throw ParseError.malformed("unknown version") }
            let keyBlob = try reader.string()
            guard let key = PublicSigningKey(blob: keyBlob) else {
                var typeReader = SSHReader(keyBlob)
                throw ParseError.unsupportedKey((try? typeReader.text()) ?? "unknown")
            }
            let namespace = try reader.text()
            _ = try reader.string()
            let hash = try reader.text()
            guard hash == "sha512" || hash == "sha256" else { throw ParseError.unsupportedHash(hash) }
            var signatureReader = SSHReader(try reader.string())
            guard try signatureReader.text() == "ssh-ed25519" else { throw ParseError.malformed("signature type") }
            let raw = try signatureReader.string()
            guard raw.count == 64, signatureReader.isAtEnd, reader.isAtEnd else {
                throw ParseError.malformed("trailing or short data")
            }
            self.init(publicKey: key, namespace: namespace, hashAlgorithm: hash, signature: raw)
        } catch let error as ParseError {
            throw error
        } catch {
            throw .malformed("truncated")
        }
    }

    /// Whether the signature is the embedded key's over `message` in this signature's namespace.
    package func isValid(for message: [UInt8]) -> Bool {
        publicKey.isValidSignature(
            signature, for: Self.signedData(message: message, namespace: namespace, hashAlgorithm: hashAlgorithm))
    }
}
