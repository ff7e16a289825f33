//! Parsing author CSS (`<style>` sheets and `style` attributes) into rules and declarations with
//! cssparser. Only what a static cascade needs: selectors as text, declarations as
//! (property, value, important). At-rules: `@media` blocks apply when the query can match a
//! plain screen (no media features), `@supports` and `@layer` blocks apply, the rest is skipped.

use cssparser::{Delimiter, ParseError, ParseErrorKind, Parser, Token};

/// One declaration: lowercase property name, value text as written (trimmed), `!important`.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    pub property: String,
    pub value: String,
    pub important: bool,
}

/// A style rule: its selector list (as text) and its declarations.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleRule {
    pub selectors: String,
    pub declarations: Vec<Declaration>,
}

/// Nested at-rule blocks deeper than this are skipped (hostile input must not recurse deeply).
const MAX_NESTING: usize = 8;

/// Parses a style sheet's text into its style rules, in order.
pub fn parse_stylesheet(css: &str) -> Vec<StyleRule> {
    parse_stylesheet_with(css, |_| true)
}

/// Parses a style sheet keeping only declarations whose (lowercase) property `keep` accepts,
/// and only rules left with a declaration: large sheets cost no allocation for the rest.
pub fn parse_stylesheet_with(css: &str, keep: fn(&str) -> bool) -> Vec<StyleRule> {
    let mut parser = Parser::new(css);
    let mut rules = Vec::new();
    parse_rule_list(&mut parser, 0, keep, &mut rules);
    rules
}

/// Parses the text of a `style` attribute.
pub fn parse_declarations(css: &str) -> Vec<Declaration> {
    parse_declarations_with(css, |_| true)
}

/// [`parse_declarations`] keeping only the properties `keep` accepts.
pub fn parse_declarations_with(css: &str, keep: fn(&str) -> bool) -> Vec<Declaration> {
    let mut parser = Parser::new(css);
    declaration_list(&mut parser, keep)
}

fn parse_rule_list(
    input: &mut Parser<'_>,
    depth: usize,
    keep: fn(&str) -> bool,
    out: &mut Vec<StyleRule>,
) {
    loop {
        input.skip_whitespace();
        let start = input.position();
        let token = match input.next() {
            Ok(token) => token.clone(),
            Err(_) => return,
        };
        match token {
            Token::CDO | Token::CDC | Token::Semicolon => {}
            Token::AtKeyword(name) => {
                let name = name.to_ascii_lowercase();
                let prelude_start = input.position();
                let mut prelude_end = prelude_start;
                let mut has_block = false;
                loop {
                    let before = input.position();
                    match input.next() {
                        Ok(Token::CurlyBracketBlock) => {
                            prelude_end = before;
                            has_block = true;
                            break;
                        }
                        Ok(Token::Semicolon) | Err(_) => break,
                        Ok(_) => {}
                    }
                }
                if !has_block {
                    continue;
                }
                let prelude = input.slice(prelude_start..prelude_end).to_owned();
                let applies = match name.as_str() {
                    "media" => media_query_applies(&prelude),
                    "supports" | "layer" | "document" | "container" => true,
                    _ => false,
                };
                if applies && depth < MAX_NESTING {
                    let _ = input.parse_nested_block(|block| {
                        parse_rule_list(block, depth + 1, keep, out);
                        Ok::<(), ParseError<()>>(())
                    });
                }
            }
            _ => {
                // A qualified rule: the prelude runs to the first `{}` block.
                let mut prelude_end = None;
                loop {
                    let before = input.position();
                    match input.next() {
                        Ok(Token::CurlyBracketBlock) => {
                            prelude_end = Some(before);
                            break;
                        }
                        Ok(_) => {}
                        Err(_) => break,
                    }
                }
                let Some(end) = prelude_end else { return };
                let selectors = input.slice(start..end).trim();
                let declarations = input
                    .parse_nested_block(|block| {
                        Ok::<_, ParseError<()>>(declaration_list(block, keep))
                    })
                    .unwrap_or_default();
                if !declarations.is_empty() {
                    out.push(StyleRule {
                        selectors: selectors.to_owned(),
                        declarations,
                    });
                }
            }
        }
    }
}

fn declaration_list(input: &mut Parser<'_>, keep: fn(&str) -> bool) -> Vec<Declaration> {
    let mut out = Vec::new();
    while !input.is_exhausted() {
        let parsed = input.parse_until_after(Delimiter::Semicolon, |decl| {
            // Lowercased into a new string only when needed and kept (most declarations of a
            // sheet are dropped by `keep`).
            let ident = decl.expect_ident()?.clone();
            let lowered;
            let name: &str = if ident.bytes().any(|b| b.is_ascii_uppercase()) {
                lowered = ident.to_ascii_lowercase();
                &lowered
            } else {
                &ident
            };
            if !keep(name) {
                // parse_until_after skips the rest of this declaration.
                return Err(ParseError {
                    kind: ParseErrorKind::Custom(()),
                });
            }
            let property = name.to_owned();
            decl.expect_colon()?;
            let start = decl.position();
            while let Ok(token) = decl.next() {
                // Nested rules (CSS nesting) are not declarations; drop the whole item.
                if matches!(token, Token::CurlyBracketBlock) {
                    return Err(ParseError {
                        kind: ParseErrorKind::Custom(()),
                    });
                }
            }
            let raw = decl.slice_from(start).trim();
            let (value, important) = split_important(raw);
            Ok::<_, ParseError<()>>(Declaration {
                property,
                value: value.to_owned(),
                important,
            })
        });
        if let Ok(declaration) = parsed {
            out.push(declaration);
        }
    }
    out
}

fn split_important(raw: &str) -> (&str, bool) {
    if let Some(bang) = raw.rfind('!') {
        let flag = raw[bang + 1..].trim();
        if flag.eq_ignore_ascii_case("important") {
            return (raw[..bang].trim(), true);
        }
    }
    (raw, false)
}

/// Whether a media query list can match an ordinary screen without knowing its size: a query
/// of type `all` or `screen` (or no type) with no media features. `only` is ignored; `not` and
/// feature queries do not apply (unknown viewport: a rule that may not apply is not applied).
fn media_query_applies(prelude: &str) -> bool {
    let prelude = prelude.trim().to_ascii_lowercase();
    if prelude.is_empty() {
        return true;
    }
    prelude.split(',').any(|query| {
        let query = query.trim();
        if query.contains('(') {
            return false;
        }
        let mut words = query.split_ascii_whitespace();
        let mut first = words.next();
        if first == Some("only") {
            first = words.next();
        }
        matches!(first, Some("all" | "screen")) && words.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_important() {
        let rules = parse_stylesheet(
            "/* c */ .a, #b > p { display: none !important; color: red }\n\
             @media print { .x { display: none } }\n\
             @media screen { .y { visibility: hidden } }\n\
             @import url(x.css); @font-face { font-family: x }\n\
             p { } broken { color: ; display block; visibility: visible }",
        );
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[0].selectors, ".a, #b > p");
        assert_eq!(
            rules[0].declarations[0],
            Declaration {
                property: "display".into(),
                value: "none".into(),
                important: true
            }
        );
        assert_eq!(rules[1].selectors, ".y");
        assert_eq!(rules[2].declarations.len(), 2);
        assert_eq!(rules[2].declarations[1].property, "visibility");
    }

    #[test]
    fn inline_declarations() {
        let d = parse_declarations("DISPLAY:none;; color : rgb(0, 0, 0) ! important; x");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].property, "display");
        assert_eq!(d[1].value, "rgb(0, 0, 0)");
        assert!(d[1].important);
    }

    #[test]
    fn deep_nesting_does_not_recurse_without_bound() {
        let css = "@media screen {".repeat(10_000) + ".a{display:none}";
        assert!(parse_stylesheet(&css).is_empty());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Hostile CSS never panics, and the parser keeps no more rules than `{` blocks.
        #[test]
        fn any_text_parses(css in "\\PC{0,200}") {
            let rules = parse_stylesheet(&css);
            let blocks = css.matches('{').count();
            prop_assert!(rules.len() <= blocks, "{} rules from {} blocks", rules.len(), blocks);
            let _ = parse_declarations(&css);
        }

        /// Declarations written out are read back: property lowercased, value trimmed,
        /// `!important` recognised.
        #[test]
        fn declarations_round_trip(
            items in proptest::collection::vec(
                ("[a-zA-Z][a-zA-Z-]{0,12}", "[a-z0-9#,. %]{1,20}", any::<bool>()),
                0..6,
            )
        ) {
            let items: Vec<_> = items
                .into_iter()
                .filter(|(_, v, _)| !v.trim().is_empty())
                .collect();
            let css: String = items
                .iter()
                .map(|(p, v, i)| format!("{p}: {v}{};", if *i { " !important" } else { "" }))
                .collect();
            let parsed = parse_declarations(&css);
            prop_assert_eq!(parsed.len(), items.len());
            for (d, (p, v, i)) in parsed.iter().zip(&items) {
                prop_assert_eq!(&d.property, &p.to_ascii_lowercase());
                prop_assert_eq!(d.value.as_str(), v.trim());
                prop_assert_eq!(d.important, *i);
            }
        }
    }
}
