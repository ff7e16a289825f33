//! The labelled evaluation set (`tests/pages/expected.toml`): precision, recall and F1 for
//! present and absent items over every page and profile item.

use govaudit_disclosure::{ItemState, Options, Profile, Site, audit, local_url};
use govaudit_html::Document;
use jiff::civil::date;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    page: Vec<PageLabel>,
}

#[derive(Deserialize)]
struct PageLabel {
    file: String,
    profile: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
    present: Vec<String>,
    #[serde(default)]
    review: Vec<String>,
}

#[derive(Default, Debug)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn label(state: ItemState) -> &'static str {
    state.as_str()
}

#[test]
fn f1_on_present_and_absent_items_meets_the_bar() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    let (mut present, mut absent) = (Counts::default(), Counts::default());
    let mut review_agree = (0, 0);
    let mut errors = Vec::new();
    for page in &expected.page {
        let profile = Profile::builtin(&page.profile).unwrap();
        for id in page.present.iter().chain(&page.review) {
            assert!(
                profile.item(id).is_some(),
                "{}: unknown item {id}",
                page.file
            );
        }
        let bytes = std::fs::read(dir.join(&page.file)).unwrap();
        let url = local_url("index.html").unwrap();
        let doc = Document::parse(&bytes, None, Some(&url));
        let site = Site::from_pages(url.clone(), [(url, doc)]);
        let result = audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap();
        for item in &result.items {
            let want = if page.present.contains(&item.id) {
                "present"
            } else if page.review.contains(&item.id) {
                "review"
            } else {
                "absent"
            };
            let got = label(item.state);
            if want != got {
                errors.push(format!(
                    "{} {}: expected {want}, got {got} {:?}",
                    page.file,
                    item.id,
                    item.evidence.first()
                ));
            }
            match (want == "present", got == "present") {
                (true, true) => present.tp += 1,
                (false, true) => present.fp += 1,
                (true, false) => present.fn_ += 1,
                _ => {}
            }
            match (want == "absent", got == "absent") {
                (true, true) => absent.tp += 1,
                (false, true) => absent.fp += 1,
                (true, false) => absent.fn_ += 1,
                _ => {}
            }
            if want == "review" {
                review_agree.1 += 1;
                if got == "review" {
                    review_agree.0 += 1;
                }
            }
        }
    }
    eprintln!(
        "evaluation: {} pages; present {present:?} F1 {:.3}; absent {absent:?} F1 {:.3}; review {}/{} agreed",
        expected.page.len(),
        present.f1(),
        absent.f1(),
        review_agree.0,
        review_agree.1
    );
    for error in &errors {
        eprintln!("  {error}");
    }
    assert!(expected.page.len() >= 12);
    assert!(present.f1() >= 0.97, "present F1 {:.3}", present.f1());
    assert!(absent.f1() >= 0.95, "absent F1 {:.3}", absent.f1());
}
