//! `govaudit profile list` and `govaudit profile show NAME|FILE`: the scoring profiles, their
//! indicators, how each is measured and the points it carries.

use crate::Verdict;
use govaudit_i18n::{Catalog, Lang};
use govaudit_score::{Measure, ScoringProfile};
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub command: ProfileCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ProfileCommand {
    /// List the built-in scoring profiles.
    List,
    /// Print a scoring profile: its rules, and per indicator its group, how it is measured,
    /// its points and its name.
    Show(ShowArgs),
}

/// How `profile show` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    /// For people.
    Text,
    /// The profile as JSON.
    Json,
    /// The profile as TOML (a starting point for your own file).
    Toml,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// A built-in profile (cn-gov, us-federal, eu-public-sector, generic) or a profile file.
    #[arg(value_name = "PROFILE|FILE.toml")]
    pub profile: String,
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

pub fn run(args: &ProfileArgs) -> anyhow::Result<Verdict> {
    let mut out = std::io::stdout().lock();
    match &args.command {
        ProfileCommand::List => {
            for (id, _) in govaudit_score::BUILTIN_PROFILES {
                let profile = ScoringProfile::builtin(id)?;
                writeln!(
                    out,
                    "{id:<18} {} ({} indicators)",
                    profile.scoring.name,
                    profile.indicators.len()
                )?;
            }
        }
        ProfileCommand::Show(show) => {
            let profile = load(&show.profile)?;
            match show.format {
                ShowFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &profile)?;
                    writeln!(out)?;
                }
                ShowFormat::Toml => write!(out, "{}", profile.to_toml())?,
                ShowFormat::Text => {
                    let lang = crate::scoring::language(&profile)?;
                    write_text(&profile, lang, &mut out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Verdict::Clean)
}

fn load(spec: &str) -> anyhow::Result<ScoringProfile> {
    if govaudit_score::BUILTIN_PROFILES
        .iter()
        .any(|(id, _)| *id == spec)
    {
        return Ok(ScoringProfile::builtin(spec)?);
    }
    let text = std::fs::read_to_string(spec).map_err(|e| {
        anyhow::anyhow!(
            "profile {spec:?}: not a built-in scoring profile, and not a readable file ({e})"
        )
    })?;
    Ok(ScoringProfile::from_toml(&text, spec)?)
}

fn measure_text(measure: &Measure) -> String {
    match measure {
        Measure::Findings {
            rules,
            page,
            evidence,
            fail_at,
            ..
        } => {
            let mut text = format!("findings of {}", rules.join(", "));
            match page {
                govaudit_score::PageScope::Any => {}
                govaudit_score::PageScope::Homepage => text.push_str(" on the homepage"),
                govaudit_score::PageScope::Other => text.push_str(" on other pages"),
            }
            for (key, value) in evidence {
                text.push_str(&format!(" where {key} = {value}"));
            }
            if *fail_at > 1 {
                text.push_str(&format!(", fails at {fail_at}"));
            }
            text
        }
        Measure::Items { items } => format!("disclosure items {}", items.join(", ")),
        Measure::Availability { fail_ratio } => {
            format!("availability (monitor), fails at a failure ratio ≥ {fail_ratio}")
        }
        Measure::Domain { suffix } => format!("host ends with {suffix}"),
        Measure::AreaScore { area } => format!("{area} area score"),
        Measure::Observatory => "Mozilla Observatory score".to_owned(),
        Measure::Person => "a person decides".to_owned(),
        Measure::NotMeasured => "not measured in one run".to_owned(),
    }
}

fn write_text(profile: &ScoringProfile, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let catalog = Catalog::get(lang);
    let header = &profile.scoring;
    writeln!(out, "{} ({})", header.name, header.id)?;
    if let Some(max) = header.max {
        write!(out, "max {max}")?;
        if let Some(mark) = header.pass_mark {
            write!(out, ", pass mark {mark}")?;
        }
        writeln!(out)?;
    }
    if let Some(disclosure) = &header.disclosure {
        writeln!(out, "disclosure profile: {disclosure}")?;
    }
    for rule in &header.rules_applied {
        writeln!(out, "- {}", catalog.tr(rule))?;
    }
    for indicator in &profile.indicators {
        let group = serde_json::to_value(indicator.group)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let name_id = govaudit_score::name_id(&indicator.id);
        writeln!(out)?;
        writeln!(
            out,
            "{}  [{group}{}]",
            indicator.id,
            indicator
                .verification
                .map(|v| format!(", {v:?}"))
                .unwrap_or_default()
        )?;
        writeln!(out, "  {}", catalog.tr(&name_id))?;
        if let Some(rule) = catalog.attribute(&name_id, "rule", None) {
            writeln!(out, "  {rule}")?;
        }
        writeln!(out, "  measured: {}", measure_text(&indicator.measure))?;
        match &indicator.points {
            Some(p) => writeln!(
                out,
                "  points: {}{}{}{}",
                p.value,
                p.per_instance
                    .map(|x| format!(" ({x} per instance)"))
                    .unwrap_or_default(),
                if p.estimate { ", estimate" } else { "" },
                if p.source.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", p.source)
                }
            )?,
            None if indicator.group == govaudit_score::Group::Deduction => {
                writeln!(out, "  points: not set")?
            }
            None => {}
        }
        if let Some(note) = &indicator.note {
            writeln!(out, "  note: {note}")?;
        }
    }
    Ok(())
}
