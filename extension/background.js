// The background service worker: owns the wasm engine (lib/engine.js) and
// answers every message in one switch.
//
// Chromium may evict this worker at any time (after ~30 s idle): nothing
// here may rely on memory surviving between messages. The engine reloads
// lazily on the first message after a restart; listeners are registered at
// top level so a message that wakes the worker finds them.

import './lib/messages.js';
import { analyze, version } from './lib/engine.js';

const MSG = globalThis.Tabayyun.messages;

async function handle(msg) {
  switch (msg?.type) {
    case MSG.ANALYZE_TEXT:
      if (typeof msg.text !== 'string') return { error: { code: 'invalid_input', message: 'text must be a string' } };
      return analyze(msg.text);
    case MSG.ENGINE_VERSION:
      return { version: await version() };
    default:
      return { error: { code: 'unknown_message', message: String(msg?.type) } };
  }
}

// Reading a page that is not on the site list, on the user's request: the
// click, shortcut or menu grants activeTab, and the same files the manifest
// lists for news sites are injected in the same order.
async function readTab(tab) {
  if (!tab?.id) return;
  const files = chrome.runtime.getManifest().content_scripts[0].js;
  await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: 'read-page', title: 'Tabayyun: read this page', contexts: ['page', 'selection'] });
});
chrome.contextMenus.onClicked.addListener((_info, tab) => readTab(tab));
chrome.action.onClicked.addListener((tab) => readTab(tab));
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'read-page') readTab(tab);
});

chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  handle(msg).then(sendResponse, (err) =>
    sendResponse({ error: { code: 'engine_unavailable', message: String(err?.message ?? err) } }),
  );
  return true; // the answer is asynchronous
});
