// Reading with a library: after saving articles of one event from four
// outlets, the fifth shows popovers with matching passages, and the side
// panel compares it (claims with differing figures, aligned passages,
// entity coverage, wire copy). Run on the demo's original sample set, and
// on the shared seed articles when ../shared is present.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, screenshot } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, newsPage, seedArticles } from './lib/pages.mjs';
import { sampleArticles } from './lib/samples.mjs';
import { driver } from './lib/extension-driver.mjs';

let server;
let browser;
let drive;
let samples;
let seeds;

before(async () => {
  samples = await sampleArticles();
  seeds = await seedArticles();
  const pages = {};
  for (const a of samples) pages[`/samples/${a.file}.html`] = { body: newsPage(a.title, a.text, a.outlet) };
  for (const s of seeds) pages[s.path] = { body: newsPage(`seed ${s.name.slice(0, 3)}`, s.text, `مصدر ${s.name.slice(0, 3)}`, { heading: false }) };
  server = await startServer({ pages });
});


// Each test gets a fresh browser, so each library starts empty.
async function fresh() {
  await browser?.close();
  browser = await launch({ extension: true, hostMap: [NEWS_HOST] });
  drive = driver(browser, server);
}

after(async () => {
  await browser?.close();
  await server?.close();
});

// Saves `paths` from the popup, then opens `last` and waits for its matches.
async function saveThenRead(paths, last) {
  for (const path of paths) {
    const { page, tabId } = await drive.openArticle(path);
    assert.equal(await drive.saveFromPopup(tabId), 'حُفظ المقال.', path);
    await page.close();
  }
  const opened = await drive.openArticle(last);
  const matches = Number(await opened.page.locator('tabayyun-root').getAttribute('data-matches'));
  return { ...opened, matches };
}

async function sidePanel(tabId) {
  const panel = await browser.context.newPage();
  await panel.goto(drive.ext(`sidepanel.html?tab=${tabId}`));
  await panel.locator('[data-testid=claims-table]').waitFor();
  return panel;
}

// Points at the first occurrence of `needle` in the page's article.
async function hover(page, needle) {
  const at = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(needle);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, needle);
  assert.ok(at, `"${needle}" on the page`);
  await page.mouse.move(at.x, at.y);
}

test('sample set: the wire copy shows matching passages and the side panel compares outlets', async () => {
  await fresh();
  const path = (n) => `/samples/${samples.find((a) => a.file.startsWith(n)).file}.html`;
  // Save the agency and three other outlets, then read the paper that
  // republished the agency's copy.
  const { page, tabId, matches } = await saveThenRead([path('01'), path('03'), path('04'), path('05')], path('02'));
  assert.ok(matches >= 3, `data-matches=${matches}`);

  // "60" injured in the wire copy: the agency says the same, Al-Ufuq says 63.
  await hover(page, '60');
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  await popover.locator('[data-testid=match]').first().waitFor();
  const items = await popover.locator('[data-testid=match]').allTextContents();
  assert.ok(items.some((t) => t.includes('وكالة أنباء الشرق') && t.includes('نسخة وكالة')), items.join(' | '));
  assert.ok(items.some((t) => t.includes('قناة الأفق الإخبارية') && t.includes('أرقام متعارضة')), items.join(' | '));
  await screenshot(page, 'extension-popover-matches');

  const panel = await sidePanel(tabId);
  const claimRows = panel.locator('[data-testid=claims-table] tbody tr');
  assert.ok((await claimRows.count()) > 0);
  // The injured count differs between outlets: 60 and 63 in one claim group.
  const differing = await panel.locator('[data-testid=claims-table] tr[data-verdict=differ] .figure').allTextContents();
  assert.ok(differing.includes('60') && differing.includes('63'), differing.join(','));
  const aligned = await panel.locator('[data-testid=aligned-passages] tbody tr').allTextContents();
  assert.ok(aligned.some((t) => t.includes('نسخة وكالة')), 'a passage aligned with the agency as wire copy');
  assert.match(await panel.locator('[data-testid=wire-share]').textContent(), /[1-9]\d*%/);
  assert.ok((await panel.locator('[data-testid=coverage-matrix] tbody tr').count()) > 0);
  // Claims are named in the reader's language: a kind and a counted noun
  // ("عدد: ..."), none of the engine's English keys.
  const labels = (await panel.locator('[data-testid=claims-table] tbody tr.group-start td:first-child').allTextContents()).filter(Boolean);
  assert.ok(labels.length > 0 && labels.every((l) => !/[a-z~]/i.test(l)), labels.join(' | '));
  // One row per outlet in each claim group: الميدان gives the quake's
  // magnitude as 5.8 and 6.1, in one row.
  const groups = await panel.locator('[data-testid=claims-table] tbody tr').evaluateAll((trs) => {
    const out = [];
    for (const tr of trs) {
      if (tr.classList.contains('group-start')) out.push([]);
      out.at(-1).push([tr.querySelector('.outlet').textContent, tr.querySelector('.figure').textContent]);
    }
    return out;
  });
  for (const g of groups) assert.equal(new Set(g.map(([o]) => o)).size, g.length, JSON.stringify(g));
  assert.ok(groups.some((g) => g.some(([o, f]) => o === 'صحيفة الميدان' && f === '5.8 / 6.1')), JSON.stringify(groups));
  await panel.setViewportSize({ width: 420, height: 900 });
  await screenshot(panel, 'sidepanel-samples');

  // Exports, in the interface's language: claims under the labels the
  // table shows, one row per outlet.
  const [md] = await Promise.all([panel.waitForEvent('download'), panel.click('[data-testid=export-markdown]')]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.match(markdown, /^## الأرقام بين المصادر$/m);
  assert.match(markdown, /\| قناة الأفق الإخبارية \| 63 \|/);
  const [csv] = await Promise.all([panel.waitForEvent('download'), panel.click('[data-testid=export-csv]')]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.equal(lines[0], 'الادعاء,الحكم,المصدر,القيمة,النص,المقالات');
  assert.ok(lines.some((l) => l.includes('قناة الأفق الإخبارية,63,')), lines.join('\n'));
  for (const label of labels) {
    assert.ok(markdown.includes(`| ${label} |`) && lines.some((l) => l.startsWith(`${label},`)), `exported label ${label}`);
  }
  assert.doesNotMatch(markdown + lines.join('\n'), /~|\b(count|measure|percent)\b/);
  await panel.close();

  // The library page groups the saved articles by event.
  const library = await browser.context.newPage();
  await library.goto(drive.ext('library.html'));
  await library.locator('[data-testid=library-event]').first().waitFor();
  const sizes = await library.locator('[data-testid=library-event]').evaluateAll((els) => els.map((e) => e.querySelectorAll('[data-testid=library-item]').length));
  assert.equal(sizes.reduce((a, b) => a + b, 0), 4);
  assert.ok(Math.max(...sizes) >= 2, `articles per event: ${sizes}`);
  await screenshot(library, 'library-events');
  await library.close();
  await page.close();
});

test('seed articles: saving four, the fifth shows matches and differing civilian counts', async (t) => {
  if (seeds.length < 5) {
    t.skip('no ../shared/seeds');
    return;
  }
  await fresh();
  const { page, tabId, matches } = await saveThenRead(seeds.slice(0, 4).map((s) => s.path), seeds[4].path);
  assert.ok(matches > 0, `data-matches=${matches}`);
  // Walk the highlights from the keyboard until one's popover lists
  // passages from the saved articles.
  const next = page.locator('tabayyun-root [data-testid=next-mark]');
  const items = page.locator('tabayyun-root [data-testid=popover] [data-testid=match]');
  let listed = 0;
  for (let i = 0; i < 80 && !listed; i++) {
    await next.click();
    await page.waitForTimeout(20);
    listed = await items.count();
  }
  assert.ok(listed > 0, 'a popover with matching passages');
  assert.match(await items.first().textContent(), /مصدر 00[0-3]/);
  await screenshot(page, 'extension-seed-popover');
  const panel = await sidePanel(tabId);
  await panel.setViewportSize({ width: 420, height: 900 });
  await screenshot(panel, 'sidepanel-seeds');
  // A claim about civilians whose figures differ between outlets.
  const differing = await panel.locator('[data-testid=claims-table] tbody tr.group-start[data-verdict=differ] td:first-child').allTextContents();
  assert.ok(differing.some((label) => /^عدد: مدني/.test(label)), `differing claims: ${differing.join(' | ')}`);
  await panel.close();
  await page.close();
});
