use crate::Page;
use crate::landmarks::landmark_role;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// All text and images a screen reader presents are inside a landmark (`<header>`,
    /// `<nav>`, `<main>`, `<aside>`, `<footer>`, a named `<section>` or `<form>`, or the
    /// matching ARIA roles). Reports the outermost elements holding content outside every
    /// landmark. Not counted: content hidden from assistive technology or moved off screen,
    /// in-page links ("跳到主要内容", "返回顶部"), dialogs, live regions (`aria-live`, `role=
    /// "alert"`/`"status"`...) and iframes. A page with no landmark at all gets one finding.
    /// When a linked style sheet was not read, a block whose class or id suggests a menu,
    /// pop-up or hidden state (`.mobile-menu`, `.hidden`) is reported for `review`: the sheet
    /// may hide it.
    ///
    /// ## Why it matters
    /// Screen-reader users move through a page by landmark; content outside every landmark is
    /// skipped by that navigation and easy to miss.
    ///
    /// ## How to fix
    /// Put the site header in `<header>`, menus in `<nav>`, the page's own content in
    /// `<main>` and the footer (contacts, 备案 number) in `<footer>`; move stray blocks
    /// such as notices into one of them.
    pub REGION = {
        id: "a11y/region",
        severity: Severity::Low,
        standards: [
            "WCAG22:1.3.1", "WCAG22:2.4.1", "EN301549:9.1.3.1", "EN301549:9.2.4.1",
            "GB/T37668-2019:3.4.3.3", "GB/T37668-2019:3.3.1.2",
        ],
        sources: [Source::same("axe:region")],
    }
}

/// Roles whose content a screen reader announces on its own, wherever it is (axe counts
/// live regions and dialogs as regions too).
const SELF_ANNOUNCING: &[&str] = &[
    "alert",
    "alertdialog",
    "dialog",
    "log",
    "marquee",
    "status",
    "timer",
];

/// Elements whose text is not page content.
const NOT_CONTENT: &[&str] = &[
    "script", "style", "template", "noscript", "title", "iframe", "frame", "object", "embed",
];

/// Applies to HTML pages with a rendered `<body>` that has text.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(root) = page.content_root() else {
        return;
    };
    let Some(body) = page.elements_named("body").next() else {
        return;
    };
    out.applies(&REGION, || root.location());
    let found = page.landmarks();
    // Elements holding a landmark: the walk goes into them, and stops at any other block.
    let mut holds_landmark = vec![false; page.doc.element_count()];
    for (landmark, _) in found {
        for ancestor in landmark.ancestors() {
            match holds_landmark.get_mut(ancestor.index()) {
                Some(seen) if !*seen => *seen = true,
                _ => break,
            }
        }
    }
    let mut outside = Vec::new();
    collect_outside(page, &body, &holds_landmark, &mut outside);
    if outside.is_empty() {
        return;
    }
    if found.is_empty() {
        out.fail(
            &REGION,
            body.location(),
            "The page has no landmarks: none of its content is inside <header>, <nav>, <main> \
             or <footer>.",
        );
        return;
    }
    // A sheet that was not read (or a cascade cut short) may hide what looks shown.
    let external_styles = !page.styles().is_complete();
    for element in outside {
        if external_styles && looks_shown_on_demand(&element) {
            out.review(
                &REGION,
                element.location(),
                "This content is outside every landmark, unless a linked style sheet hides it \
                 (its class or id names a menu, pop-up or hidden state): check it is shown, and if \
                 so put it in a landmark.",
            );
            continue;
        }
        let message = if element.index() == body.index() || holds_landmark[element.index()] {
            format!(
                "Text directly inside <{}> is outside every landmark; put it in <header>, \
                 <main>, <footer> or another landmark.",
                element.name()
            )
        } else {
            "This content is outside every landmark; put it in <header>, <main>, <footer> or \
             another landmark."
                .to_owned()
        };
        out.fail(&REGION, element.location(), message);
    }
}

/// Words in class names and ids of blocks that style sheets we do not read often hide until
/// a script shows them (menus, pop-ups, cookie notices, `.hidden`, `.txp_none`).
const ON_DEMAND_WORDS: &[&str] = &[
    "hide",
    "hidden",
    "none",
    "modal",
    "popup",
    "pop-up",
    "overlay",
    "dialog",
    "offcanvas",
    "drawer",
    "dropdown",
    "menu",
    "tooltip",
    "collapse",
    "cookie",
    "consent",
    "lightbox",
    "invisible",
    "sr-only",
    "visually",
    "screen-reader",
    "mobile",
];

/// The element or an ancestor has a class or id with one of [`ON_DEMAND_WORDS`].
fn looks_shown_on_demand(element: &Element<'_>) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors())
        .any(|e| {
            let names = [e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")];
            names.iter().any(|n| {
                let n = n.to_ascii_lowercase();
                ON_DEMAND_WORDS.iter().any(|w| n.contains(w))
            })
        })
}

/// Walks down from `<body>` through elements holding a landmark and collects the outermost
/// elements with content outside landmarks, and such holders with text directly in them.
/// Iterative: hostile pages nest elements deeper than the stack allows.
fn collect_outside<'d>(
    page: &Page<'d>,
    body: &Element<'d>,
    holds_landmark: &[bool],
    outside: &mut Vec<Element<'d>>,
) {
    if excluded(page, body) {
        return;
    }
    let mut containers = vec![*body];
    while let Some(container) = containers.pop() {
        if has_own_text(&container) {
            outside.push(container);
        }
        let mut inner = Vec::new();
        for child in container.children() {
            if landmark_role(page, &child).is_some() || excluded(page, &child) {
                continue;
            }
            if holds_landmark.get(child.index()).copied().unwrap_or(false) {
                inner.push(child);
            } else if has_content(page, &child) {
                outside.push(child);
            }
        }
        // Reversed so the walk, and the findings, stay in document order.
        containers.extend(inner.into_iter().rev());
    }
    outside.sort_by_key(Element::index);
    outside.dedup_by_key(|e| e.index());
}

/// Not content a screen reader reads in the page's flow, or not surely so (off-screen text is
/// often a skip link or a heading for screen readers only: left out to stay conservative).
fn excluded(page: &Page<'_>, element: &Element<'_>) -> bool {
    let visibility = page.visibility();
    NOT_CONTENT.contains(&element.name())
        || element.is_in_template()
        || !visibility.in_accessibility_tree(element)
        || !visibility.is_visible(element)
        || page
            .role(element)
            .is_some_and(|r| SELF_ANNOUNCING.contains(&r))
        || element
            .attr("aria-live")
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("off"))
}

/// Words (letters or digits, any script) directly in the element.
fn has_own_text(element: &Element<'_>) -> bool {
    element.raw().children().any(|node| {
        node.value()
            .as_text()
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    })
}

/// Visible text or a named image in the element's subtree, outside excluded subtrees and
/// in-page links (skip links, "back to top"). Iterative, for the same reason as
/// [`collect_outside`].
fn has_content(page: &Page<'_>, element: &Element<'_>) -> bool {
    let mut stack = vec![*element];
    while let Some(e) = stack.pop() {
        if excluded(page, &e) || is_in_page_link(&e) {
            continue;
        }
        if has_own_text(&e) || (page.role(&e) == Some("img") && !page.name(&e).is_empty()) {
            return true;
        }
        stack.extend(e.children());
    }
    false
}

/// A link to a place in the same page (`href="#..."`).
fn is_in_page_link(e: &Element<'_>) -> bool {
    e.name() == "a"
        && e.attr("href")
            .is_some_and(|h| h.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use govaudit_core::{Collector, Finding, Outcome};
    use govaudit_html::Document;

    fn region(html: &str) -> Vec<Finding> {
        let doc = Document::from_html(html);
        let mut out = Collector::new("t.html");
        crate::check_rules(&doc, &["a11y/region"], &mut out);
        out.into_findings()
    }

    #[test]
    fn a_page_without_landmarks_gets_one_finding() {
        let found = region("<html lang=zh><title>t</title><body><div><p>一</p></div><p>二</p>");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].outcome, Outcome::Fail);
        assert!(
            found[0].message.contains("no landmarks"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn punctuation_and_decorative_images_are_not_content() {
        let found = region(
            "<html lang=zh><title>t</title><body><main><p>正文</p></main>\
             <div> | · </div><img src=a.png alt=''><a href='#main'>跳到正文</a>",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn dialogs_and_live_regions_inside_other_blocks_are_left_out() {
        let found = region(
            "<html lang=zh><title>t</title><body><main><p>正文</p></main>\
             <div><div role=dialog aria-label=提示><p>对话框</p></div>\
             <div aria-live=polite><span>已保存</span></div></div>",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 50_000;
        let html = format!(
            "<html lang=zh><title>t</title><body><main>正文</main>{}文字{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let found = region(&html);
        assert!(found.len() <= 1, "{found:#?}");
    }

    #[test]
    fn header_inside_a_role_main_is_no_banner_landmark_but_its_content_is_inside() {
        let found = region(
            "<html lang=zh><title>t</title><body><div role=main><header>标题</header></div>",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
