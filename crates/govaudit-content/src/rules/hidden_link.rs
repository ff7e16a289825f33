use crate::Page;
use crate::page::is_government;
use crate::script::Signal;
use govaudit_core::{Collector, Location, Severity, declare_rule};
use govaudit_html::style::{Display, StyleRule, Visibility as CssVisibility};
use govaudit_html::visibility::Visibility;
use govaudit_html::{Document, Element, Selector};
use url::Url;

declare_rule! {
    /// ## What it checks
    /// No link that readers cannot see points to another site (暗链, "dark links"). Hidden
    /// means: `display: none`, `visibility: hidden` or the `hidden` attribute on the link or an
    /// ancestor (inline styles, `<style>` and linked sheets), moved off screen (negative
    /// position or `text-indent`, a zero-size box with `overflow: hidden`, clipping), `opacity:
    /// 0`, a font size of 0 or 1px, text the colour of its background, a tiny or runaway
    /// `<marquee>`, markup written by `document.write` into a hidden container, links in
    /// `<noscript>`, markup after `</html>`, and containers a script hides by id or class.
    ///
    /// Not findings: links within the site (skip links, menus, tabs), links to government
    /// sites (`.gov.cn`, `.gov`) and to the well-known services of the script allowlist,
    /// `<template>` contents, closed dialogs, the US government banner (`.usa-banner`), and
    /// `aria-hidden` links that are visible. A hidden link whose text, title or address has a
    /// spam word (gambling, adult, loans, 私服, 代孕: `data/keywords.toml`) is critical; one
    /// hidden with a trick only spam uses (off screen, negative `text-indent`, zero size,
    /// marquee, written by `document.write`, after `</html>`) fails; one hidden in a way
    /// ordinary pages also use (`display: none`, `opacity: 0`, `font-size: 0` on icon links,
    /// text the colour of its background, `<noscript>`) is left for review without a spam word.
    ///
    /// ## Why it matters
    /// Hidden links to gambling, adult or loan sites are the most common sign that a
    /// government site has been hacked; search engines read them and readers do not. The
    /// State Council's checks treat such content as a serious incident that fails the site
    /// outright (单项否决).
    ///
    /// ## How to fix
    /// Remove the link, then find how it got there: compare the templates with the originals,
    /// check the CMS accounts and the server for tampering, and patch what let it in.
    pub HIDDEN_LINK = {
        id: "content/hidden-link",
        severity: Severity::High,
        standards: ["CN-GOV-2019:cn19.web.veto.serious_incident", "CN-GOV-2019:cn19.web.ded.security"],
        sources: [],
    }
}

/// How a link is kept from readers.
struct Hiding {
    technique: &'static str,
    /// The element that hides it (the link itself or an ancestor).
    hider: Option<String>,
    /// The CSS rule, attribute or script that hides it.
    rule: Option<String>,
}

impl Hiding {
    /// Hiding that ordinary pages use too: hover menus and tabs (`display: none` and the
    /// like), fade-in slides (`opacity: 0`), icon links whose text is set to `font-size: 0`,
    /// light text on a background image the cascade cannot see.
    fn is_ambiguous(&self) -> bool {
        matches!(
            self.technique,
            "display-none"
                | "visibility-hidden"
                | "hidden-attribute"
                | "script-hidden"
                | "noscript"
                | "opacity-zero"
                | "tiny-font"
                | "colour-as-background"
        )
    }
}

/// Applies to `<a href>` and `<area href>` pointing to another site that is not a government
/// site or a known service.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(data) = page.data else { return };
    let candidates: Vec<(Element<'_>, Url)> = page
        .doc
        .elements()
        .filter(|e| matches!(e.name(), "a" | "area") && e.is_html())
        .filter_map(|e| {
            let url = page.resolve_outside(e.attr("href")?)?;
            is_foreign(page, &url).then_some((e, url))
        })
        .collect();
    if !candidates.is_empty() {
        let (styles, visibility) = page.styles();
        let script_hidden = script_hidden_elements(page);
        let after_html = page.line_after_html();
        for (link, url) in candidates {
            if is_legitimately_hidden(&link) {
                continue;
            }
            let hiding = after_html
                .filter(|&line| link.line() > line)
                .map(|_| Hiding {
                    technique: "after-html-end",
                    hider: None,
                    rule: Some("markup after </html>".into()),
                })
                .or_else(|| marquee_trick(&link))
                .or_else(|| css_hiding(page, &link, styles, visibility))
                .or_else(|| {
                    script_hidden
                        .iter()
                        .find(|(e, _)| e.contains(&link))
                        .map(|(e, snippet)| Hiding {
                            technique: "script-hidden",
                            hider: Some(e.css_path()),
                            rule: Some(snippet.clone()),
                        })
                });
            if let Some(hiding) = hiding {
                let text = format!(
                    "{} {} {}",
                    link.normalized_text(),
                    link.attr("title").unwrap_or(""),
                    url
                );
                report(out, link.location(), &url, &hiding, data.keyword_in(&text));
            }
        }
    }
    written_links(page, out);
    noscript_links(page, out);
}

fn is_foreign(page: &Page<'_>, url: &Url) -> bool {
    page.is_outside(url)
        && url
            .host_str()
            .is_some_and(|host| !is_government(host) && !page.is_allowed_host(host))
}

fn report(
    out: &mut Collector,
    location: Location,
    url: &Url,
    hiding: &Hiding,
    keyword: Option<(String, &str)>,
) {
    let finding = match (&keyword, hiding.is_ambiguous()) {
        (Some((word, _)), _) => {
            let message = format!(
                "A hidden link ({}) points to another site and has the spam word \"{word}\": the page looks tampered with.",
                hiding.technique
            );
            let f = out.fail(&HIDDEN_LINK, location, message);
            f.severity = Severity::Critical;
            f
        }
        (None, false) => out.fail(
            &HIDDEN_LINK,
            location,
            format!(
                "A link hidden with a trick ({}) points to another site: hidden links are a sign of injected spam.",
                hiding.technique
            ),
        ),
        (None, true) => {
            let f = out.review(
                &HIDDEN_LINK,
                location,
                format!(
                    "A hidden link ({}) points to another site: check that it is a menu the site shows on purpose.",
                    hiding.technique
                ),
            );
            f.severity = Severity::Medium;
            f
        }
    };
    finding
        .evidence("target", url.as_str())
        .evidence("technique", hiding.technique);
    if let Some(hider) = &hiding.hider {
        finding.evidence("hidden_by", hider);
    }
    if let Some(rule) = &hiding.rule {
        finding.evidence("rule", rule);
    }
    if let Some((word, category)) = keyword {
        finding
            .evidence("keyword", word)
            .evidence("category", category);
    }
}

/// Hidden on purpose and harmless: template contents, closed dialogs, the US government banner.
fn is_legitimately_hidden(link: &Element<'_>) -> bool {
    link.is_in_template()
        || std::iter::once(*link).chain(link.ancestors()).any(|e| {
            (e.name() == "dialog" && !e.has_attr("open"))
                || e.attr("role")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("dialog"))
                || e.attr("class").is_some_and(|c| {
                    c.split_ascii_whitespace()
                        .any(|c| c == "usa-banner" || c == "usa-banner__content")
                })
        })
}

/// A link inside a `<marquee>` too small to read or scrolling too fast to see.
fn marquee_trick(link: &Element<'_>) -> Option<Hiding> {
    let marquee = link.ancestors().find(|e| e.name() == "marquee")?;
    let number = |name: &str| {
        marquee
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").trim().parse::<f64>().ok())
    };
    let tiny =
        number("height").is_some_and(|h| h <= 10.0) || number("width").is_some_and(|w| w <= 10.0);
    let runaway = number("scrollamount").is_some_and(|a| a >= 100.0)
        || number("scrolldelay").is_some_and(|d| d >= 10_000.0);
    (tiny || runaway).then(|| Hiding {
        technique: "marquee",
        hider: Some(marquee.css_path()),
        rule: Some(marquee_tag(&marquee)),
    })
}

fn marquee_tag(marquee: &Element<'_>) -> String {
    let attrs: Vec<String> = marquee
        .attrs()
        .map(|(name, value)| format!("{name}=\"{value}\""))
        .collect();
    format!("<marquee {}>", attrs.join(" "))
}

/// The technique of the shared cascade that hides `link`, if any, with the element that
/// carries it.
fn css_hiding(
    page: &Page<'_>,
    link: &Element<'_>,
    styles: &govaudit_html::style::Styles,
    visibility: &Visibility,
) -> Option<Hiding> {
    let chain = || std::iter::once(*link).chain(link.ancestors());
    let found = |technique: &'static str, hider: Element<'_>, properties: &[&str]| Hiding {
        technique,
        hider: Some(hider.css_path()),
        rule: rule_for(page, &hider, properties),
    };
    if !visibility.is_rendered(link) {
        let hider = chain().find(|e| styles.get(e).display == Display::None)?;
        if hider.has_attr("hidden") && !declares(&hider, "display") {
            return Some(Hiding {
                technique: "hidden-attribute",
                hider: Some(hider.css_path()),
                rule: Some("hidden".into()),
            });
        }
        return Some(found("display-none", hider, &["display"]));
    }
    if styles.get(link).visibility != CssVisibility::Visible {
        let hider = chain()
            .take_while(|e| styles.get(e).visibility != CssVisibility::Visible)
            .last()?;
        return Some(found("visibility-hidden", hider, &["visibility"]));
    }
    if let Some(hider) = chain().find(|e| styles.get(e).off_screen) {
        let own = hider.attr("style").unwrap_or("").to_ascii_lowercase();
        let rule = rule_for(
            page,
            &hider,
            &[
                "text-indent",
                "left",
                "top",
                "right",
                "width",
                "height",
                "clip",
                "clip-path",
            ],
        );
        let written = format!("{own} {}", rule.as_deref().unwrap_or(""));
        let technique = if written.contains("text-indent") {
            "text-indent"
        } else if written.contains("left") || written.contains("top") || written.contains("right") {
            "off-screen"
        } else if written.contains("width") || written.contains("height") {
            "zero-size"
        } else {
            "off-screen"
        };
        return Some(Hiding {
            technique,
            hider: Some(hider.css_path()),
            rule,
        });
    }
    if let Some(hider) = chain().find(|e| styles.get(e).opacity <= 0.0) {
        return Some(found("opacity-zero", hider, &["opacity"]));
    }
    if styles.get(link).font_size_px.is_some_and(|px| px <= 1.0) {
        let hider = chain()
            .take_while(|e| styles.get(e).font_size_px.is_some_and(|px| px <= 1.0))
            .last()?;
        return Some(found("tiny-font", hider, &["font-size", "font"]));
    }
    let colour = styles.get(link).color.as_deref().and_then(parse_colour)?;
    let mut background = None;
    for element in chain() {
        let style = styles.get(&element);
        if style.background_image {
            // The text may stand on the image: nothing can be said.
            return None;
        }
        if let Some(colour) = style.background_color.as_deref().and_then(parse_colour)
            && colour[3] > 0
        {
            background = Some(colour);
            break;
        }
    }
    let background = background.unwrap_or([255, 255, 255, 255]);
    (colour[3] > 0 && colour[..3] == background[..3])
        .then(|| found("colour-as-background", *link, &["color"]))
}

fn parse_colour(text: &str) -> Option<[u8; 4]> {
    let text = text.trim().trim_end_matches("!important").trim();
    csscolorparser::parse(text).ok().map(|c| c.to_rgba8())
}

/// The element's own `style` attribute sets `property`.
fn declares(element: &Element<'_>, property: &str) -> bool {
    element
        .attr("style")
        .is_some_and(|s| s.to_ascii_lowercase().contains(property))
}

/// Where `element` gets one of `properties`: its `style` attribute, or the last rule of the
/// page's sheets (`<style>` and the linked sheets the cascade read) that matches it and sets
/// one. Read only for findings, so parsing the sheets again costs nothing on clean pages.
fn rule_for(page: &Page<'_>, element: &Element<'_>, properties: &[&str]) -> Option<String> {
    let sets = |css: &str| {
        let css = css.to_ascii_lowercase();
        properties.iter().any(|p| css.contains(p))
    };
    if let Some(style) = element.attr("style").filter(|s| sets(s)) {
        return Some(format!("style=\"{}\"", style.trim()));
    }
    // The last matching rule in sheet order is the one that wins (same specificity aside).
    page.hiding_rules()
        .iter()
        .rev()
        .find_map(|(selector, rule)| matching_rule(element, selector, rule, properties))
}

fn matching_rule(
    element: &Element<'_>,
    selector: &Selector,
    rule: &StyleRule,
    properties: &[&str],
) -> Option<String> {
    let declarations: Vec<String> = rule
        .declarations
        .iter()
        .filter(|d| properties.iter().any(|p| d.property == *p))
        .map(|d| format!("{}: {}", d.property, d.value))
        .collect();
    if declarations.is_empty() {
        return None;
    }
    element.matches(selector).then(|| {
        format!(
            "{} {{ {} }}",
            rule.selectors.trim(),
            declarations.join("; ")
        )
    })
}

/// Elements a script of the page hides by id or class, with the script's words.
fn script_hidden_elements<'a>(page: &Page<'a>) -> Vec<(Element<'a>, String)> {
    let mut hidden = Vec::new();
    for (_, signals) in page.scripts() {
        for signal in signals {
            let Signal::Hides { selector, snippet } = signal else {
                continue;
            };
            if let Some(id) = selector.strip_prefix('#') {
                hidden.extend(page.doc.elements_with_id(id).map(|e| (e, snippet.clone())));
            } else if let Some(class) = selector.strip_prefix('.') {
                hidden.extend(
                    page.doc
                        .elements()
                        .filter(|e| {
                            e.attr("class")
                                .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
                        })
                        .map(|e| (e, snippet.clone())),
                );
            }
        }
    }
    hidden
}

/// Links that `document.write` puts into a container hidden by its own markup, or anywhere
/// when the script itself sits in a hidden part of the page.
fn written_links(page: &Page<'_>, out: &mut Collector) {
    let Some(data) = page.data else { return };
    for (script, signals) in page.scripts() {
        for signal in signals {
            let Signal::Written { html, snippet, .. } = signal else {
                continue;
            };
            if !html.to_ascii_lowercase().contains("<a") {
                continue;
            }
            let fragment = Document::from_html(html);
            let styles = govaudit_html::style::Styles::compute(&fragment);
            let visibility = Visibility::compute(&fragment, &styles);
            for link in fragment.elements_named("a") {
                let Some(url) = link.attr("href").and_then(|h| page.resolve_outside(h)) else {
                    continue;
                };
                if !is_foreign(page, &url) {
                    continue;
                }
                if visibility.is_visible(&link) && !is_hidden_in_page(page, script) {
                    continue;
                }
                let hiding = Hiding {
                    technique: "document-write",
                    hider: Some(script.css_path()),
                    rule: Some(snippet.clone()),
                };
                let text = format!(
                    "{} {} {}",
                    link.normalized_text(),
                    link.attr("title").unwrap_or(""),
                    url
                );
                report(
                    out,
                    script.location(),
                    &url,
                    &hiding,
                    data.keyword_in(&text),
                );
            }
        }
    }
}

fn is_hidden_in_page(page: &Page<'_>, element: &Element<'_>) -> bool {
    element
        .ancestors()
        .next()
        .is_some_and(|parent| !page.styles().1.is_visible(&parent))
}

/// Links in `<noscript>`: with scripts on (as every reader has them) nobody sees them, and the
/// parser keeps their markup as text, so it is read here.
fn noscript_links(page: &Page<'_>, out: &mut Collector) {
    let Some(data) = page.data else { return };
    for noscript in page.doc.elements_named("noscript") {
        let text = noscript.text();
        if !text.to_ascii_lowercase().contains("<a") {
            continue;
        }
        let fragment = Document::from_html(&text);
        for link in fragment.elements_named("a") {
            let Some(url) = link.attr("href").and_then(|h| page.resolve_outside(h)) else {
                continue;
            };
            if !is_foreign(page, &url) {
                continue;
            }
            let hiding = Hiding {
                technique: "noscript",
                hider: Some(noscript.css_path()),
                rule: None,
            };
            let text = format!(
                "{} {} {}",
                link.normalized_text(),
                link.attr("title").unwrap_or(""),
                url
            );
            report(
                out,
                noscript.location(),
                &url,
                &hiding,
                data.keyword_in(&text),
            );
        }
    }
}
