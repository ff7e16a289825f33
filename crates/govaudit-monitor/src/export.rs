//! `monitor export --format jsonl`: the history, one JSON object per line, each with a
//! `type` (`run`, `finding`, `probe`).

use crate::store::{ExportKind, FindingRow, ProbeRow, RunRow, Store};
use crate::{MonitorError, format_time};
use serde_json::{Value, json};
use std::io::Write;

/// Writes every run, then every finding, then every probe, one JSON object per line.
pub async fn export_jsonl(store: &Store, out: &mut dyn Write) -> Result<(), MonitorError> {
    for kind in [ExportKind::Runs, ExportKind::Findings, ExportKind::Probes] {
        store
            .export_rows(kind, &mut |value| {
                let mut line = serde_json::to_vec(&value)?;
                line.push(b'\n');
                out.write_all(&line).map_err(|e| MonitorError::Write {
                    path: "the output".into(),
                    reason: e.to_string(),
                })
            })
            .await?;
    }
    Ok(())
}

fn parse_json(text: Option<&str>) -> Result<Value, MonitorError> {
    Ok(match text {
        Some(text) => serde_json::from_str(text)?,
        None => Value::Null,
    })
}

pub(crate) fn run_json(site: &str, run: &RunRow) -> Result<Value, MonitorError> {
    Ok(json!({
        "type": "run",
        "id": run.id,
        "site": site,
        "slot": format_time(run.slot),
        "as_of": format_time(run.as_of),
        "state": run.state.as_str(),
        "attempts": run.attempts,
        "worker": run.worker,
        "started_at": run.started_at.map(format_time),
        "finished_at": run.finished_at.map(format_time),
        "pages": run.pages,
        "error": run.error,
        "scores": parse_json(run.scores.as_deref())?,
        "availability": parse_json(run.availability.as_deref())?,
        "warc": run.warc_path,
    }))
}

pub(crate) fn finding_json(site: &str, row: &FindingRow) -> Result<Value, MonitorError> {
    Ok(json!({
        "type": "finding",
        "site": site,
        "run": row.run_id,
        "fingerprint": row.fingerprint,
        "finding": serde_json::from_str::<Value>(&row.finding)?,
    }))
}

pub(crate) fn probe_json(site: &str, probe: &ProbeRow) -> Value {
    json!({
        "type": "probe",
        "site": site,
        "at": format_time(probe.at),
        "url": probe.url,
        "status": probe.status,
        "ttfb_ms": probe.ttfb_ms,
        "total_ms": probe.total_ms,
        "ok": probe.ok,
        "error": probe.error,
    })
}
