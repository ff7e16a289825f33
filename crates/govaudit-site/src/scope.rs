//! What is "internal": the site being checked, by host, registrable domain or URL prefix; and
//! which URL schemes are checked at all.

use url::Url;

/// The part of the web that counts as the site.
///
/// The narrowest, [`Scope::Origin`], is the default for a crawl: a page can link anywhere, and
/// a link to another port of the same host (`http://127.0.0.1:1/`, an admin console on
/// `:8080`) is another service, not more of the site. [`Scope::Host`],
/// [`Scope::RegistrableDomain`] and [`Scope::Prefix`] widen or narrow it on request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Exactly this origin: scheme, host and port (`https://www.shili.gov.cn`, port 443).
    Origin(url::Origin),
    /// Exactly this host (`www.shili.gov.cn`), any scheme and port.
    Host(String),
    /// Every host under this registrable domain (`shili.gov.cn` covers `www.` and `xxgk.`),
    /// as the Public Suffix List draws the line.
    RegistrableDomain(String),
    /// URLs that start with this prefix (`https://www.gov.cn/zhengce/`).
    Prefix(Url),
}

impl Scope {
    /// The origin of `url` (scheme, host and port); `None` for a URL without one (`data:`,
    /// `file:`).
    pub fn origin_of(url: &Url) -> Option<Scope> {
        let origin = url.origin();
        origin.is_tuple().then_some(Scope::Origin(origin))
    }

    /// The host of `url`, any scheme and port: wider than [`Scope::origin_of`].
    pub fn host_of(url: &Url) -> Option<Scope> {
        url.host_str().map(|h| Scope::Host(h.to_ascii_lowercase()))
    }

    /// The registrable domain of `url` (`www.shili.gov.cn` → `shili.gov.cn`); the host itself
    /// when the list knows no suffix (IP addresses, `localhost`).
    pub fn domain_of(url: &Url) -> Option<Scope> {
        let domain = match url.host()? {
            url::Host::Domain(name) => {
                let name = name.to_ascii_lowercase();
                registrable_domain(&name).unwrap_or(name)
            }
            // An address has no registrable domain: the scope is the address.
            _ => url.host_str()?.to_owned(),
        };
        Some(Scope::RegistrableDomain(domain))
    }

    /// Whether `url` is part of the site.
    pub fn contains(&self, url: &Url) -> bool {
        match self {
            // `url::Origin` compares scheme, host and port (the scheme's default when absent);
            // opaque origins never compare equal.
            Scope::Origin(origin) => url.origin() == *origin,
            Scope::Host(host) => url.host_str().is_some_and(|h| h.eq_ignore_ascii_case(host)),
            Scope::RegistrableDomain(domain) => url.host_str().is_some_and(|h| {
                let h = h.to_ascii_lowercase();
                h == *domain
                    || h.strip_suffix(domain.as_str())
                        .is_some_and(|rest| rest.ends_with('.'))
            }),
            Scope::Prefix(prefix) => {
                url.scheme() == prefix.scheme()
                    && url.host_str() == prefix.host_str()
                    && url.port_or_known_default() == prefix.port_or_known_default()
                    && url.path().starts_with(prefix.path())
            }
        }
    }
}

/// The registrable domain (eTLD+1) of a host name, by the Public Suffix List.
pub fn registrable_domain(host: &str) -> Option<String> {
    psl::domain_str(host).map(str::to_owned)
}

/// What a URL's scheme means for checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemeClass {
    /// `http:` / `https:`: checked.
    Web,
    /// `file:`: checked against the disk when offline.
    File,
    /// `mailto:`: its addresses are validated, no MX lookup.
    Mailto,
    /// `tel:`, `javascript:`, `data:`, `about:`, `blob:`, app schemes: recorded, not checked.
    NotChecked,
}

pub fn scheme_class(url: &Url) -> SchemeClass {
    match url.scheme() {
        "http" | "https" => SchemeClass::Web,
        "file" => SchemeClass::File,
        "mailto" => SchemeClass::Mailto,
        _ => SchemeClass::NotChecked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn scopes() {
        let page = u("https://www.shili.gov.cn/xxgk/index.html");
        let host = Scope::host_of(&page).unwrap();
        let domain = Scope::domain_of(&page).unwrap();
        assert_eq!(domain, Scope::RegistrableDomain("shili.gov.cn".into()));
        assert!(host.contains(&u("http://WWW.shili.gov.cn:8080/a")));
        assert!(!host.contains(&u("https://xxgk.shili.gov.cn/")));
        assert!(domain.contains(&u("https://xxgk.shili.gov.cn/")));
        assert!(!domain.contains(&u("https://notshili.gov.cn/")));
        assert!(!domain.contains(&u("https://www.gov.cn/")));
        let prefix = Scope::Prefix(u("https://www.gov.cn/zhengce/"));
        assert!(prefix.contains(&u("https://www.gov.cn/zhengce/a.htm")));
        assert!(!prefix.contains(&u("https://www.gov.cn/xinwen/a.htm")));
        assert!(!prefix.contains(&u("http://www.gov.cn/zhengce/a.htm")));
        let origin = Scope::origin_of(&page).unwrap();
        assert!(origin.contains(&u("https://WWW.shili.gov.cn:443/b")));
        assert!(!origin.contains(&u("https://www.shili.gov.cn:8443/b")));
        assert!(!origin.contains(&u("http://www.shili.gov.cn/b")));
        assert!(!origin.contains(&u("https://xxgk.shili.gov.cn/")));
        assert_eq!(Scope::origin_of(&u("data:text/html,hi")), None);
        assert_eq!(
            Scope::domain_of(&u("http://127.0.0.1:8000/")),
            Some(Scope::RegistrableDomain("127.0.0.1".into()))
        );
    }

    /// A crawl started on a loopback port must not wander to another port of the same host.
    #[test]
    fn origin_excludes_other_ports_of_the_host() {
        let start = u("http://127.0.0.1:8000/");
        let origin = Scope::origin_of(&start).unwrap();
        assert!(origin.contains(&u("http://127.0.0.1:8000/a.html")));
        assert!(!origin.contains(&u("http://127.0.0.1:1/")));
        assert!(!origin.contains(&u("https://127.0.0.1:8000/")));
        // The host scope is the explicit way to widen.
        assert!(
            Scope::host_of(&start)
                .unwrap()
                .contains(&u("http://127.0.0.1:1/"))
        );
    }

    proptest::proptest! {
        /// Origin scope is exactly "same scheme, host and port".
        #[test]
        fn origin_scope_is_same_origin(port in 1u16.., path in "[a-z/]{0,12}", other in 1u16..) {
            let start = Url::parse(&format!("http://www.shili.gov.cn:{port}/")).unwrap();
            let scope = Scope::origin_of(&start).unwrap();
            let same = Url::parse(&format!("http://www.shili.gov.cn:{port}/{path}")).unwrap();
            let moved = Url::parse(&format!("http://www.shili.gov.cn:{other}/{path}")).unwrap();
            proptest::prop_assert!(scope.contains(&same));
            proptest::prop_assert_eq!(scope.contains(&moved), same.port_or_known_default() == moved.port_or_known_default());
        }
    }
}
