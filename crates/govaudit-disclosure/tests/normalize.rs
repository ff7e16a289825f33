//! Properties of the normaliser and of date extraction.

use govaudit_disclosure::dates::{DateMatch, extract};
use govaudit_disclosure::normalize;
use proptest::prelude::*;

/// The full-width form of printable ASCII (U+FF01..U+FF5E), ideographic space for space.
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' ' => '\u{3000}',
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            _ => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_is_idempotent(text in any::<String>()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
        prop_assert!(!once.contains("  "));
    }

    #[test]
    fn cjk_and_mixed_text_is_idempotent(text in "[\\u{3000}-\\u{303F}\\u{4E00}-\\u{9FFF}\\u{FF01}-\\u{FF5E}a-zA-Z0-9 ：，。]{0,40}") {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn full_width_folds_to_half_width(text in "[ -~]{0,40}") {
        prop_assert_eq!(normalize(&full_width(&text)), normalize(&text));
    }

    #[test]
    fn case_does_not_matter(text in "[a-zA-Z0-9 .:-]{0,40}") {
        prop_assert_eq!(normalize(&text.to_uppercase()), normalize(&text.to_lowercase()));
    }

    #[test]
    fn white_space_runs_do_not_matter(words in proptest::collection::vec("[a-z政府公开]{1,6}", 1..6), gaps in proptest::collection::vec("[ \\t\\n\\u{3000}\\u{A0}]{1,4}", 6)) {
        let spaced: String = words.iter().zip(&gaps).map(|(w, g)| format!("{g}{w}")).collect();
        prop_assert_eq!(normalize(&spaced), words.join(" "));
    }

    #[test]
    fn date_extraction_never_panics(text in any::<String>()) {
        let _ = extract(&text);
    }

    #[test]
    fn written_dates_are_read_back(y in 1990i16..2100, m in 1i8..=12, d in 1i8..=28, form in 0usize..4) {
        let text = match form {
            0 => format!("发布时间：{y}-{m:02}-{d:02}"),
            1 => format!("{y}/{m}/{d} 来源"),
            2 => format!("{y}年{m}月{d}日"),
            _ => format!("<{y}.{m:02}.{d:02}>"),
        };
        let want = jiff::civil::Date::new(y, m, d).unwrap();
        prop_assert_eq!(extract(&normalize(&text)), vec![DateMatch::Full(want)]);
    }
}

#[test]
fn traditional_synonyms_fold_to_simplified() {
    for (traditional, simplified) in [
        ("政府信息公開指南", "政府信息公开指南"),
        ("網站地圖", "网站地图"),
        ("聯繫我們", "联系我们"),
        ("網站標識碼", "网站标识码"),
        ("依申請公開", "依申请公开"),
        ("機構職能", "机构职能"),
        ("政策解讀", "政策解读"),
        ("無障礙", "无障碍"),
        ("冀ICP備05012345號", "冀icp备05012345号"),
    ] {
        assert_eq!(normalize(traditional), simplified, "{traditional}");
    }
}
