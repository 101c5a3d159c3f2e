#!/usr/bin/env python3
"""Write a large contract list for the import benchmark, with its documents beside it.

    generate-contracts.py DIR [--rows 10000] [--documents 1000] [--authorities 10]

Writes DIR/contracts.csv (semicolons, Danish headers, a byte-order mark and CRLF, as a Danish spreadsheet
saves it), DIR/docs/ with the distinct small documents, and DIR/authorities.txt with one 'name cvr' line per
authority the rows name (add them to the home before importing). Row i files document i % documents for
authority i // documents, so every row is its own piece of evidence; 100 vendors, one service per document.
"""

import argparse
import csv
import io
import os


def cvr_numbers(count):
    """The first `count` valid CVR numbers from 10000000 (mod-11 check)."""
    weights = [2, 7, 6, 5, 4, 3, 2, 1]
    number = 10000000
    while count:
        digits = [int(c) for c in str(number)]
        if sum(d * w for d, w in zip(digits, weights)) % 11 == 0:
            yield str(number)
            count -= 1
        number += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--authorities", type=int, default=10)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.directory, "docs"), exist_ok=True)
    for d in range(args.documents):
        with open(os.path.join(args.directory, "docs", "aftale-%04d.txt" % d), "w", encoding="utf-8") as f:
            f.write("Databehandleraftale nr. %d\n\nPunkt 7.1: Databehandleren må ikke bruge data til egne formål.\n" % d)
    authorities = list(cvr_numbers(args.authorities))
    with open(os.path.join(args.directory, "authorities.txt"), "w", encoding="utf-8") as f:
        for a, cvr in enumerate(authorities):
            f.write("Myndighed %d %s\n" % (a, cvr))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Leverandør", "Land", "Tjeneste", "Kategori", "Værter", "Type", "Titel", "Parter",
                     "Underskrevet", "Gyldig fra", "Gyldig til", "Varsel dage", "Klausul", "Dokument"])
    for i in range(args.rows):
        d = i % args.documents
        writer.writerow([
            "Leverandør %d A/S" % (d % 100), "DK", "Tjeneste %d" % d, "statistics",
            "t%d.example.dk\n*.cdn%d.example.dk" % (d, d), "data-processing-agreement",
            "Databehandleraftale %d; myndighed %d" % (d, i // args.documents),
            "Myndighed %d" % (i // args.documents % args.authorities), "01.03.2025", "2025-03-01",
            "28-02-2028", "90", "Punkt 7.1", "docs/aftale-%04d.txt" % d,
        ])
    with open(os.path.join(args.directory, "contracts.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
