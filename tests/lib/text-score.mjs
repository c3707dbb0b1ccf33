// How close an extracted article is to its expected text.

/**
 * Word-level precision, recall and F1 of `got` against `want`: how much of
 * the expected article was found, and how little else came with it.
 */
export function wordF1(got, want) {
  const bag = (s) => {
    const m = new Map();
    for (const w of s.split(/\s+/).filter(Boolean)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = bag(got);
  const b = bag(want);
  let common = 0;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  const total = (m) => [...m.values()].reduce((x, y) => x + y, 0);
  const p = common / Math.max(1, total(a));
  const r = common / Math.max(1, total(b));
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
