#!/usr/bin/env python3
"""Writes the SaudiNewsNet July 2015 articles as a `tabayyun` library in
JSON lines (`{"id", "text", "source", "url", "title", "date"}`), in the
order of the day files, for the checks that need thousands of real
articles beside our own (`tabayyun eval events --distractors`).

    python3 tests/bench/news_library.py --news ../shared/data/news > /tmp/news-library.jsonl
"""

import argparse
import glob
import json
import os
import sys
import zipfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", default="../shared/data/news", help="folder of the day zips")
    args = ap.parse_args()
    zips = sorted(glob.glob(os.path.join(args.news, "*.zip")))
    if not zips:
        sys.exit(f"no .zip files in {args.news}")
    n = 0
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                for a in json.loads(z.read(name)):
                    text = a.get("content") or ""
                    if not text.strip():
                        continue
                    line = {
                        "id": f"news-{n}",
                        "text": text,
                        "source": a.get("source") or "",
                        "url": a.get("url"),
                        "title": a.get("title"),
                        "date": a.get("date_extracted"),
                    }
                    print(json.dumps(line, ensure_ascii=False))
                    n += 1
    print(f"{n} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
