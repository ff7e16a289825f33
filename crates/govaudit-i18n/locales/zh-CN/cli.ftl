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

## 标准错误输出中的错误信息（在“govaudit: ”之后）。此处没有的错误以英文显示。

error-unreachable = { $url }：起始页面无法获取：{ $reason }
error-empty = { $target }：没有可检测的内容（没有 HTML、XHTML 或 SVG 页面）
error-read = 无法读取 { $path }：{ $reason }
error-scored-unreachable = 无法检测该网站；评分报告已写入 { $dir }

## govaudit profile list / show

cli-profile-indicators = { $count } 项指标
cli-profile-max = 满分 { $max }
cli-profile-pass-mark = 合格线 { $mark }
cli-profile-disclosure = 信息公开方案：{ $id }
cli-profile-measured = 测量方式：{ $text }
cli-profile-points = 分值：{ $value }
cli-profile-points-per-instance = 每处 { $per }
cli-profile-points-estimate = （估计值）
cli-profile-points-not-set = 分值：未设置
cli-profile-note = 说明：{ $text }
cli-measure-findings = { $scope ->
        [homepage] 首页上
        [other] 其他页面上
       *[any] { "" }
    }规则 { $rules } 的检测结果
cli-measure-where = 其中 { $key } = { $value }
cli-measure-fails-at = 达到 { $count } 项即不符合
cli-measure-items = 信息公开要素 { $items }
cli-measure-availability = 可用性（监测），失败率达到 { $ratio } 及以上即不符合
cli-measure-domain = 主机名以 { $suffix } 结尾
cli-measure-area-score = { $area } 检测得分
cli-measure-observatory = Mozilla Observatory 得分
cli-measure-person = 由人工判断
cli-measure-not-measured = 一次检测无法测量

## govaudit monitor（命令行输出；HTML 报告的文字在 monitor.ftl 中）

cli-monitor-runs = 已保存 { $done } 次检测，失败 { $failed } 次，{ $lost } 次已由其他进程接手
cli-monitor-queued = 已排队 { $count } 次检测
cli-monitor-probe-times = { $total } 毫秒（首字节 { $ttfb } 毫秒）
cli-monitor-probe-total = { $total } 毫秒
cli-monitor-probe-ok = 正常
cli-monitor-no-run = 无
cli-monitor-diff-runs = { $site }：第 { $from } 次检测 → 第 { $to } 次检测
cli-monitor-diff-first = { $site }：第 { $to } 次检测（此前没有检测）
cli-monitor-diff-new = 新增：{ $count }
cli-monitor-diff-fixed = 已修复：{ $count }
cli-monitor-diff-persisting = 仍存在：{ $count }
cli-monitor-report-written = 已写入 { $sites } 个网站页面和 index.html：{ $dir }
