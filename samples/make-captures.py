#!/usr/bin/env python3
"""Writes samples/captures/: a Chromium-style HAR 1.2 of TastSelv Borger and a small inspection.json.

The HAR loads the solution's own pages and a first-party CDN subdomain (cdn.skat.dk), Siteimprove and
Cookie Information (registered usages), Google Analytics through Tag Manager (registered as a service,
but TastSelv's usage ended in 2021), and Hotjar, which nobody registered. Google Fonts, a registered
usage, is not loaded (self-hosted since), so the scan lists it as unused. A few entries carry large
response bodies, as real captures do.
"""
import base64, json, os, random

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "captures")
os.makedirs(here, exist_ok=True)
rng = random.Random(13)

def body(size):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(size))).decode()

def entry(t, url, rtype, mime, size=0, set_cookies=(), status=200, text=None, encoding=None):
    content = {"size": size, "mimeType": mime}
    if text is not None:
        content["text"] = text
    if encoding:
        content["encoding"] = encoding
    return {
        "_initiator": {"type": "parser", "url": "https://www.skat.dk/tastselv", "lineNumber": 12},
        "_priority": "High",
        "_resourceType": rtype,
        "cache": {},
        "connection": "443",
        "pageref": "page_1",
        "request": {
            "method": "GET", "url": url, "httpVersion": "h2",
            "headers": [{"name": ":authority", "value": url.split("/")[2] if "//" in url else ""}, {"name": "accept", "value": "*/*"}],
            "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0,
        },
        "response": {
            "status": status, "statusText": "", "httpVersion": "h2",
            "headers": [{"name": "content-type", "value": mime}]
            + [{"name": "set-cookie", "value": c} for c in set_cookies],
            "cookies": [], "content": content, "redirectURL": "", "headersSize": -1, "bodySize": size,
            "_transferSize": size + 300, "_error": None,
        },
        "serverIPAddress": "192.0.2.10",
        "startedDateTime": "2026-11-02T09:14:%06.3fZ" % t,
        "time": 42.5,
        "timings": {"blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 30.2, "receive": 11.0},
    }

page_html = "<!doctype html><html lang=da><head><title>TastSelv</title></head><body>" + "x" * 20000 + "</body></html>"
entries = [
    entry(3.120, "https://www.skat.dk/tastselv", "document", "text/html; charset=utf-8", len(page_html),
          ["JSESSIONID=8F1C2; Path=/; Secure; HttpOnly"], text=page_html),
    entry(3.410, "https://cdn.skat.dk/assets/app.4f1a.js", "script", "application/javascript", 180000,
          text=body(135000), encoding="base64"),
    entry(3.412, "https://cdn.skat.dk/assets/site.css", "stylesheet", "text/css", 40000, text="body{}" * 6000),
    entry(3.450, "https://cdn.skat.dk/fonts/republic.woff2", "font", "font/woff2", 52000),
    entry(3.600, "https://policy.app.cookieinformation.com/uc.js", "script", "application/javascript", 90000,
          text=body(60000), encoding="base64"),
    entry(3.900, "https://policy.app.cookieinformation.com/cookiesharingiframe.html", "document", "text/html", 800,
          ["CookieInformationConsent=%7B%7D; Domain=.skat.dk; Path=/; Max-Age=31536000; Secure; SameSite=Lax"]),
    entry(4.100, "https://siteimproveanalytics.com/js/siteanalyze_6003178.js", "script", "application/javascript",
          30000, text=body(20000), encoding="base64"),
    entry(4.350, "https://6003178.global.siteimproveanalytics.io/image.aspx?sid=6003178&prev=&url=https%3A%2F%2Fwww.skat.dk%2Ftastselv",
          "image", "image/gif", 43,
          ["nmstat=2b7c1a; Domain=.skat.dk; Path=/; Expires=Wed, 02 Dec 2026 09:14:04 GMT"]),
    entry(4.500, "https://www.googletagmanager.com/gtag/js?id=G-8XK2Q1", "script", "application/javascript",
          250000, text=body(190000), encoding="base64"),
    entry(4.900, "https://region1.google-analytics.com/g/collect?v=2&tid=G-8XK2Q1&cid=1.2&dl=https%3A%2F%2Fwww.skat.dk%2Ftastselv",
          "ping", "text/plain", 0, status=204),
    entry(5.000, "https://static.hotjar.com/c/hotjar-3480112.js?sv=6", "script", "application/javascript", 8000),
    entry(5.300, "https://script.hotjar.com/modules.8f2c4d.js", "script", "application/javascript", 120000,
          text=body(80000), encoding="base64"),
    entry(5.700, "https://in.hotjar.com/api/v2/client/sites/3480112/visit-data?sv=7", "xhr", "application/json", 2,
          ["_hjSessionUser_3480112=eyJpZCI6; Domain=.skat.dk; Path=/; Max-Age=31536000"], text="{}"),
    entry(6.100, "https://www.skat.dk/tastselv/api/session", "fetch", "application/json", 120, text='{"ok":true}'),
    entry(6.200, "data:image/svg+xml;base64,PHN2Zy8+", "image", "image/svg+xml", 9),
]
har = {"log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "pages": [{"startedDateTime": "2026-11-02T09:14:03.120Z", "id": "page_1", "title": "https://www.skat.dk/tastselv",
               "pageTimings": {"onContentLoad": 812.4, "onLoad": 1320.9}}],
    "entries": entries,
}}
with open(os.path.join(here, "tastselv-borger.har"), "w") as f:
    json.dump(har, f, indent=2)
    f.write("\n")

inspection = {
    "title": "Website Evidence Collection", "task_description": None,
    "uri_ins": "https://www.borger.dk/", "uri_refs": ["https://www.borger.dk/"], "uri_dest": "https://www.borger.dk/",
    "start_time": "2026-11-03T10:02:11.512Z", "end_time": "2026-11-03T10:03:40.101Z",
    "script": {"host": "evidence", "version": {"npm": "2.0.0", "commit": None}, "cmd_args": "", "environment": {}},
    "browser": {"name": "Chromium", "version": "120.0.6099.0", "user_agent": "Mozilla/5.0", "platform": {}},
    "hosts": {
        "requests": {"firstParty": ["www.borger.dk", "static.borger.dk"],
                     "thirdParty": ["region1.google-analytics.com", "player.vimeo.com", "i.vimeocdn.com",
                                    "policy.app.cookieinformation.com"]},
        "beacons": {"firstParty": [], "thirdParty": ["region1.google-analytics.com"]},
        "cookies": {"firstParty": ["borger.dk"], "thirdParty": ["vimeo.com"]},
        "localStorage": {"firstParty": ["https://www.borger.dk"], "thirdParty": []},
        "links": {"firstParty": ["www.borger.dk"], "thirdParty": ["www.facebook.com"]},
    },
    "beacons": [{"url": "https://region1.google-analytics.com/g/collect", "query": {"v": "2", "tid": "G-1"},
                 "listName": "easyprivacy.txt", "occurrances": 4}],
    "cookies": [
        {"name": "_ga", "value": "GA1.1.9", "domain": ".borger.dk", "path": "/", "expires": 1856340131.5,
         "expiresDays": 730, "httpOnly": False, "secure": False, "session": False, "firstPartyStorage": True},
        {"name": "vuid", "value": "pl1", "domain": ".vimeo.com", "path": "/", "expires": 1856340131.5,
         "expiresDays": 730, "httpOnly": False, "secure": True, "session": False, "firstPartyStorage": False},
    ],
    "localStorage": {"https://www.borger.dk": {"cookieinfo": {"value": "{}", "log": {}}}},
}
with open(os.path.join(here, "borger-dk-inspection.json"), "w") as f:
    json.dump(inspection, f, indent=2)
    f.write("\n")
