//! WAI-ARIA roles, states and properties as data.
//!
//! Source: W3C Recommendation "Accessible Rich Internet Applications (WAI-ARIA) 1.2", 6 June 2023,
//! <https://www.w3.org/TR/wai-aria-1.2/> — §5.4 "Definition of Roles" (superclass roles, required
//! context role, required owned elements, supported / required / prohibited states and
//! properties, name from, accessible name required, children presentational) and §6.6
//! "Definitions of States and Properties" (value types and token values). Roles and attributes
//! added by the WAI-ARIA 1.3 editor's draft (<https://w3c.github.io/aria/>) are included and
//! marked [`Spec::Aria13`] so that valid new markup is not reported as undefined. DPUB-ARIA 1.1
//! (<https://www.w3.org/TR/dpub-aria-1.1/>) and Graphics ARIA 1.0
//! (<https://www.w3.org/TR/graphics-aria-1.0/>) roles are included for role validity.
//!
//! Supported attributes are listed per role as the spec lists them ("Supported States and
//! Properties"); inherited ones come from the superclass roles and are resolved by
//! [`Role::supports`]. Global attributes are supported by every role unless prohibited.

/// Where a role or attribute is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spec {
    /// WAI-ARIA 1.2 (Recommendation).
    Aria12,
    /// WAI-ARIA 1.3 editor's draft.
    Aria13,
    /// Digital Publishing WAI-ARIA 1.1.
    Dpub,
    /// Graphics WAI-ARIA 1.0.
    Graphics,
}

/// Role categories (WAI-ARIA 1.2 §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleCategory {
    Abstract,
    Widget,
    Composite,
    DocumentStructure,
    Generic,
    Landmark,
    LiveRegion,
    Window,
}

/// Where an element's accessible name may come from ("Name From").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameFrom {
    /// Only from the author (`aria-label`, `aria-labelledby`, host-language labels).
    Author,
    /// From the author or from the element's content.
    Contents,
    /// Naming is prohibited.
    Prohibited,
}

/// A role reached directly, or through an intermediate `group`/`rowgroup` (WAI-ARIA 1.2 writes
/// these as "group → menu" in required context and "group → option" in required owned elements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleStep {
    /// The role at the end of the chain (`menu` for context, `option` for owned elements).
    pub role: &'static str,
    /// The intermediate role, if any (`group`, `rowgroup`).
    pub via: Option<&'static str>,
}

const fn r(role: &'static str) -> RoleStep {
    RoleStep { role, via: None }
}

const fn via(via: &'static str, role: &'static str) -> RoleStep {
    RoleStep {
        role,
        via: Some(via),
    }
}

/// One role from the WAI-ARIA (or DPUB / Graphics ARIA) role definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    pub name: &'static str,
    pub category: RoleCategory,
    pub spec: Spec,
    /// Deprecated roles (e.g. `directory`, `doc-biblioentry`).
    pub deprecated: bool,
    /// Superclass roles, used to inherit supported attributes.
    pub superclasses: &'static [&'static str],
    /// Required context role: the element must be owned by one of these.
    pub required_context: &'static [RoleStep],
    /// Required owned elements: the element must own at least one of these.
    pub required_owned: &'static [RoleStep],
    /// Required states and properties.
    pub required_attrs: &'static [&'static str],
    /// Supported states and properties defined on this role (not inherited, not global).
    pub supported_attrs: &'static [&'static str],
    /// Prohibited states and properties.
    pub prohibited_attrs: &'static [&'static str],
    pub name_from: NameFrom,
    /// "Accessible Name Required: True".
    pub name_required: bool,
    /// "Children Presentational: True".
    pub children_presentational: bool,
}

/// A state or property value type (WAI-ARIA 1.2 §6.3 "Values for States and Properties").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// `true` / `false`.
    TrueFalse,
    /// `true` / `false` / `undefined`.
    TrueFalseUndefined,
    /// `true` / `false` / `mixed` / `undefined`.
    Tristate,
    /// One id.
    IdReference,
    /// A space-separated list of ids.
    IdReferenceList,
    Integer,
    Number,
    String,
    /// One of the listed tokens.
    Token(&'static [&'static str]),
    /// A space-separated list of the listed tokens.
    TokenList(&'static [&'static str]),
}

/// State or property (WAI-ARIA 1.2 §6.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeKind {
    State,
    Property,
}

/// One `aria-*` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: AttributeKind,
    pub value: ValueType,
    /// Global states and properties apply to every role (WAI-ARIA 1.2 §6.4).
    pub global: bool,
    /// Deprecated in WAI-ARIA 1.1 or 1.2 (`aria-grabbed`, `aria-dropeffect`).
    pub deprecated: bool,
    pub spec: Spec,
}

use AttributeKind::{Property, State};
use ValueType::*;

const fn attr(
    name: &'static str,
    kind: AttributeKind,
    value: ValueType,
    global: bool,
) -> Attribute {
    Attribute {
        name,
        kind,
        value,
        global,
        deprecated: false,
        spec: Spec::Aria12,
    }
}

const fn deprecated(mut a: Attribute) -> Attribute {
    a.deprecated = true;
    a
}

const fn aria13(mut a: Attribute) -> Attribute {
    a.spec = Spec::Aria13;
    a
}

/// Every `aria-*` attribute, sorted by name (binary search in [`attribute`]).
pub static ATTRIBUTES: &[Attribute] = &[
    aria13(attr("aria-actions", Property, IdReferenceList, true)),
    attr("aria-activedescendant", Property, IdReference, false),
    attr("aria-atomic", Property, TrueFalse, true),
    attr(
        "aria-autocomplete",
        Property,
        Token(&["inline", "list", "both", "none"]),
        false,
    ),
    aria13(attr("aria-braillelabel", Property, String, true)),
    aria13(attr("aria-brailleroledescription", Property, String, true)),
    attr("aria-busy", State, TrueFalse, true),
    attr("aria-checked", State, Tristate, false),
    attr("aria-colcount", Property, Integer, false),
    attr("aria-colindex", Property, Integer, false),
    aria13(attr("aria-colindextext", Property, String, false)),
    attr("aria-colspan", Property, Integer, false),
    attr("aria-controls", Property, IdReferenceList, true),
    attr(
        "aria-current",
        State,
        Token(&["page", "step", "location", "date", "time", "true", "false"]),
        true,
    ),
    attr("aria-describedby", Property, IdReferenceList, true),
    aria13(attr("aria-description", Property, String, true)),
    attr("aria-details", Property, IdReference, true),
    attr("aria-disabled", State, TrueFalse, true),
    deprecated(attr(
        "aria-dropeffect",
        Property,
        TokenList(&["copy", "execute", "link", "move", "none", "popup"]),
        true,
    )),
    attr("aria-errormessage", Property, IdReference, true),
    attr("aria-expanded", State, TrueFalseUndefined, false),
    attr("aria-flowto", Property, IdReferenceList, true),
    deprecated(attr("aria-grabbed", State, TrueFalseUndefined, true)),
    attr(
        "aria-haspopup",
        Property,
        Token(&["false", "true", "menu", "listbox", "tree", "grid", "dialog"]),
        true,
    ),
    attr("aria-hidden", State, TrueFalseUndefined, true),
    attr(
        "aria-invalid",
        State,
        Token(&["grammar", "false", "spelling", "true"]),
        true,
    ),
    attr("aria-keyshortcuts", Property, String, true),
    attr("aria-label", Property, String, true),
    attr("aria-labelledby", Property, IdReferenceList, true),
    attr("aria-level", Property, Integer, false),
    attr(
        "aria-live",
        Property,
        Token(&["assertive", "off", "polite"]),
        true,
    ),
    attr("aria-modal", Property, TrueFalse, false),
    attr("aria-multiline", Property, TrueFalse, false),
    attr("aria-multiselectable", Property, TrueFalse, false),
    attr(
        "aria-orientation",
        Property,
        Token(&["horizontal", "undefined", "vertical"]),
        false,
    ),
    attr("aria-owns", Property, IdReferenceList, true),
    attr("aria-placeholder", Property, String, false),
    attr("aria-posinset", Property, Integer, false),
    attr("aria-pressed", State, Tristate, false),
    attr("aria-readonly", Property, TrueFalse, false),
    attr(
        "aria-relevant",
        Property,
        TokenList(&["additions", "all", "removals", "text"]),
        true,
    ),
    attr("aria-required", Property, TrueFalse, false),
    attr("aria-roledescription", Property, String, true),
    attr("aria-rowcount", Property, Integer, false),
    attr("aria-rowindex", Property, Integer, false),
    aria13(attr("aria-rowindextext", Property, String, false)),
    attr("aria-rowspan", Property, Integer, false),
    attr("aria-selected", State, TrueFalseUndefined, false),
    attr("aria-setsize", Property, Integer, false),
    attr(
        "aria-sort",
        Property,
        Token(&["ascending", "descending", "none", "other"]),
        false,
    ),
    attr("aria-valuemax", Property, Number, false),
    attr("aria-valuemin", Property, Number, false),
    attr("aria-valuenow", Property, Number, false),
    attr("aria-valuetext", Property, String, false),
];

use NameFrom::{Author, Contents, Prohibited};
use RoleCategory::{
    Abstract, Composite as CompositeWidget, DocumentStructure as Structure, Generic as GenericCat,
    Landmark as LandmarkCat, LiveRegion, Widget, Window as WindowCat,
};

const fn role(
    name: &'static str,
    category: RoleCategory,
    superclasses: &'static [&'static str],
    name_from: NameFrom,
) -> Role {
    Role {
        name,
        category,
        spec: Spec::Aria12,
        deprecated: false,
        superclasses,
        required_context: &[],
        required_owned: &[],
        required_attrs: &[],
        supported_attrs: &[],
        prohibited_attrs: &[],
        name_from,
        name_required: false,
        children_presentational: false,
    }
}

/// Attributes prohibited on roles whose name is prohibited (WAI-ARIA 1.2 lists `aria-label` and
/// `aria-labelledby`; 1.3 adds the braille and role-description attributes on generic / none).
const NAMING_PROHIBITED: &[&str] = &[
    "aria-braillelabel",
    "aria-brailleroledescription",
    "aria-label",
    "aria-labelledby",
];
const NAMING_AND_ROLEDESCRIPTION_PROHIBITED: &[&str] = &[
    "aria-braillelabel",
    "aria-brailleroledescription",
    "aria-label",
    "aria-labelledby",
    "aria-roledescription",
];

/// Builder helpers keep the table one role per entry and readable.
impl Role {
    const fn context(mut self, c: &'static [RoleStep]) -> Self {
        self.required_context = c;
        self
    }
    const fn owns(mut self, o: &'static [RoleStep]) -> Self {
        self.required_owned = o;
        self
    }
    const fn requires(mut self, a: &'static [&'static str]) -> Self {
        self.required_attrs = a;
        self
    }
    const fn supports_(mut self, a: &'static [&'static str]) -> Self {
        self.supported_attrs = a;
        self
    }
    const fn prohibiting(mut self, a: &'static [&'static str]) -> Self {
        self.prohibited_attrs = a;
        self
    }
    const fn name_required(mut self) -> Self {
        self.name_required = true;
        self
    }
    const fn presentational_children(mut self) -> Self {
        self.children_presentational = true;
        self
    }
    const fn deprecated(mut self) -> Self {
        self.deprecated = true;
        self
    }
    const fn spec(mut self, spec: Spec) -> Self {
        self.spec = spec;
        self
    }
}

const ROW_CONTEXT: &[RoleStep] = &[r("row")];
const MENU_CONTEXT: &[RoleStep] = &[
    r("menu"),
    r("menubar"),
    via("group", "menu"),
    via("group", "menubar"),
];
const MENU_OWNED: &[RoleStep] = &[
    r("menuitem"),
    r("menuitemcheckbox"),
    r("menuitemradio"),
    via("group", "menuitem"),
    via("group", "menuitemcheckbox"),
    via("group", "menuitemradio"),
];
const TABLE_OWNED: &[RoleStep] = &[r("row"), via("rowgroup", "row")];
const CELL_ATTRS: &[&str] = &[
    "aria-colindex",
    "aria-colspan",
    "aria-rowindex",
    "aria-rowspan",
];
const RANGE_ATTRS: &[&str] = &[
    "aria-valuemax",
    "aria-valuemin",
    "aria-valuenow",
    "aria-valuetext",
];

/// Every role, sorted by name (binary search in [`role`](fn@role_named)).
pub static ROLES: &[Role] = &[
    role("alert", LiveRegion, &["section"], Author),
    role("alertdialog", WindowCat, &["alert", "dialog"], Author).name_required(),
    role("application", Structure, &["structure"], Author)
        .supports_(&[
            "aria-activedescendant",
            "aria-disabled",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
        ])
        .name_required(),
    role("article", Structure, &["document"], Author).supports_(&["aria-posinset", "aria-setsize"]),
    role("banner", LandmarkCat, &["landmark"], Author),
    role("blockquote", Structure, &["section"], Author),
    role("button", Widget, &["command"], Contents)
        .supports_(&[
            "aria-disabled",
            "aria-expanded",
            "aria-haspopup",
            "aria-pressed",
        ])
        .name_required()
        .presentational_children(),
    role("caption", Structure, &["section"], Prohibited)
        .context(&[r("figure"), r("grid"), r("table"), r("treegrid")])
        .prohibiting(NAMING_PROHIBITED),
    role("cell", Structure, &["section"], Contents)
        .context(ROW_CONTEXT)
        .supports_(CELL_ATTRS),
    role("checkbox", Widget, &["input"], Contents)
        .requires(&["aria-checked"])
        .supports_(&[
            "aria-checked",
            "aria-errormessage",
            "aria-expanded",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
        ])
        .name_required()
        .presentational_children(),
    role("code", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role(
        "columnheader",
        Structure,
        &["cell", "gridcell", "sectionhead"],
        Contents,
    )
    .context(ROW_CONTEXT)
    .supports_(&["aria-sort"])
    .name_required(),
    role("combobox", Widget, &["input"], Author)
        // WAI-ARIA 1.2 final (w3c/aria#1335): aria-controls is required only while the popup
        // is displayed, so only aria-expanded is unconditionally required.
        .requires(&["aria-expanded"])
        .supports_(&[
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-controls",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
        ])
        .name_required(),
    role("command", Abstract, &["widget"], Author),
    role("comment", Structure, &["article"], Contents)
        .supports_(&["aria-level", "aria-posinset", "aria-setsize"])
        .spec(Spec::Aria13),
    role("complementary", LandmarkCat, &["landmark"], Author),
    role("composite", Abstract, &["widget"], Author).supports_(&["aria-activedescendant"]),
    role("contentinfo", LandmarkCat, &["landmark"], Author),
    role("definition", Structure, &["section"], Author),
    role("deletion", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("dialog", WindowCat, &["window"], Author).name_required(),
    role("directory", Structure, &["list"], Author).deprecated(),
    role("document", Structure, &["structure"], Author),
    role("emphasis", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("feed", Structure, &["list"], Author).owns(&[r("article")]),
    role("figure", Structure, &["section"], Author),
    role("form", LandmarkCat, &["landmark"], Author),
    role("generic", GenericCat, &["structure"], Prohibited)
        .prohibiting(NAMING_AND_ROLEDESCRIPTION_PROHIBITED),
    role("grid", CompositeWidget, &["composite", "table"], Author)
        .owns(TABLE_OWNED)
        .supports_(&["aria-multiselectable", "aria-readonly"])
        .name_required(),
    role("gridcell", Widget, &["cell", "widget"], Contents)
        .context(ROW_CONTEXT)
        .supports_(&[
            "aria-disabled",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
            "aria-selected",
        ]),
    role("group", Structure, &["section"], Author)
        .supports_(&["aria-activedescendant", "aria-disabled"]),
    role("heading", Structure, &["sectionhead"], Contents)
        .requires(&["aria-level"])
        .supports_(&["aria-level"])
        .name_required(),
    role("image", Structure, &["section"], Author)
        .name_required()
        .presentational_children()
        .spec(Spec::Aria13),
    role("img", Structure, &["section"], Author)
        .name_required()
        .presentational_children(),
    role("input", Abstract, &["widget"], Author).supports_(&["aria-disabled"]),
    role("insertion", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("landmark", Abstract, &["section"], Author),
    role("link", Widget, &["command"], Contents)
        .supports_(&["aria-disabled", "aria-expanded", "aria-haspopup"])
        .name_required(),
    role("list", Structure, &["section"], Author).owns(&[r("listitem")]),
    role("listbox", CompositeWidget, &["select"], Author)
        .owns(&[r("option"), via("group", "option")])
        .supports_(&[
            "aria-errormessage",
            "aria-expanded",
            "aria-invalid",
            "aria-multiselectable",
            "aria-readonly",
            "aria-required",
        ])
        .name_required(),
    role("listitem", Structure, &["section"], Author)
        .context(&[r("directory"), r("list")])
        .supports_(&["aria-level", "aria-posinset", "aria-setsize"]),
    role("log", LiveRegion, &["section"], Author),
    role("main", LandmarkCat, &["landmark"], Author),
    role("mark", Structure, &["section"], Prohibited)
        .prohibiting(NAMING_PROHIBITED)
        .spec(Spec::Aria13),
    role("marquee", LiveRegion, &["section"], Author),
    role("math", Structure, &["section"], Author),
    role("menu", CompositeWidget, &["select"], Author).owns(MENU_OWNED),
    role("menubar", CompositeWidget, &["menu"], Author).owns(MENU_OWNED),
    role("menuitem", Widget, &["command"], Contents)
        .context(MENU_CONTEXT)
        .supports_(&[
            "aria-disabled",
            "aria-expanded",
            "aria-haspopup",
            "aria-posinset",
            "aria-setsize",
        ])
        .name_required(),
    role(
        "menuitemcheckbox",
        Widget,
        &["checkbox", "menuitem"],
        Contents,
    )
    .context(MENU_CONTEXT)
    .requires(&["aria-checked"])
    .name_required()
    .presentational_children(),
    role(
        "menuitemradio",
        Widget,
        &["menuitemcheckbox", "radio"],
        Contents,
    )
    .context(MENU_CONTEXT)
    .requires(&["aria-checked"])
    .name_required()
    .presentational_children(),
    role("meter", Structure, &["range"], Author)
        .requires(&["aria-valuenow"])
        .name_required()
        .presentational_children(),
    role("navigation", LandmarkCat, &["landmark"], Author),
    role("none", Structure, &["structure"], Prohibited)
        .prohibiting(NAMING_AND_ROLEDESCRIPTION_PROHIBITED),
    role("note", Structure, &["section"], Author),
    role("option", Widget, &["input"], Contents)
        .context(&[r("listbox"), via("group", "listbox")])
        .supports_(&[
            "aria-checked",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        ])
        .name_required()
        .presentational_children(),
    role("paragraph", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("presentation", Structure, &["structure"], Prohibited)
        .prohibiting(NAMING_AND_ROLEDESCRIPTION_PROHIBITED),
    role("progressbar", Widget, &["range", "widget"], Author)
        .name_required()
        .presentational_children(),
    role("radio", Widget, &["input"], Contents)
        .requires(&["aria-checked"])
        .supports_(&["aria-checked", "aria-posinset", "aria-setsize"])
        .name_required()
        .presentational_children(),
    role("radiogroup", CompositeWidget, &["select"], Author)
        .owns(&[r("radio")])
        .supports_(&[
            "aria-errormessage",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
        ])
        .name_required(),
    role("range", Abstract, &["structure"], Author).supports_(RANGE_ATTRS),
    role("region", LandmarkCat, &["landmark"], Author).name_required(),
    role("roletype", Abstract, &[], Author),
    role("row", Structure, &["group", "widget"], Contents)
        .context(&[
            r("grid"),
            r("table"),
            r("treegrid"),
            via("rowgroup", "grid"),
            via("rowgroup", "table"),
            via("rowgroup", "treegrid"),
        ])
        .owns(&[r("cell"), r("columnheader"), r("gridcell"), r("rowheader")])
        .supports_(&[
            "aria-colindex",
            "aria-expanded",
            "aria-level",
            "aria-posinset",
            "aria-rowindex",
            "aria-selected",
            "aria-setsize",
        ]),
    role("rowgroup", Structure, &["structure"], Contents)
        .context(&[r("grid"), r("table"), r("treegrid")])
        .owns(&[r("row")]),
    role(
        "rowheader",
        Structure,
        &["cell", "gridcell", "sectionhead"],
        Contents,
    )
    .context(ROW_CONTEXT)
    .supports_(&["aria-expanded", "aria-sort"])
    .name_required(),
    role("scrollbar", Widget, &["range", "widget"], Author)
        .requires(&["aria-controls", "aria-valuenow"])
        .supports_(&[
            "aria-controls",
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
        ])
        .presentational_children(),
    role("search", LandmarkCat, &["landmark"], Author),
    role("searchbox", Widget, &["textbox"], Author).name_required(),
    role("section", Abstract, &["structure"], Author),
    role("sectionhead", Abstract, &["structure"], Contents),
    role("select", Abstract, &["composite", "group"], Author).supports_(&["aria-orientation"]),
    // aria-valuenow is required only when the separator is focusable (checked by the rule).
    role("separator", Structure, &["structure", "widget"], Author)
        .supports_(&[
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        ])
        .presentational_children(),
    role("slider", Widget, &["input", "range"], Author)
        .requires(&["aria-valuenow"])
        .supports_(&[
            "aria-errormessage",
            "aria-haspopup",
            "aria-invalid",
            "aria-orientation",
            "aria-readonly",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
        ])
        .name_required()
        .presentational_children(),
    role(
        "spinbutton",
        Widget,
        &["composite", "input", "range"],
        Author,
    )
    .supports_(&[
        "aria-errormessage",
        "aria-invalid",
        "aria-readonly",
        "aria-required",
        "aria-valuemax",
        "aria-valuemin",
        "aria-valuenow",
    ])
    .name_required(),
    role("status", LiveRegion, &["section"], Author),
    role("strong", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("structure", Abstract, &["roletype"], Author),
    role("subscript", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("suggestion", Structure, &["section"], Prohibited)
        .prohibiting(NAMING_PROHIBITED)
        .spec(Spec::Aria13),
    role("superscript", Structure, &["section"], Prohibited).prohibiting(NAMING_PROHIBITED),
    role("switch", Widget, &["checkbox"], Contents)
        .requires(&["aria-checked"])
        .name_required()
        .presentational_children(),
    role("tab", Widget, &["sectionhead", "widget"], Contents)
        .context(&[r("tablist")])
        .supports_(&[
            "aria-disabled",
            "aria-expanded",
            "aria-haspopup",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        ])
        .presentational_children(),
    role("table", Structure, &["section"], Author)
        .owns(TABLE_OWNED)
        .supports_(&["aria-colcount", "aria-rowcount"])
        .name_required(),
    role("tablist", CompositeWidget, &["composite"], Author)
        .owns(&[r("tab")])
        .supports_(&["aria-multiselectable", "aria-orientation"]),
    role("tabpanel", Structure, &["section"], Author).name_required(),
    role("term", Structure, &["section"], Author),
    role("textbox", Widget, &["input"], Author)
        .supports_(&[
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-errormessage",
            "aria-haspopup",
            "aria-invalid",
            "aria-multiline",
            "aria-placeholder",
            "aria-readonly",
            "aria-required",
        ])
        .name_required(),
    role("time", Structure, &["section"], Author),
    role("timer", LiveRegion, &["status"], Author),
    role("toolbar", Structure, &["group"], Author).supports_(&["aria-orientation"]),
    role("tooltip", Structure, &["section"], Contents),
    role("tree", CompositeWidget, &["select"], Author)
        .owns(&[r("treeitem"), via("group", "treeitem")])
        .supports_(&[
            "aria-errormessage",
            "aria-invalid",
            "aria-multiselectable",
            "aria-required",
        ])
        .name_required(),
    role("treegrid", CompositeWidget, &["grid", "tree"], Author)
        .owns(TABLE_OWNED)
        .name_required(),
    role("treeitem", Widget, &["listitem", "option"], Contents)
        .context(&[r("tree"), via("group", "tree")])
        .name_required(),
    role("widget", Abstract, &["roletype"], Author),
    role("window", Abstract, &["roletype"], Author).supports_(&["aria-modal"]),
];

/// DPUB-ARIA 1.1 and Graphics ARIA 1.0 roles, sorted by name. Only what rules need is recorded
/// (validity, deprecation, name source); their attributes are those of their superclasses.
pub static MODULE_ROLES: &[Role] = &[
    role("doc-abstract", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-acknowledgments", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-afterword", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-appendix", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-backlink", Widget, &["link"], Contents).spec(Spec::Dpub),
    role("doc-biblioentry", Structure, &["listitem"], Author)
        .context(&[r("list")])
        .deprecated()
        .spec(Spec::Dpub),
    role("doc-bibliography", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-biblioref", Widget, &["link"], Contents).spec(Spec::Dpub),
    role("doc-chapter", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-colophon", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-conclusion", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-cover", Structure, &["img"], Author).spec(Spec::Dpub),
    role("doc-credit", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-credits", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-dedication", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-endnote", Structure, &["listitem"], Author)
        .context(&[r("list")])
        .deprecated()
        .spec(Spec::Dpub),
    role("doc-endnotes", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-epigraph", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-epilogue", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-errata", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-example", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-footnote", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-foreword", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-glossary", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-glossref", Widget, &["link"], Contents).spec(Spec::Dpub),
    role("doc-index", LandmarkCat, &["navigation"], Author).spec(Spec::Dpub),
    role("doc-introduction", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-noteref", Widget, &["link"], Contents).spec(Spec::Dpub),
    role("doc-notice", Structure, &["note"], Author).spec(Spec::Dpub),
    role("doc-pagebreak", Structure, &["separator"], Author)
        .presentational_children()
        .spec(Spec::Dpub),
    role("doc-pagefooter", Structure, &["section"], Prohibited).spec(Spec::Dpub),
    role("doc-pageheader", Structure, &["section"], Prohibited).spec(Spec::Dpub),
    role("doc-pagelist", LandmarkCat, &["navigation"], Author).spec(Spec::Dpub),
    role("doc-part", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-preface", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-prologue", LandmarkCat, &["landmark"], Author).spec(Spec::Dpub),
    role("doc-pullquote", Structure, &["none"], Author).spec(Spec::Dpub),
    role("doc-qna", Structure, &["section"], Author).spec(Spec::Dpub),
    role("doc-subtitle", Structure, &["sectionhead"], Author).spec(Spec::Dpub),
    role("doc-tip", Structure, &["note"], Author).spec(Spec::Dpub),
    role("doc-toc", LandmarkCat, &["navigation"], Author).spec(Spec::Dpub),
    role("graphics-document", Structure, &["document"], Author).spec(Spec::Graphics),
    role("graphics-object", Structure, &["group"], Contents).spec(Spec::Graphics),
    role("graphics-symbol", Structure, &["img"], Author)
        .presentational_children()
        .spec(Spec::Graphics),
];

/// The role named `name` (lowercase), from WAI-ARIA, DPUB-ARIA or Graphics ARIA.
pub fn role_named(name: &str) -> Option<&'static Role> {
    let find = |table: &'static [Role]| {
        table
            .binary_search_by(|r| r.name.cmp(name))
            .ok()
            .map(|i| &table[i])
    };
    find(ROLES).or_else(|| find(MODULE_ROLES))
}

/// The attribute named `name` (lowercase, with the `aria-` prefix).
pub fn attribute(name: &str) -> Option<&'static Attribute> {
    ATTRIBUTES
        .binary_search_by(|a| a.name.cmp(name))
        .ok()
        .map(|i| &ATTRIBUTES[i])
}

impl Role {
    pub fn is_abstract(&self) -> bool {
        self.category == RoleCategory::Abstract
    }

    /// `presentation` and `none`.
    pub fn is_presentational(&self) -> bool {
        matches!(self.name, "presentation" | "none")
    }

    /// Is `ancestor` this role or one of its superclass roles (transitively)?
    pub fn is_a(&self, ancestor: &str) -> bool {
        self.name == ancestor
            || self
                .superclasses
                .iter()
                .filter_map(|s| role_named(s))
                .any(|s| s.is_a(ancestor))
    }

    /// Does this role support the `aria-*` attribute `name` (global, own or inherited), and is it
    /// not prohibited? Unknown attributes are not supported.
    pub fn supports(&self, name: &str) -> bool {
        let Some(attribute) = attribute(name) else {
            return false;
        };
        if self.prohibited_attrs.contains(&name) {
            return false;
        }
        attribute.global || self.supports_inherited(name)
    }

    fn supports_inherited(&self, name: &str) -> bool {
        self.supported_attrs.contains(&name)
            || self.required_attrs.contains(&name)
            || self
                .superclasses
                .iter()
                .filter_map(|s| role_named(s))
                .any(|s| s.supports_inherited(name))
    }

    /// Is `name` prohibited on this role?
    pub fn prohibits(&self, name: &str) -> bool {
        self.prohibited_attrs.contains(&name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        for table in [ROLES, MODULE_ROLES] {
            assert!(table.windows(2).all(|w| w[0].name < w[1].name));
        }
        assert!(ATTRIBUTES.windows(2).all(|w| w[0].name < w[1].name));
    }

    #[test]
    fn every_referenced_role_and_attribute_exists() {
        for role in ROLES.iter().chain(MODULE_ROLES) {
            for name in role.superclasses {
                assert!(role_named(name).is_some(), "{}: {name}", role.name);
            }
            for step in role.required_context.iter().chain(role.required_owned) {
                assert!(role_named(step.role).is_some(), "{}", role.name);
                assert!(step.via.is_none_or(|v| role_named(v).is_some()));
            }
            for name in role
                .required_attrs
                .iter()
                .chain(role.supported_attrs)
                .chain(role.prohibited_attrs)
            {
                assert!(attribute(name).is_some(), "{}: {name}", role.name);
            }
        }
    }

    #[test]
    fn inheritance_follows_superclasses() {
        let menuitemradio = role_named("menuitemradio").unwrap();
        assert!(menuitemradio.is_a("checkbox"));
        assert!(menuitemradio.supports("aria-posinset"));
        assert!(menuitemradio.supports("aria-checked"));
        assert!(role_named("button").unwrap().supports("aria-pressed"));
        assert!(!role_named("button").unwrap().supports("aria-checked"));
        assert!(role_named("treegrid").unwrap().supports("aria-rowcount"));
        assert!(!role_named("generic").unwrap().supports("aria-label"));
        assert!(role_named("generic").unwrap().supports("aria-live"));
        assert!(
            role_named("doc-biblioref")
                .unwrap()
                .supports("aria-expanded")
        );
        assert!(role_named("heading").unwrap().name_from == NameFrom::Contents);
        assert!(role_named("command").unwrap().is_abstract());
        assert!(role_named("directory").unwrap().deprecated);
    }
}
