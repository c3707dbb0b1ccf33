// Saving articles from the popup into the background's IndexedDB library,
// duplicates, the library page, and export → clear → import giving back
// exactly what was saved.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, screenshot } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { NEWS_HOST, fixturePage, newsPage } from './lib/pages.mjs';
import { driver } from './lib/extension-driver.mjs';

// A second original article (a fictional school opening): "The education
// directorate opened 12 new schools this year for 4800 pupils."
const SCHOOLS = [
  'افتتحت مديرية التربية هذا العام 12 مدرسة جديدة تستقبل 4800 تلميذ في القرى الشرقية.',
  'وقال مدير التربية إن 60 معلما جديدا عينوا لسد النقص، وإن المدارس مجهزة بمختبرات حديثة.',
].join('\n');

let server;
let browser;

before(async () => {
  const fixture = await fixturePage();
  server = await startServer({
    pages: {
      '/news/floods.html': { body: fixture },
      // The same article at another address (a reprint): a duplicate.
      '/reprint/floods.html': { body: fixture },
      '/news/schools.html': { body: newsPage('مدارس جديدة في القرى الشرقية', SCHOOLS, 'صحيفة الأفق') },
    },
  });
  browser = await launch({ extension: true, hostMap: [NEWS_HOST] });
  ({ ext, openArticle, saveFromPopup } = driver(browser, server));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

let ext;
let openArticle;
let saveFromPopup;

async function exportLibrary(library) {
  const [download] = await Promise.all([library.waitForEvent('download'), library.click('[data-testid=export-library]')]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('articles saved from the popup, duplicates refused, export and import are lossless', async () => {
  const floods = await openArticle('/news/floods.html');
  assert.equal(await saveFromPopup(floods.tabId), 'حُفظ المقال.');
  // The same page again, and the same text at another address.
  assert.equal(await saveFromPopup(floods.tabId), 'هذا المقال محفوظ من قبل.');
  const reprint = await openArticle('/reprint/floods.html');
  assert.equal(await saveFromPopup(reprint.tabId), 'هذا المقال محفوظ من قبل.');
  const schools = await openArticle('/news/schools.html');
  assert.equal(await saveFromPopup(schools.tabId), 'حُفظ المقال.');

  const library = await browser.context.newPage();
  await library.goto(ext('library.html'));
  const items = library.locator('[data-testid=library-item]');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  const titles = await items.locator('.title').allTextContents();
  assert.ok(titles.some((t) => t.includes('سيول تغمر قرى وادي الريحان')), titles.join(' | '));
  assert.ok((await items.locator('.meta').allTextContents()).some((m) => m.includes('صحيفة الأفق')));

  // Search narrows the list; the saved text is what was read on the page.
  await library.fill('[data-testid=library-search]', 'دونم');
  assert.equal(await items.count(), 1);
  await library.fill('[data-testid=library-search]', '');
  await screenshot(library, 'library-page');

  const first = await exportLibrary(library);
  assert.equal(first.format, 'tabayyun-library');
  assert.equal(first.articles.length, 2);
  const flood = first.articles.find((a) => a.title.includes('وادي الريحان'));
  assert.ok(flood.text.includes('نحو 1500 منزل'));
  assert.ok(!flood.text.includes('الأكثر قراءة'), 'the sidebar is not part of the article');
  assert.equal(flood.url, `http://${NEWS_HOST}:${server.port}/news/floods.html`);

  // Clear the library from the options page (confirming the dialog).
  const options = await browser.context.newPage();
  await options.goto(ext('options.html'));
  options.once('dialog', (d) => d.accept());
  await options.click('[data-testid=clear-library]');
  await options.locator('#status').filter({ hasText: /./ }).waitFor();
  await library.reload();
  await library.locator('[data-testid=library-status]').filter({ hasText: 'لا مقالات' }).waitFor();
  assert.equal(await items.count(), 0);

  // Import the export back: the same records, ids and save times included.
  const dir = await mkdtemp(join(tmpdir(), 'tabayyun-export-'));
  const file = join(dir, 'library.json');
  await writeFile(file, JSON.stringify(first));
  await library.setInputFiles('[data-testid=import-library]', file);
  await library.locator('[data-testid=library-status]').filter({ hasText: 'استُورد 2' }).waitFor();
  assert.equal(await items.count(), 2);
  const second = await exportLibrary(library);
  assert.deepEqual(second.articles, first.articles);

  // Importing again adds nothing; a foreign file is refused with a message.
  await library.setInputFiles('[data-testid=import-library]', file);
  await library.locator('[data-testid=library-status]').filter({ hasText: 'مكرر 2' }).waitFor();
  await writeFile(file, JSON.stringify({ hello: 'world' }));
  await library.setInputFiles('[data-testid=import-library]', file);
  await library.locator('[data-testid=library-status]').filter({ hasText: 'ليس تصديرا' }).waitFor();

  // Deleting one article from the library page.
  await items.first().locator('[data-testid=delete-article]').click();
  await library.waitForFunction(() => document.querySelectorAll('[data-testid=library-item]').length === 1);
  for (const p of [floods.page, reprint.page, schools.page, library, options]) await p.close();
});

test('a library saved by schema version 1 is migrated, and the engine state survives a worker restart', async () => {
  const fresh = await launch({ extension: true });
  try {
    const url = (p) => `chrome-extension://${fresh.extensionId}/${p}`;
    const page = await fresh.context.newPage();
    await page.goto(url('options.html'));
    // The database as version 1 of the extension left it: one article.
    // "The council approved a budget of 90 million for 2026."
    const id = await page.evaluate(async () => {
      const text = 'أقر المجلس ميزانية قدرها 90 مليونا لعام 2026.';
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('tabayyun', 1);
        req.onupgradeneeded = () => {
          const s = req.result.createObjectStore('articles', { keyPath: 'id' });
          s.createIndex('normUrl', 'normUrl');
          s.createIndex('hash', 'hash', { unique: true });
          s.createIndex('savedAt', 'savedAt');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const record = { id: hash.slice(0, 16), url: 'https://example.org/budget', normUrl: 'https://example.org/budget',
        outlet: 'صحيفة المجلس', title: 'ميزانية 2026', date: '', text, hash, savedAt: 1700000000000 };
      await new Promise((resolve, reject) => {
        const tx = db.transaction('articles', 'readwrite');
        tx.objectStore('articles').put(record);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return record.id;
    });

    const library = await fresh.context.newPage();
    await library.goto(url('library.html'));
    await library.locator(`[data-testid=library-item][data-id="${id}"]`).waitFor();

    // The background migrated to version 2 and stored the engine's library.
    const state = async () =>
      page.evaluate(async () => {
        const db = await new Promise((resolve) => {
          const req = indexedDB.open('tabayyun');
          req.onsuccess = () => resolve(req.result);
        });
        const version = db.version;
        const engine = await new Promise((resolve) => {
          const req = db.transaction('engine').objectStore('engine').get('library');
          req.onsuccess = () => resolve(req.result);
        });
        db.close();
        return { version, ids: engine?.ids, bytes: engine?.bytes?.byteLength ?? 0 };
      });
    const after = await state();
    assert.equal(after.version, 2);
    assert.deepEqual(after.ids, [id]);
    assert.ok(after.bytes > 0);

    // Stop the worker: the library page still lists the article, and the
    // migrated record exports unchanged.
    const cdp = await fresh.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await library.reload();
    await library.locator(`[data-testid=library-item][data-id="${id}"]`).waitFor();
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('[data-testid=export-library]')]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.articles.length, 1);
    assert.equal(exported.articles[0].savedAt, 1700000000000);
    assert.equal(exported.articles[0].title, 'ميزانية 2026');
  } finally {
    await fresh.close();
  }
});
