/// What can go wrong with keys, signatures and allowed-signers files, worded for the user.
public enum KeyError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notAPrivateKey(path: String)
    case encrypted(path: String)
    case unsupportedKeyType(path: String, type: String)
    case malformed(path: String)
    case exists(path: String)
    case writeFailed(path: String, reason: String)

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
        }
    }

    public var description: String {
        message.description
    }
}
