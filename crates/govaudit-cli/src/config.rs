//! `govaudit.toml` (found upward from the first target, or `--config FILE`) and
//! `--baseline REPORT.json`: a team's decisions about rules and findings.
//!
//! ```toml
//! profile = "cn-gov"                 # audit: scoring profile (and its disclosure profile)
//! site_url = "https://www.shili.gov.cn/"  # audit: where the site on disk is served
//! as_of = "2026-11-25"               # audit: the day freshness is measured against
//! lang = "zh-CN"                     # output language (en, zh-CN; default: the profile's)
//! inline_ignores = true              # honour <!-- govaudit-ignore RULE --> comments (default)
//! standard = "wcag2aa"               # WCAG target accessibility rules are selected by
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
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    site_url: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default = "yes")]
    inline_ignores: bool,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    ignore: Vec<IgnoreEntry>,
    #[serde(default)]
    links: LinksSection,
    /// The WCAG conformance target (`wcag2aa`, `wcag2aaa`, `wcag21aa`, ...).
    standard: Option<String>,
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
    /// The WCAG conformance target accessibility rules are selected by: wcag2a, wcag2aa
    /// (default: levels A and AA of WCAG 2.0-2.2), wcag2aaa, or a version: wcag20aa, wcag21aa.
    #[arg(long, value_name = "TARGET")]
    pub standard: Option<govaudit_core::wcag::Target>,
}

/// The run settings `govaudit.toml` may hold for `audit` (command-line flags win over them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSettings {
    /// `profile`: a built-in name, or a file path made relative to the configuration file.
    pub profile: Option<String>,
    /// `site_url`.
    pub site_url: Option<String>,
    /// `as_of` (YYYY-MM-DD).
    pub as_of: Option<String>,
}

impl PolicyArgs {
    fn file(&self, first_target: Option<&str>) -> Option<PathBuf> {
        match (&self.config, self.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => first_target.and_then(find_upward),
        }
    }

    fn read(path: &Path) -> anyhow::Result<ConfigFile> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}:\n{e}", path.display()))
    }

    /// The run settings of the configuration file, if there is one.
    pub fn run_settings(&self, first_target: Option<&str>) -> anyhow::Result<RunSettings> {
        let Some(path) = self.file(first_target) else {
            return Ok(RunSettings::default());
        };
        let file = Self::read(&path)?;
        // A profile file named in govaudit.toml is found beside it, not in the working directory.
        let profile = file.profile.map(|spec| {
            let relative = Path::new(&spec);
            let is_file = spec.ends_with(".toml") && relative.is_relative();
            match path.parent() {
                Some(dir) if is_file => dir.join(relative).to_string_lossy().into_owned(),
                _ => spec,
            }
        });
        Ok(RunSettings {
            profile,
            site_url: file.site_url,
            as_of: file.as_of,
        })
    }

    /// Applies the configuration file and the baseline to a run's configuration.
    pub fn apply(
        &self,
        first_target: Option<&str>,
        config: &mut AuditConfig,
    ) -> anyhow::Result<()> {
        config.policy.inline_ignores = true;
        if let Some(path) = self.file(first_target) {
            let parsed = Self::read(&path)?;
            if let Some(tag) = &parsed.lang {
                let lang: govaudit_i18n::Lang = tag
                    .parse()
                    .map_err(|e| anyhow::anyhow!("{}: lang = {tag:?}: {e}", path.display()))?;
                crate::lang::set_config_file(lang);
            }
            apply_file(parsed, config).with_context(|| path.display().to_string())?;
        }
        if let Some(path) = &self.baseline {
            config.policy.baseline = baseline(path)?;
        }
        if let Some(standard) = self.standard {
            config.standard = standard;
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
    if let Some(standard) = &file.standard {
        config.standard = standard.parse()?;
    }
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
