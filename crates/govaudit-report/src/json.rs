//! JSON (`govaudit/1`, written progressively) and JSON Lines.

use crate::{Format, ReportError, TextStyle, render};
use govaudit_core::{Applicability, Finding, Note, Report, SCHEMA, Summary, Tool};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;

/// Writes the report as one pretty-printed `govaudit/1` document, as
/// `docs/schema/govaudit-1.schema.json` describes, followed by a newline. The same as
/// [`render`] with [`Format::Json`].
pub fn write_json(report: &Report, out: &mut dyn Write) -> Result<(), ReportError> {
    render(report, &[], Format::Json, TextStyle::plain(), out)
}

/// Writes JSON Lines: `{"type":"finding", ...}` per finding, `{"type":"note", ...}` per note,
/// then `{"type":"summary","schema":"govaudit/1", ...}`. A reader can act on each finding as it
/// arrives and knows the stream is complete when the summary line comes. The same as
/// [`render`] with [`Format::Jsonl`].
pub fn write_jsonl(report: &Report, out: &mut dyn Write) -> Result<(), ReportError> {
    render(report, &[], Format::Jsonl, TextStyle::plain(), out)
}

/// `value` pretty-printed, every line after the first indented by `indent` so it nests at that
/// depth. JSON strings never hold a raw newline, so every newline is a line break of the layout.
pub(crate) fn write_pretty(
    out: &mut dyn Write,
    value: &impl Serialize,
    indent: &str,
) -> Result<(), ReportError> {
    let text = serde_json::to_string_pretty(value)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// The `govaudit/1` document as it is written: the opening and `"findings": [` first, each
/// finding as it comes, and the members that are only known at the end (`resources`, `notes`,
/// `summary`, `applicability`, sections) after the array closes. Readers key by name, so the
/// member order differs from [`Report`]'s field order without changing the document.
pub(crate) struct JsonSink {
    any_finding: bool,
    resources: Vec<String>,
    notes: Vec<Note>,
    applicability: Vec<Applicability>,
}

/// Members of the document at depth 1 and the array elements inside them.
const MEMBER: &str = "\n  ";
const ELEMENT: &str = "\n    ";

impl JsonSink {
    pub(crate) fn start(out: &mut dyn Write) -> Result<Self, ReportError> {
        write!(out, "{{{MEMBER}\"schema\": ")?;
        serde_json::to_writer(&mut *out, SCHEMA)?;
        write!(out, ",{MEMBER}\"findings\": [")?;
        Ok(JsonSink {
            any_finding: false,
            resources: Vec::new(),
            notes: Vec::new(),
            applicability: Vec::new(),
        })
    }

    pub(crate) fn resource(&mut self, url: &str, applicability: &[Applicability]) {
        self.resources.push(url.to_owned());
        self.applicability(applicability);
    }

    pub(crate) fn findings(
        &mut self,
        out: &mut dyn Write,
        findings: &[Finding],
    ) -> Result<(), ReportError> {
        for finding in findings {
            if self.any_finding {
                out.write_all(b",")?;
            }
            self.any_finding = true;
            out.write_all(ELEMENT.as_bytes())?;
            write_pretty(out, finding, &ELEMENT[1..])?;
        }
        Ok(())
    }

    pub(crate) fn applicability(&mut self, records: &[Applicability]) {
        self.applicability.extend_from_slice(records);
    }

    pub(crate) fn note(&mut self, note: &Note) {
        self.notes.push(note.clone());
    }

    pub(crate) fn finish(
        self,
        out: &mut dyn Write,
        tool: &Tool,
        summary: &Summary,
        sections: &Map<String, Value>,
    ) -> Result<(), ReportError> {
        if self.any_finding {
            out.write_all(MEMBER.as_bytes())?;
        }
        out.write_all(b"]")?;
        write_member(out, "tool", tool)?;
        write_member(out, "resources", &self.resources)?;
        write_member(out, "notes", &self.notes)?;
        write_member(out, "summary", summary)?;
        if !self.applicability.is_empty() {
            write_member(out, "applicability", &self.applicability)?;
        }
        for (key, value) in sections {
            write_member(out, key, value)?;
        }
        out.write_all(b"\n}\n")?;
        Ok(())
    }
}

/// `,\n  "key": value` at depth 1.
fn write_member(out: &mut dyn Write, key: &str, value: &impl Serialize) -> Result<(), ReportError> {
    write!(out, ",{MEMBER}")?;
    serde_json::to_writer(&mut *out, key)?;
    out.write_all(b": ")?;
    write_pretty(out, value, &MEMBER[1..])
}

/// One JSON Lines object: `{"type": kind, fields of value...}`; `type` comes first so a reader
/// can dispatch on the start of the line.
pub(crate) fn write_jsonl_line(
    out: &mut dyn Write,
    kind: &str,
    value: &impl Serialize,
) -> Result<(), ReportError> {
    write_line(out, tagged(kind, &[], value)?)
}

/// The last JSON Lines object: `{"type":"summary","schema":"govaudit/1", ...}`.
pub(crate) fn write_jsonl_summary(
    out: &mut dyn Write,
    summary: &Summary,
) -> Result<(), ReportError> {
    let schema = [("schema", Value::from(SCHEMA))];
    write_line(out, tagged("summary", &schema, summary)?)
}

fn tagged(
    kind: &str,
    extra: &[(&str, Value)],
    value: &impl Serialize,
) -> Result<Map<String, Value>, ReportError> {
    let mut object = Map::new();
    object.insert("type".into(), kind.into());
    for (key, value) in extra {
        object.insert((*key).into(), value.clone());
    }
    match serde_json::to_value(value)? {
        Value::Object(fields) => object.extend(fields),
        // Findings, notes and summaries are structs; keep anything else rather than lose it.
        other => {
            object.insert("value".into(), other);
        }
    }
    Ok(object)
}

fn write_line(out: &mut dyn Write, object: Map<String, Value>) -> Result<(), ReportError> {
    serde_json::to_writer(&mut *out, &object)?;
    out.write_all(b"\n")?;
    Ok(())
}
