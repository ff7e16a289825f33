//! `govaudit links`: `audit --only links`. A directory is checked offline (files, letter case,
//! fragments, mixed content, mailto); a URL is crawled within scope and every internal and
//! external link of every page is checked over HTTP, each URL once. Every occurrence is
//! reported.

use crate::Verdict;
use crate::commands::audit::{run_engine, targets};
use crate::live::SiteRunArgs;
use crate::output::OutputArgs;
use govaudit_engine::{Area, Areas, AuditConfig};

#[derive(Debug, clap::Args)]
pub struct LinksArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Threads that check pages (default: one per core).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=512))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub run: SiteRunArgs,
    /// A directory (checked offline), an http(s) URL (crawled), a list (.txt) or a WARC file.
    #[arg(value_name = "DIR|URL")]
    pub target: String,
}

pub fn run(args: &LinksArgs) -> anyhow::Result<Verdict> {
    let targets = targets(std::slice::from_ref(&args.target))?;
    let mut config = AuditConfig {
        areas: Areas::none().with(Area::Links),
        jobs: args.jobs.map_or(0, usize::from),
        ..AuditConfig::default()
    };
    args.run
        .apply(&targets, Some(args.target.as_str()), &mut config)?;
    Ok(run_engine(&targets, &config, &args.output)?.0)
}
