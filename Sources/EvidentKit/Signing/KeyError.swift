/// What can go wrong with keys, signatures and allowed-signers files, worded for the user.
public enum KeyError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// The key file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not an OpenSSH private key.
    case notAPrivateKey(path: String)
    /// The key is encrypted with a passphrase; evident signs only with unencrypted keys.
    case encrypted(path: String)
    /// The key is not an Ed25519 key.
    case unsupportedKeyType(path: String, type: String)
    /// The key data is damaged.
    case malformed(path: String)
    /// A key file to write already exists.
    case exists(path: String)
    /// A key file cannot be written.
    case writeFailed(path: String, reason: String)
    /// The allowed-signers file cannot be read.
    case signersUnreadable(path: String, reason: String)
    /// No line of the allowed-signers file trusts an Ed25519 key to sign in the namespace; the first reasons why.
    case noUsableSigners(path: String, namespace: String, reasons: [String])

    /// The description, with the fields it names left for the printer to spell.
    public var message: UserMessage {
        switch self {
        case .unreadable(let path, let reason): "key '\(path)': cannot be read (\(reason))"
        case .notAPrivateKey(let path):
            "key '\(path)': not an OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----)"
        case .encrypted(let path):
            """
            key '\(path)' is encrypted with a passphrase; evident signs only with unencrypted keys: \
            make a decrypted copy with 'cp \(path) bundle-key && ssh-keygen -p -N "" -f bundle-key', \
            keep it private (mode 0600), and pass \(Field.key) bundle-key
            """
        case .unsupportedKeyType(let path, let type): "key '\(path)' is \(type); evident signs with Ed25519 keys only"
        case .malformed(let path): "key '\(path)': the key data is damaged"
        case .exists(let path): "'\(path)' already exists; choose another \(Field.destination) or remove it first"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .signersUnreadable(let path, let reason): "\(Field.allowedSigners) '\(path)': cannot be read (\(reason))"
        case .noUsableSigners(let path, let namespace, let reasons):
            """
            \(Field.allowedSigners) '\(path)': no line trusts an Ed25519 key to sign in namespace \(namespace) \
            (\(reasons.isEmpty ? "the file holds no key lines" : reasons.joined(separator: "; ")))
            """
        }
    }

    /// The message with each field written as its name.
    public var description: String {
        message.description
    }
}
