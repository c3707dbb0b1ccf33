#!/usr/bin/env python3
"""Paraphrase retrieval among news distractors: writes the library and the
queries that `tabayyun eval paraphrase` (and the peers) work on.

The pairs (`crate/tests/fixtures/paraphrase-pairs.jsonl`) are headlines and
lead sentences written for this project, each told twice in other words
(synonyms, clitics, spelling variants, numbers in words or digits, word
order). The distractors are the 15,042 SaudiNewsNet July 2015 articles,
each as its title and first paragraph: thousands of real headlines on the
same kinds of stories. Every side of every pair is also a library article
of its own outlet, and is queried: its partner must come first.

    python3 tests/bench/paraphrase_library.py --news ../shared/data/news \
        --pairs crate/tests/fixtures/paraphrase-pairs.jsonl --out /tmp/para
    tabayyun eval paraphrase --pairs crate/tests/fixtures/paraphrase-pairs.jsonl \
        --library /tmp/para/library.jsonl
    python3 tests/bench/bm25_baseline.py --library /tmp/para/library.jsonl \
        --queries /tmp/para/queries.jsonl > /tmp/para/bm25.jsonl
    tabayyun eval paraphrase --pairs crate/tests/fixtures/paraphrase-pairs.jsonl \
        --predictions /tmp/para/bm25.jsonl
"""

import argparse
import glob
import json
import os
import zipfile

# A lead paragraph longer than this is cut at its last full stop before it
# (or at a space): a headline-sized distractor, not a whole article.
LEAD_CHARS = 400


def lead(content):
    first = next((l.strip() for l in content.splitlines() if len(l.strip()) >= 20), "")
    if len(first) <= LEAD_CHARS:
        return first
    cut = first.rfind(".", 0, LEAD_CHARS)
    if cut < LEAD_CHARS // 2:
        cut = first.rfind(" ", 0, LEAD_CHARS)
    return first[: cut + 1].strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--news", required=True)
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    zips = sorted(glob.glob(os.path.join(args.news, "saudinewsnet-*.zip")))
    if not zips:
        raise SystemExit(f"no saudinewsnet-*.zip under {args.news}")
    pairs = [json.loads(l) for l in open(args.pairs, encoding="utf-8") if l.strip()]
    n = 0
    with open(os.path.join(args.out, "library.jsonl"), "w", encoding="utf-8") as lib, open(
        os.path.join(args.out, "queries.jsonl"), "w", encoding="utf-8"
    ) as queries:
        for path in zips:
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    for a in json.loads(z.read(name)):
                        title = (a.get("title") or "").strip()
                        text = "\n".join(t for t in (title, lead(a.get("content") or "")) if t)
                        if not text:
                            continue
                        row = {"id": f"snn-{n}", "source": a.get("source", ""), "text": text}
                        lib.write(json.dumps(row, ensure_ascii=False) + "\n")
                        n += 1
        for i, p in enumerate(pairs):
            for side in ("a", "b"):
                pid = f"pair-{i:02d}{side}"
                row = {"id": pid, "source": pid, "text": p[side]}
                lib.write(json.dumps(row, ensure_ascii=False) + "\n")
                queries.write(json.dumps({"id": pid, "text": p[side]}, ensure_ascii=False) + "\n")
    print(f"{n} distractors, {2 * len(pairs)} pair sides -> {args.out}")


if __name__ == "__main__":
    main()
