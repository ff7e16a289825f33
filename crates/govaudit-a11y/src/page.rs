//! What every rule of a page shares: the document, and whatever is computed once per page for
//! several rules (accessibility tree facts, styles, names).

use govaudit_html::Document;

/// One page under check.
pub struct Page<'a> {
    pub doc: &'a Document,
}

impl<'a> Page<'a> {
    pub fn new(doc: &'a Document) -> Self {
        Page { doc }
    }
}
