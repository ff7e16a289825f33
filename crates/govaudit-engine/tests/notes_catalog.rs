//! Every note the engine can write is a sentence of both message catalogs, so a reader of any
//! language gets it whole: the ids are read from the engine's own source.

use govaudit_i18n::{Catalog, Lang};
use std::path::Path;

fn phrase_ids_in_source() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("Phrase::new(\"") {
            let rest = &text[at + "Phrase::new(\"".len()..];
            let id = &rest[..rest.find('"').unwrap()];
            ids.push(id.to_owned());
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_note_of_the_engine_is_in_both_catalogs() {
    let ids = phrase_ids_in_source();
    assert!(ids.len() >= 20, "the scan found the notes: {ids:?}");
    for lang in Lang::ALL {
        let catalog = Catalog::get(lang);
        for id in &ids {
            assert!(id.starts_with("note-"), "{id}");
            assert!(catalog.has(id), "{lang:?} lacks {id}");
        }
    }
}

#[test]
fn a_note_reads_in_chinese_and_keeps_its_english_message() {
    let phrase = govaudit_core::Phrase::new("note-crawl-stopped")
        .choice("why", "deadline")
        .count("count", 3);
    let note = govaudit_core::Note {
        url: String::new(),
        message: Catalog::get(Lang::En).phrase(&phrase),
        phrase: Some(phrase),
    };
    assert_eq!(
        note.message,
        "the crawl stopped early (the deadline was reached): 3 pages not fetched"
    );
    assert_eq!(
        Catalog::get(Lang::ZhCn).note(&note),
        "抓取提前结束（已到达时限）：3 个页面未获取"
    );
}
