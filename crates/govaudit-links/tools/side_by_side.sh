#!/bin/bash
# Side-by-side with lychee (outside CI) on a site from gen_site.py served over loopback.
# usage: side_by_side.sh SITE_DIR GOVAUDIT_BIN LYCHEE_BIN OUT_DIR
# Recall is computed against SITE_DIR/expected.tsv by comparing (page, line) pairs.
set -u
SITE=$1; GOVAUDIT=$2; LYCHEE=$3; OUT=$4; PORT=18765
mkdir -p "$OUT"
(cd "$SITE" && exec python3 -m http.server $PORT --bind 127.0.0.1 > "$OUT/httpd.log" 2>&1) &
HTTPD=$!
sleep 1
BASE=http://127.0.0.1:$PORT
echo "== govaudit (crawl from /, concurrency 16, per-host 16)"
/usr/bin/time -f "%e s wall" "$GOVAUDIT" links --format json --allow-private --ignore-robots \
  --max-pages 5000 --concurrency 16 --per-host 16 --rate 10000 "$BASE/" > "$OUT/gov.json" 2> "$OUT/gov.err"
tail -n 1 "$OUT/gov.err"
echo "== lychee (every page URL as input, max-concurrency 16)"
(cd "$SITE" && find . -name '*.html' | sed "s|^\.|$BASE|") > "$OUT/urls.txt"
/usr/bin/time -f "%e s wall" "$LYCHEE" --format json --max-concurrency 16 --host-concurrency 16 \
  --host-request-interval 0ms --no-progress --include-fragments=anchor-only --output "$OUT/lychee.json" \
  $(cat "$OUT/urls.txt") > /dev/null 2> "$OUT/lychee.err"
tail -n 1 "$OUT/lychee.err"
kill $HTTPD
python3 - "$SITE" "$OUT" "$BASE/" <<'PY'
import json, sys
site, out, base = sys.argv[1:]
expected = set()
for line in open(f"{site}/expected.tsv"):
    page, l, _href, _defect = line.rstrip("\n").split("\t")
    expected.add((base + page, int(l)))
lychee = set()
for page, errors in json.load(open(f"{out}/lychee.json"))["error_map"].items():
    for e in errors:
        lychee.add((page, e.get("span", {}).get("line")))
gov = set((f["url"], f["location"].get("line")) for f in json.load(open(f"{out}/gov.json"))["findings"])
for name, found in [("govaudit", gov), ("lychee", lychee)]:
    print(f"{name}: {len(found & expected)}/{len(expected)} planted found, {len(found - expected)} false positives")
PY
