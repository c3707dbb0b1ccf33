// The side panel (Chromium sidePanel, Firefox sidebar_action): the current
// tab's article compared with the saved articles of its event. `?tab=ID`
// pins it to that tab; without it the panel follows the active tab.

import './lib/ext.js';
import './lib/messages.js';
import { localize } from './lib/i18n.js';
import { renderComparison } from './lib/compare-view.js';

const ext = globalThis.Tabayyun.ext;

const MSG = globalThis.Tabayyun.messages;
const { lang, t } = await localize();
const status = document.getElementById('status');
const title = document.getElementById('article');
const container = document.getElementById('comparison');
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;

async function currentTab() {
  if (pinned) return pinned;
  const [tab] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

async function refresh() {
  status.textContent = t('compareWorking');
  status.className = 'status';
  const tabId = await currentTab();
  const r = tabId ? await ext.runtime.sendMessage({ type: MSG.COMPARE_TAB, tabId }) : null;
  if (!r?.model) {
    container.replaceChildren();
    title.textContent = '';
    status.textContent = t('compareNoArticle');
    status.className = 'status error';
    return;
  }
  title.textContent = `${r.model.article.outlet} — ${r.model.article.title}`;
  status.textContent = t('compareOutlets', r.model.outlets.length);
  renderComparison(container, r.model, lang);
}

if (!pinned) {
  ext.tabs.onActivated.addListener(refresh);
  ext.tabs.onUpdated.addListener((_id, info) => info.status === 'complete' && refresh());
}
await refresh();
