# 监测报告（govaudit monitor report）：全部网站的 index.html 和每个网站一页。
# 由 govaudit-monitor 的 report 模块使用。标识均以 monitor- 开头。

monitor-fleet-title = 监测网站
monitor-site = 网站
monitor-last-run = 最近检查
monitor-open-problems = 未解决问题
monitor-availability-week = 一周可用性
monitor-verdict-pass = 合格
monitor-verdict-veto = 单项否决（无法访问 ≥ 5%）
monitor-verdict-insufficient = 监测次数不足（每天少于 20 次）
# 成功比例之后：一周的监测次数。
monitor-probes = { $count } 次监测
monitor-failures = { $count } 次失败
monitor-score-over-time = 得分变化
monitor-score-note = 每次检查的可用性得分（首页监测成功的比例），以及检查给出的总分。
monitor-problems-by-age = 未解决问题（按时长）
monitor-rule = 规则
monitor-page = 页面
monitor-message = 说明
monitor-first-seen = 首次发现
monitor-age-days = 持续天数
monitor-freshness = 首页更新情况
monitor-fresh = 近期有更新（无首页不更新问题）
# 其后是检测结果的说明。
monitor-stale = 不更新
monitor-unknown = 未知（未指定公开目录）
monitor-no-runs = 尚无完成的检查。
monitor-no-problems = 没有未解决的问题。
# 从网站页面返回索引的链接。
monitor-back = 全部网站
