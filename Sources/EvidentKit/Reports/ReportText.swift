/// The report's facts as text for people, shared by its HTML and its CSV.
extension ReportLanguage {
    /// The lines under the title: the year and reference day and how it was chosen, what else the reader must
    /// know, and in a bundle which bundle it belongs to.
    func headerLines(_ report: AnnualReport) -> [String] {
        let day = report.asOf.description
        var lines: [String] = []
        if let bundle = report.bundle {
            let name = bundle.selectionName.map { " \($0)" } ?? ""
            let covers =
                switch bundle.selection {
                case nil: pick("omfatter alle løsninger", "covers every solution")
                case let id? where id.kind == .authority:
                    pick("omfatter myndigheden ", "covers the authority ") + "\(id)\(name)"
                case let id?: pick("omfatter løsningen ", "covers the solution ") + "\(id)\(name)"
                }
            lines.append(pick("Dokumentationspakke ", "Evidence bundle ") + "\(bundle.identifier): \(covers).")
            lines.append(
                pick("Forseglet ", "Sealed ") + bundle.sealTime
                    + pick(", underskrevet med nøglen ", ", signed with the key ")
                    + "\(bundle.signer) (\(bundle.signerIdentity)).")
            lines.append(
                pick(
                    "Vurderinger pr. \(day), pakkens referencedato (samme som metadata/evaluation.json).",
                    "Verdicts as of \(day), the bundle's reference date (as in metadata/evaluation.json)."))
        } else {
            let basis =
                switch report.basis {
                case .endOfYear: pick("årets sidste dag", "the last day of the year")
                case .today: pick("i dag, da året ikke er omme", "today, as the year is still running")
                case .given: pick("den valgte referencedato", "the reference date asked for")
                }
            lines.append(
                pick(
                    "Evaluering for \(report.year) efter vejledningens §4, opgjort pr. \(day) (\(basis)).",
                    "Evaluation for \(report.year) under §4 of the guidance, as of \(day) (\(basis))."))
            lines.append(
                pick(
                    "Brug, der ophørte tidligere i året, er vurderet på sin sidste dag.",
                    "Usages that ended earlier in the year are judged on their last day."))
        }
        lines.append(
            pick(
                "Hver løsning står under sin ansvarlige myndighed og tælles én gang; medejere og driftsoperatører står "
                    + "på løsningen. Udløber snart: beviset bortfalder inden for \(report.warningDays) dage. "
                    + "Regelsæt version \(report.rulesVersion.rawValue).",
                "Each solution is listed under its responsible authority and counted once; co-owners and operators "
                    + "are listed on the solution. Expiring: the proof lapses within \(report.warningDays) days. "
                    + "Rules version \(report.rulesVersion.rawValue)."))
        lines.append(report.recordedLine(language: self))
        return lines
    }

    /// An authority's identity: its CVR number and what kind of body it is.
    func authorityLine(_ authority: AnnualReport.AuthoritySection) -> String {
        "CVR \(authority.cvr), \(authorityKind(authority.kind))"
    }

    /// What a solution is and where: `digital selvbetjeningsløsning, hjemmeside https://…`.
    func solutionLine(_ solution: AnnualReport.SolutionFacts) -> String {
        let address = [solution.url, solution.appId].compactMap { $0 }.first.map { " \($0)" } ?? ""
        return "\(solutionKind(solution.kind)), \(channel(solution.channel))\(address)"
    }

    /// Whether a solution is mandatory, and the law that makes it so: `ja, efter Skattekontrolloven § 2`.
    func obligationLine(_ solution: AnnualReport.SolutionFacts) -> String {
        (solution.mandatory ? pick("ja", "yes") : pick("nej", "no"))
            + (solution.mandatedBy.map { pick(", efter \($0)", ", under \($0)") } ?? "")
    }

    /// Every owner with its role: `Skattestyrelsen (ansvarlig), Netcompany A/S (driftsoperatør)`.
    func ownersLine(_ solution: AnnualReport.SolutionFacts) -> String {
        solution.owners.map { "\($0.authorityName) (\(role($0.role)))" }.joined(separator: ", ")
    }

    /// Why §2 covers a solution, condition by condition.
    func groundsLine(_ solution: AnnualReport.SolutionFacts) -> String {
        ScopeWording.grounds(of: solution, language: self).map { "\($0.condition.citation): \($0.text)" }
            .joined(separator: "; ")
    }

    /// A usage's service with its category and hosts.
    func serviceLine(_ usage: AnnualReport.UsageLine) -> String {
        "\(usage.verdict.serviceName) (\(category(usage.category)); \(usage.hosts.joined(separator: ", ")))"
    }

    /// A usage's vendor with its country.
    func vendorLine(_ usage: AnnualReport.UsageLine) -> String {
        "\(usage.verdict.vendorName) (\(usage.vendorCountry))"
    }

    /// When a usage ran: `2023-03-01 –` or `2023-03-01 – 2026-03-31`.
    func periodLine(_ usage: AnnualReport.UsageLine) -> String {
        "\(usage.since) –" + (usage.until.map { " \($0)" } ?? "")
    }

    /// The verdict's outcome, and the day it was judged on when that is not the report's reference day.
    func verdictLine(_ usage: AnnualReport.UsageLine, asOf day: Day) -> String {
        outcome(usage.verdict.outcome)
            + (usage.judgedOn == day
                ? "" : pick(" (pr. \(usage.judgedOn), sidste dag)", " (on \(usage.judgedOn), its last day)"))
    }

    /// A piece of evidence with everything an auditor checks: kind, status, dates, notice, clause, parties, who
    /// filed it and when, and what it supersedes.
    func evidenceLine(_ evidence: AnnualReport.EvidenceLine) -> String {
        let dates = evidence.dates
        let labelled: [(String, String?)] = [
            (pick("optaget", "captured"), dates.captured?.description),
            (pick("underskrevet", "signed"), dates.signed?.description),
            (pick("gyldig fra", "valid from"), dates.validFrom?.description),
            (pick("gyldig til", "valid until"), dates.validUntil?.description),
            (pick("revideres senest", "review by"), dates.reviewBy?.description),
            (pick("opsigelsesvarsel", "notice"), dates.noticeDays.map { pick("\($0) dage", "\($0) days") }),
            (pick("klausul", "clause"), evidence.clause),
        ]
        var parts = [labelled.compactMap { label, value in value.map { "\(label) \($0)" } }.joined(separator: ", ")]
        let parties =
            evidence.allState
            ? [pick("alle statslige myndigheder (rammeaftale)", "every state authority (framework agreement)")]
            : evidence.parties.map(\.name)
        parts.append(
            pick("parter: ", "parties: ")
                + (parties.isEmpty ? pick("ingen registreret", "none recorded") : parties.joined(separator: ", ")))
        parts.append(
            pick(
                "registreret \(evidence.filedAt) af \(evidence.filedBy)",
                "filed \(evidence.filedAt) by \(evidence.filedBy)"))
        if let supersedes = evidence.supersedes {
            parts.append(pick("erstatter \(supersedes)", "supersedes \(supersedes)"))
        }
        // Superseded evidence still proves until its successor starts (rules 2), so name the successor.
        let status =
            evidence.status == .superseded && !evidence.supersededBy.isEmpty
            ? pick("afløses af ", "superseded by ") + evidence.supersededBy.map(\.description).joined(separator: ", ")
            : evidenceStatus(evidence.status)
        return "\(evidence.id) \(evidence.title) (\(evidenceKind(evidence.kind)), \(status)): "
            + parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
