//! The finding model every govaudit crate shares.
//!
//! A checking crate declares its rules with [`declare_rule!`] and lists them in its registry with
//! [`declare_registry!`], runs them over its input and records results in a [`Collector`]; the CLI and other programs gather those [`Finding`]s into a
//! [`Report`], whose JSON form (`"schema": "govaudit/1"`) is the stable contract described in
//! `docs/json-schema.md` and `schema/govaudit-1.schema.json`.
//!
//! ```
//! use govaudit_core::{declare_rule, Collector, Location, Severity};
//!
//! declare_rule! {
//!     /// Pages must have a title.
//!     pub PAGE_TITLE = {
//!         id: "a11y/document-title",
//!         severity: Severity::High,
//!         standards: ["WCAG22:2.4.2"],
//!         sources: [govaudit_core::Source::same("ACT:2779a5")],
//!     }
//! }
//!
//! let mut found = Collector::new("index.html");
//! found.fail(&PAGE_TITLE, Location::at_line(1), "The page has no <title>.");
//! let findings = found.into_findings();
//! assert_eq!(findings[0].rule, "a11y/document-title");
//! // WCAG 2.0 A and AA criteria bring Section 508's E205.4 with them.
//! assert_eq!(
//!     *findings[0].standards,
//!     ["WCAG22:2.4.2", "Section508:E205.4", "ACT:2779a5"]
//! );
//! ```

mod collector;
mod finding;
mod phrase;
mod registry;
mod report;
mod resource;
mod rule;
mod severity;
pub mod wcag;

pub use collector::{Applicability, Collector};
pub use finding::{Evidence, Finding, Location};
pub use phrase::{Phrase, PhraseArg};
pub use registry::Rule;
pub use report::{Note, Report, SCHEMA, Summary, Tool};
pub use resource::{HeaderField, Redirect, Resource};
pub use rule::{Fidelity, RuleCache, RuleMeta, Source, StandardRef, is_valid_rule_id};
pub use severity::{Outcome, ParseSeverityError, Severity};
