use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `<meta name="viewport">` does not stop users from zooming: no `user-scalable=no` (or
    /// any value between -1 and 1), and no `maximum-scale` below 2.
    ///
    /// ## Why it matters
    /// People with low vision zoom pages on phones to read them. A page that blocks zoom shuts
    /// them out; many elderly users depend on it (适老化).
    ///
    /// ## How to fix
    /// Remove `user-scalable=no` and `maximum-scale` from the viewport, e.g.
    /// `<meta name="viewport" content="width=device-width, initial-scale=1">`.
    pub META_VIEWPORT = {
        id: "a11y/meta-viewport",
        severity: Severity::High,
        // 1.4.4 only, as ACT b4f0c3 and axe map it: a blocked zoom is a resize-text failure, while
        // reflow (1.4.10) is about layout at 320 CSS px and needs no zoom to fail.
        standards: ["WCAG22:1.4.4", "EN301549:9.1.4.4", "GB/T37668-2019:3.2.2.2"],
        sources: [Source::same("ACT:b4f0c3"), Source::same("axe:meta-viewport")],
    }
}

/// Applies to `<meta name="viewport">` elements whose `content` sets `user-scalable` or
/// `maximum-scale`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for meta in page.elements_named("meta") {
        if !meta.is_html() || meta.is_in_template() {
            continue;
        }
        if !meta
            .attr("name")
            .is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
        {
            continue;
        }
        let Some(content) = meta.attr("content") else {
            continue;
        };
        let mut applies = false;
        let mut problems = Vec::new();
        for (key, value) in properties(content) {
            if key.eq_ignore_ascii_case("user-scalable") {
                applies = true;
                if viewport_number(value).abs() < 1.0 {
                    problems.push(format!("user-scalable={value} disables zoom"));
                }
            } else if key.eq_ignore_ascii_case("maximum-scale") {
                applies = true;
                let scale = viewport_number(value);
                // Negative values are invalid and ignored by browsers.
                if (0.0..2.0).contains(&scale) {
                    problems.push(format!(
                        "maximum-scale={value} limits zoom to less than 200%"
                    ));
                }
            }
        }
        if !applies {
            continue;
        }
        out.applies(&META_VIEWPORT, || meta.location());
        if !problems.is_empty() {
            out.fail(
                &META_VIEWPORT,
                meta.location(),
                format!(
                    "The viewport stops users from zooming: {}.",
                    problems.join("; ")
                ),
            )
            .evidence("content", content);
        }
    }
}

/// `key=value` pairs of a viewport `content`, separated by commas or semicolons.
fn properties(content: &str) -> impl Iterator<Item = (&str, &str)> {
    content
        .split([',', ';'])
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
}

/// A viewport property value as browsers read it: `yes` is 1, `no` 0, `device-width` and
/// `device-height` 10, a number its leading numeric part, anything else 0.
fn viewport_number(value: &str) -> f64 {
    let value = value.to_ascii_lowercase();
    match value.as_str() {
        "yes" => 1.0,
        "no" => 0.0,
        "device-width" | "device-height" => 10.0,
        _ => {
            let end = value
                .char_indices()
                .find(|&(i, c)| {
                    !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
                })
                .map_or(value.len(), |(i, _)| i);
            value[..end].parse().unwrap_or(0.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::viewport_number;

    proptest::proptest! {
        #[test]
        fn any_value_reads_without_panic(s in "\\PC*") {
            let _ = viewport_number(&s);
            let _ = super::properties(&s).count();
        }
    }

    #[test]
    fn viewport_values_read_as_browsers_do() {
        assert_eq!(viewport_number("yes"), 1.0);
        assert_eq!(viewport_number("NO"), 0.0);
        assert_eq!(viewport_number("device-width"), 10.0);
        assert_eq!(viewport_number("1.5"), 1.5);
        assert_eq!(viewport_number("-1"), -1.0);
        assert_eq!(viewport_number("2.0abc"), 2.0);
        assert_eq!(viewport_number("invalid"), 0.0);
    }
}
