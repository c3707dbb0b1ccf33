// The toolbar popup: save the current article, read the page, open the
// comparison. `?tab=ID` targets that tab instead of the active one (the
// same page then works opened in a tab, which is how tests drive it).

import './lib/ext.js';
import './lib/messages.js';
import { localize } from './lib/i18n.js';

const ext = globalThis.Tabayyun.ext;

const MSG = globalThis.Tabayyun.messages;
const { t } = await localize();
const status = document.getElementById('status');

async function targetTab() {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

document.getElementById('save').addEventListener('click', async () => {
  const r = await ext.runtime.sendMessage({ type: MSG.SAVE_TAB, tabId: await targetTab() });
  if (r?.status === 'saved') say(t('savedOk'), 'ok');
  else if (r?.status === 'duplicate') say(t('savedDuplicate'));
  else if (r?.status === 'empty') say(t('savedEmpty'), 'error');
  else say(t('failed'), 'error');
});

document.getElementById('read').addEventListener('click', async () => {
  const r = await ext.runtime.sendMessage({ type: MSG.READ_TAB, tabId: await targetTab() });
  if (r?.error) say(t('failed'), 'error');
  else window.close();
});

// A page read only in part says so here too, before anything is saved
// from it. A tab without the content script (not read yet) has nothing to say.
async function showNotice(tabId) {
  let page = null;
  try {
    page = await ext.tabs.sendMessage(tabId, { type: MSG.PAGE_STATUS });
  } catch {
    return;
  }
  if (!page?.truncated) return;
  const notice = document.getElementById('notice');
  const digits = (n) => Math.round(n).toLocaleString('en-US');
  notice.textContent = t('noticeTooLong', digits(page.truncated.read), digits(page.truncated.total));
  notice.hidden = false;
}

// Opening a side panel needs the click's user gesture: the tab id is known
// beforehand, so the call happens synchronously in the handler.
const tabForPanel = await targetTab();
showNotice(tabForPanel);
document.getElementById('compare').addEventListener('click', () => {
  const path = `sidepanel.html?tab=${tabForPanel}`;
  if (ext.sidePanel?.open) {
    ext.sidePanel.setOptions({ tabId: tabForPanel, path, enabled: true });
    ext.sidePanel.open({ tabId: tabForPanel }).then(() => window.close(), () => say(t('failed'), 'error'));
  } else if (ext.sidebarAction) {
    ext.sidebarAction.open();
    ext.sidebarAction.setPanel({ tabId: tabForPanel, panel: path });
    window.close();
  }
});
