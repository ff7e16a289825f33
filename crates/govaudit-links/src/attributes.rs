//! Which element attributes carry URLs, and what kind of reference each is. The list follows the
//! HTML Living Standard's URL-valued attributes (its "Attributes" index, plus the obsolete
//! `background` and `longdesc` still common on older government sites) and SVG 2 `href`.

/// What a reference does when the page is used: it decides which checks apply (mixed content is
/// judged on resources, not on navigation) and how HTTP answers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// A link the user follows: `a`, `area`, `link rel=canonical/alternate`, `meta refresh`.
    Navigation,
    /// A resource that can run or restyle the page: script, stylesheet, iframe, object, embed.
    ActiveResource,
    /// A resource that is only displayed: image, media, track, font, poster.
    PassiveResource,
    /// Where a form is sent.
    FormAction,
    /// A citation (`cite`, `longdesc`): not loaded by browsers.
    Citation,
}

impl LinkKind {
    pub fn is_resource(self) -> bool {
        matches!(self, LinkKind::ActiveResource | LinkKind::PassiveResource)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Navigation => "navigation",
            LinkKind::ActiveResource => "active-resource",
            LinkKind::PassiveResource => "passive-resource",
            LinkKind::FormAction => "form-action",
            LinkKind::Citation => "citation",
        }
    }
}

/// How an attribute's value holds URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueForm {
    /// The value is one URL.
    Url,
    /// A `srcset`: comma-separated candidates.
    Srcset,
}

/// `(element, attribute, form, kind)` for HTML elements. `link href` and `input src` are refined
/// by `rel` and `type` in the extractor.
pub const HTML_URL_ATTRIBUTES: &[(&str, &str, ValueForm, LinkKind)] = &[
    ("a", "href", ValueForm::Url, LinkKind::Navigation),
    ("area", "href", ValueForm::Url, LinkKind::Navigation),
    ("link", "href", ValueForm::Url, LinkKind::PassiveResource),
    ("img", "src", ValueForm::Url, LinkKind::PassiveResource),
    (
        "img",
        "srcset",
        ValueForm::Srcset,
        LinkKind::PassiveResource,
    ),
    ("img", "longdesc", ValueForm::Url, LinkKind::Citation),
    ("source", "src", ValueForm::Url, LinkKind::PassiveResource),
    (
        "source",
        "srcset",
        ValueForm::Srcset,
        LinkKind::PassiveResource,
    ),
    ("script", "src", ValueForm::Url, LinkKind::ActiveResource),
    ("iframe", "src", ValueForm::Url, LinkKind::ActiveResource),
    ("frame", "src", ValueForm::Url, LinkKind::ActiveResource),
    ("embed", "src", ValueForm::Url, LinkKind::ActiveResource),
    ("object", "data", ValueForm::Url, LinkKind::ActiveResource),
    ("video", "src", ValueForm::Url, LinkKind::PassiveResource),
    ("video", "poster", ValueForm::Url, LinkKind::PassiveResource),
    ("audio", "src", ValueForm::Url, LinkKind::PassiveResource),
    ("track", "src", ValueForm::Url, LinkKind::PassiveResource),
    ("form", "action", ValueForm::Url, LinkKind::FormAction),
    ("button", "formaction", ValueForm::Url, LinkKind::FormAction),
    ("input", "formaction", ValueForm::Url, LinkKind::FormAction),
    ("input", "src", ValueForm::Url, LinkKind::PassiveResource),
    ("blockquote", "cite", ValueForm::Url, LinkKind::Citation),
    ("q", "cite", ValueForm::Url, LinkKind::Citation),
    ("del", "cite", ValueForm::Url, LinkKind::Citation),
    ("ins", "cite", ValueForm::Url, LinkKind::Citation),
    (
        "body",
        "background",
        ValueForm::Url,
        LinkKind::PassiveResource,
    ),
    (
        "table",
        "background",
        ValueForm::Url,
        LinkKind::PassiveResource,
    ),
    (
        "td",
        "background",
        ValueForm::Url,
        LinkKind::PassiveResource,
    ),
    (
        "th",
        "background",
        ValueForm::Url,
        LinkKind::PassiveResource,
    ),
];

/// SVG elements whose `href` / `xlink:href` is a reference (SVG 2, "Linking").
pub const SVG_HREF_ELEMENTS: &[(&str, LinkKind)] = &[
    ("a", LinkKind::Navigation),
    ("image", LinkKind::PassiveResource),
    ("use", LinkKind::PassiveResource),
    ("feImage", LinkKind::PassiveResource),
    ("script", LinkKind::ActiveResource),
];

/// `link rel` values that load a resource which can change the page.
pub const ACTIVE_LINK_RELS: &[&str] = &["stylesheet", "modulepreload", "import", "manifest"];

/// `link rel` values that name a page, not a resource.
pub const NAVIGATION_LINK_RELS: &[&str] = &[
    "canonical",
    "alternate",
    "next",
    "prev",
    "author",
    "help",
    "license",
    "search",
    "home",
];

/// `link rel` values that name only an origin to warm up: nothing to check.
pub const ORIGIN_ONLY_LINK_RELS: &[&str] = &["preconnect", "dns-prefetch"];
