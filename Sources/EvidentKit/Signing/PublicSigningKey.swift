import Crypto
import Foundation

/// An Ed25519 public key as SSH names it.
public struct PublicSigningKey: Sendable, Hashable {
    /// The key's 32 bytes.
    public let raw: [UInt8]

    /// The SSH public key blob: `string "ssh-ed25519" || string key`.
    var blob: [UInt8] {
        var writer = SSHWriter()
        writer.string("ssh-ed25519")
        writer.string(raw)
        return writer.bytes
    }

    /// `ssh-ed25519 AAAA… comment`, as in a `.pub` file.
    func openSSHLine(comment: String = "") -> String {
        "ssh-ed25519 " + Data(blob).base64EncodedString() + (comment.isEmpty ? "" : " " + comment)
    }

    /// SHA256:… as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The `allowed_signers` line that trusts this key to sign bundles.
    public func allowedSignersLine(identity: String) -> String {
        "\(identity) namespaces=\"\(SSHSignature.bundleNamespace)\" \(openSSHLine())"
    }

    init(raw: [UInt8]) {
        self.raw = raw
    }

    /// Parses a key blob; nil when it is not an Ed25519 key.
    init?(blob: [UInt8]) {
        var reader = SSHReader(blob)
        guard (try? reader.text()) == "ssh-ed25519", let raw = try? reader.string(), raw.count == 32, reader.isAtEnd
        else { return nil }
        self.raw = raw
    }

    /// Parses the first line of a `.pub` file, `ssh-ed25519 AAAA… comment`; nil when it is not an Ed25519 key.
    init?(openSSHLine text: String) {
        let fields = (text.split(separator: "\n").first ?? "").split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, fields[0] == "ssh-ed25519", let blob = OpenSSHBase64.decode(fields[1].utf8) else {
            return nil
        }
        self.init(blob: blob)
    }

    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
