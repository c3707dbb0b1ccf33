// The toolbar popup: save the current article or read the page. `?tab=ID`
// targets that tab instead of the active one (the same page then works
// opened in a tab, which is how tests drive it).

import './lib/messages.js';
import { localize } from './lib/i18n.js';

const MSG = globalThis.Tabayyun.messages;
const { t } = await localize();
const status = document.getElementById('status');

async function targetTab() {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

document.getElementById('save').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: MSG.SAVE_TAB, tabId: await targetTab() });
  if (r?.status === 'saved') say(t('savedOk'), 'ok');
  else if (r?.status === 'duplicate') say(t('savedDuplicate'));
  else if (r?.status === 'empty') say(t('savedEmpty'), 'error');
  else say(t('failed'), 'error');
});

document.getElementById('read').addEventListener('click', async () => {
  const r = await chrome.runtime.sendMessage({ type: MSG.READ_TAB, tabId: await targetTab() });
  if (r?.error) say(t('failed'), 'error');
  else window.close();
});
