//! `govaudit audit`: one pass over a site (a directory, page files, a live URL, a list of URLs
//! or paths, a WARC recording): every page fetched or read once, parsed once and checked by
//! every area on every core, results streamed. `check`, `links` and `disclosure` are views of it.

use crate::Verdict;
use crate::live::SiteRunArgs;
use crate::output::{OutputArgs, TerminalProgress, verdict};
use anyhow::{Context as _, bail};
use govaudit_disclosure::Profile;
use govaudit_engine::{Area, Areas, AuditConfig, DisclosureConfig, RunOutcome, Target};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The areas `--only` selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AreaArg {
    A11y,
    Links,
    Disclosure,
    Headers,
    Content,
}

impl AreaArg {
    pub fn area(self) -> Area {
        match self {
            AreaArg::A11y => Area::A11y,
            AreaArg::Links => Area::Links,
            AreaArg::Disclosure => Area::Disclosure,
            AreaArg::Headers => Area::Headers,
            AreaArg::Content => Area::Content,
        }
    }
}

/// `--profile`, `--as-of`.
#[derive(Debug, Clone, clap::Args)]
pub struct ProfileArgs {
    /// Profile: cn-gov, us-federal, eu-public-sector, or a profile TOML file. For `audit` also
    /// the scoring profile (with `generic`, and files with `[scoring]` or `extends`); default:
    /// govaudit.toml's `profile`.
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
        crate::lang::set_profile(spec);
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
    /// Write the assessor's files into this directory (created if missing): report.json (the
    /// report with its `scores`), findings.sarif, report.html, and site.warc.gz for a live run.
    /// Each file is written whole or not at all.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A directory, HTML files, an http(s) URL (crawled), a list of URLs or paths (.txt), or a
    /// WARC file (.warc, .warc.gz).
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<String>,
}

/// The run's configuration from the command line, without the disclosure profile (which
/// [`run`] derives from the scoring profile).
pub fn config(args: &AuditArgs, targets: &[Target]) -> anyhow::Result<AuditConfig> {
    let mut config = AuditConfig {
        areas: Areas::only(&args.only.iter().map(|a| a.area()).collect::<Vec<_>>()),
        links_only_in_sites: !args.only.iter().any(|a| a.area() == Area::Links),
        jobs: args.jobs.map_or(0, usize::from),
        applicability: args.output.format == crate::output::FormatArg::Earl,
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

/// `audit`: the engine run, scored when a profile is given (flag or govaudit.toml) or `--out`
/// asks for files. Exit 1 when a finding fails at `--fail-on` or the verdict is 不合格 (fail).
pub fn run(args: &AuditArgs) -> anyhow::Result<Verdict> {
    let targets = targets(&args.targets)?;
    let first = args.targets.first().map(String::as_str);
    let settings = args.run.policy.run_settings(first)?;
    let spec = args.profile.profile.clone().or(settings.profile.clone());
    let profiles = crate::scoring::resolve(spec.as_deref())?;
    let disclosure = ProfileArgs {
        profile: profiles.disclosure.clone(),
        as_of: args.profile.as_of.clone().or(settings.as_of.clone()),
    };
    let mut config = config(args, &targets)?;
    config.disclosure = disclosure.config()?;
    if config.site_url.is_none()
        && let Some(url) = &settings.site_url
    {
        config.site_url =
            Some(url::Url::parse(url).with_context(|| format!("govaudit.toml: site_url {url:?}"))?);
    }
    let start = targets.iter().find_map(|t| match t {
        Target::Url(url) => Some(url.clone()),
        _ => None,
    });
    if let (Some(dir), Some(_), None) = (&args.out, &start, &config.save_warc) {
        config.save_warc = Some(dir.join("site.warc.gz"));
    }
    if spec.is_none() && args.out.is_none() {
        return Ok(run_engine(&targets, &config, &args.output)?.0);
    }
    let lang = crate::scoring::language(&profiles.scoring)?;
    let mut sink = crate::scoring::ScoringSink::new(
        args.output.stream()?,
        args.out.as_deref(),
        &profiles.scoring,
        crate::scoring::homepage(&targets),
    )?;
    let progress = TerminalProgress::new(args.output.quiet);
    let outcome = govaudit_engine::audit(&targets, &config, &mut sink, &progress);
    progress.finish();
    // An unreachable start URL is itself a measurement (the site_unreachable veto): the run is
    // scored and its files written, then it ends as an unreachable run does (exit 2).
    let (mut outcome, unreachable) = match outcome {
        Ok(outcome) => (outcome, None),
        Err(error @ govaudit_engine::EngineError::Unreachable { .. }) => {
            (govaudit_engine::RunOutcome::default(), Some(error))
        }
        Err(error) => return Err(error.into()),
    };
    let areas = Area::ALL
        .iter()
        .filter(|a| config.areas.contains(**a))
        .filter(|a| **a != Area::Disclosure || config.disclosure.is_some())
        .map(|a| a.as_str().to_owned())
        .collect();
    let facts = govaudit_score::RunFacts {
        sections: Some(&outcome.sections),
        areas,
        site_url: start
            .as_ref()
            .or(config.site_url.as_ref())
            .map(|u| u.to_string()),
        as_of: config.disclosure.as_ref().map(|d| d.as_of.to_string()),
        start_url_failed: start.as_ref().map(|_| sink.tally().pages() == 0),
        availability: None,
    };
    let card = govaudit_score::score(&profiles.scoring, sink.tally(), &facts);
    outcome.sections.insert(
        crate::scoring::SCORES_SECTION.into(),
        serde_json::to_value(&card)?,
    );
    let summary = sink.finish(&outcome.sections)?;
    if args.output.format == crate::output::FormatArg::Text {
        let mut stdout = std::io::stdout().lock();
        crate::scoring::write_text(&card, lang, &mut stdout)?;
    }
    if let Some(dir) = &args.out {
        // report.html is rendered from the report.json just written: the findings were streamed
        // out, not kept, and the file is the complete report.
        let json_path = dir.join("report.json");
        let text = std::fs::read(&json_path)
            .with_context(|| format!("cannot read {}", json_path.display()))?;
        let report: govaudit_core::Report = serde_json::from_slice(&text)
            .with_context(|| format!("cannot read {}", json_path.display()))?;
        drop(text);
        let html = govaudit_report::html::render(
            &report,
            &crate::catalogue::all_rules(),
            Some(&card),
            lang,
        );
        let html_path = dir.join("report.html");
        crate::output::write_atomically(&html_path, html.as_bytes())
            .with_context(|| format!("cannot write {}", html_path.display()))?;
    }
    if let Some(error) = unreachable {
        let error = anyhow::Error::new(error);
        return Err(match &args.out {
            Some(dir) => error.context(
                govaudit_i18n::Catalog::get(crate::lang::chosen()).phrase(
                    &govaudit_core::Phrase::new("error-scored-unreachable")
                        .text("dir", dir.display().to_string()),
                ),
            ),
            None => error,
        });
    }
    let failing = verdict(&summary, args.output.fail_on) == Verdict::Failing
        || card.verdict == govaudit_score::Verdict::Fail;
    Ok(if failing {
        Verdict::Failing
    } else {
        Verdict::Clean
    })
}
