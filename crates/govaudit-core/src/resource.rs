use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One header field line as received: original name case and raw value bytes, never merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    pub name: String,
    pub value: Vec<u8>,
}

impl HeaderField {
    pub fn new(name: impl Into<String>, value: impl Into<Vec<u8>>) -> Self {
        HeaderField {
            name: name.into(),
            value: value.into(),
        }
    }

    /// The value as text: UTF-8 where it is valid, otherwise each byte as its Latin-1 character
    /// (the historical HTTP reading), so no byte is lost.
    pub fn value_text(&self) -> String {
        self.value_str().into_owned()
    }

    /// [`HeaderField::value_text`] borrowed where the value is valid UTF-8 (no copy).
    pub fn value_str(&self) -> std::borrow::Cow<'_, str> {
        match std::str::from_utf8(&self.value) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => std::borrow::Cow::Owned(self.value.iter().map(|&b| char::from(b)).collect()),
        }
    }

    // Inlined across crates: header lookups call it once per field line.
    #[inline]
    pub fn is_named(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Serialised as `[name, value]`, the form of recorded exchanges.
impl Serialize for HeaderField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.name, self.value_text()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for HeaderField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (name, value) = <(String, String)>::deserialize(deserializer)?;
        Ok(HeaderField::new(name, value.into_bytes()))
    }
}

/// One hop of a redirect chain: the URL that answered and its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    pub url: String,
    pub status: u16,
}

/// A fetched (or read) resource: the input of every check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// What was asked for: a URL, or a file path as given.
    pub requested_url: String,
    /// Where the content came from after redirects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Header field lines in order, duplicates and original case kept.
    #[serde(default)]
    pub headers: Vec<HeaderField>,
    /// Body bytes; not part of the JSON form (it can be large and binary).
    #[serde(skip)]
    pub body: Vec<u8>,
    /// Redirects followed before the final response, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirects: Vec<Redirect>,
    /// When the fetch started, milliseconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at_ms: Option<u64>,
    /// How long the fetch took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u64>,
}

impl Resource {
    /// A resource read from disk or memory: no status, no headers.
    pub fn from_bytes(requested_url: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        Resource {
            requested_url: requested_url.into(),
            body: body.into(),
            ..Resource::default()
        }
    }

    /// The URL the content is at: the final URL, else the requested one.
    pub fn url(&self) -> &str {
        self.final_url.as_deref().unwrap_or(&self.requested_url)
    }

    /// Every field line with this name, in order.
    pub fn header_fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a HeaderField> {
        self.headers.iter().filter(move |h| h.is_named(name))
    }

    /// The RFC 9110 combined value of a header (field lines joined with `", "`). Not for
    /// `Set-Cookie`, whose lines must stay apart: use [`Resource::header_fields`].
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<String> = self.header_fields(name).map(|h| h.value_text()).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The `Content-Type` value, if any.
    pub fn content_type(&self) -> Option<String> {
        self.header("content-type")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_keep_order_case_and_duplicates() {
        let mut r = Resource::from_bytes("https://example.gov.cn/", b"".to_vec());
        r.headers = vec![
            HeaderField::new("Set-Cookie", "a=1"),
            HeaderField::new("Cache-Control", "no-store"),
            HeaderField::new("set-cookie", "b=2"),
            HeaderField::new("cache-control", "private"),
        ];
        assert_eq!(
            r.header("CACHE-CONTROL").as_deref(),
            Some("no-store, private")
        );
        let cookies: Vec<_> = r
            .header_fields("set-cookie")
            .map(|h| h.value_text())
            .collect();
        assert_eq!(cookies, ["a=1", "b=2"]);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["headers"][2], serde_json::json!(["set-cookie", "b=2"]));
        let back: Resource = serde_json::from_value(json).unwrap();
        assert_eq!(back.headers, r.headers);
    }

    #[test]
    fn non_utf8_header_bytes_survive_as_latin1() {
        let h = HeaderField::new("X-Test", vec![0xE9, b'a']);
        assert_eq!(h.value_text(), "éa");
    }
}
