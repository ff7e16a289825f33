# 测评报告和文本输出的标题与结论。

report-verdict-pass = 合格
report-verdict-fail = 不合格
report-verdict-needs-person = 需人工核查
