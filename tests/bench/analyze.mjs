// Analyze throughput, native and wasm, in MB/s (median of repeated runs):
// (a) the five seed articles, (b) SaudiNewsNet news articles. Standalone or
// imported by tests/bench/run.mjs:
//
//   node tests/bench/analyze.mjs [SHARED] [--runs 7] [--days 2015-07-22] [--pkg www/pkg]
//
// The news subset is fixed so figures compare across runs: by default every
// article of 2015-07-22 (2,050 articles, 6.6 MB of text); `--days all` takes
// all eight days. Native runs spawn the release CLI (`tabayyun bench analyze`,
// or $TABAYYUN_BIN); wasm runs load the wasm-bindgen `--target web` package
// in this process. Skips a corpus with a message when ../shared is absent.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The seed articles' texts. */
function loadSeeds(shared) {
  const dir = path.join(shared, "seeds");
  if (!fs.existsSync(dir)) return null;
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** Article contents of the chosen SaudiNewsNet days ("all" for every zip). */
function loadNews(shared, days) {
  const dir = path.join(shared, "data/news");
  if (!fs.existsSync(dir)) return null;
  const zips = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".zip"))
    .filter((f) => days === "all" || days.split(",").some((d) => f.includes(d)))
    .sort();
  const texts = [];
  for (const z of zips) {
    const json = execFileSync("unzip", ["-p", path.join(dir, z)], { maxBuffer: 1 << 30 }).toString("utf8");
    for (const a of JSON.parse(json)) if (a.content) texts.push(a.content);
  }
  return texts;
}

function nativeBin() {
  if (process.env.TABAYYUN_BIN) return process.env.TABAYYUN_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(ROOT, "target");
  return path.join(target, "release/tabayyun");
}

/** Runs the native CLI over the texts; returns its JSON line (MB/s overall
 * and for the tokenize and tokenize+numbers stages alone). */
function native(texts, runs, tmp, name) {
  const file = path.join(tmp, `${name}.jsonl`);
  fs.writeFileSync(file, texts.map((t) => JSON.stringify(t)).join("\n") + "\n");
  const out = execFileSync(nativeBin(), ["bench", "analyze", "--runs", String(runs), file], {
    maxBuffer: 1 << 26,
  }).toString();
  return JSON.parse(out.trim().split("\n").pop());
}

/** Runs the wasm build in this process over the texts; returns MB/s.
 * `options` goes to `analyze` as is (`{ entities: false }`: numbers alone). */
function wasm(engine, texts, runs, options) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) {
      const a = engine.analyze(t, options);
      if (a && a.error) throw new Error(`wasm analyze: ${a.error.code}`);
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return bytes / 1e6 / median(times);
}

export async function runAnalyzeBench({
  shared = path.resolve(ROOT, "../shared"),
  runs = 7,
  days = "2015-07-22",
  pkg = path.join(ROOT, "www/pkg"),
} = {}) {
  const engine = await import(path.join(pkg, "tabayyun.js"));
  engine.initSync({ module: fs.readFileSync(path.join(pkg, "tabayyun_bg.wasm")) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tabayyun-bench-"));
  const rows = [];
  try {
    const corpora = [
      ["seeds", () => loadSeeds(shared)],
      [`news ${days}`, () => loadNews(shared, days)],
    ];
    for (const [name, load] of corpora) {
      const texts = load();
      if (!texts || texts.length === 0) {
        console.log(`analyze bench: ${name} skipped, not found under ${shared}`);
        continue;
      }
      const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
      // Short corpora get more runs so each timing is long enough to trust.
      const r = bytes < 1e6 ? Math.max(runs, 101) : runs;
      const n = native(texts, r, tmp, name.replace(/\W+/g, "-"));
      rows.push({
        corpus: name,
        texts: texts.length,
        mb: bytes / 1e6,
        runs: r,
        nativeMBs: n.mb_per_s,
        wasmMBs: wasm(engine, texts, r),
        wasmNumbersMBs: wasm(engine, texts, r, { entities: false }),
        tokenizeMBs: n.tokenize_mb_per_s,
        tokenizeNumbersMBs: n.tokenize_numbers_mb_per_s,
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** The rows as a Markdown table, with the goals. */
export function analyzeTable(rows) {
  const lines = [
    "| corpus | texts | MB | runs | native MB/s | wasm MB/s | native tokenize | native tokenize+numbers | wasm without entities |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.corpus} | ${r.texts} | ${r.mb.toFixed(2)} | ${r.runs} | ${r.nativeMBs.toFixed(1)} | ${r.wasmMBs.toFixed(1)} | ${r.tokenizeMBs.toFixed(1)} | ${r.tokenizeNumbersMBs.toFixed(1)} | ${r.wasmNumbersMBs.toFixed(1)} |`,
    ),
    "",
    "Medians of the runs. Goals: the whole analyze >= 10 MB/s in wasm (issue 3); without",
    "entities (issue 2's numbers stage) >= 50 MB/s native (tokenize+numbers, timed alone)",
    "and >= 25 MB/s in wasm (`analyze(text, { entities: false })`).",
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const shared = process.argv[2] && !process.argv[2].startsWith("--") ? path.resolve(process.argv[2]) : undefined;
  const rows = await runAnalyzeBench({
    shared,
    runs: Number(arg("--runs", 7)),
    days: arg("--days", "2015-07-22"),
    pkg: path.resolve(arg("--pkg", path.join(ROOT, "www/pkg"))),
  });
  console.log(analyzeTable(rows));
}
