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
    const url = `http://${NEWS_HOST}:${server.port}${path}`;
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('tabayyun-root')?.dataset.state === 'ready');
    const probe = await browser.context.newPage();
    await probe.goto(ext('popup.html'));
    // Without the "tabs" permission tab URLs are hidden: take the tab opened
    // just before this one, and check with its content script that it is ours.
    const found = await probe.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const me = await chrome.tabs.getCurrent();
      const tab = tabs.find((t) => t.windowId === me.windowId && t.index === me.index - 1);
      const { GET_ARTICLE } = globalThis.Tabayyun.messages;
      const article = await chrome.tabs.sendMessage(tab.id, { type: GET_ARTICLE });
      return { id: tab.id, url: article.url };
    });
    await probe.close();
    assert.equal(found.url, url);
    return { page, tabId: found.id };
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

  return { ext, openArticle, saveFromPopup };
}
