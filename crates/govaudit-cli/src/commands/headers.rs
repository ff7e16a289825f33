//! `govaudit headers`: audit the security headers of one recorded exchange, `curl -sI` head or
//! HAR file, and grade it the way the MDN HTTP Observatory does.

use crate::Verdict;
use anyhow::Context as _;
use govaudit_core::{Report, Severity};
use govaudit_headers::{Algorithm, PreloadList};
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HeadersFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct HeadersArgs {
    /// A recorded exchange (JSON), a raw response head (`curl -sI`/`-sIL` output) or a HAR file.
    #[arg(long, value_name = "EXCHANGE|HEAD|HAR")]
    pub input: PathBuf,
    /// The URL a response head was fetched from (curl does not print it).
    #[arg(long)]
    pub url: Option<String>,
    /// Chromium's transport_security_state_static.json, for `hsts-preloaded`; never fetched.
    #[arg(long, value_name = "FILE")]
    pub hsts_preload_list: Option<PathBuf>,
    /// MDN HTTP Observatory algorithm: 4 (npm 1.4.8), 5 or 6 (adds COOP and COEP).
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u8).range(4..=6))]
    pub observatory_algorithm: u8,
    #[arg(long, value_enum, default_value_t = HeadersFormat::Text)]
    pub format: HeadersFormat,
    /// Exit 1 when a failing finding has this severity or worse.
    #[arg(long, default_value = "high")]
    pub fail_on: Severity,
}

/// Builds the govaudit/1 report with its `observatory` section.
pub fn report(args: &HeadersArgs) -> anyhow::Result<Report> {
    let bytes = std::fs::read(&args.input)
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let exchange = govaudit_headers::parse_input(&bytes, args.url.as_deref())
        .with_context(|| format!("cannot read {}", args.input.display()))?;
    let preload = match &args.hsts_preload_list {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Some(PreloadList::parse(&text).with_context(|| path.display().to_string())?)
        }
        None => None,
    };
    let algorithm = Algorithm::from_number(args.observatory_algorithm)
        .context("--observatory-algorithm must be 4, 5 or 6")?;
    // Findings and grade from one parse of the exchange.
    let audit = govaudit_headers::audit(&exchange, algorithm, preload.as_ref());
    let mut report = Report::new();
    report.add_resource(exchange.url.clone(), audit.findings);
    let section = match audit.observatory {
        Ok(result) => result.to_json(),
        Err(error) => serde_json::json!({ "error": error.to_string() }),
    };
    report.sections.insert("observatory".into(), section);
    report.finish();
    Ok(report)
}

pub fn run(args: &HeadersArgs) -> anyhow::Result<Verdict> {
    let report = report(args)?;
    let mut out = Vec::new();
    match args.format {
        HeadersFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            out.push(b'\n');
        }
        HeadersFormat::Text => {
            let rules: Vec<_> = govaudit_headers::rules().collect();
            govaudit_report::render(
                &report,
                &rules,
                govaudit_report::Format::Text,
                govaudit_report::TextStyle::plain(),
                &mut out,
            )?;
            write_observatory_text(&report, &mut out)?;
        }
    }
    std::io::stdout().lock().write_all(&out)?;
    Ok(if report.fails_at(args.fail_on) {
        Verdict::Failing
    } else {
        Verdict::Clean
    })
}

fn write_observatory_text(report: &Report, out: &mut Vec<u8>) -> std::io::Result<()> {
    let Some(section) = report.sections.get("observatory") else {
        return Ok(());
    };
    if let Some(error) = section.get("error").and_then(|e| e.as_str()) {
        return writeln!(out, "\nObservatory: not graded ({error})");
    }
    writeln!(
        out,
        "\nObservatory (algorithm {}): score {}, grade {}",
        section["algorithm"],
        section["score"],
        section["grade"].as_str().unwrap_or("")
    )?;
    if let Some(tests) = section.get("tests").and_then(|t| t.as_object()) {
        for (name, test) in tests {
            writeln!(
                out,
                "  {:<32} {:>+4}  {}{}",
                name,
                test["modifier"].as_i64().unwrap_or(0),
                test["result"].as_str().unwrap_or(""),
                if test["pass"].as_bool() == Some(false) {
                    "  (fail)"
                } else {
                    ""
                }
            )?;
        }
    }
    Ok(())
}
