//! `govaudit.toml` (found upward from the first target, or `--config FILE`) and
//! `--baseline REPORT.json`: a team's decisions about rules and findings.
//!
//! ```toml
//! inline_ignores = true              # honour <!-- govaudit-ignore RULE --> comments (default)
//!
//! [rules]
//! "a11y/color-contrast-enhanced" = "off"
//! "a11y/region" = "low"              # a severity: critical, high, medium, low, info
//!
//! [[ignore]]                         # leave out findings matching all that is given
//! rules = ["links/*"]
//! url = "**/archive/**"
//! selector = "#legacy-footer"
//!
//! [links]
//! exclude = ["^https://weibo\\.com/"]
//! accept = [403]
//!
//! [content]
//! allowed_terms = ["国家林业局"]     # old names the site may keep (a history column)
//! allowed_script_hosts = ["stats.example.com"]
//! site_domains = ["example.cn"]      # other registrable domains of the same site
//! ```

use anyhow::{Context as _, bail};
use govaudit_core::Severity;
use govaudit_engine::{AuditConfig, Ignore, Policy, RulePattern};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The file name looked for from the target's directory upward.
pub const CONFIG_FILE: &str = "govaudit.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default = "yes")]
    inline_ignores: bool,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    ignore: Vec<IgnoreEntry>,
    #[serde(default)]
    links: LinksSection,
    #[serde(default)]
    content: ContentSection,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IgnoreEntry {
    #[serde(default)]
    rules: Vec<String>,
    url: Option<String>,
    selector: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinksSection {
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    accept: Vec<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentSection {
    #[serde(default)]
    allowed_terms: Vec<String>,
    #[serde(default)]
    allowed_script_hosts: Vec<String>,
    #[serde(default)]
    site_domains: Vec<String>,
}

/// `--config`, `--no-config`, `--baseline`.
#[derive(Debug, Clone, clap::Args)]
pub struct PolicyArgs {
    /// The configuration file (default: govaudit.toml in the target's directory or above).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Do not look for govaudit.toml.
    #[arg(long)]
    pub no_config: bool,
    /// A previous report (govaudit JSON or JSON Lines): findings it holds are not reported
    /// again, so only new findings fail the run.
    #[arg(long, value_name = "REPORT")]
    pub baseline: Option<PathBuf>,
}

impl PolicyArgs {
    /// Applies the configuration file and the baseline to a run's configuration.
    pub fn apply(
        &self,
        first_target: Option<&str>,
        config: &mut AuditConfig,
    ) -> anyhow::Result<()> {
        let file = match (&self.config, self.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => first_target.and_then(find_upward),
        };
        config.policy.inline_ignores = true;
        if let Some(path) = file {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let parsed: ConfigFile =
                toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}:\n{e}", path.display()))?;
            apply_file(parsed, config).with_context(|| path.display().to_string())?;
        }
        if let Some(path) = &self.baseline {
            config.policy.baseline = baseline(path)?;
        }
        Ok(())
    }
}

/// `govaudit.toml` in the target's directory (the target itself for a directory) or above.
fn find_upward(target: &str) -> Option<PathBuf> {
    if target.contains("://") {
        return None;
    }
    let path = Path::new(target);
    let start = if path.is_dir() { path } else { path.parent()? };
    let start = std::fs::canonicalize(start).ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

fn apply_file(file: ConfigFile, config: &mut AuditConfig) -> anyhow::Result<()> {
    let policy: &mut Policy = &mut config.policy;
    policy.inline_ignores = file.inline_ignores;
    for (rule, setting) in &file.rules {
        let pattern = RulePattern::new(rule)?;
        if setting.eq_ignore_ascii_case("off") {
            policy.off.push(pattern);
        } else {
            let severity: Severity = setting.parse().map_err(|_| {
                anyhow::anyhow!(
                    "[rules] {rule:?} = {setting:?}: expected \"off\" or a severity (critical, high, medium, low, info)"
                )
            })?;
            policy.severity.push((pattern, severity));
        }
    }
    for entry in &file.ignore {
        if entry.rules.is_empty() && entry.url.is_none() && entry.selector.is_none() {
            bail!("an [[ignore]] entry needs rules, url or selector (it would ignore everything)");
        }
        policy.ignore.push(Ignore {
            rules: entry
                .rules
                .iter()
                .map(|r| RulePattern::new(r))
                .collect::<Result<_, _>>()?,
            url: entry
                .url
                .as_deref()
                .map(|u| {
                    globset::Glob::new(u)
                        .map(|g| g.compile_matcher())
                        .with_context(|| format!("invalid url pattern {u:?}"))
                })
                .transpose()?,
            selector: entry.selector.clone(),
        });
    }
    for pattern in &file.links.exclude {
        config.http.exclude.push(
            regex::Regex::new(pattern)
                .with_context(|| format!("invalid regular expression {pattern:?}"))?,
        );
    }
    for pattern in &file.links.include {
        config.http.include.push(
            regex::Regex::new(pattern)
                .with_context(|| format!("invalid regular expression {pattern:?}"))?,
        );
    }
    config.http.accept.extend(&file.links.accept);
    config.content = govaudit_content::Config {
        allowed_terms: file.content.allowed_terms,
        allowed_script_hosts: file.content.allowed_script_hosts,
        site_domains: file.content.site_domains,
    };
    Ok(())
}

/// The fingerprints of the findings of a previous report (JSON or JSON Lines).
fn baseline(path: &Path) -> anyhow::Result<HashSet<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the baseline {}", path.display()))?;
    let findings: Vec<govaudit_core::Finding> =
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(report) => serde_json::from_value(report["findings"].clone())
                .with_context(|| format!("{}: not a govaudit report", path.display()))?,
            Err(_) => text
                .lines()
                .filter(|l| l.starts_with("{\"type\":\"finding\""))
                .map(serde_json::from_str::<govaudit_core::Finding>)
                .collect::<Result<_, _>>()
                .with_context(|| format!("{}: not a govaudit report", path.display()))?,
        };
    Ok(findings
        .iter()
        .map(govaudit_report::finding_fingerprint)
        .collect())
}
