//! `govaudit disclosure`: `audit --only disclosure`: the required items of a profile (cn-gov,
//! us-federal, eu-public-sector or a TOML file) over a site on disk or a live site, every item
//! with its state and evidence, and the freshness of each column.

use crate::Verdict;
use crate::commands::audit::{ProfileArgs, run_engine, targets};
use crate::live::LiveArgs;
use crate::output::{FormatArg, OutputArgs};
use anyhow::bail;
use govaudit_engine::{Area, Areas, AuditConfig, Target};
use govaudit_i18n::Catalog;
use govaudit_site::scope::Scope;
use serde_json::Value;
use std::io::Write as _;

/// Pages fetched at most in a live run: the audit itself reads the homepage, the pages it links
/// to and, behind the disclosure entrance, one level more.
const LIVE_MAX_PAGES: usize = 300;

#[derive(Debug, clap::Args)]
pub struct DisclosureArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// For a live site: request options.
    #[command(flatten)]
    pub live: LiveArgs,
    #[command(flatten)]
    pub limits: crate::live::LimitArgs,
    /// A directory whose index.html is the homepage, one HTML file, or a live site's URL.
    #[arg(value_name = "PATH|URL")]
    pub path: String,
}

pub fn run(args: &DisclosureArgs) -> anyhow::Result<Verdict> {
    if args.profile.profile.is_none() {
        bail!("give --profile cn-gov, us-federal, eu-public-sector or a profile TOML file");
    }
    let targets = targets(std::slice::from_ref(&args.path))?;
    let mut config = AuditConfig {
        areas: Areas::none().with(Area::Disclosure),
        disclosure: args.profile.config()?,
        ..AuditConfig::default()
    };
    let start = match targets.first() {
        Some(Target::Url(url)) => url.host_str().zip(url.port_or_known_default()),
        _ => None,
    };
    args.live.apply(&mut config.http.fetch, start)?;
    args.limits.apply(&mut config);
    if let Some(Target::Url(start)) = targets.first() {
        // Same registrable domain (xxgk.example.gov.cn belongs to www.example.gov.cn), depth 2.
        config.crawl.scope = Scope::domain_of(start);
        config.crawl.max_depth = 2;
        config.crawl.max_pages = LIVE_MAX_PAGES;
    }
    let (verdict, outcome) = run_engine(&targets, &config, &args.output)?;
    let Some(items) = outcome.sections.get("items") else {
        bail!(
            "{}: no homepage to audit (a directory needs an index.html)",
            args.path
        );
    };
    if args.output.format == FormatArg::Text {
        let mut out = Vec::new();
        write_items(outcome.sections.get("profile"), items, &mut out)?;
        crate::Destination::stdout().write_all(&out)?;
    }
    Ok(verdict)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The array under `key`, empty when there is none.
fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// `:LINE` when the value has a line, else nothing.
fn line_suffix(value: &Value) -> String {
    value
        .get("line")
        .and_then(Value::as_u64)
        .map(|l| format!(":{l}"))
        .unwrap_or_default()
}

/// Every item with its state and evidence, then the columns with their newest dates.
fn write_items(profile: Option<&Value>, items: &Value, out: &mut Vec<u8>) -> std::io::Result<()> {
    let clean = |t: &str| govaudit_report::escape_for_terminal(t).into_owned();
    let catalog = Catalog::get(crate::lang::chosen());
    let items = items.as_array().map_or(&[][..], Vec::as_slice);
    if let Some(profile) = profile {
        let pages = profile
            .get("pages")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let line = catalog.tr_args(
            "cli-disclosure-profile",
            &[
                ("id", clean(text(profile, "id")).into()),
                ("name", clean(text(profile, "name")).into()),
                ("date", clean(text(profile, "as_of")).into()),
                ("pages", pages.into()),
                ("homepage", clean(text(profile, "homepage")).into()),
            ],
        );
        writeln!(out, "\n{line}")?;
    }
    let count = |state: &str| items.iter().filter(|i| text(i, "state") == state).count();
    let line = catalog.tr_args(
        "cli-disclosure-items",
        &[
            ("present", count("present").into()),
            ("absent", count("absent").into()),
            ("review", count("review").into()),
        ],
    );
    writeln!(out, "{line}")?;
    for item in items {
        writeln!(
            out,
            "  {:<8} {:<28} {:.2}  {}",
            text(item, "state"),
            clean(text(item, "id")),
            item.get("confidence")
                .and_then(Value::as_f64)
                .unwrap_or(0.0),
            clean(text(item, "description"))
        )?;
        for e in list(item, "evidence").iter().take(2) {
            let href = e
                .get("href")
                .and_then(Value::as_str)
                .map(|h| format!(" -> {}", clean(h)))
                .unwrap_or_default();
            writeln!(
                out,
                "           {}{} {} \"{}\"{href}",
                clean(text(e, "page")),
                line_suffix(e),
                clean(text(e, "signal")),
                clean(text(e, "text"))
            )?;
        }
        for e in list(item, "ignored").iter().take(2) {
            writeln!(
                out,
                "           {} {}{} \"{}\"",
                catalog.tr("cli-disclosure-not-counted"),
                clean(text(e, "page")),
                line_suffix(e),
                clean(text(e, "text"))
            )?;
        }
    }
    let columns = profile.map_or(&[][..], |p| list(p, "columns"));
    if !columns.is_empty() {
        writeln!(out, "{}", catalog.tr("cli-disclosure-columns"))?;
        for c in columns {
            let limit = c
                .get("max_age_days")
                .and_then(Value::as_u64)
                .map(|m| {
                    let stale = c.get("stale").and_then(Value::as_bool) == Some(true);
                    let limit =
                        catalog.tr_args("cli-disclosure-column-limit", &[("days", m.into())]);
                    let stale = if stale {
                        catalog.tr("cli-disclosure-column-stale").into_owned()
                    } else {
                        String::new()
                    };
                    format!("{limit}{stale}")
                })
                .unwrap_or_default();
            let age = catalog.tr_args(
                "cli-disclosure-column-age",
                &[(
                    "days",
                    c.get("age_days")
                        .and_then(Value::as_i64)
                        .unwrap_or(0)
                        .into(),
                )],
            );
            writeln!(
                out,
                "  {} {}: {age}{limit}  ({}{})",
                clean(text(c, "name")),
                clean(text(c, "newest")),
                clean(text(c, "page")),
                line_suffix(c)
            )?;
        }
    }
    Ok(())
}
