//! Scoring in `audit`: which scoring profile a run uses, a sink that tallies what scoring needs
//! while passing every result on, and `--out DIR` (report.json, findings.sarif, report.html,
//! the WARC of a live run), each file written whole or not at all.

use crate::output::StreamSink;
use anyhow::Context as _;
use govaudit_core::{Applicability, Finding, Note, Summary};
use govaudit_engine::{Sink, SinkError};
use govaudit_i18n::Lang;
use govaudit_report::{Format, ReportStream, TextStyle};
use govaudit_score::{Scorecard, ScoringProfile, Tally};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr as _;

/// The section of a report that holds the scorecard.
pub const SCORES_SECTION: &str = "scores";

/// The profiles `--profile SPEC` names: a scoring profile and the disclosure profile it needs.
pub struct Profiles {
    pub scoring: ScoringProfile,
    /// A built-in disclosure profile name or a disclosure profile file.
    pub disclosure: Option<String>,
}

/// Resolves `--profile`: a built-in scoring profile (`cn-gov`, `us-federal`,
/// `eu-public-sector`, `generic`), a scoring profile file (`[scoring]` or `extends`), or — as
/// before scoring existed — a disclosure profile name or file, scored per area (`generic`).
pub fn resolve(spec: Option<&str>) -> anyhow::Result<Profiles> {
    let Some(spec) = spec else {
        return Ok(Profiles {
            scoring: ScoringProfile::builtin("generic")?,
            disclosure: None,
        });
    };
    if govaudit_score::BUILTIN_PROFILES
        .iter()
        .any(|(id, _)| *id == spec)
    {
        let scoring = ScoringProfile::builtin(spec)?;
        let disclosure = scoring.scoring.disclosure.clone();
        return Ok(Profiles {
            scoring,
            disclosure,
        });
    }
    let path = Path::new(spec);
    if path.is_file() {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {spec}"))?;
        if ScoringProfile::looks_like_scoring(&text) {
            let scoring = ScoringProfile::from_toml(&text, spec)?;
            // A disclosure profile file named by a scoring file is found beside it.
            let disclosure = scoring.scoring.disclosure.clone().map(|d| {
                let builtin = govaudit_disclosure::BUILTIN_PROFILES
                    .iter()
                    .any(|(id, _)| *id == d);
                match path.parent() {
                    Some(dir) if !builtin && Path::new(&d).is_relative() => {
                        dir.join(&d).to_string_lossy().into_owned()
                    }
                    _ => d,
                }
            });
            return Ok(Profiles {
                scoring,
                disclosure,
            });
        }
    }
    // A disclosure profile (built-in or file): errors about it come from its loader.
    Ok(Profiles {
        scoring: ScoringProfile::builtin("generic")?,
        disclosure: Some(spec.to_owned()),
    })
}

/// The report language: `--lang`, else govaudit.toml's `lang`, else the scoring profile's
/// (`lang` in its `[scoring]` table), else English (see `crate::lang`).
pub fn language(profile: &ScoringProfile) -> anyhow::Result<Lang> {
    if let Some(tag) = profile.scoring.lang.as_deref() {
        crate::lang::set_profile_language(tag.parse::<Lang>()?);
    }
    Ok(crate::lang::chosen())
}

type OutFile = ReportStream<BufWriter<tempfile::NamedTempFile>>;

/// Passes every result on to standard output and the `--out` files, and tallies what scoring
/// needs (counts and capped evidence per indicator), so no finding is kept twice.
pub struct ScoringSink {
    stdout: StreamSink,
    files: Vec<(OutFile, PathBuf)>,
    tally: Tally,
}

impl ScoringSink {
    /// `out`: the directory of `--out`, created if missing.
    pub fn new(
        stdout: StreamSink,
        out: Option<&Path>,
        profile: &ScoringProfile,
        homepage: Option<String>,
    ) -> anyhow::Result<Self> {
        let mut files = Vec::new();
        if let Some(dir) = out {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let rules = crate::all_rules();
            for (name, format) in [
                ("report.json", Format::Json),
                ("findings.sarif", Format::Sarif),
            ] {
                let temp = tempfile::NamedTempFile::new_in(dir)
                    .with_context(|| format!("cannot write in {}", dir.display()))?;
                let stream =
                    ReportStream::new(format, &rules, TextStyle::plain(), BufWriter::new(temp))?;
                files.push((stream, dir.join(name)));
            }
        }
        Ok(ScoringSink {
            stdout,
            files,
            tally: Tally::new(profile, homepage),
        })
    }

    /// The tally so far.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Ends every output with `sections` (holding the scorecard by now) and moves the `--out`
    /// files into place; the summary of standard output decides the exit code.
    pub fn finish(
        self,
        sections: &serde_json::Map<String, serde_json::Value>,
    ) -> anyhow::Result<Summary> {
        let summary = self.stdout.finish(sections)?;
        for (stream, path) in self.files {
            let (_, out) = stream.finish(sections)?;
            let temp = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("cannot write {}", path.display()))?;
            // Readable as any report file is (a temporary file is private to its owner).
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                temp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
            temp.as_file().sync_all()?;
            temp.persist(&path)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(summary)
    }
}

impl Sink for ScoringSink {
    fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) -> Result<(), SinkError> {
        self.tally.resource(url, findings);
        self.stdout.resource(url, findings, applicability)?;
        for (stream, _) in &mut self.files {
            stream.resource(url, findings, applicability)?;
        }
        Ok(())
    }

    fn findings(&mut self, findings: &[Finding]) -> Result<(), SinkError> {
        self.tally.findings(findings);
        self.stdout.findings(findings)?;
        for (stream, _) in &mut self.files {
            stream.findings(findings)?;
        }
        Ok(())
    }

    fn note(&mut self, note: &Note) -> Result<(), SinkError> {
        self.stdout.note(note)?;
        for (stream, _) in &mut self.files {
            stream.note(note)?;
        }
        Ok(())
    }
}

/// The scorecard in a few lines for people (text output), in `lang`.
pub fn write_text(card: &Scorecard, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let catalog = govaudit_i18n::Catalog::get(lang);
    let verdict = match card.verdict {
        govaudit_score::Verdict::Pass => "report-verdict-pass",
        govaudit_score::Verdict::Fail => "report-verdict-fail",
        govaudit_score::Verdict::NeedsPerson => "report-verdict-needs-person",
    };
    writeln!(out)?;
    writeln!(
        out,
        "{} ({}): {}",
        card.profile_name,
        card.profile,
        catalog.tr(verdict)
    )?;
    if let Some(total) = card.total {
        let bound = if card.total_is_upper_bound {
            format!(" ({})", catalog.tr("scorecard-total-upper-bound"))
        } else {
            String::new()
        };
        writeln!(out, "  {total} / {}{bound}", card.max)?;
    }
    writeln!(out, "  {}", card.explain(lang))?;
    let state_id = |state: govaudit_score::IndicatorState| match state {
        govaudit_score::IndicatorState::Pass => "scorecard-state-pass",
        govaudit_score::IndicatorState::Fail => "scorecard-state-fail",
        govaudit_score::IndicatorState::NeedsPerson => "scorecard-state-needs-person",
        govaudit_score::IndicatorState::NotMeasured => "scorecard-state-not-measured",
    };
    // Columns line up by display width: a Chinese character takes two terminal cells.
    let states: Vec<String> = card
        .indicators
        .iter()
        .map(|i| catalog.tr(state_id(i.state)).into_owned())
        .collect();
    let width = states.iter().map(|s| s.width()).max().unwrap_or(0);
    for (indicator, state) in card.indicators.iter().zip(&states) {
        let score = match (indicator.deducted, indicator.score) {
            (Some(d), _) if d > 0.0 => format!(" −{d}"),
            (_, Some(s)) => format!(" {s}"),
            _ => String::new(),
        };
        let padding = " ".repeat(width - state.width());
        writeln!(
            out,
            "  {state}{padding}  {}{score} [{}]",
            catalog.tr(&indicator.name_id),
            indicator.id
        )?;
        // Why an indicator is not met is what the reader acts on.
        if indicator.state == govaudit_score::IndicatorState::Fail {
            writeln!(out, "  {}  {}", " ".repeat(width), indicator.explain(lang))?;
        }
    }
    Ok(())
}

/// The homepage of the first target, which splits homepage findings from the others: a
/// directory's index page, a live run's start URL; otherwise the first resource checked.
pub fn homepage(targets: &[govaudit_engine::Target]) -> Option<String> {
    match targets.first()? {
        govaudit_engine::Target::Url(url) => Some(url.to_string()),
        govaudit_engine::Target::Directory(dir) => ["index.html", "index.htm", "index.shtml"]
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.is_file())
            .map(|path| path.to_string_lossy().into_owned()),
        _ => None,
    }
}
