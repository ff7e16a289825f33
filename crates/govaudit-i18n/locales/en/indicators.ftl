# Indicator names (value) and their rules (.rule), keyed by indicator id: `indicator-` + the id
# with `.` and `_` as `-`. Scoring rules applied (`scoring-rule-*`) and scorecard labels.

indicator-cn19-web-veto-site-unreachable = Site unreachable
    .rule = Monitored for 1 week, 20 or more spread-out visits a day: if 5% or more of the visits still fail to open the site after 15 seconds or more, the site fails (veto).

indicator-cn19-web-veto-home-not-updated = Homepage not updated
    .rule = No new information on the homepage within 2 weeks fails the site (veto). If the homepage is navigation only, no update on all second-level pages fails it.

indicator-cn19-web-veto-columns-not-updated = Columns not updated
    .rule = Any one of: 5 or more columns not updated (news columns within 2 weeks, first-level notice and policy-document columns within 6 months); 10 or more columns that should be updated but long were not; 5 or more empty columns. Veto.
    .note = Part 1 only (news columns 2 weeks, notice and policy-document columns 6 months, 5 or more stale); parts 2 (10 or more long-stale columns) and 3 (5 or more empty columns) need a person.

indicator-cn19-web-veto-interaction-poor = Poor interaction and response
    .rule = Any one of: no valid online channel for consultation and suggestions (petition and discipline-report channels excluded); within 1 year, a consultation column left a valid message unanswered for over 3 months. Veto.
    .note = Part 1 only (a consultation or suggestion channel exists); part 2 (messages unanswered over 3 months) needs a person.

indicator-cn19-web-veto-service-not-practical = Services not practical
    .rule = 1. No online services. 2. Key elements of service guides (item name, legal basis, conditions, materials, …) missing or inaccurate [the stored copy ends here]. Veto.
    .note = The service-guide element counts of the rule were not found in any stored copy.

indicator-cn19-web-veto-serious-incident = Security, leaks and other serious problems
    .rule = Any one of: serious misstatements; leaking state secrets; publishing or linking reactionary, violent or pornographic content; an attack (trojan, defacement) not handled in time; fabrication (such as forged publication dates); serious negative public opinion caused by poor site management. Veto.
    .note = Content checks find hidden links, injected scripts and outdated expressions; leaks of secrets, serious misstatements and public-opinion incidents need a person.

indicator-cn19-web-ded-policy-docs-stale = Policy documents (column updates)
    .rule = The first-level policy-document column was not updated in the 6 months before the check.

indicator-cn19-web-ded-service-stats-stale = Service statistics
    .rule = Service statistics were not updated in the 3 months before the check.

indicator-cn19-web-ded-message-replies-stale = Message handling (reply updates)
    .rule = Replies to public messages were not updated in the 2 months before the check.

indicator-cn19-web-ded-basic-columns = Basic columns
    .rule = Overview, organisation and functions, leadership, news, policy documents and policy interpretation columns exist, are updated and accurate, none empty; each policy document gets a timely interpretation.
    .note = Presence only; whether the columns are accurate and updated needs a person.

indicator-cn19-web-ded-service-guides = Service guides and forms
    .rule = Services grouped by category; guide elements complete and accurate; standard form templates provided.

indicator-cn19-web-ded-message-dates-public = Message handling (dates published)
    .rule = The times of messages and of replies are not published.

indicator-cn19-web-ded-message-stats-public = Message handling (statistics)
    .rule = Statistics of how messages were received and answered are published.

indicator-cn19-web-ded-survey-interview = Surveys and online interviews
    .rule = Feedback on survey results is late or of low quality.

indicator-cn19-web-ded-home-availability = Availability: homepage
    .rule = The share of monitoring visits in which the homepage did not open (2019 ratio and points not found).
    .note = Needs a monitor's probes over the check period (govaudit monitor).

indicator-cn19-web-ded-link-availability-home = Availability: links (homepage)
    .rule = Links on the homepage that do not work, counted per broken link (points per link not found).

indicator-cn19-web-ded-link-availability-other = Availability: links (other pages)
    .rule = Links on other pages that do not work, counted per broken link (points per link not found).

indicator-cn19-web-ded-search = Search
    .rule = No site-wide search; search results incomplete, hard to use or not grouped.

indicator-cn19-web-ded-footer-marks = Site marks (footer)
    .rule = The footer of every page clearly lists the Party and government site mark, the host organisation, contact details, the site code, the ICP number and the public security registration mark.

indicator-cn19-web-ded-domain = Domain name
    .rule = The domain meets the requirements (.gov.cn).

indicator-cn19-web-ded-ipv6 = IPv6
    .rule = The site has been made reachable over IPv6.
    .note = Needs a DNS AAAA lookup and a fetch over IPv6.

indicator-cn19-web-ded-zhaocuo-entry = "Report an error on a government website" entrance
    .rule = The entrance is set up as required.

indicator-cn19-web-ded-security = Security protection
    .rule = No 2019 deduction wording was found; security appears in the veto on serious problems.
    .note = No 2019 deduction wording was found; counted from HTTPS, HSTS and mixed-content findings.

indicator-cn19-web-bonus-data = Data release (timely updates)
    .rule = Bonus points for data updated in a timely manner (wording and points not read).

indicator-cn19-web-bonus-interpretation = Policy interpretation (accurate)
    .rule = Bonus points for policies interpreted accurately (wording and points not read).

indicator-cn19-web-bonus-service = Services (high quality)
    .rule = Bonus points for high-quality government services (wording and points not read).

indicator-us-m2322-official-banner = Official government banner
    .rule = OMB M-23-22: the site shows the official banner that identifies it as a U.S. government site.

indicator-us-m2322-required-links = Required links
    .rule = OMB M-23-22 and the laws it cites: links to About, Accessibility, Budget and performance, FOIA, No FEAR Act data, Inspector General, Privacy policy, USA.gov and the Vulnerability disclosure policy.

indicator-us-m2322-contact = Contact
    .rule = OMB M-23-22: a way to contact the agency.

indicator-us-scan-https = HTTPS
    .rule = Site Scanning: HTTPS is enforced and no page loads resources over HTTP.

indicator-us-scan-hsts = HSTS
    .rule = Site Scanning: a strong Strict-Transport-Security header.

indicator-us-scan-viewport = Viewport
    .rule = Site Scanning: a viewport meta tag (here: one that does not block zooming).
    .note = Counts viewport tags that block zooming; Site Scanning records only that one exists.

indicator-us-scan-language = Page language
    .rule = Site Scanning: the html element declares a valid language.

indicator-us-scan-dap = Digital Analytics Program
    .rule = Site Scanning: the DAP script is loaded.
    .note = DAP is detected from outbound requests of a rendered page.

indicator-us-scan-robots-sitemap = robots.txt and sitemap.xml
    .rule = Site Scanning: robots.txt and sitemap.xml exist.

indicator-us-scan-not-found-page = 404 page
    .rule = Site Scanning: a request for a page that does not exist answers 404.
    .note = Needs a request for a page that does not exist.

indicator-us-scan-accessibility = Accessibility findings
    .rule = Site Scanning aggregates axe-core violations; here: the accessibility area score.

indicator-eu-wad-accessibility-statement = Accessibility statement
    .rule = Directive (EU) 2016/2102 art. 7: an accessibility statement, following the model, reachable from every page.

indicator-eu-wad-feedback = Feedback mechanism
    .rule = Directive (EU) 2016/2102 art. 7(1)(b): a way to report accessibility problems.

indicator-eu-en301549-accessibility = Accessibility (EN 301 549 through WCAG)
    .rule = The accessibility area score.

indicator-area-a11y = Accessibility
    .rule = 100 − weighted failures per checked resource (critical 10, high 5, medium 2, low 1).

indicator-area-links = Links
    .rule = 100 − weighted failures per checked resource (critical 10, high 5, medium 2, low 1).

indicator-area-headers = Security headers
    .rule = The Mozilla Observatory score of the start URL, capped at 100; otherwise 100 − weighted failures per resource.

indicator-area-disclosure = Information disclosure
    .rule = 100 − weighted failures per checked resource (critical 10, high 5, medium 2, low 1).

indicator-area-content = Content
    .rule = 100 − weighted failures per checked resource (critical 10, high 5, medium 2, low 1).

scoring-rule-veto = Any veto makes the site fail (不合格), and the other indicators are not scored.
scoring-rule-pass-mark = Without a veto, a total below 60 fails.
scoring-rule-deduction-cap = Deductions under one indicator never exceed that indicator's points.
scoring-rule-points-estimate = Points are used only where a source gives them (marked as estimates); other deductions are counts with evidence, and the total is then an upper bound.
scoring-rule-required-elements = A missing required element fails the site.
scoring-rule-fields-not-scored = Site Scanning fields are reported, not scored.
scoring-rule-area-score = An area's score is 100 − its weighted failures per checked resource; no area decides the verdict.

scorecard-state-pass = Met
scorecard-state-fail = Not met
scorecard-state-needs-person = Needs a person
scorecard-state-not-measured = Not measured
scorecard-points-not-set = Points not set
scorecard-points-estimate = estimate
scorecard-total-upper-bound = upper bound
scorecard-group-veto = Veto
scorecard-group-deduction = Deduction
scorecard-group-bonus = Bonus
scorecard-group-area = Area
scorecard-group-required-element = Required element
scorecard-group-field = Field

## How a score was computed (`formula-*`): the sentences of a scorecard's `explanation`,
## joined with "; ". The English rendering is also the scorecard's `formula` field.

formula-total = total = { $max } − { $terms } = { $total }
formula-upper-bound = an upper bound: { $count } deduction(s) failed or unmeasured without points set ({ $indicators })
formula-pass-mark = pass mark { $mark }: { $below ->
        [yes] below
       *[no] reached
    }
formula-fail-vetoes = fail: { $count } veto or required indicator(s) failed ({ $indicators })
formula-fail-below-mark = fail: total below the pass mark
formula-needs-person-undecided = needs a person: { $count } veto/required indicator(s) undecided ({ $indicators })
formula-needs-person-upper-bound = needs a person: the total is an upper bound, so the pass mark is not settled
formula-pass = pass: no veto or required element failed
formula-area-not-run = the { $area } area did not run
formula-so-person-decides = so a person decides
formula-findings = { $fail } failing finding(s) of { $rules }{ $scope ->
        [homepage] { " " }on the homepage
        [other] { " " }on pages other than the homepage
       *[any] { "" }
    }; fails at { $fail_at }
formula-for-review = { $review } for review
formula-nothing-proves = finding nothing does not prove it, so a person decides
formula-availability = { $failed } of { $probes } probes over { $days } days failed = { $ratio }; fails at ≥ { $fail_ratio }
formula-start-url-failed = the start URL could not be fetched in this live run (one probe)
formula-start-url-answered = the start URL answered in this live run (one probe); the indicator needs a week of probes (govaudit monitor)
formula-offline-no-probes = an offline run makes no probes; the indicator needs a week of probes (govaudit monitor)
formula-domain = host { $host } { $ends ->
        [yes] ends
       *[no] does not end
    } with { $suffix }
formula-no-site-url = no site URL is known (set site_url in govaudit.toml)
formula-observatory = Mozilla Observatory score of the start URL: { $raw }, capped at 100 = { $score }
formula-person = no machine measure: a person decides
formula-not-measurable = not measurable in one run
# A note written in a user's own profile file, shown as written.
formula-text = { $text }
formula-points-not-set = points not set (set them in your profile file), not deducted
formula-deducted-per-instance = deducted min({ $count } × { $per_instance }, { $value }) = { $deducted }{ $estimate ->
        [yes] { " " }(estimate)
       *[no] { "" }
    }
formula-deducted = deducted { $deducted }{ $estimate ->
        [yes] { " " }(estimate)
       *[no] { "" }
    }
formula-up-to-unknown = up to { $value } not known to be deducted
formula-area-score = 100 − weighted failures per resource (critical 10, high 5, medium 2, low 1) = 100 − { $weighted } / { $pages } = { $score }
formula-items-not-run = the disclosure area did not run with a profile
formula-items = { $present } of { $wanted } item(s) present ({ $items }), { $absent } absent, { $unsure } unsure
formula-items-unknown = not in the disclosure profile: { $items }
