//! The `govaudit` command line. The binary only parses arguments and prints: every check lives in
//! a library crate, and each subcommand is one module of `commands`.

mod catalogue;
mod commands;
mod config;
mod lang;
mod live;
mod output;
mod scoring;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub use catalogue::all_rules;
pub use output::{Destination, OutputError, stderr_is_terminal};

/// How a successful run ends: clean (exit 0) or failing (exit 1): a finding at or above
/// `--fail-on`, or a scored `audit` whose verdict is fail (不合格). Usage and run errors exit 2.
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
    /// Language of text output: en or zh-CN (default: en, or zh-CN with --profile cn-gov, or
    /// `lang` in govaudit.toml). JSON, JSON Lines and SARIF keep English messages.
    #[arg(long, global = true, value_name = "LANG", value_parser = lang::parse_lang)]
    lang: Option<govaudit_i18n::Lang>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Audit a site in one pass: a directory, HTML files, a live URL (crawled), a list of URLs
    /// or paths, or a WARC recording; every area (accessibility, links, disclosure with
    /// --profile, headers) on every page, results streamed.
    Audit(Box<commands::audit::AuditArgs>),
    /// Check HTML files and directories offline (accessibility, links between the files).
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
    Disclosure(Box<commands::disclosure::DisclosureArgs>),
    /// Check links: a directory offline, a URL by crawling it (every occurrence reported).
    Links(Box<commands::links::LinksArgs>),
    /// Monitor a list of sites on a schedule: runs stored with their history (SQLite, or
    /// PostgreSQL for a fleet of workers), homepage availability probes, diffs, HTML reports.
    Monitor(commands::monitor::MonitorArgs),
    /// List or show the scoring profiles (cn-gov, us-federal, eu-public-sector, generic).
    Profile(commands::profile::ProfileArgs),
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
    lang::set_command_line(cli.lang);
    let result = match cli.command {
        Command::Audit(args) => commands::audit::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Rules(args) => commands::rules::list(&args),
        Command::Rule(args) => commands::rules::show(&args),
        Command::Headers(args) => commands::headers::run(&args),
        Command::Disclosure(args) => commands::disclosure::run(&args),
        Command::Links(args) => commands::links::run(&args),
        Command::Monitor(args) => commands::monitor::run(&args),
        Command::Profile(args) => commands::profile::run(&args),
    };
    match result {
        Ok(Verdict::Clean) => ExitCode::SUCCESS,
        Ok(Verdict::Failing) => ExitCode::from(1),
        // The reader went away (`govaudit ... | head`): nothing more to say to anyone.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("govaudit: {}", one_line(&error));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.to_string().contains("Broken pipe")
    })
}

/// The error and its causes on one line, as the exit-code contract promises; a cause whose
/// text the line already holds is not said twice. The engine's errors a user meets most are
/// said in the chosen language.
fn one_line(error: &anyhow::Error) -> String {
    let catalog = govaudit_i18n::Catalog::get(lang::chosen());
    let mut line = String::new();
    for cause in error.chain() {
        let text = match cause.downcast_ref::<govaudit_engine::EngineError>() {
            Some(engine) => engine_error_text(engine, catalog),
            None => cause.to_string(),
        };
        let text = text.replace('\n', " ");
        if line.contains(text.as_str()) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// An engine error in the catalog's language, where the catalog has it.
fn engine_error_text(
    error: &govaudit_engine::EngineError,
    catalog: &govaudit_i18n::Catalog,
) -> String {
    use govaudit_core::Phrase;
    use govaudit_engine::EngineError;
    let phrase = match error {
        EngineError::Unreachable { url, reason } => Phrase::new("error-unreachable")
            .text("url", url.as_str())
            .text("reason", reason.as_str()),
        EngineError::Empty(target) => Phrase::new("error-empty").text("target", target.as_str()),
        EngineError::Read { path, reason } => Phrase::new("error-read")
            .text("path", path.as_str())
            .text("reason", reason.as_str()),
        other => return other.to_string(),
    };
    catalog.phrase(&phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_said_once() {
        let inner = std::io::Error::other("key must be a string at line 1 column 2");
        let error = anyhow::Error::new(inner)
            .context("key must be a string at line 1 column 2")
            .context("cannot read cache.json");
        assert_eq!(
            one_line(&error),
            "cannot read cache.json: key must be a string at line 1 column 2"
        );
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
