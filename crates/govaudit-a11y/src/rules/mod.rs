//! The registry: one line per rule, written by hand.

use crate::Page;
use govaudit_core::{Collector, RuleMeta};

mod accesskeys;
mod area_alt;
mod aria_allowed_attr;
mod aria_allowed_role;
mod aria_braille_equivalent;
mod aria_conditional_attr;
mod aria_deprecated_role;
mod aria_dialog_name;
mod aria_hidden_body;
mod aria_hidden_focus;
mod aria_input_field_name;
mod aria_meter_name;
mod aria_progressbar_name;
mod aria_prohibited_attr;
mod aria_required_attr;
mod aria_required_children;
mod aria_required_parent;
mod aria_roles;
mod aria_toggle_field_name;
mod aria_tooltip_name;
mod aria_valid_attr;
mod aria_valid_attr_value;
mod audio_alternative;
mod auto_updating_content;
mod autocomplete_valid;
mod blink;
mod button_name;
mod bypass;
mod color_contrast;
mod color_contrast_enhanced;
mod css_orientation_lock;
mod definition_list;
mod dlitem;
mod document_title;
mod duplicate_id;
mod duplicate_id_aria;
mod error_identification;
mod focus_visible;
mod frame_focusable_content;
mod frame_title;
mod frame_title_unique;
mod heading_descriptive;
mod heading_name;
pub(crate) mod heading_order;
mod html_has_lang;
mod html_lang_valid;
mod html_xml_lang_mismatch;
mod identical_links_same_purpose;
mod image_alt;
mod image_purpose;
mod important_letter_spacing;
mod important_line_height;
mod important_word_spacing;
mod input_button_name;
mod input_image_alt;
mod keyboard_shortcuts;
mod keyboard_trap;
mod label;
mod label_content_name_mismatch;
mod label_descriptive;
mod landmark_banner_is_top_level;
mod landmark_complementary_is_top_level;
mod landmark_contentinfo_is_top_level;
mod landmark_main_is_top_level;
mod landmark_no_duplicate_banner;
mod landmark_no_duplicate_contentinfo;
mod landmark_no_duplicate_main;
mod landmark_one_main;
mod landmark_unique;
mod language_of_content;
mod link_name;
mod link_purpose;
mod list;
mod listitem;
mod marquee;
mod menuitem_name;
pub(crate) mod meta_refresh;
mod meta_refresh_no_exceptions;
mod meta_viewport;
mod nested_interactive;
mod no_autoplay_audio;
mod object_alt;
mod page_has_heading_one;
mod page_title_descriptive;
mod presentation_role_conflict;
mod region;
mod role_img_alt;
mod scope_attr_valid;
mod scrollable_region_focusable;
mod select_name;
mod sensory_reference;
mod server_side_image_map;
mod summary_name;
mod svg_img_alt;
mod tabindex;
mod td_headers_attr;
mod text_clipped_on_zoom;
mod th_has_data_cells;
mod valid_lang;
mod video_alternative;

/// A rule: its metadata and the function that checks a page.
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: fn(&Page<'_>, &mut Collector),
}

pub static RULES: &[Rule] = &[
    Rule {
        meta: &accesskeys::ACCESSKEYS,
        check: accesskeys::check,
    },
    Rule {
        meta: &area_alt::AREA_ALT,
        check: area_alt::check,
    },
    Rule {
        meta: &aria_allowed_attr::ARIA_ALLOWED_ATTR,
        check: aria_allowed_attr::check,
    },
    Rule {
        meta: &aria_allowed_role::ARIA_ALLOWED_ROLE,
        check: aria_allowed_role::check,
    },
    Rule {
        meta: &aria_braille_equivalent::ARIA_BRAILLE_EQUIVALENT,
        check: aria_braille_equivalent::check,
    },
    Rule {
        meta: &aria_conditional_attr::ARIA_CONDITIONAL_ATTR,
        check: aria_conditional_attr::check,
    },
    Rule {
        meta: &aria_deprecated_role::ARIA_DEPRECATED_ROLE,
        check: aria_deprecated_role::check,
    },
    Rule {
        meta: &aria_dialog_name::ARIA_DIALOG_NAME,
        check: aria_dialog_name::check,
    },
    Rule {
        meta: &aria_hidden_body::ARIA_HIDDEN_BODY,
        check: aria_hidden_body::check,
    },
    Rule {
        meta: &aria_hidden_focus::ARIA_HIDDEN_FOCUS,
        check: aria_hidden_focus::check,
    },
    Rule {
        meta: &aria_input_field_name::ARIA_INPUT_FIELD_NAME,
        check: aria_input_field_name::check,
    },
    Rule {
        meta: &aria_meter_name::ARIA_METER_NAME,
        check: aria_meter_name::check,
    },
    Rule {
        meta: &aria_progressbar_name::ARIA_PROGRESSBAR_NAME,
        check: aria_progressbar_name::check,
    },
    Rule {
        meta: &aria_prohibited_attr::ARIA_PROHIBITED_ATTR,
        check: aria_prohibited_attr::check,
    },
    Rule {
        meta: &aria_required_attr::ARIA_REQUIRED_ATTR,
        check: aria_required_attr::check,
    },
    Rule {
        meta: &aria_required_children::ARIA_REQUIRED_CHILDREN,
        check: aria_required_children::check,
    },
    Rule {
        meta: &aria_required_parent::ARIA_REQUIRED_PARENT,
        check: aria_required_parent::check,
    },
    Rule {
        meta: &aria_roles::ARIA_ROLES,
        check: aria_roles::check,
    },
    Rule {
        meta: &aria_toggle_field_name::ARIA_TOGGLE_FIELD_NAME,
        check: aria_toggle_field_name::check,
    },
    Rule {
        meta: &aria_tooltip_name::ARIA_TOOLTIP_NAME,
        check: aria_tooltip_name::check,
    },
    Rule {
        meta: &aria_valid_attr::ARIA_VALID_ATTR,
        check: aria_valid_attr::check,
    },
    Rule {
        meta: &aria_valid_attr_value::ARIA_VALID_ATTR_VALUE,
        check: aria_valid_attr_value::check,
    },
    Rule {
        meta: &audio_alternative::AUDIO_ALTERNATIVE,
        check: audio_alternative::check,
    },
    Rule {
        meta: &auto_updating_content::AUTO_UPDATING_CONTENT,
        check: auto_updating_content::check,
    },
    Rule {
        meta: &autocomplete_valid::AUTOCOMPLETE_VALID,
        check: autocomplete_valid::check,
    },
    Rule {
        meta: &blink::BLINK,
        check: blink::check,
    },
    Rule {
        meta: &button_name::BUTTON_NAME,
        check: button_name::check,
    },
    Rule {
        meta: &bypass::BYPASS,
        check: bypass::check,
    },
    Rule {
        meta: &color_contrast::COLOR_CONTRAST,
        check: color_contrast::check,
    },
    Rule {
        meta: &color_contrast_enhanced::COLOR_CONTRAST_ENHANCED,
        check: color_contrast_enhanced::check,
    },
    Rule {
        meta: &css_orientation_lock::CSS_ORIENTATION_LOCK,
        check: css_orientation_lock::check,
    },
    Rule {
        meta: &definition_list::DEFINITION_LIST,
        check: definition_list::check,
    },
    Rule {
        meta: &dlitem::DLITEM,
        check: dlitem::check,
    },
    Rule {
        meta: &document_title::DOCUMENT_TITLE,
        check: document_title::check,
    },
    Rule {
        meta: &duplicate_id::DUPLICATE_ID,
        check: duplicate_id::check,
    },
    Rule {
        meta: &duplicate_id_aria::DUPLICATE_ID_ARIA,
        check: duplicate_id_aria::check,
    },
    Rule {
        meta: &error_identification::ERROR_IDENTIFICATION,
        check: error_identification::check,
    },
    Rule {
        meta: &focus_visible::FOCUS_VISIBLE,
        check: focus_visible::check,
    },
    Rule {
        meta: &frame_focusable_content::FRAME_FOCUSABLE_CONTENT,
        check: frame_focusable_content::check,
    },
    Rule {
        meta: &frame_title::FRAME_TITLE,
        check: frame_title::check,
    },
    Rule {
        meta: &frame_title_unique::FRAME_TITLE_UNIQUE,
        check: frame_title_unique::check,
    },
    Rule {
        meta: &heading_descriptive::HEADING_DESCRIPTIVE,
        check: heading_descriptive::check,
    },
    Rule {
        meta: &heading_name::HEADING_NAME,
        check: heading_name::check,
    },
    Rule {
        meta: &heading_order::HEADING_ORDER,
        check: heading_order::check,
    },
    Rule {
        meta: &html_has_lang::HTML_HAS_LANG,
        check: html_has_lang::check,
    },
    Rule {
        meta: &html_lang_valid::HTML_LANG_VALID,
        check: html_lang_valid::check,
    },
    Rule {
        meta: &html_xml_lang_mismatch::HTML_XML_LANG_MISMATCH,
        check: html_xml_lang_mismatch::check,
    },
    Rule {
        meta: &identical_links_same_purpose::IDENTICAL_LINKS_SAME_PURPOSE,
        check: identical_links_same_purpose::check,
    },
    Rule {
        meta: &image_alt::IMAGE_ALT,
        check: image_alt::check,
    },
    Rule {
        meta: &image_purpose::IMAGE_PURPOSE,
        check: image_purpose::check,
    },
    Rule {
        meta: &important_letter_spacing::IMPORTANT_LETTER_SPACING,
        check: important_letter_spacing::check,
    },
    Rule {
        meta: &important_line_height::IMPORTANT_LINE_HEIGHT,
        check: important_line_height::check,
    },
    Rule {
        meta: &important_word_spacing::IMPORTANT_WORD_SPACING,
        check: important_word_spacing::check,
    },
    Rule {
        meta: &input_button_name::INPUT_BUTTON_NAME,
        check: input_button_name::check,
    },
    Rule {
        meta: &input_image_alt::INPUT_IMAGE_ALT,
        check: input_image_alt::check,
    },
    Rule {
        meta: &keyboard_shortcuts::KEYBOARD_SHORTCUTS,
        check: keyboard_shortcuts::check,
    },
    Rule {
        meta: &keyboard_trap::KEYBOARD_TRAP,
        check: keyboard_trap::check,
    },
    Rule {
        meta: &label::LABEL,
        check: label::check,
    },
    Rule {
        meta: &label_content_name_mismatch::LABEL_CONTENT_NAME_MISMATCH,
        check: label_content_name_mismatch::check,
    },
    Rule {
        meta: &label_descriptive::LABEL_DESCRIPTIVE,
        check: label_descriptive::check,
    },
    Rule {
        meta: &landmark_banner_is_top_level::LANDMARK_BANNER_IS_TOP_LEVEL,
        check: landmark_banner_is_top_level::check,
    },
    Rule {
        meta: &landmark_complementary_is_top_level::LANDMARK_COMPLEMENTARY_IS_TOP_LEVEL,
        check: landmark_complementary_is_top_level::check,
    },
    Rule {
        meta: &landmark_contentinfo_is_top_level::LANDMARK_CONTENTINFO_IS_TOP_LEVEL,
        check: landmark_contentinfo_is_top_level::check,
    },
    Rule {
        meta: &landmark_main_is_top_level::LANDMARK_MAIN_IS_TOP_LEVEL,
        check: landmark_main_is_top_level::check,
    },
    Rule {
        meta: &landmark_one_main::LANDMARK_ONE_MAIN,
        check: landmark_one_main::check,
    },
    Rule {
        meta: &landmark_no_duplicate_banner::LANDMARK_NO_DUPLICATE_BANNER,
        check: landmark_no_duplicate_banner::check,
    },
    Rule {
        meta: &landmark_no_duplicate_contentinfo::LANDMARK_NO_DUPLICATE_CONTENTINFO,
        check: landmark_no_duplicate_contentinfo::check,
    },
    Rule {
        meta: &landmark_no_duplicate_main::LANDMARK_NO_DUPLICATE_MAIN,
        check: landmark_no_duplicate_main::check,
    },
    Rule {
        meta: &landmark_unique::LANDMARK_UNIQUE,
        check: landmark_unique::check,
    },
    Rule {
        meta: &language_of_content::LANGUAGE_OF_CONTENT,
        check: language_of_content::check,
    },
    Rule {
        meta: &link_name::LINK_NAME,
        check: link_name::check,
    },
    Rule {
        meta: &link_purpose::LINK_PURPOSE,
        check: link_purpose::check,
    },
    Rule {
        meta: &list::LIST,
        check: list::check,
    },
    Rule {
        meta: &listitem::LISTITEM,
        check: listitem::check,
    },
    Rule {
        meta: &marquee::MARQUEE,
        check: marquee::check,
    },
    Rule {
        meta: &menuitem_name::MENUITEM_NAME,
        check: menuitem_name::check,
    },
    Rule {
        meta: &meta_refresh::META_REFRESH,
        check: meta_refresh::check,
    },
    Rule {
        meta: &meta_refresh_no_exceptions::META_REFRESH_NO_EXCEPTIONS,
        check: meta_refresh_no_exceptions::check,
    },
    Rule {
        meta: &meta_viewport::META_VIEWPORT,
        check: meta_viewport::check,
    },
    Rule {
        meta: &nested_interactive::NESTED_INTERACTIVE,
        check: nested_interactive::check,
    },
    Rule {
        meta: &no_autoplay_audio::NO_AUTOPLAY_AUDIO,
        check: no_autoplay_audio::check,
    },
    Rule {
        meta: &object_alt::OBJECT_ALT,
        check: object_alt::check,
    },
    Rule {
        meta: &page_has_heading_one::PAGE_HAS_HEADING_ONE,
        check: page_has_heading_one::check,
    },
    Rule {
        meta: &page_title_descriptive::PAGE_TITLE_DESCRIPTIVE,
        check: page_title_descriptive::check,
    },
    Rule {
        meta: &presentation_role_conflict::PRESENTATION_ROLE_CONFLICT,
        check: presentation_role_conflict::check,
    },
    Rule {
        meta: &region::REGION,
        check: region::check,
    },
    Rule {
        meta: &role_img_alt::ROLE_IMG_ALT,
        check: role_img_alt::check,
    },
    Rule {
        meta: &scope_attr_valid::SCOPE_ATTR_VALID,
        check: scope_attr_valid::check,
    },
    Rule {
        meta: &scrollable_region_focusable::SCROLLABLE_REGION_FOCUSABLE,
        check: scrollable_region_focusable::check,
    },
    Rule {
        meta: &select_name::SELECT_NAME,
        check: select_name::check,
    },
    Rule {
        meta: &sensory_reference::SENSORY_REFERENCE,
        check: sensory_reference::check,
    },
    Rule {
        meta: &server_side_image_map::SERVER_SIDE_IMAGE_MAP,
        check: server_side_image_map::check,
    },
    Rule {
        meta: &summary_name::SUMMARY_NAME,
        check: summary_name::check,
    },
    Rule {
        meta: &svg_img_alt::SVG_IMG_ALT,
        check: svg_img_alt::check,
    },
    Rule {
        meta: &tabindex::TABINDEX,
        check: tabindex::check,
    },
    Rule {
        meta: &td_headers_attr::TD_HEADERS_ATTR,
        check: td_headers_attr::check,
    },
    Rule {
        meta: &text_clipped_on_zoom::TEXT_CLIPPED_ON_ZOOM,
        check: text_clipped_on_zoom::check,
    },
    Rule {
        meta: &th_has_data_cells::TH_HAS_DATA_CELLS,
        check: th_has_data_cells::check,
    },
    Rule {
        meta: &valid_lang::VALID_LANG,
        check: valid_lang::check,
    },
    Rule {
        meta: &video_alternative::VIDEO_ALTERNATIVE,
        check: video_alternative::check,
    },
];

/// Every rule's metadata, for catalogues and `govaudit rules`.
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|r| r.meta)
}
