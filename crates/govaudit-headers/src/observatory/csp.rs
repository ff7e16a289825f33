//! A faithful port of the Observatory's `cspParser.js`: policies are parsed together and
//! intersected approximately; the quirks (length limit, duplicate directives, lower-casing,
//! collation order) are kept on purpose because the score depends on them.

use std::borrow::Cow;
use std::cmp::Ordering;

/// `"img-src".length - 1`: shorter policies are refused.
const SHORTEST_POLICY: usize = 6;
const DISALLOWED_IN_META: &[&str] = &["frame-ancestors", "report-uri", "sandbox"];
const ALLOWED_DUPLICATES: &[&str] = &["report-uri", "report-to"];

/// Why the Observatory could not parse a policy set (it reports `csp-header-invalid`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ObservatoryCspError {
    #[error("policy {0:?} is empty or shorter than 6 characters")]
    TooShort(String),
    #[error("directive {directive} appears twice in policy {policy}")]
    DuplicateDirective { directive: String, policy: usize },
    #[error("a source has a malformed percent-escape: {0}")]
    BadEscape(String),
}

/// The parsed set: directives in first-seen order, each a set of sources in insertion order.
/// Names and sources borrow the policy text (`'a`) unless lower-casing or cleaning changed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservatoryCsp<'a> {
    pub directives: Vec<(Cow<'a, str>, Vec<Cow<'a, str>>)>,
    /// Directives repeated where the Observatory allows it (report-uri, report-to).
    pub duplicate_warnings: Vec<Cow<'a, str>>,
}

impl<'a> ObservatoryCsp<'a> {
    /// The same set owning its text.
    pub fn into_owned(self) -> ObservatoryCsp<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        ObservatoryCsp {
            directives: self
                .directives
                .into_iter()
                .map(|(d, v)| (own(d), v.into_iter().map(own).collect()))
                .collect(),
            duplicate_warnings: self.duplicate_warnings.into_iter().map(own).collect(),
        }
    }

    pub fn get(&self, directive: &str) -> Option<&Vec<Cow<'a, str>>> {
        self.directives
            .iter()
            .find(|(d, _)| d == directive)
            .map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, directive: &str) -> Option<&mut Vec<Cow<'a, str>>> {
        self.directives
            .iter_mut()
            .find(|(d, _)| d == directive)
            .map(|(_, v)| v)
    }

    pub fn has(&self, directive: &str) -> bool {
        self.get(directive).is_some()
    }

    pub fn len(&self) -> usize {
        self.directives.len() + usize::from(!self.duplicate_warnings.is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn delete(&mut self, directive: &str) {
        self.directives.retain(|(d, _)| d != directive);
    }
}

#[derive(Debug, Clone)]
struct Src<'a> {
    source: Cow<'a, str>,
    index: usize,
    keep: bool,
}

fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `parseCspMeta`: `parseCsp` without the directives a `<meta>` policy cannot carry.
pub fn parse_meta(list: &[String]) -> Result<ObservatoryCsp<'_>, ObservatoryCspError> {
    let list: Vec<&str> = list.iter().map(String::as_str).collect();
    let mut csp = parse_strs(&list)?;
    csp.strip_meta_disallowed();
    Ok(csp)
}

/// `parseCsp`.
pub fn parse(list: &[String]) -> Result<ObservatoryCsp<'_>, ObservatoryCspError> {
    let list: Vec<&str> = list.iter().map(String::as_str).collect();
    parse_strs(&list)
}

impl ObservatoryCsp<'_> {
    /// What `parseCspMeta` removes after parsing.
    pub(crate) fn strip_meta_disallowed(&mut self) {
        for d in DISALLOWED_IN_META {
            self.delete(d);
        }
    }

    /// `len()` of the same set after [`Self::strip_meta_disallowed`], without copying it.
    pub(crate) fn len_as_meta(&self) -> usize {
        self.directives
            .iter()
            .filter(|(d, _)| !DISALLOWED_IN_META.contains(&d.as_ref()))
            .count()
            + usize::from(!self.duplicate_warnings.is_empty())
    }
}

/// JS `toLowerCase`, without the Unicode tables for the usual ASCII text, and without a copy
/// when there is no capital.
fn js_lower(s: Cow<'_, str>) -> Cow<'_, str> {
    if !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        s
    }
}

/// `token`, a piece of `policy`, with the lifetime of the header text when the policy borrows
/// it (a copy where the policy had to be cleaned into a new string).
fn piece<'a>(policy: &Cow<'a, str>, token: &str) -> Cow<'a, str> {
    if let Cow::Borrowed(text) = policy
        && let Some(start) = (token.as_ptr() as usize).checked_sub(text.as_ptr() as usize)
        && let Some(piece) = text.get(start..start + token.len())
    {
        return Cow::Borrowed(piece);
    }
    Cow::Owned(token.to_owned())
}

/// `parseCsp` on borrowed policies (no copies of the header text).
pub(crate) fn parse_strs<'a>(list: &[&'a str]) -> Result<ObservatoryCsp<'a>, ObservatoryCspError> {
    if list.is_empty() {
        return Ok(ObservatoryCsp::default());
    }
    let clean: Vec<Cow<'a, str>> = list
        .iter()
        .map(|p| {
            if p.bytes().any(|b| b == b'\r' || b == b'\n') {
                let stripped: String = p.chars().filter(|c| *c != '\r' && *c != '\n').collect();
                Cow::Owned(stripped.trim_matches(is_js_space).to_owned())
            } else {
                Cow::Borrowed(p.trim_matches(is_js_space))
            }
        })
        .collect();
    // At most one directive per `;`-separated entry: sized once.
    let entries = clean
        .iter()
        .map(|p| p.bytes().filter(|&b| b == b';').count() + 1)
        .sum();
    let mut csp: Vec<(Cow<'a, str>, Vec<Src<'a>>)> = Vec::with_capacity(entries);
    let mut duplicates: Vec<Cow<'a, str>> = Vec::new();
    for p in &clean {
        // A UTF-16 unit is at most 3 bytes of UTF-8: 18 bytes are at least 6 units.
        if p.is_empty()
            || (p.len() < 3 * SHORTEST_POLICY && p.encode_utf16().count() < SHORTEST_POLICY)
        {
            return Err(ObservatoryCspError::TooShort(p.clone().into_owned()));
        }
    }
    let many = list.len() > 1;
    // Indexes into `csp` of the directives seen in the current policy.
    let mut seen: Vec<usize> = Vec::new();
    for (policy_index, policy) in clean.iter().enumerate() {
        seen.clear();
        for entry in policy.split(';') {
            let mut tokens = entry.trim_matches(is_js_space).split(is_js_space);
            let Some(first) = tokens.next() else { continue };
            if first.is_empty() {
                continue;
            }
            let directive = js_lower(piece(policy, first));
            let existing = csp.iter().position(|(d, _)| *d == directive);
            if existing.is_some_and(|i| seen.contains(&i)) {
                if ALLOWED_DUPLICATES.contains(&directive.as_ref()) {
                    if !duplicates.contains(&directive) {
                        duplicates.push(directive.clone());
                    }
                } else {
                    return Err(ObservatoryCspError::DuplicateDirective {
                        directive: directive.into_owned(),
                        policy: policy_index,
                    });
                }
            }
            let keep = policy_index == 0;
            let mut combined: Vec<Src> = match existing {
                Some(i) if policy_index != 0 => std::mem::take(&mut csp[i].1),
                _ => Vec::new(),
            };
            let before = combined.len();
            combined.extend(tokens.map(|raw| Src {
                source: js_lower(piece(policy, raw.trim_matches(is_js_space))),
                index: policy_index,
                keep,
            }));
            if combined.len() == before && directive.ends_with("-src") {
                combined.push(Src {
                    source: "'none'".into(),
                    index: policy_index,
                    keep,
                });
            }
            // Array.prototype.sort is stable.
            combined.sort_by(|a, b| collate(&a.source, &b.source));
            for i in 1..combined.len() {
                let (head, tail) = combined.split_at_mut(i);
                let prev = &head[i - 1];
                let source = &mut tail[0];
                if source.index == prev.index && source.source.starts_with(prev.source.as_ref()) {
                    source.keep = false;
                }
                if source.index != prev.index && path_part_match(&prev.source, &source.source)? {
                    source.keep = true;
                }
            }
            combined.retain(|s| s.keep);
            if policy_index == 0 && many {
                for s in &mut combined {
                    s.keep = false;
                }
            }
            let index = match existing {
                Some(i) => {
                    csp[i].1 = combined;
                    i
                }
                None => {
                    csp.push((directive, combined));
                    csp.len() - 1
                }
            };
            if !seen.contains(&index) {
                seen.push(index);
            }
        }
    }
    let directives = csp
        .into_iter()
        .map(|(d, sources)| {
            // The sources in the same allocation, first occurrences kept.
            let mut set: Vec<Cow<'a, str>> = sources.into_iter().map(|s| s.source).collect();
            let mut i = 0;
            while i < set.len() {
                if set[..i].contains(&set[i]) {
                    set.remove(i);
                } else {
                    i += 1;
                }
            }
            if set.is_empty() {
                set.push("'none'".into());
            }
            (d, set)
        })
        .collect();
    Ok(ObservatoryCsp {
        directives,
        duplicate_warnings: duplicates,
    })
}

/// `pathPartMatch`, including `decodeURIComponent` throwing on a malformed escape.
fn path_part_match(a: &str, b: &str) -> Result<bool, ObservatoryCspError> {
    if a.is_empty() {
        return Ok(true);
    }
    if a == "/" && b.is_empty() {
        return Ok(true);
    }
    let exact = !a.ends_with('/');
    let mut list_a: Vec<&str> = a.split('/').collect();
    let list_b: Vec<&str> = b.split('/').collect();
    if list_a.len() > list_b.len() {
        return Ok(false);
    }
    if exact && list_a.len() != list_b.len() {
        return Ok(false);
    }
    if !exact {
        list_a.pop();
    }
    for (pa, pb) in list_a.iter().zip(&list_b) {
        if decode_uri_component(pa)? != decode_uri_component(pb)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn decode_uri_component(s: &str) -> Result<String, ObservatoryCspError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| ObservatoryCspError::BadEscape(s.to_owned()))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ObservatoryCspError::BadEscape(s.to_owned()))
}

/// Primary weights of ASCII in the CLDR root collation that `Intl.Collator("en")` uses:
/// whitespace, punctuation, symbols, digits, then letters (case folded at this level).
const ROOT_ORDER: &str =
    "\t\n\u{b}\u{c}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/// [`ROOT_ORDER`] as a table: the primary weight of each ASCII character (built at compile
/// time; the sort compares character by character).
const WEIGHTS: [u32; 128] = {
    let order = ROOT_ORDER.as_bytes();
    let mut table = [0u32; 128];
    let mut c = 0;
    while c < 128 {
        let lower = (c as u8).to_ascii_lowercase();
        let mut w = 1000 + c as u32;
        let mut i = 0;
        while i < order.len() {
            if order[i] == lower {
                w = i as u32;
                break;
            }
            i += 1;
        }
        table[c] = w;
        c += 1;
    }
    table
};

fn weight(c: char) -> u32 {
    match WEIGHTS.get(c as usize) {
        Some(w) => *w,
        None => 1000 + c as u32,
    }
}

/// `Intl.Collator("en").compare` for the lower-cased sources the parser sorts.
pub fn collate(a: &str, b: &str) -> Ordering {
    let primary = a.chars().map(weight).cmp(b.chars().map(weight));
    primary.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p<'a>(list: &[&'a str]) -> Result<ObservatoryCsp<'a>, ObservatoryCspError> {
        parse_strs(list)
    }

    #[test]
    fn short_and_duplicate_policies_are_invalid() {
        assert!(matches!(p(&["a b"]), Err(ObservatoryCspError::TooShort(_))));
        assert!(p(&["script-src 'self'; script-src 'none'"]).is_err());
        let ok = p(&["default-src 'none'; report-uri /a; report-uri /b"]).unwrap();
        assert_eq!(ok.duplicate_warnings, ["report-uri"]);
    }

    #[test]
    fn empty_src_is_none_and_values_lowercase() {
        let csp = p(&["img-src; Script-Src 'SELF' HTTPS://A.example"]).unwrap();
        assert_eq!(csp.get("img-src").unwrap(), &["'none'"]);
        assert_eq!(
            csp.get("script-src").unwrap(),
            &["'self'", "https://a.example"]
        );
    }

    #[test]
    fn policies_intersect() {
        let csp = p(&[
            "script-src 'self' https://a.example",
            "script-src https://a.example",
        ])
        .unwrap();
        assert_eq!(csp.get("script-src").unwrap(), &["https://a.example"]);
        // Checked against npm 1.4.8: a directive only in the first policy survives as is.
        let csp = p(&["script-src 'self'", "default-src 'none'"]).unwrap();
        assert_eq!(csp.get("script-src").unwrap(), &["'self'"]);
        assert_eq!(csp.get("default-src").unwrap(), &["'none'"]);
    }

    #[test]
    fn weight_table_is_the_root_order() {
        for c in (0u8..128).map(char::from) {
            let expected = ROOT_ORDER
                .find(c.to_ascii_lowercase())
                .map_or(1000 + c as u32, |p| p as u32);
            assert_eq!(weight(c), expected, "{c:?}");
        }
    }

    #[test]
    fn collation_puts_punctuation_before_letters() {
        let mut v = vec!["https:", "'self'", "*", "data:", "https://a"];
        v.sort_by(|a, b| collate(a, b));
        assert_eq!(v, ["'self'", "*", "data:", "https:", "https://a"]);
    }
}
