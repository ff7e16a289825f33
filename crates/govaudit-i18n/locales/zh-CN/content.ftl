# 内容安全规则（crates/govaudit-content）。

content-hidden-link = 隐藏的外部链接（暗链）
    .message = 页面中有读者看不到的链接指向其他网站，这是网站被植入暗链的常见迹象。
    .fix = 删除该链接，并排查其来源：核对页面模板，检查内容管理系统账号和服务器是否被篡改。

content-injected-script = 来历不明的脚本或框架
    .message = 页面加载了来自未知主机的脚本或框架，或含有隐藏真实用途、将搜索引擎来访者跳转至其他网站、利用访问者浏览器挖矿的代码。
    .fix = 删除相关代码并排查植入途径（页面模板、内容管理系统账号、服务器）。如确属网站有意使用的服务，请将其主机加入 govaudit.toml 的 allowed_script_hosts。

content-outdated-expression = 机构名称表述过时
    .message = 页面使用了已经撤销或更名的政府机构名称。
    .fix = 改为现行机构名称；确指改革前机构的，写作“原……”；历史文稿应标明发布日期。
