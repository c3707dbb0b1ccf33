// The background service worker: owns the wasm engine (lib/engine.js) and
// the library database (lib/library-store.js), and answers every message
// in one switch.
//
// Chromium may evict this worker at any time (after ~30 s idle): nothing
// here may rely on memory surviving between messages. The engine, the
// database and the engine's library reopen lazily on the first message after a restart; listeners
// are registered at top level so a message that wakes the worker finds them.

import './lib/ext.js';
import './lib/messages.js';
import './lib/article-extract.js';
import './lib/text-map.js';
import { analyze, version, createLibrary, loadLibrary } from './lib/engine.js';
import * as store from './lib/library-store.js';
import { compareArticle, matchPassages } from './lib/compare-model.js';
import { getSites, originsFor, patternsFor } from './lib/sites.js';

const ext = globalThis.Tabayyun.ext;

const MSG = globalThis.Tabayyun.messages;

let dbOpening = null;
function library() {
  dbOpening ??= store.openLibrary().catch((err) => {
    dbOpening = null;
    throw err;
  });
  return dbOpening;
}

// The engine's view of the library (passages, index, events, claims) is
// derived from the articles in IndexedDB. A restarted worker loads its
// serialized copy when it is for exactly the saved articles and this
// engine version; otherwise it rebuilds it from the articles.
let engineLib = null;
function engineLibrary() {
  engineLib ??= (async () => {
    const db = await library();
    const articles = await store.listArticles(db);
    const ids = articles.map((a) => a.id).sort();
    const engine = await version();
    const state = await store.loadEngineState(db);
    if (state && state.engine === engine && sameIds(state.ids, ids)) {
      try {
        return await loadLibrary(state.bytes);
      } catch {
        // corrupt or stale bytes: rebuilt below
      }
    }
    const lib = await createLibrary();
    for (const a of articles) lib.add(toEngine(a));
    await persistEngine(lib);
    return lib;
  })().catch((err) => {
    engineLib = null;
    throw err;
  });
  return engineLib;
}

const sameIds = (a, b) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

// Saves the engine's library after a change, tagged with what it holds.
async function persistEngine(lib) {
  const ids = lib
    .list()
    .map((a) => a.id)
    .sort();
  await store.saveEngineState(await library(), { bytes: lib.serialize(), ids, engine: await version() });
}

const toEngine = (a) => ({
  id: a.id,
  text: a.text,
  url: a.url,
  outlet: a.outlet,
  title: a.title,
  date: a.date,
  savedAt: a.savedAt,
});

// Saves in IndexedDB (exact duplicates by text or URL are caught there),
// then in the engine, which also recognizes near-identical texts.
async function saveArticle(input) {
  const db = await library();
  const saved = await store.saveArticle(db, input);
  if (saved.status !== 'saved') return saved;
  const lib = await engineLibrary();
  const out = lib.add(toEngine(saved.article));
  if (out?.added) {
    await persistEngine(lib);
    return saved;
  }
  await store.deleteArticle(db, saved.article.id);
  lib.remove(saved.article.id);
  if (out?.duplicate) return { status: 'duplicate', article: await store.getArticle(db, out.duplicate.of) };
  return { status: 'error', error: out?.error ?? { code: 'invalid_input', message: 'not added' } };
}

// The saved article a page is (same URL, or same text), if any.
async function savedIdOf(article) {
  const db = await library();
  const all = await store.listArticles(db);
  const url = store.normalizeUrl(article.url);
  const hash = await store.textHash(article.text ?? '');
  return all.find((a) => (url && a.normUrl === url) || a.hash === hash)?.id ?? null;
}

// Passages of saved articles matching the page being read (its own saved
// copy and its own outlet left out).
async function matchText(text, url, outlet) {
  const lib = await engineLibrary();
  const id = await savedIdOf({ url, text });
  return matchPassages(lib, text, {
    id,
    outlet,
    urlOf: (a) => a.url || ext.runtime.getURL(`library.html#${a.id}`),
  });
}

// The comparison for a tab's article; an article not saved is compared as
// if it were, without keeping it.
async function compareTab(tabId) {
  const article = await articleOf(tabId);
  if (!article?.text) return { error: { code: 'invalid_input', message: 'no article on this page' } };
  const lib = await engineLibrary();
  const saved = await savedIdOf(article);
  if (saved) return { model: compareArticle(lib, saved) };
  const tempId = `unsaved:${(await store.textHash(article.text)).slice(0, 16)}`;
  const out = lib.add({ ...toEngine({ ...article, savedAt: Date.now() }), id: tempId });
  if (!out?.added) {
    const of = out?.duplicate?.of;
    return of ? { model: compareArticle(lib, of) } : { error: out?.error ?? { code: 'invalid_input', message: 'not added' } };
  }
  try {
    return { model: compareArticle(lib, tempId) };
  } finally {
    lib.remove(tempId);
  }
}

// Readability needs a DOM, and run in the page it blocks the page's main
// thread (a single call of 40-130 ms on a news page, on a loaded machine):
// the content script sends the page's HTML here instead. Firefox runs this
// background as an event page, which has a DOM; Chromium's service worker
// has none, so there an offscreen document does the work.
const OFFSCREEN_URL = 'offscreen.html';
let offscreenOpening = null;
function offscreenDocument() {
  offscreenOpening ??= (async () => {
    // A restarted worker finds the document it opened before.
    const open = await ext.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [ext.runtime.getURL(OFFSCREEN_URL)],
    });
    if (open.length) return;
    await ext.offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER'],
      justification: "Extracts the article from the page's HTML with Readability, off the page's main thread.",
    });
  })().catch((err) => {
    offscreenOpening = null;
    throw err;
  });
  return offscreenOpening;
}

// Firefox: Readability is a classic script; loaded in this page's document
// it defines the global that lib/article-extract.js looks for.
let readabilityLoading = null;
function readabilityHere() {
  readabilityLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'vendor/Readability.js';
    script.onload = resolve;
    script.onerror = () => {
      readabilityLoading = null;
      reject(new Error('vendor/Readability.js did not load'));
    };
    document.head.append(script);
  });
  return readabilityLoading;
}

async function extractArticle(html) {
  if (typeof DOMParser === 'function') {
    await readabilityHere();
    return globalThis.Tabayyun.articleExtract.extractHtml(html);
  }
  // The offscreen document may have been closed under us (or not answer
  // yet after a restart): opened again, once.
  for (let attempt = 0; ; attempt++) {
    await offscreenDocument();
    try {
      const found = await ext.runtime.sendMessage({ type: MSG.OFFSCREEN_EXTRACT, html });
      if (found) return found;
    } catch (err) {
      if (attempt >= 1) throw err;
    }
    if (attempt >= 1) return { error: { code: 'extract_failed', message: 'no answer from the offscreen document' } };
    offscreenOpening = null;
  }
}

// The content script: the shared UI pieces, then content.js. Registered for
// the reader's site list, injected on demand elsewhere.
const CONTENT_FILES = [
  'lib/ext.js',
  'lib/messages.js',
  'lib/text-map.js',
  'lib/number-format.js',
  'lib/highlight-paint.js',
  'lib/entity-name.js',
  'lib/dom.js',
  'lib/overlay.js',
  'lib/related-passages.js',
  'lib/reader.js',
  'lib/article-extract.js',
  'content.js',
];
const SCRIPT_ID = 'news-sites';

/**
 * Registers the content script for every site of the reader's list whose
 * permission is granted (a site added on the options page asks for it).
 */
async function syncContentScripts() {
  const matches = [];
  for (const site of await getSites()) {
    if (await ext.permissions.contains({ origins: originsFor(site) })) matches.push(...patternsFor(site));
  }
  const registered = await ext.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) {
    if (registered.length) await ext.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  // document_start: the scripts are ready when the DOM is parsed and
  // reading starts then (content.js waits for DOMContentLoaded), not when
  // the page is idle, up to hundreds of ms later on pages waiting for ads
  // and images.
  const script = { id: SCRIPT_ID, matches, js: CONTENT_FILES, runAt: 'document_start' };
  if (registered.length) await ext.scripting.updateContentScripts([script]);
  else await ext.scripting.registerContentScripts([script]);
}

/** Makes sure the content script runs in `tabId` (it ignores a second run). */
async function readTab(tabId) {
  await ext.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

// The article of a tab, from its content script (injected if needed).
async function articleOf(tabId) {
  try {
    const a = await ext.tabs.sendMessage(tabId, { type: MSG.GET_ARTICLE });
    if (a) return a;
  } catch {
    // no content script in this tab yet
  }
  await readTab(tabId);
  return ext.tabs.sendMessage(tabId, { type: MSG.GET_ARTICLE });
}

const invalid = (message) => ({ error: { code: 'invalid_input', message } });

async function handle(msg) {
  switch (msg?.type) {
    case MSG.ANALYZE_TEXT:
      if (typeof msg.text !== 'string') return invalid('text must be a string');
      return analyze(msg.text);
    case MSG.EXTRACT_ARTICLE: {
      if (typeof msg.html !== 'string') return invalid('html must be a string');
      const found = await extractArticle(msg.html);
      // Analysed at once, as the content script will most likely ask: the
      // text its paragraphs make when all are found on the page as they are.
      // An engine that fails here fails again when asked; the article found
      // is answered anyway.
      const text = Array.isArray(found?.paragraphs) ? globalThis.Tabayyun.textMap.joined(found.paragraphs) : null;
      const result = text ? await analyze(text).catch(() => null) : null;
      return result ? { ...found, analysis: { text, result } } : found;
    }
    case MSG.ENGINE_VERSION:
      return { version: await version() };
    case MSG.READ_TAB:
      await readTab(Number(msg.tabId));
      return { ok: true };
    case MSG.MATCH_TEXT:
      if (typeof msg.text !== 'string') return invalid('text must be a string');
      return matchText(msg.text, String(msg.url ?? ''), String(msg.outlet ?? ''));
    case MSG.SAVE_TAB: {
      const article = await articleOf(Number(msg.tabId));
      if (!article || article.error) return article ?? invalid('no article on this page');
      return saveArticle(article);
    }
    case MSG.COMPARE_TAB:
      return compareTab(Number(msg.tabId));
    case MSG.LIST_ARTICLES: {
      const articles = await store.listArticles(await library());
      const events = (await engineLibrary()).events();
      return { articles, events: Array.isArray(events) ? events : [] };
    }
    case MSG.DELETE_ARTICLE: {
      const deleted = await store.deleteArticle(await library(), msg.id);
      const lib = await engineLibrary();
      lib.remove(String(msg.id));
      await persistEngine(lib);
      return { deleted };
    }
    case MSG.EXPORT_LIBRARY:
      return store.exportLibrary(await library());
    case MSG.IMPORT_LIBRARY:
      try {
        return await store.importLibrary(await library(), msg.data);
      } catch (err) {
        return invalid(String(err?.message ?? err));
      } finally {
        engineLib = null; // rebuilt from the database on next use
      }
    case MSG.CLEAR_LIBRARY:
      await store.clearLibrary(await library());
      engineLib = null;
      return { cleared: true };
    default:
      return { error: { code: 'unknown_message', message: String(msg?.type) } };
  }
}

ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  handle(msg).then(sendResponse, (err) =>
    sendResponse({ error: { code: 'engine_unavailable', message: String(err?.message ?? err) } }),
  );
  return true; // the answer is asynchronous
});

// Chromium: the offscreen document is opened with the browser, so the
// first page read does not wait for it; it then stays open, idle between
// pages.
const openOffscreen = () => ext.offscreen && offscreenDocument().catch(() => {});
ext.runtime.onStartup.addListener(() => {
  syncContentScripts().catch(() => {});
  openOffscreen();
});
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'sites' in changes) syncContentScripts().catch(() => {});
});
ext.permissions.onAdded.addListener(() => syncContentScripts().catch(() => {}));
ext.permissions.onRemoved.addListener(() => syncContentScripts().catch(() => {}));

// Reading a page that is not on the site list, on the user's request: the
// shortcut or the menu grants activeTab for that tab.
ext.runtime.onInstalled.addListener(() => {
  syncContentScripts().catch(() => {});
  openOffscreen();
  ext.contextMenus.create({
    id: 'read-page',
    title: ext.i18n.getMessage('menuReadPage'),
    contexts: ['page', 'selection'],
  });
  ext.contextMenus.create({
    id: 'save-article',
    title: ext.i18n.getMessage('menuSaveArticle'),
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
    await ext.action.setBadgeText({ tabId, text });
  }
}

// What the menu item or shortcut named `what` does in `tab`; resolves when
// done (the browser ignores it; tests wait on it).
function onRequest(what, tab) {
  if (!tab?.id) return Promise.resolve();
  const job = what === 'save-article' ? saveWithBadge(tab.id) : what === 'read-page' ? readTab(tab.id) : null;
  return job ? job.catch(() => {}) : Promise.resolve();
}

/** The context menu's listener: `info.menuItemId` is 'read-page' or 'save-article'. */
function onMenuClicked(info, tab) {
  return onRequest(info.menuItemId, tab);
}

/** The keyboard shortcuts' listener: `command` is a name under "commands" in the manifest. */
function onCommand(command, tab) {
  return onRequest(command, tab);
}

ext.contextMenus.onClicked.addListener(onMenuClicked);
ext.commands.onCommand.addListener(onCommand);

// The same listeners by name, for tests that drive them from this worker as
// the browser would (no web page or content script reaches this global).
globalThis.Tabayyun.background = Object.freeze({ onMenuClicked, onCommand });
