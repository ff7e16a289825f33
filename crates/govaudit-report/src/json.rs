use crate::ReportError;
use govaudit_core::{Report, SCHEMA};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::Write;

/// Writes the report as one pretty-printed `govaudit/1` document, exactly as
/// `docs/schema/govaudit-1.schema.json` describes, followed by a newline.
pub fn write_json(report: &Report, out: &mut dyn Write) -> Result<(), ReportError> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// Writes JSON Lines: `{"type":"finding", ...}` per finding, `{"type":"note", ...}` per note,
/// then `{"type":"summary","schema":"govaudit/1", ...}`. A reader can act on each finding as it
/// arrives and knows the stream is complete when the summary line comes.
pub fn write_jsonl(report: &Report, out: &mut dyn Write) -> Result<(), ReportError> {
    for finding in &report.findings {
        write_line(out, tagged("finding", &[], finding)?)?;
    }
    for note in &report.notes {
        write_line(out, tagged("note", &[], note)?)?;
    }
    let schema = [("schema", Value::from(SCHEMA))];
    write_line(out, tagged("summary", &schema, &report.summary)?)?;
    out.flush()?;
    Ok(())
}

/// `{"type": kind, extra..., fields of value...}`; `type` comes first so a reader can dispatch on
/// the start of the line.
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
