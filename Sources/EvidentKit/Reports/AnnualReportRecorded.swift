extension AnnualReport {
    /// The line that says which recorded moment of the registry the report describes, and how to make it again.
    func recordedLine(language: ReportLanguage) -> String {
        let danish = language == .da
        let command = reproduce.map { danish ? " Genskabes med: \($0)" : " Reproduce with: \($0)" } ?? ""
        guard let recorded else {
            return (danish ? "Revisionssporet er tomt." : "The audit trail is empty.") + command
        }
        let event = recorded.event.map { danish ? " (hændelse \($0) i revisionssporet)" : " (audit event \($0))" } ?? ""
        return (danish ? "Registret som registreret \(recorded.at)" : "The registry as recorded at \(recorded.at)")
            + "\(event).\(command)"
    }
}
