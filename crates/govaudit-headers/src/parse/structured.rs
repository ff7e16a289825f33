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

    /// The canonical serialisation (RFC 8941 §4.1).
    pub fn serialize(&self) -> Option<String> {
        self.dictionary.serialize()
    }
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
}
