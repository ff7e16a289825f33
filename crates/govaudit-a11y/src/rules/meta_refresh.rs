use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// A `<meta http-equiv="refresh">` does not reload or redirect the page after a delay: the
    /// delay is 0 (an immediate redirect) or longer than 20 hours.
    ///
    /// ## Why it matters
    /// A page that refreshes or moves away after some seconds takes control from users who read
    /// slowly or use a screen reader: they lose their place, or the page they were reading.
    ///
    /// ## How to fix
    /// Redirect on the server (HTTP 301/302), or use a delay of 0. To keep content current, let
    /// users reload it themselves.
    pub META_REFRESH = {
        id: "a11y/meta-refresh",
        severity: Severity::High,
        standards: ["WCAG22:2.2.1", "EN301549:9.2.2.1", "GB/T37668-2019:3.3.3.12"],
        sources: [Source::same("ACT:bc659a"), Source::same("axe:meta-refresh")],
    }
}

/// Twenty hours: WCAG 2.2.1's exception for time limits longer than that.
const TWENTY_HOURS: u64 = 72_000;

/// Applies to the first `<meta http-equiv="refresh">` whose `content` is a valid refresh value.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some((meta, delay)) = first_refresh(page) else {
        return;
    };
    out.applies(&META_REFRESH, || meta.location());
    if delay > 0 && delay <= TWENTY_HOURS {
        out.fail(
            &META_REFRESH,
            meta.location(),
            format!("The page refreshes or redirects itself after {delay} seconds."),
        )
        .evidence("delay", delay);
    }
}

/// The first `<meta http-equiv="refresh">` with a valid `content`, and its delay in seconds.
pub(crate) fn first_refresh<'a>(page: &Page<'a>) -> Option<(Element<'a>, u64)> {
    page.elements_named("meta")
        .filter(|m| m.is_html() && !m.is_in_template())
        .filter(|m| {
            m.attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
        })
        .find_map(|m| Some((m, refresh_delay(m.attr("content")?)?)))
}

/// The delay of a refresh `content` value per the HTML "shared declarative refresh steps":
/// leading digits (dots and more digits after them are ignored), then the end, `;`, `,` or
/// white space. `None` when the value is invalid (`+5`, `-1`, `0: url`, `foo`, empty).
pub(crate) fn refresh_delay(content: &str) -> Option<u64> {
    let rest = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, rest) = rest.split_at(digits_end);
    if digits.is_empty() && !rest.starts_with('.') {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if let Some(next) = rest.chars().next()
        && !(next == ';' || next == ',' || next.is_ascii_whitespace())
    {
        return None;
    }
    // An overlong number is still a (very long) delay.
    Some(
        digits
            .parse()
            .unwrap_or(if digits.is_empty() { 0 } else { u64::MAX }),
    )
}

#[cfg(test)]
mod tests {
    use super::refresh_delay;

    proptest::proptest! {
        #[test]
        fn any_content_parses_without_panic(s in "\\PC*") {
            let _ = refresh_delay(&s);
        }

        #[test]
        fn a_number_then_a_url_gives_the_number(n in 0u32..100_000, url in "[a-z/:.]{0,20}") {
            proptest::prop_assert_eq!(refresh_delay(&format!("{n}; url={url}")), Some(u64::from(n)));
        }
    }

    #[test]
    fn refresh_values_parse_as_html_does() {
        assert_eq!(refresh_delay("0; URL='https://a'"), Some(0));
        assert_eq!(refresh_delay("30"), Some(30));
        assert_eq!(refresh_delay(" 5, https://a"), Some(5));
        assert_eq!(refresh_delay("72001; https://a"), Some(72001));
        assert_eq!(refresh_delay("1.5; x"), Some(1));
        assert_eq!(refresh_delay(".5"), Some(0));
        assert_eq!(refresh_delay("99999999999999999999999"), Some(u64::MAX));
        for invalid in [
            "",
            "; 30",
            "+5; x",
            "-00.12 foo",
            "0: https://a",
            "foo; URL=x",
        ] {
            assert_eq!(refresh_delay(invalid), None, "{invalid}");
        }
    }
}
