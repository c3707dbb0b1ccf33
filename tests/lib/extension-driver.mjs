// Driving the loaded extension from tests: open a news page and find its
// tab id, save it from the popup, open an extension page.

import assert from 'node:assert/strict';
import { NEWS_HOST } from './pages.mjs';

/** Helpers bound to a launched browser (`launch({extension: true})`) and a server. */
export function driver(browser, server) {
  const ext = (path) => `chrome-extension://${browser.extensionId}/${path}`;

  /** Opens a news page, waits until it is read, resolves to `{page, tabId}`. */
  async function openArticle(path) {
    const page = await browser.context.newPage();
    await page.goto(`http://${NEWS_HOST}:${server.port}${path}`);
    await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state === 'ready');
    return { page, tabId: await tabIdOf(page) };
  }

  /** The tab id of `page` (a page on a host the extension may read). */
  async function tabIdOf(page) {
    const probe = await browser.context.newPage();
    await probe.goto(ext('popup.html'));
    // Without the "tabs" permission a tab's URL is visible only on the
    // extension's own hosts, which is where every test page stands.
    const ids = await probe.evaluate(async (url) => (await chrome.tabs.query({})).filter((t) => t.url === url).map((t) => t.id), page.url());
    await probe.close();
    assert.equal(ids.length, 1, `one tab at ${page.url()}`);
    return ids[0];
  }

  /** Clicks save-article in the popup for `tabId`; resolves to the status text. */
  async function saveFromPopup(tabId) {
    const popup = await browser.context.newPage();
    await popup.goto(ext(`popup.html?tab=${tabId}`));
    await popup.click('[data-testid=save-article]');
    await popup.waitForFunction(() => document.querySelector('[data-testid=popup-status]').textContent !== '');
    const text = await popup.locator('[data-testid=popup-status]').textContent();
    await popup.close();
    return text;
  }

  return { ext, openArticle, tabIdOf, saveFromPopup };
}
