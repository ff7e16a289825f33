//! URLs in CSS (`url()`, `@import "..."`, `image-set("...")`), found with cssparser's tokenizer
//! so comments, escapes and strings are read as a browser reads them.

use cssparser::{Parser, Token};

/// One URL reference in a piece of CSS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssUrl {
    /// The URL as written, unescaped by the tokenizer.
    pub url: String,
    /// 0-based line within the CSS text.
    pub line: u32,
    /// 1-based column within its line.
    pub column: u32,
    /// Whether it came from `@import` (a stylesheet) rather than `url()`.
    pub import: bool,
}

/// Every URL referenced by `css`, in source order. Never fails: malformed CSS is skipped the way
/// browsers skip it, and nesting deeper than cssparser's limit is not descended.
pub fn css_urls(css: &str) -> Vec<CssUrl> {
    let mut parser = Parser::new(css);
    let mut out = Vec::new();
    walk(&mut parser, &mut out);
    out
}

fn walk(parser: &mut Parser<'_>, out: &mut Vec<CssUrl>) {
    let mut after_import = false;
    let mut in_url_function = false;
    loop {
        let location = parser.current_source_location();
        let token = match parser.next_including_whitespace_and_comments() {
            Ok(token) => token.clone(),
            Err(_) => break,
        };
        let push = |out: &mut Vec<CssUrl>, url: &str, import: bool| {
            out.push(CssUrl {
                url: url.to_owned(),
                line: location.line,
                column: location.column,
                import,
            });
        };
        match &token {
            Token::WhiteSpace(_) | Token::Comment(_) => continue,
            Token::UnquotedUrl(url) => push(out, url, after_import),
            Token::QuotedString(url) if after_import || in_url_function => {
                push(out, url, after_import)
            }
            Token::AtKeyword(name) if name.eq_ignore_ascii_case("import") => {
                after_import = true;
                continue;
            }
            Token::Function(name) => {
                // `url("x")` and `src("x")` hold one string; `image-set("a" 1x, ...)` several.
                let holds_urls = ["url", "src", "image-set", "-webkit-image-set"]
                    .iter()
                    .any(|f| name.eq_ignore_ascii_case(f));
                let import = after_import;
                let nested: Result<(), cssparser::ParseError<()>> =
                    parser.parse_nested_block(|inner| {
                        if holds_urls {
                            walk_url_function(inner, out, import);
                        } else {
                            walk(inner, out);
                        }
                        Ok(())
                    });
                let _ = nested;
            }
            Token::ParenthesisBlock | Token::SquareBracketBlock | Token::CurlyBracketBlock => {
                let nested: Result<(), cssparser::ParseError<()>> =
                    parser.parse_nested_block(|inner| {
                        walk(inner, out);
                        Ok(())
                    });
                let _ = nested;
            }
            _ => {}
        }
        after_import = false;
        in_url_function = false;
    }
}

/// Inside `url(`/`image-set(`: strings are URLs; nested functions (`url()` in `image-set`) too.
fn walk_url_function(parser: &mut Parser<'_>, out: &mut Vec<CssUrl>, import: bool) {
    loop {
        let location = parser.current_source_location();
        let token = match parser.next_including_whitespace_and_comments() {
            Ok(token) => token.clone(),
            Err(_) => break,
        };
        match &token {
            Token::QuotedString(url) | Token::UnquotedUrl(url) => out.push(CssUrl {
                url: url.to_string(),
                line: location.line,
                column: location.column,
                import,
            }),
            Token::Function(_) => {
                let nested: Result<(), cssparser::ParseError<()>> =
                    parser.parse_nested_block(|inner| {
                        walk_url_function(inner, out, import);
                        Ok(())
                    });
                let _ = nested;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(css: &str) -> Vec<(String, u32, bool)> {
        css_urls(css)
            .into_iter()
            .map(|u| (u.url, u.line, u.import))
            .collect()
    }

    #[test]
    fn finds_url_forms_and_imports() {
        let css = "@import 'a.css';\n@import url(b.css) screen;\nbody{background:url( \"c.png\" )}\n/* url(no.png) */\n.x{background-image:image-set('d.png' 1x, url(e.png) 2x)}\n@font-face{src:url(f.woff2) format('woff2')}";
        assert_eq!(
            urls(css),
            [
                ("a.css".into(), 0, true),
                ("b.css".into(), 1, true),
                ("c.png".into(), 2, false),
                ("d.png".into(), 4, false),
                ("e.png".into(), 4, false),
                ("f.woff2".into(), 5, false),
            ]
        );
    }

    #[test]
    fn strings_outside_url_functions_are_not_urls() {
        assert!(urls(".a::before{content:'x.png'} .b{font-family:'y.ttf'}").is_empty());
        assert_eq!(urls("a{b:url(x\\29 .png)}")[0].0, "x).png");
    }

    #[test]
    fn survives_broken_and_deep_css() {
        let deep = "(".repeat(100_000) + "url(x.png)";
        let _ = css_urls(&deep);
        let _ = css_urls("url(");
        let _ = css_urls("@import");
    }
}
