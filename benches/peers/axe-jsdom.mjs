// Times axe-core 4.11 in jsdom over ../shared/corpus/pages (the pages the Rust bench uses):
// parse (new JSDOM) and axe.run with the WCAG 2.x A/AA + best-practice rules, colour contrast
// disabled (jsdom has no layout; axe's own advice for jsdom). Prints per-page median and p95.
// Run outside CI: `npm install && EVERY=12 node axe-jsdom.mjs [corpus dir]`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

const axeSource = readFileSync(new URL(import.meta.resolve("axe-core/axe.min.js")), "utf8");
const dir = process.argv[2] ?? new URL("../../../shared/corpus/pages", import.meta.url).pathname;
// axe in jsdom takes seconds to minutes per large page: EVERY=n times every n-th page only.
const every = Number(process.env.EVERY ?? 1);
const files = readdirSync(dir)
  .filter((f) => /\.html?$/.test(f))
  .sort()
  .filter((_, i) => i % every === 0);

const times = [];
let findings = 0;
for (const file of files) {
  if (process.env.VERBOSE) console.error(file);
  const html = readFileSync(join(dir, file)); // bytes: jsdom sniffs the encoding
  const start = performance.now();
  const dom = new JSDOM(html, { contentType: "text/html", runScripts: "outside-only", pretendToBeVisual: true });
  dom.window.eval(axeSource);
  const result = await dom.window.axe.run(dom.window.document, {
    resultTypes: ["violations"],
    iframes: false,
    rules: { "color-contrast": { enabled: false } },
  });
  times.push(performance.now() - start);
  findings += result.violations.reduce((n, v) => n + v.nodes.length, 0);
  dom.window.close();
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.round((times.length - 1) * q)];
const total = times.reduce((a, b) => a + b, 0);
console.log(
  `axe-core in jsdom, ${files.length} pages (every ${every}th): per page median ${at(0.5).toFixed(1)} ms, ` +
    `p95 ${at(0.95).toFixed(1)} ms, total ${(total / 1000).toFixed(1)} s, ${findings} violation nodes`,
);
