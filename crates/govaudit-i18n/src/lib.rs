//! Message catalogs for govaudit: rule titles and messages, indicator names, report headings and
//! command output, in English and Simplified Chinese.
//!
//! The catalogs are [Fluent](https://projectfluent.org/) files shipped in the crate
//! (`locales/<lang>/<area>.ftl`), so translators edit data, not code. A rule `area/name` has the
//! message `area-name`: its value is the rule's title, and its attributes `.message` (what is
//! wrong, one sentence) and `.fix` (how to fix it).
//!
//! ```
//! use govaudit_i18n::{Catalog, Lang};
//! let zh = Catalog::get(Lang::ZhCn);
//! assert_eq!(zh.text("report-verdict-pass").as_deref(), Some("合格"));
//! ```

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast;
use govaudit_core::{Phrase, PhraseArg};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::{FluentArgs, FluentValue};

/// A language govaudit has a catalog for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Lang {
    /// Every language with a catalog.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en`, `zh-CN`.
    /// How this language joins the items of a list.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::En => ", ",
            Lang::ZhCn => "、",
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN_SOURCES,
            Lang::ZhCn => ZH_CN_SOURCES,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag govaudit has no catalog for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no message catalog for language {0:?} (known: en, zh-CN)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts `en`, `zh-CN` and the tags that mean the same catalog (`en-US`, `zh`, `zh-Hans`,
    /// `zh_CN`), case-insensitively.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let normal = tag.trim().replace('_', "-").to_ascii_lowercase();
        let primary = normal.split('-').next().unwrap_or_default();
        match primary {
            "en" => Ok(Lang::En),
            // Traditional-script Chinese would need its own catalog.
            "zh" if !normal.contains("hant")
                && !normal.ends_with("-tw")
                && !normal.ends_with("-hk") =>
            {
                Ok(Lang::ZhCn)
            }
            _ => Err(UnknownLang(tag.to_owned())),
        }
    }
}

/// A catalog file that Fluent could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("{lang} catalog {file}: {errors}")]
    Syntax {
        lang: Lang,
        file: String,
        errors: String,
    },
    #[error("{lang} catalog {file}: message {id:?} defined twice")]
    Duplicate {
        lang: Lang,
        file: String,
        id: String,
    },
}

/// The title, message and how-to-fix of a rule in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleText {
    pub title: String,
    pub message: Option<String>,
    pub fix: Option<String>,
    /// What a person should check, for findings whose outcome is `review` (`.review`; most
    /// rules that can fail leave it out, and [`Catalog::review_text`] has a general phrase).
    pub review: Option<String>,
}

/// The messages of one language, with English behind it for anything not yet translated.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// Problems met while loading the embedded files (a test keeps this empty).
    load_errors: Vec<CatalogError>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

static EN: LazyLock<Catalog> = LazyLock::new(|| Catalog::embedded(Lang::En));
static ZH_CN: LazyLock<Catalog> = LazyLock::new(|| Catalog::embedded(Lang::ZhCn));

impl Catalog {
    /// The catalog shipped for `lang`, loaded once.
    pub fn get(lang: Lang) -> &'static Catalog {
        match lang {
            Lang::En => &EN,
            Lang::ZhCn => &ZH_CN,
        }
    }

    /// Loads the shipped files of `lang`, keeping every message that parsed; see
    /// [`Catalog::load_errors`] for the rest.
    fn embedded(lang: Lang) -> Catalog {
        let mut catalog = Catalog::empty(lang);
        for (file, text) in lang.sources() {
            if let Err(error) = catalog.add_source(file, text) {
                catalog.load_errors.push(error);
            }
        }
        catalog
    }

    /// An empty catalog; add files with [`Catalog::add_source`].
    pub fn empty(lang: Lang) -> Catalog {
        let id: LanguageIdentifier = match lang {
            Lang::En => unic_langid::langid!("en"),
            Lang::ZhCn => unic_langid::langid!("zh-CN"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Bidi isolation marks around arguments would end up in terminals and JSON.
        bundle.set_use_isolating(false);
        Catalog {
            lang,
            bundle,
            load_errors: Vec::new(),
        }
    }

    /// Adds the messages of one Fluent file (`file` names it in errors). A file with syntax
    /// errors still adds the messages that parsed, and the errors are returned.
    pub fn add_source(&mut self, file: &str, text: &str) -> Result<(), CatalogError> {
        let (resource, syntax) = match FluentResource::try_new(text.to_owned()) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let duplicates = self.bundle.add_resource(resource);
        if !syntax.is_empty() {
            let errors = syntax
                .iter()
                .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
                .collect::<Vec<_>>()
                .join("; ");
            return Err(CatalogError::Syntax {
                lang: self.lang,
                file: file.to_owned(),
                errors,
            });
        }
        if let Err(errors) = duplicates {
            let id = errors
                .iter()
                .map(|e| match e {
                    fluent_bundle::FluentError::Overriding { id, .. } => id.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            return Err(CatalogError::Duplicate {
                lang: self.lang,
                file: file.to_owned(),
                id,
            });
        }
        Ok(())
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Problems met while loading the shipped files.
    pub fn load_errors(&self) -> &[CatalogError] {
        &self.load_errors
    }

    /// Whether this catalog itself (not the English fallback) has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Whether this catalog itself has message `id` with a value and attribute `attribute`.
    pub fn has_attribute(&self, id: &str, attribute: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.get_attribute(attribute).is_some())
    }

    /// The text of message `id` in this language, or in English where it is not translated.
    pub fn text(&self, id: &str) -> Option<String> {
        self.format(id, None)
    }

    /// Message `id` with arguments (`{ $count }`), falling back to English.
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        self.own_format(id, None, args).or_else(|| {
            (self.lang != Lang::En)
                .then(|| Catalog::get(Lang::En).own_format(id, None, args))
                .flatten()
        })
    }

    /// Attribute `attribute` of message `id` (`.message`, `.fix`), falling back to English.
    pub fn attribute(
        &self,
        id: &str,
        attribute: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<String> {
        self.own_format(id, Some(attribute), args).or_else(|| {
            (self.lang != Lang::En)
                .then(|| Catalog::get(Lang::En).own_format(id, Some(attribute), args))
                .flatten()
        })
    }

    /// Message `id`'s text, or `id` itself when no catalog has it (so a missing entry shows
    /// up in the output instead of vanishing).
    pub fn tr(&self, id: &str) -> Cow<'static, str> {
        match self.text(id) {
            Some(text) => Cow::Owned(text),
            None => Cow::Owned(id.to_owned()),
        }
    }

    /// Message `id` with arguments, or `id` itself.
    pub fn tr_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// The title, message and fix of rule `rule_id` (`a11y/image-alt`).
    pub fn rule(&self, rule_id: &str) -> Option<RuleText> {
        let id = rule_message_id(rule_id);
        Some(RuleText {
            title: self.text(&id)?,
            message: self.attribute(&id, "message", None),
            fix: self.attribute(&id, "fix", None),
            review: self.attribute(&id, "review", None),
        })
    }

    /// What to tell a person about a `review` finding of rule `rule_id`: the rule's `.review`,
    /// or the general `report-review-generic`.
    pub fn review_text(&self, rule_id: &str) -> String {
        self.attribute(&rule_message_id(rule_id), "review", None)
            .unwrap_or_else(|| self.tr("report-review-generic").into_owned())
    }

    /// A phrase in this language (English where this catalog lacks it; its id where no
    /// catalog has it, so a gap shows). `Names` arguments are shown as their messages' texts,
    /// joined as this language joins a list.
    pub fn phrase(&self, phrase: &Phrase) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &phrase.args {
            let value = match value {
                PhraseArg::Number(n) => FluentValue::from(*n),
                PhraseArg::Text(text) | PhraseArg::Choice(text) => FluentValue::from(text.clone()),
                PhraseArg::Names(ids) => FluentValue::from(
                    ids.iter()
                        .map(|id| self.tr(id).into_owned())
                        .collect::<Vec<_>>()
                        .join(self.lang.list_separator()),
                ),
            };
            args.set(name.clone(), value);
        }
        let text = match phrase.id.split_once('.') {
            Some((message, attribute)) => self.attribute(message, attribute, Some(&args)),
            None => self.format(&phrase.id, Some(&args)),
        };
        text.unwrap_or_else(|| phrase.id.clone())
    }

    /// A run's note in this language: its phrase, or its English message when it has none.
    pub fn note(&self, note: &govaudit_core::Note) -> String {
        match &note.phrase {
            Some(phrase) => self.phrase(phrase),
            None => note.message.clone(),
        }
    }

    /// Phrases as one paragraph: each sentence's own full stop is dropped (it would sit
    /// before the separator) and they are joined as this language joins clauses.
    pub fn paragraph(&self, phrases: &[Phrase]) -> String {
        let separator = match self.lang {
            Lang::En => "; ",
            Lang::ZhCn => "；",
        };
        phrases
            .iter()
            .map(|p| self.phrase(p).trim_end_matches(['.', '。']).to_owned())
            .collect::<Vec<_>>()
            .join(separator)
    }

    fn own_format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs<'_>>,
    ) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }
}

/// The Fluent message id of a rule: `a11y/image-alt` is `a11y-image-alt` (Fluent ids cannot
/// hold `/`).
pub fn rule_message_id(rule_id: &str) -> String {
    rule_id.replace('/', "-")
}

macro_rules! sources {
    ($lang:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../locales/", $lang, "/", $file)))),*]
    };
}

// One file per area, the same list in every language.
static EN_SOURCES: &[(&str, &str)] = sources!("en": "report.ftl", "a11y.ftl", "headers.ftl", "links.ftl", "disclosure.ftl", "cli.ftl", "indicators.ftl", "content.ftl", "monitor.ftl");
static ZH_CN_SOURCES: &[(&str, &str)] = sources!("zh-CN": "report.ftl", "a11y.ftl", "headers.ftl", "links.ftl", "disclosure.ftl", "cli.ftl", "indicators.ftl", "content.ftl", "monitor.ftl");

/// What one shipped message defines: where it is, whether it has a value, its attributes and
/// the variables (`{ $count }`) it uses anywhere. Read from the Fluent syntax tree, so tests can
/// compare languages and check rule entries without formatting anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageShape {
    /// The file that defines it (`a11y.ftl`).
    pub file: &'static str,
    pub has_value: bool,
    pub attributes: BTreeSet<String>,
    pub variables: BTreeSet<String>,
}

/// Every message the shipped files of `lang` define, by id (terms and comments left out). A
/// file that does not parse contributes the messages that did, as the catalog does.
pub fn shipped_messages(lang: Lang) -> BTreeMap<String, MessageShape> {
    let mut messages = BTreeMap::new();
    for (file, text) in lang.sources() {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        for entry in &resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut variables);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            messages.insert(
                message.id.name.to_owned(),
                MessageShape {
                    file,
                    has_value: message.value.is_some(),
                    attributes: message
                        .attributes
                        .iter()
                        .map(|a| a.id.name.to_owned())
                        .collect(),
                    variables,
                },
            );
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, found);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, found);
            }
        }
        _ => {}
    }
}

/// The shipped files of `lang`, as (file name, Fluent text).
pub fn shipped_sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    lang.sources()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_catalogs_load_without_errors() {
        for lang in Lang::ALL {
            assert_eq!(
                Catalog::get(lang).load_errors(),
                &[] as &[CatalogError],
                "{lang}"
            );
        }
    }

    #[test]
    fn every_language_has_the_same_files() {
        let names = |lang: Lang| lang.sources().iter().map(|(f, _)| *f).collect::<Vec<_>>();
        assert_eq!(names(Lang::En), names(Lang::ZhCn));
    }

    #[test]
    fn language_tags_parse() {
        assert_eq!("zh-CN".parse(), Ok(Lang::ZhCn));
        assert_eq!("zh_cn".parse(), Ok(Lang::ZhCn));
        assert_eq!("zh-Hans-CN".parse(), Ok(Lang::ZhCn));
        assert_eq!("EN-us".parse(), Ok(Lang::En));
        assert!("zh-TW".parse::<Lang>().is_err());
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn missing_translation_falls_back_to_english_then_to_the_id() {
        let mut zh = Catalog::empty(Lang::ZhCn);
        zh.add_source("t.ftl", "only-zh = 中文\n").unwrap();
        assert_eq!(zh.text("only-zh").as_deref(), Some("中文"));
        assert_eq!(zh.text("report-verdict-pass").as_deref(), Some("Pass"));
        assert_eq!(zh.tr("no-such-message"), "no-such-message");
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let mut en = Catalog::empty(Lang::En);
        en.add_source("t.ftl", "pages = { $count } pages\n")
            .unwrap();
        assert_eq!(en.tr_args("pages", &[("count", 3.into())]), "3 pages");
    }

    #[test]
    fn syntax_errors_and_duplicates_are_reported() {
        let mut en = Catalog::empty(Lang::En);
        assert!(matches!(
            en.add_source("bad.ftl", "ok = fine\n= no id\n"),
            Err(CatalogError::Syntax { .. })
        ));
        assert_eq!(en.text("ok").as_deref(), Some("fine"));
        assert!(matches!(
            en.add_source("dup.ftl", "ok = again\n"),
            Err(CatalogError::Duplicate { .. })
        ));
    }

    #[test]
    fn rule_text_reads_title_message_and_fix() {
        let mut en = Catalog::empty(Lang::En);
        en.add_source(
            "t.ftl",
            "x-y = Title\n    .message = What is wrong.\n    .fix = Do this.\n",
        )
        .unwrap();
        let text = en.rule("x/y").unwrap();
        assert_eq!(text.title, "Title");
        assert_eq!(text.message.as_deref(), Some("What is wrong."));
        assert_eq!(text.fix.as_deref(), Some("Do this."));
    }

    #[test]
    fn every_language_defines_the_same_messages_and_attributes() {
        let en = shipped_messages(Lang::En);
        let zh = shipped_messages(Lang::ZhCn);
        let shape = |m: &BTreeMap<String, MessageShape>| {
            m.iter()
                .map(|(id, s)| (id.clone(), s.file, s.has_value, s.attributes.clone()))
                .collect::<Vec<_>>()
        };
        let (en_shape, zh_shape) = (shape(&en), shape(&zh));
        for (a, b, missing_from) in [
            (&en_shape, &zh_shape, "zh-CN"),
            (&zh_shape, &en_shape, "en"),
        ] {
            for entry in a {
                assert!(
                    b.contains(entry),
                    "{missing_from} lacks (or differs on) message {:?} in {} (value: {}, attributes: {:?})",
                    entry.0,
                    entry.1,
                    entry.2,
                    entry.3
                );
            }
        }
    }

    #[test]
    fn variables_used_in_zh_cn_exist_in_en() {
        let en = shipped_messages(Lang::En);
        for (id, zh) in shipped_messages(Lang::ZhCn) {
            let known = en.get(&id).map(|m| &m.variables);
            for variable in &zh.variables {
                assert!(
                    known.is_some_and(|k| k.contains(variable)),
                    "zh-CN message {id:?} uses ${variable}, which en does not pass"
                );
            }
        }
    }

    #[test]
    fn shapes_list_attributes_and_variables() {
        let en = shipped_messages(Lang::En);
        let closing = &en["report-closing"];
        assert_eq!(closing.file, "report.ftl");
        let expected: BTreeSet<String> = ["fail", "findings", "resources", "review"]
            .map(String::from)
            .into();
        assert_eq!(closing.variables, expected);
        let image_alt = &en["a11y-image-alt"];
        assert!(image_alt.has_value);
        assert_eq!(
            image_alt.attributes,
            ["fix", "message"].map(String::from).into()
        );
    }

    #[test]
    fn plurals_follow_each_language() {
        let en = Catalog::get(Lang::En);
        let zh = Catalog::get(Lang::ZhCn);
        let args = |n: i64| [("count", FluentValue::from(n))];
        assert_eq!(en.tr_args("report-page-failures", &args(1)), "1 failure");
        assert_eq!(en.tr_args("report-page-failures", &args(3)), "3 failures");
        assert_eq!(zh.tr_args("report-page-failures", &args(3)), "3 项不通过");
    }
}
