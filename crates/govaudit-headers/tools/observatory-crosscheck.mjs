// Cross-check (outside CI): grade recorded exchanges with the npm Observatory's analyzers.
// Usage: npm install --ignore-scripts @mdn/mdn-http-observatory@1.4.8 (in a scratch dir), write
// node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json (e.g. {}), then
//   node observatory-crosscheck.mjs <scratch>/node_modules/@mdn/mdn-http-observatory EXCHANGE.json...
// Prints, per file, the v4 score, grade and result per test, for comparison with
// `govaudit headers --observatory-algorithm 4 --format json`. No network is used.
import fs from "node:fs";
import path from "node:path";
const pkg = path.resolve(process.argv[2]);
const { ALL_TESTS } = await import(path.join(pkg, "src/constants.js"));
const { getScoreModifier, getGradeForScore } = await import(path.join(pkg, "src/grader/grader.js"));
const { parseHttpEquivHeaders } = await import(path.join(pkg, "src/retriever/utils.js"));
import { createRequire } from "node:module";
const { CookieJar } = createRequire(path.join(pkg, "package.json"))("tough-cookie");

function nodeHeaders(lines) {
  // Node's merge rules: set-cookie stays a list, a few headers keep the first line, others join.
  const firstOnly = new Set(["age","authorization","content-length","content-type","etag","expires","from","host","if-modified-since","if-unmodified-since","last-modified","location","max-forwards","proxy-authorization","referer","retry-after","server","user-agent"]);
  const h = {};
  for (const [name, raw] of lines) {
    const k = name.toLowerCase(), v = String(raw).trim();
    if (k === "set-cookie") (h[k] ??= []).push(v);
    else if (k in h) { if (!firstOnly.has(k)) h[k] += ", " + v; }
    else h[k] = v;
  }
  h.get = (n) => h[n.toLowerCase()] ?? null;
  return h;
}

for (const file of process.argv.slice(3)) {
  const ex = JSON.parse(fs.readFileSync(file, "utf8"));
  const url = new URL(ex.url);
  const chain = (ex.http_redirects ?? []).map(([u, status]) => ({ url: new URL(u), status }));
  const host = chain[0]?.url.hostname ?? url.hostname;
  const headers = nodeHeaders(ex.headers ?? []);
  const verified = ex.cert_valid ?? true;
  const httpsOk = ex.https_available ?? url.protocol === "https:";
  const httpOk = ex.http_available ?? chain.length > 0;
  const auto = { status: ex.status, headers, verified, httpEquiv: new Map() };
  const ct = (headers["content-type"] ?? "").split(";")[0];
  if ((ct === "text/html" || ct === "application/xhtml+xml") && ex.body) auto.httpEquiv = parseHttpEquivHeaders(ex.body, ex.url);
  const jar = new CookieJar();
  for (const c of headers["set-cookie"] ?? []) jar.setCookieSync(c, ex.url, { ignoreError: true });
  const requests = {
    hostname: host,
    resources: { path: ex.body ?? "" },
    responses: {
      auto, https: httpsOk ? auto : null, http: httpOk ? { status: chain[0]?.status, verified } : null,
      httpRedirects: chain, httpsRedirects: chain,
      cors: ex.cors_headers ? { headers: nodeHeaders(ex.cors_headers), request: { headers: { origin: "https://http-observatory.security.mozilla.org" } } } : null,
    },
    session: { url: new URL(httpsOk ? `https://${host}/` : `http://${host}/`), jar },
  };
  let withBonus = 100, penalties = 100; const tests = {};
  for (const test of ALL_TESTS) {
    const out = test(requests);
    const m = getScoreModifier(out.result);
    withBonus += m; if (m < 0) penalties += m;
    tests[out.constructor.name] = { result: out.result, modifier: m, pass: out.pass };
  }
  const { score, grade } = getGradeForScore(penalties >= 90 ? withBonus : penalties);
  console.log(JSON.stringify({ file, algorithm: 4, score, grade, tests }));
}
