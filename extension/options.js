// The options page: interface language and clearing the library.

import './lib/messages.js';
import { localize, chosenLanguage } from './lib/i18n.js';

const MSG = globalThis.Tabayyun.messages;
let { t } = await localize();
const langSelect = document.getElementById('lang');
const status = document.getElementById('status');
langSelect.value = await chosenLanguage();

langSelect.addEventListener('change', async () => {
  await chrome.storage.local.set({ lang: langSelect.value });
  ({ t } = await localize());
});

document.getElementById('clear').addEventListener('click', async () => {
  if (!confirm(t('optionsClearConfirm'))) return;
  await chrome.runtime.sendMessage({ type: MSG.CLEAR_LIBRARY });
  status.textContent = t('optionsCleared');
});
