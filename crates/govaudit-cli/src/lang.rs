//! The language of text output. The first of these that is given wins:
//!
//! 1. `--lang en|zh-CN` on the command line (any command);
//! 2. `lang = "zh-CN"` in govaudit.toml (commands that read it);
//! 3. `--profile cn-gov`: the profile's readers are Chinese government web offices, so zh-CN;
//! 4. English.
//!
//! `LANG` and `LC_ALL` are not followed: a server or CI runner set up with a `zh_CN.UTF-8`
//! locale would otherwise change the text that scripts grep without anyone asking, and the
//! profile and govaudit.toml already say who the readers are. JSON, JSON Lines and SARIF keep
//! their English messages in every language.
//!
//! The choices arrive at different moments (the command line at start, govaudit.toml and the
//! profile while a command builds its configuration, before anything is written), so they are
//! collected here rather than threaded through every command.

use govaudit_i18n::Lang;
use std::sync::Mutex;

/// What each source said, if anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Choices {
    pub command_line: Option<Lang>,
    pub config_file: Option<Lang>,
    pub profile: Option<Lang>,
}

impl Choices {
    /// The language these choices give, by the order above.
    pub fn resolve(self) -> Lang {
        self.command_line
            .or(self.config_file)
            .or(self.profile)
            .unwrap_or_default()
    }
}

static CHOICES: Mutex<Choices> = Mutex::new(Choices {
    command_line: None,
    config_file: None,
    profile: None,
});

fn update(change: impl FnOnce(&mut Choices)) {
    // A poisoned lock only means another thread panicked while holding it; the value is a
    // plain copy and still whole.
    let mut choices = CHOICES.lock().unwrap_or_else(|e| e.into_inner());
    change(&mut choices);
}

/// `--lang`, or its absence.
pub fn set_command_line(lang: Option<Lang>) {
    update(|c| c.command_line = lang);
}

/// `lang` in govaudit.toml.
pub fn set_config_file(lang: Lang) {
    update(|c| c.config_file = Some(lang));
}

/// `--profile SPEC`: `cn-gov` asks for zh-CN.
pub fn set_profile(spec: &str) {
    update(|c| c.profile = profile_language(spec));
}

/// The language a scoring profile names for its readers.
pub fn set_profile_language(lang: Lang) {
    update(|c| c.profile = Some(lang));
}

/// The language a built-in profile's readers use, if it is not English.
pub fn profile_language(spec: &str) -> Option<Lang> {
    (spec == "cn-gov").then_some(Lang::ZhCn)
}

/// The language text output is written in.
pub fn chosen() -> Lang {
    CHOICES.lock().unwrap_or_else(|e| e.into_inner()).resolve()
}

/// `--lang`'s value parser: the tags [`Lang`] knows (`en`, `zh-CN`, `zh`, `zh-Hans`, ...).
pub fn parse_lang(tag: &str) -> Result<Lang, govaudit_i18n::UnknownLang> {
    tag.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_then_config_then_profile_then_english() {
        let all = Choices {
            command_line: Some(Lang::En),
            config_file: Some(Lang::ZhCn),
            profile: Some(Lang::ZhCn),
        };
        assert_eq!(all.resolve(), Lang::En);
        let no_flag = Choices {
            command_line: None,
            ..all
        };
        assert_eq!(no_flag.resolve(), Lang::ZhCn);
        let profile_only = Choices {
            profile: profile_language("cn-gov"),
            ..Choices::default()
        };
        assert_eq!(profile_only.resolve(), Lang::ZhCn);
        let config_en = Choices {
            config_file: Some(Lang::En),
            ..profile_only
        };
        assert_eq!(config_en.resolve(), Lang::En);
        assert_eq!(Choices::default().resolve(), Lang::En);
        assert_eq!(profile_language("us-federal"), None);
    }

    #[test]
    fn lang_tags_parse_or_name_the_bad_tag() {
        assert_eq!(parse_lang("zh-CN"), Ok(Lang::ZhCn));
        assert_eq!(parse_lang("en"), Ok(Lang::En));
        let error = parse_lang("fr").unwrap_err().to_string();
        assert!(
            error.contains("\"fr\"") && error.contains("zh-CN"),
            "{error}"
        );
    }
}
