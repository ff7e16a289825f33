//! `govaudit headers`: audit the security headers of one recorded exchange, `curl -sI` head or
//! HAR file, or of a live site recorded the way the MDN HTTP Observatory scans it
//! ([`govaudit_engine::exchange`]), and grade it the way the Observatory does.

use crate::Verdict;
use anyhow::Context as _;
use govaudit_core::Report;
use govaudit_engine::exchange::{MAX_REDIRECTS, Ports, Recorded, record, resolve, site};
use govaudit_headers::{Algorithm, PreloadList};
use govaudit_site::fetch::{FetchOptions, Fetcher};
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;

/// Body bytes kept from a live page (the SRI and `<meta>` checks read it).
const LIVE_MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct HeadersArgs {
    /// A live site to scan as the Observatory does (from `http://host/` and `https://host/`);
    /// a host name or an http(s) URL.
    #[arg(value_name = "URL|HOST", required_unless_present = "input")]
    pub target: Option<String>,
    /// A recorded exchange (JSON), a raw response head (`curl -sI`/`-sIL` output) or a HAR file.
    #[arg(long, value_name = "EXCHANGE|HEAD|HAR", conflicts_with = "target")]
    pub input: Option<PathBuf>,
    /// The URL a response head was fetched from (curl does not print it).
    #[arg(long, conflicts_with = "target")]
    pub url: Option<String>,
    /// Chromium's transport_security_state_static.json, for `hsts-preloaded`; never fetched.
    #[arg(long, value_name = "FILE")]
    pub hsts_preload_list: Option<PathBuf>,
    /// MDN HTTP Observatory algorithm: 4 (npm 1.4.8), 5 or 6 (adds COOP and COEP).
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u8).range(4..=6))]
    pub observatory_algorithm: u8,
    #[command(flatten)]
    pub output: crate::output::OutputArgs,
    /// Write the graded exchange as recorded-exchange JSON (grade it again offline with
    /// `--input FILE`).
    #[arg(long, value_name = "FILE")]
    pub save_exchange: Option<PathBuf>,
    /// Live: the port of the `http://` session (default 80).
    #[arg(long, value_name = "PORT")]
    pub http_port: Option<u16>,
    /// Live: the port of the `https://` session (default 443).
    #[arg(long, value_name = "PORT")]
    pub https_port: Option<u16>,
    #[command(flatten)]
    pub live: crate::live::LiveArgs,
}

/// The exchange to grade, read from `--input` or recorded from the live site, with notes on
/// how a live recording went.
pub fn exchange(args: &HeadersArgs) -> anyhow::Result<Recorded> {
    if let Some(input) = &args.input {
        let bytes =
            std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
        let exchange = govaudit_headers::parse_input(&bytes, args.url.as_deref())
            .with_context(|| format!("cannot read {}", input.display()))?;
        return Ok(Recorded {
            exchange,
            notes: Vec::new(),
        });
    }
    let Some(given) = &args.target else {
        anyhow::bail!("give a URL or host, or --input FILE");
    };
    let site = site(given)?;
    let mut options = FetchOptions {
        max_redirects: MAX_REDIRECTS,
        max_body_bytes: LIVE_MAX_BODY_BYTES,
        // A handful of requests to one host: no need to space them out.
        per_host_interval: Duration::ZERO,
        ..FetchOptions::default()
    };
    let port = site.port.unwrap_or(80);
    args.live
        .apply(&mut options, Some((site.host.as_str(), port)))?;
    let fetcher = Fetcher::new(options)?;
    let ports = Ports {
        http: args.http_port,
        https: args.https_port,
    };
    Ok(crate::live::runtime()?.block_on(async {
        let target = resolve(&fetcher, &site, ports).await?;
        record(&fetcher, &target).await
    })?)
}

/// Builds the govaudit/1 report with its `observatory` section (and writes `--save-exchange`).
/// The notes of a live recording go to standard error, so the report stays what `--input` of
/// the saved exchange gives.
pub fn report(args: &HeadersArgs) -> anyhow::Result<Report> {
    let Recorded { exchange, notes } = exchange(args)?;
    for note in notes {
        eprintln!("govaudit: note: {note}");
    }
    if let Some(path) = &args.save_exchange {
        let mut json = serde_json::to_vec_pretty(&exchange)?;
        json.push(b'\n');
        crate::output::write_atomically(path, &json)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
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
    let verdict = crate::output::emit_report(&report, &args.output)?;
    if args.output.format == crate::output::FormatArg::Text {
        let mut out = Vec::new();
        write_observatory_text(&report, &mut out)?;
        crate::Destination::stdout().write_all(&out)?;
    }
    Ok(verdict)
}

fn write_observatory_text(report: &Report, out: &mut Vec<u8>) -> std::io::Result<()> {
    let Some(section) = report.sections.get("observatory") else {
        return Ok(());
    };
    let catalog = govaudit_i18n::Catalog::get(crate::lang::chosen());
    if let Some(error) = section.get("error").and_then(|e| e.as_str()) {
        let line = catalog.tr_args("cli-observatory-not-graded", &[("error", error.into())]);
        return writeln!(out, "\n{line}");
    }
    // As JSON writes them (numbers as numbers), so the line reads as before.
    let line = catalog.tr_args(
        "cli-observatory-grade",
        &[
            ("algorithm", section["algorithm"].to_string().into()),
            ("score", section["score"].to_string().into()),
            ("grade", section["grade"].as_str().unwrap_or("").into()),
        ],
    );
    writeln!(out, "\n{line}")?;
    if let Some(tests) = section.get("tests").and_then(|t| t.as_object()) {
        for (name, test) in tests {
            writeln!(
                out,
                "  {:<32} {:>+4}  {}{}",
                name,
                test["modifier"].as_i64().unwrap_or(0),
                test["result"].as_str().unwrap_or(""),
                if test["pass"].as_bool() == Some(false) {
                    format!("  {}", catalog.tr("cli-observatory-test-fail"))
                } else {
                    String::new()
                }
            )?;
        }
    }
    Ok(())
}
