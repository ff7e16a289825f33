//! `govaudit rules` and `govaudit rule ID`: the catalogue, generated from each rule's metadata.

use crate::catalogue::{all_rules, find_rule};
use crate::{Destination, Verdict};
use anyhow::bail;
use govaudit_core::{Fidelity, RuleMeta};
use govaudit_i18n::{Catalog, FluentValue, Lang};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CatalogueFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
    pub format: CatalogueFormat,
    /// Only rules of these areas (a11y, headers, links, disclosure).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// A rule id such as `a11y/image-alt`.
    pub id: String,
}

/// One rule as `govaudit rules --format json` prints it: references as `SCHEME:ID` strings.
#[derive(Debug, Serialize)]
struct RuleEntry {
    id: &'static str,
    area: &'static str,
    severity: govaudit_core::Severity,
    summary: String,
    standards: &'static [&'static str],
    sources: Vec<&'static str>,
    /// Sources the rule is only inspired by (the rest give the same verdicts).
    inspired_by: Vec<&'static str>,
    help: String,
    docs: String,
    /// The rule's title, message and fix from the catalog of `--lang` when it is not English
    /// (the English texts above stay as they are).
    #[serde(skip_serializing_if = "Option::is_none")]
    localized: Option<Localized>,
}

/// A rule's catalog entry in one language.
#[derive(Debug, Serialize)]
struct Localized {
    lang: &'static str,
    title: String,
    message: Option<String>,
    fix: Option<String>,
}

impl Localized {
    fn of(meta: &RuleMeta, lang: Lang) -> Option<Localized> {
        if lang == Lang::En {
            return None;
        }
        let text = Catalog::get(lang).rule(meta.id)?;
        Some(Localized {
            lang: lang.tag(),
            title: text.title,
            message: text.message,
            fix: text.fix,
        })
    }
}

impl RuleEntry {
    fn new(meta: &'static RuleMeta, lang: Lang) -> Self {
        RuleEntry {
            id: meta.id,
            area: meta.area(),
            severity: meta.severity,
            summary: meta.summary(),
            standards: meta.standards,
            sources: meta.sources.iter().map(|s| s.id).collect(),
            inspired_by: meta
                .sources
                .iter()
                .filter(|s| s.fidelity == Fidelity::Inspired)
                .map(|s| s.id)
                .collect(),
            help: meta.help_uri(),
            docs: meta.documentation(),
            localized: Localized::of(meta, lang),
        }
    }
}

pub fn list(args: &RulesArgs) -> anyhow::Result<Verdict> {
    let lang = crate::lang::chosen();
    let catalog = Catalog::get(lang);
    let rules: Vec<&'static RuleMeta> = all_rules()
        .into_iter()
        .filter(|r| args.only.is_empty() || args.only.iter().any(|a| a == r.area()))
        .collect();
    let rendered = match args.format {
        CatalogueFormat::Json => {
            let entries: Vec<RuleEntry> =
                rules.into_iter().map(|r| RuleEntry::new(r, lang)).collect();
            let mut json = serde_json::to_string_pretty(&entries)?;
            json.push('\n');
            json
        }
        CatalogueFormat::Text => {
            let mut text = String::new();
            for rule in &rules {
                writeln!(
                    text,
                    "{}  [{}]  {}",
                    rule.id,
                    rule.severity,
                    title(catalog, rule)
                )?;
                writeln!(text, "    {}", rule.references().join(" "))?;
            }
            writeln!(
                text,
                "{}",
                catalog.tr_args(
                    "cli-rules-count",
                    &[("count", FluentValue::from(rules.len()))]
                )
            )?;
            text
        }
    };
    Destination::stdout().write_all(rendered.as_bytes())?;
    Ok(Verdict::Clean)
}

pub fn show(args: &RuleArgs) -> anyhow::Result<Verdict> {
    let Some(rule) = find_rule(&args.id) else {
        bail!("unknown rule {:?} (`govaudit rules` lists them)", args.id);
    };
    let catalog = Catalog::get(crate::lang::chosen());
    let localized = match catalog.lang() {
        Lang::En => None,
        _ => catalog.rule(rule.id),
    };
    let arg = |name: &'static str, value: String| [(name, FluentValue::from(value))];
    let mut text = String::new();
    match &localized {
        Some(local) => writeln!(text, "# {}  {}", rule.id, local.title)?,
        None => writeln!(text, "# {}", rule.id)?,
    }
    writeln!(text)?;
    writeln!(
        text,
        "{}",
        catalog.tr_args(
            "cli-rule-severity",
            &arg(
                "severity",
                catalog
                    .tr(&format!("report-severity-{}", rule.severity.as_str()))
                    .into_owned()
            )
        )
    )?;
    if !rule.standards.is_empty() {
        writeln!(
            text,
            "{}",
            catalog.tr_args(
                "cli-rule-standards",
                &arg("standards", rule.standards.join(", "))
            )
        )?;
    }
    if !rule.sources.is_empty() {
        let sources: Vec<String> = rule
            .sources
            .iter()
            .map(|s| match s.fidelity {
                Fidelity::Same => s.id.to_owned(),
                Fidelity::Inspired => {
                    catalog.tr_args("cli-rule-inspired-by", &arg("source", s.id.to_owned()))
                }
            })
            .collect();
        writeln!(
            text,
            "{}",
            catalog.tr_args("cli-rule-sources", &arg("sources", sources.join(", ")))
        )?;
    }
    writeln!(text)?;
    if let Some(local) = localized {
        for (id, value) in [
            ("cli-rule-message", local.message),
            ("cli-rule-fix", local.fix),
        ] {
            if let Some(value) = value {
                writeln!(text, "{}", catalog.tr_args(id, &arg("text", value)))?;
            }
        }
        writeln!(text)?;
        writeln!(text, "{}", catalog.tr("cli-rule-docs-in-english"))?;
        writeln!(text)?;
    }
    writeln!(text, "{}", rule.documentation())?;
    Destination::stdout().write_all(text.as_bytes())?;
    Ok(Verdict::Clean)
}

/// The rule's one-line description: its English summary, or its title in another language.
fn title(catalog: &Catalog, rule: &RuleMeta) -> String {
    match catalog.lang() {
        Lang::En => rule.summary(),
        _ => catalog
            .rule(rule.id)
            .map_or_else(|| rule.summary(), |text| text.title),
    }
}
