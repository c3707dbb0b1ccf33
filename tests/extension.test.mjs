// The built extension in headless Chromium against pages served on
// localhost. A fixture page stands at the address of a news site on the
// extension's site list (the host name resolves to 127.0.0.1 inside the
// browser), so the manifest under test is exactly the one that ships.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, screenshot, SHARED } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, fixturePage, newsPage, seedArticles } from './lib/pages.mjs';
import { wordF1 } from './lib/text-score.mjs';

// The real CNN Arabic page of ../shared, at its own address.
const CNN_HOST = 'arabic.cnn.com';
const fixture = await fixturePage();

let server;
let browser;
let seeds = [];
let cnnPage = null;
let cnnExpected = null;
// Every request that tried to leave the machine (pages' own included).
const outside = [];

before(async () => {
  const pages = {
    '/news/floods.html': { body: fixture },
    '/news/floods-strict.html': {
      body: fixture,
      headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
    },
  };
  // ../shared is optional; the seed test skips with a message.
  seeds = await seedArticles();
  for (const seed of seeds) pages[seed.path] = { body: newsPage(`seed ${seed.name.slice(0, 3)}`, seed.text, undefined, { heading: false }) };
  try {
    cnnPage = await readFile(join(SHARED, 'data', 'pages', 'cnn-arabic-syria.html'), 'utf8');
    cnnExpected = await readFile(join(SHARED, 'data', 'pages', 'cnn-arabic-syria.expected.txt'), 'utf8');
    pages['/2013/syria.html'] = { body: cnnPage };
  } catch {
    // optional, as above
  }
  server = await startServer({ pages });
  browser = await launch({ extension: true, hostMap: [NEWS_HOST, CNN_HOST] });
  // The hosts above resolve to our server; anything else is recorded and
  // refused, so no test can reach the network even by accident.
  await browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === NEWS_HOST || url.hostname === CNN_HOST) return route.continue();
    // The host of the page that asked: the nearest frame with an address
    // (a new iframe has none yet); requests of a worker have no frame.
    let from = 'worker';
    try {
      for (let f = route.request().frame(); f; f = f.parentFrame()) {
        const host = URL.canParse(f.url()) ? new URL(f.url()).hostname : '';
        if (host) {
          from = host;
          break;
        }
      }
    } catch {
      // no frame: a worker's request
    }
    outside.push({ url: url.href, from });
    return route.abort();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (path) => `http://${NEWS_HOST}:${server.port}${path}`;

async function readyRoot(page) {
  const root = page.locator('tabayyun-root');
  await root.waitFor({ state: 'attached', timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state !== 'working', null, {
    timeout: 15000,
  });
  return root;
}

test('the extension highlights the numbers of an Arabic news page', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('/news/floods.html'));
  const root = await readyRoot(page);
  assert.equal(await root.getAttribute('data-state'), 'ready', `error: ${await root.getAttribute('data-error')}`);
  const numbers = Number(await root.getAttribute('data-numbers'));
  // 27, 1500, 320, 4200, 18, 2019, 35, 14 are written in digits, and
  // عشر (ten), ثلاث (three), خمسة آلاف (five thousand) in words.
  assert.ok(numbers >= 10, `data-numbers=${numbers}`);

  // The counts are what is painted: the page's highlight registry agrees.
  const painted = await page.evaluate(() => CSS.highlights.get('tabayyun-number')?.size ?? 0);
  assert.equal(painted, numbers);
  // Only the host element was added to the page.
  assert.equal(await page.locator('tabayyun-root').count(), 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark, [data-tabayyun]').length), 0);

  // Hovering "1500" shows its value.
  const box = await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.includes('1500'));
    const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes('1500'));
    const r = document.createRange();
    const i = node.data.indexOf('1500');
    r.setStart(node, i);
    r.setEnd(node, i + 4);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  await popover.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await popover.locator('.value').textContent(), /^1,500$/);

  // A number in words: "خمسة آلاف" (five thousand) → 5,000, its words shown under it.
  const words = await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.includes('خمسة آلاف'));
    const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes('خمسة آلاف'));
    const r = document.createRange();
    const i = node.data.indexOf('خمسة آلاف');
    r.setStart(node, i);
    r.setEnd(node, i + 4);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(words.x, words.y);
  await popover.locator('.value', { hasText: '5,000' }).waitFor();
  assert.equal(await popover.locator('.source').textContent(), 'خمسة آلاف');
  await screenshot(page, 'extension-news-page');
  await page.close();
});

test('the extension works on a page with a strict Content-Security-Policy', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('/news/floods-strict.html'));
  const root = await readyRoot(page);
  assert.equal(await root.getAttribute('data-state'), 'ready', `error: ${await root.getAttribute('data-error')}`);
  assert.ok(Number(await root.getAttribute('data-numbers')) >= 8);
  await page.close();
});

test('the extension highlights numbers in the five seed articles', async (t) => {
  if (!seeds.length) {
    t.skip(`no seed articles under ${join(SHARED, 'seeds')}`);
    return;
  }
  const page = await browser.context.newPage();
  for (const seed of seeds) {
    await page.goto(at(seed.path));
    const root = await readyRoot(page);
    assert.equal(await root.getAttribute('data-state'), 'ready', seed.path);
    const numbers = Number(await root.getAttribute('data-numbers'));
    // Every article of the event reports figures, and all are painted.
    assert.ok(numbers > 0, `${seed.path}: data-numbers=${numbers}`);
    assert.equal(await page.evaluate(() => CSS.highlights.get('tabayyun-number')?.size ?? 0), numbers, seed.path);
  }
  // Entities are painted by type; hovering one shows its type and the
  // canonical form all spellings share.
  const types = await page.evaluate(() => ['tabayyun-per', 'tabayyun-org', 'tabayyun-loc'].map((n) => CSS.highlights.get(n)?.size ?? 0));
  assert.equal(types.reduce((a, b) => a + b, 0), Number(await page.locator('tabayyun-root').getAttribute('data-entities')));
  assert.ok(types.every((n) => n > 0), `PER/ORG/LOC highlights: ${types}`);
  const org = await page.evaluate(() => {
    const [range] = CSS.highlights.get('tabayyun-org');
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = range.getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: range.toString() };
  });
  await page.mouse.move(org.x, org.y);
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  await popover.waitFor({ state: 'visible' });
  assert.equal(await popover.locator('.title').textContent(), 'منظمة');
  assert.ok((await popover.locator('.value').textContent()).length > 0);
  await screenshot(page, 'extension-seed-page');
  await page.close();
});

test('text added after load is read, even after the background was stopped', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('/news/floods.html'));
  const root = await readyRoot(page);
  const before = Number(await root.getAttribute('data-numbers'));

  // Stop the service worker the way Chromium evicts an idle one, and watch
  // it come back when the content script needs it.
  const cdp = await browser.context.newCDPSession(page);
  const states = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) states.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForFunction(() => true);
  await waitFor(() => states.includes('stopped'));

  // "He added that 64 volunteers joined the relief teams."
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'وأضاف أن 64 متطوعا انضموا إلى فرق الإغاثة.';
    document.querySelector('article').append(p);
  });
  await page.waitForFunction((n) => document.querySelector('tabayyun-root').dataset.numbers === String(n), before + 1);
  assert.equal(await root.getAttribute('data-state'), 'ready');
  assert.ok(states.lastIndexOf('running') > states.indexOf('stopped'), `worker states: ${states.join(' → ')}`);

  // Removing text removes its highlights: none is left on a detached node.
  await page.evaluate(() => document.querySelector('article p:last-of-type').remove());
  await page.waitForFunction((n) => document.querySelector('tabayyun-root').dataset.numbers === String(n), before);
  assert.equal(await page.evaluate(() => CSS.highlights.get('tabayyun-number').size), before);
  await cdp.detach();
  await page.close();
});

test('the real CNN Arabic page is read', async (t) => {
  if (!cnnPage) {
    t.skip(`no ${join(SHARED, 'data', 'pages', 'cnn-arabic-syria.html')}`);
    return;
  }
  const page = await browser.context.newPage();
  await page.goto(`http://${CNN_HOST}:${server.port}/2013/syria.html`);
  const root = await readyRoot(page);
  assert.equal(await root.getAttribute('data-state'), 'ready', `error: ${await root.getAttribute('data-error')}`);
  assert.ok(Number(await root.getAttribute('data-numbers')) > 0);
  // The text the extension read (Readability in the extension, mapped back
  // to the page) is the article, as in tests/extract.test.mjs.
  const [worker] = browser.context.serviceWorkers();
  const article = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: '*://arabic.cnn.com/2013/syria.html' });
    return chrome.tabs.sendMessage(tab.id, { type: globalThis.Tabayyun.messages.GET_ARTICLE });
  });
  const score = wordF1(article.text, cnnExpected);
  assert.ok(score.r >= 0.98 && score.f1 >= 0.85, `words: recall ${score.r}, F1 ${score.f1}`);
  // The highlight registry is the document's, shared with the page's world.
  await page.evaluate(() => {
    const [first] = CSS.highlights.get('tabayyun-number');
    first.startContainer.parentElement.scrollIntoView({ block: 'center' });
  });
  await screenshot(page, 'extension-cnn-page');
  await page.close();
});

test('no request left the browser from the fixture pages', () => {
  // The CNN page asks for its own ad and script hosts (refused above); our
  // fixtures, read by the extension, must cause no request outside.
  assert.deepEqual(
    outside.filter((r) => r.from !== CNN_HOST),
    [],
  );
});

async function waitFor(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
