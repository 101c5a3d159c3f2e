/// What can go wrong with keys, signatures and allowed-signers files, worded for the user.
public enum KeyError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// The key file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not an OpenSSH private key.
    case notAPrivateKey(path: String)
    /// The key is encrypted with a passphrase, and no ssh-agent (`SSH_AUTH_SOCK`) can sign with it.
    case encrypted(path: String)
    /// The key file is a public key, and no ssh-agent (`SSH_AUTH_SOCK`) can sign with its private half.
    case publicKeyWithoutAgent(path: String)
    /// The ssh-agent does not hold the key's private half.
    case notInAgent(path: String, fingerprint: String)
    /// The ssh-agent cannot be reached, or refused or failed to answer.
    case agentFailed(socket: String, reason: String)
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
            key '\(path)' is encrypted with a passphrase and SSH_AUTH_SOCK names no ssh-agent: \
            add the key to one ('eval "$(ssh-agent)"' and 'ssh-add \(path)') and evident signs through it, \
            with no decrypted copy on disk
            """
        case .publicKeyWithoutAgent(let path):
            """
            key '\(path)' is a public key and SSH_AUTH_SOCK names no ssh-agent to sign with its private half: \
            start one ('eval "$(ssh-agent)"') and add the private key ('ssh-add KEY')
            """
        case .notInAgent(let path, let fingerprint):
            """
            key '\(path)' (\(fingerprint)) is not in the ssh-agent at SSH_AUTH_SOCK: \
            add it with 'ssh-add \(path.hasSuffix(".pub") ? String(path.dropLast(4)) : path)'
            """
        case .agentFailed(let socket, let reason): "ssh-agent at '\(socket)' (SSH_AUTH_SOCK): \(reason)"
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
