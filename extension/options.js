// The options page: interface language, the sites read automatically,
// highlight colours, and clearing the library.

import './lib/ext.js';
import './lib/messages.js';
import './lib/highlight-paint.js';
import { localize, chosenLanguage } from './lib/i18n.js';
import { cleanSite, getSites, originsFor, setSites } from './lib/sites.js';

const ext = globalThis.Tabayyun.ext;

const MSG = globalThis.Tabayyun.messages;
const { COLOURS } = globalThis.Tabayyun.highlightPaint;
let { t } = await localize();
const langSelect = document.getElementById('lang');
const status = document.getElementById('status');
const siteList = document.getElementById('sites');
langSelect.value = await chosenLanguage();

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

langSelect.addEventListener('change', async () => {
  await ext.storage.local.set({ lang: langSelect.value });
  ({ t } = await localize());
  await renderSites();
  renderColours();
});

async function renderSites() {
  const sites = await getSites();
  siteList.replaceChildren(
    ...sites.map((site) => {
      const code = document.createElement('code');
      code.textContent = site;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'danger';
      remove.dataset.testid = 'remove-site';
      remove.textContent = t('optionsRemoveSite');
      remove.addEventListener('click', async () => {
        await setSites((await getSites()).filter((s) => s !== site));
        await renderSites();
      });
      const li = document.createElement('li');
      li.dataset.site = site;
      li.append(code, remove);
      return li;
    }),
  );
}

document.getElementById('add-site').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = document.getElementById('new-site');
  const site = cleanSite(input.value);
  if (!site) {
    say(t('optionsBadSite'), 'error');
    return;
  }
  // Asked in the click's gesture; granted at once for sites already allowed.
  const granted = await ext.permissions.request({ origins: originsFor(site) });
  if (!granted) {
    say(t('optionsDenied'), 'error');
    return;
  }
  await setSites([...(await getSites()), site]);
  input.value = '';
  say('');
  await renderSites();
});

function renderColours() {
  const box = document.getElementById('colours');
  ext.storage.local.get('colours').then(({ colours = {} }) => {
    box.replaceChildren(
      ...['number', 'PER', 'ORG', 'LOC'].map((kind) => {
        const input = document.createElement('input');
        input.type = 'color';
        input.value = colours[kind]?.light ?? COLOURS[kind].light;
        input.dataset.kind = kind;
        input.addEventListener('change', async () => {
          const { colours: now = {} } = await ext.storage.local.get('colours');
          // The reader's colour for light pages; dark pages keep a darker
          // shade of the default so text stays readable.
          now[kind] = { light: input.value, dark: COLOURS[kind].dark };
          await ext.storage.local.set({ colours: now });
        });
        const label = document.createElement('label');
        label.className = 'colour';
        label.append(input, t(`kind_${kind}`));
        return label;
      }),
    );
  });
}

document.getElementById('clear').addEventListener('click', async () => {
  if (!confirm(t('optionsClearConfirm'))) return;
  await ext.runtime.sendMessage({ type: MSG.CLEAR_LIBRARY });
  say(t('optionsCleared'), 'ok');
});

await renderSites();
renderColours();
