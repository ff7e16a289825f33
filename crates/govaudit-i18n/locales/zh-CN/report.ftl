# 测评报告和文本输出的标题与结论。

report-verdict-pass = 合格
report-verdict-fail = 不合格
report-verdict-needs-person = 需人工核查

# report.html
# 测评报告（HTML）的固定文字，由 govaudit-report 的 html 模块使用。标识均以 html- 开头。

html-title = 测评报告
html-profile = 评估方案
html-as-of = 测评基准日期
html-contents = 目录
html-verdict = 总体结论
html-total = 总分
html-pass-mark = 合格分数线
html-no-score = 未采用评分方案，以下为本次检测发现的问题统计。
html-pages = 检测页面数
html-failures = 不符合项
html-reviews = 需人工核查
html-indicators = 指标得分
html-veto = 单项否决指标
html-deduction = 扣分指标
html-col-indicator = 指标
html-col-requirement = 要求
html-col-state = 结果
html-col-measured = 实测值
html-col-threshold = 阈值
html-col-points = 分值
html-col-evidence = 证据
html-state-pass = 达标
html-state-fail = 未达标
html-state-review = 待人工核查
html-state-na = 不适用
html-overview = 概览
html-chart-areas = 各类问题数量（按严重程度）
html-chart-pages = 问题最多的页面
html-chart-links = 链接检测
html-links-total = 链接总数
html-links-internal = 站内链接
html-links-external = 站外链接
html-links-not-checked = 未检测
html-findings = 问题明细
html-no-failures = 未发现不符合项。
html-standards = 依据标准
html-fix = 整改建议
html-line = 第 { $line } 行
html-header = 响应头
html-count-findings = { $count } 处
html-count-pages = { $count } 个页面
html-more = 本页另有 { $count } 处未列出（完整清单见 report.json）。
html-more-pages = 另有 { $count } 个页面未列出（完整清单见 report.json）。
html-review = 需人工核查清单
html-review-intro = 以下事项无法由机器判定，请在所列页面逐项核查后勾选。
html-review-where = 核查位置
html-no-reviews = 无需人工核查的事项。
html-notes = 说明
html-footer = 本报告由以下工具生成：
html-severity-critical = 严重
html-severity-high = 高
html-severity-medium = 中
html-severity-low = 低
html-severity-info = 提示
html-area-a11y = 无障碍
html-area-links = 链接
html-area-disclosure = 信息公开
html-area-headers = 安全响应头
html-area-content = 内容
