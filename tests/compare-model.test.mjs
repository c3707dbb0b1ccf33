// The comparison's claims table and exports, without a browser: the pure
// functions of extension/lib/compare-model.js on hand-made claims, then on
// the engine's claims for the demo's sample set (the wasm under Node).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/browser.mjs';
import { sampleArticles } from './lib/samples.mjs';
import { claimLabel, compareArticle, figure, onePerArticle, outletRows, saysMore, toCSV, toMarkdown, verdictOf } from '../extension/lib/compare-model.js';

const mention = (outlet, id, text, value) => ({ outlet, id, text, value, start: 0 });

// "Civilians killed": outlet A's article gives 1500 twice ("نحو 1500" then
// "1500"), outlet B gives 1200 and later 1300, outlet C once "ألف" (1000).
const CIVILIANS = {
  kind: 'count',
  unit: '~civilian',
  noun: { ar: 'مدني', en: 'civilian' },
  verdict: 'differ',
  mentions: [
    mention('وكالة أ', 'a1', 'نحو 1500', 1500),
    mention('صحيفة ب', 'b1', '1200', 1200),
    mention('وكالة أ', 'a1', '1500', 1500),
    mention('صحيفة ب', 'b1', '1300', 1300),
    mention('قناة ج', 'c1', 'ألف', 1000),
  ],
};

test('one row per outlet per claim, each distinct figure once', () => {
  const rows = outletRows(CIVILIANS).map((r) => [r.outlet, r.articles, r.mentions.map((m) => m.text)]);
  assert.deepEqual(rows, [
    ['وكالة أ', ['a1'], ['نحو 1500']], // 1500 twice: once, with the words that say more
    ['صحيفة ب', ['b1'], ['1200', '1300']], // two figures: both kept
    ['قناة ج', ['c1'], ['ألف']],
  ]);
  // Two articles of one outlet are still one row, listing both.
  const twoArticles = { ...CIVILIANS, mentions: [mention('وكالة أ', 'a1', '12', 12), mention('وكالة أ', 'a2', '12', 12)] };
  assert.deepEqual(outletRows(twoArticles).map((r) => r.articles), [['a1', 'a2']]);
});

test('claims are labelled by kind and counted noun in the reader language', () => {
  const cases = [
    // [claim, lang, label]
    [CIVILIANS, 'ar', 'عدد: مدني'], // "count: civilian"
    [CIVILIANS, 'en', 'count: civilian'],
    // No noun from the texts: the engine's key without its concept mark.
    [{ kind: 'percent', unit: '%اراض' }, 'ar', 'نسبة مئوية: اراض'], // "percent: land"
    [{ kind: 'year' }, 'en', 'year'],
  ];
  for (const [claim, lang, label] of cases) assert.equal(claimLabel(claim, lang), label);
});

test('figures: counts grouped, years written as years', () => {
  const cases = [
    // [mention, claim kind, figure]
    [{ value: 1500, text: 'نحو 1500' }, 'count', '1,500'],
    [{ low: 200, high: 999, text: 'مئات' }, 'count', '200–999'],
    [{ value: 2017, text: '2017' }, 'year', '2017'], // not "2,017"
    [{ low: 2011, high: 2015, text: 'بين عامي 2011 و2015' }, 'year', '2011–2015'],
  ];
  for (const [m, kind, want] of cases) assert.equal(figure(m, kind), want, JSON.stringify(m));
  // The year's own digits say nothing more than its figure.
  assert.equal(saysMore({ value: 2017, text: '2017' }, 'year'), false);
  assert.equal(saysMore({ value: 1500, text: 'نحو 1500' }, 'count'), true);
});

const MODEL = {
  article: { id: 'a1', title: 'قصف على الريف', outlet: 'وكالة أ', url: '' },
  outlets: ['وكالة أ', 'صحيفة ب', 'قناة ج'],
  passages: [],
  onlyHere: [],
  claims: [CIVILIANS],
  coverage: { outlets: ['وكالة أ'], rows: [] },
  wireShare: 0,
};

test('the Markdown export: readable labels, one row per outlet', () => {
  const md = toMarkdown(MODEL, 'ar');
  assert.match(md, /^## الأرقام بين المصادر$/m);
  const rows = md.split('\n').filter((l) => l.startsWith('| عدد: مدني |'));
  assert.deepEqual(rows, [
    '| عدد: مدني | وكالة أ | 1,500 | نحو 1500 | مختلفة |',
    '| عدد: مدني | صحيفة ب | 1,200 / 1,300 |  | مختلفة |',
    '| عدد: مدني | قناة ج | 1,000 | ألف | مختلفة |',
  ]);
  assert.doesNotMatch(md, /~|civilian|\bcount\b|\bdiffer\b/);
  assert.match(toMarkdown(MODEL, 'en'), /^\| count: civilian \| صحيفة ب \| 1,200 \/ 1,300 \|  \| differ \|$/m);
});

test('the CSV export: readable labels, one row per outlet', () => {
  assert.deepEqual(toCSV(MODEL, 'en').trim().split('\n'), [
    'Claim,Verdict,Outlet,Value,Text,Articles',
    'count: civilian,differ,وكالة أ,"1,500",نحو 1500,a1',
    'count: civilian,differ,صحيفة ب,"1,200 / 1,300",,b1',
    'count: civilian,differ,قناة ج,"1,000",ألف,c1',
  ]);
  const ar = toCSV(MODEL, 'ar').trim().split('\n');
  assert.equal(ar[0], 'الادعاء,الحكم,المصدر,القيمة,النص,المقالات');
  assert.equal(ar[1].split(',')[0], 'عدد: مدني');
});

test('a passage shows the best counterpart of each article', () => {
  // The agency's wire copy, then its headline, then another outlet's
  // conflicting figure: the headline must not push the other outlet out.
  const found = [
    { id: 'agency', start: 0, relation: 'same' },
    { id: 'paper', start: 40, relation: 'conflict' },
    { id: 'agency', start: 0, relation: 'related' },
    { id: 'channel', start: 90, relation: 'conflict' },
    { id: 'paper', start: 0, relation: 'related' },
  ];
  const cases = [
    // [n, ids shown]
    [3, ['agency', 'paper', 'channel']],
    [2, ['agency', 'paper']],
    [5, ['agency', 'paper', 'channel']],
  ];
  for (const [n, ids] of cases) assert.deepEqual(onePerArticle(found, n).map((m) => m.id), ids);
  assert.deepEqual(onePerArticle(undefined, 3), []);
});

test("verdicts: one outlet's figures are neither agreement nor difference", () => {
  const cases = [
    // [engine verdict, what the reader sees, Arabic label]
    ['agree', 'agree', 'متفقة'],
    ['differ', 'differ', 'مختلفة'],
    ['single', 'single', 'مصدر واحد'], // "one outlet"
  ];
  for (const [engine, reader, label] of cases) {
    const claim = { ...CIVILIANS, verdict: engine };
    assert.equal(verdictOf(claim), reader);
    const md = toMarkdown({ ...MODEL, claims: [claim] }, 'ar');
    assert.ok(md.split('\n').some((l) => l.startsWith('| عدد: مدني |') && l.endsWith(`| ${label} |`)), md);
  }
});

test("the sample set's claims from the engine: no outlet twice in a claim, no engine key in the exports", async () => {
  const pkg = join(ROOT, 'extension', 'pkg');
  const wasm = await import(join(pkg, 'tabayyun.js'));
  wasm.initSync({ module: readFileSync(join(pkg, 'tabayyun_bg.wasm')) });
  const lib = new wasm.Library();
  const samples = await sampleArticles();
  for (const a of samples) lib.add({ id: a.file, text: a.text, outlet: a.outlet, title: a.title, url: '', date: '', savedAt: 1 });
  const model = compareArticle(lib, samples.find((a) => a.file.startsWith('03')).file);
  assert.ok(model.claims.length > 0);
  // The sample paper الميدان gives the quake's magnitude twice, 5.8 and 6.1.
  let repeated = 0;
  for (const c of model.claims) {
    const outlets = outletRows(c).map((r) => r.outlet);
    assert.equal(new Set(outlets).size, outlets.length, claimLabel(c, 'ar'));
    repeated += c.mentions.length - outlets.length;
  }
  assert.ok(repeated > 0, 'the sample set has an outlet giving one claim several times');
  // What outlets agree or differ on comes before one outlet's own figures.
  const single = model.claims.map((c) => verdictOf(c) === 'single');
  assert.deepEqual(single, [...single].sort((a, b) => a - b), single.join(','));
  // Every claim is exported under its label; the engine's keys ("count
  // ~civilian", as the exports once wrote them) and, in Arabic, its
  // English kind names appear nowhere.
  for (const lang of ['ar', 'en']) {
    for (const out of [toMarkdown(model, lang), toCSV(model, lang)]) {
      for (const c of model.claims) {
        assert.ok(out.includes(claimLabel(c, lang)), `${lang}: ${claimLabel(c, lang)}`);
        assert.ok(!out.includes(`${c.kind} ${c.unit}`), `${lang}: engine key ${c.kind} ${c.unit}`);
        if (lang === 'ar') assert.ok(!out.includes(c.kind), `ar: kind ${c.kind}`);
      }
      assert.doesNotMatch(out, /~/);
    }
  }
});
