#!/usr/bin/env python3
"""Draws how evident's cost grows with size, from a bench/results.json, as an SVG.

Usage: chart.py RESULTS.json OUT.svg

One panel per series (rows with a "series" key: status by usages, check by documents, verify by MiB), both axes
logarithmic; a dashed line through the smallest size grows in proportion to size, so a series that follows it
grows linearly. References measured in the same run (rows with reference_s) are drawn grey.
"""
import json
import math
import sys

PANELS = [
    ("status", "status --json", "usages"),
    ("check", "check and check --deep", "documents"),
    ("verify", "bundle verify (8 documents)", "MiB"),
]
COLOURS = ["#1f5fa8", "#c2571a", "#2d8a4e"]
WIDTH, HEIGHT, PANEL_W, TOP, PLOT_H, LEFT = 960, 330, 300, 50, 210, 60


def nice(value, unit=""):
    if unit == "MiB" and value >= 1024:
        return f"{value / 1024:g} GiB"
    if value >= 1000000:
        return f"{value / 1000000:g}M"
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.3g} s"


def main():
    results = json.load(open(sys.argv[1]))
    rows = [r for r in results["results"] if "series" in r]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        ' font-family="sans-serif" font-size="11">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{WIDTH / 2}" y="18" text-anchor="middle" font-size="14">How evident\'s cost grows with size'
        f' ({results["machine"]["cores"]} cores, medians, {results["date"][:10]}, both axes logarithmic)</text>',
    ]
    for index, (series, title, unit) in enumerate(PANELS):
        x0 = LEFT + index * (PANEL_W + 20)
        lines = {}
        for row in rows:
            if row["series"] != series:
                continue
            label = row.get("label", "evident")
            lines.setdefault(label, []).append((row["size"], row["evident_s"]))
            if "reference_s" in row:
                lines.setdefault(row["reference"], []).append((row["size"], row["reference_s"]))
        out.append(f'<text x="{x0 + (PANEL_W - 40) / 2}" y="{TOP - 12}" text-anchor="middle" font-size="12"'
                   f' font-weight="bold">{title}</text>')
        plot_w = PANEL_W - 40
        out.append(f'<rect x="{x0}" y="{TOP}" width="{plot_w}" height="{PLOT_H}" fill="none" stroke="#999"/>')
        points = [p for ps in lines.values() for p in ps]
        if not points:
            out.append(f'<text x="{x0 + plot_w / 2}" y="{TOP + PLOT_H / 2}" text-anchor="middle">not measured</text>')
            continue
        xs = [p[0] for p in points]
        ys = [max(p[1], 0.005) for p in points]
        xmin, xmax = math.log10(min(xs)) - 0.15, math.log10(max(xs)) + 0.15
        ymin = math.floor(math.log10(min(ys)) * 2) / 2 - 0.1
        ymax = math.ceil(math.log10(max(ys)) * 2) / 2 + 0.1

        def px(x):
            return x0 + (math.log10(x) - xmin) / (xmax - xmin) * plot_w

        def py(y):
            return TOP + PLOT_H - (math.log10(max(y, 0.005)) - ymin) / (ymax - ymin) * PLOT_H

        for size in sorted(set(xs)):
            out.append(f'<line x1="{px(size):.1f}" y1="{TOP}" x2="{px(size):.1f}" y2="{TOP + PLOT_H}" stroke="#eee"/>')
            out.append(f'<text x="{px(size):.1f}" y="{TOP + PLOT_H + 14}" text-anchor="middle">{nice(size, unit)}</text>')
        out.append(f'<text x="{x0 + plot_w / 2}" y="{TOP + PLOT_H + 30}" text-anchor="middle">{unit}</text>')
        exponent = math.ceil(ymin)
        while exponent <= ymax:
            for mantissa in (1, 3):
                value = mantissa * 10 ** exponent
                if ymin <= math.log10(value) <= ymax:
                    y = py(value)
                    out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x0 + plot_w}" y2="{y:.1f}" stroke="#eee"/>')
                    out.append(f'<text x="{x0 - 4}" y="{y + 4:.1f}" text-anchor="end">{seconds(value)}</text>')
            exponent += 1
        legend_y = TOP + 14
        ours = [label for label in lines if not label.startswith(("openssl", "tar", "cp", "sha256sum"))]
        theirs = [label for label in lines if label not in ours]
        for number, label in enumerate(ours + theirs):
            pts = sorted(lines[label])
            colour = COLOURS[number % len(COLOURS)] if label in ours else "#888"
            if label in ours and len(pts) > 1:
                # In proportion to size from the smallest point: a linear series follows this line.
                (sx, sy), (ex, _) = pts[0], pts[-1]
                out.append(f'<line x1="{px(sx):.1f}" y1="{py(sy):.1f}" x2="{px(ex):.1f}" y2="{py(sy * ex / sx):.1f}"'
                           f' stroke="{colour}" stroke-dasharray="3 3" stroke-opacity="0.5"/>')
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for x, y in pts:
                out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}">'
                           f'<title>{label}: {nice(x, unit)} {unit}, {seconds(y)}</title></circle>')
            name = label if label in ours else label
            out.append(f'<line x1="{x0 + 8}" y1="{legend_y - 4}" x2="{x0 + 24}" y2="{legend_y - 4}" stroke="{colour}"'
                       ' stroke-width="2"/>')
            out.append(f'<text x="{x0 + 28}" y="{legend_y}">{name}</text>')
            legend_y += 14
    out.append(f'<text x="{LEFT}" y="{HEIGHT - 8}" fill="#666">Dashed: growth in proportion to size from the smallest'
               ' point (linear). Grey: the reference command in the same run.</text>')
    out.append("</svg>")
    open(sys.argv[2], "w").write("\n".join(out) + "\n")


main()
