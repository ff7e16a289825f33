//! `cargo run -p govaudit-disclosure --features fs --example audit -- DIR [PROFILE] [YYYY-MM-DD]`
use govaudit_disclosure::{Options, Profile, audit, fs::load_site};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: audit DIR [PROFILE] [AS_OF]")?;
    let profile = Profile::builtin(&args.next().unwrap_or_else(|| "cn-gov".into()))?;
    let as_of = args.next().unwrap_or_else(|| "2026-11-25".into()).parse()?;
    let site = load_site(std::path::Path::new(&dir))?;
    let result = audit(&profile, &site, &Options::new(as_of))?;
    for item in &result.items {
        let best = item
            .evidence
            .first()
            .map(|e| format!("{} {:?} {:?} line {:?}", e.page, e.signal, e.text, e.line));
        println!(
            "{:28} {:8} {:.2} {}",
            item.id,
            item.state.as_str(),
            item.confidence,
            best.unwrap_or_default()
        );
    }
    for c in &result.columns {
        println!(
            "column {} {:?} newest {} age {} stale {} at {}:{:?}",
            c.name, c.kind, c.newest, c.age_days, c.stale, c.page, c.line
        );
    }
    for f in &result.findings {
        println!(
            "{} {} {} {}:{:?} {}",
            f.rule, f.outcome, f.severity, f.url, f.location.line, f.message
        );
    }
    println!("pages: {:?}", result.pages);
    Ok(())
}
