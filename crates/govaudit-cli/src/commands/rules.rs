//! `govaudit rules` and `govaudit rule ID`: the catalogue, generated from each rule's metadata.

use crate::catalogue::{all_rules, find_rule};
use crate::{Destination, Verdict};
use anyhow::bail;
use govaudit_core::{Fidelity, RuleMeta};
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
}

impl RuleEntry {
    fn new(meta: &'static RuleMeta) -> Self {
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
        }
    }
}

pub fn list(args: &RulesArgs) -> anyhow::Result<Verdict> {
    let rules: Vec<&'static RuleMeta> = all_rules()
        .into_iter()
        .filter(|r| args.only.is_empty() || args.only.iter().any(|a| a == r.area()))
        .collect();
    let rendered = match args.format {
        CatalogueFormat::Json => {
            let entries: Vec<RuleEntry> = rules.into_iter().map(RuleEntry::new).collect();
            let mut json = serde_json::to_string_pretty(&entries)?;
            json.push('\n');
            json
        }
        CatalogueFormat::Text => {
            let mut text = String::new();
            for rule in &rules {
                writeln!(text, "{}  [{}]  {}", rule.id, rule.severity, rule.summary())?;
                writeln!(text, "    {}", rule.references().join(" "))?;
            }
            writeln!(text, "{} rules", rules.len())?;
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
    let mut text = String::new();
    writeln!(text, "# {}", rule.id)?;
    writeln!(text)?;
    writeln!(text, "Severity: {}", rule.severity)?;
    if !rule.standards.is_empty() {
        writeln!(text, "Standards: {}", rule.standards.join(", "))?;
    }
    if !rule.sources.is_empty() {
        let sources: Vec<String> = rule
            .sources
            .iter()
            .map(|s| match s.fidelity {
                Fidelity::Same => s.id.to_owned(),
                Fidelity::Inspired => format!("{} (inspired by)", s.id),
            })
            .collect();
        writeln!(text, "Sources: {}", sources.join(", "))?;
    }
    writeln!(text)?;
    writeln!(text, "{}", rule.documentation())?;
    Destination::stdout().write_all(text.as_bytes())?;
    Ok(Verdict::Clean)
}
