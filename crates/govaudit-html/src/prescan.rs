//! The HTML Standard's "prescan a byte stream to determine its encoding" (§13.2.3.2): the
//! `<meta charset>` / `<meta http-equiv="Content-Type">` declaration in the first 1024 bytes.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the prescan looks at, as browsers do.
pub const PRESCAN_LIMIT: usize = 1024;

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

/// The encoding declared by a `<meta>` element in the first 1024 bytes, if any.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let input = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let mut pos = 0;
    while pos < input.len() {
        let rest = &input[pos..];
        if rest.starts_with(b"<!--") {
            // The comment ends at the first "-->" after "<!--" ("<!-->" counts, per spec).
            pos = find(input, pos + 2, b"-->").map_or(input.len(), |end| end + 2);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_declaration(input, &mut pos) {
                return Some(encoding);
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            pos += 1;
            while pos < input.len() && !is_space(input[pos]) && input[pos] != b'>' {
                pos += 1;
            }
            while attribute(input, &mut pos).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos = find(input, pos, b">").map_or(input.len(), |end| end);
        }
        pos += 1;
    }
    None
}

/// Processes the attributes of one `<meta>` element, leaving `pos` after them.
fn meta_declaration(input: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = attribute(input, pos) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value == b"content-type" => got_pragma = true,
            b"content" if charset.is_none() => {
                if let Some(label) = charset_from_content(&value) {
                    charset = Some(Encoding::for_label(label));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let need_pragma = need_pragma?;
    if need_pragma && !got_pragma {
        return None;
    }
    let encoding = charset.flatten()?;
    Some(if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// "Get an attribute": the next attribute's lowercased name and value, or `None` at `>` or the
/// end of input.
fn attribute(input: &[u8], pos: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while *pos < input.len() && (is_space(input[*pos]) || input[*pos] == b'/') {
        *pos += 1;
    }
    if *pos >= input.len() || input[*pos] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // Attribute name.
    loop {
        let b = *input.get(*pos)?;
        if b == b'=' && !name.is_empty() {
            break;
        }
        if is_space(b) {
            while *pos < input.len() && is_space(input[*pos]) {
                *pos += 1;
            }
            if input.get(*pos) != Some(&b'=') {
                return Some((name, value));
            }
            break;
        }
        if b == b'/' || b == b'>' {
            return Some((name, value));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // Past "=", then the value.
    *pos += 1;
    while *pos < input.len() && is_space(input[*pos]) {
        *pos += 1;
    }
    let first = *input.get(*pos)?;
    if first == b'"' || first == b'\'' {
        *pos += 1;
        loop {
            let b = *input.get(*pos)?;
            *pos += 1;
            if b == first {
                return Some((name, value));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    if first == b'>' {
        return Some((name, value));
    }
    loop {
        let b = *input.get(*pos)?;
        if is_space(b) || b == b'>' {
            return Some((name, value));
        }
        value.push(b.to_ascii_lowercase());
        *pos += 1;
    }
}

/// "Extract a character encoding from a meta element": the label after `charset=` in a
/// `content` value such as `text/html; charset=gb2312`.
pub fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let found = find_ignore_case(content, pos, b"charset")?;
        pos = found + 7;
        while pos < content.len() && is_space(content[pos]) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while pos < content.len() && is_space(content[pos]) {
            pos += 1;
        }
        let first = *content.get(pos)?;
        if first == b'"' || first == b'\'' {
            let end = content[pos + 1..].iter().position(|&b| b == first)?;
            return Some(&content[pos + 1..pos + 1 + end]);
        }
        let end = content[pos..]
            .iter()
            .position(|&b| is_space(b) || b == b';')
            .map_or(content.len(), |n| pos + n);
        return Some(&content[pos..end]);
    }
}

fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

fn find_ignore_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GBK, SHIFT_JIS};
    use proptest::prelude::*;

    #[test]
    fn finds_meta_charset() {
        assert_eq!(prescan(b"<html><head><meta charset=\"gbk\">"), Some(GBK));
        assert_eq!(prescan(b"<META CHARSET=Big5>"), Some(BIG5));
        assert_eq!(prescan(b"<meta charset='utf-8'/>"), Some(UTF_8));
    }

    #[test]
    fn finds_http_equiv_content_type() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
        assert_eq!(prescan(page), Some(GBK));
        // Attribute order does not matter.
        let page = b"<meta content='text/html;charset=shift_jis' http-equiv=content-type>";
        assert_eq!(prescan(page), Some(SHIFT_JIS));
    }

    #[test]
    fn content_without_pragma_is_ignored() {
        assert_eq!(prescan(b"<meta content=\"text/html; charset=gbk\">"), None);
    }

    #[test]
    fn comments_and_other_tags_are_skipped() {
        assert_eq!(
            prescan(b"<!-- <meta charset=big5> --><meta charset=gbk>"),
            Some(GBK)
        );
        assert_eq!(
            prescan(b"<title a='<meta charset=big5>'></title><meta charset=gbk>"),
            Some(GBK)
        );
        assert_eq!(
            prescan(b"<!DOCTYPE html><?x?><meta charset=gbk>"),
            Some(GBK)
        );
    }

    #[test]
    fn utf16_declarations_mean_utf8_and_unknown_labels_are_ignored() {
        assert_eq!(prescan(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(
            prescan(b"<meta charset=x-user-defined>"),
            Some(WINDOWS_1252)
        );
        assert_eq!(prescan(b"<meta charset=klingon>"), None);
    }

    #[test]
    fn only_the_first_1024_bytes_count() {
        let mut page = vec![b' '; 1020];
        page.extend_from_slice(b"<meta charset=gbk>");
        assert_eq!(prescan(&page), None);
    }

    #[test]
    fn charset_from_content_follows_the_spec() {
        assert_eq!(
            charset_from_content(b"text/html; charset=gbk"),
            Some(&b"gbk"[..])
        );
        assert_eq!(
            charset_from_content(b"text/html; CHARSET = \"big5\""),
            Some(&b"big5"[..])
        );
        assert_eq!(charset_from_content(b"text/html; charset=\"big5"), None);
        assert_eq!(
            charset_from_content(b"charsetx charset=utf-8;"),
            Some(&b"utf-8"[..])
        );
    }

    proptest! {
        #[test]
        fn prescan_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = prescan(&bytes);
        }

        #[test]
        fn prescan_finds_a_declaration_after_arbitrary_text_without_markup(
            prefix in "[a-zA-Z0-9 .,\n]{0,500}"
        ) {
            let page = format!("{prefix}<meta charset=\"gbk\">");
            prop_assert_eq!(prescan(page.as_bytes()), Some(GBK));
        }
    }
}
