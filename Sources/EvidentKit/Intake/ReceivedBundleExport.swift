import Foundation
import GRDB

extension Registry {
    /// Writes a received bundle to `path` byte for byte as it was handed in: its frame with each part's data put
    /// back at its offset (`KeptBundle`), every document checked against its SHA-256 on the way. All or nothing;
    /// over an existing file only when `replace`.
    public func exportReceivedBundle(_ reference: String, to path: String, replace: Bool) throws
        -> ReceivedBundleInfo
    {
        let bundle = try receivedBundle(reference)
        let (frame, parts) = try read { db in
            let row = try ReceivedBundleRecord.fetchOne(db, key: bundle.id.number)!
            let parts = try ReceivedPartRecord.filter(Column("bundleId") == bundle.id.number)
                .order(Column("dataOffset")).fetchAll(db)
            return (row.sha256, parts)
        }
        try KeptBundle.write(
            frame: frame, parts: parts.map { ($0.dataOffset, $0.size, $0.sha256) }, from: store, to: path,
            replace: replace)
        return bundle
    }
}
