import CPSL

/// The registrable domain of a host (its public suffix plus one label), from the Public Suffix List.
///
/// Read through libpsl: the list the `publicsuffix` package installs when it is newer than the one built into
/// the library (`psl_latest`), so that the list can be updated without rebuilding evident.
public enum RegistrableDomain {
    private final class List: @unchecked Sendable {
        // libpsl's context is read-only once loaded, and safe to query from several threads.
        let context: OpaquePointer?
        init() { context = psl_latest(nil) ?? psl_builtin() }
    }

    private static let list = List()

    /// The registrable domain of `host` (`www.skat.dk` → `skat.dk`, `a.b.example.co.uk` → `example.co.uk`); an
    /// IP address is its own; nil when the host is itself a public suffix (`co.uk`) or not a host name.
    public static func of(_ host: String) -> String? {
        guard let host = HostName.normalized(host) else { return nil }
        if isIPAddress(host) { return host }
        guard let context = list.context else { return host }
        return host.withCString { pointer in
            psl_registrable_domain(context, pointer).map { String(cString: $0) }
        }
    }

    /// Whether the host is an IPv4 or IPv6 address rather than a name.
    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":")
            || (host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil })
    }
}
