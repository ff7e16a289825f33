//! The `govaudit` command line. The binary only parses arguments and prints: every check lives in
//! a library crate, and each subcommand is one module of [`commands`].

mod catalogue;
mod commands;
mod inputs;
mod live;
mod live_exchange;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub use catalogue::all_rules;
pub use output::{Destination, OutputError, stderr_is_terminal};

/// How a successful run ends: clean (exit 0) or with failing findings at or above `--fail-on`
/// (exit 1). Errors exit 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    Failing,
}

#[derive(Debug, Parser)]
#[command(
    name = "govaudit",
    version,
    about = "Audit government websites: accessibility, information disclosure, links, security headers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check HTML files and directories offline.
    Check(commands::check::CheckArgs),
    /// List every rule with its standards and sources.
    Rules(commands::rules::RulesArgs),
    /// Print one rule's documentation.
    Rule(commands::rules::RuleArgs),
    /// Audit security headers of a live site (scanned as the MDN HTTP Observatory does) or of a
    /// recorded exchange, response head or HAR file, with an Observatory-compatible grade.
    Headers(commands::headers::HeadersArgs),
    /// Check required content (政府信息公开 items, identity marks, US/EU mandatory links) and
    /// column freshness of a local site against a profile.
    Disclosure(commands::disclosure::DisclosureArgs),
    /// Check links: a directory offline, a URL by crawling it (every occurrence reported).
    Links(Box<commands::links::LinksArgs>),
}

/// Runs the command line and returns the process exit code: 0 clean, 1 failing findings,
/// 2 usage or I/O error (one line on stderr).
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout with exit 0, usage errors to stderr with 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Rules(args) => commands::rules::list(&args),
        Command::Rule(args) => commands::rules::show(&args),
        Command::Headers(args) => commands::headers::run(&args),
        Command::Disclosure(args) => commands::disclosure::run(&args),
        Command::Links(args) => commands::links::run(&args),
    };
    match result {
        Ok(Verdict::Clean) => ExitCode::SUCCESS,
        Ok(Verdict::Failing) => ExitCode::from(1),
        Err(error) => {
            eprintln!("govaudit: {}", one_line(&error));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, as the exit-code contract promises.
fn one_line(error: &anyhow::Error) -> String {
    let parts: Vec<String> = error
        .chain()
        .map(|cause| cause.to_string().replace('\n', " "))
        .collect();
    parts.join(": ")
}
