use super::Context;
use crate::parse::PermissionsPolicy;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `Permissions-Policy` features whose names no browser knows: not in the list Chromium ships (`permissions_policy_features.json5`, which holds the W3C/WICG features browsers implement), nor a known deprecated or renamed name such as `interest-cohort` or `window-placement`, which are accepted.
    ///
    /// ## Why it matters
    /// Browsers skip an unknown feature (Chromium logs "Unrecognized feature"), so a misspelt or invented name restricts nothing while the header looks as if it did.
    ///
    /// ## How to fix
    /// Correct the name (e.g. `geolocation`, `xr-spatial-tracking`, `window-management`) or remove the entry. An unparseable header is reported by `headers/permissions-policy-invalid` instead.
    pub PERMISSIONS_POLICY_UNKNOWN_FEATURE = {
        id: "headers/permissions-policy-unknown-feature",
        severity: Severity::Low,
        standards: ["CWE-16"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let Some(value) = cx.header("permissions-policy") else {
        return;
    };
    // An unparseable policy is `permissions-policy-invalid`'s finding.
    let Ok(policy) = PermissionsPolicy::parse(&value) else {
        return;
    };
    for feature in policy.unknown_features() {
        out.fail(
            &PERMISSIONS_POLICY_UNKNOWN_FEATURE,
            Location::header("Permissions-Policy"),
            format!("Permissions-Policy names the unknown feature {feature}; browsers ignore it."),
        )
        .evidence("feature", feature)
        .evidence("value", &value);
    }
}
