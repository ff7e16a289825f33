//! The one store interface over SQLite and PostgreSQL (sqlx's `Any` driver): the same SQL
//! for both (`$N` placeholders, `ON CONFLICT`, `RETURNING`), with the few dialect differences
//! chosen by [`Backend`]. Migrations are versioned SQL files embedded in the binary, one
//! directory per backend, applied by sqlx's migrator at [`Store::open`].

use crate::MonitorError;
use crate::config::SiteConfig;
use govaudit_content::outbound::OutboundRecord;
use govaudit_core::Finding;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor as _, Row as _};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Which database a [`Store`] is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded, one file; one `monitor run` at a time (a lock row).
    Sqlite,
    /// A server shared by a fleet of workers.
    Postgres,
}

/// The versioned migrations of each backend: (version, description, SQL).
const SQLITE_MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "history",
        include_str!("../migrations/sqlite/0001_history.sql"),
    ),
    (
        2,
        "outbound",
        include_str!("../migrations/sqlite/0002_outbound.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "history",
        include_str!("../migrations/postgres/0001_history.sql"),
    ),
    (
        2,
        "outbound",
        include_str!("../migrations/postgres/0002_outbound.sql"),
    ),
];

/// One external link target of a run as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundRow {
    /// What the run saw.
    pub seen: OutboundRecord,
    /// When the run reported a change of the target (`content/outbound-drift`): the target as
    /// it was before, which the next run compares with, so the change stays reported until the
    /// link is fixed or the target is what it was.
    pub known: Option<OutboundRecord>,
}

impl OutboundRow {
    /// What the next run compares with: the target as known before a change, else as seen.
    pub fn baseline(&self) -> &OutboundRecord {
        self.known.as_ref().unwrap_or(&self.seen)
    }
}

/// The PostgreSQL advisory lock every claim takes for its transaction (`"govaudit"` in ASCII):
/// claims run one after the other, so two cannot both find a host idle.
const CLAIM_LOCK_KEY: i64 = 0x676f_7661_7564_6974;

/// The state of a run row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Queued,
    Running,
    Done,
    Failed,
}

impl RunState {
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Queued => "queued",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Failed => "failed",
        }
    }

    fn parse(text: &str) -> RunState {
        match text {
            "queued" => RunState::Queued,
            "running" => RunState::Running,
            "done" => RunState::Done,
            _ => RunState::Failed,
        }
    }
}

/// A stored site.
#[derive(Debug, Clone)]
pub struct SiteRow {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub host: String,
    /// Its `[[site]]` table as JSON, as last enqueued.
    pub config: String,
}

impl SiteRow {
    /// The site's configuration as stored.
    pub fn site_config(&self) -> Result<SiteConfig, MonitorError> {
        Ok(serde_json::from_str(&self.config)?)
    }
}

/// A stored run (one site, one slot).
#[derive(Debug, Clone)]
pub struct RunRow {
    pub id: i64,
    pub site_id: i64,
    /// Start of the schedule slot (Unix seconds).
    pub slot: i64,
    /// The run's clock: the moment it audits as (Unix seconds).
    pub as_of: i64,
    pub state: RunState,
    pub worker: Option<String>,
    pub lease_until: Option<i64>,
    pub attempts: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub pages: Option<i64>,
    pub error: Option<String>,
    /// The engine's `scores` section (JSON), when the run had one.
    pub scores: Option<String>,
    /// The availability verdict over the week before `as_of` (JSON).
    pub availability: Option<String>,
    pub warc_path: Option<String>,
}

/// A stored finding.
#[derive(Debug, Clone)]
pub struct FindingRow {
    pub run_id: i64,
    pub fingerprint: String,
    /// The finding as the common model's JSON.
    pub finding: String,
}

/// One homepage probe.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeRow {
    pub site_id: i64,
    /// When (Unix seconds; the probe's clock, injectable).
    pub at: i64,
    pub url: String,
    pub status: Option<i64>,
    pub ttfb_ms: Option<i64>,
    pub total_ms: Option<i64>,
    /// Loaded completely, with a status below 400, within the probe timeout.
    pub ok: bool,
    pub error: Option<String>,
}

/// What a finished run writes besides its findings.
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    pub state: Option<RunState>,
    pub finished_at: i64,
    pub pages: Option<i64>,
    pub error: Option<String>,
    pub scores: Option<String>,
    pub availability: Option<String>,
    pub sections: Option<String>,
    pub warc_path: Option<String>,
}

/// The store.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    data_dir: PathBuf,
}

const RUN_COLUMNS: &str = "id, site_id, slot, as_of, state, worker, lease_until, attempts, \
    started_at, finished_at, pages, error, scores, availability, warc_path";

impl Store {
    /// Opens (and creates, for SQLite) the store at `db` and brings its schema up to date.
    /// `db` is `postgres://...`, `sqlite:PATH`, or a file path (SQLite). WARC files go under
    /// `data_dir`, by default `PATH.data/` next to a SQLite file, `govaudit-monitor-data/`
    /// for PostgreSQL.
    pub async fn open(db: &str, data_dir: Option<PathBuf>) -> Result<Store, MonitorError> {
        sqlx::any::install_default_drivers();
        let (backend, url, default_dir) = locate(db);
        let is_sqlite = backend == Backend::Sqlite;
        let pool = AnyPoolOptions::new()
            .max_connections(if is_sqlite { 4 } else { 8 })
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if is_sqlite {
                        // Writers wait for each other rather than fail at once.
                        connection.execute("PRAGMA busy_timeout = 30000").await?;
                        connection.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        if is_sqlite {
            // Readers do not block the writer (persistent in the file).
            sqlx::query("PRAGMA journal_mode = WAL")
                .fetch_optional(&pool)
                .await?;
        }
        let migrations = match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        let migrator = migrator(migrations);
        if let Err(first) = migrator.run(&pool).await {
            // Two processes opening a new SQLite file at once both try the first migration;
            // the loser sees the winner's tables. Once more, it finds them applied.
            if !is_sqlite {
                return Err(first.into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            migrator.run(&pool).await?;
        }
        Ok(Store {
            pool,
            backend,
            data_dir: data_dir.unwrap_or(default_dir),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where WARC files are kept.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Closes the connections.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Adds a site or updates its URL and configuration; returns its id.
    pub async fn upsert_site(&self, site: &SiteConfig, now: i64) -> Result<i64, MonitorError> {
        let config = serde_json::to_string(site)?;
        let row = sqlx::query(
            "INSERT INTO sites (name, url, host, config, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (name) DO UPDATE SET url = excluded.url, host = excluded.host, \
             config = excluded.config, updated_at = excluded.updated_at RETURNING id",
        )
        .bind(&site.name)
        .bind(site.url.as_str())
        .bind(site.host_key())
        .bind(config)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("id")?)
    }

    /// Every site, by name.
    pub async fn sites(&self) -> Result<Vec<SiteRow>, MonitorError> {
        let rows = sqlx::query("SELECT id, name, url, host, config FROM sites ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(site_row).collect()
    }

    /// The site called `name`.
    pub async fn site(&self, name: &str) -> Result<SiteRow, MonitorError> {
        let row = sqlx::query("SELECT id, name, url, host, config FROM sites WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => site_row(&row),
            None => Err(MonitorError::UnknownSite(name.to_owned())),
        }
    }

    /// The site with this id.
    pub async fn site_by_id(&self, id: i64) -> Result<SiteRow, MonitorError> {
        let row = sqlx::query("SELECT id, name, url, host, config FROM sites WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => site_row(&row),
            None => Err(MonitorError::UnknownSite(format!("#{id}"))),
        }
    }

    /// Queues a run of `site_id` for `slot` unless one exists; returns whether it was queued.
    pub async fn queue_run(
        &self,
        site_id: i64,
        slot: i64,
        as_of: i64,
        now: i64,
    ) -> Result<bool, MonitorError> {
        let result = sqlx::query(
            "INSERT INTO runs (site_id, slot, as_of, state, attempts, queued_at) \
             VALUES ($1, $2, $3, 'queued', 0, $4) ON CONFLICT (site_id, slot) DO NOTHING",
        )
        .bind(site_id)
        .bind(slot)
        .bind(as_of)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Gives up on runs whose lease expired after `max_attempts` claims (state `failed`).
    pub async fn give_up_stale(&self, now: i64, max_attempts: i64) -> Result<u64, MonitorError> {
        let result = sqlx::query(
            "UPDATE runs SET state = 'failed', error = 'abandoned: its worker stopped too many times', \
             finished_at = $1, lease_until = NULL \
             WHERE state = 'running' AND lease_until < $1 AND attempts >= $2",
        )
        .bind(now)
        .bind(max_attempts)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected())
    }

    /// Claims one due run for `worker` until `lease_until`: a queued run, or a running one whose
    /// lease expired (its worker died), never one on a host another run is busy with.
    ///
    /// The "no other running run on this host" test reads other claims, so claims must not
    /// overlap: two at once under READ COMMITTED both see the host idle and both win. SQLite
    /// runs one writer at a time; on PostgreSQL the claim's transaction first takes the
    /// transaction-scoped advisory lock `CLAIM_LOCK_KEY`, so the claim statement runs (and
    /// takes its snapshot) only after the previous claim has committed. A claim is one short
    /// statement, so a fleet serialised on it loses nothing measurable.
    pub async fn claim(
        &self,
        worker: &str,
        now: i64,
        lease_until: i64,
        max_attempts: i64,
    ) -> Result<Option<RunRow>, MonitorError> {
        let lock = match self.backend {
            Backend::Postgres => "FOR UPDATE OF r SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE runs SET state = 'running', worker = $1, lease_until = $2, \
             attempts = attempts + 1, started_at = $3 \
             WHERE id = (SELECT r.id FROM runs r JOIN sites s ON s.id = r.site_id \
               WHERE (r.state = 'queued' OR (r.state = 'running' AND r.lease_until < $3)) \
               AND r.attempts < $4 \
               AND s.host NOT IN (SELECT s2.host FROM runs r2 JOIN sites s2 ON s2.id = r2.site_id \
                 WHERE r2.state = 'running' AND r2.lease_until >= $3) \
               ORDER BY r.slot, r.id LIMIT 1 {lock}) \
             RETURNING {RUN_COLUMNS}"
        );
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            // `pg_advisory_xact_lock` returns `void`, which the `Any` driver cannot decode.
            sqlx::query("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock($1)) AS claim_lock")
                .bind(CLAIM_LOCK_KEY)
                .fetch_one(&mut *tx)
                .await?;
        }
        let row = sqlx::query(&sql)
            .bind(worker)
            .bind(lease_until)
            .bind(now)
            .bind(max_attempts)
            .fetch_optional(&mut *tx)
            .await?;
        tx.commit().await?;
        row.as_ref().map(run_row).transpose()
    }

    /// Extends `worker`'s lease on a run; false when the lease is no longer its own.
    pub async fn heartbeat(
        &self,
        run_id: i64,
        worker: &str,
        lease_until: i64,
    ) -> Result<bool, MonitorError> {
        let result = sqlx::query(
            "UPDATE runs SET lease_until = $1 WHERE id = $2 AND worker = $3 AND state = 'running'",
        )
        .bind(lease_until)
        .bind(run_id)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Writes a finished run and its findings in one transaction, only while `worker` still
    /// holds the run's lease; returns false (and writes nothing) when it does not.
    pub async fn finish(
        &self,
        run_id: i64,
        worker: &str,
        result: &RunResult,
        findings: &[(String, &Finding)],
    ) -> Result<bool, MonitorError> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE runs SET state = $1, finished_at = $2, pages = $3, error = $4, scores = $5, \
             availability = $6, sections = $7, warc_path = $8, lease_until = NULL \
             WHERE id = $9 AND worker = $10 AND state = 'running'",
        )
        .bind(result.state.unwrap_or(RunState::Done).as_str())
        .bind(result.finished_at)
        .bind(result.pages)
        .bind(result.error.as_deref())
        .bind(result.scores.as_deref())
        .bind(result.availability.as_deref())
        .bind(result.sections.as_deref())
        .bind(result.warc_path.as_deref())
        .bind(run_id)
        .bind(worker)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        // Many rows per statement (PostgreSQL allows 65,535 parameters; SQLite 32,766).
        const ROWS: usize = 200;
        for chunk in findings.chunks(ROWS) {
            let mut sql = String::from(
                "INSERT INTO findings (run_id, fingerprint, rule, severity, url, finding) VALUES ",
            );
            for i in 0..chunk.len() {
                let n = i * 6;
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5,
                    n + 6
                ));
            }
            let mut query = sqlx::query(&sql);
            for (fingerprint, finding) in chunk {
                query = query
                    .bind(run_id)
                    .bind(fingerprint.as_str())
                    .bind(finding.rule.as_str())
                    .bind(finding.severity.as_str())
                    .bind(finding.url.as_str())
                    .bind(serde_json::to_string(finding)?);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Stores the external link targets of a finished run (replacing any stored before: a run
    /// is recorded once).
    pub async fn record_outbound(
        &self,
        run_id: i64,
        targets: &[OutboundRow],
    ) -> Result<(), MonitorError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM outbound_targets WHERE run_id = $1")
            .bind(run_id)
            .execute(&mut *tx)
            .await?;
        // Many rows per statement, as for findings.
        const ROWS: usize = 200;
        const COLUMNS: usize = 11;
        for chunk in targets.chunks(ROWS) {
            let mut sql = String::from(
                "INSERT INTO outbound_targets (run_id, url, final_url, final_host, title, page, \
                 line, selector, known_final_url, known_final_host, known_title) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                let params: Vec<String> = (1..=COLUMNS)
                    .map(|c| format!("${}", i * COLUMNS + c))
                    .collect();
                sql.push_str(&format!("({})", params.join(", ")));
            }
            let mut query = sqlx::query(&sql);
            for OutboundRow { seen, known } in chunk {
                query = query
                    .bind(run_id)
                    .bind(seen.url.as_str())
                    .bind(seen.final_url.as_str())
                    .bind(seen.final_host.as_str())
                    .bind(seen.title.as_deref())
                    .bind(seen.page.as_str())
                    .bind(seen.line.map(i64::from))
                    .bind(seen.selector.as_deref())
                    .bind(known.as_ref().map(|k| k.final_url.as_str()))
                    .bind(known.as_ref().map(|k| k.final_host.as_str()))
                    .bind(known.as_ref().and_then(|k| k.title.as_deref()));
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The external link targets stored for a run, in the order they were recorded.
    pub async fn outbound_of(&self, run_id: i64) -> Result<Vec<OutboundRow>, MonitorError> {
        let rows = sqlx::query(
            "SELECT url, final_url, final_host, title, page, line, selector, known_final_url, \
             known_final_host, known_title FROM outbound_targets WHERE run_id = $1 ORDER BY id",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let seen = OutboundRecord {
                    url: row.try_get("url")?,
                    final_url: row.try_get("final_url")?,
                    final_host: row.try_get("final_host")?,
                    title: row.try_get("title")?,
                    page: row.try_get("page")?,
                    line: row
                        .try_get::<Option<i64>, _>("line")?
                        .and_then(|line| u32::try_from(line).ok()),
                    selector: row.try_get("selector")?,
                };
                let known = match row.try_get::<Option<String>, _>("known_final_url")? {
                    Some(final_url) => Some(OutboundRecord {
                        final_url,
                        final_host: row
                            .try_get::<Option<String>, _>("known_final_host")?
                            .unwrap_or_default(),
                        title: row.try_get("known_title")?,
                        ..seen.clone()
                    }),
                    None => None,
                };
                Ok(OutboundRow { seen, known })
            })
            .collect()
    }

    /// One run by id.
    pub async fn run(&self, run_id: i64) -> Result<Option<RunRow>, MonitorError> {
        let row = sqlx::query(&format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = $1"))
            .bind(run_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(run_row).transpose()
    }

    /// A site's runs in every state, oldest first.
    pub async fn runs_of(&self, site_id: i64) -> Result<Vec<RunRow>, MonitorError> {
        let rows = sqlx::query(&format!(
            "SELECT {RUN_COLUMNS} FROM runs WHERE site_id = $1 ORDER BY as_of, id"
        ))
        .bind(site_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(run_row).collect()
    }

    /// The latest finished (`done`) run of a site whose clock is before `before`.
    pub async fn last_done_before(
        &self,
        site_id: i64,
        before: i64,
    ) -> Result<Option<RunRow>, MonitorError> {
        let row = sqlx::query(&format!(
            "SELECT {RUN_COLUMNS} FROM runs WHERE site_id = $1 AND state = 'done' AND as_of < $2 \
             ORDER BY as_of DESC, id DESC LIMIT 1"
        ))
        .bind(site_id)
        .bind(before)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(run_row).transpose()
    }

    /// Runs in every state of every site, counted by state.
    pub async fn count_runs(&self, state: RunState) -> Result<i64, MonitorError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM runs WHERE state = $1")
            .bind(state.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// A run's findings.
    pub async fn findings_of(&self, run_id: i64) -> Result<Vec<FindingRow>, MonitorError> {
        let rows = sqlx::query(
            "SELECT run_id, fingerprint, finding FROM findings WHERE run_id = $1 ORDER BY id",
        )
        .bind(run_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FindingRow {
                    run_id: row.try_get("run_id")?,
                    fingerprint: row.try_get("fingerprint")?,
                    finding: row.try_get("finding")?,
                })
            })
            .collect()
    }

    /// When each fingerprint was first seen in a finished run of the site (Unix seconds).
    pub async fn first_seen(&self, site_id: i64) -> Result<HashMap<String, i64>, MonitorError> {
        let rows = sqlx::query(
            "SELECT f.fingerprint AS fingerprint, MIN(r.as_of) AS first FROM findings f \
             JOIN runs r ON r.id = f.run_id WHERE r.site_id = $1 AND r.state = 'done' \
             GROUP BY f.fingerprint",
        )
        .bind(site_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("fingerprint")?, row.try_get("first")?)))
            .collect()
    }

    /// Stores a probe.
    pub async fn add_probe(&self, probe: &ProbeRow) -> Result<(), MonitorError> {
        sqlx::query(
            "INSERT INTO probes (site_id, at, url, status, ttfb_ms, total_ms, ok, error) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(probe.site_id)
        .bind(probe.at)
        .bind(probe.url.as_str())
        .bind(probe.status)
        .bind(probe.ttfb_ms)
        .bind(probe.total_ms)
        .bind(i64::from(probe.ok))
        .bind(probe.error.as_deref())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A site's probes with `from <= at < to`, oldest first.
    pub async fn probes(
        &self,
        site_id: i64,
        from: i64,
        to: i64,
    ) -> Result<Vec<ProbeRow>, MonitorError> {
        let rows = sqlx::query(
            "SELECT site_id, at, url, status, ttfb_ms, total_ms, ok, error FROM probes \
             WHERE site_id = $1 AND at >= $2 AND at < $3 ORDER BY at, id",
        )
        .bind(site_id)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(probe_row).collect()
    }

    /// Takes the named lock for `holder` until `until`, if it is free, expired, or already
    /// `holder`'s. Returns the current holder and expiry when it is not.
    pub async fn try_lock(
        &self,
        name: &str,
        holder: &str,
        now: i64,
        until: i64,
    ) -> Result<Result<(), (String, i64)>, MonitorError> {
        let result = sqlx::query(
            "INSERT INTO locks (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
             expires_at = excluded.expires_at \
             WHERE locks.expires_at < $4 OR locks.holder = excluded.holder",
        )
        .bind(name)
        .bind(holder)
        .bind(until)
        .bind(now)
        .execute(&self.pool)
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Ok(()));
        }
        let row = sqlx::query("SELECT holder, expires_at FROM locks WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        Ok(Err(match row {
            Some(row) => (row.try_get("holder")?, row.try_get("expires_at")?),
            None => (String::new(), now),
        }))
    }

    /// Releases the named lock if `holder` has it.
    pub async fn unlock(&self, name: &str, holder: &str) -> Result<(), MonitorError> {
        sqlx::query("DELETE FROM locks WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes finished runs (with their findings) whose clock is before `before`, and probes
    /// older than it, in one transaction; returns the deleted runs' WARC paths (the caller
    /// removes the files once the rows are gone).
    pub async fn prune(&self, before: i64) -> Result<Vec<String>, MonitorError> {
        let mut tx = self.pool.begin().await?;
        let warcs = sqlx::query(
            "SELECT warc_path FROM runs WHERE as_of < $1 AND state IN ('done', 'failed') \
             AND warc_path IS NOT NULL",
        )
        .bind(before)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get::<String, _>("warc_path"))
        .collect::<Result<Vec<_>, _>>()?;
        sqlx::query(
            "DELETE FROM findings WHERE run_id IN (SELECT id FROM runs WHERE as_of < $1 \
             AND state IN ('done', 'failed'))",
        )
        .bind(before)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM outbound_targets WHERE run_id IN (SELECT id FROM runs WHERE as_of < $1 \
             AND state IN ('done', 'failed'))",
        )
        .bind(before)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM runs WHERE as_of < $1 AND state IN ('done', 'failed')")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM probes WHERE at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(warcs)
    }

    /// Streams every row of a table for export, as JSON objects, oldest first.
    pub(crate) async fn export_rows(
        &self,
        kind: ExportKind,
        out: &mut dyn FnMut(serde_json::Value) -> Result<(), MonitorError>,
    ) -> Result<(), MonitorError> {
        use futures_util::TryStreamExt as _;
        let sql = match kind {
            ExportKind::Runs => format!(
                "SELECT s.name AS site, {} FROM runs r JOIN sites s ON s.id = r.site_id \
                 ORDER BY r.id",
                RUN_COLUMNS
                    .split(", ")
                    .map(|c| format!("r.{c} AS {c}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ExportKind::Findings => "SELECT s.name AS site, f.run_id AS run_id, \
                 f.fingerprint AS fingerprint, f.finding AS finding FROM findings f \
                 JOIN runs r ON r.id = f.run_id JOIN sites s ON s.id = r.site_id ORDER BY f.id"
                .to_owned(),
            ExportKind::Probes => "SELECT s.name AS site, p.site_id AS site_id, p.at AS at, \
                 p.url AS url, p.status AS status, p.ttfb_ms AS ttfb_ms, p.total_ms AS total_ms, \
                 p.ok AS ok, p.error AS error FROM probes p JOIN sites s ON s.id = p.site_id \
                 ORDER BY p.id"
                .to_owned(),
        };
        let mut rows = sqlx::query(&sql).fetch(&self.pool);
        while let Some(row) = rows.try_next().await? {
            let site: String = row.try_get("site")?;
            let value = match kind {
                ExportKind::Runs => crate::export::run_json(&site, &run_row(&row)?)?,
                ExportKind::Findings => crate::export::finding_json(
                    &site,
                    &FindingRow {
                        run_id: row.try_get("run_id")?,
                        fingerprint: row.try_get("fingerprint")?,
                        finding: row.try_get("finding")?,
                    },
                )?,
                ExportKind::Probes => crate::export::probe_json(&site, &probe_row(&row)?),
            };
            out(value)?;
        }
        Ok(())
    }

    /// Raw access for the history generator (many rows in few transactions).
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

/// The three kinds of exported rows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ExportKind {
    Runs,
    Findings,
    Probes,
}

fn migrator(migrations: &[(i64, &'static str, &'static str)]) -> Migrator {
    Migrator {
        migrations: Cow::Owned(
            migrations
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*description),
                        MigrationType::Simple,
                        Cow::Borrowed(*sql),
                        false,
                    )
                })
                .collect(),
        ),
        ..Migrator::DEFAULT
    }
}

/// The backend, connection URL and default data directory of a `--db` argument.
fn locate(db: &str) -> (Backend, String, PathBuf) {
    let lower = db.to_ascii_lowercase();
    if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
        return (
            Backend::Postgres,
            db.to_owned(),
            PathBuf::from("govaudit-monitor-data"),
        );
    }
    let path = db
        .strip_prefix("sqlite://")
        .or_else(|| db.strip_prefix("sqlite:"))
        .unwrap_or(db);
    let path = path.split('?').next().unwrap_or(path);
    // The path part of sqlx's SQLite URL is percent-decoded: keep `%`, `?` and `#` literal.
    let encoded: String = path
        .chars()
        .map(|c| match c {
            '%' => "%25".to_owned(),
            '?' => "%3F".to_owned(),
            '#' => "%23".to_owned(),
            c => c.to_string(),
        })
        .collect();
    (
        Backend::Sqlite,
        format!("sqlite://{encoded}?mode=rwc"),
        PathBuf::from(format!("{path}.data")),
    )
}

fn site_row(row: &AnyRow) -> Result<SiteRow, MonitorError> {
    Ok(SiteRow {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        url: row.try_get("url")?,
        host: row.try_get("host")?,
        config: row.try_get("config")?,
    })
}

fn run_row(row: &AnyRow) -> Result<RunRow, MonitorError> {
    Ok(RunRow {
        id: row.try_get("id")?,
        site_id: row.try_get("site_id")?,
        slot: row.try_get("slot")?,
        as_of: row.try_get("as_of")?,
        state: RunState::parse(&row.try_get::<String, _>("state")?),
        worker: row.try_get("worker")?,
        lease_until: row.try_get("lease_until")?,
        attempts: row.try_get("attempts")?,
        started_at: row.try_get("started_at")?,
        finished_at: row.try_get("finished_at")?,
        pages: row.try_get("pages")?,
        error: row.try_get("error")?,
        scores: row.try_get("scores")?,
        availability: row.try_get("availability")?,
        warc_path: row.try_get("warc_path")?,
    })
}

fn probe_row(row: &AnyRow) -> Result<ProbeRow, MonitorError> {
    Ok(ProbeRow {
        site_id: row.try_get("site_id")?,
        at: row.try_get("at")?,
        url: row.try_get("url")?,
        status: row.try_get("status")?,
        ttfb_ms: row.try_get("ttfb_ms")?,
        total_ms: row.try_get("total_ms")?,
        ok: row.try_get::<i64, _>("ok")? != 0,
        error: row.try_get("error")?,
    })
}

/// Creates a database named `name` (letters, digits, `_`) on the PostgreSQL server of
/// `admin_url` and returns the URL of the new database (tests give each its own).
pub async fn create_database(admin_url: &str, name: &str) -> Result<String, MonitorError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(MonitorError::Url(format!(
            "{name:?}: a database name here is lower-case letters, digits and _"
        )));
    }
    sqlx::any::install_default_drivers();
    let mut url = url::Url::parse(admin_url).map_err(|e| MonitorError::Url(e.to_string()))?;
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(admin_url)
        .await?;
    pool.execute(format!("CREATE DATABASE {name}").as_str())
        .await?;
    pool.close().await;
    url.set_path(&format!("/{name}"));
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_arguments_name_their_backend() {
        let (backend, url, dir) = locate("/tmp/a b%.sqlite");
        assert_eq!(backend, Backend::Sqlite);
        assert_eq!(url, "sqlite:///tmp/a b%25.sqlite?mode=rwc");
        assert_eq!(dir, PathBuf::from("/tmp/a b%.sqlite.data"));
        assert_eq!(locate("sqlite:x.db").0, Backend::Sqlite);
        assert_eq!(locate("postgres://u@h/db").0, Backend::Postgres);
        assert_eq!(locate("PostgreSQL://u@h/db").0, Backend::Postgres);
    }
}
