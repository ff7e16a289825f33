//! Page-derived strings made safe to show. maud escapes `& < > "` in every interpolated value;
//! what escaping does not cover is here: links (only `http:` and `https:` become live), characters
//! that reorder or hide text (bidi controls, other control characters), and length.

use std::borrow::Cow;

/// Snippets longer than this many characters are cut (one minified page can put a whole script
/// in a snippet; 20,000 findings of that would make the report unusable).
pub(crate) const SNIPPET_CHARS: usize = 240;

/// Messages, selectors and URLs longer than this are cut.
pub(crate) const TEXT_CHARS: usize = 600;

/// `url` as a link target when it is an absolute `http:` or `https:` URL, in its serialised
/// form (percent-encoded, no whitespace or control characters left); `None` for anything else:
/// `javascript:`, `data:`, relative paths (a local file's path is relative to where the run
/// was, not to the report, so it would be a broken link).
pub(crate) fn safe_href(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.into())
}

/// Whether `c` would reorder, hide or break the text around it when shown: bidirectional
/// controls (Trojan Source), C0/C1 controls other than tab and newline, zero-width
/// formatting.
fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        | '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// `text` for display: hazardous characters shown as `⟨U+202E⟩`, cut to `max_chars`
/// characters with `…`. Borrowed when nothing changes.
pub(crate) fn display(text: &str, max_chars: usize) -> Cow<'_, str> {
    let needs_marking = text.chars().any(is_hazard);
    let too_long = text.len() > max_chars && text.chars().nth(max_chars).is_some();
    if !needs_marking && !too_long {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(max_chars * 4) + 8);
    for (shown, c) in text.chars().enumerate() {
        if shown == max_chars {
            out.push('…');
            break;
        }
        if is_hazard(c) {
            out.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A short label for a chart: the last `max_chars` characters of `text` (the end of a page's
/// path says more than its start), made safe as [`display`] does.
pub(crate) fn tail_label(text: &str, max_chars: usize) -> String {
    let count = text.chars().count();
    if count <= max_chars {
        return display(text, max_chars).into_owned();
    }
    let tail: String = text.chars().skip(count - (max_chars - 1)).collect();
    format!("…{}", display(&tail, max_chars))
}

/// Backtick spans of rule documentation (`` `alt=""` ``) as (text, is_code) pieces.
pub(crate) fn code_spans(text: &str) -> impl Iterator<Item = (&str, bool)> {
    text.split('`')
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(i, piece)| (piece, i % 2 == 1))
}

/// The "How to fix" section of a rule's Markdown documentation, on one line per paragraph.
pub(crate) fn how_to_fix(docs: &str) -> Option<String> {
    let mut lines = docs.lines().map(str::trim);
    lines.find(|line| {
        line.starts_with('#')
            && line
                .trim_start_matches('#')
                .trim()
                .eq_ignore_ascii_case("how to fix")
    })?;
    let section: Vec<&str> = lines.take_while(|line| !line.starts_with('#')).collect();
    let text = section
        .split(|line| line.is_empty())
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| paragraph.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    (!text.is_empty()).then_some(text)
}

/// An `id` attribute value for an anchor: letters, digits and `-` only, so a rule id or a page
/// can never close the attribute or collide with markup.
pub(crate) fn anchor(prefix: &str, key: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + key.len() + 1);
    id.push_str(prefix);
    id.push('-');
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else {
            id.push('-');
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_become_links() {
        assert_eq!(
            safe_href("https://www.example.gov.cn/a b").as_deref(),
            Some("https://www.example.gov.cn/a%20b")
        );
        assert_eq!(
            safe_href("HTTP://x.example/").as_deref(),
            Some("http://x.example/")
        );
        for hostile in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example/",
            "index.html",
            "examples/demo-site/index.html",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_href(hostile), None, "{hostile:?}");
        }
    }

    #[test]
    fn bidi_and_control_characters_are_shown_not_obeyed() {
        assert_eq!(display("a\u{202E}b\u{0}c", 100), "a⟨U+202E⟩b⟨U+0000⟩c");
        assert_eq!(display("tab\tand\nnewline", 100), "tab\tand\nnewline");
        assert!(matches!(display("plain", 100), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        assert_eq!(display("政府信息公开", 4), "政府信息…");
        assert_eq!(display("abcd", 4), "abcd");
        assert_eq!(
            tail_label("examples/demo-site/index.html", 12),
            "…/index.html"
        );
    }

    #[test]
    fn how_to_fix_is_read_from_rule_docs() {
        let docs = "Summary.\n\n## Why it matters\nBecause.\n\n## How to fix\nAdd `alt`\nto it.\n\nOr hide it.\n";
        assert_eq!(
            how_to_fix(docs).as_deref(),
            Some("Add `alt` to it.\nOr hide it.")
        );
        assert_eq!(how_to_fix("No sections."), None);
        let spans: Vec<_> = code_spans("Add `alt=\"\"` here").collect();
        assert_eq!(
            spans,
            vec![("Add ", false), ("alt=\"\"", true), (" here", false)]
        );
    }

    #[test]
    fn anchors_hold_only_safe_characters() {
        assert_eq!(anchor("rule", "a11y/image-alt"), "rule-a11y-image-alt");
        assert_eq!(anchor("p", "\"><x y='"), "p----x-y--");
    }
}
