import Foundation

/// Ties a bundle's signer to the authorities it speaks for.
///
/// An allowed-signers line names, among its principals, the CVR numbers of the authorities its key may sign
/// for, as `cvr:43280910` (`ops@skat.dk,cvr:13748136`). A bundle speaks for the authorities responsible for its
/// solutions (every owner when none is registered as responsible), and the lines that trust its key must
/// name every one of them. Patterns do not count: `cvr:*` names no authority.
enum SignerAuthority {
    static let prefix = "cvr:"

    /// The CVR numbers the principals pattern-lists name literally.
    static func cvrNumbers(in principals: [String]) -> Set<String> {
        var numbers: Set<String> = []
        for list in principals {
            for principal in list.split(separator: ",") {
                let text = principal.trimmingCharacters(in: .whitespaces)
                guard text.lowercased().hasPrefix(prefix) else { continue }
                let number = String(text.dropFirst(prefix.count))
                if number.utf8.count == 8, number.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                    numbers.insert(number)
                }
            }
        }
        return numbers
    }

    /// The authorities responsible for each of the snapshot's solutions (every owner when none is responsible).
    static func responsible(for solution: SolutionInfo, in snapshot: RegistrySnapshot) -> [ReceivedAuthority] {
        let owners = solution.owners.filter { $0.role == .responsible }
        return (owners.isEmpty ? solution.owners : owners).compactMap { owner in
            snapshot.authorities.first { $0.id == owner.authority }.map {
                ReceivedAuthority(cvr: $0.cvr, name: $0.name)
            }
        }
    }

    /// The problems that keep the signer from speaking for the bundle's authorities; empty when it does.
    static func problems(principals: [String], snapshot: RegistrySnapshot) -> [IntakeProblem] {
        guard !snapshot.solutions.isEmpty else {
            return [IntakeProblem(.noSolutions, "metadata/registry.json", "the bundle covers no solution")]
        }
        let numbers = cvrNumbers(in: principals)
        var problems: [IntakeProblem] = []
        for solution in snapshot.solutions {
            let authorities = responsible(for: solution, in: snapshot)
            if authorities.isEmpty {
                problems.append(
                    IntakeProblem(
                        .signerNotAuthority, solution.id.description,
                        "\(solution.name) has no owner in the bundle, so no authority answers for it"))
            }
            for authority in authorities where !numbers.contains(authority.cvr) {
                let named =
                    numbers.isEmpty ? "no cvr: principal" : numbers.sorted().map { "cvr:\($0)" }.joined(separator: ", ")
                problems.append(
                    IntakeProblem(
                        .signerNotAuthority, solution.id.description,
                        "\(solution.name) is \(authority.name)'s (cvr:\(authority.cvr)), but the allowed signers tie"
                            + " the signing key to \(named)"))
            }
        }
        return problems
    }
}
