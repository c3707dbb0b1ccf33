// The library page: every saved article, searchable, with delete, and the
// whole library exported to JSON and imported back. The background owns
// the database; this page only sends messages.

import './lib/messages.js';
import { localize } from './lib/i18n.js';

const MSG = globalThis.Tabayyun.messages;
const { lang, t } = await localize();
const list = document.getElementById('list');
const search = document.getElementById('search');
const status = document.getElementById('status');
let articles = [];

const send = (msg) => chrome.runtime.sendMessage(msg);

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

function render() {
  const q = search.value.trim();
  const shown = q
    ? articles.filter((a) => [a.title, a.outlet, a.text, a.url].some((f) => f.includes(q)))
    : articles;
  const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  list.replaceChildren(
    ...shown.map((a) => {
      const del = el('button', { type: 'button', class: 'danger', 'data-testid': 'delete-article', text: t('libraryDelete') });
      del.addEventListener('click', async () => {
        await send({ type: MSG.DELETE_ARTICLE, id: a.id });
        await load();
      });
      // Saved URLs are data: only http(s) ones become links.
      const title = /^https?:/.test(a.url)
        ? el('a', { href: a.url, target: '_blank', rel: 'noopener', class: 'title', text: a.title || a.url })
        : el('span', { class: 'title', text: a.title || a.id });
      return el(
        'li',
        { 'data-testid': 'library-item', 'data-id': a.id },
        el('div', { class: 'row' }, title, del),
        el(
          'div',
          { class: 'meta' },
          el('span', { text: a.outlet }),
          el('span', { text: a.date || dateFmt.format(new Date(a.savedAt)) }),
        ),
        el('p', { class: 'excerpt', text: a.text.slice(0, 220) + (a.text.length > 220 ? '…' : '') }),
      );
    }),
  );
  if (!articles.length) say(t('libraryEmpty'));
  else say(t('libraryCount', shown.length));
}

async function load() {
  const r = await send({ type: MSG.LIST_ARTICLES });
  articles = r?.articles ?? [];
  render();
}

search.addEventListener('input', render);

document.getElementById('export').addEventListener('click', async () => {
  const data = await send({ type: MSG.EXPORT_LIBRARY });
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `tabayyun-library-${data.exportedAt.slice(0, 10)}.json` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});

document.getElementById('import').addEventListener('change', async (ev) => {
  const file = ev.target.files?.[0];
  if (!file) return;
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    say(t('libraryBadFile'), 'error');
    return;
  }
  const r = await send({ type: MSG.IMPORT_LIBRARY, data });
  ev.target.value = '';
  if (r?.error) {
    say(t('libraryBadFile'), 'error');
    return;
  }
  await load();
  say(t('libraryImported', r.added, r.duplicates), 'ok');
});

await load();
