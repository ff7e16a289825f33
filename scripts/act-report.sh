#!/usr/bin/env bash
# Measures govaudit with the W3C ACT Rules community's own implementation mapper
# (act-rules/act-tools, `map-implementation`), the tool that lists implementations on the W3C
# ACT implementations page. Not run by CI; see docs/act-report.md.
#
#   scripts/act-report.sh ACT_TOOLS [ACT_DATA] [OUT_DIR]
#
# ACT_TOOLS  a path or git URL of act-rules/act-tools (cloned into OUT_DIR, installed there)
# ACT_DATA   the ACT test cases: testcases.json + testcases/ + test-assets/ (default ../shared/act-rules)
# OUT_DIR    where the clone, the EARL and the mapper's reports go (default a new temporary dir)
#
# The mapper is run unchanged. Only its invocation is local: the test cases list is given as a
# file (-t), and the EARL (whose JSON-LD context is inline) needs no network. jsonld framing in
# the mapper grows faster than linearly with the number of assertions (a whole run of ~200,000
# assertions takes hours), so by default the mapper is run once per ACT rule, on the assertions
# about that rule's test cases and that rule's test cases: it judges each rule from exactly
# these, so the counts are the same as one run over everything. WHOLE=1 runs it once on the
# whole EARL file instead.
set -euo pipefail

tools_src=${1:?usage: scripts/act-report.sh ACT_TOOLS [ACT_DATA] [OUT_DIR]}
repo=$(cd "$(dirname "$0")/.." && pwd)
data=$(cd "${2:-$repo/../shared/act-rules}" && pwd)
out=${3:-$(mktemp -d -t govaudit-act.XXXXXX)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# 1. The mapper, installed as its repository says (yarn 4 from .yarn/releases, else npm).
if [ ! -d "$out/act-tools" ]; then
    git clone --quiet "$tools_src" "$out/act-tools"
fi
tools_commit=$(git -C "$out/act-tools" rev-parse HEAD)
if [ ! -f "$out/act-tools/dist/cli/map-implementation.js" ]; then
    (
        cd "$out/act-tools"
        yarn_js=$(ls .yarn/releases/yarn-*.cjs 2>/dev/null | head -n1 || true)
        if [ -n "$yarn_js" ]; then node "$yarn_js" install; else npm install; fi
        [ -f dist/cli/map-implementation.js ] || npx tsc
    ) >"$out/install.log" 2>&1
fi

# 2. govaudit over the test cases. The cases link the shared assets as
#    /WAI/content-assets/wcag-act-rules/test-assets/...: a site root where that path exists
#    (a link to the data) lets the style sheets load, as the conformance test supplies them.
site="$out/site"
mkdir -p "$site/WAI/content-assets"
ln -sfn "$data" "$site/WAI/content-assets/wcag-act-rules"
# GOVAUDIT=path/to/govaudit uses a binary already built.
govaudit=${GOVAUDIT:-}
if [ -z "$govaudit" ]; then
    (cd "$repo" && cargo build --release --quiet)
    govaudit="${CARGO_TARGET_DIR:-$repo/target}/release/govaudit"
fi
set +e
# --standard wcag2aaa: every rule, the AAA ones too (the default, wcag2aa, leaves out
# meta-refresh-no-exceptions and color-contrast-enhanced, the procedures of bisz58 and 09o5cg).
"$govaudit" audit --only a11y --format earl --quiet --standard wcag2aaa \
    --site-root "$site" \
    --earl-source-base https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/ \
    "$site/WAI/content-assets/wcag-act-rules/testcases" >"$out/govaudit.earl.json"
status=$?
set -e
# Exit 1 only says that failing findings were found.
[ "$status" -le 1 ] || exit "$status"

# 3. The mapper.
map() { # EARL TESTCASES OUTPUT
    node "$out/act-tools/dist/cli/map-implementation.js" -j "$1" -t "$2" -o "$3" \
        -n govaudit -v govaudit >/dev/null
}
if [ "${WHOLE:-0}" = 1 ]; then
    map "$out/govaudit.earl.json" "$data/testcases.json" "$out/mapping.json"
    node -e '
        const r = require(process.argv[1]);
        const t = {}; for (const s of [r.approvedRules, r.proposedRules]) for (const k in s) t[k] = (t[k] || 0) + s[k];
        console.log(JSON.stringify({ approved: r.approvedRules, proposed: r.proposedRules, total: t }));
    ' "$out/mapping.json" | tee "$out/counts.json"
else
    mkdir -p "$out/by-rule"
    # One EARL document and one test case list per ACT rule, the assertions unchanged.
    node -e '
        const fs = require("fs");
        const [earlFile, casesFile, dir] = process.argv.slice(1);
        const earl = JSON.parse(fs.readFileSync(earlFile, "utf8"));
        const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));
        const byRule = {};
        const others = [];
        for (const node of earl["@graph"]) {
            const source = node.subject && node.subject.source;
            const m = typeof source === "string" && source.match(/\/([a-z0-9]{6})\/([a-z0-9]{40})\.[a-z]{2,4}/);
            if (m) (byRule[m[1]] ||= []).push(node); else if (!node.subject) others.push(node);
        }
        for (const rule of new Set(cases.testcases.map((c) => c.ruleId))) {
            const doc = { "@context": earl["@context"], "@graph": others.concat(byRule[rule] || []) };
            fs.writeFileSync(`${dir}/${rule}.earl.json`, JSON.stringify(doc));
            const list = { ...cases, testcases: cases.testcases.filter((c) => c.ruleId === rule) };
            fs.writeFileSync(`${dir}/${rule}.testcases.json`, JSON.stringify(list));
        }
    ' "$out/govaudit.earl.json" "$data/testcases.json" "$out/by-rule"
    # JOBS mapper processes at once (default 2).
    ls "$out/by-rule"/*.earl.json | xargs -P "${JOBS:-2}" -I{} sh -c '
        rule=$(basename "$1" .earl.json)
        node "$2/act-tools/dist/cli/map-implementation.js" -j "$1" \
            -t "$2/by-rule/$rule.testcases.json" -o "$2/by-rule/$rule.mapping.json" \
            -n govaudit -v govaudit >/dev/null' _ {} "$out"
    node -e '
        const fs = require("fs");
        const dir = process.argv[1];
        const sum = (a, b) => { for (const k in b) a[k] = (a[k] || 0) + b[k]; return a; };
        const approved = {}, proposed = {}, rules = {};
        for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".mapping.json")).sort()) {
            const r = JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"));
            sum(approved, r.approvedRules); sum(proposed, r.proposedRules);
            for (const m of r.actRuleMapping) rules[m.ruleId] = m.consistency || (m.procedureNames.length ? "inconsistent" : "untested");
        }
        const total = sum(sum({}, approved), proposed);
        console.log(JSON.stringify({ approved, proposed, total, rules }));
    ' "$out/by-rule" > "$out/counts.json"
fi
node -e '
    const c = require(process.argv[1]);
    console.log(`complete ${c.total.complete}, partial ${c.total.partial}, inconsistent ${c.total.inconsistent}, untested ${c.total.untested}`);
' "$out/counts.json"
echo "act-tools commit $tools_commit; $(date -u +%Y-%m-%d); reports in $out"
