fn main() {
    let path = std::env::args().nth(1).unwrap();
    let doc = govaudit_html::Document::parse(&std::fs::read(path).unwrap(), None, None);
    for e in doc.elements() {
        println!(
            "{} {} {:?} {}",
            e.name(),
            e.line(),
            e.is_in_template(),
            e.css_path()
        );
    }
}
