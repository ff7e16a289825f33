# 指标名称（值）与评分细则（.rule），按指标 id 编号：`indicator-` + id（`.` 和 `_` 换成 `-`）。
# 中国指标的名称与细则为官方原文（cn-indicators.md；V/R 见报告）。另有评分规则（`scoring-rule-*`）与记分卡标签。

indicator-cn19-web-veto-site-unreachable = 站点无法访问
    .rule = 监测1周,每天间隔性访问20次以上,超过(含)15秒网站仍打不开的次数累计占比超过(含)5%,即单项否决。

indicator-cn19-web-veto-home-not-updated = 首页不更新
    .rule = 监测2周,首页无信息更新的,即单项否决。如首页仅为网站栏目导航入口,所有二级页面无信息更新的,即单项否决。

indicator-cn19-web-veto-columns-not-updated = 栏目不更新
    .rule = 1.监测时间点前2周内的动态、要闻类栏目,以及监测时间点前6个月内的通知公告、政策文件类一级栏目,累计超过(含)5个未更新。2.应更新但长期未更新的栏目数量超过(含)10个。3.空白栏目数量超过(含)5个。上述情况出现任意一种,即单项否决。
    .note = 仅检测第 1 项（动态、要闻类 2 周，通知公告、政策文件类 6 个月，累计 5 个及以上未更新）；第 2 项（应更新但长期未更新 ≥10 个）和第 3 项（空白栏目 ≥5 个）需人工核查。

indicator-cn19-web-veto-interaction-poor = 互动回应差
    .rule = 1.未提供网上有效咨询建言渠道(网上信访、纪检举报等专门渠道除外)。2.监测时间点前1年内,对网民留言应及时答复处理的政务咨询类栏目(在线访谈、调查征集、网上信访、纪检举报类栏目除外)存在超过3个月未回应有效留言的现象。上述情况出现任意一种,即单项否决。
    .note = 仅检测第 1 项（是否有咨询、建言渠道）；第 2 项（有效留言超过 3 个月未答复）需人工核查。

indicator-cn19-web-veto-service-not-practical = 服务不实用
    .rule = 1.未提供办事服务。2.办事指南重点要素类别(包括事项名称、设定依据、申请条件、办理材料、…)〔留存文本至此截断〕
    .note = 该指标对办事指南要素的具体要求未见于任何留存文本。

indicator-cn19-web-veto-serious-incident = 安全、泄密事故等严重问题
    .rule = 1.出现严重表述错误。2.泄露国家秘密。3.发布或链接反动、暴力、色情等内容。4.对安全攻击(如页面被挂马、内容被篡改等)没有及时有效处置造成严重安全事故。5.存在弄虚作假行为(如伪造发稿日期等)。6.因网站建设管理工作不当引发严重负面舆情。上述情况出现任意一种,即单项否决。
    .note = 内容检测可发现暗链、被注入的脚本和过时表述；泄密、严重表述错误和舆情事件需人工核查。

indicator-cn19-web-ded-policy-docs-stale = 政策文件 (栏目更新)
    .rule = 监测时间点前6个月内,政策文件类一级栏目未更新,扣5分 (as applied in a self-check)

indicator-cn19-web-ded-service-stats-stale = 办事服务统计数据
    .rule = 监测时间点前3个月内,未及时更新办事统计数据,扣2分 (as applied in a self-check)

indicator-cn19-web-ded-message-replies-stale = 留言办理 (答复更新)
    .rule = 监测时间点前2个月内未更新留言答复,扣3分 (as applied in a self-check)

indicator-cn19-web-ded-basic-columns = 概况信息 / 机构职能 / 领导(负责人)信息 / 动态要闻 / 政策文件 / 政策解读
    .rule = 按照要求开设概况信息、机构职能、领导信息、动态要闻、政策文件、政策解读等栏目,栏目信息更新及时、准确,不存在空白栏目,发布的政策文件及时发布政策解读 (self-check wording)
    .note = 仅检测栏目是否存在；内容是否准确、是否及时更新需人工核查。

indicator-cn19-web-ded-service-guides = 办事指南 / 表格
    .rule = 办事服务事项集中分类展示,办事指南要素齐全、信息准确,提供规范的表格样表 (self-check wording)

indicator-cn19-web-ded-message-dates-public = 留言办理 (留言/答复时间公开)
    .rule = 未公开留言时间和答复时间 (problem type in 通报)

indicator-cn19-web-ded-message-stats-public = 留言办理 (受理反馈统计)
    .rule = 留言受理反馈情况统计数据应公开 (self-check lists it as a checked item)

indicator-cn19-web-ded-survey-interview = 征集调查 / 在线访谈
    .rule = 征集调查的结果反馈更新不及时、征集调查质量不高 (problem types in 通报)

indicator-cn19-web-ded-home-availability = 网站可用性 — 首页可用性
    .rule = 首页打不开的次数占全部监测次数的比例 (考察点, 2015); 2019 deduction wording and ratio not read
    .note = 需在检查期内持续探测（govaudit monitor）。

indicator-cn19-web-ded-link-availability-home = 网站可用性 — 链接可用性 (首页)
    .rule = 首页及其他页面不能正常访问的链接数量 (考察点, 2015); homepage links counted separately; per-link points not read

indicator-cn19-web-ded-link-availability-other = 网站可用性 — 链接可用性 (其他页面)
    .rule = 首页以外页面的不可用链接, counted separately from homepage links; per-link points not read

indicator-cn19-web-ded-search = 搜索功能
    .rule = 未实现全站搜索; 搜索内容不全面、不易用、搜索结果未分类展现 (problem types in 通报)

indicator-cn19-web-ded-footer-marks = 网站标识 / 页面底部功能区
    .rule = 未在全站页面底部功能区清晰列明{"{"}缺失标识{"}"} (vendor problem template); marks per 47号: 党政机关网站标识、主办单位、联系方式、政府网站标识码、ICP备案编号、公安机关备案标识

indicator-cn19-web-ded-domain = 域名名称
    .rule = 网站域名名称符合相关要求 (self-check wording); rule per 47号: .gov.cn, portal www.□□□.gov.cn, department ○○○.□□□.gov.cn

indicator-cn19-web-ded-ipv6 = IPv6
    .rule = 已完成IPv6改造 (self-check lists it under 功能设计)
    .note = 需查询 DNS AAAA 记录并通过 IPv6 访问。

indicator-cn19-web-ded-zhaocuo-entry = “我为政府网站找错”入口
    .rule = “我为政府网站找错”入口设置符合规[范] (self-check lists it under 功能设计)

indicator-cn19-web-ded-security = 安全防护
    .rule = No 2019 deduction wording found. Security appears only in the veto item (挂马/篡改 not handled) and in 通报 problem types (网站暗链, S11).
    .note = 未找到 2019 年扣分细则原文；依据 HTTPS、HSTS 和混合内容的检测结果计数。

indicator-cn19-web-bonus-data = 数据发布 (及时更新)
    .rule = bonus if data can be updated in a timely manner (official English summary)

indicator-cn19-web-bonus-interpretation = 政策解读 (准确解读)
    .rule = bonus if policies can be interpreted accurately (official English summary)

indicator-cn19-web-bonus-service = 办事服务 (高质量服务)
    .rule = bonus if high-quality government service can be provided (official English summary)

indicator-us-m2322-official-banner = 政府官方横幅
    .rule = OMB M-23-22：网站显示表明其为美国政府网站的官方横幅。

indicator-us-m2322-required-links = 必备链接
    .rule = OMB M-23-22 及其援引的法律：关于、无障碍、预算与绩效、信息自由法、No FEAR 法数据、监察长、隐私政策、USA.gov、漏洞披露政策的链接。

indicator-us-m2322-contact = 联系方式
    .rule = OMB M-23-22：联系机构的途径。

indicator-us-scan-https = HTTPS
    .rule = Site Scanning：强制 HTTPS，页面不通过 HTTP 加载资源。

indicator-us-scan-hsts = HSTS
    .rule = Site Scanning：有效的 Strict-Transport-Security 响应头。

indicator-us-scan-viewport = 视口
    .rule = Site Scanning：视口 meta 标签（此处检查其不禁止缩放）。
    .note = 统计禁止缩放的视口标签；Site Scanning 只记录是否存在视口标签。

indicator-us-scan-language = 页面语言
    .rule = Site Scanning：html 元素声明有效的语言。

indicator-us-scan-dap = 数字分析计划（DAP）
    .rule = Site Scanning：加载 DAP 脚本。
    .note = DAP 需从渲染后页面发出的请求中检测。

indicator-us-scan-robots-sitemap = robots.txt 与 sitemap.xml
    .rule = Site Scanning：robots.txt 与 sitemap.xml 存在。

indicator-us-scan-not-found-page = 404 页面
    .rule = Site Scanning：请求不存在的页面时返回 404。
    .note = 需请求一个不存在的页面。

indicator-us-scan-accessibility = 无障碍问题
    .rule = Site Scanning 汇总 axe-core 问题；此处为无障碍领域得分。

indicator-eu-wad-accessibility-statement = 无障碍声明
    .rule = 欧盟指令 2016/2102 第 7 条：按范本编写、可从每个页面访问的无障碍声明。

indicator-eu-wad-feedback = 反馈机制
    .rule = 欧盟指令 2016/2102 第 7(1)(b) 条：报告无障碍问题的途径。

indicator-eu-en301549-accessibility = 无障碍（EN 301 549，依据 WCAG）
    .rule = 无障碍领域得分。

indicator-area-a11y = 无障碍
    .rule = 100 − 每个检查资源的加权问题数（严重 10、高 5、中 2、低 1）。

indicator-area-links = 链接
    .rule = 100 − 每个检查资源的加权问题数（严重 10、高 5、中 2、低 1）。

indicator-area-headers = 安全响应头
    .rule = 起始网址的 Mozilla Observatory 得分（上限 100）；否则为 100 − 每个资源的加权问题数。

indicator-area-disclosure = 信息公开
    .rule = 100 − 每个检查资源的加权问题数（严重 10、高 5、中 2、低 1）。

indicator-area-content = 内容
    .rule = 100 − 每个检查资源的加权问题数（严重 10、高 5、中 2、低 1）。

scoring-rule-veto = 出现任意一项单项否决，即为不合格，不再对其他指标评分。
scoring-rule-pass-mark = 未触发单项否决的，扣分后得分低于60分为不合格。
scoring-rule-deduction-cap = 同一指标下的扣分不超过该指标的分值。
scoring-rule-points-estimate = 仅在有来源的指标上计分（标为估计值）；其余扣分指标只报告数量和证据，此时总分为上限。
scoring-rule-required-elements = 缺少任一必备要素即为不合格。
scoring-rule-fields-not-scored = Site Scanning 字段仅作报告，不计分。
scoring-rule-area-score = 领域得分 = 100 − 每个检查资源的加权问题数；领域得分不决定结论。

scorecard-state-pass = 符合
scorecard-state-fail = 不符合
scorecard-state-needs-person = 需人工核查
scorecard-state-not-measured = 未测量
scorecard-points-not-set = 未设分值
scorecard-points-estimate = 估计值
scorecard-total-upper-bound = 上限
scorecard-group-veto = 单项否决指标
scorecard-group-deduction = 扣分指标
scorecard-group-bonus = 加分指标
scorecard-group-area = 领域
scorecard-group-required-element = 必备要素
scorecard-group-field = 字段

## 计分说明（formula-*）：评分结果 explanation 中的句子，以“；”连接。

formula-total = 总分 = { $max } − { $terms } = { $total }
formula-upper-bound = 此为上限：{ $count } 项扣分指标不符合或未测量且未设分值（{ $indicators }）
formula-pass-mark = 合格线 { $mark }：{ $below ->
        [yes] 未达到
       *[no] 已达到
    }
formula-fail-vetoes = 不合格：{ $count } 项单项否决或必备指标不符合（{ $indicators }）
formula-fail-below-mark = 不合格：总分低于合格线
formula-needs-person-undecided = 需人工核查：{ $count } 项单项否决或必备指标无法自动判定（{ $indicators }）
formula-needs-person-upper-bound = 需人工核查：总分仅为上限，是否达到合格线尚无定论
formula-pass = 合格：没有单项否决或必备要素不符合
formula-area-not-run = 未运行 { $area } 检测
formula-so-person-decides = 因此由人工判断
formula-findings = { $scope ->
        [homepage] 首页上
        [other] 首页以外页面上
       *[any] { "" }
    }规则 { $rules } 的不通过结果 { $fail } 项；达到 { $fail_at } 项即不符合
formula-for-review = { $review } 项需人工核查
formula-nothing-proves = 未发现问题不能证明符合，由人工判断
formula-availability = { $days } 天内探测 { $probes } 次，失败 { $failed } 次，失败率 { $ratio }；达到 { $fail_ratio } 及以上即不符合
formula-start-url-failed = 本次在线检测中起始网址无法访问（一次探测）
formula-start-url-answered = 本次在线检测中起始网址可以访问（一次探测）；该指标需一周的探测数据（govaudit monitor）
formula-offline-no-probes = 离线检测不做探测；该指标需一周的探测数据（govaudit monitor）
formula-domain = 主机名 { $host } { $ends ->
        [yes] 以 { $suffix } 结尾
       *[no] 不以 { $suffix } 结尾
    }
formula-no-site-url = 网站网址未知（请在 govaudit.toml 中设置 site_url）
formula-observatory = 起始网址的 Mozilla Observatory 得分 { $raw }，以 100 为上限，计 { $score }
formula-person = 无法自动测量：由人工判断
formula-not-measurable = 一次检测无法测量
# 用户自己的方案文件中写的说明，原样显示。
formula-text = { $text }
formula-points-not-set = 未设分值（请在自己的方案文件中设置），未扣分
formula-deducted-per-instance = 扣分 min({ $count } × { $per_instance }, { $value }) = { $deducted }{ $estimate ->
        [yes] （估计值）
       *[no] { "" }
    }
formula-deducted = 扣 { $deducted } 分{ $estimate ->
        [yes] （估计值）
       *[no] { "" }
    }
formula-up-to-unknown = 最多可扣 { $value } 分，是否扣分未定
formula-area-score = 100 − 每个资源的加权不通过数（严重 10、高 5、中 2、低 1）= 100 − { $weighted } / { $pages } = { $score }
formula-items-not-run = 信息公开检测未按方案运行
formula-items = 应有 { $wanted } 项（{ $items }），存在 { $present } 项，缺失 { $absent } 项，不确定 { $unsure } 项
formula-items-unknown = 不在信息公开方案中：{ $items }
