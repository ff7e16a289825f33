//! The normaliser every comparison goes through: synonyms, accessible names and page text are
//! compared only after the same folding.

use crate::t2s::T2S;
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// NFKC of `text`, borrowed when the quick check proves it is already NFKC (nearly all page
/// text: ASCII, CJK ideographs), which spares the decompose/recompose pass that otherwise
/// dominates a page's matching time.
fn nfkc(text: &str) -> Cow<'_, str> {
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// Folds `text` for matching: NFKC (full-width letters, digits and punctuation become
/// half-width, `：` becomes `:`), traditional Chinese characters become simplified, typographic
/// quotes and dashes become ASCII, letters become lower case, and runs of white space become one
/// space with the ends trimmed. Idempotent: `normalize(&normalize(x)) == normalize(x)`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // Lower-casing and the character table can produce characters NFKC would change again
    // (e.g. `İ` lower-cases to `i̇`), so fold to a fixed point: NFKC, then map, then NFKC again.
    let folded = nfkc(text);
    let mapped: String = folded
        .chars()
        .flat_map(|c| {
            let c = simplify_char(c);
            let c = typographic_to_ascii(c);
            c.to_lowercase()
        })
        .collect();
    for c in nfkc(&mapped).chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    // A second pass reaches the fixed point for the rare characters whose lower case is not
    // NFKC-stable; for almost all text it is a cheap equality check.
    if nfkc(&out) != out || out.chars().flat_map(char::to_lowercase).ne(out.chars()) {
        return normalize(&out);
    }
    out
}

/// Traditional → simplified for the characters in the profile synonym lists and identity-mark
/// labels (see `t2s.rs`); other characters are returned unchanged.
pub fn traditional_to_simplified(text: &str) -> String {
    text.chars().map(simplify_char).collect()
}

fn simplify_char(c: char) -> char {
    match T2S.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => T2S[i].1,
        Err(_) => c,
    }
}

fn typographic_to_ascii(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => '-',
        '\u{00A0}' | '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The quick-check shortcut gives exactly the full NFKC, on any text and on text heavy
        /// in the characters it must not skip (full-width forms, combining marks, Hangul jamo).
        #[test]
        fn the_nfkc_shortcut_is_exact(
            any_text in any::<String>(),
            mixed in "[a-zA-Z\\u{0300}-\\u{036F}\\u{1100}-\\u{11FF}\\u{AC00}-\\u{AC10}\\u{FF01}-\\u{FF5E}\\u{2460}-\\u{2473}\\u{4E00}-\\u{4E10}]{0,24}",
        ) {
            for text in [&any_text, &mixed] {
                let full: String = text.nfkc().collect();
                let quick = nfkc(text);
                prop_assert_eq!(quick.as_ref(), full.as_str());
            }
        }
    }

    #[test]
    fn folds_width_case_space_and_script() {
        assert_eq!(normalize("  政府資訊公開  指南 "), "政府资讯公开 指南");
        assert_eq!(
            normalize("網站標識碼：１３９９０００００１"),
            "网站标识码:1399000001"
        );
        assert_eq!(normalize("ＩＣＰ備"), "icp备");
        assert_eq!(
            normalize("Déclaration d’accessibilité"),
            "déclaration d'accessibilité"
        );
        assert_eq!(normalize("About\u{3000}Us"), "about us");
    }
}
