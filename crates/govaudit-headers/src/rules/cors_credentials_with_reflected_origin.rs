use super::Context;
use crate::exchange::{OBSERVATORY_CORS_ORIGIN, combined};
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The CORS answer (recorded preflight, else the response): `Access-Control-Allow-Origin` echoing the requesting origin together with `Access-Control-Allow-Credentials: true`; also `*` with credentials (browsers refuse it) and `null`.
    ///
    /// ## Why it matters
    /// Any site can read authenticated responses in the visitor's name (Observatory: -50).
    ///
    /// ## How to fix
    /// Allow credentials only for a fixed list of trusted origins; use `*` without credentials for public data.
    pub CORS_CREDENTIALS_WITH_REFLECTED_ORIGIN = {
        id: "headers/cors-credentials-with-reflected-origin",
        severity: Severity::Critical,
        standards: ["CWE-942", "OWASP-ASVS:14.5.3"],
        sources: [Source::same("observatory:cross-origin-resource-sharing")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let headers = cx
        .exchange
        .cors_headers
        .as_deref()
        .unwrap_or(&cx.exchange.headers);
    let Some(acao) = combined(headers, "access-control-allow-origin") else {
        return;
    };
    let credentials = combined(headers, "access-control-allow-credentials")
        .is_some_and(|c| c.trim().eq_ignore_ascii_case("true"));
    let acao_t = acao.trim();
    let message = if acao_t == OBSERVATORY_CORS_ORIGIN && credentials {
        "CORS reflects any Origin and allows credentials: any site can read this response as the visitor."
    } else if acao_t.eq_ignore_ascii_case("null") {
        "CORS allows the null origin, which sandboxed frames and local files can use."
    } else if acao_t == "*" && credentials {
        "CORS sends * with Access-Control-Allow-Credentials: true (browsers refuse this combination)."
    } else {
        return;
    };
    out.fail(
        &CORS_CREDENTIALS_WITH_REFLECTED_ORIGIN,
        Location::header("Access-Control-Allow-Origin"),
        message,
    )
    .evidence("access_control_allow_origin", &acao)
    .evidence("credentials", credentials);
}
