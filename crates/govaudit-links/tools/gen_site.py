#!/usr/bin/env python3
"""Generates a static site of N pages with planted link defects, for side-by-side runs of
govaudit links and lychee (outside CI). Writes DIR/expected.tsv: page, line, href, defect.

usage: gen_site.py DIR [N]
Every page has a shared footer (so a broken footer link is one defect on every page), a nav,
body links to other pages, images, a script and a stylesheet. Planted per page, by page number:
  i % 10 == 0  broken body link                 (missing file)
  i % 10 == 1  broken fragment to the next page (#nope)
  i % 10 == 2  <base href> page whose relative links are correct only with <base> applied
  i % 10 == 3  meta refresh to a missing page
  i % 10 == 4  style="background:url(missing.png)"
  i % 10 == 5  srcset with a missing 2x image (file name contains @)
  i % 10 == 6  <script src> to a missing file
  i % 10 == 7  ../ above the root to an existing file (correct: browsers clamp)
  i % 10 == 8  #top and PDF #page=2 (correct)
  i % 10 == 9  nothing
and every page carries the footer link /old/footer-missing.html.
"""
import os, sys

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    os.makedirs(os.path.join(out, "p"), exist_ok=True)
    os.makedirs(os.path.join(out, "img"), exist_ok=True)
    os.makedirs(os.path.join(out, "sub", "dir"), exist_ok=True)
    open(os.path.join(out, "img", "a.png"), "wb").write(b"\x89PNG\r\n")
    open(os.path.join(out, "img", "a@2x.png"), "wb").write(b"\x89PNG\r\n")
    open(os.path.join(out, "doc.pdf"), "wb").write(b"%PDF-1.4\n")
    open(os.path.join(out, "site.js"), "w").write("// ok\n")
    open(os.path.join(out, "site.css"), "w").write("body { background: url(img/a.png); }\n")
    open(os.path.join(out, "sub", "dir", "target.html"), "w").write("<!doctype html><title>t</title><p id=x>x</p>\n")
    expected = []
    for i in range(n):
        lines = ["<!doctype html>", "<html lang=en>", "<head>", f"<title>Page {i}</title>",
                 '<link rel="stylesheet" href="/site.css">']
        def add(line, href=None, defect=None):
            lines.append(line)
            if defect:
                expected.append((f"p/{i}.html", len(lines), href, defect))
        kind = i % 10
        if kind == 2:
            add('<base href="/sub/dir/">')
        if kind == 3:
            add('<meta http-equiv="refresh" content="600; url=/refresh-missing.html">', "/refresh-missing.html", "broken")
        add("</head>")
        add("<body>")
        add('<nav><a href="/index.html">Home</a></nav>')
        nxt = (i + 1) % n
        if kind == 2:
            add('<a href="target.html#x">relative to the base</a>')
        else:
            add(f'<a href="/p/{nxt}.html">next</a>')
        if kind == 0:
            add(f'<a href="/p/missing-{i}.html">broken</a>', f"/p/missing-{i}.html", "broken")
        if kind == 1:
            add(f'<a href="/p/{nxt}.html#nope">fragment</a>', f"/p/{nxt}.html#nope", "broken-fragment")
        if kind == 4:
            add('<p style="background:url(/img/missing-bg.png)">styled</p>', "/img/missing-bg.png", "broken")
        if kind == 5:
            add('<img src="/img/a.png" srcset="/img/a.png 1x, /img/missing@2x.png 2x" alt="a">', "/img/missing@2x.png", "broken")
        else:
            add('<img src="/img/a.png" srcset="/img/a@2x.png 2x" alt="a">')
        if kind == 6:
            add('<script src="/js/missing.js"></script>', "/js/missing.js", "broken")
        else:
            add('<script src="/site.js"></script>')
        if kind == 7:
            add('<a href="../../../index.html">clamped</a>')
        if kind == 8:
            add('<a href="#top">top</a> <a href="/doc.pdf#page=2">pdf</a>')
        add('<footer><a href="/old/footer-missing.html">old footer link</a></footer>', "/old/footer-missing.html", "broken")
        add("</body>")
        add("</html>")
        open(os.path.join(out, "p", f"{i}.html"), "w").write("\n".join(lines) + "\n")
    index = ["<!doctype html>", "<html lang=en>", "<title>Home</title>"]
    index += [f'<a href="/p/{i}.html">page {i}</a>' for i in range(n)]
    open(os.path.join(out, "index.html"), "w").write("\n".join(index) + "\n")
    with open(os.path.join(out, "expected.tsv"), "w") as f:
        for row in expected:
            f.write("\t".join(map(str, row)) + "\n")
    print(f"{n} pages, {len(expected)} planted defect occurrences")

main()
