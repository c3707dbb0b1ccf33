// The content script's start-up never breaks a page: a page with scripts of
// its own, an XHTML page without <body>, a huge page, a page without Arabic
// and a page with an iframe all keep working, and the extension logs no
// error on any of them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, fixturePage, newsPage } from './lib/pages.mjs';
import { driver } from './lib/extension-driver.mjs';

let server;
let browser;

// "The council approved 12 new schools and 3 clinics in the north of the
// province, at a cost of 48 million." Our own sentence, varied by index.
const sentence = (i) =>
  `وأقر مجلس المحافظة في جلسته رقم ${i} بناء ${12 + (i % 7)} مدرسة جديدة و${3 + (i % 4)} عيادات في شمال المحافظة بكلفة ${48 + (i % 9)} مليون دينار.`;

// About 2 MB of Arabic text (UTF-8), 40 sentences to a paragraph.
function hugePage() {
  const paras = [];
  let bytes = 0;
  for (let p = 0; bytes < 2_000_000; p++) {
    const text = Array.from({ length: 40 }, (_, k) => sentence(p * 40 + k)).join(' ');
    bytes += Buffer.byteLength(text);
    paras.push(text);
  }
  return newsPage('أرشيف جلسات مجلس المحافظة', paras.join('\n'));
}

// The page's own scripts: one runs before the content script, one after,
// and they change the globals and prototypes a careless script relies on.
const OWN_SCRIPTS = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة بنصوصها البرمجية</title>
<script>
  window.Tabayyun = 'the page owns this name';
  window.chrome = undefined;
  Array.prototype.map = function () { throw new Error('page broke map'); };
  document.addEventListener('DOMContentLoaded', () => {
    const p = document.createElement('p');
    p.id = 'from-page';
    p.textContent = 'وأضافت البلدية 40 حافلة إلى خطوط النقل.';
    document.querySelector('article').append(p);
  });
</script></head>
<body><article><h1>البلدية توسع شبكة النقل العام</h1>
<p>أعلنت بلدية المدينة تشغيل 25 خطا جديدا للحافلات اعتبارا من الشهر المقبل، بكلفة تقارب 9 ملايين دينار.</p>
<p>وقال مدير النقل إن عدد الركاب اليومي ارتفع إلى نحو 180 ألف راكب خلال العام الماضي.</p>
</article>
<script>setTimeout(() => { document.body.dataset.pageScript = 'ran'; }, 0);</script>
</body></html>`;

// XHTML has no implied <body>: document.body is null.
const NO_BODY = `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="ar"><head><title>بلا جسم: 15 خبرا</title></head>
<div xmlns="http://www.w3.org/1999/xhtml">افتتحت الوزارة 7 مراكز صحية جديدة في الريف.</div></html>`;

// "English only": figures, but no Arabic to read.
const ENGLISH = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council news</title></head>
<body><article><h1>The council opens 12 schools</h1>
${Array.from({ length: 30 }, (_, i) => `<p>The council approved ${i + 10} new schools and ${i + 3} clinics in the north of the province, at a cost of ${i + 40} million dinars, officials said on Monday.</p>`).join('\n')}
</article></body></html>`;

before(async () => {
  const fixture = await fixturePage();
  server = await startServer({
    pages: {
      '/news/own-scripts.html': { body: OWN_SCRIPTS },
      '/news/no-body.xhtml': { body: NO_BODY, headers: { 'content-type': 'application/xhtml+xml; charset=utf-8' } },
      '/news/huge.html': { body: hugePage() },
      '/news/english.html': { body: ENGLISH },
      '/news/floods.html': { body: fixture },
      '/news/framed.html': {
        body: newsPage('صفحة بإطار', `${sentence(1)}\n${sentence(2)}`).replace(
          '</article>',
          '<iframe src="/news/floods.html" width="600" height="300"></iframe></article>',
        ),
      },
    },
  });
  browser = await launch({ extension: true, hostMap: [NEWS_HOST] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens `path` and collects, until closed, the errors seen on the page:
 * console errors and uncaught exceptions.
 */
async function open(path) {
  const page = await browser.context.newPage();
  const errors = [];
  // The browser's own request for /favicon.ico (a 404 here) is no error of ours.
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://${NEWS_HOST}:${server.port}${path}`);
  return { page, errors };
}

// Waits until Tabayyun's state on the page is settled (not working).
async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const s = document.querySelector('tabayyun-root')?.dataset.state;
    return s && s !== 'working';
  }, null, { timeout });
  return page.evaluate(() => ({ ...document.querySelector('tabayyun-root').dataset }));
}

test("a page with its own scripts keeps them working and is read", async () => {
  const { page, errors } = await open('/news/own-scripts.html');
  const state = await settled(page);
  assert.equal(state.state, 'ready', `error: ${state.error}`);
  // 25, 9 ملايين, 180 ألف, and the 40 the page's own script added.
  assert.ok(Number(state.numbers) >= 4, `data-numbers=${state.numbers}`);
  assert.equal(state.notice, undefined, 'a short page is read whole, with no notice');
  const mine = await page.evaluate(() => ({
    name: window.Tabayyun,
    ran: document.body.dataset.pageScript,
    added: document.getElementById('from-page')?.isConnected,
  }));
  assert.deepEqual(mine, { name: 'the page owns this name', ran: 'ran', added: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an XHTML page without <body> is left intact, with no error', async () => {
  const { page, errors } = await open('/news/no-body.xhtml');
  assert.equal(await page.evaluate(() => document.body), null);
  const state = await settled(page);
  assert.ok(['ready', 'error'].includes(state.state));
  // The page's own content is untouched.
  assert.equal(await page.evaluate(() => document.documentElement.querySelector('div').textContent.includes('7 مراكز')), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page without Arabic is not sent to the engine and gets no highlights', async () => {
  const { page, errors } = await open('/news/english.html');
  const state = await settled(page, 5000);
  assert.equal(state.state, 'ready');
  assert.equal(state.numbers, '0');
  assert.equal(state.entities, '0');
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  // The legend appears only when there is something to show.
  assert.equal(await page.locator('tabayyun-root [data-testid=legend]').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 2 MB page is read without freezing it', async () => {
  const { page, errors } = await open('/news/huge.html');
  // The page's own timer keeps ticking while Tabayyun reads: the longest
  // gap between ticks is how long the page was frozen.
  await page.evaluate(() => {
    globalThis.maxGap = 0;
    let last = performance.now();
    globalThis.ticker = setInterval(() => {
      const now = performance.now();
      globalThis.maxGap = Math.max(globalThis.maxGap, now - last);
      last = now;
    }, 10);
  });
  const state = await settled(page, 90000);
  const gap = await page.evaluate(() => globalThis.maxGap);
  assert.equal(state.state, 'ready', `error: ${state.error}`);
  // The first 100,000 characters are read (some 750 sentences of three
  // figures each), not the 14,000 sentences of the whole page.
  assert.ok(Number(state.numbers) > 1000 && Number(state.numbers) < 5000, `data-numbers=${state.numbers}`);
  // Generous for a loaded two-core machine; a whole-page pass in one task
  // takes seconds here.
  assert.ok(gap < 1500, `the page froze for ${Math.round(gap)} ms`);
  // The reader is told, on the page and in the popup, that only a part
  // was read: up to 100,000 characters of some 1.2 million (2 MB of UTF-8).
  assert.equal(state.notice, 'too_long');
  const notice = page.locator('tabayyun-root [data-testid=legend-notice]');
  assert.ok(await notice.isVisible());
  const figures = (text) => (text.match(/\d[\d,]*/g) ?? []).map((d) => Number(d.replace(/,/g, '')));
  const readOf = (text) => {
    const [read, total] = figures(text);
    assert.ok(read > 90_000 && read <= 100_000 && total > 1_100_000 && total < 1_300_000, text);
  };
  readOf(await notice.textContent());
  await screenshot(page, 'extension-huge-page');
  const drive = driver(browser, server);
  const popup = await browser.context.newPage();
  await popup.goto(drive.ext(`popup.html?tab=${await drive.tabIdOf(page)}`));
  const told = popup.locator('[data-testid=popup-notice]');
  await told.waitFor({ state: 'visible' });
  readOf(await told.textContent());
  await popup.setViewportSize({ width: 320, height: 260 });
  await screenshot(popup, 'popup-notice');
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page with an iframe is read in its top frame only', async () => {
  const { page, errors } = await open('/news/framed.html');
  const state = await settled(page);
  assert.equal(state.state, 'ready');
  // Two sentences of three figures each in the top frame; the framed
  // article (27, 1500, 320, …) is not counted in the top frame's marks.
  assert.ok(Number(state.numbers) >= 4 && Number(state.numbers) <= 8, `data-numbers=${state.numbers}`);
  const frame = page.frames().find((f) => f.url().endsWith('/news/floods.html'));
  await frame.waitForLoadState();
  assert.equal(await frame.evaluate(() => document.querySelector('tabayyun-root')), null);
  assert.deepEqual(errors, []);
  await page.close();
});
