use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No `<style>` sheet rotates the page by about a quarter turn inside an
    /// `@media (orientation: ...)` block, which forces content into one orientation
    /// (portrait or landscape) whichever way the device is held.
    ///
    /// ## Why it matters
    /// People with a device mounted on a wheelchair or a stand cannot turn it. Content locked to
    /// the other orientation appears sideways to them (WCAG 1.3.4).
    ///
    /// ## How to fix
    /// Remove the `transform: rotate(...)` / `rotate:` from the orientation media query and let
    /// the layout adapt to both orientations.
    pub CSS_ORIENTATION_LOCK = {
        id: "a11y/css-orientation-lock",
        severity: Severity::High,
        standards: ["WCAG22:1.3.4", "EN301549:9.1.3.4"],
        sources: [Source::same("ACT:b33eff"), Source::same("axe:css-orientation-lock")],
    }
}

/// Applies to rendered elements that a style rule inside an `orientation` media query rotates,
/// in `<style>` sheets and the linked and imported sheets that were read. When a sheet could
/// not be read (or the page's styles are otherwise incomplete) the page gets a `review`: the
/// unread sheet may lock the orientation.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for style in page.elements_named("style") {
        if !style.is_html() || style.is_in_template() {
            continue;
        }
        check_sheet(page, &style.text(), out);
    }
    for (_, css) in page.styles().external_sheets() {
        check_sheet(page, css, out);
    }
    if let Some(gap) = page.styles().incompleteness()
        && let Some(root) = page.doc.root()
    {
        out.review(
            &CSS_ORIENTATION_LOCK,
            root.location(),
            format!(
                "The page's styles are incomplete ({gap}): check that no style sheet locks the page to one orientation."
            ),
        );
    }
}

/// Reports the elements one sheet's orientation media queries rotate.
fn check_sheet(page: &Page<'_>, text: &str, out: &mut Collector) {
    let css = strip_comments(text);
    if !may_have_orientation_query(&css) {
        return;
    }
    for block in orientation_blocks(&css) {
        for (selector, declarations) in style_rules(block) {
            let Some(degrees) = rotation(declarations) else {
                continue;
            };
            let Ok(targets) = page.doc.select_css(selector) else {
                continue;
            };
            for target in targets {
                if !page.visibility().is_rendered(&target) {
                    continue;
                }
                out.applies(&CSS_ORIENTATION_LOCK, || target.location());
                let quarter = degrees.rem_euclid(180.0);
                if (45.0..=135.0).contains(&quarter) {
                    out.fail(
                        &CSS_ORIENTATION_LOCK,
                        target.location(),
                        format!(
                            "An orientation media query rotates this element by {degrees:.0}°, locking the page to one orientation."
                        ),
                    )
                    .evidence("selector", selector);
                }
            }
        }
    }
}

/// A quick necessary condition for [`orientation_blocks`] to find a block (most sheets have no
/// orientation query): `orientation:` in any case, with only whitespace between its
/// characters. Every byte below `!` and every non-ASCII byte (where whitespace characters
/// outside ASCII are) is left out before looking, which can only find more.
fn may_have_orientation_query(css: &str) -> bool {
    let bytes = css.as_bytes();
    let left_out = |b: u8| b <= b' ' || b >= 0x80;
    // From each `:` (found with memchr), backwards over what is left out.
    'colons: for (colon, _) in css.match_indices(':') {
        let mut i = colon;
        for &wanted in b"orientation".iter().rev() {
            loop {
                let Some(before) = i.checked_sub(1) else {
                    continue 'colons;
                };
                i = before;
                if left_out(bytes[i]) {
                    continue;
                }
                if bytes[i].to_ascii_lowercase() != wanted {
                    continue 'colons;
                }
                break;
            }
        }
        return true;
    }
    false
}

fn strip_comments(css: &str) -> std::borrow::Cow<'_, str> {
    let Some(first) = find_pair(css, b'/', b'*') else {
        return std::borrow::Cow::Borrowed(css);
    };
    let mut out = String::with_capacity(css.len());
    let mut start = first;
    let mut rest = css;
    loop {
        out.push_str(&rest[..start]);
        rest = find_pair(&rest[start + 2..], b'*', b'/')
            .map_or("", |end| &rest[start + 2 + end + 2..]);
        match find_pair(rest, b'/', b'*') {
            Some(next) => start = next,
            None => break,
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Where the two ASCII bytes `first` `second` first occur (memchr on the first).
fn find_pair(text: &str, first: u8, second: u8) -> Option<usize> {
    text.match_indices(char::from(first))
        .map(|(i, _)| i)
        .find(|&i| text.as_bytes().get(i + 1) == Some(&second))
}

fn orientation_blocks(css: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("@media") {
        let after = &rest[at + 6..];
        let Some(open) = after.find('{') else { break };
        let prelude = after[..open].to_ascii_lowercase();
        let body_start = open + 1;
        let Some(len) = matching_brace(&after[body_start..]) else {
            break;
        };
        let compact: String = prelude.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.contains("orientation:portrait") || compact.contains("orientation:landscape") {
            blocks.push(&after[body_start..body_start + len]);
        }
        rest = &after[body_start + len..];
    }
    blocks
}

/// Length of a block body up to (not including) its closing brace.
fn matching_brace(body: &str) -> Option<usize> {
    // Bytes, not chars: braces are ASCII and never part of a multi-byte character.
    let mut depth = 1usize;
    for (i, b) in body.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `(selector, declarations)` of the plain style rules of a block.
fn style_rules(block: &str) -> Vec<(&str, &str)> {
    let mut rules = Vec::new();
    let mut rest = block;
    while let Some(open) = rest.find('{') {
        let selector = rest[..open].trim();
        let Some(len) = matching_brace(&rest[open + 1..]) else {
            break;
        };
        let declarations = &rest[open + 1..open + 1 + len];
        if !selector.starts_with('@') && !selector.is_empty() {
            rules.push((selector, declarations));
        }
        rest = &rest[open + 1 + len + 1..];
    }
    rules
}

/// The rotation in degrees (about the z axis) set by `transform` or `rotate`, when there is one.
fn rotation(declarations: &str) -> Option<f64> {
    let mut angle = None;
    for declaration in declarations.split(';') {
        let Some((name, value)) = declaration.split_once(':') else {
            continue;
        };
        let value = value
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "rotate" => angle = parse_angle(value.split_ascii_whitespace().last()?).or(angle),
            "transform" => {
                if let Some(a) = transform_rotation(&value) {
                    angle = Some(a);
                }
            }
            _ => {}
        }
    }
    angle
}

fn transform_rotation(value: &str) -> Option<f64> {
    let mut total = None;
    let mut rest = value;
    while let Some(open) = rest.find('(') {
        let name = rest[..open]
            .trim()
            .rsplit(|c: char| c.is_whitespace())
            .next()?;
        let close = rest[open..].find(')')? + open;
        let args: Vec<&str> = rest[open + 1..close].split(',').map(str::trim).collect();
        let angle = match name {
            "rotate" | "rotatez" => parse_angle(args.first()?),
            "rotate3d" if args.len() == 4 && args[2].parse::<f64>().ok()? != 0.0 => {
                parse_angle(args[3])
            }
            "matrix" | "matrix3d" if args.len() >= 2 => {
                let a: f64 = args[0].parse().ok()?;
                let b: f64 = args[1].parse().ok()?;
                Some(b.atan2(a).to_degrees())
            }
            _ => None,
        };
        if let Some(angle) = angle {
            total = Some(total.unwrap_or(0.0) + angle);
        }
        rest = &rest[close + 1..];
    }
    total
}

fn parse_angle(text: &str) -> Option<f64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e'))
        .unwrap_or(text.len());
    let number: f64 = text[..split].parse().ok()?;
    let degrees = match &text[split..] {
        "deg" => number,
        "rad" => number.to_degrees(),
        "grad" => number * 0.9,
        "turn" => number * 360.0,
        "" if number == 0.0 => 0.0,
        _ => return None,
    };
    degrees.is_finite().then_some(degrees)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_style_sheet_reads_without_panic(s in "\\PC*") {
            let css = strip_comments(&s);
            for block in orientation_blocks(&css) {
                for (_, declarations) in style_rules(block) {
                    let _ = rotation(declarations);
                }
            }
            let _ = rotation(&s);
        }
    }

    #[test]
    fn rotations_in_every_notation() {
        assert_eq!(rotation("transform: rotate(90deg)"), Some(90.0));
        assert!((rotation("transform: rotate(1.5708rad)").unwrap() - 90.0).abs() < 0.01);
        assert_eq!(rotation("rotate: 0turn"), Some(0.0));
        assert!(
            (rotation("transform: matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)")
                .unwrap()
                + 90.0)
                .abs()
                < 0.01
        );
        assert_eq!(rotation("transform: translateX(100px)"), None);
        assert_eq!(rotation("color: red"), None);
    }

    #[test]
    fn only_orientation_media_blocks_count() {
        let css = "@media (orientation: portrait) { html { rotate: 90deg } } @media (min-width: 30em) { p { rotate: 90deg } }";
        let blocks = orientation_blocks(css);
        assert_eq!(blocks.len(), 1);
        assert_eq!(style_rules(blocks[0]), [("html", " rotate: 90deg ")]);
        assert_eq!(strip_comments("a /* x */ b /* open"), "a  b ");
    }
}

#[cfg(test)]
mod quick_check {
    use super::*;

    #[test]
    fn comments_are_stripped() {
        assert_eq!(strip_comments("a/* x */b/*/c*/d/**/e/* open"), "abde");
        assert_eq!(strip_comments("a*/b/c"), "a*/b/c");
        assert_eq!(strip_comments("/*/"), "");
    }

    #[test]
    fn quick_check_never_misses_an_orientation_block() {
        for css in [
            "@media (orientation: portrait) { a { rotate: 90deg } }",
            "@media (ORIENTATION :LANDSCAPE){a{}}",
            "@media (orien\u{a0}tation\t:\u{3000}portrait) {a{}}",
            "@media screen and (min-width: 1px), (o r i e n t a t i o n : portrait) {a{}}",
        ] {
            assert!(!orientation_blocks(css).is_empty(), "{css}");
            assert!(may_have_orientation_query(css), "{css}");
        }
        assert!(!may_have_orientation_query(
            "@media (min-width: 10px) { a { b: c } }"
        ));
    }
}
