//! `Strict-Transport-Security` (RFC 6797 §6.1).

/// A parsed HSTS policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HstsPolicy {
    pub raw: String,
    pub max_age: u64,
    pub include_subdomains: bool,
    pub preload: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HstsError {
    #[error("the header appears more than once (or holds a comma): browsers use only the first")]
    Repeated,
    #[error("max-age is missing")]
    MissingMaxAge,
    #[error("max-age value {0:?} is not a number of seconds")]
    BadMaxAge(String),
    #[error("directive {0} appears twice")]
    DuplicateDirective(String),
}

impl HstsPolicy {
    /// Parses one field value per RFC 6797 (directive names case-insensitive, optional quotes,
    /// whitespace around `=` allowed).
    pub fn parse(raw: &str) -> Result<Self, HstsError> {
        if raw.contains(',') {
            return Err(HstsError::Repeated);
        }
        let mut max_age = None;
        let mut include_subdomains = false;
        let mut preload = false;
        // Names compared without ASCII case, as their lower-cased copies would be.
        let mut seen: Vec<&str> = Vec::new();
        for directive in raw.split(';') {
            let directive = directive.trim();
            if directive.is_empty() {
                continue;
            }
            let (name, value) = match directive.split_once('=') {
                Some((n, v)) => (n.trim(), Some(v.trim())),
                None => (directive, None),
            };
            if seen.iter().any(|s| s.eq_ignore_ascii_case(name)) {
                return Err(HstsError::DuplicateDirective(name.to_ascii_lowercase()));
            }
            seen.push(name);
            let is = |known: &str| name.eq_ignore_ascii_case(known);
            if is("max-age") {
                let v = value.unwrap_or("");
                let v = v
                    .strip_prefix('"')
                    .and_then(|x| x.strip_suffix('"'))
                    .unwrap_or(v);
                if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(HstsError::BadMaxAge(v.to_owned()));
                }
                max_age = Some(v.parse::<u64>().unwrap_or(u64::MAX));
            } else if is("includesubdomains") {
                include_subdomains = true;
            } else if is("preload") {
                preload = true;
            }
        }
        Ok(HstsPolicy {
            raw: raw.to_owned(),
            max_age: max_age.ok_or(HstsError::MissingMaxAge)?,
            include_subdomains,
            preload,
        })
    }

    /// What hstspreload.org requires of the header: max-age at least one year,
    /// includeSubDomains and preload. Returns the unmet requirements.
    pub fn preload_problems(&self) -> Vec<&'static str> {
        let mut problems = Vec::new();
        if self.max_age < 31_536_000 {
            problems.push("max-age must be at least 31536000 (one year)");
        }
        if !self.include_subdomains {
            problems.push("includeSubDomains is required");
        }
        if !self.preload {
            problems.push("the preload directive is required");
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6797_grammar() {
        let p = HstsPolicy::parse("max-age = \"31536000\" ; includeSubDomains; PRELOAD").unwrap();
        assert_eq!(p.max_age, 31_536_000);
        assert!(p.include_subdomains && p.preload);
        assert!(p.preload_problems().is_empty());
        assert_eq!(
            HstsPolicy::parse("max-age=forever"),
            Err(HstsError::BadMaxAge("forever".into()))
        );
        assert_eq!(
            HstsPolicy::parse("includeSubDomains"),
            Err(HstsError::MissingMaxAge)
        );
        assert_eq!(
            HstsPolicy::parse("max-age=1, max-age=2"),
            Err(HstsError::Repeated)
        );
    }
}
