# Content security rules (crates/govaudit-content).

content-hidden-link = Hidden link to another site
    .message = A link that readers cannot see points to another site; hidden links are a common sign of injected spam (暗链).
    .fix = Remove the link and find how it got into the page: check the template, the CMS accounts and the server for tampering.

content-injected-script = Script or frame that does not belong
    .message = The page loads a script or frame from an unknown host, or contains code that hides what it does, redirects visitors from search engines or mines crypto-currency.
    .fix = Remove the code and find how it got in (templates, CMS accounts, server). If the host is a service the site uses on purpose, add it to allowed_script_hosts in govaudit.toml.

content-outdated-expression = Outdated name of a government body
    .message = The page uses the name of a government body that no longer exists under that name.
    .fix = Replace it with the current name, or write 原… when the text means the body as it was; on an archived page, show the publication date.
