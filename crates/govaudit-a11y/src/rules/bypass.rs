use crate::Page;
use crate::review::{review_first, shown_links};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that keyboard and screen-reader users can skip blocks repeated on
    /// every page (header, navigation): a "skip to content" link, a `<main>` landmark, or a
    /// heading at the start of the main content. Which content repeats across pages cannot be
    /// told from one page, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Without a way to skip, keyboard users tab through dozens of menu links on every page.
    ///
    /// ## How to fix
    /// Wrap the page's own content in `<main>`, start it with a heading, and add a first link
    /// `<a href="#main">跳到主要内容</a>`.
    pub BYPASS = {
        id: "a11y/bypass",
        severity: Severity::Medium,
        standards: ["WCAG22:2.4.1", "EN301549:9.2.4.1", "GB/T37668-2019:3.3.1.2"],
        sources: [
            Source::inspired("ACT:cf77f2"), Source::inspired("ACT:047fe0"), Source::inspired("ACT:b40fd1"),
            Source::inspired("ACT:ye5d6e"), Source::inspired("ACT:3e12e1"), Source::inspired("axe:bypass"),
        ],
    }
}

const ACT: &[&str] = &["cf77f2", "047fe0", "b40fd1", "ye5d6e", "3e12e1"];

/// Applies to HTML pages (the `<html>` element) with links: a page without any has no
/// navigation to repeat.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() || shown_links(page).next().is_none() {
        return;
    }
    let root = page
        .doc
        .root()
        .filter(|r| r.name() == "html" && r.is_html());
    review_first(out, &BYPASS, root, ACT, |_| {
        "Check that users can skip repeated blocks: a skip link, a <main> landmark or a heading before the main content.".to_owned()
    });
}
