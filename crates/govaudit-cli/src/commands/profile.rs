//! `govaudit profile list` and `govaudit profile show NAME|FILE`: the scoring profiles, their
//! indicators, how each is measured and the points it carries.

use crate::Verdict;
use govaudit_core::Phrase;
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
                let count =
                    Phrase::new("cli-profile-indicators").count("count", profile.indicators.len());
                writeln!(
                    out,
                    "{id:<18} {} ({})",
                    profile.scoring.name,
                    Catalog::get(crate::lang::chosen()).phrase(&count)
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

/// How an indicator is measured, as catalog phrases.
fn measure_phrases(measure: &Measure) -> Vec<Phrase> {
    match measure {
        Measure::Findings {
            rules,
            page,
            evidence,
            fail_at,
            ..
        } => {
            let scope = match page {
                govaudit_score::PageScope::Any => "any",
                govaudit_score::PageScope::Homepage => "homepage",
                govaudit_score::PageScope::Other => "other",
            };
            let mut phrases = vec![
                Phrase::new("cli-measure-findings")
                    .text("rules", rules.join(", "))
                    .choice("scope", scope),
            ];
            for (key, value) in evidence {
                phrases.push(
                    Phrase::new("cli-measure-where")
                        .text("key", key.as_str())
                        .text("value", value.to_string()),
                );
            }
            if *fail_at > 1 {
                phrases.push(Phrase::new("cli-measure-fails-at").count("count", *fail_at));
            }
            phrases
        }
        Measure::Items { items } => {
            vec![Phrase::new("cli-measure-items").text("items", items.join(", "))]
        }
        Measure::Availability { fail_ratio } => {
            vec![Phrase::new("cli-measure-availability").number("ratio", *fail_ratio)]
        }
        Measure::Domain { suffix } => {
            vec![Phrase::new("cli-measure-domain").text("suffix", suffix.as_str())]
        }
        Measure::AreaScore { area } => {
            vec![Phrase::new("cli-measure-area-score").text("area", area.as_str())]
        }
        Measure::Observatory => vec![Phrase::new("cli-measure-observatory")],
        Measure::Person => vec![Phrase::new("cli-measure-person")],
        Measure::NotMeasured => vec![Phrase::new("cli-measure-not-measured")],
    }
}

fn write_text(profile: &ScoringProfile, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let catalog = Catalog::get(lang);
    let header = &profile.scoring;
    writeln!(out, "{} ({})", header.name, header.id)?;
    if let Some(max) = header.max {
        let mut line = vec![Phrase::new("cli-profile-max").number("max", max)];
        if let Some(mark) = header.pass_mark {
            line.push(Phrase::new("cli-profile-pass-mark").number("mark", mark));
        }
        writeln!(out, "{}", catalog.paragraph(&line))?;
    }
    if let Some(disclosure) = &header.disclosure {
        let phrase = Phrase::new("cli-profile-disclosure").text("id", disclosure.as_str());
        writeln!(out, "{}", catalog.phrase(&phrase))?;
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
        let measured = catalog.paragraph(&measure_phrases(&indicator.measure));
        let phrase = Phrase::new("cli-profile-measured").text("text", measured);
        writeln!(out, "  {}", catalog.phrase(&phrase))?;
        match &indicator.points {
            Some(p) => {
                let mut value = p.value.to_string();
                if let Some(per) = p.per_instance {
                    let per = Phrase::new("cli-profile-points-per-instance").number("per", per);
                    value.push_str(&format!(" ({})", catalog.phrase(&per)));
                }
                if p.estimate {
                    value.push_str(&catalog.tr("cli-profile-points-estimate"));
                }
                if !p.source.is_empty() {
                    value.push_str(&format!(" — {}", p.source));
                }
                let phrase = Phrase::new("cli-profile-points").text("value", value);
                writeln!(out, "  {}", catalog.phrase(&phrase))?;
            }
            None if indicator.group == govaudit_score::Group::Deduction => {
                writeln!(out, "  {}", catalog.tr("cli-profile-points-not-set"))?
            }
            None => {}
        }
        // A user's own note as written; a shipped indicator's note from the catalog.
        let note = match &indicator.note {
            Some(note) => Some(note.clone()),
            None => catalog.attribute(&name_id, "note", None),
        };
        if let Some(note) = note {
            let phrase = Phrase::new("cli-profile-note").text("text", note);
            writeln!(out, "  {}", catalog.phrase(&phrase))?;
        }
    }
    Ok(())
}
