//! Text contrast decided from statically resolved colours (WCAG 2.x relative luminance and
//! contrast ratio), for the `color-contrast` rules. A verdict is given only when the colours are
//! certain: solid background found on the element or an ancestor, no background image or
//! gradient, no positioned element between the text and its background, no text shadow, no
//! legacy colour attributes, no user-agent colours of links or form controls in doubt. Anything
//! else is `Unknown`, which the rules report as `review` (the main complaint about contrast
//! checkers is false positives; this module gives none by construction of these guards).

use crate::Page;
use crate::review::set_act_standards;
use govaudit_core::{Collector, RuleMeta};
use govaudit_html::Element;

/// The contrast of one element's own text, or why it cannot be known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Contrast {
    Known {
        /// The lower and higher ratio over the candidate text colours (equal unless a link's
        /// colour may be the browser default).
        worst: f64,
        best: f64,
        foreground: String,
        background: String,
        large: bool,
    },
    /// Cannot be decided statically; the reason, for the review message.
    Unknown(&'static str),
}

/// The text of WCAG: at least 18 pt (24 px), or 14 pt (18.66 px) bold.
fn is_large(size_px: f32, weight: u16) -> bool {
    size_px >= 24.0 || (size_px >= 18.66 && weight >= 700)
}

/// Page-wide facts the contrast of every element depends on.
struct ContrastContext {
    /// A `<style>`, linked or imported sheet mentions `text-shadow`: a shadow can make any
    /// contrast pass.
    sheets_have_text_shadow: bool,
}

impl ContrastContext {
    fn new(page: &Page<'_>) -> Self {
        let sheets_have_text_shadow = page
            .elements_named("style")
            .any(|s| s.text().to_ascii_lowercase().contains("text-shadow"))
            || page
                .styles()
                .external_sheets()
                .iter()
                .any(|(_, css)| contains_ignore_ascii_case(css, "text-shadow"));
        ContrastContext {
            sheets_have_text_shadow,
        }
    }
}

/// Every element of [`text_elements`] with its contrast (computed once per page, see
/// [`Page::contrasts`]).
pub(crate) fn text_contrasts<'a>(page: &Page<'a>) -> Vec<(Element<'a>, Contrast)> {
    let context = ContrastContext::new(page);
    let elements = text_elements(page);
    if elements.is_empty() || context.sheets_have_text_shadow {
        return elements
            .into_iter()
            .map(|e| (e, Contrast::Unknown("a style sheet sets text-shadow")))
            .collect();
    }
    let chains = Chains::compute(page);
    let mut colors = ColorCache::default();
    elements
        .into_iter()
        .map(|e| {
            let contrast = contrast_of(page, &chains, &mut colors, &e);
            (e, contrast)
        })
        .collect()
}

/// What walking up from an element to the first background colour finds.
#[derive(Debug, Clone, Copy)]
enum Backdrop {
    /// The walk stops: the contrast cannot be known (the reason).
    Unknown(&'static str),
    /// The nearest element (index) with a background colour, opaque.
    Color(usize),
    /// No background colour up to the root: the white canvas.
    Canvas,
}

/// Facts about each element and its ancestors that the contrast of its text depends on,
/// computed once per page in document order from the parent's (walking up from every text
/// element again was most of the contrast check's cost).
struct Chains {
    /// A legacy colour attribute or an inline text shadow on the element or an ancestor.
    legacy: Vec<bool>,
    /// The nearest link (`<a href>`, `<area href>`) among the element and its ancestors.
    link: Vec<Option<usize>>,
    backdrop: Vec<Backdrop>,
    /// The element or an ancestor has an opacity other than 1 (then the opacity is multiplied
    /// out along the walk, in the same order as before, so the verdicts stay identical).
    translucent: Vec<bool>,
}

impl Chains {
    fn compute(page: &Page<'_>) -> Chains {
        let styles = page.styles();
        let count = page.doc.element_count();
        // Only elements with one of these attributes can carry legacy colours or be links.
        let maybe_legacy =
            page.marked_with_attrs(&["color", "bgcolor", "text", "background", "style"]);
        let maybe_link = page.marked_with_attrs(&["href"]);
        let mut chains = Chains {
            legacy: Vec::with_capacity(count),
            link: Vec::with_capacity(count),
            backdrop: Vec::with_capacity(count),
            translucent: Vec::with_capacity(count),
        };
        for e in page.doc.elements() {
            // Elements come in document order: parents are done, and index == position.
            let parent = e.parent().map(|p| p.index()).filter(|&p| p < e.index());
            let s = styles.get(&e);
            let at = e.index();
            let legacy = (maybe_legacy.get(at).copied().unwrap_or(true) && has_legacy_colors(&e))
                || parent.is_some_and(|p| chains.legacy[p]);
            let link = if maybe_link.get(at).copied().unwrap_or(true) && is_link(&e) {
                Some(e.index())
            } else {
                parent.and_then(|p| chains.link[p])
            };
            let backdrop = if s.background_image {
                Backdrop::Unknown("a background image or gradient is behind the text")
            } else if s.background_color.is_some() {
                if s.opacity < 1.0 {
                    Backdrop::Unknown("the background is translucent")
                } else {
                    Backdrop::Color(e.index())
                }
            } else if s.positioned {
                Backdrop::Unknown("positioned content may lie over another background")
            } else if e.is_html() && matches!(e.name(), "button" | "input" | "select" | "textarea")
            {
                Backdrop::Unknown("a form control's own background is not known")
            } else {
                parent.map_or(Backdrop::Canvas, |p| chains.backdrop[p])
            };
            let translucent = s.opacity != 1.0 || parent.is_some_and(|p| chains.translucent[p]);
            chains.legacy.push(legacy);
            chains.link.push(link);
            chains.backdrop.push(backdrop);
            chains.translucent.push(translucent);
        }
        chains
    }
}

/// Legacy presentational colours (`<font color>`, `bgcolor`, `<body text>`), outside the
/// cascade we compute, or an inline text shadow.
fn has_legacy_colors(e: &Element<'_>) -> bool {
    (e.name() == "font" && e.has_attr("color"))
        || e.has_attr("bgcolor")
        || (e.name() == "body" && (e.has_attr("text") || e.has_attr("background")))
        || e.attr("style")
            .is_some_and(|s| contains_ignore_ascii_case(s, "text-shadow"))
}

fn is_link(e: &Element<'_>) -> bool {
    e.is_html() && matches!(e.name(), "a" | "area") && e.has_attr("href")
}

/// Parsed colours of the page by their text (pages repeat a handful of colours).
#[derive(Default)]
struct ColorCache(std::collections::HashMap<String, Option<Rgba>>);

impl ColorCache {
    fn parse(&mut self, text: &str) -> Option<Rgba> {
        if let Some(found) = self.0.get(text) {
            return *found;
        }
        let parsed = parse(text);
        self.0.insert(text.to_owned(), parsed);
        parsed
    }
}

/// Elements whose own text the contrast rules apply to: visible, in the accessibility tree,
/// with at least two letters of their own (symbols and single-letter icons like "X" are not
/// text in a human language), not part of a disabled widget or its label.
fn text_elements<'a>(page: &Page<'a>) -> Vec<Element<'a>> {
    let visibility = page.visibility();
    let disabled = disabled_related(page);
    // Inside a disabled widget or label: one pass in document order (parents come first).
    let mut under_disabled = vec![false; page.doc.element_count()];
    if !disabled.is_empty() {
        for e in page.doc.elements() {
            let parent = e.parent().is_some_and(|p| under_disabled[p.index()]);
            under_disabled[e.index()] = parent || disabled.contains(&e.index());
        }
    }
    // The cheap flag tests first; the letters of the element's own text last.
    page.doc
        .elements()
        .filter(|e| {
            visibility.is_visible(e)
                && visibility.in_accessibility_tree(e)
                && !under_disabled[e.index()]
                && e.is_html()
                && !matches!(
                    e.name(),
                    "script" | "style" | "title" | "option" | "textarea"
                )
                && own_letters_at_least(e, 2)
        })
        .collect()
}

/// Whether the element's own text (its text children) has at least `n` letters.
fn own_letters_at_least(element: &Element<'_>, n: usize) -> bool {
    element
        .raw()
        .children()
        .filter_map(|node| node.value().as_text())
        .flat_map(|t| t.chars())
        .filter(|c| c.is_alphabetic())
        .nth(n - 1)
        .is_some()
}

/// Disabled widgets, `aria-disabled` elements, their labels and the elements that label them
/// (WCAG 1.4.3 exempts "part of an inactive user interface component").
fn disabled_related(page: &Page<'_>) -> std::collections::HashSet<usize> {
    let mut set = std::collections::HashSet::new();
    let focus = page.focus();
    // Only elements with one of these attributes can be disabled by attribute.
    let marked = page.marked_with_attrs(&["aria-disabled", "disabled"]);
    for e in page.doc.elements() {
        if !(focus.is_disabled(&e) || marked.get(e.index()).copied().unwrap_or(true)) {
            continue;
        }
        let aria_disabled = e
            .attr("aria-disabled")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        let disabled = e.is_html()
            && e.has_attr("disabled")
            && matches!(
                e.name(),
                "button" | "input" | "select" | "textarea" | "fieldset" | "optgroup" | "option"
            );
        if !(aria_disabled || disabled || page.focus().is_disabled(&e)) {
            continue;
        }
        set.insert(e.index());
        for label in page.labels().of(page.doc, &e) {
            set.insert(label.index());
        }
        if let Some(ids) = e.attr("aria-labelledby") {
            for id in ids.split_ascii_whitespace() {
                if let Some(target) = page.doc.element_by_id(id) {
                    set.insert(target.index());
                }
            }
        }
        // A label around a disabled control.
        for label in e.ancestors().filter(|a| a.name() == "label") {
            set.insert(label.index());
        }
    }
    set
}

/// The contrast of `element`'s own text against what is behind it.
fn contrast_of(
    page: &Page<'_>,
    chains: &Chains,
    colors: &mut ColorCache,
    element: &Element<'_>,
) -> Contrast {
    let styles = page.styles();
    let style = styles.get(element);
    let Some(size) = style.font_size_px else {
        return Contrast::Unknown("the font size cannot be resolved");
    };
    let large = is_large(size, style.font_weight);
    let at = element.index();
    if chains.legacy.get(at).copied().unwrap_or(false) {
        return Contrast::Unknown("colours are set by legacy attributes or a text shadow");
    }
    // The background: the nearest element of the chain with a background colour.
    let (background, opacity) = match chains.backdrop.get(at) {
        Some(Backdrop::Unknown(reason)) => return Contrast::Unknown(reason),
        Some(Backdrop::Color(i)) => {
            let bg = page.doc.element_at(*i).and_then(|b| {
                styles
                    .get(&b)
                    .background_color
                    .as_deref()
                    .map(str::to_owned)
            });
            (bg, chain_opacity(page, chains, element))
        }
        Some(Backdrop::Canvas) | None => (None, chain_opacity(page, chains, element)),
    };
    let background_text = background.unwrap_or_else(|| "white".to_owned());
    let Some(bg) = colors.parse(&background_text) else {
        return Contrast::Unknown("the background colour cannot be resolved");
    };
    if bg.3 < 1.0 {
        return Contrast::Unknown("the background colour is translucent");
    }
    let link = chains
        .link
        .get(at)
        .copied()
        .flatten()
        .and_then(|i| page.doc.element_at(i));
    let foregrounds: Vec<String> = match link {
        // A link's UA colour wins over inherited colours; when its computed colour equals its
        // parent's we cannot tell an author `inherit` from the UA blue, so try both.
        Some(link)
            if link
                .parent()
                .is_some_and(|p| styles.get(&p).color == styles.get(&link).color) =>
        {
            vec![
                style.color.as_deref().unwrap_or("black").to_owned(),
                "#0000ee".to_owned(),
            ]
        }
        _ => vec![style.color.as_deref().unwrap_or("black").to_owned()],
    };
    let mut ratios = Vec::new();
    for fg_text in &foregrounds {
        let Some(fg) = colors.parse(fg_text) else {
            return Contrast::Unknown("the text colour cannot be resolved");
        };
        ratios.push(ratio(blend(fg, bg, fg.3 as f32 * opacity), bg));
    }
    let worst = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let best = ratios.iter().copied().fold(0.0, f64::max);
    Contrast::Known {
        worst,
        best,
        foreground: foregrounds.join(" or "),
        background: background_text,
        large,
    }
}

/// The product of the opacities from `element` up to its background (or the root), multiplied
/// in that order; 1 without walking when no element of the chain is translucent.
fn chain_opacity(page: &Page<'_>, chains: &Chains, element: &Element<'_>) -> f32 {
    if !chains
        .translucent
        .get(element.index())
        .copied()
        .unwrap_or(true)
    {
        return 1.0;
    }
    let styles = page.styles();
    let mut opacity = 1.0f32;
    for e in std::iter::once(*element).chain(element.ancestors()) {
        let s = styles.get(&e);
        opacity *= s.opacity;
        if s.background_color.is_some() {
            break;
        }
    }
    opacity
}

impl Contrast {
    /// The verdict against a minimum ratio: `Some(true)` passes, `Some(false)` fails, `None`
    /// when the candidate colours disagree or the contrast is unknown.
    pub(crate) fn meets(&self, minimum: f64) -> Option<bool> {
        match self {
            Contrast::Known { worst, .. } if *worst >= minimum => Some(true),
            Contrast::Known { best, .. } if *best < minimum => Some(false),
            _ => None,
        }
    }
}

/// `needle` (ASCII) occurs in `haystack`, ignoring ASCII case, without lowercasing a copy (this
/// runs for every `style` attribute of the page).
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// (r, g, b, a) in 0..=1.
type Rgba = (f64, f64, f64, f64);

fn parse(text: &str) -> Option<Rgba> {
    let c = csscolorparser::parse(text.trim().trim_end_matches("!important").trim()).ok()?;
    Some((c.r as f64, c.g as f64, c.b as f64, c.a as f64))
}

/// `fg` with opacity `alpha` composited over the opaque `bg`.
fn blend(fg: Rgba, bg: Rgba, alpha: f32) -> Rgba {
    let a = f64::from(alpha).clamp(0.0, 1.0);
    (
        fg.0 * a + bg.0 * (1.0 - a),
        fg.1 * a + bg.1 * (1.0 - a),
        fg.2 * a + bg.2 * (1.0 - a),
        1.0,
    )
}

/// WCAG 2 relative luminance (sRGB).
fn luminance(c: Rgba) -> f64 {
    let channel = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG 2 contrast ratio, 1 to 21.
fn ratio(a: Rgba, b: Rgba) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// What the two contrast rules share: every visible text element (not in a disabled widget) is
/// an application; text below the minimum ratio (the first number for large text) fails, and
/// text whose colours cannot be resolved statically gets one review per page.
pub(crate) fn check_contrast(
    page: &Page<'_>,
    out: &mut Collector,
    rule: &RuleMeta,
    act_rule: &str,
    (minimum_large, minimum_normal): (f64, f64),
) {
    // Colours from incomplete styles decide nothing: every verdict becomes one review.
    if let Some(gap) = page.styles().incompleteness() {
        let contrasts = page.contrasts();
        for (element, _) in contrasts {
            out.applies(rule, || element.location());
        }
        if let Some((first, _)) = contrasts.first() {
            let finding = out.review(
                rule,
                first.location(),
                format!(
                    "Check the contrast of {} text element(s): the page's styles are incomplete ({gap}).",
                    contrasts.len()
                ),
            );
            set_act_standards(finding, rule, &[act_rule]);
            finding.evidence("elements", contrasts.len());
        }
        return;
    }
    let mut unknown = Vec::new();
    for (element, contrast) in page.contrasts() {
        out.applies(rule, || element.location());
        let large = matches!(contrast, Contrast::Known { large: true, .. });
        let minimum = if large { minimum_large } else { minimum_normal };
        match (contrast.meets(minimum), contrast) {
            (Some(true), _) => {}
            (
                Some(false),
                Contrast::Known {
                    worst,
                    foreground,
                    background,
                    ..
                },
            ) => {
                out.fail(
                    rule,
                    element.location(),
                    format!(
                        "Text contrast is {worst:.2}:1 ({foreground} on {background}); at least {minimum}:1 is needed."
                    ),
                )
                .evidence("ratio", (worst * 100.0).round() / 100.0)
                .evidence("foreground", foreground)
                .evidence("background", background);
            }
            (_, Contrast::Unknown(reason)) => unknown.push((element, *reason)),
            _ => unknown.push((element, "a link's colour depends on the browser's default")),
        }
    }
    if let Some((first, reason)) = unknown.first() {
        let finding = out.review(
            rule,
            first.location(),
            format!(
                "Check the contrast of {} text element(s) whose colours cannot be resolved statically (here: {reason}).",
                unknown.len()
            ),
        );
        set_act_standards(finding, rule, &[act_rule]);
        finding.evidence("elements", unknown.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_ratios() {
        let black = parse("#000").unwrap();
        let white = parse("white").unwrap();
        assert!((ratio(black, white) - 21.0).abs() < 1e-9);
        let grey = parse("#767676").unwrap();
        assert!((ratio(grey, white) - 4.54).abs() < 0.01);
        let aaa = parse("#AAA").unwrap();
        assert!(ratio(aaa, white) < 4.5);
    }

    #[test]
    fn translucent_text_blends_into_its_background() {
        let fg = parse("rgba(0,0,0,.3)").unwrap();
        let white = parse("#fff").unwrap();
        let blended = blend(fg, white, fg.3 as f32);
        assert!(ratio(blended, white) < 3.0);
    }

    #[test]
    fn case_insensitive_search() {
        assert!(contains_ignore_ascii_case(
            "color:red; TEXT-Shadow: 0 0 1px",
            "text-shadow"
        ));
        assert!(!contains_ignore_ascii_case("text-shado", "text-shadow"));
        assert!(!contains_ignore_ascii_case("", "text-shadow"));
    }

    #[test]
    fn large_text_thresholds() {
        assert!(is_large(24.0, 400));
        assert!(is_large(18.7, 700));
        assert!(!is_large(18.7, 400));
    }
}
