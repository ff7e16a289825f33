# Headings and verdicts of the assessor's report and the text output.

report-verdict-pass = Pass
report-verdict-fail = Fail
report-verdict-needs-person = Needs a person
