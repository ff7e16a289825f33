//! `govaudit check`: `audit` over files offline: accessibility and content security on every
//! page, links between the files of each directory.

use crate::Verdict;
use crate::commands::audit::run_engine;
use crate::output::OutputArgs;
use anyhow::bail;
use govaudit_engine::{Area, Areas, AuditConfig, Target};
use std::path::PathBuf;

/// The areas `check` can run on files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckArea {
    A11y,
    /// Links between the files of each directory given (offline: files, letter case,
    /// fragments, insecure references).
    Links,
    /// Content security: hidden links to other sites, injected scripts, outdated names.
    Content,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Run only these areas (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<CheckArea>,
    /// Threads that check pages (default: one per core).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
    /// Where the site is served (`https://www.example.gov.cn/`): the scheme of its pages, and
    /// absolute links to its host are looked up on disk.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<url::Url>,
    #[command(flatten)]
    pub limits: crate::live::LimitArgs,
    #[command(flatten)]
    pub policy: crate::config::PolicyArgs,
    /// HTML files (.html, .htm, .shtml, .xhtml, .svg) and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The targets and configuration of a `check` run.
pub fn plan(args: &CheckArgs) -> anyhow::Result<(Vec<Target>, AuditConfig)> {
    let mut targets = Vec::new();
    for path in &args.paths {
        let text = path.to_string_lossy();
        match Target::parse(&text)? {
            target @ (Target::Directory(_) | Target::File(_)) => targets.push(target),
            Target::Url(_) => bail!(
                "{text}: check reads files; for a live site use `govaudit audit {text}` (every area) or `govaudit links {text}`"
            ),
            Target::List(_) | Target::Warc(_) => {
                bail!("{text}: check reads HTML files and directories; use `govaudit audit {text}`")
            }
        }
    }
    let mut areas = Areas::none();
    for area in Area::ALL {
        let wanted = match area {
            Area::A11y => args.only.is_empty() || args.only.contains(&CheckArea::A11y),
            Area::Links => args.only.is_empty() || args.only.contains(&CheckArea::Links),
            Area::Content => args.only.is_empty() || args.only.contains(&CheckArea::Content),
            Area::Disclosure | Area::Headers => false,
        };
        if wanted {
            areas = areas.with(area);
        }
    }
    let mut config = AuditConfig {
        areas,
        links_only_in_sites: !args.only.contains(&CheckArea::Links),
        jobs: args.jobs.map_or(0, usize::from),
        applicability: args.output.format == crate::output::FormatArg::Earl,
        site_url: args.site_url.clone(),
        ..AuditConfig::default()
    };
    args.limits.apply(&mut config);
    let first = args.paths.first().map(|p| p.to_string_lossy().into_owned());
    args.policy.apply(first.as_deref(), &mut config)?;
    Ok((targets, config))
}

pub fn run(args: &CheckArgs) -> anyhow::Result<Verdict> {
    let (targets, config) = plan(args)?;
    Ok(run_engine(&targets, &config, &args.output)?.0)
}
