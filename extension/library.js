// The library page: every saved article, grouped by event, searchable,
// with delete, and the whole library exported to JSON and imported back.
// The background owns the database; this page only sends messages.

import './lib/ext.js';
import './lib/messages.js';
import './lib/dom.js';
import { localize } from './lib/i18n.js';

const ext = globalThis.Tabayyun.ext;

const MSG = globalThis.Tabayyun.messages;
const { lang, t } = await localize();
const list = document.getElementById('list');
const search = document.getElementById('search');
const status = document.getElementById('status');
let articles = [];
let events = [];

const send = (msg) => ext.runtime.sendMessage(msg);

function say(text, kind = '') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

// The start of the text, without the headline shown just above it (the
// saved text often begins with it).
function excerpt(a) {
  const title = (a.title ?? '').trim();
  let text = a.text.trim();
  if (title && text.startsWith(title)) text = text.slice(title.length).trim();
  return text.length > 220 ? `${text.slice(0, 220)}…` : text;
}

const el = globalThis.Tabayyun.elementBuilder(document);

function item(a, dateFmt) {
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
    el('div', { class: 'meta' }, el('span', { text: a.outlet }), el('span', { text: a.date || dateFmt.format(new Date(a.savedAt)) })),
    el('p', { class: 'excerpt', text: excerpt(a) }),
  );
}

// The articles grouped by event (as the engine groups them), newest event
// first; a search keeps the events that still have a matching article.
function render() {
  const q = search.value.trim();
  const shown = q ? articles.filter((a) => [a.title, a.outlet, a.text, a.url].some((f) => f.includes(q))) : articles;
  const byId = new Map(shown.map((a) => [a.id, a]));
  const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const placed = new Set();
  const groups = events
    .map((e) => ({ ...e, members: e.articles.map((id) => byId.get(id)).filter(Boolean) }))
    .filter((e) => e.members.length)
    .sort((a, b) => Math.max(...b.members.map((m) => m.savedAt)) - Math.max(...a.members.map((m) => m.savedAt)));
  const sections = groups.map((e) => {
    e.members.forEach((m) => placed.add(m.id));
    return el(
      'li',
      { class: 'event', 'data-testid': 'library-event' },
      el('h2', { text: e.title || e.members[0].title || e.members[0].outlet }),
      el('p', { class: 'muted', text: t('libraryEventOutlets', e.outlets.length) }),
      el('ul', { class: 'articles' }, ...e.members.map((a) => item(a, dateFmt))),
    );
  });
  // Articles the engine has not grouped yet (it reloads lazily) still show.
  const rest = shown.filter((a) => !placed.has(a.id));
  if (rest.length) sections.push(el('li', { class: 'event' }, el('ul', { class: 'articles' }, ...rest.map((a) => item(a, dateFmt)))));
  list.replaceChildren(...sections);
  if (!articles.length) say(t('libraryEmpty'));
  else say(t('libraryCount', shown.length));
}

async function load() {
  const r = await send({ type: MSG.LIST_ARTICLES });
  articles = r?.articles ?? [];
  events = r?.events ?? [];
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
