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
}
