//! Recall misses found on hand-labelled pages, each a small fixture: identity marks in the forms
//! real footers write them, widget scripts from any host, and menu words the profiles lacked.

use govaudit_disclosure::{Audit, ItemState, Options, Profile, Site, audit, local_url};
use govaudit_html::Document;
use jiff::civil::date;

fn run(profile: &str, html: &str) -> Audit {
    let url = local_url("index.html").unwrap();
    let site = Site::from_pages(
        url.clone(),
        [(
            url.clone(),
            Document::parse(html.as_bytes(), None, Some(&url)),
        )],
    );
    let profile = Profile::builtin(profile).unwrap();
    audit(&profile, &site, &Options::new(date(2026, 11, 25))).unwrap()
}

fn state(result: &Audit, id: &str) -> ItemState {
    result.items.iter().find(|i| i.id == id).unwrap().state
}

fn assert_state(profile: &str, html: &str, id: &str, expected: ItemState) {
    let result = run(profile, html);
    assert_eq!(state(&result, id), expected, "{id} in {html}");
}

#[test]
fn icp_numbers_in_every_written_form_are_present() {
    for footer in [
        "粤ICP备12345678号-1",
        "京ICP備05012345號",
        "浙ＩＣＰ备１２３４５６７８号",
        "浙ICP备12345678",
        "蒙ICP备12345678 - 2",
        "藏ICP证010203号",
        "ICP备案号：黔ICP备2021001234号-1",
    ] {
        let html = format!("<footer><p>版权所有 {footer}</p></footer>");
        assert_state("cn-gov", &html, "cn.icp", ItemState::Present);
    }
    // The label without a number is not the mark.
    assert_state(
        "cn-gov",
        "<footer><a href=https://beian.miit.gov.cn>ICP备案查询</a></footer>",
        "cn.icp",
        ItemState::Absent,
    );
}

#[test]
fn an_icp_number_written_into_the_footer_by_a_script_needs_review() {
    let html =
        "<footer><script>document.write('<span>京ICP备05012345号-1</span>')</script></footer>";
    assert_state("cn-gov", html, "cn.icp", ItemState::Review);
}

#[test]
fn public_security_numbers_in_every_written_form_are_present() {
    for footer in [
        "京公网安备 11010502030143号",
        "浙公网安备33010602011771",
        "京公網安備 11010502030143號",
        "川公网安备５１０１０４０２０００５１０号",
    ] {
        let html = format!("<footer><p>{footer}</p></footer>");
        assert_state("cn-gov", &html, "cn.psb_beian", ItemState::Present);
    }
}

#[test]
fn the_jiucuo_widget_from_any_host_is_the_zhaocuo_entrance() {
    for src in [
        "https://zfwzgl.www.gov.cn/exposure/jiucuo.js",
        "//www.example.gov.cn/static/js/jiucuo.js",
        "/js/jiucuo.js?v=2",
    ] {
        let html = format!(
            "<footer><script id=\"_jiucuo_\" sitecode=\"bm12000001\" src=\"{src}\"></script></footer>"
        );
        assert_state("cn-gov", &html, "cn.zhaocuo", ItemState::Present);
    }
    assert_state(
        "cn-gov",
        "<footer><a href=mailto:web@example.gov.cn>网站纠错</a></footer>",
        "cn.zhaocuo",
        ItemState::Absent,
    );
}

#[test]
fn the_conac_scripts_and_links_are_the_party_and_government_mark() {
    for mark in [
        "<script src=\"https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710001.js\"></script>",
        "<a href=\"https://bszs.conac.cn/sitename?method=show&id=0A1B2C\"><img src=red.png alt=\"\"></a>",
        "<script type=text/javascript src=//dcs.conac.cn/js/01/000/0000/40418651/CA010000000404186510002.js></script>",
    ] {
        let html = format!("<footer>{mark}</footer>");
        assert_state("cn-gov", &html, "cn.conac", ItemState::Present);
    }
}

#[test]
fn interaction_organisation_and_accessibility_synonyms() {
    let cases = [
        ("我要写信", "cn.interaction"),
        ("主编信箱", "cn.interaction"),
        ("书记信箱", "cn.interaction"),
        ("留言", "cn.interaction"),
        ("咨询", "cn.interaction"),
        ("12345", "cn.interaction"),
        ("政府机构", "cn.org_functions"),
        ("机构职权", "cn.org_functions"),
        ("机构职能", "cn.org_functions"),
        ("长者助手", "cn.accessibility"),
        ("适老化", "cn.accessibility"),
        ("无障碍", "cn.accessibility"),
    ];
    for (name, id) in cases {
        let html = format!("<nav><a href=x.html>{name}</a></nav>");
        assert_state("cn-gov", &html, id, ItemState::Present);
    }
    // Complaints and petitions are not the consultation channel.
    assert_state(
        "cn-gov",
        "<nav><a href=x.html>信访留言</a></nav>",
        "cn.interaction",
        ItemState::Absent,
    );
}

#[test]
fn spanish_forms_of_the_us_links() {
    let cases = [
        ("Acerca de", "us.about"),
        ("Acerca de USAGov", "us.about"),
        ("Privacidad", "us.privacy"),
        ("Política de privacidad", "us.privacy"),
        ("Accesibilidad", "us.accessibility"),
        ("Ley FOIA", "us.foia"),
        ("Ley de Libertad de Información (FOIA)", "us.foia"),
        ("Oficina del Inspector General", "us.oig"),
        ("Datos de la Ley No FEAR", "us.no_fear"),
        ("Comuníquese con nosotros", "us.contact"),
        ("Contáctenos", "us.contact"),
        ("Política de divulgación de vulnerabilidades", "us.vdp"),
        ("Informes de desempeño", "us.budget_performance"),
    ];
    for (name, id) in cases {
        let html = format!("<footer><a href=x.html>{name}</a></footer>");
        assert_state("us-federal", &html, id, ItemState::Present);
    }
}

#[test]
fn the_us_banner_is_the_official_banner_also_collapsed() {
    let uswds = r#"<section class="usa-banner" aria-label="Official website of the United States government">
  <div class="usa-accordion">
    <header class="usa-banner__header">
      <div class="usa-banner__inner">
        <div class="grid-col-auto"><img aria-hidden="true" class="usa-banner__header-flag" src="/img/us_flag_small.png" alt=""></div>
        <div class="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
          <p class="usa-banner__header-text">An official website of the United States government</p>
          <p class="usa-banner__header-action">Here's how you know</p>
        </div>
        <button type="button" class="usa-accordion__button usa-banner__button" aria-expanded="false" aria-controls="gov-banner-default">
          <span class="usa-banner__button-text">Here's how you know</span>
        </button>
      </div>
    </header>
    <div class="usa-banner__content usa-accordion__content" id="gov-banner-default" hidden>
      <p><strong>Official websites use .gov</strong></p>
    </div>
  </div>
</section>"#;
    assert_state(
        "us-federal",
        uswds,
        "us.official_banner",
        ItemState::Present,
    );
    let plain =
        "<div class=banner><p>An official website of the United States government</p></div>";
    assert_state(
        "us-federal",
        plain,
        "us.official_banner",
        ItemState::Present,
    );
    let spanish = "<div><p>Un sitio oficial del Gobierno de Estados Unidos</p></div>";
    assert_state(
        "us-federal",
        spanish,
        "us.official_banner",
        ItemState::Present,
    );
    assert_state(
        "us-federal",
        "<p>Welcome to the site</p>",
        "us.official_banner",
        ItemState::Absent,
    );
}
