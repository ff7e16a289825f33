//! A generated history for measuring the store: many sites, a run a day each, findings that
//! come and go (for `benches/README.md`; `govaudit monitor generate` is hidden).

use crate::store::Store;
use crate::{MonitorError, wall_clock};
use sqlx::Row as _;

/// Writes `sites` sites with one finished run a day for `days` days ending at `end` (Unix
/// seconds), `findings` findings per run drawn from a pool of twice as many per site, and 24
/// probes a day. Deterministic.
pub async fn generate(
    store: &Store,
    sites: usize,
    days: usize,
    findings: usize,
    end: i64,
) -> Result<(), MonitorError> {
    let pool = store.pool();
    let now = wall_clock();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut random = move || {
        // xorshift64: reproducible noise, no dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for s in 0..sites {
        let name = format!("gen-{s:04}");
        let url = format!("http://site{s}.example.gov.cn/");
        let config = serde_json::json!({"name": name, "url": url}).to_string();
        let row = sqlx::query(
            "INSERT INTO sites (name, url, host, config, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at RETURNING id",
        )
        .bind(&name)
        .bind(&url)
        .bind(format!("site{s}.example.gov.cn:80"))
        .bind(config)
        .bind(now)
        .fetch_one(pool)
        .await?;
        let site_id: i64 = row.try_get("id")?;
        let mut tx = pool.begin().await?;
        for d in 0..days {
            let as_of = end - (days - d) as i64 * 86_400;
            let slot = as_of.div_euclid(86_400) * 86_400;
            let availability = serde_json::json!({"score": 100.0 - (random() % 5) as f64,
                "verdict": "pass"})
            .to_string();
            let run = sqlx::query(
                "INSERT INTO runs (site_id, slot, as_of, state, attempts, queued_at, started_at, \
                 finished_at, pages, availability) VALUES ($1, $2, $3, 'done', 1, $3, $3, $3, 50, $4) \
                 ON CONFLICT (site_id, slot) DO NOTHING RETURNING id",
            )
            .bind(site_id)
            .bind(slot)
            .bind(as_of)
            .bind(availability)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(run) = run else { continue };
            let run_id: i64 = run.try_get("id")?;
            let mut sql = String::from(
                "INSERT INTO findings (run_id, fingerprint, rule, severity, url, finding) VALUES ",
            );
            let mut rows = Vec::new();
            for f in 0..findings {
                // Mostly the same problems day after day, a few replaced.
                let problem = if random() % 10 == 0 {
                    findings + (random() as usize % findings.max(1))
                } else {
                    f
                };
                rows.push(problem);
            }
            for (i, _) in rows.iter().enumerate() {
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
            if rows.is_empty() {
                continue;
            }
            let mut query = sqlx::query(&sql);
            for problem in rows {
                let page = format!("{url}page{}.html", problem % 7);
                let finding = serde_json::json!({
                    "rule": "links/broken", "outcome": "fail", "severity": "serious",
                    "message": format!("broken link {problem}"), "url": page,
                    "location": {"selector": format!("a:nth-child({problem})")}
                });
                query = query
                    .bind(run_id)
                    .bind(format!("{site_id:x}-{problem:x}"))
                    .bind("links/broken")
                    .bind("serious")
                    .bind(page)
                    .bind(finding.to_string());
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    Ok(())
}
