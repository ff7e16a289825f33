//! The availability verdict from homepage probes: the 站点无法访问 veto of the 2019 national
//! website indicators (国办秘函〔2019〕19号), and its deduction variant (首页可用性).
//!
//! The rule, word for word: "监测1周,每天间隔性访问20次以上,超过(含)15秒网站仍打不开的次数累计
//! 占比超过(含)5%,即单项否决" — a week of probes, more than 20 a day at intervals; a homepage
//! that has not loaded after 15 s counts as a failure; a failure ratio of 5% or more vetoes.
//! The deduction variant reports the same failure ratio over the week; its points are not in
//! any verified source, so it is reported as a ratio, labelled an estimate.

use serde::Serialize;

/// Days of probes the verdict looks at.
pub const WINDOW_DAYS: i64 = 7;
/// Probes a day the rule asks for.
pub const MIN_PROBES_PER_DAY: usize = 20;
/// A load not complete within this many seconds is a failure.
pub const PROBE_TIMEOUT_SECS: u64 = 15;
/// Failure ratio at or above which the site is vetoed.
pub const VETO_RATIO: f64 = 0.05;

/// One probe as the verdict sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProbeSample {
    /// When (Unix seconds).
    pub at: i64,
    /// Loaded completely within the timeout, with a status below 400.
    pub ok: bool,
}

/// The verdict over the week before a moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Availability {
    /// The window: `[from, to)`, Unix seconds.
    pub from: i64,
    pub to: i64,
    pub probes: usize,
    pub failures: usize,
    /// failures / probes; 0 when there are no probes.
    pub fail_ratio: f64,
    /// Probes per 24 hours of the window, oldest first (7 entries).
    pub per_day: Vec<DayCount>,
    /// Every day of the window has at least 20 probes: the measurement meets the rule.
    pub complete: bool,
    /// `veto` (failure ratio at or above 5%), `pass` (below, with a complete week), or
    /// `insufficient` (below, but fewer probes than the rule asks for).
    pub verdict: &'static str,
    /// The deduction variant: the share of probes that loaded, 0–100 (an estimate; the
    /// official points are not known).
    pub score: f64,
}

/// Probes of one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayCount {
    /// Start of the 24 hours (Unix seconds).
    pub day: i64,
    pub probes: usize,
    pub failures: usize,
}

/// The verdict from `probes` over the 7 days before `as_of` (probes outside are ignored).
pub fn availability(probes: &[ProbeSample], as_of: i64) -> Availability {
    const DAY: i64 = 86_400;
    let to = as_of;
    let from = as_of - WINDOW_DAYS * DAY;
    // Seven 24-hour buckets ending at `as_of`, so a week measured at any hour has 7 full days.
    let mut per_day: Vec<DayCount> = (0..WINDOW_DAYS)
        .map(|i| DayCount {
            day: from + i * DAY,
            probes: 0,
            failures: 0,
        })
        .collect();
    let (mut total, mut failures) = (0usize, 0usize);
    for probe in probes.iter().filter(|p| p.at >= from && p.at < to) {
        total += 1;
        failures += usize::from(!probe.ok);
        if let Some(count) = usize::try_from((probe.at - from) / DAY)
            .ok()
            .and_then(|i| per_day.get_mut(i))
        {
            count.probes += 1;
            count.failures += usize::from(!probe.ok);
        }
    }
    let fail_ratio = if total == 0 {
        0.0
    } else {
        failures as f64 / total as f64
    };
    let complete = per_day.iter().all(|d| d.probes >= MIN_PROBES_PER_DAY);
    let verdict = if total > 0 && fail_ratio >= VETO_RATIO {
        "veto"
    } else if complete {
        "pass"
    } else {
        "insufficient"
    };
    Availability {
        from,
        to,
        probes: total,
        failures,
        fail_ratio,
        per_day,
        complete,
        verdict,
        score: if total == 0 {
            0.0
        } else {
            ((1.0 - fail_ratio) * 1000.0).round() / 10.0
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    /// `per_day` probes a day for 7 days before `as_of`, `failing` of them failed in total.
    fn week(as_of: i64, per_day: i64, failing: usize) -> Vec<ProbeSample> {
        let step = DAY / per_day;
        let mut probes: Vec<ProbeSample> = (1..=7 * per_day)
            .map(|i| ProbeSample {
                at: as_of - i * step,
                ok: true,
            })
            .collect();
        for probe in probes.iter_mut().take(failing) {
            probe.ok = false;
        }
        probes
    }

    #[test]
    fn a_clean_complete_week_passes() {
        let as_of = 100 * DAY;
        let verdict = availability(&week(as_of, 24, 0), as_of);
        assert_eq!(verdict.probes, 168);
        assert!(verdict.complete);
        assert_eq!(verdict.verdict, "pass");
        assert_eq!(verdict.score, 100.0);
    }

    #[test]
    fn five_percent_failures_veto_and_just_under_does_not() {
        let as_of = 100 * DAY;
        // 168 probes: 9 failures = 5.36% (veto); 8 = 4.76% (pass).
        let veto = availability(&week(as_of, 24, 9), as_of);
        assert_eq!(veto.verdict, "veto");
        assert_eq!(veto.failures, 9);
        let pass = availability(&week(as_of, 24, 8), as_of);
        assert_eq!(pass.verdict, "pass");
        assert!((pass.fail_ratio - 8.0 / 168.0).abs() < 1e-9);
        assert_eq!(pass.score, 95.2);
        // Exactly 5% vetoes ("超过(含)5%": at or above).
        let exact = availability(&week(as_of, 20, 7), as_of);
        assert_eq!(exact.fail_ratio, 0.05);
        assert_eq!(exact.verdict, "veto");
    }

    #[test]
    fn too_few_probes_are_insufficient_and_old_ones_ignored() {
        let as_of = 100 * DAY;
        let mut probes = week(as_of, 10, 0);
        probes.push(ProbeSample {
            at: as_of - 30 * DAY,
            ok: false,
        });
        let verdict = availability(&probes, as_of);
        assert_eq!(verdict.probes, 70);
        assert_eq!(verdict.failures, 0);
        assert_eq!(verdict.verdict, "insufficient");
        assert_eq!(availability(&[], as_of).verdict, "insufficient");
    }
}
