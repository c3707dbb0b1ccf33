// The background service worker: owns the wasm engine (lib/engine.js) and
// the library database (lib/library-store.js), and answers every message
// in one switch.
//
// Chromium may evict this worker at any time (after ~30 s idle): nothing
// here may rely on memory surviving between messages. The engine and the
// database reopen lazily on the first message after a restart; listeners
// are registered at top level so a message that wakes the worker finds them.

import './lib/messages.js';
import { analyze, version } from './lib/engine.js';
import * as store from './lib/library-store.js';

const MSG = globalThis.Tabayyun.messages;

let dbOpening = null;
function library() {
  dbOpening ??= store.openLibrary().catch((err) => {
    dbOpening = null;
    throw err;
  });
  return dbOpening;
}

// The content script files, in the manifest's order: injected on demand
// into pages that are not on the site list.
const CONTENT_FILES = chrome.runtime.getManifest().content_scripts[0].js;

/** Makes sure the content script runs in `tabId` (it ignores a second run). */
async function readTab(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

// The article of a tab, from its content script (injected if needed).
async function articleOf(tabId) {
  try {
    const a = await chrome.tabs.sendMessage(tabId, { type: MSG.GET_ARTICLE });
    if (a) return a;
  } catch {
    // no content script in this tab yet
  }
  await readTab(tabId);
  return chrome.tabs.sendMessage(tabId, { type: MSG.GET_ARTICLE });
}

const invalid = (message) => ({ error: { code: 'invalid_input', message } });

async function handle(msg) {
  switch (msg?.type) {
    case MSG.ANALYZE_TEXT:
      if (typeof msg.text !== 'string') return invalid('text must be a string');
      return analyze(msg.text);
    case MSG.ENGINE_VERSION:
      return { version: await version() };
    case MSG.READ_TAB:
      await readTab(Number(msg.tabId));
      return { ok: true };
    case MSG.SAVE_TAB: {
      const article = await articleOf(Number(msg.tabId));
      if (!article || article.error) return article ?? invalid('no article on this page');
      return store.saveArticle(await library(), article);
    }
    case MSG.LIST_ARTICLES:
      return { articles: await store.listArticles(await library()) };
    case MSG.DELETE_ARTICLE:
      return { deleted: await store.deleteArticle(await library(), msg.id) };
    case MSG.EXPORT_LIBRARY:
      return store.exportLibrary(await library());
    case MSG.IMPORT_LIBRARY:
      try {
        return await store.importLibrary(await library(), msg.data);
      } catch (err) {
        return invalid(String(err?.message ?? err));
      }
    case MSG.CLEAR_LIBRARY:
      await store.clearLibrary(await library());
      return { cleared: true };
    default:
      return { error: { code: 'unknown_message', message: String(msg?.type) } };
  }
}

chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  handle(msg).then(sendResponse, (err) =>
    sendResponse({ error: { code: 'engine_unavailable', message: String(err?.message ?? err) } }),
  );
  return true; // the answer is asynchronous
});

// Reading a page that is not on the site list, on the user's request: the
// shortcut or the menu grants activeTab for that tab.
chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({
    id: 'read-page',
    title: chrome.i18n.getMessage('menuReadPage'),
    contexts: ['page', 'selection'],
  });
  chrome.contextMenus.create({
    id: 'save-article',
    title: chrome.i18n.getMessage('menuSaveArticle'),
    contexts: ['page', 'selection'],
  });
});

// Saving from the menu or the shortcut has no popup to answer in: the
// toolbar badge says saved (✓), already saved (=) or failed (!).
async function saveWithBadge(tabId) {
  let text = '!';
  try {
    const r = await handle({ type: MSG.SAVE_TAB, tabId });
    text = r?.status === 'saved' ? '✓' : r?.status === 'duplicate' ? '=' : '!';
  } finally {
    await chrome.action.setBadgeText({ tabId, text });
  }
}

function onRequest(what, tab) {
  if (!tab?.id) return;
  const job = what === 'save-article' ? saveWithBadge(tab.id) : what === 'read-page' ? readTab(tab.id) : null;
  job?.catch(() => {});
}
chrome.contextMenus.onClicked.addListener((info, tab) => onRequest(info.menuItemId, tab));
chrome.commands.onCommand.addListener((command, tab) => onRequest(command, tab));
