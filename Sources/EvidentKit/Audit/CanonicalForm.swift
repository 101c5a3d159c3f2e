/// A value in the audit trail's canonical form: JSON with named fields, keys sorted, no white space.
///
/// The audit trail hashes records and events in this form, spelt out field by field (`schema/audit-trail.md`),
/// so that renaming a Swift property or changing an encoder cannot change a hash an existing chain holds.
/// Strings are escaped as `JSONEncoder` escapes them and `/` is left as it is: the form is byte for byte the
/// one the trail has used since its first event.
indirect enum CanonicalForm: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    case array([CanonicalForm])
    /// Fields by name; a nil value leaves its field out.
    case object([String: CanonicalForm?])

    static func string(_ value: String?) -> CanonicalForm? { value.map(CanonicalForm.string) }
    static func integer(_ value: Int64?) -> CanonicalForm? { value.map(CanonicalForm.integer) }
    static func integer(_ value: Int?) -> CanonicalForm? { value.map { .integer(Int64($0)) } }
    static func day(_ value: Day?) -> CanonicalForm? { value.map { .string($0.description) } }

    /// The written form.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        write(to: &bytes)
        return bytes
    }

    /// The SHA-256 of the written form, in hex.
    var sha256: String { Hashing.sha256(bytes) }

    private func write(to bytes: inout [UInt8]) {
        switch self {
        case .string(let value): JSONWriter.appendString(value, to: &bytes)
        case .integer(let value): bytes += Array(String(value).utf8)
        case .boolean(let value): bytes += Array((value ? "true" : "false").utf8)
        case .array(let values):
            bytes.append(0x5B)
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                value.write(to: &bytes)
            }
            bytes.append(0x5D)
        case .object(let fields):
            bytes.append(0x7B)
            let present = fields.compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 }
            for (index, (key, value)) in present.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                JSONWriter.appendString(key, to: &bytes)
                bytes.append(0x3A)
                value.write(to: &bytes)
            }
            bytes.append(0x7D)
        }
    }
}
