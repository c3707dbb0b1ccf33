// `./build.sh bench`: every speed benchmark, one section per file in this
// folder, each also runnable alone.
//
//   node tests/bench/run.mjs [SHARED] [--runs 7] [--days 2015-07-22] [--only analyze|matching]
//
// SHARED is the shared data folder (../shared by default).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { runAnalyzeBench, analyzeTable } from "./analyze.mjs";
import { runMatchingBench } from "./matching.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const shared = path.resolve(
  process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : path.join(ROOT, "../shared"),
);
const only = arg("--only", null);

const sections = [
  [
    "analyze",
    async () => {
      const rows = await runAnalyzeBench({
        shared,
        runs: Number(arg("--runs", 7)),
        days: arg("--days", "2015-07-22"),
      });
      return analyzeTable(rows);
    },
  ],
  [
    "matching",
    async () => {
      const r = await runMatchingBench();
      return r ? JSON.stringify(r, null, 2) : "skipped";
    },
  ],
];

for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}\n`);
  console.log(await run());
}
