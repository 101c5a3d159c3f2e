#!/usr/bin/env python3
"""Generate the sample evidence documents in samples/documents/.

Python 3 standard library only. The output is deterministic (no timestamps,
fixed content), so re-running the script reproduces the committed files byte
for byte and their SHA-256 names in a registry stay the same.

    python3 samples/make-documents.py            # writes samples/documents/
    python3 samples/make-documents.py OUTDIR     # writes elsewhere

PDFs are minimal PDF 1.4 files written by hand: one or more pages of
Helvetica text (WinAnsiEncoding, so Danish letters work) with a correct xref
table. The PNG is drawn pixel by pixel and written with zlib + struct.

The texts are invented for the samples. Names of real organisations are used
only to make the example registry recognisable; no clause is quoted from a
real contract.
"""

import json
import os
import struct
import sys
import textwrap
import zlib

# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

PAGE_W, PAGE_H = 595, 842          # A4 in points
MARGIN_X, TOP_Y, BOTTOM_Y = 56, 780, 60
BODY_SIZE, BODY_LEADING = 10, 14
WRAP = 92                          # characters per body line (Helvetica 10 pt)


def _pdf_string(text):
    """A PDF literal string in WinAnsiEncoding (cp1252)."""
    raw = text.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _layout(title, paragraphs):
    """Lay the text out into pages: a list of lists of (font, size, text, gap)."""
    lines = [("F2", 15, title, 0), ("F1", BODY_SIZE, "", 6)]
    for para in paragraphs:
        if para.startswith("# "):                 # a heading
            lines.append(("F2", 11, para[2:], 8))
            continue
        if para == "":
            lines.append(("F1", BODY_SIZE, "", 0))
            continue
        indent = ""
        if para.startswith("- "):
            indent = "   "
        wrapped = textwrap.wrap(para, WRAP, subsequent_indent=indent) or [""]
        for i, w in enumerate(wrapped):
            lines.append(("F1", BODY_SIZE, w, 4 if i == 0 else 0))
    pages, page, y = [], [], TOP_Y
    for font, size, text, gap in lines:
        step = (size + 4) + gap
        # keep a heading together with at least two lines of what follows
        need = step + (2 * (BODY_SIZE + 4) if font == "F2" else 0)
        if y - need < BOTTOM_Y and page:
            pages.append(page)
            page, y = [], TOP_Y
        y -= step
        page.append((font, size, text, y))
    if page:
        pages.append(page)
    return pages


def make_pdf(title, paragraphs, author, subject, date, page_word="side", of_word="af"):
    """Return the bytes of a PDF 1.4 document.

    date is 'YYYYMMDD' and becomes the Info dictionary's CreationDate.
    """
    pages = _layout(title, paragraphs)
    n_pages = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info,
    # then per page: page object, content stream.
    first_page_obj = 6
    page_ids = [first_page_obj + 2 * i for i in range(n_pages)]

    objects = {}
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects[2] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages
    objects[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                  b"/Encoding /WinAnsiEncoding >>")
    objects[4] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                  b"/Encoding /WinAnsiEncoding >>")
    objects[5] = (b"<< /Title " + _pdf_string(title)
                  + b" /Author " + _pdf_string(author)
                  + b" /Subject " + _pdf_string(subject)
                  + b" /Producer (evident samples/make-documents.py)"
                  + b" /CreationDate (D:" + date.encode("ascii") + b"120000Z) >>")

    for i, (pid, page) in enumerate(zip(page_ids, pages)):
        ops = [b"BT"]
        for font, size, text, y in page:
            if not text:
                continue
            ops.append(b"/%s %d Tf" % (font.encode("ascii"), size))
            ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN_X, y))
            ops.append(_pdf_string(text) + b" Tj")
        # footer: page number
        ops.append(b"/F1 8 Tf")
        ops.append(b"1 0 0 1 %d %d Tm" % (MARGIN_X, 36))
        ops.append(_pdf_string("%s  -  %s %d %s %d" % (title, page_word, i + 1, of_word, n_pages)) + b" Tj")
        ops.append(b"ET")
        content = b"\n".join(ops) + b"\n"
        objects[pid + 1] = (b"<< /Length %d >>\nstream\n" % len(content)
                            + content + b"endstream")
        objects[pid] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                        b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                        b"/Contents %d 0 R >>" % (PAGE_W, PAGE_H, pid + 1))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    size = max(objects) + 1
    for num in range(1, size):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\n" % size
            + b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)


# ---------------------------------------------------------------------------
# PNG
# ---------------------------------------------------------------------------

def _hex(c):
    return (int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16))


class Canvas:
    """An RGB canvas with anti-aliased rounded rectangles and circles."""

    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = [list(_hex(bg)) * w for _ in range(h)]

    def _blend(self, x, y, rgb, a):
        if a <= 0 or not (0 <= x < self.w and 0 <= y < self.h):
            return
        row = self.px[y]
        i = 3 * x
        for k in range(3):
            row[i + k] = int(round(row[i + k] * (1 - a) + rgb[k] * a))

    def rrect(self, x0, y0, x1, y1, r, color):
        """Fill a rectangle [x0,x1)x[y0,y1) with corner radius r."""
        rgb = _hex(color)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hx, hy = (x1 - x0) / 2, (y1 - y0) / 2
        for y in range(int(y0) - 1, int(y1) + 1):
            for x in range(int(x0) - 1, int(x1) + 1):
                # signed distance to a rounded box, sampled at the pixel centre
                qx = abs(x + 0.5 - cx) - (hx - r)
                qy = abs(y + 0.5 - cy) - (hy - r)
                ox, oy = max(qx, 0.0), max(qy, 0.0)
                d = (ox * ox + oy * oy) ** 0.5 + min(max(qx, qy), 0.0) - r
                self._blend(x, y, rgb, min(1.0, max(0.0, 0.5 - d)))

    def circle(self, cx, cy, r, color):
        self.rrect(cx - r, cy - r, cx + r, cy + r, r, color)

    def png(self):
        raw = b"".join(b"\x00" + bytes(row) for row in self.px)

        def chunk(tag, data):
            return (struct.pack(">I", len(data)) + tag + data
                    + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

        ihdr = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)
        text = b"Description\x00Mock screenshot: Google Analytics, Admin > " \
               b"Account settings > Data sharing settings, all options off. " \
               b"Captured 2024-09-12 for Politiets anmeldelsesloesning."
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                + chunk(b"tEXt", text)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def make_settings_png():
    """A mock of GA's 'Data sharing settings' panel with every toggle off."""
    c = Canvas(640, 420, "#f1f3f4")
    # top app bar with an analytics-style logo (three bars)
    c.rrect(0, 0, 640, 56, 0, "#ffffff")
    c.rrect(0, 56, 640, 57, 0, "#dadce0")
    c.rrect(20, 30, 27, 44, 3, "#e37400")
    c.rrect(30, 22, 37, 44, 3, "#f9ab00")
    c.rrect(40, 12, 47, 44, 3, "#f9ab00")
    c.rrect(60, 22, 190, 32, 5, "#5f6368")       # product name stand-in
    c.circle(612, 28, 14, "#1a73e8")              # account avatar
    # left navigation rail
    c.rrect(0, 57, 150, 420, 0, "#ffffff")
    c.rrect(150, 57, 151, 420, 0, "#dadce0")
    for i, w in enumerate((96, 80, 110, 70, 100)):
        y = 84 + 34 * i
        colour = "#1a73e8" if i == 2 else "#9aa0a6"
        if i == 2:
            c.rrect(0, y - 10, 144, y + 18, 14, "#e8f0fe")
        c.rrect(20, y, 20 + w, y + 8, 4, colour)
    # the settings card
    c.rrect(170, 76, 622, 404, 8, "#dadce0")
    c.rrect(171, 77, 621, 403, 8, "#ffffff")
    c.rrect(192, 96, 400, 108, 6, "#202124")     # card title stand-in
    c.rrect(192, 118, 560, 124, 3, "#bdc1c6")    # explanatory text stand-in
    c.rrect(192, 130, 500, 136, 3, "#bdc1c6")
    label_widths = (150, 180, 130, 200, 170)
    for i, w in enumerate(label_widths):
        top = 152 + 44 * i
        c.rrect(172, top, 620, top + 1, 0, "#e8eaed")
        c.rrect(192, top + 14, 192 + w, top + 22, 4, "#3c4043")       # label
        c.rrect(192, top + 28, 192 + w + 90, top + 33, 3, "#dadce0")  # description
        # the toggle, switched OFF: grey track, knob at the left
        tx, ty = 556, top + 22
        c.rrect(tx, ty - 7, tx + 36, ty + 7, 7, "#bdc1c6")
        c.circle(tx + 9, ty + 1, 11, "#c7c9cc")        # soft shadow
        c.circle(tx + 9, ty, 10, "#ffffff")
    # Save button, and a green "saved" confirmation dot
    c.rrect(524, 372, 604, 396, 4, "#1a73e8")
    c.rrect(540, 381, 588, 387, 3, "#ffffff")
    c.circle(202, 384, 6, "#1e8e3e")
    c.rrect(214, 381, 330, 387, 3, "#5f6368")
    return c.png()


# ---------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------

GA_EXPORT = {
    "kind": "analyticsadmin#configurationExport",
    "exportedAt": "2026-11-02T09:14:37Z",
    "exportedBy": "web-analytics@sundhed.dk",
    "api": "https://analyticsadmin.googleapis.com/v1beta",
    "account": {
        "name": "accounts/218834571",
        "displayName": "sundhed.dk",
        "regionCode": "DK",
        "createTime": "2021-04-19T08:02:11.482Z",
        "updateTime": "2026-10-28T13:40:05.117Z",
    },
    "dataSharingSettings": {
        "name": "accounts/218834571/dataSharingSettings",
        "sharingWithGoogleSupportEnabled": False,
        "sharingWithGoogleAssignedSalesEnabled": False,
        "sharingWithGoogleAnySalesEnabled": False,
        "sharingWithGoogleProductsEnabled": False,
        "sharingWithOthersEnabled": False,
    },
    "properties": [
        {
            "name": "properties/402917763",
            "displayName": "Min Sundhedsjournal – www.sundhed.dk",
            "timeZone": "Europe/Copenhagen",
            "currencyCode": "DKK",
            "industryCategory": "HEALTHCARE",
            "dataRetentionSettings": {
                "name": "properties/402917763/dataRetentionSettings",
                "eventDataRetention": "TWO_MONTHS",
                "resetUserDataOnNewActivity": False,
            },
            "googleSignalsSettings": {
                "name": "properties/402917763/googleSignalsSettings",
                "state": "GOOGLE_SIGNALS_DISABLED",
                "consent": "GOOGLE_SIGNALS_CONSENT_NOT_CONSENTED",
            },
            "dataStreams": [
                {
                    "name": "properties/402917763/dataStreams/6021184473",
                    "type": "WEB_DATA_STREAM",
                    "displayName": "www.sundhed.dk",
                    "webStreamData": {
                        "measurementId": "G-7QK2M9XW4D",
                        "defaultUri": "https://www.sundhed.dk",
                    },
                }
            ],
            "googleAdsLinks": [],
        }
    ],
}

VIMEO_CONFIG = {
    "component": "VideoPlayer",
    "site": "https://www.sundhed.dk",
    "provider": "vimeo",
    "playerHost": "player.vimeo.com",
    "embedUrlTemplate": "https://player.vimeo.com/video/{videoId}?dnt=1&title=0&byline=0&portrait=0",
    "playerOptions": {
        "dnt": True,
        "autoplay": False,
        "muted": False,
        "title": False,
        "byline": False,
        "portrait": False,
        "pip": False,
    },
    "comment": "dnt=1 stops the Vimeo player from setting cookies (vuid) and "
               "from tracking session data. Required on every embed; the CMS "
               "rejects embed codes without it since release 2026.3.",
    "changedBy": "Region Hovedstaden, Center for IT, Medico og Telefoni",
    "changedAt": "2026-03-17",
    "exportedAt": "2026-09-22T11:05:00+02:00",
}

YOUTUBE_YAML = """\
# politi.dk - konfiguration af videoindlejring (CMS-komponenten "VideoEmbed")
# Eksporteret 2026-10-01 fra produktionsmiljøet (config/components/video-embed.yaml)
# Ændringer kræver godkendelse fra Rigspolitiets databeskyttelsesfunktion.

video_embed:
  provider: youtube
  # Privatlivsforbedret tilstand: indlejring via youtube-nocookie.com i stedet for
  # www.youtube.com. YouTube sætter ingen cookies, før borgeren starter videoen.
  embed_host: www.youtube-nocookie.com
  embed_url_template: "https://www.youtube-nocookie.com/embed/{video_id}?rel=0&modestbranding=1"
  allowed_hosts:
    - www.youtube-nocookie.com
    - i.ytimg.com
  blocked_hosts:
    - www.youtube.com
    - youtube.com
  parameters:
    rel: 0              # vis kun relaterede videoer fra samme kanal
    modestbranding: 1
    autoplay: 0
  click_to_load: true   # forhåndsvisning hentes lokalt; afspilleren indlæses først ved klik
  thumbnail_source: local-cache
  applies_to:
    - https://politi.dk/anmeld
    - https://politi.dk/anmeld/*
changed_by: rpol-web-redaktion
changed_at: 2026-05-04
"""

FONTS_NOTE = """\
Skattestyrelsen - Digital Selvbetjening
Notat: Google Fonts på TastSelv Borger
Dato: 2026-11-10
Sagsnr.: 26-1187342

Status
TastSelv Borger henter skrifttypen "Open Sans" fra fonts.googleapis.com og
fonts.gstatic.com (Google Ireland Limited). Ved hver sidevisning sendes
borgerens IP-adresse og browseroplysninger til Google.

Vurdering efter vejledningens afsnit 3.1
- R1 (fravalg): Google Fonts har ingen indstilling, der fravælger Googles brug
  af oplysningerne til egne formål.
- R2 (aftale): Der er ingen aftale med Google, der dækker Google Fonts.
- R3 (teknisk nødvendig): Skrifttypen er ikke en teknisk forudsætning;
  løsningen virker med en lokalt hostet skrifttype.
Ingen af betingelserne er opfyldt. Brugen er derfor ikke tilladt.

Handling
Skrifttyperne hostes fremover selv fra www.skat.dk/static/fonts/
(Open Sans, SIL Open Font License 1.1). Ændringen indgår i release
2027.1 (planlagt 2027-01-20). Indtil da registreres brugen uden rute.

Ansvarlig: Team Borgerselvbetjening
"""


def documents():
    """Yield (file name, bytes) for every sample document."""
    yield "google-analytics-data-sharing-off.png", make_settings_png()

    yield "google-analytics-admin-export.json", (
        json.dumps(GA_EXPORT, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    yield "vimeo-dnt-config.json", (
        json.dumps(VIMEO_CONFIG, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    yield "youtube-nocookie-config.yaml", YOUTUBE_YAML.encode("utf-8")

    yield "google-fonts-self-hosting-note.txt", FONTS_NOTE.encode("utf-8")

    yield "google-ads-data-processing-terms.pdf", make_pdf(
        "Google Ads Data Processing Terms",
        [
            "Accepted in the Google Analytics admin interface (Admin > Account "
            "settings > Data processing terms) on 14 March 2025.",
            "",
            "Customer: Digitaliseringsstyrelsen, CVR 34051178, Landgreven 4, "
            "1301 København K, Denmark (account 137004418, borger.dk).",
            "Google: Google Ireland Limited, Gordon House, Barrow Street, Dublin 4, "
            "Ireland (VAT IE6388047V).",
            "# 1. Introduction",
            "These Data Processing Terms reflect the parties' agreement on the "
            "processing of Customer Personal Data in connection with the Processor "
            "Services (including Google Analytics) under the European Data Protection "
            "Legislation.",
            "# 2. Definitions",
            "\"Customer Personal Data\" means the personal data processed by Google "
            "on behalf of Customer in providing the Processor Services.",
            "# 3. Duration",
            "These Terms take effect on the date Customer accepts them and continue "
            "until the end of Google's provision of the Processor Services under the "
            "Agreement.",
            "# 4. Scope of processing",
            "Subject matter: Google's provision of the Processor Services. Nature and "
            "purpose: measurement and reporting of website usage for Customer. Data "
            "subjects: visitors to Customer's websites. Types of data: online "
            "identifiers, IP addresses (truncated), device and browser information, "
            "pages viewed and events.",
            "# 5. Processing of data",
            "5.1 Customer's instructions. Google will process Customer Personal Data "
            "only in accordance with Customer's documented instructions.",
            "5.2 No own purposes. Google will not process Customer Personal Data for "
            "its own purposes, including product improvement, advertising or "
            "benchmarking, and will not share it with other Google products or third "
            "parties, except as Customer instructs or as required by law. This "
            "applies only while all data sharing settings of the Customer's account "
            "are switched off.",
            "# 6. Data security",
            "Google will implement and maintain technical and organisational measures "
            "to protect Customer Personal Data as described in Appendix 2.",
            "# 7. Subprocessors",
            "Customer authorises the subprocessors listed at the subprocessor page "
            "referenced in Appendix 3. Google will give notice of new subprocessors.",
            "# 8. Data transfers",
            "Transfers outside the EEA are made under the EU-U.S. Data Privacy "
            "Framework or the Standard Contractual Clauses (Module 2 and 3).",
            "# 9. Deletion",
            "On expiry of the Agreement Google will delete Customer Personal Data "
            "within 180 days, unless EU or member state law requires storage.",
        ],
        author="Google Ireland Limited",
        subject="Data processing terms, Google Analytics for borger.dk",
        date="20250314",
        page_word="page",
        of_word="of",
    )

    dpa_common = [
        "# 2. Behandlingens karakter og formål",
        "Databehandleren leverer webstatistik, tilgængeligheds- og "
        "kvalitetsmålinger (Siteimprove Analytics og Siteimprove Platform) for "
        "den dataansvarliges websteder, herunder TastSelv Borger og skat.dk.",
        "# 3. Typer af personoplysninger og kategorier af registrerede",
        "Pseudonyme identifikatorer (cookien nmstat), afkortede IP-adresser, "
        "oplysninger om browser og enhed samt besøgte sider. Registrerede: "
        "besøgende på den dataansvarliges websteder.",
        "# 4. Den dataansvarliges instruks",
        "Databehandleren må alene behandle personoplysninger efter dokumenteret "
        "instruks fra den dataansvarlige, jf. bilag C.",
        "# 5. Fortrolighed og sikkerhed",
        "Databehandleren sikrer, at personer med adgang til oplysningerne har "
        "forpligtet sig til fortrolighed, og gennemfører foranstaltninger efter "
        "databeskyttelsesforordningens artikel 32.",
        "# 6. Underdatabehandlere",
        "Databehandleren må kun anvende de underdatabehandlere, der er anført i "
        "bilag B. Data opbevares i EU (Microsoft Azure, region Nordeuropa).",
    ]

    siteimprove_parties = [
        "Dataansvarlig: Skattestyrelsen, CVR 43280910, Østbanegade 123, 2100 København Ø.",
        "Databehandler: Siteimprove A/S, CVR 25645898, Sankt Annæ Plads 28, 1250 København K.",
    ]

    yield "siteimprove-dpa-2023.pdf", make_pdf(
        "Databehandleraftale - Siteimprove (version 2023)",
        [
            "Standardkontraktsbestemmelser i henhold til databeskyttelsesforordningens "
            "artikel 28, stk. 3 (Datatilsynets skabelon).",
            "",
        ] + siteimprove_parties + [
            "# 1. Aftalens varighed",
            "Aftalen gælder fra 1. januar 2023 til og med 31. december 2024.",
        ] + dpa_common + [
            "# 7. Databehandlerens egne formål",
            "Punkt 6.3 i hovedaftalen finder anvendelse: Databehandleren må ikke "
            "anvende personoplysninger til egne formål, herunder produktudvikling "
            "eller benchmarking på tværs af kunder.",
            "# 8. Underskrifter",
            "For Skattestyrelsen: Jens Holm Mikkelsen, kontorchef, 12. december 2022.",
            "For Siteimprove A/S: Maria Kjær Lund, Head of Legal, 14. december 2022.",
        ],
        author="Skattestyrelsen",
        subject="Databehandleraftale med Siteimprove A/S 2023-2024",
        date="20221214",
    )

    yield "siteimprove-dpa-2025.pdf", make_pdf(
        "Databehandleraftale - Siteimprove (version 2025)",
        [
            "Standardkontraktsbestemmelser i henhold til databeskyttelsesforordningens "
            "artikel 28, stk. 3 (Datatilsynets skabelon). Denne aftale erstatter "
            "databehandleraftalen af december 2022 (version 2023).",
            "",
        ] + siteimprove_parties + [
            "# 1. Aftalens varighed",
            "Aftalen gælder fra 1. januar 2025 til og med 31. december 2026. "
            "Den kan opsiges eller genforhandles med 30 dages varsel før udløb.",
        ] + dpa_common + [
            "# 7. Databehandlerens egne formål",
            "Punkt 7.1. Databehandleren må ikke behandle personoplysninger, som "
            "indsamles på den dataansvarliges websteder, til egne formål, herunder "
            "produktudvikling, benchmarking, profilering eller markedsføring, og må "
            "ikke videregive dem til tredjemand, medmindre den dataansvarlige har "
            "givet skriftlig instruks herom.",
            "Punkt 7.2. Overtrædelse af punkt 7.1 er væsentlig misligholdelse.",
            "# 8. Sletning og tilbagelevering",
            "Ved aftalens ophør sletter databehandleren alle personoplysninger "
            "senest 30 dage efter ophøret og bekræfter sletningen skriftligt.",
            "# 9. Underskrifter",
            "For Skattestyrelsen: Jens Holm Mikkelsen, kontorchef, 5. december 2024.",
            "For Siteimprove A/S: Maria Kjær Lund, Head of Legal, 9. december 2024.",
        ],
        author="Skattestyrelsen",
        subject="Databehandleraftale med Siteimprove A/S 2025-2026",
        date="20241209",
    )

    yield "cookieinformation-technical-justification.pdf", make_pdf(
        "Teknisk begrundelse: samtykkeløsning på TastSelv Borger",
        [
            "Skattestyrelsen, Digital Selvbetjening. Notat af 3. juni 2026, "
            "sagsnr. 26-0412290.",
            "# Tjeneste",
            "Cookie Information Consent Management Platform (Cookie Information A/S, "
            "CVR 35802576). Scriptet hentes fra policy.app.cookieinformation.com og "
            "sætter cookien CookieInformationConsent.",
            "# Begrundelse",
            "Cookiebekendtgørelsen (BEK nr. 1148 af 9. december 2011) § 3 kræver "
            "samtykke, før andre cookies end de nødvendige sættes. Samtykkeløsningen "
            "er derfor en teknisk forudsætning for, at TastSelv Borger kan overholde "
            "reglerne. Cookien CookieInformationConsent gemmer alene borgerens valg "
            "og er omfattet af undtagelsen i § 4, stk. 2.",
            "# Leverandørens brug af data",
            "Cookie Information A/S behandler samtykkeregistreringer alene som "
            "databehandler for Skattestyrelsen (databehandleraftale af 12. februar "
            "2024) og kun i det omfang, det er nødvendigt for, at løsningen virker. "
            "Leverandøren anvender ikke oplysningerne til egne formål.",
            "# Konklusion",
            "Brugen er teknisk nødvendig efter vejledningens afsnit 3.1, rute R3.",
            "",
            "Godkendt: Anne Sofie Brandt, databeskyttelsesrådgiver.",
        ],
        author="Skattestyrelsen",
        subject="Teknisk begrundelse, Cookie Information",
        date="20260603",
    )

    yield "cookieinformation-subscription-agreement.pdf", make_pdf(
        "Abonnementsaftale - Cookie Information Consent Management Platform",
        [
            "Kunde: Digitaliseringsstyrelsen, CVR 34051178, Landgreven 4, "
            "1301 København K (løsning: borger.dk).",
            "Leverandør: Cookie Information A/S, CVR 35802576, Amaliegade 10, "
            "1256 København K.",
            "# 1. Ydelsen",
            "Adgang til Cookie Information Consent Management Platform for op til 5 "
            "domæner, herunder cookiebanner, automatisk cookiescanning og "
            "samtykkelog.",
            "# 2. Pris og betaling",
            "Årligt abonnement, faktureres forud via EAN 5798000362192.",
            "# 3. Varighed",
            "Aftalen gælder fra 1. februar 2024 og løber, indtil den opsiges med tre "
            "måneders varsel til udgangen af et kalenderår.",
            "# 4. Support og oppetid",
            "Oppetid på mindst 99,9 % pr. måned. Support på hverdage kl. 8-16.",
            "# 5. Persondata",
            "Leverandørens behandling af personoplysninger er beskrevet i "
            "leverandørens generelle privatlivspolitik.",
            "",
            "Underskrevet 1. februar 2024 for begge parter.",
        ],
        author="Cookie Information A/S",
        subject="Abonnementsaftale, borger.dk",
        date="20240201",
    )

    yield "mitid-broker-agreement.pdf", make_pdf(
        "Aftale om MitID-brokerydelse",
        [
            "Kunde: Rigspolitiet, CVR 18950197, Polititorvet 14, 1780 København V.",
            "Leverandør: Signicat AS, Beddingen 16, 7042 Trondheim, Norge; certificeret "
            "MitID-broker hos Digitaliseringsstyrelsen.",
            "# 1. Ydelsen",
            "Leverandøren formidler borgerens log-in med MitID til Politiets "
            "anmeldelsesløsning via OpenID Connect. Log-in foregår på id.signicat.com.",
            "# 2. Varighed",
            "Aftalen gælder fra 1. april 2024 og løber uopsigeligt til 31. marts 2028.",
            "# 3. Databehandling",
            "Leverandøren er databehandler for Rigspolitiet. Oplysninger om borgerens "
            "log-in må kun anvendes til at gennemføre og sikre log-in og til "
            "lovpligtig logning efter MitID-brokerkravene.",
            "# Bilag 3: Begrundelse for teknisk nødvendighed",
            "Politiets anmeldelsesløsning kræver sikker identifikation af anmelderen. "
            "Log-in gennem en MitID-broker er en teknisk forudsætning for, at "
            "løsningen kan fungere, og broker-cookien (SESSION) sættes udelukkende "
            "af hensyn til sikkerhed og sessionsstyring. Undtagelsen i "
            "cookiebekendtgørelsens § 4, stk. 2 finder anvendelse, jf. vejledningens "
            "afsnit 3.1, rute R3. Leverandøren kan ikke anvende oplysningerne til "
            "egne formål, jf. punkt 3.",
            "",
            "Underskrevet 18. marts 2024 for Rigspolitiet og Signicat AS.",
        ],
        author="Rigspolitiet",
        subject="MitID-broker, Politiets anmeldelsesløsning",
        date="20240318",
    )

    yield "statens-rammeaftale-webanalyse.pdf", make_pdf(
        "Rammeaftale 50.40 Webanalyse og tilgængelighed",
        [
            "Ordregiver: Statens Indkøb, Moderniseringsstyrelsen, på vegne af alle "
            "statslige myndigheder, der er forpligtet til at anvende rammeaftalen.",
            "Leverandør: Siteimprove A/S, CVR 25645898, Sankt Annæ Plads 28, "
            "1250 København K.",
            "# 1. Rammeaftalens omfang",
            "Webanalyse, tilgængelighedskontrol og kvalitetssikring af statslige "
            "websteder og selvbetjeningsløsninger.",
            "# 8. Data",
            "8.2 Leverandøren må ikke anvende data, der indsamles om besøgende på "
            "kundens løsninger, til egne formål, herunder produktudvikling, "
            "markedsføring eller videregivelse til tredjepart.",
            "# 12. Varighed",
            "Rammeaftalen gælder fra 15. januar 2025 til og med 15. januar 2027.",
            "",
            "Underskrevet 20. december 2024.",
        ],
        author="Statens Indkøb",
        subject="Rammeaftale, webanalyse",
        date="20241220",
    )

    yield "siteimprove-dpa-2027.pdf", make_pdf(
        "Databehandleraftale Siteimprove 2027-2028",
        [
            "Dataansvarlig: Skattestyrelsen, CVR 43280910, Ny Østergade 11, "
            "4000 Roskilde.",
            "Databehandler: Siteimprove A/S, CVR 25645898, Sankt Annæ Plads 28, "
            "1250 København K.",
            "Denne aftale fornyer og afløser databehandleraftalen for 2025-2026 fra "
            "1. januar 2027.",
            "# 7. Instruks",
            "7.1 Databehandleren må alene behandle personoplysninger efter "
            "instruks fra den dataansvarlige og må ikke anvende dem til egne formål.",
            "# 12. Varighed",
            "Aftalen gælder fra 1. januar 2027 til og med 31. december 2028.",
            "",
            "Underskrevet 20. november 2026.",
        ],
        author="Skattestyrelsen",
        subject="Databehandleraftale, Siteimprove",
        date="20261120",
    )

    yield "cookieinformation-dpa-sundhed.pdf", make_pdf(
        "Databehandleraftale: Cookie Information og Sundhedsdatastyrelsen",
        [
            "Dataansvarlig: Sundhedsdatastyrelsen, CVR 33794185, Ørestads Boulevard 5, "
            "2300 København S (løsning: Min Sundhedsjournal).",
            "Databehandler: Cookie Information A/S, CVR 35802576, Amaliegade 10, "
            "1256 København K.",
            "# 4. Behandlingen",
            "Samtykkehåndtering og samtykkelog for Min Sundhedsjournal, alene efter "
            "den dataansvarliges dokumenterede instruks.",
            "# 10. Varighed",
            "Aftalen gælder fra 1. april 2025 og løber, indtil den opsiges.",
            "",
            "Underskrevet 24. marts 2025.",
        ],
        author="Sundhedsdatastyrelsen",
        subject="Databehandleraftale, Cookie Information",
        date="20250324",
    )


# ---------------------------------------------------------------------------
# The contract list (samples/contracts.csv and samples/contracts.json)
# ---------------------------------------------------------------------------

# One row per piece of evidence, for the sample registry that samples/load builds:
# (vendor, country, cvr, vat, service, category, hosts, kind, title, parties,
#  captured, signed, valid from, valid until, notice days, review by, clause, covers, document).
# A document under contracts/ is generated below; others are the samples' own.
CONTRACTS = [
    ("Google Ireland Limited", "IE", "", "IE6388047V", "Google Analytics 4", "", [],
     "data-processing-agreement", "Google Analytics databehandlervilkår (Virk)", [],
     "", "2025-06-02", "2025-06-02", "", "", "", "Section 5.1", ["Virk"], "contracts/ga-dpa-virk.pdf"),
    ("Google Ireland Limited", "IE", "", "IE6388047V", "Google Analytics 4", "", [],
     "data-processing-agreement", "Google Analytics databehandlervilkår (Københavns Kommune)", [],
     "", "2022-01-12", "2022-01-12", "", "", "", "Section 5.1", ["Københavns Kommune – Selvbetjening"],
     "contracts/ga-dpa-kk.pdf"),
    ("Google Ireland Limited", "IE", "", "IE6388047V", "YouTube", "", [],
     "opt-out-screenshot", "Politiets app: YouTube i privatlivsforbedret tilstand", [],
     "2026-10-01", "", "", "", "", "2027-10-01", "", ["Politiets app"], "contracts/youtube-app-screenshot.pdf"),
    ("Google Ireland Limited", "IE", "", "IE6388047V", "Google Analytics 4", "", [],
     "opt-out-screenshot", "Google Analytics: datadeling slået fra, ny skærmdump (politi.dk/anmeld)", [],
     "2026-11-02", "", "", "", "", "2027-11-02", "", ["Politiets anmeldelsesløsning"],
     "contracts/ga-screenshot-politi-2026.pdf"),
    ("Vimeo.com, Inc.", "US", "", "", "Vimeo Player", "", [],
     "agreement", "Vimeo Enterprise-aftale (borger.dk)", [],
     "", "2024-08-20", "2024-09-01", "2027-08-31", "90", "", "Section 9.3", ["borger.dk"],
     "contracts/vimeo-enterprise-borger.pdf"),
    ("Vimeo.com, Inc.", "US", "", "", "Vimeo Player", "", [],
     "opt-out-config", "Vimeo-afspiller med dnt=1 (borger.dk)", [],
     "2026-10-01", "", "", "", "", "2027-10-01", "", ["borger.dk"], "vimeo-dnt-config.json"),
    ("Cookie Information A/S", "DK", "35802576", "", "Cookie Information consent", "", [],
     "data-processing-agreement", "Databehandleraftale Cookie Information; borger.dk", [],
     "", "2024-01-25", "2024-02-01", "", "", "", "Punkt 5.2", ["borger.dk"], "contracts/ci-dpa-borger.pdf"),
    ("Cookie Information A/S", "DK", "35802576", "", "Cookie Information consent", "", [],
     "technical-justification", "Teknisk begrundelse: samtykkeløsning på Min Sundhedsjournal", [],
     "", "2025-03-20", "", "", "", "2027-03-20", "", ["Min Sundhedsjournal"],
     "cookieinformation-technical-justification.pdf"),
    ("Siteimprove A/S", "DK", "25645898", "", "Siteimprove Analytics", "", [],
     "data-processing-agreement", "Databehandleraftale Siteimprove (skat.dk informationssider)", [],
     "", "2021-02-15", "2021-03-01", "2026-12-31", "60", "", "Punkt 7.1", ["skat.dk informationssider"],
     "contracts/siteimprove-dpa-skatinfo.pdf"),
    ("Signicat AS", "NO", "", "", "MitID login broker", "", [],
     "technical-justification", "MitID-broker: teknisk nødvendighed (TastSelv Borger)", ["Skattestyrelsen"],
     "", "2024-03-10", "", "2028-03-31", "", "", "", [], "contracts/mitid-justification-skat.pdf"),
    ("Signicat AS", "NO", "", "", "MitID login broker", "", [],
     "data-processing-agreement", "Databehandleraftale Signicat (Politiets anmeldelsesløsning)", [],
     "", "2024-03-20", "2024-04-01", "", "", "", "Punkt 6.1", ["Politiets anmeldelsesløsning"],
     "contracts/signicat-dpa-politi.pdf"),
    ("Mapbox, Inc.", "US", "", "", "Mapbox GL JS", "maps", ["api.mapbox.com", "*.tiles.mapbox.com"],
     "agreement", "Mapbox Enterprise Agreement med databehandlertillæg", ["Rigspolitiet"],
     "", "2025-09-01", "2025-09-01", "2027-08-31", "90", "", "DPA section 4.2", [], "contracts/mapbox-agreement.pdf"),
    ("Hotjar Ltd", "MT", "", "MT24119311", "Hotjar Observe", "statistics", ["*.hotjar.com", "*.hotjar.io"],
     "data-processing-agreement", "Hotjar Data Processing Agreement", ["Erhvervsstyrelsen"],
     "", "2023-04-12", "2023-04-12", "", "", "", "Section 3.4", [], "contracts/hotjar-dpa.pdf"),
    ("Hotjar Ltd", "MT", "", "MT24119311", "Hotjar Observe", "statistics", ["*.hotjar.com", "*.hotjar.io"],
     "vendor-terms", "Hotjar Terms of Service \"2025\"", ["Erhvervsstyrelsen"],
     "", "2025-01-15", "", "", "", "", "", [], "contracts/hotjar-terms.pdf"),
    ("Cloudflare, Inc.", "US", "", "", "Cloudflare cdnjs", "cdn", ["cdnjs.cloudflare.com"],
     "technical-justification", "Cloudflare cdnjs: teknisk begrundelse", ["Digitaliseringsstyrelsen"],
     "", "2025-11-03", "", "", "", "2027-11-03", "", [], "contracts/cloudflare-cdn-justification.pdf"),
    ("Cloudflare, Inc.", "US", "", "", "Cloudflare Turnstile", "security", ["challenges.cloudflare.com"],
     "technical-justification", "Cloudflare Turnstile: bot-beskyttelse er teknisk nødvendig", ["Rigspolitiet"],
     "", "2026-02-09", "", "", "", "2027-02-09", "", [], "contracts/turnstile-justification.pdf"),
    ("Cloudflare, Inc.", "US", "", "", "Cloudflare Turnstile", "security", ["challenges.cloudflare.com"],
     "data-processing-agreement", "Cloudflare Data Processing Addendum", ["Rigspolitiet"],
     "", "2026-02-09", "2026-02-09", "", "", "", "Section 2.4", [], "contracts/cloudflare-dpa.pdf"),
    ("Trustpilot A/S", "DK", "30276582", "", "Trustpilot TrustBox", "other", ["widget.trustpilot.com"],
     "vendor-terms", "Trustpilot: vilkår for TrustBox-widget", ["Skattestyrelsen"],
     "", "2024-05-05", "", "", "", "", "", [], "contracts/trustpilot-terms.pdf"),
    ("Microsoft Ireland Operations Limited", "IE", "", "IE8256796U", "Microsoft Clarity", "statistics",
     ["*.clarity.ms"], "opt-out-config", "Clarity-projektindstillinger: cookies slået fra",
     ["Sundhedsdatastyrelsen"], "2026-09-14", "", "", "", "", "2027-09-14", "", [],
     "contracts/clarity-settings.json"),
    ("Microsoft Ireland Operations Limited", "IE", "", "IE8256796U", "Microsoft Clarity", "statistics",
     ["*.clarity.ms"], "data-processing-agreement", "Microsoft Products and Services DPA (Clarity)",
     ["Sundhedsdatastyrelsen"], "", "2026-01-05", "2026-01-05", "", "", "", "Processing of Personal Data, 2", [],
     "contracts/microsoft-dpa.pdf"),
    ("Zendesk, Inc.", "US", "", "", "Zendesk Messaging", "chat", ["static.zdassets.com", "*.zendesk.com"],
     "agreement", "Zendesk Main Services Agreement og DPA", ["Region Hovedstaden"],
     "", "2025-03-01", "2025-03-01", "2028-02-29", "90", "", "DPA 3.1", [], "contracts/zendesk-agreement.pdf"),
    ("Typeform SL", "ES", "", "ESB65831836", "Typeform embed", "other", ["embed.typeform.com", "form.typeform.com"],
     "data-processing-agreement", "=Typeform Data Processing Agreement", ["Erhvervsstyrelsen"],
     "", "2024-10-10", "2024-10-10", "", "", "", "Clause 6", [], "contracts/typeform-dpa.pdf"),
    ("Umbraco A/S", "DK", "29241864", "", "Umbraco Forms Cloud", "other", ["*.umbraco.io"],
     "agreement", "Umbraco Cloud-abonnement 2023-2026", ["Digitaliseringsstyrelsen"],
     "", "2023-06-01", "2023-06-01", "2026-05-31", "30", "", "Punkt 11", [], "contracts/umbraco-agreement.pdf"),
    ("Umbraco A/S", "DK", "29241864", "", "Umbraco Forms Cloud", "other", ["*.umbraco.io"],
     "agreement", "Umbraco Cloud-abonnement 2026-2028", ["Digitaliseringsstyrelsen"],
     "", "2026-05-20", "2026-06-01", "2028-05-31", "30", "", "Punkt 11", [], "contracts/umbraco-agreement-2026.pdf"),
]

CLARITY_SETTINGS = {
    "project": "min.sundhed.dk",
    "settings": {"cookies": False, "maskingMode": "strict", "ipBlocking": True},
    "exportedAt": "2026-09-14T09:12:00Z",
}


def contract_documents():
    """Yield (name under contracts/, bytes) for each generated contract document."""
    for (vendor, country, cvr, vat, service, _category, _hosts, kind, title, parties,
         captured, signed, valid_from, valid_until, notice, review, clause, covers, document) in CONTRACTS:
        if not document.startswith("contracts/"):
            continue
        name = document[len("contracts/"):]
        if name.endswith(".json"):
            yield name, (json.dumps(CLARITY_SETTINGS, indent=2) + "\n").encode("utf-8")
            continue
        who = ", ".join(parties) if parties else ", ".join(covers)
        day = (captured or signed).replace("-", "")
        paragraphs = [
            "Leverandør: %s (%s%s)." % (vendor, country, ", " + (cvr or vat) if (cvr or vat) else ""),
            "Tjeneste: %s. Kunde: %s." % (service, who),
            "# Forbehandling",
            "Leverandøren behandler alene oplysninger efter kundens instruks"
            + (" (%s)" % clause if clause else "") + " og må ikke anvende dem til egne formål.",
        ]
        if valid_from or valid_until:
            paragraphs.append("Gyldighed: %s til %s." % (valid_from or "underskrift", valid_until or "opsigelse"))
        paragraphs += ["", ("Optaget " if captured else "Underskrevet ") + (captured or signed) + "."]
        yield name, make_pdf(title, paragraphs, author=vendor, subject=kind, date=day)


def write_contract_lists(samples_dir):
    """samples/contracts.csv as a Danish spreadsheet saves it, and samples/contracts.json."""
    import csv
    import io

    def danish(day):
        return "%s.%s.%s" % (day[8:10], day[5:7], day[0:4]) if day else ""

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Leverandør", "Land", "CVR", "Momsnummer", "Tjeneste", "Kategori", "Værter", "Type",
                     "Titel", "Parter", "Optaget", "Underskrevet", "Gyldig fra", "Gyldig til", "Varsel dage",
                     "Revideres", "Klausul", "Dækker", "Dokument"])
    rows = []
    for (vendor, country, cvr, vat, service, category, hosts, kind, title, parties,
         captured, signed, valid_from, valid_until, notice, review, clause, covers, document) in CONTRACTS:
        writer.writerow([vendor, country, cvr, vat, service, category, "\n".join(hosts), kind, title,
                         "\n".join(parties), danish(captured), danish(signed), valid_from, danish(valid_until),
                         notice, danish(review), clause, "|".join(covers), "documents/" + document])
        row = {"vendor": vendor, "vendorCountry": country, "vendorCvr": cvr or None, "vendorVat": vat or None,
               "service": service, "serviceCategory": category or None, "serviceHosts": hosts or None,
               "kind": kind, "title": title, "parties": parties or None, "captured": captured or None,
               "signed": signed or None, "validFrom": valid_from or None, "validUntil": valid_until or None,
               "noticeDays": int(notice) if notice else None, "reviewBy": review or None,
               "clause": clause or None, "covers": covers or None, "document": "documents/" + document}
        rows.append({key: value for key, value in row.items() if value is not None})
    with open(os.path.join(samples_dir, "contracts.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    with open(os.path.join(samples_dir, "contracts.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "documents")
    os.makedirs(outdir, exist_ok=True)
    for name, data in documents():
        path = os.path.join(outdir, name)
        with open(path, "wb") as f:
            f.write(data)
        print("%7d  %s" % (len(data), path))
    os.makedirs(os.path.join(outdir, "contracts"), exist_ok=True)
    for name, data in contract_documents():
        path = os.path.join(outdir, "contracts", name)
        with open(path, "wb") as f:
            f.write(data)
        print("%7d  %s" % (len(data), path))
    if len(sys.argv) == 1:
        write_contract_lists(here)


if __name__ == "__main__":
    main()
