// Peer for passage matching: MiniSearch 7.2.0 with its defaults (its own
// tokenizer, no stemming, OR of the query terms, BM25+ ranking). Passages
// are the lines of each text and, within a line, its ".,"-separated
// sentences: the same passages the gold and Tabayyun use.
//
// Output is the JSON-lines format of `tabayyun match`, so
// `tabayyun eval matching --predictions FILE` scores this peer with the
// very code that scores Tabayyun:
//
//   node tests/bench/minisearch_peer.mjs ../shared/seeds > /tmp/minisearch.jsonl
//   ./target/release/tabayyun eval matching --gold ../shared/gold/seeds --predictions /tmp/minisearch.jsonl

import fs from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";

/** [start, end) UTF-16 spans of the passages of `text`. */
export function passages(text) {
  const spans = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const re = /\.\s*[,،]/g;
    let pieceStart = 0;
    const cuts = [];
    for (let m; (m = re.exec(line)); ) {
      cuts.push([pieceStart, m.index + 1]);
      pieceStart = m.index + m[0].length;
    }
    cuts.push([pieceStart, line.length]);
    for (let [s, e] of cuts) {
      while (s < e && /\s/.test(line[s])) s++;
      while (e > s && /\s/.test(line[e - 1])) e--;
      if (e > s) spans.push([lineStart + s, lineStart + e]);
    }
    lineStart += line.length + 1;
  }
  return spans;
}

/** A MiniSearch index over the passages of `articles` ({id, text}). */
export function buildIndex(articles) {
  const ms = new MiniSearch({ fields: ["text"], storeFields: ["article", "start", "end"] });
  const docs = [];
  for (const a of articles) {
    for (const [start, end] of passages(a.text)) {
      docs.push({ id: docs.length, article: a.id, start, end, text: a.text.slice(start, end) });
    }
  }
  ms.addAll(docs);
  return ms;
}

function main() {
  const dir = process.argv[2] ?? "../shared/seeds";
  const top = Number(process.argv[3] ?? 10);
  const articles = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ id: f.slice(0, 3), text: fs.readFileSync(path.join(dir, f), "utf8") }));
  const ms = buildIndex(articles);
  for (const a of articles) {
    for (const [start, end] of passages(a.text)) {
      const matches = ms
        .search(a.text.slice(start, end))
        .filter((r) => r.article !== a.id)
        .slice(0, top)
        .map((r) => ({ id: r.article, start: r.start, end: r.end, score: r.score }));
      process.stdout.write(JSON.stringify({ query: a.id, start, end, matches }) + "\n");
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
