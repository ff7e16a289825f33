//! Properties of URL resolution and the path ↔ URL mapping of offline checks.

use govaudit_links::css::css_urls;
use govaudit_links::extract::resolve;
use govaudit_links::offline::{checkable_fragment, path_of_url, url_of_path};
use govaudit_links::srcset::candidate_urls;
use proptest::prelude::*;
use url::Url;

fn site() -> Url {
    Url::parse("https://www.shili.gov.cn/").unwrap()
}

proptest! {
    #[test]
    fn resolving_anything_never_panics(href in ".{0,80}") {
        let page = Url::parse("https://www.shili.gov.cn/a/b/c.html").unwrap();
        let _ = resolve(Some(&page), &href);
        let _ = resolve(None, &href);
    }

    #[test]
    fn file_paths_survive_the_round_trip(
        segments in prop::collection::vec("[^/\u{0}]{1,12}", 1..5)
    ) {
        // `.` and `..` segments are not file names.
        prop_assume!(segments.iter().all(|s| s != "." && s != ".."));
        let path = segments.join("/");
        let url = url_of_path(&site(), &path);
        prop_assert_eq!(path_of_url(&site(), &url), Some(path));
    }

    #[test]
    fn climbing_above_the_root_is_clamped(ups in 0usize..12, name in "[a-z]{1,8}") {
        let page = Url::parse("https://www.shili.gov.cn/a/b/c.html").unwrap();
        let href = format!("{}{name}.html", "../".repeat(ups));
        let url = resolve(Some(&page), &href).unwrap();
        prop_assert_eq!(url.host_str(), Some("www.shili.gov.cn"));
        let expected = match ups {
            0 => format!("a/b/{name}.html"),
            1 => format!("a/{name}.html"),
            _ => format!("{name}.html"),
        };
        prop_assert_eq!(path_of_url(&site(), &url), Some(expected));
    }

    #[test]
    fn srcset_candidates_are_pieces_of_the_value(value in ".{0,80}") {
        for (at, url) in candidate_urls(&value) {
            prop_assert_eq!(&value[at..at + url.len()], url);
            prop_assert!(!url.is_empty());
        }
    }

    #[test]
    fn css_and_fragments_never_panic(css in ".{0,120}") {
        let _ = css_urls(&css);
        let _ = checkable_fragment(&css);
    }
}
