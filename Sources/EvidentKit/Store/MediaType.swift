import Foundation

/// The media types the store recognises from a document's bytes.
public enum MediaType: String, Sendable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"
    case webp = "image/webp"
    case gif = "image/gif"
    case json = "application/json"
    case xml = "application/xml"
    case yaml = "application/yaml"
    case text = "text/plain"
    case html = "text/html"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case odt = "application/vnd.oasis.opendocument.text"
    /// A ZIP archive other than a DOCX or ODT document.
    case zip = "application/zip"
    /// Bytes evident does not recognise.
    case binary = "application/octet-stream"

    /// A short name for messages.
    var label: String {
        switch self {
        case .pdf: "PDF"
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .webp: "WebP"
        case .gif: "GIF"
        case .json: "JSON"
        case .xml: "XML"
        case .yaml: "YAML"
        case .text: "plain text"
        case .html: "HTML"
        case .docx: "DOCX"
        case .odt: "ODT"
        case .zip: "a ZIP archive"
        case .binary: "unrecognised binary data"
        }
    }

    static let images: Set<MediaType> = [.png, .jpeg, .webp, .gif]
}

extension EvidenceKind {
    /// The media types a document of this kind may have: a screenshot is an image
    /// or PDF, a config is structured text, an agreement is a document or a scan.
    var allowedMediaTypes: Set<MediaType> {
        switch self {
        case .optOutScreenshot: MediaType.images.union([.pdf])
        case .optOutConfig: [.json, .yaml, .xml, .text]
        case .dataProcessingAgreement, .agreement: MediaType.images.union([.pdf, .docx, .odt, .text])
        case .technicalJustification: MediaType.images.union([.pdf, .docx, .odt, .text, .html])
        case .vendorTerms: MediaType.images.union([.pdf, .docx, .odt, .text, .html])
        case .other: Set(MediaType.allCases)
        case .scan: [.json]
        }
    }
}
