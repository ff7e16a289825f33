//! Indicator scoring: a run's findings measured against a scoring profile (the 2019 Chinese
//! government website indicators, M-23-22 required elements, the EU accessibility statement,
//! or a score per area), giving a verdict, a score per indicator, the evidence behind each and
//! how each number was computed.

mod model;

pub use model::{
    AvailabilityVerdict, EVIDENCE_CAP, EvidenceRef, Group, IndicatorScore, IndicatorState, Points,
    Scorecard, Verdict, Verification,
};
