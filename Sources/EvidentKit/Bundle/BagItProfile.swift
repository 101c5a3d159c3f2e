/// The BagIt profile every bundle follows (`BagIt-Profile-Identifier` in bag-info.txt names it), for
/// `bagit_profile.py`.
///
/// The identifier is not a page anyone can fetch, so evident prints the profile (`bundle profile`) for the
/// agency to hand over with its bundles; a test holds it equal to `schema/bagit-profile.json`.
public enum BagItProfile {
    /// The profile's identifier, as bag-info.txt states it.
    public static var identifier: String { BundleFormat.profileIdentifier }

    /// The profile as JSON, byte for byte `schema/bagit-profile.json`.
    public static let json = #"""
        {
          "BagIt-Profile-Info": {
            "BagIt-Profile-Identifier": "https://evident.example/schema/bagit-profile.json",
            "BagIt-Profile-Version": "1.4.0",
            "Source-Organization": "evident",
            "External-Description": "BagIt profile for evident evidence bundles (EB-<id>): one BagIt 1.0 bag serialized as an uncompressed pax tar, sha256 payload and tag manifests, registry/evaluation/report metadata tag files, and an SSHSIG signature over tagmanifest-sha256.txt under signature/.",
            "Version": "1.0"
          },
          "Bag-Info": {
            "Source-Organization": {
              "required": true,
              "repeatable": false,
              "description": "Organization that produced the bundle."
            },
            "External-Identifier": {
              "required": true,
              "repeatable": false,
              "description": "Bundle identifier, equal to the bag's top-level directory name EB-<id>."
            },
            "Bagging-Date": {
              "required": true,
              "repeatable": false,
              "description": "Date the bag was made, YYYY-MM-DD (RFC 8493 section 2.2.2)."
            },
            "Payload-Oxum": {
              "required": true,
              "repeatable": false,
              "description": "<octet count>.<file count> of the payload under data/."
            },
            "Bag-Software-Agent": {
              "required": true,
              "repeatable": false,
              "description": "Name and version of the software that made the bag."
            },
            "Evident-Reference-Date": {
              "required": false,
              "repeatable": false,
              "description": "Reference date of the evaluation, YYYY-MM-DD."
            },
            "Evident-Recorded-At": {
              "required": false,
              "repeatable": false,
              "description": "The moment of the audit trail the registry was read at, TIME@EVENT (the last event included), the form evident's as-recorded option takes."
            },
            "Evident-Seal-Time": {
              "required": false,
              "repeatable": false,
              "description": "UTC time the bundle was sealed, RFC 3339."
            }
          },
          "Manifests-Required": [
            "sha256"
          ],
          "Manifests-Allowed": [
            "sha256"
          ],
          "Tag-Manifests-Required": [
            "sha256"
          ],
          "Tag-Manifests-Allowed": [
            "sha256"
          ],
          "Allow-Fetch.txt": false,
          "Data-Empty": false,
          "Serialization": "optional",
          "Accept-Serialization": [
            "application/x-tar"
          ],
          "Accept-BagIt-Version": [
            "1.0"
          ],
          "Tag-Files-Required": [
            "metadata/registry.json",
            "metadata/evaluation.json",
            "metadata/report.html"
          ],
          "Tag-Files-Allowed": [
            "metadata/registry.json",
            "metadata/evaluation.json",
            "metadata/report.html",
            "signature/tagmanifest-sha256.txt.sshsig"
          ],
          "Payload-Files-Allowed": [
            "data/EVD-*/*"
          ]
        }

        """#
}
