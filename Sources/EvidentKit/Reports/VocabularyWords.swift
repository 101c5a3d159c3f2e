/// The words a report uses for the domain's vocabularies, so that no raw value (`opt-out`, `co-owner`) reaches a
/// reader; JSON keeps the raw values, which scripts match on.
extension ReportLanguage {
    /// The Danish or the English word, whichever this language is; only that one is built (status words a reason
    /// for every verdict).
    public func pick(_ danish: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
        self == .da ? danish() : english()
    }

    /// A verdict's outcome.
    public func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .compliant: pick("i orden", "compliant")
        case .expiring: pick("udløber snart", "expiring")
        case .missingEvidence: pick("mangler dokumentation", "missing evidence")
        case .nonCompliant: pick("ikke tilladt", "non-compliant")
        case .outOfScope: pick("uden for anvendelsesområdet", "out of scope")
        }
    }

    /// A §3.1 route with the rule's number.
    public func route(_ route: Route) -> String {
        switch route {
        case .optOut: pick("fravalg (R1)", "opt-out (R1)")
        case .agreement: pick("aftale (R2)", "agreement (R2)")
        case .technicallyNecessary: pick("teknisk nødvendig (R3)", "technically necessary (R3)")
        case .none: pick("intet grundlag", "no route")
        }
    }

    /// What a piece of evidence is.
    public func evidenceKind(_ kind: EvidenceKind) -> String {
        switch kind {
        case .optOutScreenshot: pick("skærmbillede af fravalg", "opt-out screenshot")
        case .optOutConfig: pick("eksporteret opsætning med fravalg", "exported opt-out configuration")
        case .dataProcessingAgreement: pick("databehandleraftale", "data-processing agreement")
        case .agreement: pick("aftale", "agreement")
        case .technicalJustification: pick("teknisk begrundelse", "technical justification")
        case .vendorTerms: pick("leverandørens vilkår", "vendor's terms")
        case .other: pick("andet", "other")
        case .scan: pick("scanning af indlæste tredjeparter", "scan of loaded third parties")
        }
    }

    /// Whether evidence can count.
    public func evidenceStatus(_ status: EvidenceInfo.Status) -> String {
        switch status {
        case .active: pick("gældende", "in force")
        case .superseded: pick("erstattet", "superseded")
        case .withdrawn: pick("trukket tilbage", "withdrawn")
        }
    }

    /// An authority's part in a solution.
    func role(_ role: OwnerRole) -> String {
        switch role {
        case .responsible: pick("ansvarlig", "responsible")
        case .coOwner: pick("medejer", "co-owner")
        case .operator: pick("driftsoperatør", "operator")
        }
    }

    /// What kind of body an authority is.
    func authorityKind(_ kind: AuthorityKind) -> String {
        switch kind {
        case .state: pick("statslig myndighed", "state authority")
        case .region: pick("region", "region")
        case .municipality: pick("kommune", "municipality")
        case .private: pick("privat aktør", "private operator")
        }
    }

    /// What a solution is.
    func solutionKind(_ kind: SolutionKind) -> String {
        switch kind {
        case .selfService: pick("digital selvbetjeningsløsning", "digital self-service solution")
        case .nationalPortal: pick("national portal", "national portal")
        case .information: pick("informationsside", "information site")
        }
    }

    /// A website or an app.
    func channel(_ channel: Channel) -> String {
        switch channel {
        case .web: pick("hjemmeside", "website")
        case .app: pick("app", "app")
        }
    }

    /// Whom a solution is aimed at.
    func audience(_ audience: Audience) -> String {
        switch audience {
        case .citizens: pick("borgere", "citizens")
        case .businesses: pick("virksomheder", "businesses")
        case .both: pick("borgere og virksomheder", "citizens and businesses")
        }
    }

    /// What a service does.
    func category(_ category: ServiceCategory) -> String {
        switch category {
        case .statistics: pick("statistik", "statistics")
        case .fonts: pick("skrifttyper", "fonts")
        case .video: pick("video", "video")
        case .images: pick("billeder", "images")
        case .maps: pick("kort", "maps")
        case .chat: pick("chat", "chat")
        case .consent: pick("samtykkehåndtering", "consent management")
        case .security: pick("sikkerhed", "security")
        case .login: pick("log-in", "login")
        case .cdn: pick("indholdsnetværk (CDN)", "content delivery network (CDN)")
        case .other: pick("andet", "other")
        }
    }

    /// Whether the vendor can use the data for its own purposes.
    func ownPurposes(_ answer: OwnPurposes) -> String {
        switch answer {
        case .yes: pick("ja", "yes")
        case .no: pick("nej", "no")
        case .unknown: pick("ukendt", "unknown")
        }
    }

    /// Whether a solution is mandatory.
    func mandatory(_ mandatory: Bool) -> String {
        mandatory ? pick("obligatorisk", "mandatory") : pick("frivillig", "optional")
    }
}
