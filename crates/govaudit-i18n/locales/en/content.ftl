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

content-outbound-target = Link to a parked or spam site
    .message = An external link leads to a parked domain (a parking service or a page offering the name for sale) or to a gambling, adult or other spam page: the domain no longer belongs to what the page meant to link to.
    .fix = Remove the link or point it at the body's current site, and check the site's other links to the same domain.

content-outbound-drift = External link target changed since the previous run
    .message = Since the site's previous monitored run, an external link now ends on another domain, or its page became a parked domain or a spam page.
    .fix = Open the target; if it no longer belongs to the body the page meant, remove the link or point it at the body's current address.
