//! `govaudit monitor`: scheduled audits of a list of sites, stored with their history in
//! SQLite (default, embedded) or PostgreSQL (a fleet of workers); probes of homepages; diffs,
//! reports and exports of the history.

use crate::Verdict;
use anyhow::{Context as _, bail};
use govaudit_core::Phrase;
use govaudit_monitor::{Backend, SitesFile, Store, WorkOptions};
use std::io::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct MonitorArgs {
    #[command(subcommand)]
    command: MonitorCommand,
}

#[derive(Debug, clap::Subcommand)]
enum MonitorCommand {
    /// Audit every site of SITES.toml due now and store the runs (then apply the retention).
    Run(RunArgs),
    /// Store the sites of SITES.toml and queue a run of each for its current slot (fleet mode).
    Enqueue(EnqueueArgs),
    /// Claim and audit queued sites until stopped (fleet mode, PostgreSQL; run on any number of
    /// machines).
    Worker(WorkerArgs),
    /// Fetch each site's homepage once and store status and timing (run every 15 minutes).
    Probe(EnqueueArgs),
    /// New, fixed and persisting findings of a site since its previous run or a date.
    Diff(DiffArgs),
    /// Write an HTML page per site and an index of the fleet.
    Report(ReportArgs),
    /// Export the history: one JSON object per line (runs, findings, probes).
    Export(ExportArgs),
    /// Fill a store with a generated history (for measuring).
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// `--db`, `--data-dir`.
#[derive(Debug, Clone, clap::Args)]
struct DbArgs {
    /// The store: a SQLite file (created when missing) or postgres://user@host:port/db.
    #[arg(long, value_name = "URL|FILE")]
    db: String,
    /// Where WARC recordings of runs are kept (default: FILE.data next to a SQLite store,
    /// ./govaudit-monitor-data for PostgreSQL).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl DbArgs {
    async fn open(&self) -> anyhow::Result<Store> {
        Store::open(&self.db, self.data_dir.clone())
            .await
            .with_context(|| format!("cannot open the store {}", redact(&self.db)))
    }
}

/// A database URL without its password, for messages.
fn redact(db: &str) -> String {
    match url::Url::parse(db) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => db.to_owned(),
    }
}

/// How a worker claims and renews.
#[derive(Debug, Clone, clap::Args)]
struct WorkArgs {
    /// Sites audited at once by this process (default: SITES.toml's `concurrency`, else 4).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    concurrency: Option<u16>,
    /// Seconds a claim lasts without a heartbeat; a dead worker's site is picked up after it.
    #[arg(long, default_value_t = 300, value_name = "S",
          value_parser = clap::value_parser!(i64).range(3..=86_400))]
    lease_seconds: i64,
    /// Test hook: stop every run after the audit and before its commit.
    #[arg(long, hide = true)]
    fail_before_commit: bool,
}

impl WorkArgs {
    fn options(&self, file_concurrency: Option<usize>) -> WorkOptions {
        WorkOptions {
            lease_seconds: self.lease_seconds,
            concurrency: self
                .concurrency
                .map(usize::from)
                .or(file_concurrency)
                .unwrap_or(4),
            fail_before_commit: self.fail_before_commit,
            ..WorkOptions::default()
        }
    }
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    work: WorkArgs,
    /// The run's clock (YYYY-MM-DD or RFC 3339): its slot and the day freshness is measured on;
    /// default now.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// Delete runs, findings, probes and WARC files older than this many days (overrides
    /// SITES.toml's `retention_days`).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=36_500))]
    retention_days: Option<u32>,
    /// The sites to audit.
    #[arg(value_name = "SITES.toml")]
    sites: PathBuf,
}

#[derive(Debug, clap::Args)]
struct EnqueueArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The clock (YYYY-MM-DD or RFC 3339); default now.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    #[arg(value_name = "SITES.toml")]
    sites: PathBuf,
}

#[derive(Debug, clap::Args)]
struct WorkerArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    work: WorkArgs,
    /// Seconds between looks at the queue when it is empty.
    #[arg(long, default_value_t = 5, value_name = "S",
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    poll_seconds: u64,
    /// Exit once no run is queued or running (otherwise wait for more).
    #[arg(long)]
    until_empty: bool,
}

/// The output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The site (its name in SITES.toml).
    #[arg(long, value_name = "NAME")]
    site: String,
    /// Compare with the last run before this day (YYYY-MM-DD) instead of the previous run.
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The directory the pages are written to.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The report's clock (availability over the week before it); default now.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

/// The output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Jsonl,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,
}

#[derive(Debug, clap::Args)]
struct GenerateArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, default_value_t = 500)]
    sites: usize,
    #[arg(long, default_value_t = 365)]
    days: usize,
    #[arg(long, default_value_t = 20)]
    findings: usize,
    /// The last day of the history (default today).
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

fn clock(now: Option<&String>) -> anyhow::Result<i64> {
    Ok(match now {
        Some(text) => govaudit_monitor::parse_time(text)?,
        None => govaudit_monitor::wall_clock(),
    })
}

pub fn run(args: &MonitorArgs) -> anyhow::Result<Verdict> {
    let runtime = crate::live::runtime()?;
    runtime.block_on(dispatch(args))
}

async fn dispatch(args: &MonitorArgs) -> anyhow::Result<Verdict> {
    match &args.command {
        MonitorCommand::Run(args) => {
            let file = SitesFile::load(&args.sites)?;
            let store = args.db.open().await?;
            let summary = govaudit_monitor::run_once(
                &store,
                &file,
                clock(args.now.as_ref())?,
                &args.work.options(file.concurrency),
                args.retention_days,
            )
            .await?;
            println!("{}", summary_line(&summary));
            store.close().await;
        }
        MonitorCommand::Enqueue(args) => {
            let file = SitesFile::load(&args.sites)?;
            let store = args.db.open().await?;
            let queued =
                govaudit_monitor::enqueue(&store, &file, clock(args.now.as_ref())?).await?;
            println!(
                "{}",
                tr(Phrase::new("cli-monitor-queued").count("count", queued))
            );
            store.close().await;
        }
        MonitorCommand::Worker(args) => {
            let store = args.db.open().await?;
            if store.backend() != Backend::Postgres {
                bail!(
                    "`monitor worker` needs PostgreSQL (--db postgres://...); use `monitor run` with SQLite"
                );
            }
            let options = WorkOptions {
                stop_when_idle: false,
                stop_when_empty: args.until_empty,
                poll_seconds: args.poll_seconds,
                ..args.work.options(None)
            };
            let summary = govaudit_monitor::work(&store, &options).await?;
            println!("{}", summary_line(&summary));
            store.close().await;
        }
        MonitorCommand::Probe(args) => {
            let file = SitesFile::load(&args.sites)?;
            let store = args.db.open().await?;
            let at = args.now.as_ref().map(|t| clock(Some(t))).transpose()?;
            let probes = govaudit_monitor::probe::probe_all(&store, &file, at).await?;
            for (site, probe) in file.sites.iter().zip(&probes) {
                println!(
                    "{}\t{}\t{}\t{}",
                    site.name,
                    probe.status.map_or("-".to_owned(), |s| s.to_string()),
                    match (probe.total_ms, probe.ttfb_ms) {
                        (Some(total), Some(ttfb)) => tr(Phrase::new("cli-monitor-probe-times")
                            .number("total", total as f64)
                            .number("ttfb", ttfb as f64)),
                        (Some(total), None) => tr(
                            Phrase::new("cli-monitor-probe-total").number("total", total as f64)
                        ),
                        (None, _) => "-".to_owned(),
                    },
                    probe
                        .error
                        .clone()
                        .unwrap_or_else(|| tr(Phrase::new("cli-monitor-probe-ok")))
                );
            }
            store.close().await;
        }
        MonitorCommand::Diff(args) => {
            let store = args.db.open().await?;
            let since = args
                .since
                .as_ref()
                .map(|t| govaudit_monitor::parse_time(t))
                .transpose()?;
            let diff = govaudit_monitor::diff::diff(&store, &args.site, since).await?;
            let mut out = std::io::stdout().lock();
            match args.format {
                DiffFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &diff.to_json())?;
                    writeln!(out)?;
                }
                DiffFormat::Text => {
                    let show = |value: &serde_json::Value| {
                        format!(
                            "{} {} {}",
                            value["rule"].as_str().unwrap_or(""),
                            value["url"].as_str().unwrap_or(""),
                            value["message"].as_str().unwrap_or("")
                        )
                    };
                    let run = |id: Option<i64>| {
                        id.map_or_else(
                            || tr(Phrase::new("cli-monitor-no-run")),
                            |id| id.to_string(),
                        )
                    };
                    let runs = match diff.from {
                        Some(from) => {
                            Phrase::new("cli-monitor-diff-runs").text("from", from.to_string())
                        }
                        None => Phrase::new("cli-monitor-diff-first"),
                    }
                    .text("site", diff.site.as_str())
                    .text("to", run(diff.to));
                    writeln!(out, "{}", tr(runs))?;
                    for (label, list) in [
                        ("cli-monitor-diff-new", &diff.new),
                        ("cli-monitor-diff-fixed", &diff.fixed),
                        ("cli-monitor-diff-persisting", &diff.persisting),
                    ] {
                        writeln!(out, "{}", tr(Phrase::new(label).count("count", list.len())))?;
                        for value in list.iter() {
                            writeln!(out, "  {}", show(value))?;
                        }
                    }
                }
            }
            store.close().await;
        }
        MonitorCommand::Report(args) => {
            let store = args.db.open().await?;
            // The global --lang (or govaudit.toml); without one, the supervising office's
            // language, zh-CN.
            crate::lang::set_profile_language(govaudit_i18n::Lang::ZhCn);
            let sites = govaudit_monitor::report::write_report(
                &store,
                &args.out,
                clock(args.now.as_ref())?,
                crate::lang::chosen(),
            )
            .await?;
            let written = Phrase::new("cli-monitor-report-written")
                .count("sites", sites)
                .text("dir", args.out.display().to_string());
            println!("{}", tr(written));
            store.close().await;
        }
        MonitorCommand::Export(args) => {
            let store = args.db.open().await?;
            let ExportFormat::Jsonl = args.format;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            govaudit_monitor::export::export_jsonl(&store, &mut out).await?;
            out.flush()?;
            store.close().await;
        }
        MonitorCommand::Generate(args) => {
            let store = args.db.open().await?;
            govaudit_monitor::generate::generate(
                &store,
                args.sites,
                args.days,
                args.findings,
                clock(args.now.as_ref())?,
            )
            .await?;
            store.close().await;
        }
    }
    Ok(Verdict::Clean)
}

/// A phrase in the chosen language.
fn tr(phrase: Phrase) -> String {
    govaudit_i18n::Catalog::get(crate::lang::chosen()).phrase(&phrase)
}

/// What a run or a worker did, in one line.
fn summary_line(summary: &govaudit_monitor::WorkSummary) -> String {
    tr(Phrase::new("cli-monitor-runs")
        .count("done", summary.done)
        .count("failed", summary.failed)
        .count("lost", summary.lost))
}
