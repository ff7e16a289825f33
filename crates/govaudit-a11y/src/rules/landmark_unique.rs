use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Landmarks of the same role (two `<nav>`, two `<aside>`, ...) exposed to assistive
    /// technology have different accessible names. Names compare case-insensitively; no name
    /// counts as the same empty name.
    ///
    /// ## Why it matters
    /// Screen readers list landmarks by role and name ("navigation 主导航", "navigation
    /// 面包屑"); two "navigation" entries with the same name cannot be told apart.
    ///
    /// ## How to fix
    /// Give each landmark of a role its own name, e.g. `<nav aria-label="主导航">` and
    /// `<nav aria-label="页脚导航">`, or `aria-labelledby` pointing at the section's heading.
    pub LANDMARK_UNIQUE = {
        id: "a11y/landmark-unique",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-unique")],
    }
}

/// Applies to every landmark; fails every landmark whose role and name an earlier one has.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut first_line: HashMap<(&'static str, String), u32> = HashMap::new();
    for &(landmark, role) in page.landmarks() {
        out.applies(&LANDMARK_UNIQUE, || landmark.location());
        let name = page.name(&landmark).text.to_lowercase();
        match first_line.get(&(role, name.clone())) {
            Some(line) => {
                let shown = if name.is_empty() {
                    "no name".to_owned()
                } else {
                    format!("the name \"{}\"", page.name(&landmark).text)
                };
                out.fail(
                    &LANDMARK_UNIQUE,
                    landmark.location(),
                    format!(
                        "This {role} landmark has {shown}, like the one on line {line}; give each \
                         its own name (aria-label or aria-labelledby)."
                    ),
                );
            }
            None => {
                first_line.insert((role, name), landmark.line());
            }
        }
    }
}
