// Matching at scale, in wasm under Node, with MiniSearch in the same run:
// a library of every SaudiNewsNet July 2015 article in ../shared/data/news
// (15,042), then adding, matching whole articles, memory, and
// serialize/reload. Standalone or imported by tests/bench/run.mjs:
//
//   node tests/bench/matching.mjs [--pkg target/pkg] [--limit N] [--queries N] [--peer-queries N]
//
// `--pkg` is a wasm-bindgen `--target web` output folder (build.sh writes
// target/pkg). Skips with a message when ../shared is absent.

import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Every article of the SaudiNewsNet zips, in file order. */
export function loadNews(dir) {
  const zips = fs.readdirSync(dir).filter((f) => f.endsWith(".zip")).sort();
  const out = [];
  for (const z of zips) {
    const json = execFileSync("unzip", ["-p", path.join(dir, z)], { maxBuffer: 1 << 30 }).toString("utf8");
    for (const a of JSON.parse(json)) out.push(a);
  }
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((x, y) => x + y, 0) / s.length };
}

/** A seeded generator, so every run queries the same articles. */
function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export async function runMatchingBench({
  pkg = path.join(ROOT, "target/pkg"),
  limit = Infinity,
  queries = 200,
  peerQueries = 20,
} = {}) {
  const news = path.join(ROOT, "../shared/data/news");
  if (!fs.existsSync(news)) {
    console.log(`matching bench: skipped, ${news} is absent`);
    return null;
  }
  const wasm = await import(path.join(pkg, "tabayyun.js"));
  const exports = wasm.initSync({ module: fs.readFileSync(path.join(pkg, "tabayyun_bg.wasm")) });
  const articles = loadNews(news).slice(0, limit);
  const rawBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.content ?? ""), 0);

  // Adding.
  const lib = new wasm.Library();
  const addMs = [];
  let added = 0;
  const duplicates = { url: 0, text: 0 };
  for (const [i, a] of articles.entries()) {
    const t0 = performance.now();
    const r = lib.add({
      id: String(i),
      text: a.content ?? "",
      url: a.url,
      outlet: a.source,
      title: a.title,
      date: a.date_extracted,
    });
    addMs.push(performance.now() - t0);
    if (r.added) added++;
    else if (r.duplicate) duplicates[r.duplicate.reason]++;
  }
  const st = lib.stats();

  // MiniSearch over the very same passages.
  const ms = new MiniSearch({ fields: ["text"], storeFields: ["article"] });
  const msAddMs = [];
  const passagesOf = new Map();
  for (const item of lib.list()) {
    const art = lib.get(item.id);
    const ps = art.passages.map((p) => art.text.slice(p.start, p.end));
    passagesOf.set(item.id, ps);
    const t0 = performance.now();
    ms.addAll(ps.map((text, k) => ({ id: `${item.id}/${k}`, article: item.id, text })));
    msAddMs.push(performance.now() - t0);
  }

  // Matching whole articles (every passage), same articles for both.
  const ids = lib.list().map((x) => x.id);
  const pick = rng(42);
  const sample = Array.from({ length: Math.min(queries, ids.length) }, () => ids[Math.floor(pick() * ids.length)]);
  const matchMs = [];
  const matchEventMs = [];
  const msMs = [];
  let matched = 0;
  for (const [k, id] of sample.entries()) {
    let t0 = performance.now();
    const r = lib.match(id, { top: 3, sameEvent: false });
    matchMs.push(performance.now() - t0);
    matched += r.filter((p) => p.matches.length > 0).length;
    t0 = performance.now();
    lib.match(id, { top: 3, sameEvent: true });
    matchEventMs.push(performance.now() - t0);
    // MiniSearch takes seconds per article at this size: the first
    // `peerQueries` of the same sample.
    if (k >= peerQueries) continue;
    t0 = performance.now();
    for (const text of passagesOf.get(id)) {
      ms.search(text).filter((x) => x.article !== id).slice(0, 3);
    }
    msMs.push(performance.now() - t0);
  }

  // Serialize and reload.
  let t0 = performance.now();
  const bytes = lib.serialize();
  const serializeMs = performance.now() - t0;
  t0 = performance.now();
  const again = wasm.Library.load(bytes);
  const reloadMs = performance.now() - t0;
  const reloaded = again.stats();
  t0 = performance.now();
  const events = lib.events();
  const eventsMs = performance.now() - t0;

  const result = {
    articles: articles.length,
    added,
    duplicates,
    rawTextBytes: rawBytes,
    passages: st.passages,
    terms: st.terms,
    indexBytes: st.indexBytes,
    indexOverText: st.indexBytes / st.textBytes,
    // The whole linear memory: texts, index, and the allocator's slack.
    wasmMemoryBytes: exports.memory.buffer.byteLength,
    addMs: stats(addMs),
    matchArticleMs: stats(matchMs),
    matchArticleSameEventMs: stats(matchEventMs),
    passagesWithMatches: matched,
    serializedBytes: bytes.length,
    serializeMs,
    reloadMs,
    reloadedArticles: reloaded.articles,
    eventsMs,
    events: events.length,
    multiOutletEvents: events.filter((e) => e.outlets.length > 1).length,
    minisearch: { addArticleMs: stats(msAddMs), matchArticleMs: stats(msMs) },
  };
  result.speedupOverMiniSearch = result.minisearch.matchArticleMs.median / result.matchArticleMs.median;
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runMatchingBench({
    pkg: path.resolve(arg("--pkg", path.join(ROOT, "target/pkg"))),
    limit: Number(arg("--limit", Infinity)),
    queries: Number(arg("--queries", 200)),
    peerQueries: Number(arg("--peer-queries", 20)),
  });
  if (r) console.log(JSON.stringify(r, null, 2));
}
