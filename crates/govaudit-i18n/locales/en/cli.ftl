# Fixed phrases of the command line's own text output (beyond the findings report).

## govaudit rules, govaudit rule ID

cli-rules-count = { $count ->
        [one] { $count } rule
       *[other] { $count } rules
    }
cli-rule-severity = Severity: { $severity }
cli-rule-standards = Standards: { $standards }
cli-rule-sources = Sources: { $sources }
cli-rule-inspired-by = { $source } (inspired by)
cli-rule-message = What is wrong: { $text }
cli-rule-fix = How to fix: { $text }
# Before the rule's full documentation, in languages it is not written in.
cli-rule-docs-in-english = Full documentation (in English):

## govaudit headers

cli-observatory-not-graded = Observatory: not graded ({ $error })
cli-observatory-grade = Observatory (algorithm { $algorithm }): score { $score }, grade { $grade }
cli-observatory-test-fail = (fail)

## govaudit disclosure

cli-disclosure-profile = Profile { $id } ({ $name }), as of { $date }: { $pages } page(s) from { $homepage }
cli-disclosure-items = Items: { $present } present, { $absent } absent, { $review } review
cli-disclosure-not-counted = not counted:
cli-disclosure-columns = Columns (newest dated item):
cli-disclosure-column-age = { $days } days old
cli-disclosure-column-limit = , limit { $days } days
cli-disclosure-column-stale = , STALE

## Errors said on standard error (after "govaudit: "). Errors without an entry here are said in
## English.

error-unreachable = { $url }: the start page could not be fetched: { $reason }
error-empty = { $target }: nothing to audit (no HTML, XHTML or SVG page)
error-read = cannot read { $path }: { $reason }
error-scored-unreachable = the site could not be audited; { $dir } holds its scored report

## govaudit profile list / show

cli-profile-indicators = { $count } indicators
cli-profile-max = max { $max }
cli-profile-pass-mark = pass mark { $mark }
cli-profile-disclosure = disclosure profile: { $id }
cli-profile-measured = measured: { $text }
cli-profile-points = points: { $value }
cli-profile-points-per-instance = { $per } per instance
cli-profile-points-estimate = , estimate
cli-profile-points-not-set = points: not set
cli-profile-note = note: { $text }
cli-measure-findings = findings of { $rules }{ $scope ->
        [homepage] { " " }on the homepage
        [other] { " " }on other pages
       *[any] { "" }
    }
cli-measure-where = where { $key } = { $value }
cli-measure-fails-at = fails at { $count }
cli-measure-items = disclosure items { $items }
cli-measure-availability = availability (monitor), fails at a failure ratio ≥ { $ratio }
cli-measure-domain = host ends with { $suffix }
cli-measure-area-score = { $area } area score
cli-measure-observatory = Mozilla Observatory score
cli-measure-person = a person decides
cli-measure-not-measured = not measured in one run

## govaudit monitor (command lines; the HTML report's text is in monitor.ftl)

cli-monitor-runs = { $done } runs stored, { $failed } failed, { $lost } lost to another worker
cli-monitor-queued = { $count } runs queued
cli-monitor-probe-times = { $total } ms (first byte { $ttfb } ms)
cli-monitor-probe-total = { $total } ms
cli-monitor-probe-ok = ok
cli-monitor-no-run = none
cli-monitor-diff-runs = { $site }: run { $from } -> run { $to }
cli-monitor-diff-first = { $site }: run { $to } (no earlier run)
cli-monitor-diff-new = new: { $count }
cli-monitor-diff-fixed = fixed: { $count }
cli-monitor-diff-persisting = persisting: { $count }
cli-monitor-report-written = { $sites } site pages and index.html written to { $dir }
