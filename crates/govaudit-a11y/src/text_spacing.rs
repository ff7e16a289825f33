//! What the three "important spacing in style attributes" rules share (ACT 24afc2, 9e45ec,
//! 78fd32; WCAG 1.4.12 Text Spacing): users override letter, word and line spacing with their
//! own style sheet, which an `!important` declaration in a `style` attribute defeats. Such a
//! declaration passes only when it already gives at least the spacing WCAG asks for, relative to
//! the font size of the text it applies to.

use crate::Page;
use govaudit_core::{Collector, RuleMeta};
use govaudit_html::Element;

/// The spacing property a rule checks and its WCAG 1.4.12 minimum, in multiples of the font
/// size.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Spacing {
    /// `letter-spacing` ≥ 0.12 × font size.
    Letter,
    /// `word-spacing` ≥ 0.16 × font size.
    Word,
    /// `line-height` ≥ 1.5 × font size, on text of more than one line.
    Line,
}

impl Spacing {
    fn property(self) -> &'static str {
        match self {
            Spacing::Letter => "letter-spacing",
            Spacing::Word => "word-spacing",
            Spacing::Line => "line-height",
        }
    }

    fn minimum(self) -> f32 {
        match self {
            Spacing::Letter => 0.12,
            Spacing::Word => 0.16,
            Spacing::Line => 1.5,
        }
    }
}

/// A spacing value resolved as far as statics allow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// An absolute length in px (em and % already resolved against the declaring element).
    Px(f32),
    /// A unitless `line-height` factor, applied to each text's own font size.
    Factor(f32),
}

/// Assumed width of a page without any declared width, for "does this text wrap?".
const VIEWPORT_PX: f32 = 1280.0;

/// Runs one spacing rule over the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector, rule: &RuleMeta, spacing: Spacing) {
    let property = spacing.property();
    for element in page.elements_with_attr("style") {
        if !element.is_html() {
            continue;
        }
        let Some(raw) = element
            .attr("style")
            .and_then(|s| important_value(s, property))
        else {
            continue;
        };
        let keyword = raw.to_ascii_lowercase();
        if matches!(
            keyword.as_str(),
            "inherit" | "unset" | "revert" | "revert-layer"
        ) {
            continue;
        }
        let visibility = page.visibility();
        if !visibility.is_visible(&element) {
            continue;
        }
        let texts = governed_text_parents(&element, property)
            .into_iter()
            .filter(|(parent, _)| visibility.is_visible(parent))
            .collect::<Vec<_>>();
        if texts.is_empty() {
            continue;
        }
        let own_size = page.styles().get(&element).font_size_px;
        let value = resolve(&keyword, spacing, own_size);
        let mut verdict = Verdict::Pass;
        for (parent, text) in &texts {
            let size = page.styles().get(parent).font_size_px;
            let line_count = match spacing {
                Spacing::Line => lines(parent, text, size),
                _ => Lines::Several,
            };
            if line_count == Lines::One {
                continue;
            }
            let outcome = match (value, size) {
                (Some(value), Some(size)) => {
                    let px = match value {
                        Value::Px(px) => px,
                        Value::Factor(f) => f * size,
                    };
                    // A hundredth of a pixel of slack for float rounding.
                    if px + 0.01 >= spacing.minimum() * size {
                        Verdict::Pass
                    } else if line_count == Lines::Unknown {
                        Verdict::Review
                    } else {
                        Verdict::Fail
                    }
                }
                _ => Verdict::Review,
            };
            verdict = verdict.max(outcome);
            if verdict == Verdict::Fail {
                break;
            }
        }
        if texts.iter().all(|(p, t)| {
            matches!(spacing, Spacing::Line)
                && lines(p, t, page.styles().get(p).font_size_px) == Lines::One
        }) {
            continue;
        }
        out.applies(rule, || element.location());
        let minimum = spacing.minimum();
        // Font sizes (and so both verdicts) come from the cascade: incomplete, they decide
        // nothing.
        let incomplete = page.styles().incompleteness();
        if let Some(gap) = &incomplete {
            out.review(
                rule,
                element.location(),
                format!(
                    "{property}: {raw} !important cannot be overridden by users: check it is at least {minimum} times the font size (the page's styles are incomplete: {gap})."
                ),
            )
            .evidence("value", &raw);
            continue;
        }
        match verdict {
            Verdict::Pass => {}
            Verdict::Fail => {
                out.fail(
                    rule,
                    element.location(),
                    format!(
                        "{property}: {raw} !important is below {minimum} times the font size, and users cannot override it."
                    ),
                )
                .evidence("value", &raw);
            }
            Verdict::Review => {
                out.review(
                    rule,
                    element.location(),
                    format!(
                        "{property}: {raw} !important cannot be overridden by users: check it is at least {minimum} times the font size."
                    ),
                )
                .evidence("value", &raw);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Pass,
    Review,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Several,
    Unknown,
}

/// The value of the last `!important` declaration of `property` in a `style` attribute (an
/// important declaration wins over any normal one in the same attribute).
fn important_value(style: &str, property: &str) -> Option<String> {
    style
        .split(';')
        .rev()
        .filter_map(|declaration| declaration.split_once(':'))
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case(property))
        .find_map(|(_, value)| {
            let value = value.trim();
            let bang = value.rfind('!')?;
            value[bang + 1..]
                .trim()
                .eq_ignore_ascii_case("important")
                .then(|| value[..bang].trim().to_owned())
        })
}

/// A value in px or as a factor; `None` when it cannot be resolved statically.
fn resolve(value: &str, spacing: Spacing, own_size: Option<f32>) -> Option<Value> {
    if value == "normal" || value == "initial" {
        return Some(match spacing {
            // CSS leaves `normal` to the font; 1.2 is what browsers use for common fonts.
            Spacing::Line => Value::Factor(1.2),
            _ => Value::Px(0.0),
        });
    }
    let number_end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(value.len());
    let number: f32 = value[..number_end].parse().ok()?;
    if !number.is_finite() {
        return None;
    }
    match value[number_end..].trim() {
        "" if matches!(spacing, Spacing::Line) => Some(Value::Factor(number)),
        "" if number == 0.0 => Some(Value::Px(0.0)),
        "px" => Some(Value::Px(number)),
        "pt" => Some(Value::Px(number * 4.0 / 3.0)),
        "em" => own_size.map(|s| Value::Px(number * s)),
        "%" if matches!(spacing, Spacing::Line) => own_size.map(|s| Value::Px(number / 100.0 * s)),
        "rem" => Some(Value::Px(number * 16.0)),
        _ => None,
    }
}

/// The elements whose own text takes its spacing from `element`'s declaration, with that text:
/// `element` and its descendants, minus the subtrees of descendants whose `style` attribute
/// sets the property again.
fn governed_text_parents<'a>(element: &Element<'a>, property: &str) -> Vec<(Element<'a>, String)> {
    let mut found = Vec::new();
    let mut stack = vec![*element];
    while let Some(e) = stack.pop() {
        let text: String = e
            .raw()
            .children()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        if !text.trim().is_empty() {
            found.push((e, text));
        }
        for child in e.children() {
            let redeclares = child.attr("style").is_some_and(|s| {
                s.split(';')
                    .filter_map(|d| d.split_once(':'))
                    .any(|(name, _)| name.trim().eq_ignore_ascii_case(property))
            });
            if !redeclares {
                stack.push(child);
            }
        }
    }
    found
}

/// Whether `text` in `parent` takes more than one line, estimated from its length and the
/// nearest `width` / `max-width` in px declared in `style` attributes of it or its ancestors.
fn lines(parent: &Element<'_>, text: &str, size: Option<f32>) -> Lines {
    let Some(size) = size else {
        return Lines::Unknown;
    };
    let text = text.trim();
    // Ideographs are about one em wide; Latin letters about half an em.
    let width: f32 = text
        .chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 {
                size
            } else {
                size * 0.5
            }
        })
        .sum();
    let declared = std::iter::once(*parent)
        .chain(parent.ancestors())
        .find_map(|e| declared_width(&e));
    match declared {
        Some(limit) if width > limit => Lines::Several,
        Some(_) => Lines::One,
        None if width > VIEWPORT_PX => Lines::Several,
        None => Lines::Unknown,
    }
}

fn declared_width(element: &Element<'_>) -> Option<f32> {
    let style = element.attr("style")?;
    style
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .filter(|(name, _)| {
            let name = name.trim();
            name.eq_ignore_ascii_case("max-width") || name.eq_ignore_ascii_case("width")
        })
        .filter_map(|(_, value)| {
            let value = value.trim().trim_end_matches("!important").trim();
            value.strip_suffix("px")?.trim().parse::<f32>().ok()
        })
        .reduce(f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_style_attribute_reads_without_panic(s in "\\PC*") {
            if let Some(v) = important_value(&s, "line-height") {
                let _ = resolve(&v.to_ascii_lowercase(), Spacing::Line, Some(16.0));
            }
        }
    }

    #[test]
    fn the_last_important_declaration_wins() {
        assert_eq!(
            important_value(
                "letter-spacing: 0.1em !important; letter-spacing: 0.15em !important",
                "letter-spacing"
            )
            .as_deref(),
            Some("0.15em")
        );
        assert_eq!(
            important_value(
                "letter-spacing: 0.15em ! IMPORTANT; letter-spacing: 0.1em",
                "letter-spacing"
            )
            .as_deref(),
            Some("0.15em")
        );
        assert_eq!(
            important_value("letter-spacing: 0.1em", "letter-spacing"),
            None
        );
    }

    #[test]
    fn values_resolve_against_the_declaring_font_size() {
        assert_eq!(
            resolve("0.1em", Spacing::Letter, Some(20.0)),
            Some(Value::Px(2.0))
        );
        assert_eq!(
            resolve("160%", Spacing::Line, Some(16.0)),
            Some(Value::Px(25.6))
        );
        assert_eq!(
            resolve("1.6", Spacing::Line, Some(16.0)),
            Some(Value::Factor(1.6))
        );
        assert_eq!(resolve("normal", Spacing::Word, None), Some(Value::Px(0.0)));
        assert_eq!(resolve("calc(1em + 1px)", Spacing::Word, Some(16.0)), None);
        assert_eq!(resolve("2vw", Spacing::Word, Some(16.0)), None);
    }
}
