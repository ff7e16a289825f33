//! Headers defined as RFC 8941 structured fields: Permissions-Policy (dictionary) and the
//! cross-origin policies COOP, COEP and CORP (items whose bare item is a token).

use sfv::{FieldType, Parser};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StructuredError {
    #[error("not a valid structured field: {0}")]
    Syntax(String),
    #[error("the value is not a token")]
    NotToken,
}

/// A policy header that is a single token with parameters (COOP, COEP; CORP in practice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuredPolicy {
    pub raw: String,
    pub token: String,
    /// `report-to` and other parameters, serialised.
    pub parameters: Vec<String>,
}

impl StructuredPolicy {
    pub fn parse(raw: &str) -> Result<Self, StructuredError> {
        let item: sfv::Item = Parser::new(raw.trim())
            .parse()
            .map_err(|e| StructuredError::Syntax(e.to_string()))?;
        let token = item
            .bare_item
            .as_token()
            .ok_or(StructuredError::NotToken)?
            .as_str()
            .to_owned();
        Ok(StructuredPolicy {
            raw: raw.to_owned(),
            token,
            parameters: item.params.keys().map(|k| k.as_str().to_owned()).collect(),
        })
    }
}

/// `Permissions-Policy`: a dictionary of feature → allowlist.
#[derive(Debug, Clone, PartialEq)]
pub struct PermissionsPolicy {
    pub raw: String,
    pub dictionary: sfv::Dictionary,
}

impl PermissionsPolicy {
    pub fn parse(raw: &str) -> Result<Self, StructuredError> {
        let dictionary: sfv::Dictionary = Parser::new(raw.trim())
            .parse()
            .map_err(|e| StructuredError::Syntax(e.to_string()))?;
        Ok(PermissionsPolicy {
            raw: raw.to_owned(),
            dictionary,
        })
    }

    /// Features allowed to every origin (`feature=*`).
    pub fn allowed_everywhere(&self) -> Vec<String> {
        self.dictionary
            .iter()
            .filter(|(_, entry)| match entry {
                sfv::ListEntry::Item(item) => {
                    item.bare_item.as_token().is_some_and(|t| t.as_str() == "*")
                }
                sfv::ListEntry::InnerList(list) => list
                    .items
                    .iter()
                    .any(|i| i.bare_item.as_token().is_some_and(|t| t.as_str() == "*")),
            })
            .map(|(k, _)| k.as_str().to_owned())
            .collect()
    }

    /// The features of the policy that no browser knows, in order: neither shipped by Chromium
    /// nor a known legacy name ([`feature_status`] is [`FeatureStatus::Unknown`]). Browsers
    /// ignore them.
    pub fn unknown_features(&self) -> Vec<&str> {
        self.dictionary
            .keys()
            .map(|k| k.as_str())
            .filter(|name| feature_status(name) == FeatureStatus::Unknown)
            .collect()
    }

    /// The canonical serialisation (RFC 8941 §4.1).
    pub fn serialize(&self) -> Option<String> {
        self.dictionary.serialize()
    }
}

/// What the feature tables say about a Permissions-Policy feature name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureStatus {
    /// Shipped by Chromium today.
    Current,
    /// Known but deprecated, renamed or never shipped; the note says which.
    Legacy {
        note: &'static str,
    },
    Unknown,
}

/// Looks a feature name up in the tables (names are lower-case RFC 8941 keys, compared as is).
pub fn feature_status(name: &str) -> FeatureStatus {
    if crate::tables::PERMISSIONS_POLICY_FEATURES
        .binary_search(&name)
        .is_ok()
    {
        return FeatureStatus::Current;
    }
    crate::tables::PERMISSIONS_POLICY_LEGACY_FEATURES
        .iter()
        .find(|(legacy, _)| *legacy == name)
        .map_or(FeatureStatus::Unknown, |(_, note)| FeatureStatus::Legacy {
            note,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_values() {
        let coop = StructuredPolicy::parse("same-origin; report-to=\"coop\"").unwrap();
        assert_eq!(coop.token, "same-origin");
        assert_eq!(coop.parameters, ["report-to"]);
        assert_eq!(
            StructuredPolicy::parse("\"same-origin\""),
            Err(StructuredError::NotToken)
        );
        assert!(StructuredPolicy::parse("same-origin, same-origin").is_err());
        let pp =
            PermissionsPolicy::parse("geolocation=(), camera=(self \"https://a.example\"), usb=*")
                .unwrap();
        assert_eq!(pp.allowed_everywhere(), ["usb"]);
        assert!(PermissionsPolicy::parse("geolocation=(self").is_err());
    }

    #[test]
    fn unknown_features_are_those_of_no_table() {
        let pp = PermissionsPolicy::parse(
            "geolocation=(), geolocaton=(), interest-cohort=(), vibrate=(), camera=(self)",
        )
        .unwrap();
        assert_eq!(pp.unknown_features(), ["geolocaton", "vibrate"]);
        assert_eq!(feature_status("camera"), FeatureStatus::Current);
        assert_eq!(feature_status("window-management"), FeatureStatus::Current);
        assert!(matches!(
            feature_status("window-placement"),
            FeatureStatus::Legacy { note } if note.contains("window-management")
        ));
        assert_eq!(feature_status("frobulate"), FeatureStatus::Unknown);
        assert_eq!(feature_status(""), FeatureStatus::Unknown);
    }
}
