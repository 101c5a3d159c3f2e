import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The UTF-8 locale libarchive converts names under, set for the calling thread only.
///
/// libarchive picks its name conversions from the current locale; under the C locale it can crash writing
/// pax headers for non-ASCII names and cannot read them back. `setlocale` would change the whole process
/// (and race with other threads), so each call into libarchive runs under a per-thread `uselocale`.
enum ArchiveLocale {
    private nonisolated(unsafe) static let utf8 = newlocale(
        [LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES].reduce(0) { $0 | 1 << $1 }, "C.UTF-8",
        nil)

    /// Runs `body` with this thread's locale set to C.UTF-8, then restores the thread's own.
    static func run<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard let utf8 else { return try body() }
        let previous = uselocale(utf8)
        defer { uselocale(previous) }
        return try body()
    }
}
