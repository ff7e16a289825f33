# Link rules (links/*): title, what is wrong (.message), how to fix it (.fix).

links-broken = Links work
    .message = The link's target does not exist or cannot be reached.
    .fix = Point the link at the page's current address, restore the missing file, or remove the link.
links-broken-fragment = Links to a part of a page find it
    .message = The target page has no element with the id this link points to.
    .fix = Use the id the target section really has, or add it to the section.
links-case-mismatch = Link paths match the file names' case
    .message = The link's path differs from an existing file only in upper and lower case, which breaks on most servers.
    .fix = Write the path exactly as the file is named.
links-insecure = References use HTTPS
    .message = A page served over HTTPS refers to an http:// address.
    .fix = Use https:// (or a relative address) and host the resource over HTTPS.
links-malformed-mailto = Email links are well-formed
    .message = The email address in this mailto: link cannot work.
    .fix = Write the address as mailto:name@example.gov.cn with an ASCII @.
links-redirect = Links point at the final address
    .message = The link's target permanently redirects to another address.
    .fix = Update the link to the final address shown in the finding.
links-soft-404 = Links do not lead to a "page not found" page
    .message = The target answers normally but its content says the page does not exist, or it redirects to the homepage.
    .fix = Fix the link as a broken one, and configure the server to answer missing pages with 404.
links-unverifiable = Link could not be verified
    .message = The link's target could not be verified (rate limited, refused or timed out); check it in a browser.
    .fix = Open the link in a browser; if it works, nothing is to be done, otherwise fix it as a broken link.
