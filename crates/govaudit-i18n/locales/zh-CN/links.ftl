# 链接规则（links/*）：标题、问题说明（.message）、修改建议（.fix）。

links-broken = 链接应可用
    .message = 链接目标不存在或无法访问（死链）。
    .fix = 将链接指向页面的现有地址，恢复缺失的文件，或删除该链接。
links-broken-fragment = 页内锚点链接应能找到目标
    .message = 目标页面上没有该链接所指 id 的元素。
    .fix = 使用目标段落实际的 id，或为该段落添加此 id。
links-case-mismatch = 链接路径的大小写应与文件名一致
    .message = 链接路径与现有文件只有大小写不同，在多数服务器上会成为死链。
    .fix = 按文件名的实际写法书写路径。
links-insecure = 引用地址应使用 HTTPS
    .message = 通过 HTTPS 提供的页面引用了 http:// 地址。
    .fix = 改用 https://（或相对地址），并通过 HTTPS 提供该资源。
links-malformed-mailto = 电子邮件链接格式应正确
    .message = 该 mailto: 链接中的电子邮件地址无法使用。
    .fix = 按 mailto:name@example.gov.cn 的格式书写地址，@ 须为半角字符。
links-redirect = 链接应指向最终地址
    .message = 链接目标永久跳转到了另一个地址。
    .fix = 将链接更新为检测结果中给出的最终地址。
links-soft-404 = 链接不应指向“页面不存在”页面
    .message = 链接目标正常响应，但内容显示页面不存在，或跳转到了首页。
    .fix = 按死链处理该链接，并将服务器配置为对不存在的页面返回 404。
links-unverifiable = 链接无法核实
    .message = 链接目标无法核实（访问受限、被拒绝或超时），请在浏览器中打开核查。
    .fix = 在浏览器中打开该链接；如能正常访问则无需处理，否则按死链修改。
