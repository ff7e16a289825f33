//! Every rule `govaudit rules` lists has a title and a message in every language's catalog,
//! and no catalog keeps an entry for a rule that no longer exists.

use govaudit_i18n::{Lang, MessageShape, rule_message_id, shipped_messages};
use std::collections::{BTreeMap, BTreeSet};

/// The areas of the registered rules (`a11y`, `headers`, ...): a catalog file named after one
/// (`a11y.ftl`) holds rule entries only.
fn rule_areas() -> BTreeSet<&'static str> {
    govaudit_cli::all_rules()
        .into_iter()
        .map(|rule| rule.area())
        .collect()
}

fn rule_files(messages: &BTreeMap<String, MessageShape>) -> BTreeMap<&String, &MessageShape> {
    let areas = rule_areas();
    messages
        .iter()
        .filter(|(_, shape)| {
            shape
                .file
                .strip_suffix(".ftl")
                .is_some_and(|area| areas.contains(area))
        })
        .collect()
}

#[test]
fn every_rule_has_a_title_and_a_message_in_every_language() {
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        let messages = shipped_messages(lang);
        for rule in govaudit_cli::all_rules() {
            let id = rule_message_id(rule.id);
            match messages.get(&id) {
                None => missing.push(format!("{lang}: {} has no entry {id}", rule.id)),
                Some(shape) => {
                    if !shape.has_value {
                        missing.push(format!("{lang}: {} has no title ({id} = ...)", rule.id));
                    }
                    if !shape.attributes.contains("message") {
                        missing.push(format!("{lang}: {} has no .message", rule.id));
                    }
                    if !shape.attributes.contains("fix") {
                        missing.push(format!("{lang}: {} has no .fix", rule.id));
                    }
                    let file = format!("{}.ftl", rule.area());
                    if shape.file != file {
                        missing.push(format!(
                            "{lang}: {} is in {}, not in {file}",
                            rule.id, shape.file
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn no_catalog_describes_a_rule_that_does_not_exist() {
    let known: BTreeSet<String> = govaudit_cli::all_rules()
        .into_iter()
        .map(|rule| rule_message_id(rule.id))
        .collect();
    let mut stale = Vec::new();
    for lang in Lang::ALL {
        let messages = shipped_messages(lang);
        for (id, shape) in rule_files(&messages) {
            if !known.contains(id) {
                stale.push(format!(
                    "{lang}: {} has {id}, but no rule is registered as that",
                    shape.file
                ));
            }
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

/// The catalog text is what the text output shows: it must format, not only parse.
#[test]
fn rule_texts_format_in_every_language() {
    for lang in Lang::ALL {
        let catalog = govaudit_i18n::Catalog::get(lang);
        assert!(
            catalog.load_errors().is_empty(),
            "{:?}",
            catalog.load_errors()
        );
        for rule in govaudit_cli::all_rules() {
            let text = catalog
                .rule(rule.id)
                .unwrap_or_else(|| panic!("{lang}: no text for {}", rule.id));
            assert!(!text.title.trim().is_empty(), "{lang}: {}", rule.id);
            let message = text.message.unwrap_or_default();
            assert!(!message.trim().is_empty(), "{lang}: {}", rule.id);
            assert!(!message.contains('{'), "{lang}: {}: {message}", rule.id);
        }
    }
    // Chinese titles really are Chinese (a copy of the English file would pass the checks
    // above).
    let zh = govaudit_i18n::Catalog::get(Lang::ZhCn);
    let image_alt = zh.rule("a11y/image-alt").unwrap();
    assert_eq!(image_alt.title, "图片应有替代文本");
}

/// The monitor report's text (`monitor.ftl`) is in every language, translated: `monitor
/// report` defaults to zh-CN, so an English copy there would be a defect.
#[test]
fn monitor_report_text_is_in_every_language() {
    let en = shipped_messages(Lang::En);
    let monitor: Vec<&String> = en
        .iter()
        .filter(|(_, shape)| shape.file == "monitor.ftl")
        .map(|(id, _)| id)
        .collect();
    assert!(monitor.len() >= 20, "monitor.ftl is shipped: {monitor:?}");
    let english = govaudit_i18n::Catalog::get(Lang::En);
    for lang in Lang::ALL {
        let messages = shipped_messages(lang);
        let catalog = govaudit_i18n::Catalog::get(lang);
        for id in &monitor {
            let shape = messages
                .get(*id)
                .unwrap_or_else(|| panic!("{lang}: monitor.ftl lacks {id}"));
            assert_eq!(shape.file, "monitor.ftl", "{lang}: {id}");
            assert!(catalog.has(id), "{lang}: {id} does not load");
            if lang != Lang::En && shape.variables.is_empty() {
                assert_ne!(
                    catalog.text(id),
                    english.text(id),
                    "{lang}: {id} untranslated"
                );
            }
        }
    }
}
