//! Scheduling and running audits: [`enqueue`] queues one run per site and slot, [`work`]
//! claims due runs with a lease, audits them with the engine while a heartbeat renews the
//! lease, and writes each finished run in one transaction.

use crate::availability::{ProbeSample, WINDOW_DAYS};
use crate::config::{SiteConfig, SitesFile, slot_of};
use crate::store::{OutboundRow, RunResult, RunRow, RunState, Store};
use crate::{MonitorError, availability, wall_clock};
use govaudit_content::outbound::OutboundRecord;
use govaudit_core::{Applicability, Finding, Note};
use govaudit_engine::{NoProgress, Sink, SinkError, Target};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkOptions {
    /// Who holds the leases (unique per process).
    pub worker: String,
    /// Seconds a claim lasts without a heartbeat; heartbeats come every third of it.
    pub lease_seconds: i64,
    /// Sites audited at once.
    pub concurrency: usize,
    /// Claims of one run before it is given up as `failed`.
    pub max_attempts: i64,
    /// Stop when nothing is claimable (`monitor run`); otherwise poll.
    pub stop_when_idle: bool,
    /// Stop once no run is queued or running in the whole store (`worker --until-empty`).
    pub stop_when_empty: bool,
    /// Seconds between polls of an idle worker.
    pub poll_seconds: u64,
    /// Test hook: fail every run after the audit, before its commit (as a crash would).
    pub fail_before_commit: bool,
}

impl Default for WorkOptions {
    fn default() -> Self {
        WorkOptions {
            worker: worker_id(),
            lease_seconds: 300,
            concurrency: 4,
            max_attempts: 3,
            stop_when_idle: true,
            stop_when_empty: false,
            poll_seconds: 5,
            fail_before_commit: false,
        }
    }
}

/// A name for this process's leases: host, process id and start time.
pub fn worker_id() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "worker".into());
    format!(
        "{host}:{}:{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    )
}

/// What a worker did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkSummary {
    /// Runs stored as `done`.
    pub done: usize,
    /// Runs stored as `failed` (the site could not be audited).
    pub failed: usize,
    /// Runs whose lease was lost before the commit (another worker has them).
    pub lost: usize,
}

/// Stores the sites of `file` and queues a run of each for its slot at `as_of`; returns how
/// many runs were queued (a slot already queued or done is not queued again).
pub async fn enqueue(store: &Store, file: &SitesFile, as_of: i64) -> Result<usize, MonitorError> {
    let now = wall_clock();
    let mut queued = 0;
    for site in &file.sites {
        let mut site = site.clone();
        // Profile files are stored as absolute paths: a worker may run elsewhere.
        if let Some(profile) = &site.profile
            && !govaudit_disclosure::BUILTIN_PROFILES
                .iter()
                .any(|(id, _)| id == profile)
        {
            let path = file.base.join(profile);
            site.profile = Some(
                std::path::absolute(&path)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .into_owned(),
            );
        }
        let site_id = store.upsert_site(&site, now).await?;
        if store
            .queue_run(site_id, slot_of(site.schedule, as_of), as_of, now)
            .await?
        {
            queued += 1;
        }
    }
    Ok(queued)
}

/// `monitor run`: queues the sites of `file` as of `as_of` and works until nothing is left
/// to claim, holding the store's `run` lock on SQLite so two runs never clash; then deletes
/// history older than the retention.
pub async fn run_once(
    store: &Store,
    file: &SitesFile,
    as_of: i64,
    options: &WorkOptions,
    retention_days: Option<u32>,
) -> Result<WorkSummary, MonitorError> {
    let locked = store.backend() == crate::Backend::Sqlite;
    if locked {
        let now = wall_clock();
        if let Err((holder, until)) = store
            .try_lock("run", &options.worker, now, now + options.lease_seconds)
            .await?
        {
            return Err(MonitorError::Locked {
                holder,
                until: crate::format_time(until),
            });
        }
    }
    let result = async {
        enqueue(store, file, as_of).await?;
        let summary = work_with_lock(store, options, locked.then_some("run")).await?;
        if let Some(days) = retention_days.or(file.retention_days) {
            prune(store, as_of - i64::from(days) * 86_400).await?;
        }
        Ok(summary)
    }
    .await;
    if locked {
        store.unlock("run", &options.worker).await?;
    }
    result
}

/// Deletes runs, findings and probes older than `before` and the runs' WARC files.
pub async fn prune(store: &Store, before: i64) -> Result<usize, MonitorError> {
    let warcs = store.prune(before).await?;
    for path in &warcs {
        // Already gone is fine: the rows were the record.
        let _ = std::fs::remove_file(path);
    }
    Ok(warcs.len())
}

/// Claims and audits due runs until there is nothing to claim (or, for a fleet worker, for
/// ever, polling).
pub async fn work(store: &Store, options: &WorkOptions) -> Result<WorkSummary, MonitorError> {
    work_with_lock(store, options, None).await
}

async fn work_with_lock(
    store: &Store,
    options: &WorkOptions,
    lock: Option<&str>,
) -> Result<WorkSummary, MonitorError> {
    let mut summary = WorkSummary::default();
    let mut running = tokio::task::JoinSet::new();
    let lease = options.lease_seconds.max(3);
    loop {
        let now = wall_clock();
        if let Some(name) = lock {
            // The lock lives as long as the run does.
            store
                .try_lock(name, &options.worker, now, now + lease)
                .await?
                .map_err(|(holder, until)| MonitorError::Locked {
                    holder,
                    until: crate::format_time(until),
                })?;
        }
        store.give_up_stale(now, options.max_attempts).await?;
        while running.len() < options.concurrency.max(1) {
            let now = wall_clock();
            let Some(run) = store
                .claim(&options.worker, now, now + lease, options.max_attempts)
                .await?
            else {
                break;
            };
            let (store, options) = (store.clone(), options.clone());
            running.spawn(async move { execute(&store, run, &options).await });
        }
        if running.is_empty() {
            let idle = if options.stop_when_empty {
                store.count_runs(RunState::Queued).await? == 0
                    && store.count_runs(RunState::Running).await? == 0
            } else {
                options.stop_when_idle
            };
            if idle {
                return Ok(summary);
            }
            tokio::time::sleep(Duration::from_secs(options.poll_seconds.max(1))).await;
            continue;
        }
        // Wake for a finished run, or after a while to renew the lock and claim more.
        let pause = Duration::from_secs(u64::try_from(lease / 3).unwrap_or(1).max(1));
        match tokio::time::timeout(pause, running.join_next()).await {
            Ok(Some(Ok(Ok(outcome)))) => match outcome {
                Outcome::Done => summary.done += 1,
                Outcome::Failed => summary.failed += 1,
                Outcome::Lost => summary.lost += 1,
            },
            Ok(Some(Ok(Err(error)))) => return Err(error),
            Ok(Some(Err(join))) => {
                return Err(MonitorError::Url(format!("a run's task ended: {join}")));
            }
            Ok(None) | Err(_) => {}
        }
    }
}

/// How one claimed run ended.
enum Outcome {
    Done,
    Failed,
    Lost,
}

/// Collects a run's findings (notes are not stored).
#[derive(Default)]
struct CollectSink {
    findings: Vec<Finding>,
}

impl Sink for CollectSink {
    fn resource(
        &mut self,
        _url: &str,
        findings: &[Finding],
        _applicability: &[Applicability],
    ) -> Result<(), SinkError> {
        self.findings.extend_from_slice(findings);
        Ok(())
    }

    fn findings(&mut self, findings: &[Finding]) -> Result<(), SinkError> {
        self.findings.extend_from_slice(findings);
        Ok(())
    }

    fn note(&mut self, _note: &Note) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Audits one claimed run and stores it.
async fn execute(
    store: &Store,
    run: RunRow,
    options: &WorkOptions,
) -> Result<Outcome, MonitorError> {
    let site_row = store.site_by_id(run.site_id).await?;
    let site = site_row.site_config()?;
    let warc = warc_path(store.data_dir(), &site.name, &run);
    // Renew the lease while the audit runs; stop when the lease was lost.
    let heartbeat = {
        let (store, worker, lease) = (
            store.clone(),
            options.worker.clone(),
            options.lease_seconds.max(3),
        );
        let run_id = run.id;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(
                    u64::try_from(lease / 3).unwrap_or(1).max(1),
                ))
                .await;
                match store.heartbeat(run_id, &worker, wall_clock() + lease).await {
                    Ok(true) => {}
                    _ => break,
                }
            }
        })
    };
    let audited = audit_site(&site, run.as_of, warc.clone()).await;
    heartbeat.abort();
    let probes = store
        .probes(run.site_id, run.as_of - WINDOW_DAYS * 86_400, run.as_of)
        .await?;
    let samples: Vec<ProbeSample> = probes
        .iter()
        .map(|p| ProbeSample { at: p.at, ok: p.ok })
        .collect();
    let verdict = availability(&samples, run.as_of);
    let mut result = RunResult {
        finished_at: wall_clock(),
        availability: Some(serde_json::to_string(&verdict)?),
        warc_path: warc.exists().then(|| warc.to_string_lossy().into_owned()),
        ..RunResult::default()
    };
    let mut findings = Vec::new();
    let mut outbound: Option<Vec<OutboundRow>> = None;
    match audited {
        Ok((outcome, collected)) => {
            result.state = Some(RunState::Done);
            result.pages = i64::try_from(outcome.stats.pages).ok();
            result.scores = outcome
                .sections
                .get("scores")
                .map(serde_json::to_string)
                .transpose()?;
            let mut sections = outcome.sections;
            // Every link with its verdict: the WARC holds the exchanges; the findings the
            // problems.
            sections.remove("links");
            // The external targets go to their own table; the next run compares with them.
            let current = sections.remove("outbound").map(outbound_records);
            result.sections = Some(serde_json::to_string(&sections)?);
            findings = collected;
            if let Some(current) = current {
                let (drifted, rows) = outbound_drift(store, &run, &site, current).await?;
                findings.extend(drifted);
                outbound = Some(rows);
            }
        }
        Err(reason) => {
            result.state = Some(RunState::Failed);
            result.error = Some(reason);
        }
    }
    if options.fail_before_commit {
        return Err(MonitorError::Injected("the run stopped before its commit"));
    }
    let fingerprinted: Vec<(String, &Finding)> = findings
        .iter()
        .map(|f| (govaudit_report::finding_fingerprint(f), f))
        .collect();
    let stored = store
        .finish(run.id, &options.worker, &result, &fingerprinted)
        .await?;
    if stored && let Some(targets) = &outbound {
        store.record_outbound(run.id, targets).await?;
    }
    Ok(match (stored, result.state) {
        (false, _) => Outcome::Lost,
        (true, Some(RunState::Failed)) => Outcome::Failed,
        (true, _) => Outcome::Done,
    })
}

/// The records of the engine's `outbound` section (a malformed one is no record).
fn outbound_records(section: serde_json::Value) -> Vec<OutboundRecord> {
    section
        .get("targets")
        .cloned()
        .and_then(|targets| serde_json::from_value(targets).ok())
        .unwrap_or_default()
}

/// `content/outbound-drift`: the targets of this run compared with those of the site's
/// previous finished run (none before: nothing to compare); also the rows to store, which keep
/// the target as it was before each change reported.
async fn outbound_drift(
    store: &Store,
    run: &RunRow,
    site: &SiteConfig,
    current: Vec<OutboundRecord>,
) -> Result<(Vec<Finding>, Vec<OutboundRow>), MonitorError> {
    let previous: HashMap<String, OutboundRecord> =
        match store.last_done_before(run.site_id, run.as_of).await? {
            Some(previous) => store
                .outbound_of(previous.id)
                .await?
                .into_iter()
                .map(|row| (row.seen.url.clone(), row.baseline().clone()))
                .collect(),
            None => HashMap::new(),
        };
    let before: Vec<_> = previous.values().map(OutboundRecord::to_target).collect();
    let now: Vec<_> = current.iter().map(OutboundRecord::to_target).collect();
    // Monitored sites have no [content] settings of their own yet: what the engine uses.
    let config = site
        .audit_config(Path::new("."), run.as_of, None)
        .map(|c| c.content)
        .unwrap_or_default();
    let findings = govaudit_content::outbound::drift(&before, &now, &config);
    let changed: HashSet<&str> = findings
        .iter()
        .filter_map(|f| f.evidence.get("target").and_then(|t| t.as_str()))
        .collect();
    let rows = current
        .iter()
        .map(|seen| OutboundRow {
            known: changed
                .contains(seen.url.as_str())
                .then(|| previous.get(&seen.url).cloned())
                .flatten(),
            seen: seen.clone(),
        })
        .collect();
    Ok((findings, rows))
}

/// `DATA/warc/SITE/RUN.warc.gz`, with the site's name made safe for a file name.
fn warc_path(data_dir: &Path, site: &str, run: &RunRow) -> PathBuf {
    let safe: String = site
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    data_dir.join("warc").join(safe).join(format!(
        "{}-{}.warc.gz",
        crate::format_date(run.slot),
        run.id
    ))
}

/// Runs the engine over the site on a thread of its own (the engine starts its own async
/// runtime, which cannot nest in ours).
async fn audit_site(
    site: &SiteConfig,
    as_of: i64,
    warc: PathBuf,
) -> Result<(govaudit_engine::RunOutcome, Vec<Finding>), String> {
    if let Some(dir) = warc.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let config = site
        .audit_config(Path::new("."), as_of, Some(warc))
        .map_err(|e| e.to_string())?;
    let target = Target::Url(site.url.clone());
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name(format!("audit {}", site.name))
        .spawn(move || {
            let mut sink = CollectSink::default();
            let outcome = govaudit_engine::audit(&[target], &config, &mut sink, &NoProgress)
                .map(|outcome| (outcome, sink.findings))
                .map_err(|e| e.to_string());
            let _ = sender.send(outcome);
        })
        .map_err(|e| format!("cannot start the audit thread: {e}"))?;
    receiver
        .await
        .map_err(|_| "the audit thread stopped without an answer".to_owned())?
}
