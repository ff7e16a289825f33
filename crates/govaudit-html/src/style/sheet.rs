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
    parse_stylesheet_for(css, keep, &mut |_| true)
}

/// [`parse_stylesheet_with`], where rules whose selector list (as text) `wanted` rejects may be
/// left out without reading their declarations (some are still returned: callers filter too).
pub fn parse_stylesheet_for(
    css: &str,
    keep: fn(&str) -> bool,
    wanted: &mut dyn FnMut(&str) -> bool,
) -> Vec<StyleRule> {
    let mut rules = Vec::new();
    let bytes = css.as_bytes();
    let mut pos = 0;
    loop {
        pos = skip_whitespace_and_comments(bytes, pos);
        if pos >= bytes.len() {
            break;
        }
        if let Some(end) = plain_rule(css, pos, keep, wanted, &mut rules) {
            pos = end;
        } else if let Some(end) = media_block_that_does_not_apply(css, pos) {
            pos = end;
        } else {
            // Anything else (at-rules, comments or strings inside the rule, ...): one item
            // with cssparser, then on from where it stopped.
            let mut parser = Parser::new(&css[pos..]);
            let more = parse_rule(&mut parser, 0, keep, &mut rules);
            // Past the block of an at-rule that does not apply, if it was left unread.
            parser.skip_whitespace();
            let consumed = parser.position().byte_index();
            if !more || consumed == 0 {
                break;
            }
            pos += consumed;
        }
    }
    rules
}

/// Skips what cssparser's `skip_whitespace` skips: CSS whitespace and comments.
fn skip_whitespace_and_comments(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = bytes.get(pos) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' => pos += 1,
            b'/' if bytes.get(pos + 1) == Some(&b'*') => {
                pos = match bytes[pos + 2..].windows(2).position(|w| w == b"*/") {
                    Some(at) => pos + 2 + at + 2,
                    None => bytes.len(),
                };
            }
            _ => break,
        }
    }
    pos
}

/// A top-level style rule at `pos` simple enough to read byte by byte: no comment, string,
/// escape, `url(`, NUL or nested `{}` block in it, brackets properly nested, property names in
/// ASCII. Such a rule is read here without cssparser's tokenizer, with exactly cssparser's
/// result (a test compares them): a declaration is its name, `:` and the text up to the next
/// `;` outside brackets, and only those `keep` accepts cost an allocation. Returns where the
/// rule ends (after its `}`), having pushed it to `out` if it kept a declaration; `None` when
/// the rule is not that simple (cssparser then parses it).
fn plain_rule(
    css: &str,
    pos: usize,
    keep: fn(&str) -> bool,
    wanted: &mut dyn FnMut(&str) -> bool,
    out: &mut Vec<StyleRule>,
) -> Option<usize> {
    let bytes = css.as_bytes();
    // CDO, CDC, at-rules and stray closing or `;` tokens are handled by cssparser.
    if matches!(
        bytes[pos],
        b'<' | b'-' | b'@' | b';' | b'{' | b'}' | b')' | b']'
    ) {
        return None;
    }
    // Open `(` / `[` brackets (a few levels are plenty for selectors and values).
    let mut stack = [0u8; 16];
    let mut depth = 0;
    // Where the block opens, and where the current declaration starts.
    let mut block: Option<usize> = None;
    let mut item = 0;
    let mut declarations = Vec::new();
    let mut is_wanted = false;
    let mut i = pos;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' | b'\\' | 0 => return None,
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None,
            b'(' | b'[' => {
                if b == b'(' && i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"url") {
                    return None;
                }
                if depth == stack.len() {
                    return None;
                }
                stack[depth] = if b == b'(' { b')' } else { b']' };
                depth += 1;
            }
            b')' | b']' => {
                if depth == 0 || stack[depth - 1] != b {
                    return None;
                }
                depth -= 1;
            }
            b'{' => {
                if block.is_some() || depth != 0 {
                    return None;
                }
                block = Some(i);
                item = i + 1;
                is_wanted = wanted(css[pos..i].trim());
            }
            b';' | b'}' if block.is_some() && depth == 0 => {
                if is_wanted && let Some(declaration) = plain_declaration(&css[item..i], keep)? {
                    declarations.push(declaration);
                }
                item = i + 1;
                if b == b'}' {
                    let open = block?;
                    if !declarations.is_empty() {
                        out.push(StyleRule {
                            selectors: css[pos..open].trim().to_owned(),
                            declarations,
                        });
                    }
                    return Some(i + 1);
                }
            }
            b'}' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// A top-level `@media` block at `pos` whose query does not apply, simple enough to delimit byte
/// by byte (no comment, string, escape or `url(` in it, brackets properly nested): where it
/// ends, after its `}`. cssparser would skip it too, but by tokenizing it; `None` otherwise.
fn media_block_that_does_not_apply(css: &str, pos: usize) -> Option<usize> {
    let bytes = css.as_bytes();
    let name_end = pos
        + 1
        + bytes[pos + 1..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))?;
    if bytes[pos] != b'@' || !bytes[pos + 1..name_end].eq_ignore_ascii_case(b"media") {
        return None;
    }
    // Non-ASCII or an escape would continue the at-keyword.
    if bytes[name_end] >= 0x80 || bytes[name_end] == b'\\' {
        return None;
    }
    let mut stack = [0u8; 32];
    let mut depth = 0;
    let mut block = None;
    let mut i = name_end;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' | b'\\' | 0 => return None,
            b'/' if bytes.get(i + 1) == Some(&b'*') => return None,
            b';' if block.is_none() && depth == 0 => return None,
            b'(' | b'[' | b'{' => {
                if b == b'(' && i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"url") {
                    return None;
                }
                if b == b'{' && block.is_none() {
                    if depth != 0 {
                        return None;
                    }
                    if media_query_applies(&css[name_end..i]) {
                        return None;
                    }
                    block = Some(i);
                } else {
                    if depth == stack.len() {
                        return None;
                    }
                    stack[depth] = match b {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    depth += 1;
                }
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return (b == b'}' && block.is_some()).then_some(i + 1);
                }
                if stack[depth - 1] != b {
                    return None;
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// One declaration of a [`plain_rule`]: `Ok(None)` when cssparser would drop it (no
/// identifier, no colon, or a property `keep` rejects), `None` when its name is not ASCII.
fn plain_declaration(item: &str, keep: fn(&str) -> bool) -> Option<Option<Declaration>> {
    let bytes = item.as_bytes();
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
    let start = bytes
        .iter()
        .position(|b| !is_space(b))
        .unwrap_or(bytes.len());
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b >= 0x80 {
            return None;
        }
        if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            break;
        }
        end += 1;
    }
    let name = &bytes[start..end];
    // An identifier starts with a letter or `_`, or `-` and then one of those or `-`.
    let is_ident = match name {
        [first, ..] if first.is_ascii_alphabetic() || *first == b'_' => true,
        [b'-', second, ..] => second.is_ascii_alphabetic() || matches!(second, b'_' | b'-'),
        _ => false,
    };
    if !is_ident {
        return Some(None);
    }
    let mut buffer = [0u8; 32];
    let long;
    let property: &str = match buffer.get_mut(..name.len()) {
        Some(lowered) => {
            for (to, from) in lowered.iter_mut().zip(name) {
                *to = from.to_ascii_lowercase();
            }
            std::str::from_utf8(lowered).ok()?
        }
        None => {
            long = item[start..end].to_ascii_lowercase();
            &long
        }
    };
    if !keep(property) {
        return Some(None);
    }
    let colon = end + bytes[end..].iter().position(|b| !is_space(b))?;
    if bytes[colon] != b':' {
        return Some(None);
    }
    let (value, important) = split_important(item[colon + 1..].trim());
    Some(Some(Declaration {
        property: property.to_owned(),
        value: value.to_owned(),
        important,
    }))
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
    while parse_rule(input, depth, keep, out) {}
}

/// Parses one item of a rule list (a rule, an at-rule, or a token to skip); `false` at the end
/// of the input.
fn parse_rule(
    input: &mut Parser<'_>,
    depth: usize,
    keep: fn(&str) -> bool,
    out: &mut Vec<StyleRule>,
) -> bool {
    {
        input.skip_whitespace();
        let start = input.position();
        let token = match input.next() {
            Ok(token) => token.clone(),
            Err(_) => return false,
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
                    return true;
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
                let Some(end) = prelude_end else { return false };
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
    true
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
pub(crate) fn media_query_applies(prelude: &str) -> bool {
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

/// One `@import` rule of a sheet: the address as written and its media query list (empty =
/// all). `layer(...)` and `supports(...)` conditions are dropped: layers do not change what
/// this cascade computes, and `@supports` blocks are applied too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub href: String,
    pub media: String,
}

/// The `@import` rules of a sheet, in order. They count only before any other rule (after
/// `@charset` and `@layer` statements), as in browsers; later ones are ignored.
pub fn parse_imports(css: &str) -> Vec<Import> {
    let mut parser = Parser::new(css);
    let mut imports = Vec::new();
    loop {
        parser.skip_whitespace();
        let name = match parser.next() {
            Ok(Token::CDO | Token::CDC) => continue,
            Ok(Token::AtKeyword(name)) => name.to_ascii_lowercase(),
            _ => break,
        };
        match name.as_str() {
            "import" => {
                let parsed = parser.parse_until_after(Delimiter::Semicolon, |rule| {
                    let href = rule.expect_url_or_string()?.as_ref().to_owned();
                    loop {
                        rule.skip_whitespace();
                        let state = rule.state();
                        match rule.next() {
                            Ok(Token::Ident(word)) if word.eq_ignore_ascii_case("layer") => {}
                            // The function's arguments are skipped with it.
                            Ok(Token::Function(f))
                                if f.eq_ignore_ascii_case("layer")
                                    || f.eq_ignore_ascii_case("supports") => {}
                            _ => {
                                rule.reset(&state);
                                break;
                            }
                        }
                    }
                    let start = rule.position();
                    while rule.next().is_ok() {}
                    let media = rule.slice_from(start).trim().to_owned();
                    Ok::<_, ParseError<()>>(Import { href, media })
                });
                if let Ok(import) = parsed {
                    imports.push(import);
                }
            }
            // Statements allowed before `@import`; a block (`@layer x { }`) ends the imports.
            "charset" | "layer" => loop {
                match parser.next() {
                    Ok(Token::Semicolon) => break,
                    Ok(Token::CurlyBracketBlock) | Err(_) => return imports,
                    Ok(_) => {}
                }
            },
            _ => break,
        }
    }
    imports
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
    fn imports_before_other_rules() {
        let imports = parse_imports(
            "@charset \"utf-8\"; /* c */ @layer base;\n@import url(a.css);\
             @IMPORT 'b.css' print, screen; @import url(\"c.css\") layer(x) supports(display: grid) screen;\
             @import ;  p { color: red } @import 'late.css';",
        );
        let found: Vec<(&str, &str)> = imports
            .iter()
            .map(|i| (i.href.as_str(), i.media.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("a.css", ""),
                ("b.css", "print, screen"),
                ("c.css", "screen")
            ]
        );
        assert!(parse_imports("@layer x { } @import 'a.css';").is_empty());
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

    /// The whole sheet through cssparser, as before the byte-level fast path.
    fn parse_with_cssparser_only(css: &str, keep: fn(&str) -> bool) -> Vec<StyleRule> {
        let mut parser = Parser::new(css);
        let mut rules = Vec::new();
        parse_rule_list(&mut parser, 0, keep, &mut rules);
        rules
    }

    fn keep_some(property: &str) -> bool {
        matches!(property, "display" | "color" | "x")
    }

    proptest! {
        /// The fast path that skips rules without a kept property gives exactly what
        /// cssparser alone gives, on CSS-like text with comments, strings, escapes, nested
        /// blocks, at-rules and unbalanced brackets.
        #[test]
        fn fast_path_matches_cssparser(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    ".a", " ", "\n", "{", "}", ";", ":", "(", ")", "[", "]", "display",
                    "DISPLAY", "color", "border-color", "x", "none", "red", "/*", "*/", "\"",
                    "'", "\\", "url(", "@media", "screen", "print", "@font-face", "<!--",
                    "-->", ",", "#b", "p", ">", "!important", "é", "\0", "-", "@MEDIA",
                    "(min-width:1px)", "@media print{", "@media screen{", "@mediax", "@media(",
                ]),
                0..40,
            )
        ) {
            let css: String = parts.concat();
            prop_assert_eq!(
                parse_stylesheet_with(&css, keep_some),
                parse_with_cssparser_only(&css, keep_some)
            );
            prop_assert_eq!(
                parse_stylesheet(&css),
                parse_with_cssparser_only(&css, |_| true)
            );
            // Rules left out by `wanted` are only rules it rejects.
            let wanted = |selectors: &str| !selectors.contains('p');
            let mut filtered = parse_stylesheet_for(&css, keep_some, &mut |s| wanted(s));
            filtered.retain(|r| wanted(&r.selectors));
            let mut expected = parse_with_cssparser_only(&css, keep_some);
            expected.retain(|r| wanted(&r.selectors));
            prop_assert_eq!(filtered, expected);
        }

        /// Hostile CSS never panics, and the parser keeps no more rules than `{` blocks.
        #[test]
        fn any_text_parses(css in "\\PC{0,200}") {
            let imports = parse_imports(&css);
            prop_assert!(imports.len() <= css.matches(';').count() + 1);
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
