//! `mailto:` addresses (RFC 6068): validated without any network lookup.

use percent_encoding::percent_decode_str;
use url::Url;

/// Why a `mailto:` URL cannot be used, or `None` when every address looks deliverable.
pub fn mailto_problem(url: &Url) -> Option<String> {
    let path = url.path();
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let mut addresses: Vec<String> = decoded
        .split(',')
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    // `mailto:?to=a@b` puts the address in a header field.
    for (name, value) in url.query_pairs() {
        if name.eq_ignore_ascii_case("to") {
            addresses.extend(value.split(',').map(|a| a.trim().to_owned()));
        }
    }
    if addresses.is_empty() {
        return Some("the mailto: link has no address".to_owned());
    }
    addresses
        .iter()
        .find_map(|address| address_problem(address).map(|why| format!("{address:?}: {why}")))
}

fn address_problem(address: &str) -> Option<&'static str> {
    if address.contains(['＠', '﹫']) {
        return Some("uses a full-width @");
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Some("has no @");
    };
    if local.is_empty() {
        return Some("has nothing before the @");
    }
    if local.contains('@') && !local.starts_with('"') {
        return Some("has more than one @");
    }
    if address.chars().any(|c| c.is_whitespace()) {
        return Some("contains white space");
    }
    if domain.is_empty() {
        return Some("has no domain after the @");
    }
    if !domain.contains('.') {
        return Some("the domain has no dot");
    }
    if domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return Some("the domain has an empty label");
    }
    if !domain
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    {
        return Some("the domain has characters a host name cannot have");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(s: &str) -> Option<String> {
        mailto_problem(&Url::parse(s).unwrap())
    }

    #[test]
    fn addresses() {
        assert_eq!(problem("mailto:szxx@shili.gov.cn"), None);
        assert_eq!(problem("mailto:a@b.cn,c@d.cn?subject=%E4%BD%A0"), None);
        assert_eq!(problem("mailto:?to=a@b.cn"), None);
        assert_eq!(
            problem("mailto:%E5%B8%82%E9%95%BF@%E7%A4%BA%E4%BE%8B.cn"),
            None
        );
        assert!(
            problem("mailto:szxx#shili.gov.cn")
                .unwrap()
                .contains("no @")
        );
        assert!(
            problem("mailto:szxx＠shili.gov.cn")
                .unwrap()
                .contains("full-width")
        );
        assert!(problem("mailto:szxx@shili").unwrap().contains("no dot"));
        assert!(
            problem("mailto:szxx%20@shili.gov.cn")
                .unwrap()
                .contains("white space")
        );
        assert!(problem("mailto:").is_some());
        assert!(problem("mailto:a@b.cn,bad").unwrap().contains("\"bad\""));
    }
}
