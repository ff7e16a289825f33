//! What checking one target concluded, and the finding each conclusion gives for one occurrence.

use crate::extract::Link;
use crate::rules::{self, broken::BrokenReason};
use govaudit_core::{Finding, Redirect};

/// The result of checking a target (a file, or a URL over HTTP).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    Ok,
    Broken(BrokenReason),
    CaseMismatch {
        looked_for: String,
        actual: String,
    },
    BrokenFragment {
        fragment: String,
    },
    /// A working target reached through a permanent redirect.
    Redirect {
        final_url: String,
        redirects: Vec<Redirect>,
    },
    Unverifiable {
        reason: String,
        status: Option<u16>,
    },
    Soft404 {
        reason: String,
        final_url: String,
    },
}

impl Verdict {
    /// The finding for one occurrence of the link on the page `report_url`; `None` when fine.
    pub fn finding(&self, report_url: &str, link: &Link) -> Option<Finding> {
        Some(match self {
            Verdict::Ok => return None,
            Verdict::Broken(why) => rules::broken::report(report_url, link, why),
            Verdict::CaseMismatch { looked_for, actual } => {
                rules::case_mismatch::report(report_url, link, looked_for, actual)
            }
            Verdict::BrokenFragment { fragment } => {
                rules::broken_fragment::report(report_url, link, fragment)
            }
            Verdict::Redirect {
                final_url,
                redirects,
            } => rules::redirect::report(report_url, link, final_url, redirects),
            Verdict::Unverifiable { reason, status } => {
                rules::unverifiable::report(report_url, link, reason, *status)
            }
            Verdict::Soft404 { reason, final_url } => {
                rules::soft_404::report(report_url, link, reason, final_url)
            }
        })
    }
}
