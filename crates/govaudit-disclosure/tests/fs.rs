//! Loading a local site: the pages govaudit-site's walk lists, by its one table of page
//! extensions, become the site's pages.

use govaudit_disclosure::fs::{LoadError, load_site};
use govaudit_disclosure::{Options, Profile, audit};
use jiff::civil::date;

#[test]
fn pages_of_every_page_extension_are_loaded_and_other_files_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("xxgk")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(
        root.join("index.html"),
        "<nav><a href=xxgk/index.shtml>政府信息公开</a> <a href=lxwm.htm>联系我们</a></nav>",
    )
    .unwrap();
    std::fs::write(root.join("xxgk/index.shtml"), "<a href=zn.HTML>指南</a>").unwrap();
    std::fs::write(root.join("xxgk/zn.HTML"), "<p>指南").unwrap();
    std::fs::write(root.join("lxwm.htm"), "<p>电话").unwrap();
    std::fs::write(root.join("notes.txt"), "<a href=x>政府信息公开</a>").unwrap();
    std::fs::write(root.join(".git/index.html"), "<p>").unwrap();
    let site = load_site(root).unwrap();
    let mut paths: Vec<String> = site
        .pages()
        .map(|(url, _)| govaudit_disclosure::page_label(&url))
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        ["index.html", "lxwm.htm", "xxgk/index.shtml", "xxgk/zn.HTML"]
    );
    let profile = Profile::builtin("cn-gov").unwrap();
    let result = audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap();
    assert_eq!(
        result.pages,
        ["index.html", "xxgk/index.shtml", "lxwm.htm", "xxgk/zn.HTML"]
    );
}

#[test]
fn a_directory_without_index_or_a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), "<p>").unwrap();
    assert!(matches!(load_site(dir.path()), Err(LoadError::NoIndex(_))));
    assert!(matches!(
        load_site(&dir.path().join("missing")),
        Err(LoadError::Io { .. })
    ));
    let single = load_site(&dir.path().join("page.html")).unwrap();
    assert_eq!(single.len(), 1);
}
