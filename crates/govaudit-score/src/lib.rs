//! Indicator scoring: a run's findings measured against a scoring profile (the 2019 Chinese
//! government website indicators, M-23-22 required elements, the EU accessibility statement,
//! or a score per area), giving a verdict, a score per indicator, the evidence behind each and
//! how each number was computed.
//!
//! Flow: [`Tally::new`] from a [`ScoringProfile`], fed each resource's findings as the run
//! streams them; then [`score`] with the run's [`RunFacts`] gives the [`Scorecard`].
//!
//! ```
//! use govaudit_score::{RunFacts, ScoringProfile, Tally, Verdict, score};
//!
//! let profile = ScoringProfile::builtin("cn-gov")?;
//! let mut tally = Tally::new(&profile, Some("site/index.html".into()));
//! tally.resource("site/index.html", &[]); // each page's findings as the run streams them
//! let card = score(&profile, &tally, &RunFacts::default());
//! // Nothing failed, but an offline run cannot decide every veto: a person must.
//! assert_eq!(card.verdict, Verdict::NeedsPerson);
//! assert_eq!(card.total, Some(100.0));
//! # Ok::<(), govaudit_score::ProfileError>(())
//! ```

mod compute;
mod model;
mod profile;
mod tally;

pub use compute::{RunFacts, score};
pub use model::{
    AvailabilityVerdict, EVIDENCE_CAP, EvidenceRef, Group, IndicatorScore, IndicatorState, Points,
    Scorecard, Verdict, Verification,
};
pub use profile::{
    BUILTIN_PROFILES, Indicator, Measure, Otherwise, PageScope, PointsSpec, ProfileError,
    ScoringHeader, ScoringProfile, name_id,
};
pub use tally::{AreaTally, MeasureTally, Tally, severity_weight};

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
