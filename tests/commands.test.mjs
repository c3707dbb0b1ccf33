// "Read this page" and "save this article" on a site that is not on the
// automatic list, the way the browser runs them: the context menu's and the
// keyboard shortcut's listeners, called in the service worker with a real
// tab (Playwright cannot click a native menu, and its key presses never
// reach the browser's shortcut handler), and the toolbar popup's button.
//
// The browser grants activeTab when the user invokes a menu or shortcut; a
// test cannot, so the page stands on a host the extension may read but
// outside the list: france24.com's /ar pages are listed, /news is not.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { fixturePage, newsPage } from './lib/pages.mjs';
import { driver } from './lib/extension-driver.mjs';

const HOST = 'www.france24.com';
let server;
let browser;
let drive;
let worker;

// Our own sentences. "The ministry opened 7 new health centres in the
// countryside, at a cost of 12 million dinars, and said 3 more would open
// next month."
const CLINICS = newsPage('مراكز صحية جديدة', 'افتتحت الوزارة 7 مراكز صحية جديدة في الريف بكلفة 12 مليون دينار، وقالت إن 3 مراكز أخرى ستفتح الشهر المقبل.');
// "The municipality added 40 buses to its lines; daily riders rose to
// about 180 thousand last year."
const BUSES = newsPage('حافلات جديدة', 'أضافت البلدية 40 حافلة إلى خطوط النقل العام.\nوقال مدير النقل إن عدد الركاب اليومي ارتفع إلى نحو 180 ألف راكب خلال العام الماضي.');

before(async () => {
  const fixture = await fixturePage();
  server = await startServer({
    pages: {
      '/news/menu.html': { body: fixture },
      '/news/shortcut.html': { body: BUSES },
      '/news/popup.html': { body: CLINICS },
    },
  });
  browser = await launch({ extension: true, hostMap: [HOST] });
  drive = driver(browser, server);
  [worker] = browser.context.serviceWorkers();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens `path` on the unlisted site: nothing is read by itself.
async function openUnlisted(path) {
  const page = await browser.context.newPage();
  await page.goto(`http://${HOST}:${server.port}${path}`);
  await page.waitForTimeout(800);
  assert.equal(await page.locator('tabayyun-root').count(), 0, 'not read before it is asked');
  return page;
}

// Calls the worker's listener `name` as the browser does: with the event's
// first argument and the tab (a real chrome.tabs.Tab).
function fire(name, first, tabId) {
  return worker.evaluate(
    async ([name, first, tabId]) => {
      const tab = await chrome.tabs.get(tabId);
      await globalThis.Tabayyun.background[name](first, tab);
      return chrome.action.getBadgeText({ tabId });
    },
    [name, first, tabId],
  );
}

async function libraryUrls() {
  const page = await browser.context.newPage();
  await page.goto(drive.ext('library.html'));
  const urls = await page.evaluate(async () => {
    const r = await chrome.runtime.sendMessage({ type: globalThis.Tabayyun.messages.LIST_ARTICLES });
    return r.articles.map((a) => a.url);
  });
  await page.close();
  return urls;
}

async function highlighted(page) {
  await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state === 'ready', null, { timeout: 15000 });
  const numbers = Number(await page.locator('tabayyun-root').getAttribute('data-numbers'));
  assert.ok(numbers > 0, `data-numbers=${numbers}`);
  assert.equal(await page.evaluate(() => CSS.highlights.get('tabayyun-number')?.size ?? 0), numbers);
  return numbers;
}

test('the context menu reads the page, then saves it', async () => {
  const page = await openUnlisted('/news/menu.html');
  const tabId = await drive.tabIdOf(page);
  await fire('onMenuClicked', { menuItemId: 'read-page' }, tabId);
  assert.ok((await highlighted(page)) >= 10);
  await screenshot(page, 'commands-menu-read');

  assert.equal(await fire('onMenuClicked', { menuItemId: 'save-article' }, tabId), '✓');
  assert.ok((await libraryUrls()).includes(page.url()));
  // Saved again: the badge says it is there already.
  assert.equal(await fire('onMenuClicked', { menuItemId: 'save-article' }, tabId), '=');
  await page.close();
});

test('the keyboard shortcuts read the page, then save it', async () => {
  const page = await openUnlisted('/news/shortcut.html');
  const tabId = await drive.tabIdOf(page);
  await fire('onCommand', 'read-page', tabId);
  // 40 and نحو 180 ألف.
  assert.equal(await highlighted(page), 2);
  assert.equal(await fire('onCommand', 'save-article', tabId), '✓');
  assert.ok((await libraryUrls()).includes(page.url()));
  await page.close();
});

test('the toolbar popup reads the page on request', async () => {
  const page = await openUnlisted('/news/popup.html');
  const tabId = await drive.tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.goto(drive.ext(`popup.html?tab=${tabId}`));
  await popup.click('[data-testid=read-page]');
  // 7, 12 مليون and 3.
  assert.equal(await highlighted(page), 3);
  if (!popup.isClosed()) await popup.close();
  await page.close();
});

test('the shortcuts the manifest suggests are the ones the browser assigned', async () => {
  // Chromium drops a suggestion that clashes with its own shortcuts (Alt+Shift+T
  // focuses its toolbar): the command then has no key at all.
  const commands = await worker.evaluate(async () => (await chrome.commands.getAll()).map((c) => [c.name, c.shortcut]));
  assert.deepEqual(commands.filter(([name]) => name !== '_execute_action'), [
    ['read-page', 'Alt+Shift+L'],
    ['save-article', 'Alt+Shift+S'],
  ]);
});
