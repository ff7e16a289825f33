# 命令行自身文本输出（检测结果报告以外）的固定用语。

## govaudit rules、govaudit rule 规则编号

cli-rules-count = 共 { $count } 条规则
cli-rule-severity = 严重程度：{ $severity }
cli-rule-standards = 对应标准：{ $standards }
cli-rule-sources = 参考来源：{ $sources }
cli-rule-inspired-by = { $source }（参考）
cli-rule-message = 问题：{ $text }
cli-rule-fix = 修改建议：{ $text }
# 规则完整说明之前（完整说明仅有英文）。
cli-rule-docs-in-english = 完整说明（英文）：

## govaudit headers

cli-observatory-not-graded = Observatory：未评级（{ $error }）
cli-observatory-grade = Observatory（算法 { $algorithm }）：得分 { $score }，等级 { $grade }
cli-observatory-test-fail = （未通过）

## govaudit disclosure

cli-disclosure-profile = 检测方案 { $id }（{ $name }），基准日期 { $date }：自 { $homepage } 起共 { $pages } 个页面
cli-disclosure-items = 必备要素：具备 { $present } 项，缺失 { $absent } 项，需人工核查 { $review } 项
cli-disclosure-not-counted = 未计入：
cli-disclosure-columns = 栏目（最新发布日期）：
cli-disclosure-column-age = 距今 { $days } 天
cli-disclosure-column-limit = ，期限 { $days } 天
cli-disclosure-column-stale = ，已超期
