//! Text for people, written as the run goes: each resource's findings when it finishes (all its
//! failures, and its reviews up to a per-rule limit over the whole run), notes as they come, and
//! at the end a summary by rule and by page and one closing count. Colour is decoration only;
//! without it nothing is lost. Everything taken from a page or a URL is escaped for the terminal.

use crate::{Format, ReportError, TextStyle, find_rule, render};
use anstyle::{AnsiColor, Effects, Style};
use govaudit_core::{Finding, Note, Outcome, Report, RuleMeta, Severity, Summary};
use govaudit_i18n::{Catalog, FluentValue, Lang};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::io::Write;

const RULE: Style = Style::new().effects(Effects::BOLD);
const DETAIL: Style = Style::new().effects(Effects::DIMMED);
const REVIEW: Style = AnsiColor::Magenta.on_default();
const HEADING: Style = Style::new().effects(Effects::BOLD);

/// Pages listed in the closing summary by page.
const PAGES_LISTED: usize = 10;

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Critical => AnsiColor::Red.on_default().effects(Effects::BOLD),
        Severity::High => AnsiColor::Red.on_default(),
        Severity::Medium => AnsiColor::Yellow.on_default(),
        Severity::Low => AnsiColor::Cyan.on_default(),
        Severity::Info => Style::new(),
    }
}

/// Writes `text` in `style` when colour is on; plain otherwise.
struct Painter<'w> {
    out: &'w mut dyn Write,
    color: bool,
}

impl Painter<'_> {
    fn paint(&mut self, style: Style, text: &str) -> std::io::Result<()> {
        if self.color && style != Style::new() {
            write!(self.out, "{}{text}{}", style.render(), style.render_reset())
        } else {
            self.out.write_all(text.as_bytes())
        }
    }

    fn plain(&mut self, text: &str) -> std::io::Result<()> {
        self.out.write_all(text.as_bytes())
    }
}

/// Whether a terminal must not receive `c` raw: C0 and C1 controls and DEL (a page's ESC could
/// move the cursor, recolour or retitle the terminal) and the bidirectional controls that make
/// text display in another order than it is read (`U+202E` turns `gpj.exe` around).
fn is_terminal_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
        )
}

/// `text` safe to write to a terminal: control characters (C0, DEL, C1, ESC) and bidirectional
/// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are shown escaped, `\n` and
/// `\r` as such and the others as `\u{1b}`; a tab becomes a space. Text without any is
/// borrowed as it is. For everything a page or a URL puts in front of a person.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_terminal_hazard) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => escaped.push(' '),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c if is_terminal_hazard(c) => {
                escaped.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// A count as a Fluent number, so each language picks its plural form.
fn number(count: usize) -> FluentValue<'static> {
    FluentValue::from(count)
}

/// The name of a severity in the output language (`high`, `高`).
fn severity_name(catalog: &Catalog, severity: Severity) -> String {
    catalog
        .text(&format!("report-severity-{}", severity.as_str()))
        .unwrap_or_else(|| severity.as_str().to_owned())
}

/// Writes the report for people; the same as [`render`] with [`Format::Text`]. The layout:
///
/// ```text
///   site/news/index.html:42:7  high  a11y/image-alt  Image has no alt attribute.
///       <img src="logo.png">
///       selector: body > header > img:nth-child(1)
///   site/news/index.html:50  review  a11y/image-alt  Check that the alt text describes the chart.
///
/// note  site/report.pdf  Skipped: not HTML.
///
/// by rule
///   a11y/image-alt  high  1 fail, 1 review  Images must have a text alternative.
///
/// 2 findings (1 fail, 1 review) in 2 resources
/// ```
///
/// Each resource (or each page of a batch of site-level findings) is one block; one with nothing
/// to list writes nothing. A failing finding shows its severity, a review finding says
/// `review`; reviews past [`TextStyle::review_limit`] for their rule are counted under "by
/// rule". "pages with the most failures" (the top ten) follows "by rule" when failures are on
/// more than one page.
///
/// In a language other than English ([`TextStyle::lang`]) headings and counts are translated,
/// and a finding's line names the rule's title from the catalog, followed by the rule's message
/// and the finding's English message (its specifics: a contrast ratio, a status code) as a
/// detail line. The `place  severity|review  rule` start of the line stays the same in every
/// language: editors link it, scripts grep it, and `--fail-on` takes the severity names.
pub fn write_text(
    report: &Report,
    rules: &[&'static RuleMeta],
    style: TextStyle,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    render(report, rules, Format::Text, style, out)
}

/// What the run has seen of one rule.
struct RuleTally {
    /// The catalogue's severity, or the highest of the findings for a rule outside it.
    severity: Severity,
    meta: Option<&'static RuleMeta>,
    fail: usize,
    review: usize,
    reviews_listed: usize,
    reviews_unlisted: usize,
    /// Resources with unlisted reviews, counted when the resource changes (a resource's
    /// findings come together).
    resources_unlisted: usize,
    last_unlisted_url: String,
}

/// What was written last, for the blank lines between blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Resource,
    Note,
}

/// The text writer's state: counters per rule and failures per page, no findings. The layout
/// is described at [`write_text`].
pub(crate) struct TextSink {
    rules: Vec<&'static RuleMeta>,
    style: TextStyle,
    tallies: HashMap<String, RuleTally>,
    failures_by_page: HashMap<String, usize>,
    last: Last,
    catalog: &'static Catalog,
}

impl TextSink {
    pub(crate) fn new(rules: &[&'static RuleMeta], style: TextStyle) -> Self {
        TextSink {
            rules: rules.to_vec(),
            style,
            tallies: HashMap::new(),
            failures_by_page: HashMap::new(),
            last: Last::Nothing,
            catalog: Catalog::get(style.lang),
        }
    }

    fn painter<'w>(&self, out: &'w mut dyn Write) -> Painter<'w> {
        Painter {
            out,
            color: self.style.color,
        }
    }

    /// One checked resource: its failures and the reviews still within the limit. Each line
    /// names the finding's own `url`.
    pub(crate) fn resource(
        &mut self,
        out: &mut dyn Write,
        findings: &[Finding],
    ) -> Result<(), ReportError> {
        let listed = self.select(findings.iter());
        self.write_block(out, &listed)
    }

    /// Site-level findings, one block per URL in the order the URLs first appear.
    pub(crate) fn site_findings(
        &mut self,
        out: &mut dyn Write,
        findings: &[Finding],
    ) -> Result<(), ReportError> {
        let mut order: Vec<&str> = Vec::new();
        let mut by_url: HashMap<&str, Vec<&Finding>> = HashMap::new();
        for finding in findings {
            by_url
                .entry(finding.url.as_str())
                .or_insert_with(|| {
                    order.push(finding.url.as_str());
                    Vec::new()
                })
                .push(finding);
        }
        for url in order {
            let group = by_url.remove(url).unwrap_or_default();
            let listed = self.select(group.into_iter());
            self.write_block(out, &listed)?;
        }
        Ok(())
    }

    /// Counts `findings` and picks those to list: every failure, then the reviews of rules
    /// that have not yet listed `review_limit`.
    fn select<'f>(&mut self, findings: impl Iterator<Item = &'f Finding>) -> Vec<&'f Finding> {
        let limit = self.style.review_limit.unwrap_or(usize::MAX);
        let mut fails = Vec::new();
        let mut reviews = Vec::new();
        for finding in findings {
            let tally = match self.tallies.get_mut(finding.rule.as_str()) {
                Some(tally) => tally,
                None => {
                    let meta = find_rule(&self.rules, &finding.rule);
                    self.tallies
                        .entry(finding.rule.clone())
                        .or_insert_with(|| RuleTally {
                            severity: meta.map_or(finding.severity, |m| m.severity),
                            meta,
                            fail: 0,
                            review: 0,
                            reviews_listed: 0,
                            reviews_unlisted: 0,
                            resources_unlisted: 0,
                            last_unlisted_url: String::new(),
                        })
                }
            };
            if tally.meta.is_none() {
                tally.severity = tally.severity.max(finding.severity);
            }
            match finding.outcome {
                Outcome::Fail => {
                    tally.fail += 1;
                    match self.failures_by_page.get_mut(finding.url.as_str()) {
                        Some(count) => *count += 1,
                        None => {
                            self.failures_by_page.insert(finding.url.clone(), 1);
                        }
                    }
                    fails.push(finding);
                }
                Outcome::Review => {
                    tally.review += 1;
                    if tally.reviews_listed < limit {
                        tally.reviews_listed += 1;
                        reviews.push(finding);
                    } else {
                        tally.reviews_unlisted += 1;
                        if tally.resources_unlisted == 0 || tally.last_unlisted_url != finding.url {
                            tally.resources_unlisted += 1;
                            tally.last_unlisted_url.clone_from(&finding.url);
                        }
                    }
                }
            }
        }
        fails.extend(reviews);
        fails
    }

    fn write_block(
        &mut self,
        out: &mut dyn Write,
        findings: &[&Finding],
    ) -> Result<(), ReportError> {
        if findings.is_empty() {
            return Ok(());
        }
        let mut p = self.painter(out);
        if self.last != Last::Nothing {
            p.plain("\n")?;
        }
        for finding in findings {
            write_finding(&mut p, self.catalog, finding)?;
        }
        self.last = Last::Resource;
        Ok(())
    }

    pub(crate) fn note(&mut self, out: &mut dyn Write, note: &Note) -> Result<(), ReportError> {
        let mut p = self.painter(out);
        if self.last == Last::Resource {
            p.plain("\n")?;
        }
        p.paint(HEADING, &self.catalog.tr("report-note"))?;
        p.plain(&format!(
            "  {}  {}\n",
            escape_for_terminal(&note.url),
            escape_for_terminal(&self.catalog.note(note))
        ))?;
        self.last = Last::Note;
        Ok(())
    }

    /// The summary by rule and by page, then the closing count.
    pub(crate) fn finish(self, out: &mut dyn Write, summary: &Summary) -> Result<(), ReportError> {
        let mut p = self.painter(out);
        let catalog = self.catalog;
        let mut any = self.last != Last::Nothing;
        let mut rules: Vec<(&String, &RuleTally)> = self.tallies.iter().collect();
        // Rules with failures before rules that only ask for review, then the worst first; ties
        // by id so the order does not depend on the order pages finished.
        rules.sort_by_key(|(id, t)| {
            (
                Reverse(t.fail > 0),
                Reverse(t.severity),
                Reverse(t.fail),
                Reverse(t.review),
                *id,
            )
        });
        if !rules.is_empty() {
            if any {
                p.plain("\n")?;
            }
            p.paint(HEADING, &catalog.tr("report-by-rule"))?;
            p.plain("\n")?;
            for (id, tally) in rules {
                write_rule_line(&mut p, catalog, id, tally)?;
            }
            any = true;
        }
        let mut pages: Vec<(&String, &usize)> = self.failures_by_page.iter().collect();
        if pages.len() > 1 {
            pages.sort_by_key(|(url, count)| (Reverse(**count), *url));
            p.plain("\n")?;
            p.paint(HEADING, &catalog.tr("report-worst-pages"))?;
            p.plain("\n")?;
            for (url, count) in pages.iter().take(PAGES_LISTED) {
                p.plain(&format!("  {}  ", escape_for_terminal(url)))?;
                p.paint(
                    AnsiColor::Red.on_default(),
                    &catalog.tr_args("report-page-failures", &[("count", number(**count))]),
                )?;
                p.plain("\n")?;
            }
            if pages.len() > PAGES_LISTED {
                let more = pages.len() - PAGES_LISTED;
                p.plain(&format!(
                    "  {}\n",
                    catalog.tr_args("report-more-pages", &[("count", number(more))])
                ))?;
            }
        }
        if any {
            p.plain("\n")?;
        }
        let closing = catalog.tr_args(
            "report-closing",
            &[
                ("findings", number(summary.findings)),
                ("fail", number(summary.fail)),
                ("review", number(summary.review)),
                ("resources", number(summary.resources)),
            ],
        );
        let closing_style = if summary.fail > 0 {
            HEADING.fg_color(Some(AnsiColor::Red.into()))
        } else {
            HEADING.fg_color(Some(AnsiColor::Green.into()))
        };
        p.paint(closing_style, &closing)?;
        p.plain("\n")?;
        Ok(())
    }
}

/// `  a11y/image-alt  high  3 fail, 2 review  Images must have a text alternative.`, and a line
/// counting the reviews left unlisted.
fn write_rule_line(
    p: &mut Painter<'_>,
    catalog: &Catalog,
    id: &str,
    tally: &RuleTally,
) -> std::io::Result<()> {
    p.plain("  ")?;
    p.paint(RULE, &escape_for_terminal(id))?;
    p.plain("  ")?;
    p.paint(
        severity_style(tally.severity),
        &severity_name(catalog, tally.severity),
    )?;
    let counts = catalog.tr_args(
        "report-rule-counts",
        &[
            ("fail", number(tally.fail)),
            ("review", number(tally.review)),
        ],
    );
    p.plain(&format!("  {counts}"))?;
    // English keeps the rule's own summary; other languages the catalog's title.
    let title = match catalog.lang() {
        Lang::En => tally.meta.map(|meta| meta.summary()),
        _ => catalog
            .rule(id)
            .map(|text| text.title)
            .or_else(|| tally.meta.map(|meta| meta.summary())),
    };
    if let Some(title) = title {
        p.plain(&format!("  {}", escape_for_terminal(&title)))?;
    }
    p.plain("\n")?;
    if tally.reviews_unlisted > 0 {
        let unlisted = catalog.tr_args(
            "report-reviews-unlisted",
            &[
                ("count", number(tally.reviews_unlisted)),
                ("resources", number(tally.resources_unlisted)),
            ],
        );
        p.paint(REVIEW, &format!("      {unlisted}"))?;
        p.plain("\n")?;
    }
    Ok(())
}

/// `  index.html:42:7  high  a11y/image-alt  message` (the place as editors and terminals link
/// it), then the snippet, selector or header below. Outside English: the rule's title instead of
/// the message, then the rule's message and the finding's own (English) message below.
fn write_finding(p: &mut Painter<'_>, catalog: &Catalog, finding: &Finding) -> std::io::Result<()> {
    let place = &finding.location;
    let mut position = escape_for_terminal(&finding.url).into_owned();
    if let Some(line) = place.line {
        position.push_str(&format!(":{line}"));
        if let Some(column) = place.column {
            position.push_str(&format!(":{column}"));
        }
    }
    p.plain(&format!("  {position}  "))?;
    match finding.outcome {
        Outcome::Fail => p.paint(severity_style(finding.severity), finding.severity.as_str())?,
        Outcome::Review => p.paint(REVIEW, "review")?,
    }
    p.plain("  ")?;
    p.paint(RULE, &escape_for_terminal(&finding.rule))?;
    let localized = match catalog.lang() {
        Lang::En => None,
        _ => catalog.rule(&finding.rule),
    };
    match localized {
        None => p.plain(&format!("  {}\n", escape_for_terminal(&finding.message)))?,
        Some(text) => {
            p.plain(&format!("  {}\n", escape_for_terminal(&text.title)))?;
            // The catalog's message says what fails; a review finding says what to check.
            let message = match finding.outcome {
                Outcome::Fail => text.message,
                Outcome::Review => Some(catalog.review_text(&finding.rule)),
            };
            if let Some(message) = message {
                p.plain(&format!("      {}\n", escape_for_terminal(&message)))?;
            }
            if !finding.message.is_empty() {
                let detail = catalog.tr_args(
                    "report-detail",
                    &[(
                        "text",
                        escape_for_terminal(&finding.message).as_ref().into(),
                    )],
                );
                p.paint(DETAIL, &format!("      {detail}"))?;
                p.plain("\n")?;
            }
        }
    }
    if let Some(snippet) = &place.snippet {
        p.paint(DETAIL, &format!("      {}", escape_for_terminal(snippet)))?;
        p.plain("\n")?;
    }
    if let Some(selector) = &place.selector {
        p.paint(
            DETAIL,
            &format!(
                "      {}",
                catalog.tr_args(
                    "report-selector",
                    &[("selector", escape_for_terminal(selector).as_ref().into())]
                )
            ),
        )?;
        p.plain("\n")?;
    }
    if let Some(header) = &place.header {
        p.paint(
            DETAIL,
            &format!(
                "      {}",
                catalog.tr_args(
                    "report-header",
                    &[("header", escape_for_terminal(header).as_ref().into())]
                )
            ),
        )?;
        p.plain("\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape_for_terminal;

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(escape_for_terminal("plain <img>"), "plain <img>");
        assert!(matches!(
            escape_for_terminal("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_for_terminal("a\u{1b}[31mb\nc\td\re"),
            "a\\u{1b}[31mb\\nc d\\re"
        );
        assert_eq!(
            escape_for_terminal("x\u{202e}gpj.exe\u{2066}\u{200f}\u{061c}\u{9b}\u{7f}\0"),
            "x\\u{202e}gpj.exe\\u{2066}\\u{200f}\\u{61c}\\u{9b}\\u{7f}\\u{0}"
        );
        // Ordinary non-ASCII text stays as it is.
        assert_eq!(escape_for_terminal("新闻 — ü"), "新闻 — ü");
    }
}
