//! `artifactLocation.uri` must be a URI reference (RFC 3986), but a finding's `url` is whatever
//! the user gave: a URL, a relative path, a Windows path, a file name with spaces or Chinese
//! characters. This turns any of them into a URI reference that resolves to the same thing.

use std::fmt::Write as _;

/// `url` as an RFC 3986 URI reference: URLs keep their form with invalid characters
/// percent-encoded; paths use forward slashes, stay relative when relative, and have every
/// character outside the unreserved and path sets encoded (`a b.html` becomes `a%20b.html`).
/// A Windows drive path becomes a `file:` URI, since `C:` would otherwise read as a scheme.
pub fn uri_reference(url: &str) -> String {
    if let Some(scheme_len) = scheme_length(url) {
        return encode_url(url, scheme_len);
    }
    let path = url.replace('\\', "/");
    let bytes = path.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        // `C:/site/a.html` or `C:a.html`.
        let (drive, rest) = path.split_at(2);
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        return format!("file:///{drive}/{}", encode_path(rest));
    }
    if let Some(unc) = path.strip_prefix("//") {
        // `\\server\share\a.html`: the server is the authority.
        return format!("file://{}", encode_path(unc));
    }
    let encoded = encode_path(&path);
    // A colon in the first segment would read as a scheme (`a:b.html`); `./` keeps it a path.
    let first_segment = encoded.split('/').next().unwrap_or("");
    if first_segment.contains(':') {
        format!("./{encoded}")
    } else {
        encoded
    }
}

/// Whether `text` starts with a URI scheme (`https:`), a drive letter not counting.
pub(crate) fn is_absolute_uri(text: &str) -> bool {
    scheme_length(text).is_some()
}

/// The length of a URI scheme at the start of `text` (`https` in `https://...`). One letter is
/// not taken for a scheme: that is a Windows drive.
fn scheme_length(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let starts_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_alpha && rest_ok && scheme.len() >= 2).then_some(colon)
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

fn push_encoded(out: &mut String, byte: u8) {
    // Writing into a String cannot fail.
    let _ = write!(out, "%{byte:02X}");
}

/// A file path: `/` separates segments; everything else that is not a path character is
/// encoded, `%`, `?` and `#` included (they are literal in file names).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if is_unreserved(byte) || is_sub_delim(byte) || matches!(byte, b'/' | b':' | b'@') {
            out.push(byte as char);
        } else {
            push_encoded(&mut out, byte);
        }
    }
    out
}

/// A URL: keep its structure and existing `%XX` escapes; encode only what may not appear, so
/// `https://example.gov.cn/新闻 1.html` becomes valid without changing what it points to.
fn encode_url(url: &str, scheme_len: usize) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len() + 8);
    out.push_str(&url[..=scheme_len]);
    let mut i = scheme_len + 1;
    // Brackets are allowed only around an IPv6 host in the authority.
    let authority_end = if url[i..].starts_with("//") {
        let start = i + 2;
        url[start..]
            .find(['/', '?', '#'])
            .map_or(url.len(), |end| start + end)
    } else {
        i
    };
    let mut seen_fragment = false;
    while i < bytes.len() {
        let byte = bytes[i];
        let allowed = is_unreserved(byte)
            || is_sub_delim(byte)
            || matches!(byte, b'/' | b':' | b'@' | b'?')
            || (byte == b'#' && !seen_fragment)
            || (matches!(byte, b'[' | b']') && i < authority_end);
        if byte == b'%' && is_escape(&bytes[i..]) {
            out.push_str(&url[i..i + 3]);
            i += 3;
            continue;
        }
        if allowed {
            seen_fragment |= byte == b'#';
            out.push(byte as char);
        } else {
            push_encoded(&mut out, byte);
        }
        i += 1;
    }
    out
}

fn is_escape(bytes: &[u8]) -> bool {
    bytes.len() >= 3 && bytes[1].is_ascii_hexdigit() && bytes[2].is_ascii_hexdigit()
}

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn relative_paths_stay_relative_with_forward_slashes() {
        assert_eq!(uri_reference("site/index.html"), "site/index.html");
        assert_eq!(uri_reference("site\\news\\a.html"), "site/news/a.html");
        assert_eq!(uri_reference("./a b.html"), "./a%20b.html");
        assert_eq!(uri_reference("新闻.html"), "%E6%96%B0%E9%97%BB.html");
        assert_eq!(uri_reference("100%?#.html"), "100%25%3F%23.html");
        assert_eq!(uri_reference("1 a:b.html"), "./1%20a:b.html");
        assert_eq!(uri_reference("/srv/site/a.html"), "/srv/site/a.html");
    }

    #[test]
    fn windows_paths_become_file_uris() {
        assert_eq!(
            uri_reference("C:\\site\\a b.html"),
            "file:///C:/site/a%20b.html"
        );
        assert_eq!(
            uri_reference("\\\\server\\share\\a.html"),
            "file://server/share/a.html"
        );
    }

    #[test]
    fn urls_keep_their_form_and_escapes() {
        assert_eq!(
            uri_reference("https://example.gov.cn/a%20b/c d?q=1&x=[2]#top"),
            "https://example.gov.cn/a%20b/c%20d?q=1&x=%5B2%5D#top"
        );
        assert_eq!(uri_reference("http://[::1]:8080/x"), "http://[::1]:8080/x");
        assert_eq!(
            uri_reference("https://a.example/#x#y"),
            "https://a.example/#x%23y"
        );
        assert_eq!(
            uri_reference("https://a.example/%zz"),
            "https://a.example/%25zz"
        );
        assert_eq!(uri_reference("mailto:a@b.example"), "mailto:a@b.example");
    }
}
