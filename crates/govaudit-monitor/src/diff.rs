//! What changed between two runs of a site: findings new, fixed and persisting, matched by
//! fingerprint (rule, page, and the element's selector or the header — never the line, so an
//! edit above a problem does not make it new).

use crate::store::{FindingRow, Store};
use crate::{MonitorError, RunRow};
use serde_json::{Value, json};
use std::collections::HashSet;

/// The contract of `monitor diff --format json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub site: String,
    /// The earlier run; `None`: no earlier run, so everything is new.
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub new: Vec<Value>,
    pub fixed: Vec<Value>,
    pub persisting: Vec<Value>,
}

impl Diff {
    /// `{"site", "from", "to", "new", "fixed", "persisting"}`.
    pub fn to_json(&self) -> Value {
        json!({
            "site": self.site,
            "from": self.from,
            "to": self.to,
            "new": self.new,
            "fixed": self.fixed,
            "persisting": self.persisting,
        })
    }
}

/// Splits two runs' findings into new, fixed and persisting (each finding as its common-model
/// JSON plus `fingerprint`). A fingerprint that occurs several times in a run is matched
/// count for count.
pub fn compare(
    site: &str,
    from: Option<(i64, &[FindingRow])>,
    to: Option<(i64, &[FindingRow])>,
) -> Result<Diff, MonitorError> {
    let before: &[FindingRow] = from.map_or(&[], |(_, rows)| rows);
    let after: &[FindingRow] = to.map_or(&[], |(_, rows)| rows);
    let mut unmatched_before: Vec<Option<&FindingRow>> = before.iter().map(Some).collect();
    let mut diff = Diff {
        site: site.to_owned(),
        from: from.map(|(id, _)| id),
        to: to.map(|(id, _)| id),
        new: Vec::new(),
        fixed: Vec::new(),
        persisting: Vec::new(),
    };
    let mut index: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, row) in before.iter().enumerate().rev() {
        index.entry(row.fingerprint.as_str()).or_default().push(i);
    }
    for row in after {
        let matched = index
            .get_mut(row.fingerprint.as_str())
            .and_then(|positions| positions.pop());
        match matched {
            Some(i) => {
                unmatched_before[i] = None;
                diff.persisting.push(with_fingerprint(row)?);
            }
            None => diff.new.push(with_fingerprint(row)?),
        }
    }
    for row in unmatched_before.into_iter().flatten() {
        diff.fixed.push(with_fingerprint(row)?);
    }
    Ok(diff)
}

/// The stored finding with its fingerprint added.
pub fn with_fingerprint(row: &FindingRow) -> Result<Value, MonitorError> {
    let mut value: Value = serde_json::from_str(&row.finding)?;
    if let Value::Object(map) = &mut value {
        map.insert("fingerprint".into(), Value::String(row.fingerprint.clone()));
    }
    Ok(value)
}

/// The diff of a site's latest finished run against the one before it, or against the last
/// finished run before `since` (Unix seconds).
pub async fn diff(store: &Store, site: &str, since: Option<i64>) -> Result<Diff, MonitorError> {
    let site_row = store.site(site).await?;
    let latest = store.last_done_before(site_row.id, i64::MAX).await?;
    let earlier: Option<RunRow> = match (&latest, since) {
        (None, _) => None,
        (Some(_), Some(since)) => store.last_done_before(site_row.id, since).await?,
        (Some(latest), None) => store.last_done_before(site_row.id, latest.as_of).await?,
    };
    let to_rows = match &latest {
        Some(run) => store.findings_of(run.id).await?,
        None => Vec::new(),
    };
    let from_rows = match &earlier {
        Some(run) => store.findings_of(run.id).await?,
        None => Vec::new(),
    };
    compare(
        site,
        earlier.as_ref().map(|r| (r.id, from_rows.as_slice())),
        latest.as_ref().map(|r| (r.id, to_rows.as_slice())),
    )
}

/// The distinct fingerprints of a diff's list (for tests and summaries).
pub fn fingerprints(findings: &[Value]) -> HashSet<String> {
    findings
        .iter()
        .filter_map(|f| f.get("fingerprint")?.as_str().map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(fingerprint: &str, rule: &str) -> FindingRow {
        FindingRow {
            run_id: 1,
            fingerprint: fingerprint.into(),
            finding: json!({"rule": rule, "url": "p"}).to_string(),
        }
    }

    #[test]
    fn findings_split_by_fingerprint() {
        let before = [row("a", "x"), row("b", "y"), row("b", "y")];
        let after = [row("b", "y"), row("c", "z")];
        let diff = compare("s", Some((1, &before)), Some((2, &after))).unwrap();
        assert_eq!(fingerprints(&diff.new), HashSet::from(["c".to_owned()]));
        assert_eq!(diff.persisting.len(), 1);
        // One "a" and the second "b" are gone.
        assert_eq!(diff.fixed.len(), 2);
        assert_eq!(diff.to_json()["from"], 1);
        assert_eq!(diff.new[0]["rule"], "z");
        assert_eq!(diff.new[0]["fingerprint"], "c");
    }

    #[test]
    fn with_no_earlier_run_everything_is_new() {
        let after = [row("a", "x")];
        let diff = compare("s", None, Some((7, &after))).unwrap();
        assert_eq!(diff.new.len(), 1);
        assert!(diff.fixed.is_empty() && diff.persisting.is_empty());
        assert_eq!(diff.to_json()["from"], Value::Null);
    }
}
