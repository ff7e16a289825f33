//! The registry: one line per rule, written by hand (`declare_registry!`).

use crate::Page;
use govaudit_core::Collector;

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
mod image_decorative;
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
mod label_placeholder_only;
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

govaudit_core::declare_registry! {
    check: fn(&Page<'_>, &mut Collector),
    rules: [
        accesskeys::ACCESSKEYS,
        area_alt::AREA_ALT,
        aria_allowed_attr::ARIA_ALLOWED_ATTR,
        aria_allowed_role::ARIA_ALLOWED_ROLE,
        aria_braille_equivalent::ARIA_BRAILLE_EQUIVALENT,
        aria_conditional_attr::ARIA_CONDITIONAL_ATTR,
        aria_deprecated_role::ARIA_DEPRECATED_ROLE,
        aria_dialog_name::ARIA_DIALOG_NAME,
        aria_hidden_body::ARIA_HIDDEN_BODY,
        aria_hidden_focus::ARIA_HIDDEN_FOCUS,
        aria_input_field_name::ARIA_INPUT_FIELD_NAME,
        aria_meter_name::ARIA_METER_NAME,
        aria_progressbar_name::ARIA_PROGRESSBAR_NAME,
        aria_prohibited_attr::ARIA_PROHIBITED_ATTR,
        aria_required_attr::ARIA_REQUIRED_ATTR,
        aria_required_children::ARIA_REQUIRED_CHILDREN,
        aria_required_parent::ARIA_REQUIRED_PARENT,
        aria_roles::ARIA_ROLES,
        aria_toggle_field_name::ARIA_TOGGLE_FIELD_NAME,
        aria_tooltip_name::ARIA_TOOLTIP_NAME,
        aria_valid_attr::ARIA_VALID_ATTR,
        aria_valid_attr_value::ARIA_VALID_ATTR_VALUE,
        audio_alternative::AUDIO_ALTERNATIVE,
        auto_updating_content::AUTO_UPDATING_CONTENT,
        autocomplete_valid::AUTOCOMPLETE_VALID,
        blink::BLINK,
        button_name::BUTTON_NAME,
        bypass::BYPASS,
        color_contrast::COLOR_CONTRAST,
        color_contrast_enhanced::COLOR_CONTRAST_ENHANCED,
        css_orientation_lock::CSS_ORIENTATION_LOCK,
        definition_list::DEFINITION_LIST,
        dlitem::DLITEM,
        document_title::DOCUMENT_TITLE,
        duplicate_id::DUPLICATE_ID,
        duplicate_id_aria::DUPLICATE_ID_ARIA,
        error_identification::ERROR_IDENTIFICATION,
        focus_visible::FOCUS_VISIBLE,
        frame_focusable_content::FRAME_FOCUSABLE_CONTENT,
        frame_title::FRAME_TITLE,
        frame_title_unique::FRAME_TITLE_UNIQUE,
        heading_descriptive::HEADING_DESCRIPTIVE,
        heading_name::HEADING_NAME,
        heading_order::HEADING_ORDER,
        html_has_lang::HTML_HAS_LANG,
        html_lang_valid::HTML_LANG_VALID,
        html_xml_lang_mismatch::HTML_XML_LANG_MISMATCH,
        identical_links_same_purpose::IDENTICAL_LINKS_SAME_PURPOSE,
        image_alt::IMAGE_ALT,
        image_decorative::IMAGE_DECORATIVE,
        image_purpose::IMAGE_PURPOSE,
        important_letter_spacing::IMPORTANT_LETTER_SPACING,
        important_line_height::IMPORTANT_LINE_HEIGHT,
        important_word_spacing::IMPORTANT_WORD_SPACING,
        input_button_name::INPUT_BUTTON_NAME,
        input_image_alt::INPUT_IMAGE_ALT,
        keyboard_shortcuts::KEYBOARD_SHORTCUTS,
        keyboard_trap::KEYBOARD_TRAP,
        label::LABEL,
        label_content_name_mismatch::LABEL_CONTENT_NAME_MISMATCH,
        label_descriptive::LABEL_DESCRIPTIVE,
        label_placeholder_only::LABEL_PLACEHOLDER_ONLY,
        landmark_banner_is_top_level::LANDMARK_BANNER_IS_TOP_LEVEL,
        landmark_complementary_is_top_level::LANDMARK_COMPLEMENTARY_IS_TOP_LEVEL,
        landmark_contentinfo_is_top_level::LANDMARK_CONTENTINFO_IS_TOP_LEVEL,
        landmark_main_is_top_level::LANDMARK_MAIN_IS_TOP_LEVEL,
        landmark_one_main::LANDMARK_ONE_MAIN,
        landmark_no_duplicate_banner::LANDMARK_NO_DUPLICATE_BANNER,
        landmark_no_duplicate_contentinfo::LANDMARK_NO_DUPLICATE_CONTENTINFO,
        landmark_no_duplicate_main::LANDMARK_NO_DUPLICATE_MAIN,
        landmark_unique::LANDMARK_UNIQUE,
        language_of_content::LANGUAGE_OF_CONTENT,
        link_name::LINK_NAME,
        link_purpose::LINK_PURPOSE,
        list::LIST,
        listitem::LISTITEM,
        marquee::MARQUEE,
        menuitem_name::MENUITEM_NAME,
        meta_refresh::META_REFRESH,
        meta_refresh_no_exceptions::META_REFRESH_NO_EXCEPTIONS,
        meta_viewport::META_VIEWPORT,
        nested_interactive::NESTED_INTERACTIVE,
        no_autoplay_audio::NO_AUTOPLAY_AUDIO,
        object_alt::OBJECT_ALT,
        page_has_heading_one::PAGE_HAS_HEADING_ONE,
        page_title_descriptive::PAGE_TITLE_DESCRIPTIVE,
        presentation_role_conflict::PRESENTATION_ROLE_CONFLICT,
        region::REGION,
        role_img_alt::ROLE_IMG_ALT,
        scope_attr_valid::SCOPE_ATTR_VALID,
        scrollable_region_focusable::SCROLLABLE_REGION_FOCUSABLE,
        select_name::SELECT_NAME,
        sensory_reference::SENSORY_REFERENCE,
        server_side_image_map::SERVER_SIDE_IMAGE_MAP,
        summary_name::SUMMARY_NAME,
        svg_img_alt::SVG_IMG_ALT,
        tabindex::TABINDEX,
        td_headers_attr::TD_HEADERS_ATTR,
        text_clipped_on_zoom::TEXT_CLIPPED_ON_ZOOM,
        th_has_data_cells::TH_HAS_DATA_CELLS,
        valid_lang::VALID_LANG,
        video_alternative::VIDEO_ALTERNATIVE,
    ],
}
