// Article extraction (Readability on a clone, then located back in the live
// page) on a real Arabic news page, scored against its expected text. The
// extension's own scripts run in the page, in the order the manifest loads
// them, without the rest of the extension.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, SHARED, EXTENSION } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const PAGE = join(SHARED, 'data', 'pages', 'cnn-arabic-syria.html');
let html = null;
let expected = null;
let server;
let browser;

before(async () => {
  try {
    html = await readFile(PAGE, 'utf8');
    expected = await readFile(PAGE.replace(/\.html$/, '.expected.txt'), 'utf8');
  } catch {
    return;
  }
  server = await startServer({ pages: { '/page.html': { body: html } } });
  browser = await launch();
  // Only our server: the page's ads and widgets are refused.
  await browser.context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Word-level F1 of two texts: how much of the expected article was found,
// and how little else came with it.
function wordF1(got, want) {
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

test('the CNN Arabic page: extracted and located text matches the expected article', async (t) => {
  if (!html) {
    t.skip(`no ${PAGE}`);
    return;
  }
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/page.html`);
  for (const file of ['vendor/Readability.js', 'lib/text-map.js', 'lib/article-extract.js']) {
    await page.addScriptTag({ content: await readFile(join(EXTENSION, file), 'utf8') });
  }
  const { via, text } = await page.evaluate(() => {
    const T = globalThis.Tabayyun;
    const { paragraphs, via } = T.articleExtract.extract(document);
    return { via, text: T.textMap.locate(document.body, paragraphs).text };
  });
  assert.equal(via, 'readability');
  const score = wordF1(text, expected);
  t.diagnostic(`words: precision ${score.p.toFixed(3)}, recall ${score.r.toFixed(3)}, F1 ${score.f1.toFixed(3)}`);
  // Every word of the article must be found. Precision measured 0.81: the
  // extra words are the headline and dateline (read on purpose: they carry
  // figures) and the site's comment-policy note, which Readability keeps.
  assert.ok(score.r >= 0.98, `recall ${score.r}`);
  assert.ok(score.f1 >= 0.85, `F1 ${score.f1}`);
  // The page itself is untouched by extraction (it parsed a clone).
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-readability-score], .page').length), 0);
  await page.close();
});
