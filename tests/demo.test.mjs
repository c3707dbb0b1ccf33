// The offline demo (www/) in headless Chromium, served from localhost as
// build.sh serves it. It must reuse the extension's engine and UI modules:
// www/lib is a build-time copy of extension/lib.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, screenshot, ROOT } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: join(ROOT, 'www') });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function waitReady(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('tabayyun-root')?.dataset.state;
    return s === 'ready' || s === 'error';
  });
  const root = page.locator('tabayyun-root');
  assert.equal(await root.getAttribute('data-state'), 'ready', `error: ${await root.getAttribute('data-error')}`);
  return root;
}

// Centre of the first occurrence of `needle` inside the demo's article.
function centreOf(page, needle) {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.getElementById('article'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(needle);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, needle);
}

test('the demo reuses the extension modules unchanged', async () => {
  for (const name of await readdir(join(ROOT, 'extension', 'lib'))) {
    const [a, b] = await Promise.all([
      readFile(join(ROOT, 'extension', 'lib', name), 'utf8'),
      readFile(join(ROOT, 'www', 'lib', name), 'utf8'),
    ]);
    assert.equal(b, a, `www/lib/${name} differs from extension/lib/${name}: run ./build.sh build`);
  }
});

test('the demo highlights the numbers of pasted text and shows their values', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Failed loads are checked by URL below; other console errors count.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  // The shared seed set is optional (only built when ../shared exists).
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/seeds/index.json') && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(`${server.url}/`);
  await waitReady(page);

  // Original text: "The ministry said 2750 families received aid in 9 camps,
  // and that 40 trucks arrived on Sunday."
  const text = 'قالت الوزارة إن 2750 عائلة تلقت مساعدات في 9 مخيمات، وإن 40 شاحنة وصلت يوم الأحد.';
  await page.fill('[data-testid=paste]', text);
  await page.click('[data-testid=analyze]');
  await page.waitForFunction(() => document.getElementById('article').textContent.includes('2750'));
  const root = await waitReady(page);
  assert.equal(Number(await root.getAttribute('data-numbers')), 3);
  assert.equal(await page.evaluate(() => CSS.highlights.get('tabayyun-number')?.size), 3);
  assert.match(await page.locator('[data-testid=status]').textContent(), /3/);

  const at = await centreOf(page, '2750');
  await page.mouse.move(at.x, at.y);
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  await popover.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await popover.locator('.value').textContent(), '2,750');
  await screenshot(page, 'demo-pasted');

  // Moving off the number hides the popover again.
  await page.mouse.move(5, 5);
  await popover.waitFor({ state: 'hidden', timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the demo shows an error state for input the engine refuses', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await waitReady(page);
  // NUL-heavy junk, as from a binary file pasted by mistake.
  await page.evaluate(() => {
    document.getElementById('paste').value = 'a\u0000'.repeat(200);
  });
  await page.click('[data-testid=analyze]');
  await page.waitForFunction(() => document.querySelector('tabayyun-root').dataset.state === 'error');
  assert.equal(await page.locator('tabayyun-root').getAttribute('data-error'), 'not_text');
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  await page.close();
});

test('the legend walks the highlights from the keyboard and toggles a kind', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await waitReady(page);
  // "The reports counted 120, 95 and 130 displaced people."
  await page.fill('[data-testid=paste]', 'أحصت التقارير 120 و95 و130 نازحا.');
  await page.click('[data-testid=analyze]');
  await page.waitForFunction(() => document.getElementById('article').textContent.includes('130'));
  const root = await waitReady(page);
  assert.equal(await root.getAttribute('data-numbers'), '3');

  const legend = page.locator('tabayyun-root [data-testid=legend]');
  await legend.waitFor({ state: 'visible' });
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  // Tab into the legend's buttons and walk forward twice, then back once.
  await page.locator('tabayyun-root [data-testid=next-mark]').focus();
  await page.keyboard.press('Enter');
  await popover.waitFor({ state: 'visible' });
  assert.equal(await popover.locator('.value').textContent(), '120');
  await page.keyboard.press('Enter');
  assert.equal(await popover.locator('.value').textContent(), '95');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await popover.locator('.value').textContent(), '120');
  await screenshot(page, 'demo-keyboard-legend');
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });

  // Toggling numbers off removes their highlight; on again restores it.
  const toggle = legend.locator('button[data-kind=number]');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await page.evaluate(() => CSS.highlights.has('tabayyun-number')), false);
  await legend.locator('button[data-kind=number]').click();
  assert.equal(await page.evaluate(() => CSS.highlights.get('tabayyun-number')?.size), 3);
  await page.close();
});

test('the sample set: matching passages in popovers, claims with differing figures, a pasted article joins', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await waitReady(page);
  await page.click('[data-testid=load-samples]');
  await page.locator('[data-testid=claims-table]').waitFor();
  const root = await waitReady(page);
  assert.equal(await page.locator('[data-testid=demo-articles] button').count(), 7);
  assert.ok(Number(await root.getAttribute('data-matches')) >= 3);
  assert.match(await page.locator('[data-testid=demo-articles] button[aria-current=true]').textContent(), /صحيفة الرصد/);

  // "60" injured: the agency's identical passage, and Al-Ufuq's 63.
  const at = await centreOf(page, '60');
  await page.mouse.move(at.x, at.y);
  const popover = page.locator('tabayyun-root [data-testid=popover]');
  await popover.locator('[data-testid=match]').first().waitFor();
  const items = await popover.locator('[data-testid=match]').allTextContents();
  assert.ok(items.some((t) => t.includes('قناة الأفق الإخبارية') && t.includes('أرقام متعارضة')), items.join(' | '));
  await screenshot(page, 'demo-samples-popover');
  const differing = await page.locator('[data-testid=claims-table] tr[data-verdict=differ] .figure').allTextContents();
  assert.ok(differing.includes('60') && differing.includes('63'), differing.join(','));
  assert.ok((await page.locator('[data-testid=aligned-passages] tbody tr').count()) > 0);

  // A reader's own article on the same event: "The Red Crescent said its
  // teams treated 70 injured in Ain al-Ward after Tuesday's earthquake."
  const mine = 'قال الهلال الأحمر إن فرقه عالجت 70 جريحا في بلدة عين الورد بعد زلزال الثلاثاء الذي بلغت قوته 5.8 درجات.\nوأضاف أن 25 سيارة إسعاف نقلت المصابين إلى المستشفيات الميدانية.';
  await page.fill('[data-testid=paste]', mine);
  await page.fill('[data-testid=outlet]', 'مدونة القارئ');
  await page.click('[data-testid=add-article]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=demo-articles] button').length === 8);
  await page.locator('[data-testid=status]').filter({ hasText: 'أضيف المقال' }).waitFor();
  assert.match(await page.locator('[data-testid=demo-articles] button[aria-current=true]').textContent(), /مدونة القارئ/);
  assert.ok(Number(await page.locator('tabayyun-root').getAttribute('data-matches')) > 0);
  // Adding it again is refused as a duplicate.
  await page.click('[data-testid=add-article]');
  await page.locator('[data-testid=status]').filter({ hasText: 'موجود من قبل' }).waitFor();
  assert.equal(await page.locator('[data-testid=demo-articles] button').count(), 8);
  await page.close();
});

test('the demo in English: left-to-right interface, same highlights', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?lang=en`);
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.equal(await page.locator('[data-testid=analyze]').textContent(), 'Analyze');
  assert.match(await page.locator('tabayyun-root [data-testid=legend]').textContent(), /Numbers/);
  await screenshot(page, 'demo-english');
  await page.close();
});

test('the single-file demo works from file:// with networking off', async () => {
  const { buildSingleFile } = await import('../www/build-demo.mjs');
  const dir = await mkdtemp(join(tmpdir(), 'tabayyun-single-'));
  const file = join(dir, 'tabayyun-demo.html');
  await buildSingleFile(file);
  const offline = await launch();
  try {
    await offline.context.setOffline(true);
    const requests = [];
    offline.context.on('request', (r) => !/^(file|data):/.test(r.url()) && requests.push(r.url()));
    const page = await offline.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const root = await waitReady(page);
    assert.ok(Number(await root.getAttribute('data-numbers')) > 0);
    await page.click('[data-testid=load-samples]');
    await page.locator('[data-testid=claims-table] tr[data-verdict=differ]').first().waitFor();
    assert.equal(await page.locator('[data-testid=demo-articles] button').count(), 7);
    await screenshot(page, 'demo-single-file');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await offline.close();
  }
});

test('the shared seed articles are offered as a second sample set when built', async (t) => {
  const index = join(ROOT, 'www', 'seeds', 'index.json');
  try {
    await readFile(index);
  } catch {
    t.skip(`no ${index}: ./build.sh build copies ../shared/seeds there when present`);
    return;
  }
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await waitReady(page);
  const button = page.locator('[data-testid=load-seeds]');
  await button.waitFor({ state: 'visible' });
  await button.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=demo-articles] button').length === 5);
  const root = await waitReady(page);
  assert.ok(Number(await root.getAttribute('data-numbers')) > 0);
  assert.ok(Number(await root.getAttribute('data-entities')) > 0);
  await screenshot(page, 'demo-seeds');
  await page.close();
});

test('dark mode: the popover and legend follow the page into dark colours', async () => {
  const dark = await launch({ colorScheme: 'dark' });
  try {
    const page = await dark.context.newPage();
    await page.goto(`${server.url}/`);
    await waitReady(page);
    const at = await centreOf(page, '5.8');
    await page.mouse.move(at.x, at.y);
    const popover = page.locator('tabayyun-root [data-testid=popover]');
    await popover.waitFor({ state: 'visible' });
    // Background luminance of the popover: dark (channel sum well below white).
    const rgb = await popover.evaluate((el) => getComputedStyle(el).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
    assert.ok(rgb.reduce((a, b) => a + b, 0) < 200, `popover background rgb(${rgb})`);
    await screenshot(page, 'demo-dark');
  } finally {
    await dark.close();
  }
});

test('a dropped .html file is reduced to its article text', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await waitReady(page);
  const html = await readFile(join(ROOT, 'tests', 'fixtures', 'news-page.html'), 'utf8');
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'floods.html', { type: 'text/html' }));
    document.getElementById('paste').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.getElementById('paste').value.includes('نحو 1500 منزل'));
  const text = await page.inputValue('[data-testid=paste]');
  assert.ok(!text.includes('الأكثر قراءة'), 'the sidebar is left out');
  assert.ok(!text.includes('جميع الحقوق محفوظة'), 'the footer is left out');
  await page.close();
});
