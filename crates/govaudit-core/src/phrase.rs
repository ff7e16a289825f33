//! A sentence for people as data: a message-catalog id and its arguments. Libraries say what
//! happened in phrases (a score's formula, a note) and `govaudit-i18n` renders them in the
//! reader's language; the English rendering is what JSON consumers read.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One sentence: a message-catalog id (`formula-findings`, or `message.attribute` for an
/// attribute, as `indicator-….note`) and its arguments.
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
    /// Message ids (an indicator's name, ...), shown as their text in the reader's language.
    Names(Vec<String>),
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

    /// A list of message ids, each shown as its text.
    pub fn names(mut self, name: &str, ids: impl IntoIterator<Item = String>) -> Phrase {
        self.args
            .insert(name.to_owned(), PhraseArg::Names(ids.into_iter().collect()));
        self
    }

    pub fn choice(mut self, name: &str, value: &str) -> Phrase {
        self.args
            .insert(name.to_owned(), PhraseArg::Choice(value.to_owned()));
        self
    }
}
