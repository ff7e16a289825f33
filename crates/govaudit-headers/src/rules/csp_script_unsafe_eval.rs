use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `'unsafe-eval'` in the effective script directives.
    ///
    /// ## Why it matters
    /// Strings reaching `eval()`, `new Function()` or `setTimeout(string)` become code, so DOM XSS gets easier.
    ///
    /// ## How to fix
    /// Remove the use of `eval()`-like APIs from the code (and its libraries), then `'unsafe-eval'`.
    pub CSP_SCRIPT_UNSAFE_EVAL = {
        id: "headers/csp-script-unsafe-eval",
        severity: Severity::Low,
        standards: ["CWE-95", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:script-unsafe-eval")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_SCRIPT_UNSAFE_EVAL, EvalType::ScriptUnsafeEval);
}
