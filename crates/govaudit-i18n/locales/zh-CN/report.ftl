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
html-col-indicator = 指标
html-col-state = 结果
html-col-measured = 实测值
html-col-threshold = 阈值
html-col-points = 分值
html-col-evidence = 证据
html-state-pass = 达标
html-state-fail = 未达标
html-state-review = 待人工核查
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
html-site = 网站
html-upper-bound = 部分扣分项未设定分值，实际总分可能更低。
html-group-veto = 单项否决指标
html-group-required = 必备要素
html-group-deduction = 扣分指标
html-group-bonus = 加分指标
html-group-area = 各领域得分
html-group-field = 记录字段
html-col-rule = 评分细则
html-state-not-measured = 未测评
html-points-estimate = 估计分值（来自二手资料）
html-evidence-items = 证据 { $count } 条

## 说明（note-*）：检测过程中需要告知读者、但不属于检测结果的情况。

note-text = { $text }
note-list-entry = { $entry }：列表中只能列出网址和网页文件
note-left-out-by-config = 按配置未列出 { $count } 项结果（规则关闭 { $off } 项，忽略 { $ignored } 项，页面中的忽略注释 { $inline } 项）
note-baseline = 基线中已有的 { $count } 项结果未报告
note-links-not-checked-limit = { $count } 个链接目标未检查：已达到每次检测 { $limit } 个不同网址的上限
note-links-not-checked-deadline = { $count } 个链接目标未检查：链接检查的时间已用完
note-disclosure-no-profile = 未检查信息公开：未指定方案（--profile）
note-disclosure-failed = 信息公开未检查：{ $error }
note-unreadable-record = 无法读取的记录：{ $error }
note-links-not-recorded = { $count } 个链接目标不在录制文件中，未检查
note-robots-disallows = 未抓取：robots.txt 禁止访问
note-crawl-stopped = 抓取提前结束（{ $why ->
        [deadline] 已到达时限
       *[page-limit] 已达到页面数上限
    }）：{ $count } 个页面未获取
note-not-crawled = 未抓取：{ $error }
note-headers = 响应头：{ $text }
note-headers-not-scanned = 未扫描响应头：{ $error }
note-files-skipped = 跳过了 { $count } 个既非网页也非样式表的文件（{ $kinds }）
note-links-not-a-site = 未检查链接：该文件夹根目录下没有首页（index.html），其页面不作为一个网站处理；如需检查，请指定 --site-url（或 --only links）
note-not-a-page = 已跳过：不是 HTML、XHTML 或 SVG 文件
note-deadline = 已到达时限：{ $count } 个页面未检查
note-not-checked = 未检查：{ $error }
note-page-truncated = 页面超过 { $mib } MiB：仅检查了前 { $mib } MiB
note-flattened = 嵌套超过 512 层的元素已按浏览器的方式展平
note-tags-dropped = 标签超过 300,000 个：页面其余部分按文本读取，未作为标记检查
note-attributes-dropped = 单个元素上超出 { $max } 个的 { $count } 个属性未读取
