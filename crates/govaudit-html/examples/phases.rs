//! Where parsing time goes, per phase, over a directory of pages (under load, compare ratios):
//! `cargo run --release -p govaudit-html --example phases ../shared/corpus/pages`.
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    pages.sort();
    let total: usize = pages.iter().map(|p| p.len()).sum();
    let t = Instant::now();
    for p in &pages {
        let _ = govaudit_html::sniff(p, None, None);
    }
    let sniff = t.elapsed();
    let t = Instant::now();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| govaudit_html::decode(p, None, None).0)
        .collect();
    let dec = t.elapsed();
    let t = Instant::now();
    for s in &texts {
        let _ = scraper::Html::parse_document(s);
    }
    let scr = t.elapsed();
    let t = Instant::now();
    for s in &texts {
        let _ = govaudit_html::Document::from_html(s);
    }
    let doc = t.elapsed();
    println!(
        "{} MB sniff {:?} decode {:?} scraper {:?} document {:?}",
        total / 1_000_000,
        sniff,
        dec,
        scr,
        doc
    );
}
