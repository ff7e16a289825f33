//! Unique CSS paths and short snippets for elements, as findings show them.

use crate::document::Element;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 160;
/// Longest attribute value inside a snippet, in characters.
const SNIPPET_VALUE_CHARS: usize = 60;

/// A selector that matches exactly `element`: `#id` where the id is unique and plainly
/// written, otherwise `parent > name` steps with `:nth-child()` where siblings share the name.
pub(crate) fn css_path(element: &Element<'_>) -> String {
    let document = element.document();
    let mut steps: Vec<String> = Vec::new();
    let mut current = *element;
    loop {
        // Quirks mode matches ids case-insensitively, so `#id` could match a twin there.
        if let Some(id) = current.id()
            && !document.is_quirks_mode()
            && !current.is_in_template()
            && is_plain_identifier(id)
            && document.has_unique_id(id)
        {
            steps.push(format!("#{id}"));
            break;
        }
        let name = if is_plain_tag_name(current.name()) {
            current.name()
        } else {
            "*"
        };
        let Some(parent) = current.parent() else {
            steps.push(if name == "html" {
                ":root".into()
            } else {
                name.into()
            });
            break;
        };
        if current.shares_name_with_sibling() || name == "*" {
            steps.push(format!("{name}:nth-child({})", current.sibling_position()));
        } else {
            steps.push(name.to_owned());
        }
        current = parent;
    }
    steps.reverse();
    steps.join(" > ")
}

fn is_plain_identifier(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn is_plain_tag_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The start tag with its attributes, each value and the whole shortened.
pub(crate) fn snippet(element: &Element<'_>) -> String {
    let mut out = format!("<{}", element.name());
    for (qual, value) in element.raw().value().attrs.iter() {
        out.push(' ');
        if let Some(prefix) = &qual.prefix {
            out.push_str(prefix);
            out.push(':');
        }
        out.push_str(&qual.local);
        out.push_str("=\"");
        let value = shorten(value, SNIPPET_VALUE_CHARS);
        out.push_str(&value.replace('"', "&quot;"));
        out.push('"');
    }
    out.push('>');
    shorten(&out, SNIPPET_CHARS)
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
