/// The words for a verdict's reason, rendered from its code and parameters.
enum ReasonWording {
    /// The reason as a sentence for people in `language`; `solutionName` names the solution of an out-of-scope
    /// verdict.
    static func text(_ reason: Reason, solutionName: String, language: ReportLanguage) -> String {
        let words = language
        switch reason {
        case .noRoute:
            return words.pick(
                "der er ikke angivet noget grundlag: uden R1, R2 eller R3 kan tjenesten ikke bruges",
                "no route is claimed: without R1, R2 or R3 the service cannot be used")
        case .noRouteProven:
            return words.pick(
                "der er ikke angivet noget grundlag, og hverken R1, R2 eller R3 er dokumenteret: tjenesten kan ikke bruges",
                "no route is claimed and none of R1, R2 or R3 is proven: the service cannot be used")
        case .ownPurposes(let route):
            return route == .technicallyNecessary
                ? words.pick(
                    "en tjeneste er aldrig teknisk nødvendig, når leverandøren kan bruge data til egne formål",
                    "technically necessary is never valid while the vendor can use the data for its own purposes")
                : words.pick(
                    "leverandøren kan bruge data til egne formål, og det tillader intet grundlag",
                    "the vendor can use the data for its own purposes, which no route allows")
        case .ownPurposesUnknown:
            return words.pick(
                "det vides ikke, om leverandøren kan bruge data til egne formål",
                "it is not known whether the vendor can use the data for its own purposes")
        case .noEvidence(let kinds):
            let names = kinds.map(words.evidenceKind).joined(separator: words.pick(" eller ", " or "))
            return words.pick("ingen dokumentation af typen \(names) dækker brugen", "no \(names) covers it")
        case .evidenceFails(let problems):
            return problems.map { text($0, language: language) }.joined(separator: "; ")
        case .proven(let evidence, let route):
            return words.pick("dokumenteret ved ", "proven by ") + list(evidence) + other(route, language)
        case .lapsing(let evidence, let deadline, let route):
            let what =
                switch deadline.kind {
                case .review: words.pick("den skal revideres senest", "it is due for review on")
                case .validUntil: words.pick("den udløber", "it expires on")
                case .notice: words.pick("sidste frist for opsigelse er", "the last day to give notice is")
                }
            return words.pick("dokumenteret ved ", "proven by ") + list(evidence) + other(route, language)
                + words.pick(", men \(what) \(deadline.day)", ", but \(what) \(deadline.day)")
        case .outOfScope(let failure):
            return words.pick(
                "\(solutionName) er ikke omfattet: \(ScopeWording.danish(failure.condition, ownerKinds: nil)); "
                    + "kun cookiebekendtgørelsen gælder",
                "\(solutionName) is not covered: \(failure.reason); the cookie order alone applies")
        }
    }

    static func text(_ problem: Reason.EvidenceProblem, language: ReportLanguage) -> String {
        let (evidence, day) = (problem.evidence, problem.day?.description ?? "")
        let words = language
        return switch problem.kind {
        case .notYetInForce:
            words.pick("\(evidence) gælder først fra \(day)", "\(evidence) is in force only from \(day)")
        case .reviewDue:
            words.pick(
                "\(evidence) skulle have været revideret senest \(day)", "\(evidence) was due for review on \(day)")
        case .expired: words.pick("\(evidence) udløb \(day)", "\(evidence) expired on \(day)")
        case .noClause:
            words.pick(
                "\(evidence) henviser ikke til en bestemmelse, der forbyder leverandøren at bruge data til egne formål",
                "\(evidence) cites no clause restricting the vendor's own-purpose use")
        case .notAParty:
            words.pick(
                "\(evidence) binder ingen af løsningens ejere", "\(evidence) binds none of the solution's owners")
        case .superseded:
            words.pick("\(evidence) blev erstattet efter \(day)", "\(evidence) was superseded after \(day)")
        case .ownPurposesUnknown:
            words.pick(
                "\(evidence) kan ikke gøre tjenesten teknisk nødvendig, så længe det er ukendt, "
                    + "om leverandøren bruger data til egne formål",
                "\(evidence) cannot make it technically necessary while own-purpose use is unknown")
        }
    }

    /// Says which route holds when it is not the claimed one.
    private static func other(_ route: Route?, _ language: ReportLanguage) -> String {
        route.map {
            language.pick(
                " efter \(Rules.citation($0)), ikke det angivne grundlag",
                " under \(Rules.citation($0)), not the claimed route")
        } ?? ""
    }

    private static func list(_ evidence: [RecordID]) -> String {
        // Written straight into the string: status lists evidence for every verdict.
        String(unsafeUninitializedCapacity: evidence.count * (RecordID.maxTextCount + 2)) { buffer in
            var end = 0
            for (index, id) in evidence.enumerated() {
                if index > 0 {
                    buffer[end] = 0x2C
                    buffer[end + 1] = 0x20
                    end += 2
                }
                end += id.write(to: buffer.baseAddress! + end)
            }
            return end
        }
    }
}
