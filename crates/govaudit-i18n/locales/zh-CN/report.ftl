# 测评报告和文本输出的标题与结论。

report-verdict-pass = 合格
report-verdict-fail = 不合格
report-verdict-needs-person = 需人工核查

## 严重程度和结果名称。检测结果行本身保留英文标记（high、review），
## 与 --fail-on 和 govaudit.toml 的取值一致；以下名称用于标题和统计。

report-severity-critical = 严重
report-severity-high = 高
report-severity-medium = 中
report-severity-low = 低
report-severity-info = 提示
report-outcome-fail = 不通过
report-outcome-review = 需人工核查

## 文本输出（govaudit audit、check、links、headers、disclosure）。

# 说明行的标签。
report-note = 说明
# 检测结果下方：含具体数值的英文原文说明。
report-detail = 详情（英文）：{ $text }
# A review finding of a rule without its own `.review`.
report-review-generic = 需人工核查：自动检测无法确定是否符合要求。
report-selector = 选择器：{ $selector }
report-header = 响应头：{ $header }
report-by-rule = 按规则汇总
# 按规则汇总中一条规则的统计。
report-rule-counts = 不通过 { $fail } 项，需人工核查 { $review } 项
report-reviews-unlisted = …… 另有 { $count } 项需人工核查的结果（涉及 { $resources } 个资源）未在此列出，完整结果见 JSON 输出
report-worst-pages = 问题最多的页面
report-page-failures = { $count } 项不通过
report-more-pages = …… 另有 { $count } 个页面存在不通过项
report-closing = 共 { $findings } 项检测结果（不通过 { $fail } 项，需人工核查 { $review } 项），涉及 { $resources } 个资源
