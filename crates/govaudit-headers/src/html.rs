//! What the header checks need from an HTML body, read in one parse: scripts (for SRI), `<meta
//! http-equiv>` policies, `<meta name=referrer>` and sub-resources loaded over `http:`.

use govaudit_html::Document;

/// One `<script>` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// The `src` attribute as written, if present.
    pub src: Option<String>,
    pub integrity: Option<String>,
}

/// A sub-resource reference that loads over plain HTTP.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InsecureReference {
    pub element: String,
    pub attribute: String,
    pub url: String,
    /// Active content (scripts, frames, styles, objects) is blocked by browsers; passive content
    /// (images, media) is shown with a warning.
    pub active: bool,
}

/// Facts read from a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyFacts {
    pub scripts: Vec<Script>,
    /// `<meta http-equiv="content-security-policy" content>` values, in order.
    pub meta_csp: Vec<String>,
    /// The last `<meta name="referrer" content>` value, as the Observatory reads it.
    pub meta_referrer: Option<String>,
    /// `<meta http-equiv>` names other than CSP (for evidence).
    pub insecure_references: Vec<InsecureReference>,
}

/// Elements and attributes that load sub-resources, and whether the load is active content.
const SUBRESOURCES: &[(&str, &str, bool)] = &[
    ("script", "src", true),
    ("iframe", "src", true),
    ("frame", "src", true),
    ("object", "data", true),
    ("embed", "src", true),
    ("link", "href", true),
    ("form", "action", true),
    ("img", "src", false),
    ("audio", "src", false),
    ("video", "src", false),
    ("source", "src", false),
    ("track", "src", false),
];

impl BodyFacts {
    /// Parses `html` once with govaudit-html (the same decoder and parser every check uses).
    pub fn read(html: &str) -> Self {
        BodyFacts::from_document(&Document::from_html(html))
    }

    /// Reads the facts from a page already parsed.
    pub fn from_document(doc: &Document) -> Self {
        let mut facts = BodyFacts::default();
        for el in doc.elements_named("script") {
            facts.scripts.push(Script {
                src: el.attr("src").map(str::to_owned),
                integrity: el.attr("integrity").map(str::to_owned),
            });
        }
        for el in doc.elements_named("meta") {
            match (el.attr("http-equiv"), el.attr("content")) {
                (Some(equiv), Some(content)) => {
                    if !content.is_empty()
                        && equiv.trim().eq_ignore_ascii_case("content-security-policy")
                    {
                        facts.meta_csp.push(content.to_owned());
                    }
                }
                _ => {
                    let is_referrer = el
                        .attr("name")
                        .is_some_and(|n| n.trim().eq_ignore_ascii_case("referrer"));
                    if let Some(content) = el.attr("content").filter(|c| !c.is_empty())
                        && is_referrer
                    {
                        facts.meta_referrer = Some(content.to_owned());
                    }
                }
            }
        }
        for &(element, attribute, active) in SUBRESOURCES {
            for el in doc.elements_named(element) {
                let Some(value) = el.attr(attribute) else {
                    continue;
                };
                let value = value.trim();
                if !value
                    .get(..7)
                    .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
                {
                    continue;
                }
                // <link rel=alternate|canonical|...> does not load anything.
                if element == "link" {
                    let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                    let loads = rel.split_ascii_whitespace().any(|r| {
                        matches!(
                            r,
                            "stylesheet" | "icon" | "preload" | "modulepreload" | "manifest"
                        )
                    });
                    if !loads {
                        continue;
                    }
                }
                facts.insecure_references.push(InsecureReference {
                    element: element.to_owned(),
                    attribute: attribute.to_owned(),
                    url: value.to_owned(),
                    active,
                });
            }
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scripts_metas_and_mixed_content() {
        let facts = BodyFacts::read(
            r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'">
            <meta name="referrer" content="no-referrer"><script src="https://cdn.example/a.js" integrity="sha384-x"></script>
            <link rel="stylesheet" href="http://cdn.example/a.css"></head><body><img src="http://x.example/i.png"><script>1</script></body></html>"#,
        );
        assert_eq!(facts.scripts.len(), 2);
        assert_eq!(facts.meta_csp, ["default-src 'self'"]);
        assert_eq!(facts.meta_referrer.as_deref(), Some("no-referrer"));
        assert_eq!(facts.insecure_references.len(), 2);
        assert!(facts.insecure_references.iter().any(|r| r.active));
    }
}
