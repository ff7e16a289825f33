# 信息公开规则（disclosure/*）：标题、问题说明（.message）、修改建议（.fix）。

disclosure-invalid-identity-mark = 网站标识应显示有效编号
    .message = 网站标识未显示有效编号（网站标识码、ICP备案号或公安机关备案号）。
    .fix = 按核发内容完整显示编号，例如“冀ICP备05012345号-1”。
disclosure-item-needs-review = 必备要素仅有弱线索
    .message = 必备要素仅通过弱线索（链接地址、脚本或 meta 信息）发现，需在页面实际显示效果中人工核查。
    .fix = 为入口设置能说明其名称的可见文字，并在 HTML 中直接输出网站标识。
    .review = { disclosure-item-needs-review.message }
disclosure-missing-item = 应具备必备要素
    .message = 未找到检测方案要求的必备要素（如政府信息公开入口、网站标识）。
    .fix = 在首页添加使用规范名称的可见链接或标识。
disclosure-stale-column = 栏目应按时更新
    .message = 栏目在其类别要求的期限内没有发布新内容。
    .fix = 在规定期限内更新该栏目，或合并、关闭无内容可发布的栏目。
disclosure-stale-homepage = 首页应按时更新
    .message = 首页在规定期限内没有发布新内容。
    .fix = 首页至少每两周更新一次，并在信息列表中显示发布日期。
    .review = 需人工核查：首页及其链接的页面上均未找到发布日期，请核查首页更新情况。
