#!/usr/bin/env python3
"""Writes a Chromium-style HAR of about SIZE megabytes: many entries over a few dozen hosts, most with large
base64 response bodies, some setting cookies. Streamed out, so generating it takes little memory.

    generate-har.py OUT.har SIZE_MIB
"""
import base64, json, os, random, sys

out, size_mib = sys.argv[1], int(sys.argv[2])
target = size_mib * 1024 * 1024
rng = random.Random(100)
hosts = ["www.skat.dk", "cdn.skat.dk", "static.skat.dk"] + [
    "region1.google-analytics.com", "www.googletagmanager.com", "fonts.googleapis.com", "fonts.gstatic.com",
    "siteimproveanalytics.com", "6003178.global.siteimproveanalytics.io", "policy.app.cookieinformation.com",
    "static.hotjar.com", "script.hotjar.com", "cdn.jsdelivr.net", "player.vimeo.com", "i.vimeocdn.com",
] + ["tracker%d.example-metrics.net" % i for i in range(20)]
blob = base64.b64encode(os.urandom(600_000)).decode()
written = 0
with open(out, "w") as f:
    head = '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"startedDateTime":"2026-11-02T09:14:03.120Z","id":"page_1","title":"https://www.skat.dk/tastselv","pageTimings":{}}],"entries":[\n'
    f.write(head)
    written += len(head)
    n = 0
    while written < target:
        host = rng.choice(hosts)
        big = rng.random() < 0.5
        start = rng.randrange(0, len(blob) - 400_000)
        text = blob[start:start + rng.randrange(100_000, 400_000)] if big else "{}"
        cookies = [{"name": "set-cookie", "value": "c%d=%d; Domain=.%s; Max-Age=86400" % (n % 7, n, host)}] if n % 5 == 0 else []
        entry = {
            "_resourceType": rng.choice(["script", "image", "xhr", "stylesheet", "font"]),
            "startedDateTime": "2026-11-02T09:%02d:%02d.%03dZ" % (14 + n // 60000 % 40, n // 1000 % 60, n % 1000),
            "request": {"method": "GET", "url": "https://%s/asset/%d.js?v=%d" % (host, n, rng.randrange(10**6)),
                        "httpVersion": "h2", "headers": [{"name": "accept", "value": "*/*"}], "queryString": [],
                        "cookies": [], "headersSize": -1, "bodySize": 0},
            "response": {"status": 200, "statusText": "", "httpVersion": "h2",
                         "headers": [{"name": "content-type", "value": "application/javascript"}] + cookies,
                         "cookies": [], "content": {"size": len(text), "mimeType": "application/javascript",
                                                    "text": text, "encoding": "base64"},
                         "redirectURL": "", "headersSize": -1, "bodySize": len(text)},
            "cache": {}, "timings": {"send": 0.1, "wait": 20.5, "receive": 3.2}, "time": 23.8,
        }
        line = ("," if n else "") + json.dumps(entry) + "\n"
        f.write(line)
        written += len(line)
        n += 1
    f.write("]}}\n")
print(n, "entries", file=sys.stderr)
