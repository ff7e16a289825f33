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
