//! Text for people: findings grouped by rule (rules with failures first, most severe first),
//! then notes and one closing count. Colour is decoration only; without it nothing is lost.

use crate::{ReportError, TextStyle, find_rule};
use anstyle::{AnsiColor, Effects, Style};
use govaudit_core::{Finding, Outcome, Report, RuleMeta, Severity};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::io::Write;

const RULE: Style = Style::new().effects(Effects::BOLD);
const DETAIL: Style = Style::new().effects(Effects::DIMMED);
const REVIEW: Style = AnsiColor::Magenta.on_default();
const HEADING: Style = Style::new().effects(Effects::BOLD);

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

/// Page content (snippets, messages quoting it, URLs) is untrusted: a control character could
/// move the cursor or recolour the terminal. Show such characters escaped instead.
fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => " ".to_owned(),
                c if c.is_control() => c.escape_debug().to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// One rule's findings, with what the catalogue says about the rule.
struct Group<'a> {
    id: &'a str,
    meta: Option<&'a RuleMeta>,
    severity: Severity,
    findings: Vec<&'a Finding>,
}

fn groups<'a>(report: &'a Report, rules: &[&'a RuleMeta]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for finding in &report.findings {
        match groups.iter_mut().find(|g| g.id == finding.rule) {
            Some(group) => {
                group.findings.push(finding);
                if group.meta.is_none() {
                    group.severity = group.severity.max(finding.severity);
                }
            }
            None => {
                let meta = find_rule(rules, &finding.rule);
                groups.push(Group {
                    id: &finding.rule,
                    meta,
                    severity: meta.map_or(finding.severity, |m| m.severity),
                    findings: vec![finding],
                });
            }
        }
    }
    // Rules with failures before rules that only ask for review, most severe first; ties by
    // id so the order does not depend on crawl order.
    // Each group's findings are scanned once, not once per comparison.
    groups.sort_by_cached_key(|g| {
        let fails = g.findings.iter().any(|f| f.outcome == Outcome::Fail);
        (Reverse(fails), Reverse(g.severity), g.id)
    });
    groups
}

/// Writes the report for people: per rule its id, severity and summary, then each finding as
/// `path:line:column  message` with the snippet, selector or header below; notes; and a closing
/// line such as `12 findings (9 fail, 3 review) in 15 resources`.
pub fn write_text(
    report: &Report,
    rules: &[&'static RuleMeta],
    style: TextStyle,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    let mut p = Painter {
        out,
        color: style.color,
    };
    for (i, group) in groups(report, rules).iter().enumerate() {
        if i > 0 {
            p.plain("\n")?;
        }
        write_group(&mut p, group, style.review_limit)?;
    }
    if !report.notes.is_empty() {
        if !report.findings.is_empty() {
            p.plain("\n")?;
        }
        p.paint(HEADING, "notes")?;
        p.plain("\n")?;
        for note in &report.notes {
            p.plain(&format!(
                "  {}  {}\n",
                clean(&note.url),
                clean(&note.message)
            ))?;
        }
    }
    if !report.findings.is_empty() || !report.notes.is_empty() {
        p.plain("\n")?;
    }
    let summary = &report.summary;
    let closing = format!(
        "{} ({} fail, {} review) in {}",
        plural(summary.findings, "finding", "findings"),
        summary.fail,
        summary.review,
        plural(summary.resources, "resource", "resources"),
    );
    let closing_style = if summary.fail > 0 {
        HEADING.fg_color(Some(AnsiColor::Red.into()))
    } else {
        HEADING.fg_color(Some(AnsiColor::Green.into()))
    };
    p.paint(closing_style, &closing)?;
    p.plain("\n")?;
    p.out.flush()?;
    Ok(())
}

/// A rule's failing findings first, all of them; then its review findings, up to
/// `review_limit` with the rest counted.
fn write_group(
    p: &mut Painter<'_>,
    group: &Group<'_>,
    review_limit: Option<usize>,
) -> std::io::Result<()> {
    p.paint(RULE, group.id)?;
    p.plain("  ")?;
    p.paint(severity_style(group.severity), group.severity.as_str())?;
    if let Some(meta) = group.meta {
        p.plain(&format!("  {}", clean(&meta.summary())))?;
    }
    p.plain("\n")?;
    let (reviews, fails): (Vec<&Finding>, Vec<&Finding>) = group
        .findings
        .iter()
        .partition(|f| f.outcome == Outcome::Review);
    for finding in fails {
        write_finding(p, finding, group.severity)?;
    }
    let shown = review_limit.unwrap_or(usize::MAX).min(reviews.len());
    for finding in &reviews[..shown] {
        write_finding(p, finding, group.severity)?;
    }
    let hidden = &reviews[shown..];
    if !hidden.is_empty() {
        let mut resources: Vec<&str> = hidden.iter().map(|f| f.url.as_str()).collect();
        resources.sort_unstable();
        resources.dedup();
        p.paint(
            REVIEW,
            &format!(
                "  … and {} more {} to review in {} (not listed here; every finding is in the JSON output)",
                hidden.len(),
                if hidden.len() == 1 { "finding" } else { "findings" },
                plural(resources.len(), "resource", "resources"),
            ),
        )?;
        p.plain("\n")?;
    }
    Ok(())
}

fn write_finding(p: &mut Painter<'_>, finding: &Finding, group: Severity) -> std::io::Result<()> {
    let place = &finding.location;
    let mut position = clean(&finding.url).into_owned();
    if let Some(line) = place.line {
        position.push_str(&format!(":{line}"));
        if let Some(column) = place.column {
            position.push_str(&format!(":{column}"));
        }
    }
    p.plain(&format!("  {position}  "))?;
    if finding.outcome == Outcome::Review {
        p.paint(REVIEW, "review:")?;
        p.plain(" ")?;
    }
    p.plain(&clean(&finding.message))?;
    if finding.severity != group {
        // This finding was raised or lowered from the rule's default.
        p.plain(" (")?;
        p.paint(severity_style(finding.severity), finding.severity.as_str())?;
        p.plain(")")?;
    }
    p.plain("\n")?;
    if let Some(snippet) = &place.snippet {
        p.paint(DETAIL, &format!("      {}", clean(snippet)))?;
        p.plain("\n")?;
    }
    if let Some(selector) = &place.selector {
        p.paint(DETAIL, &format!("      selector: {}", clean(selector)))?;
        p.plain("\n")?;
    }
    if let Some(header) = &place.header {
        p.paint(DETAIL, &format!("      header: {}", clean(header)))?;
        p.plain("\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("plain <img>"), "plain <img>");
        assert_eq!(clean("a\u{1b}[31mb\nc\td"), "a\\u{1b}[31mb\\nc d");
    }
}
