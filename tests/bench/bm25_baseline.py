#!/usr/bin/env python3
"""Peer for passage matching: BM25 over Lucene-style Arabic analysis.

Analysis as Lucene's ArabicAnalyzer does it: lowercase, Arabic
normalization (alef forms, alef maqsura, teh marbuta, harakat, tatweel),
Arabic stopwords, then NLTK's ISRI stemmer (root-based). Scoring is Okapi
BM25 (k1 = 1.2, b = 0.75, Lucene's IDF) over passages, where a passage is
a line of text or, within a line, a ".,"-separated sentence: the same
passages the gold and Tabayyun use.

Output is the JSON-lines format of `tabayyun match`, so
`tabayyun eval matching --predictions FILE` scores this peer with the very
code that scores Tabayyun.

    pip install nltk==3.9.1
    python3 tests/bench/bm25_baseline.py --seeds ../shared/seeds > /tmp/bm25.jsonl
    python3 tests/bench/bm25_baseline.py --library LIB.jsonl --queries Q.jsonl [--top K]

NLTK's stopword corpus needs a download, so the list below is Lucene's
Arabic stopword list (lucene/analysis/common/.../ar/stopwords.txt),
abridged to its entries that survive normalization.
"""

import argparse
import json
import math
import os
import re
import sys

from nltk.stem.isri import ISRIStemmer

STOPWORDS_RAW = """
من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا إلا لكن ما وما كما فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان فأن وان وأن وإن التى التي الذى الذي الذين الى الي إلى إلي على عليها عليه اما أما إما ايضا أيضا كل وكل لم ولم لن ولن هى هي هو وهى وهي وهو فهى فهي فهو انت أنت لك لها له هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو بين بينما منذ ضمن حيث الان الآن خلال بعد قبل حتى عند عندما لدى جميع
"""

HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")


def normalize(word):
    word = word.lower()
    word = HARAKAT.sub("", word)
    word = re.sub("[إأآٱ]", "ا", word)
    word = word.replace("ى", "ي").replace("ة", "ه")
    return word


STOPWORDS = {normalize(w) for w in STOPWORDS_RAW.split()}
STEMMER = ISRIStemmer()
WORD = re.compile(r"\w+", re.UNICODE)


def analyze(text):
    out = []
    for w in WORD.findall(text):
        w = normalize(w)
        if w in STOPWORDS:
            continue
        out.append(STEMMER.stem(w) if not w.isdigit() else w)
    return out


def passages(text):
    """(start, end) code-point spans: lines, then ".," sentences."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for piece in re.split(r"(?<=\.)\s*[,،]", line):
            idx = text.find(piece, start)
            s, e = idx, idx + len(piece)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            start = idx + len(piece)
        pos += len(line) + 1
    return spans


class BM25:
    def __init__(self, k1=1.2, b=0.75):
        self.k1, self.b = k1, b
        self.docs = []  # (article id, start, end, tf dict, length)
        self.df = {}

    def add(self, aid, text):
        for s, e in passages(text):
            terms = analyze(text[s:e])
            tf = {}
            for t in terms:
                tf[t] = tf.get(t, 0) + 1
            for t in tf:
                self.df[t] = self.df.get(t, 0) + 1
            self.docs.append((aid, s, e, tf, len(terms)))

    def search(self, text, exclude, top):
        n = len(self.docs)
        avg = sum(d[4] for d in self.docs) / max(n, 1)
        q = set(analyze(text))
        scored = []
        for aid, s, e, tf, length in self.docs:
            if aid == exclude:
                continue
            score = 0.0
            for t in q:
                f = tf.get(t)
                if not f:
                    continue
                df = self.df[t]
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                score += idf * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / avg))
            if score > 0:
                scored.append((score, aid, s, e))
        scored.sort(key=lambda x: -x[0])
        return scored[:top]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds")
    ap.add_argument("--library")
    ap.add_argument("--queries")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    if args.seeds:
        lib = []
        for name in sorted(os.listdir(args.seeds)):
            if name.endswith(".txt"):
                with open(os.path.join(args.seeds, name), encoding="utf-8") as f:
                    lib.append({"id": name[:3], "text": f.read()})
        queries = lib
    else:
        lib, queries = read_jsonl(args.library), read_jsonl(args.queries)
    index = BM25()
    for a in lib:
        index.add(a["id"], a["text"])
    out = sys.stdout
    for q in queries:
        for s, e in passages(q["text"]):
            hits = index.search(q["text"][s:e], q["id"], args.top)
            line = {
                "query": q["id"],
                "start": s,
                "end": e,
                "matches": [
                    {"id": aid, "start": ms, "end": me, "score": round(sc, 4)}
                    for sc, aid, ms, me in hits
                ],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
