/// The third-party services evident knows before anyone registers them: vendor, country, category, the hosts
/// they load from and the cookies they typically set.
///
/// Written from the vendors' own public documentation, not copied from tracker lists. A scan names a catalogue
/// service for a host that no registered service matches, and `catalog add` registers vendors and services
/// from here.
public enum Catalogue {
    /// A vendor as the catalogue knows it.
    public struct Vendor: Sendable, Equatable, Codable {
        /// Its legal name, as its EU terms name it.
        public var name: String
        /// ISO 3166 country code of that legal entity.
        public var country: String
        /// Its website.
        public var website: String
    }

    /// A service as the catalogue knows it.
    public struct Service: Sendable, Equatable, Codable {
        /// Its name.
        public var name: String
        /// Who provides it.
        public var vendor: Vendor
        /// What it does.
        public var category: ServiceCategory
        /// Host patterns (`*.` for any subdomain, and the domain itself).
        public var hosts: [String]
        /// Cookie names it typically sets (`*` for a varying part).
        public var cookies: [String]
    }

    static let google = Vendor(name: "Google Ireland Limited", country: "IE", website: "https://www.google.com")
    static let meta = Vendor(name: "Meta Platforms Ireland Limited", country: "IE", website: "https://www.meta.com")
    static let microsoft = Vendor(
        name: "Microsoft Ireland Operations Limited", country: "IE", website: "https://www.microsoft.com")
    static let adobe = Vendor(
        name: "Adobe Systems Software Ireland Limited", country: "IE", website: "https://www.adobe.com")
    static let cloudflare = Vendor(name: "Cloudflare, Inc.", country: "US", website: "https://www.cloudflare.com")

    private static func service(
        _ name: String, _ vendor: Vendor, _ category: ServiceCategory, hosts: [String], cookies: [String] = []
    ) -> Service {
        Service(name: name, vendor: vendor, category: category, hosts: hosts, cookies: cookies)
    }

    /// Every catalogue service, by vendor then name.
    public static let services: [Service] = [
        service(
            "Google Analytics", google, .statistics,
            hosts: ["*.google-analytics.com", "analytics.google.com", "*.analytics.google.com"],
            cookies: ["_ga", "_ga_*", "_gid", "_gat"]),
        service("Google Tag Manager", google, .other, hosts: ["*.googletagmanager.com"]),
        service("Google Fonts", google, .fonts, hosts: ["fonts.googleapis.com", "fonts.gstatic.com"]),
        service(
            "YouTube", google, .video,
            hosts: ["*.youtube.com", "*.youtube-nocookie.com", "*.ytimg.com", "*.googlevideo.com", "youtu.be"],
            cookies: ["YSC", "VISITOR_INFO1_LIVE", "VISITOR_PRIVACY_METADATA", "PREF"]),
        service(
            "Google Maps", google, .maps, hosts: ["maps.googleapis.com", "maps.gstatic.com", "maps.google.com"]),
        service(
            "reCAPTCHA", google, .security, hosts: ["*.recaptcha.net", "www.google.com"], cookies: ["_GRECAPTCHA"]),
        service(
            "Google Ads", google, .statistics,
            hosts: ["*.doubleclick.net", "*.googleadservices.com", "*.googlesyndication.com"],
            cookies: ["IDE", "test_cookie", "_gcl_au"]),
        service("Google Hosted Libraries", google, .cdn, hosts: ["ajax.googleapis.com"]),
        service(
            "Meta Pixel", meta, .statistics, hosts: ["connect.facebook.net", "*.facebook.com"],
            cookies: ["_fbp", "fr"]),
        service("Instagram embed", meta, .images, hosts: ["*.instagram.com", "*.cdninstagram.com"]),
        service(
            "Microsoft Clarity", microsoft, .statistics, hosts: ["*.clarity.ms"],
            cookies: ["_clck", "_clsk", "CLID", "MUID"]),
        service(
            "Microsoft Advertising (UET)", microsoft, .statistics, hosts: ["bat.bing.com"],
            cookies: ["MUID", "_uetsid", "_uetvid"]),
        service("Microsoft Ajax CDN", microsoft, .cdn, hosts: ["ajax.aspnetcdn.com"]),
        service("Microsoft Entra ID", microsoft, .login, hosts: ["login.microsoftonline.com"]),
        service(
            "LinkedIn Insight Tag",
            Vendor(name: "LinkedIn Ireland Unlimited Company", country: "IE", website: "https://www.linkedin.com"),
            .statistics, hosts: ["snap.licdn.com", "px.ads.linkedin.com", "*.linkedin.com"],
            cookies: ["li_sugr", "bcookie", "lidc", "UserMatchHistory", "AnalyticsSyncHistory"]),
        service(
            "Adobe Analytics", adobe, .statistics,
            hosts: ["*.omtrdc.net", "*.2o7.net", "*.demdex.net", "assets.adobedtm.com"],
            cookies: ["s_cc", "s_sq", "AMCV_*", "demdex"]),
        service("Adobe Fonts", adobe, .fonts, hosts: ["use.typekit.net", "p.typekit.net"]),
        service(
            "Siteimprove Analytics",
            Vendor(name: "Siteimprove A/S", country: "DK", website: "https://www.siteimprove.com"), .statistics,
            hosts: ["*.siteimproveanalytics.com", "*.siteimproveanalytics.io", "*.siteimprove.com"],
            cookies: ["nmstat", "siteimproveses"]),
        service(
            "Cookie Information",
            Vendor(name: "Cookie Information A/S", country: "DK", website: "https://cookieinformation.com"), .consent,
            hosts: ["*.cookieinformation.com"], cookies: ["CookieInformationConsent"]),
        service(
            "Cookiebot", Vendor(name: "Usercentrics A/S", country: "DK", website: "https://www.cookiebot.com"),
            .consent, hosts: ["*.cookiebot.com", "*.cookiebot.eu"], cookies: ["CookieConsent"]),
        service(
            "Hotjar", Vendor(name: "Hotjar Ltd", country: "MT", website: "https://www.hotjar.com"), .statistics,
            hosts: ["*.hotjar.com", "*.hotjar.io"], cookies: ["_hjSessionUser_*", "_hjSession_*"]),
        service(
            "Matomo Cloud", Vendor(name: "InnoCraft Ltd", country: "NZ", website: "https://matomo.org"), .statistics,
            hosts: ["*.matomo.cloud", "*.innocraft.cloud"], cookies: ["_pk_id.*", "_pk_ses.*"]),
        service(
            "Piwik PRO", Vendor(name: "Piwik PRO GmbH", country: "DE", website: "https://piwikpro.com"), .statistics,
            hosts: ["*.piwik.pro", "*.piwikpro.com"], cookies: ["_pk_id.*", "_pk_ses.*"]),
        service(
            "jsDelivr", Vendor(name: "Prospect One", country: "PL", website: "https://www.jsdelivr.com"), .cdn,
            hosts: ["cdn.jsdelivr.net", "fastly.jsdelivr.net", "gcore.jsdelivr.net"]),
        service("cdnjs", cloudflare, .cdn, hosts: ["cdnjs.cloudflare.com"]),
        service(
            "Cloudflare Web Analytics", cloudflare, .statistics,
            hosts: ["static.cloudflareinsights.com", "cloudflareinsights.com"]),
        service("Cloudflare Turnstile", cloudflare, .security, hosts: ["challenges.cloudflare.com"]),
        service(
            "unpkg", Vendor(name: "unpkg", country: "US", website: "https://unpkg.com"), .cdn, hosts: ["unpkg.com"]),
        service(
            "Vimeo", Vendor(name: "Vimeo.com, Inc.", country: "US", website: "https://vimeo.com"), .video,
            hosts: ["*.vimeo.com", "*.vimeocdn.com"], cookies: ["vuid"]),
        service(
            "Dreambroker", Vendor(name: "Dreambroker ApS", country: "DK", website: "https://dreambroker.com"), .video,
            hosts: ["*.dreambroker.com"]),
        service(
            "TwentyThree", Vendor(name: "TwentyThree ApS", country: "DK", website: "https://www.twentythree.com"),
            .video, hosts: ["*.23video.com", "*.twentythree.net"]),
        service(
            "Mapbox", Vendor(name: "Mapbox, Inc.", country: "US", website: "https://www.mapbox.com"), .maps,
            hosts: ["api.mapbox.com", "*.tiles.mapbox.com"]),
        service(
            "OpenStreetMap tiles",
            Vendor(name: "OpenStreetMap Foundation", country: "GB", website: "https://osmfoundation.org"), .maps,
            hosts: ["tile.openstreetmap.org", "*.tile.openstreetmap.org"]),
        service(
            "Dataforsyningen",
            Vendor(name: "Klimadatastyrelsen", country: "DK", website: "https://dataforsyningen.dk"), .maps,
            hosts: ["*.dataforsyningen.dk"]),
        service(
            "Font Awesome", Vendor(name: "Fonticons, Inc.", country: "US", website: "https://fontawesome.com"), .fonts,
            hosts: ["use.fontawesome.com", "kit.fontawesome.com", "ka-f.fontawesome.com"]),
        service(
            "X (Twitter) embed",
            Vendor(name: "Twitter International Unlimited Company", country: "IE", website: "https://x.com"), .other,
            hosts: ["platform.twitter.com", "syndication.twitter.com", "*.twimg.com"]),
        service(
            "TikTok Pixel",
            Vendor(name: "TikTok Technology Limited", country: "IE", website: "https://www.tiktok.com"), .statistics,
            hosts: ["analytics.tiktok.com"], cookies: ["_ttp"]),
        service(
            "Zendesk Chat", Vendor(name: "Zendesk, Inc.", country: "US", website: "https://www.zendesk.com"), .chat,
            hosts: ["*.zopim.com", "static.zdassets.com", "*.zendesk.com"], cookies: ["__zlcmid"]),
        service(
            "Intercom",
            Vendor(name: "Intercom R&D Unlimited Company", country: "IE", website: "https://www.intercom.com"), .chat,
            hosts: ["*.intercom.io", "*.intercomcdn.com"], cookies: ["intercom-id-*", "intercom-session-*"]),
        service(
            "boost.ai chat", Vendor(name: "Boost AI AS", country: "NO", website: "https://boost.ai"), .chat,
            hosts: ["*.boost.ai"]),
        service(
            "Trustpilot widget", Vendor(name: "Trustpilot A/S", country: "DK", website: "https://www.trustpilot.com"),
            .other, hosts: ["widget.trustpilot.com"]),
        service(
            "hCaptcha", Vendor(name: "Intuition Machines, Inc.", country: "US", website: "https://www.hcaptcha.com"),
            .security, hosts: ["*.hcaptcha.com"]),
        service(
            "Sentry", Vendor(name: "Functional Software, Inc.", country: "US", website: "https://sentry.io"), .other,
            hosts: ["*.sentry.io", "browser.sentry-cdn.com"]),
        service(
            "New Relic Browser", Vendor(name: "New Relic, Inc.", country: "US", website: "https://newrelic.com"),
            .statistics, hosts: ["js-agent.newrelic.com", "bam.nr-data.net", "bam-cell.nr-data.net"]),
    ]

    /// The catalogue service a name picks, ignoring case.
    public static func service(named name: String) -> Service? {
        services.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The catalogue service whose host patterns match `host` (the most specific pattern wins).
    public static func service(matching host: String) -> Service? {
        services.compactMap { service in HostPattern.bestMatch(host, service.hosts).map { (service, $0) } }
            .max { $0.1 < $1.1 }?.0
    }
}
