#!/usr/bin/env python3
"""Fills an initialised evident home with a large synthetic registry, straight through SQLite.

Usage: generate-registry.py HOME [--solutions N] [--usages N] [--evidence N] [--seed N]

For benchmarks only: it writes rows the way the migrations define them, but no documents
and no audit events, so `evident check` would (rightly) complain about such a home.
"""
import argparse
import random
import sqlite3
import sys


def cvr_numbers():
    """Yields valid CVR numbers (mod-11 with weights 2,7,6,5,4,3,2,1)."""
    weights = [2, 7, 6, 5, 4, 3, 2, 1]
    for base in range(1000000, 9999999):
        digits = [int(c) for c in str(base)]
        partial = sum(d * w for d, w in zip(digits, weights))
        check = (-partial) % 11
        if check < 10:
            yield str(base) + str(check)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("home")
    parser.add_argument("--solutions", type=int, default=2000)
    parser.add_argument("--usages", type=int, default=50000)
    parser.add_argument("--evidence", type=int, default=100000)
    # A registry's shape per usage: how many usages share a vendor or service. Scaled with the usages, each usage
    # has as much evidence to weigh at any size; fixed, evidence per vendor grows with the registry.
    parser.add_argument("--vendors", type=int, default=200)
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    db = sqlite3.connect(f"{args.home}/registry.sqlite")
    db.execute("PRAGMA foreign_keys = ON")
    cur = db.cursor()
    if cur.execute("SELECT count(*) FROM solution").fetchone()[0]:
        sys.exit("error: the home already has solutions")

    authorities = max(10, args.solutions // 10)
    kinds = ["state"] * 6 + ["municipality"] * 2 + ["region", "private"]
    cvrs = cvr_numbers()
    cur.executemany(
        "INSERT INTO authority (id, name, cvr, kind) VALUES (?, ?, ?, ?)",
        [(i, f"Authority {i}", next(cvrs), kinds[i % len(kinds)]) for i in range(1, authorities + 1)],
    )
    solution_kinds = ["self-service"] * 7 + ["national-portal", "information"]
    audiences = ["citizens"] * 6 + ["both", "businesses"]
    cur.executemany(
        "INSERT INTO solution (id, name, kind, channel, url, appId, audience, mandatory, mandatedBy)"
        " VALUES (?, ?, ?, 'web', ?, NULL, ?, ?, NULL)",
        [
            (i, f"Solution {i}", rng.choice(solution_kinds), f"https://s{i}.example.dk",
             rng.choice(audiences), 1 if rng.random() < 0.85 else 0)
            for i in range(1, args.solutions + 1)
        ],
    )
    roles = ["responsible", "co-owner", "operator"]
    owners = []
    for i in range(1, args.solutions + 1):
        for j, authority in enumerate(rng.sample(range(1, authorities + 1), rng.choice([1, 1, 1, 2]))):
            owners.append((i, authority, roles[min(j, 2)]))
    cur.executemany("INSERT INTO solutionOwner (solutionId, authorityId, role) VALUES (?, ?, ?)", owners)

    vendors = args.vendors
    cur.executemany(
        "INSERT INTO vendor (id, name, country) VALUES (?, ?, ?)",
        [(i, f"Vendor {i}", rng.choice(["DK", "IE", "US", "DE", "SE"])) for i in range(1, vendors + 1)],
    )
    services = args.services
    categories = ["statistics", "fonts", "video", "images", "maps", "chat", "consent", "security", "login", "cdn"]
    cur.executemany(
        "INSERT INTO service (id, vendorId, name, category, hosts, cookies) VALUES (?, ?, ?, ?, ?, '[]')",
        [
            (i, rng.randint(1, vendors), f"Service {i}", rng.choice(categories), f'["s{i}.example.com"]')
            for i in range(1, services + 1)
        ],
    )
    routes = ["opt-out", "agreement", "technically-necessary", "none"]
    purposes = ["no"] * 6 + ["yes", "unknown"]
    usage_rows = []
    for i in range(1, args.usages + 1):
        since = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-01"
        until = None if rng.random() < 0.9 else f"2026-{rng.randint(1, 12):02d}-28"
        usage_rows.append((i, rng.randint(1, args.solutions), rng.randint(1, services), since, until,
                           rng.choice(routes), rng.choice(purposes)))
    cur.executemany(
        "INSERT INTO usage (id, solutionId, serviceId, since, until, purpose, route, vendorOwnPurposes)"
        " VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
        usage_rows,
    )
    evidence_kinds = ["opt-out-screenshot", "opt-out-config", "data-processing-agreement", "agreement",
                      "technical-justification", "vendor-terms"]
    evidence_rows, coverage_rows, party_rows = [], [], []
    owners_of = {}
    for solution, authority, _ in owners:
        owners_of.setdefault(solution, []).append(authority)
    usage_solution = {row[0]: row[1] for row in usage_rows}
    for i in range(1, args.evidence + 1):
        kind = rng.choice(evidence_kinds)
        year = rng.randint(2022, 2026)
        captured = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if "opt-out" in kind else None
        signed = None if captured else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        valid_until = None if rng.random() < 0.5 else f"{year + rng.randint(1, 3)}-12-31"
        clause = "Section 5.2" if rng.random() < 0.9 else None
        supersedes = i - 1 if i > 1 and rng.random() < 0.05 else None
        target = rng.random()
        # Evidence binds its parties (rules version 2): a usage's solution owners; a service's or vendor's
        # named authorities, or every state authority for a framework agreement.
        all_state = 1 if target >= 0.7 and rng.random() < 0.3 else 0
        evidence_rows.append((i, kind, f"Evidence {i}", captured, signed, valid_until,
                              rng.choice([None, 30, 90]) if valid_until else None, clause, supersedes, all_state))
        if target < 0.7:
            usage = rng.randint(1, args.usages)
            coverage_rows.append((i, usage, None, None))
            party_rows += [(i, authority) for authority in owners_of.get(usage_solution[usage], [])]
        else:
            if target < 0.9:
                coverage_rows.append((i, None, rng.randint(1, services), None))
            else:
                coverage_rows.append((i, None, None, rng.randint(1, vendors)))
            if not all_state:
                party_rows += [(i, authority) for authority in rng.sample(range(1, authorities + 1), 3)]
    cur.executemany(
        "INSERT INTO evidence (id, kind, title, captured, signed, validUntil, noticeDays, clause, supersedesId,"
        " allState, filedAt, filedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', 'generator')",
        evidence_rows,
    )
    cur.executemany("INSERT OR IGNORE INTO evidenceParty (evidenceId, authorityId) VALUES (?, ?)", party_rows)
    cur.executemany(
        "INSERT INTO coverage (evidenceId, usageId, serviceId, vendorId) VALUES (?, ?, ?, ?)", coverage_rows
    )
    db.commit()
    print(f"{args.solutions} solutions, {args.usages} usages, {args.evidence} evidence, "
          f"{len(coverage_rows)} coverage rows, {len(party_rows)} parties, {authorities} authorities")


if __name__ == "__main__":
    main()
