//! Scheduled audits of many sites for govaudit, and their history.
//!
//! A list of sites (`SITES.toml`, see [`SitesFile`]) is audited on a schedule with
//! [`govaudit_engine::audit`]; every run is stored with its findings (each with a fingerprint
//! that survives line shifts, so a problem is recognised across runs), the scores the run's
//! sections carry, the availability verdict computed from homepage probes, and the path of the
//! run's WARC recording. One [`Store`] interface has two backends: SQLite (embedded, the
//! default) and PostgreSQL (a fleet of workers claiming due sites with leases).
//!
//! The queue is the `runs` table itself: [`enqueue`] inserts one row per site and slot (a
//! unique `(site, slot)` pair, so a slot is never audited twice), [`work`] claims due rows with
//! a lease it renews while the audit runs, and writes the finished run in one transaction,
//! which only succeeds while the lease is still its own. A worker that dies leaves a `running`
//! row whose lease expires; the next worker claims it again.

pub mod availability;
mod config;
pub mod diff;
mod error;
pub mod export;
pub mod generate;
pub mod probe;
pub mod report;
mod store;
pub mod worker;

pub use availability::{Availability, ProbeSample, availability};
pub use config::{Schedule, SiteConfig, SitesFile, slot_of};
pub use error::MonitorError;
pub use store::{
    Backend, FindingRow, OutboundRow, ProbeRow, RunResult, RunRow, RunState, SiteRow, Store,
    create_database,
};
pub use worker::{WorkOptions, WorkSummary, enqueue, run_once, work};

/// Seconds since the Unix epoch, now (the real clock: leases and heartbeats use it, never the
/// run's injectable `as_of`).
pub fn wall_clock() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// Reads `YYYY-MM-DD` or an RFC 3339 timestamp as Unix seconds (UTC), as `--now` and `--since`
/// take them.
pub fn parse_time(text: &str) -> Result<i64, MonitorError> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
        return Ok(timestamp.as_second());
    }
    if let Ok(date) = text.parse::<jiff::civil::Date>() {
        let timestamp = jiff::tz::Offset::UTC
            .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
            .map_err(|e| MonitorError::Time(text.to_owned(), e.to_string()))?;
        return Ok(timestamp.as_second());
    }
    Err(MonitorError::Time(
        text.to_owned(),
        "expected YYYY-MM-DD or an RFC 3339 time such as 2026-12-08T06:00:00Z".into(),
    ))
}

/// Unix seconds as an RFC 3339 UTC time (`2026-12-08T06:00:00Z`).
pub fn format_time(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_else(|_| seconds.to_string())
}

/// Unix seconds as a UTC date (`2026-12-08`).
pub fn format_date(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds)
        .map(|t| jiff::tz::Offset::UTC.to_datetime(t).date().to_string())
        .unwrap_or_else(|_| seconds.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_both_forms() {
        assert_eq!(parse_time("1970-01-02").unwrap(), 86_400);
        assert_eq!(parse_time("1970-01-01T00:01:00Z").unwrap(), 60);
        assert!(parse_time("yesterday").is_err());
        assert_eq!(format_time(60), "1970-01-01T00:01:00Z");
        assert_eq!(format_date(86_400 + 5), "1970-01-02");
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
