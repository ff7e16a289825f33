//! How a score was computed, as sentences of the message catalogs (`formula-*` in
//! indicators.ftl), so the same scorecard explains itself in every language. The English
//! rendering is the scorecard's `formula` field; other languages render the phrases.

use govaudit_i18n::{Catalog, FluentArgs, FluentValue, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One sentence: a message-catalog id (`formula-findings`, or `indicator-….note` for an
/// attribute) and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phrase {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, PhraseArg>,
}

/// An argument of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhraseArg {
    Number(f64),
    /// Text shown as it is (numbers already formatted, rule ids, a user's own note).
    Text(String),
    /// Indicator ids, shown as their names in the reader's language.
    Indicators(Vec<String>),
    /// A choice (`homepage`, `yes`), selected by the message.
    Choice(String),
}

impl Phrase {
    /// A phrase without arguments.
    pub fn new(id: &str) -> Phrase {
        Phrase {
            id: id.to_owned(),
            args: BTreeMap::new(),
        }
    }

    pub fn number(mut self, name: &str, value: impl Into<f64>) -> Phrase {
        self.args
            .insert(name.to_owned(), PhraseArg::Number(value.into()));
        self
    }

    /// A count (`usize` is not `Into<f64>`).
    pub fn count(self, name: &str, value: usize) -> Phrase {
        self.number(name, value as f64)
    }

    pub fn text(mut self, name: &str, value: impl Into<String>) -> Phrase {
        self.args
            .insert(name.to_owned(), PhraseArg::Text(value.into()));
        self
    }

    pub fn indicators<'a>(mut self, name: &str, ids: impl IntoIterator<Item = &'a str>) -> Phrase {
        let ids = ids.into_iter().map(str::to_owned).collect();
        self.args
            .insert(name.to_owned(), PhraseArg::Indicators(ids));
        self
    }

    pub fn choice(mut self, name: &str, value: &str) -> Phrase {
        self.args
            .insert(name.to_owned(), PhraseArg::Choice(value.to_owned()));
        self
    }

    /// The sentence in `lang` (English where the catalog lacks it; the id where no catalog
    /// has it, so a gap shows).
    pub fn render(&self, lang: Lang) -> String {
        let catalog = Catalog::get(lang);
        let list_separator = match lang {
            Lang::En => ", ",
            Lang::ZhCn => "、",
        };
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                PhraseArg::Number(n) => FluentValue::from(*n),
                PhraseArg::Text(text) | PhraseArg::Choice(text) => FluentValue::from(text.clone()),
                PhraseArg::Indicators(ids) => FluentValue::from(
                    ids.iter()
                        .map(|id| catalog.tr(&crate::name_id(id)).into_owned())
                        .collect::<Vec<_>>()
                        .join(list_separator),
                ),
            };
            args.set(name.clone(), value);
        }
        let text = match self.id.split_once('.') {
            Some((message, attribute)) => catalog.attribute(message, attribute, Some(&args)),
            None => catalog.format(&self.id, Some(&args)),
        };
        text.unwrap_or_else(|| self.id.clone())
    }
}

/// The phrases as one paragraph in `lang`.
pub fn explain(phrases: &[Phrase], lang: Lang) -> String {
    let separator = match lang {
        Lang::En => "; ",
        Lang::ZhCn => "；",
    };
    // A sentence's own full stop would sit before the separator ("…计数。；").
    phrases
        .iter()
        .map(|p| p.render(lang).trim_end_matches(['.', '。']).to_owned())
        .collect::<Vec<_>>()
        .join(separator)
}
