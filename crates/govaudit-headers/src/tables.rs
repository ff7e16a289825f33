//! Tables from standards and peers, as data, each with its source.

/// OWASP Secure Headers Project `ci/headers_remove.json` (last_update_utc 2024-07-19): headers
/// that disclose technology, versions or internals and should be removed. 68 entries.
pub const OWASP_REMOVE: &[&str] = &[
    "$wsep",
    "Host-Header",
    "K-Proxy-Request",
    "Liferay-Portal",
    "OracleCommerceCloud-Version",
    "Pega-Host",
    "Powered-By",
    "Product",
    "Server",
    "SourceMap",
    "X-AspNet-Version",
    "X-AspNetMvc-Version",
    "X-Atmosphere-error",
    "X-Atmosphere-first-request",
    "X-Atmosphere-tracking-id",
    "X-B3-ParentSpanId",
    "X-B3-Sampled",
    "X-B3-SpanId",
    "X-B3-TraceId",
    "X-BEServer",
    "X-CF-Powered-By",
    "X-CMS",
    "X-CalculatedBETarget",
    "X-Cocoon-Version",
    "X-Content-Encoded-By",
    "X-DiagInfo",
    "X-Envoy-Attempt-Count",
    "X-Envoy-External-Address",
    "X-Envoy-Internal",
    "X-Envoy-Original-Dst-Host",
    "X-Envoy-Upstream-Service-Time",
    "X-FEServer",
    "X-Framework",
    "X-Generated-By",
    "X-Generator",
    "X-Jitsi-Release",
    "X-Kubernetes-PF-FlowSchema-UI",
    "X-Kubernetes-PF-PriorityLevel-UID",
    "X-LiteSpeed-Cache",
    "X-LiteSpeed-Purge",
    "X-LiteSpeed-Tag",
    "X-LiteSpeed-Vary",
    "X-Litespeed-Cache-Control",
    "X-Mod-Pagespeed",
    "X-Nextjs-Cache",
    "X-Nextjs-Matched-Path",
    "X-Nextjs-Page",
    "X-Nextjs-Redirect",
    "X-OWA-Version",
    "X-Old-Content-Length",
    "X-OneAgent-JS-Injection",
    "X-Page-Speed",
    "X-Php-Version",
    "X-Powered-By",
    "X-Powered-By-Plesk",
    "X-Powered-CMS",
    "X-Redirect-By",
    "X-Server-Powered-By",
    "X-SourceFiles",
    "X-SourceMap",
    "X-Turbo-Charged-By",
    "X-Umbraco-Version",
    "X-Varnish-Backend",
    "X-Varnish-Server",
    "X-dtAgentId",
    "X-dtHealthCheck",
    "X-dtInjectedServlet",
    "X-ruxit-JS-Agent",
];

/// [`OWASP_REMOVE`] by lower-case name: the position of each entry.
pub static OWASP_REMOVE_INDEX: std::sync::LazyLock<
    std::collections::HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>,
> = std::sync::LazyLock::new(|| {
    OWASP_REMOVE
        .iter()
        .enumerate()
        .map(|(i, n)| (n.to_ascii_lowercase(), i))
        .collect()
});

/// The longest name in [`OWASP_REMOVE`] is shorter than this: a longer header name is not in it.
pub const OWASP_REMOVE_MAX_NAME: usize = 48;

/// FNV-1a: the keys of the lookup tables are a few short header names, looked up once per
/// header line; SipHash's resistance to chosen keys buys nothing for a fixed table.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Deprecated or obsolete security headers and what replaces them (MDN; trailofbits/twa#91 for
/// Feature-Policy).
pub const DEPRECATED_HEADERS: &[(&str, &str)] = &[
    (
        "X-XSS-Protection",
        "the XSS auditor was removed from browsers; set a Content-Security-Policy, or send `X-XSS-Protection: 0`",
    ),
    (
        "Expect-CT",
        "Certificate Transparency is enforced by browsers; remove the header",
    ),
    (
        "Public-Key-Pins",
        "HPKP was removed from browsers and can lock visitors out; remove the header",
    ),
    (
        "Public-Key-Pins-Report-Only",
        "HPKP was removed from browsers; remove the header",
    ),
    (
        "Feature-Policy",
        "renamed Permissions-Policy, with a different syntax",
    ),
];

/// Policy-controlled features as Chromium ships them: every `permissions_policy_name` of
/// `third_party/blink/renderer/core/permissions_policy/permissions_policy_features.json5`
/// (chromium/chromium at commit f24a8e130d36, read 2026-12-07), which holds every feature of the
/// W3C/WICG list (`w3c/webappsec-permissions-policy`, `features.md`) that a browser implements.
/// Left out: `frobulate`, the origin-trial sample API. Sorted, for a binary search.
pub const PERMISSIONS_POLICY_FEATURES: &[&str] = &[
    "accelerometer",
    "all-screens-capture",
    "ambient-light-sensor",
    "attribution-reporting",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "captured-surface-control",
    "ch-device-memory",
    "ch-downlink",
    "ch-dpr",
    "ch-ect",
    "ch-prefers-color-scheme",
    "ch-prefers-reduced-motion",
    "ch-prefers-reduced-transparency",
    "ch-rtt",
    "ch-save-data",
    "ch-ua",
    "ch-ua-arch",
    "ch-ua-bitness",
    "ch-ua-form-factors",
    "ch-ua-full-version",
    "ch-ua-full-version-list",
    "ch-ua-mobile",
    "ch-ua-model",
    "ch-ua-platform",
    "ch-ua-platform-version",
    "ch-ua-wow64",
    "ch-viewport-height",
    "ch-viewport-width",
    "ch-width",
    "clipboard-read",
    "clipboard-write",
    "compute-pressure",
    "controlled-frame",
    "cross-origin-isolated",
    "deferred-fetch",
    "digital-credentials-get",
    "direct-sockets",
    "direct-sockets-private",
    "display-capture",
    "encrypted-media",
    "execution-while-not-rendered",
    "execution-while-out-of-viewport",
    "focus-without-user-activation",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "join-ad-interest-group",
    "keyboard-map",
    "local-fonts",
    "magnetometer",
    "media-playback-while-not-visible",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "popins",
    "private-aggregation",
    "private-state-token-issuance",
    "private-state-token-redemption",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "run-ad-auction",
    "screen-wake-lock",
    "serial",
    "shared-autofill",
    "shared-storage",
    "shared-storage-select-url",
    "smart-card",
    "speaker-selection",
    "storage-access",
    "sub-apps",
    "sync-xhr",
    "unload",
    "usb",
    "usb-unrestricted",
    "vertical-scroll",
    "web-app-installation",
    "web-printing",
    "web-share",
    "window-management",
    "xr-spatial-tracking",
];

/// Feature names that are known but deprecated, renamed or never shipped by Chromium, each with
/// its note: accepted (a site that still sends them is not told they are unknown). Sources: the
/// same `permissions_policy_features.json5` (its history: earlier names) and `features.md`.
pub const PERMISSIONS_POLICY_LEGACY_FEATURES: &[(&str, &str)] = &[
    (
        "battery",
        "in the W3C list (Battery Status API); not implemented by Chromium",
    ),
    (
        "ch-ua-full",
        "the user-agent reduction origin trial's client hint; the trial has ended",
    ),
    (
        "ch-ua-reduced",
        "the user-agent reduction origin trial's client hint; the trial has ended",
    ),
    ("conversion-measurement", "renamed attribution-reporting"),
    (
        "document-domain",
        "removed from Chromium's list: setting document.domain is disabled by default (origin-keyed agent clusters)",
    ),
    (
        "federated-credentials",
        "renamed identity-credentials-get (FedCM)",
    ),
    (
        "interest-cohort",
        "the FLoC opt-out; FLoC was replaced by the Topics API (browsing-topics), Chromium still parses it",
    ),
    (
        "navigation-override",
        "in the W3C list (CSS Spatial Navigation); never shipped",
    ),
    (
        "sync-script",
        "in the W3C list as experimental, behind a flag in Chromium; removed",
    ),
    (
        "trust-token-redemption",
        "renamed private-state-token-redemption",
    ),
    ("vr", "renamed xr-spatial-tracking in Chrome 79"),
    ("window-placement", "renamed window-management"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owasp_names_fit_the_lookup_buffer_and_mask() {
        assert!(OWASP_REMOVE.len() <= 128);
        assert!(OWASP_REMOVE.iter().all(|n| n.len() < OWASP_REMOVE_MAX_NAME));
        for (i, n) in OWASP_REMOVE.iter().enumerate() {
            assert_eq!(OWASP_REMOVE_INDEX.get(&n.to_ascii_lowercase()), Some(&i));
        }
    }

    #[test]
    fn permissions_policy_tables_are_sorted_disjoint_structured_keys() {
        for pair in PERMISSIONS_POLICY_FEATURES.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?} not sorted or repeated");
        }
        for name in PERMISSIONS_POLICY_FEATURES
            .iter()
            .chain(PERMISSIONS_POLICY_LEGACY_FEATURES.iter().map(|(n, _)| n))
        {
            // Each name must be usable as an RFC 8941 dictionary key.
            let parsed = crate::parse::PermissionsPolicy::parse(&format!("{name}=()")).unwrap();
            assert_eq!(parsed.dictionary.len(), 1, "{name}");
        }
        for (name, note) in PERMISSIONS_POLICY_LEGACY_FEATURES {
            assert!(!note.is_empty());
            assert!(
                PERMISSIONS_POLICY_FEATURES.binary_search(name).is_err(),
                "{name} is current"
            );
        }
    }
}
