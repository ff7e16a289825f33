//! Renders a `govaudit/1` JSON report (`govaudit audit --format json`) as report.html, with the
//! scorecard of its `scores` section when it has one:
//!
//! ```sh
//! govaudit audit --format json --profile cn-gov SITE > report.json
//! cargo run -p govaudit-report --example html_report -- report.json zh-CN > report.html
//! ```
//!
//! Without the rule catalogue (this crate depends on no checking crate), fixes come from the
//! message catalogs only; `govaudit audit --out DIR` writes the full report.

use govaudit_core::Report;
use govaudit_i18n::Lang;
use govaudit_score::Scorecard;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        return Err("usage: html_report REPORT.json [en|zh-CN]".into());
    };
    let lang: Lang = match args.next() {
        Some(tag) => tag.parse()?,
        None => Lang::ZhCn,
    };
    let report: Report =
        serde_json::from_reader(std::io::BufReader::new(std::fs::File::open(&path)?))?;
    let scorecard: Option<Scorecard> = report
        .sections
        .get("scores")
        .map(|section| serde_json::from_value(section.clone()))
        .transpose()?;
    let started = std::time::Instant::now();
    let html = govaudit_report::html::render(&report, &[], scorecard.as_ref(), lang);
    // For benches/README.md: the render alone, without reading the JSON.
    eprintln!(
        "{} findings rendered in {:.0} ms: {} bytes",
        report.findings.len(),
        started.elapsed().as_secs_f64() * 1000.0,
        html.len()
    );
    std::io::stdout().lock().write_all(html.as_bytes())?;
    Ok(())
}
