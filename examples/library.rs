use govaudit_core::{Collector, Report};
use govaudit_html::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = std::fs::read("examples/demo-site/index.html")?;
    let doc = Document::parse(&bytes, Some("text/html"), None); // decoded once, parsed once
    let mut found = Collector::new("index.html");
    govaudit_a11y::check(&doc, &mut found);
    let mut report = Report::new();
    report.add_resource("index.html", found.into_findings());
    report.finish();
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
