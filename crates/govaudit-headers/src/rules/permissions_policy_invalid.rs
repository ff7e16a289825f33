use super::Context;
use crate::parse::PermissionsPolicy;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `Permissions-Policy` that is not an RFC 8941 dictionary (browsers then ignore the whole header), and features allowed to every origin (`feature=*`).
    ///
    /// ## Why it matters
    /// An unparseable policy restricts nothing; `*` hands powerful features to every embedded site.
    ///
    /// ## How to fix
    /// Write it as a structured dictionary, e.g. `geolocation=(), camera=(), microphone=()`.
    pub PERMISSIONS_POLICY_INVALID = {
        id: "headers/permissions-policy-invalid",
        severity: Severity::Low,
        standards: ["CWE-16"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let Some(value) = cx.header("permissions-policy") else {
        return;
    };
    match PermissionsPolicy::parse(&value) {
        Err(e) => {
            out.fail(
                &PERMISSIONS_POLICY_INVALID,
                Location::header("Permissions-Policy"),
                format!("Permissions-Policy cannot be parsed ({e}); browsers ignore it."),
            )
            .evidence("value", &value);
        }
        Ok(p) => {
            let everywhere = p.allowed_everywhere();
            if !everywhere.is_empty() {
                out.fail(
                    &PERMISSIONS_POLICY_INVALID,
                    Location::header("Permissions-Policy"),
                    format!(
                        "Permissions-Policy allows {} to every origin.",
                        everywhere.join(", ")
                    ),
                )
                .evidence("value", &value)
                .evidence("features", &everywhere);
            }
        }
    }
}
