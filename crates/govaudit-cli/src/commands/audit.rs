//! `govaudit audit`: one pass over a site (a directory, page files, a live URL, a list of URLs
//! or paths, a WARC recording): every page fetched or read once, parsed once and checked by
//! every area on every core, results streamed. `check`, `links` and `disclosure` are views of it.

use crate::Verdict;
use crate::live::SiteRunArgs;
use crate::output::{OutputArgs, TerminalProgress, verdict};
use anyhow::{Context as _, bail};
use govaudit_disclosure::Profile;
use govaudit_engine::{Area, Areas, AuditConfig, DisclosureConfig, RunOutcome, Target};
use std::path::Path;
use std::sync::Arc;

/// The areas `--only` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AreaArg {
    A11y,
    Links,
    Disclosure,
    Headers,
}

impl AreaArg {
    pub fn area(self) -> Area {
        match self {
            AreaArg::A11y => Area::A11y,
            AreaArg::Links => Area::Links,
            AreaArg::Disclosure => Area::Disclosure,
            AreaArg::Headers => Area::Headers,
        }
    }
}

/// `--profile`, `--as-of`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProfileArgs {
    /// Disclosure profile: cn-gov, us-federal, eu-public-sector, or a profile TOML file.
    #[arg(long, value_name = "PROFILE|FILE.toml")]
    pub profile: Option<String>,
    /// The day freshness is measured against (YYYY-MM-DD); default: today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

impl ProfileArgs {
    /// The disclosure configuration, when a profile is given.
    pub fn config(&self) -> anyhow::Result<Option<DisclosureConfig>> {
        let Some(spec) = &self.profile else {
            return Ok(None);
        };
        let as_of = match &self.as_of {
            Some(text) => text
                .parse::<govaudit_disclosure::jiff::civil::Date>()
                .with_context(|| format!("--as-of {text:?} is not a date (YYYY-MM-DD)"))?,
            None => govaudit_disclosure::jiff::tz::Offset::UTC
                .to_datetime(govaudit_disclosure::jiff::Timestamp::now())
                .date(),
        };
        Ok(Some(DisclosureConfig {
            profile: Arc::new(load_profile(spec)?),
            as_of,
        }))
    }
}

/// A built-in profile by name, or a profile file.
pub fn load_profile(spec: &str) -> anyhow::Result<Profile> {
    let builtin = govaudit_disclosure::BUILTIN_PROFILES
        .iter()
        .any(|(id, _)| *id == spec);
    if builtin {
        return Ok(Profile::builtin(spec)?);
    }
    let path = Path::new(spec);
    if !path.exists() {
        let names: Vec<&str> = govaudit_disclosure::BUILTIN_PROFILES
            .iter()
            .map(|(id, _)| *id)
            .collect();
        bail!(
            "profile {spec:?}: no such file, and not a built-in profile ({})",
            names.join(", ")
        );
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {spec}"))?;
    Ok(Profile::from_toml(&text, spec)?)
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Run only these areas (comma-separated); default: all.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<AreaArg>,
    /// Threads that check pages (default: one per core).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub profile: ProfileArgs,
    #[command(flatten)]
    pub run: SiteRunArgs,
    /// A directory, HTML files, an http(s) URL (crawled), a list of URLs or paths (.txt), or a
    /// WARC file (.warc, .warc.gz).
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<String>,
}

/// The run's configuration from the command line.
pub fn config(args: &AuditArgs, targets: &[Target]) -> anyhow::Result<AuditConfig> {
    let mut config = AuditConfig {
        areas: Areas::only(&args.only.iter().map(|a| a.area()).collect::<Vec<_>>()),
        jobs: args.jobs.map_or(0, usize::from),
        applicability: args.output.format == crate::output::FormatArg::Earl,
        disclosure: args.profile.config()?,
        ..AuditConfig::default()
    };
    args.run.apply(
        targets,
        args.targets.first().map(String::as_str),
        &mut config,
    )?;
    Ok(config)
}

/// Reads the targets named on the command line.
pub fn targets(arguments: &[String]) -> anyhow::Result<Vec<Target>> {
    arguments
        .iter()
        .map(|a| Target::parse(a).map_err(anyhow::Error::from))
        .collect()
}

/// Runs the engine with results streamed to standard output; returns the verdict and what the
/// run left besides its findings.
pub fn run_engine(
    targets: &[Target],
    config: &AuditConfig,
    output: &OutputArgs,
) -> anyhow::Result<(Verdict, RunOutcome)> {
    let mut sink = output.stream()?;
    sink.set_earl_sources(output.earl_sources(targets));
    let progress = TerminalProgress::new(output.quiet);
    let outcome = govaudit_engine::audit(targets, config, &mut sink, &progress);
    progress.finish();
    let outcome = outcome?;
    let summary = sink.finish(&outcome.sections)?;
    Ok((verdict(&summary, output.fail_on), outcome))
}

pub fn run(args: &AuditArgs) -> anyhow::Result<Verdict> {
    let targets = targets(&args.targets)?;
    let config = config(args, &targets)?;
    Ok(run_engine(&targets, &config, &args.output)?.0)
}
