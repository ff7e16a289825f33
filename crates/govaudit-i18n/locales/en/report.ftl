# Headings and verdicts of the assessor's report and the text output.

report-verdict-pass = Pass
report-verdict-fail = Fail
report-verdict-needs-person = Needs a person

## Severity and outcome names. The finding line itself keeps the English tokens
## (`high`, `review`), which --fail-on and govaudit.toml take; these are for headings and counts.

report-severity-critical = critical
report-severity-high = high
report-severity-medium = medium
report-severity-low = low
report-severity-info = info
report-outcome-fail = fail
report-outcome-review = review

## Text output (govaudit audit, check, links, headers, disclosure).

# The label of a note line.
report-note = note
# Under a finding: the English message with the specifics (shown only in other languages).
report-detail = detail: { $text }
# A review finding of a rule without its own `.review`.
report-review-generic = A person must check this: the automatic check could not decide.
report-selector = selector: { $selector }
report-header = header: { $header }
report-by-rule = by rule
# A rule's counts in the summary by rule.
report-rule-counts = { $fail } fail, { $review } review
report-reviews-unlisted = … { $count } more { $count ->
        [one] finding
       *[other] findings
    } to review in { $resources ->
        [one] { $resources } resource
       *[other] { $resources } resources
    } (not listed here; every finding is in the JSON output)
report-worst-pages = pages with the most failures
report-page-failures = { $count ->
        [one] { $count } failure
       *[other] { $count } failures
    }
report-more-pages = … and { $count ->
        [one] { $count } more page
       *[other] { $count } more pages
    } with failures
report-closing = { $findings ->
        [one] { $findings } finding
       *[other] { $findings } findings
    } ({ $fail } fail, { $review } review) in { $resources ->
        [one] { $resources } resource
       *[other] { $resources } resources
    }
