// Pages the extension tests serve: our own fixture, and the shared seed
// articles wrapped in a simple news page (read from ../shared at test time,
// never copied into the repository).

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SHARED } from './browser.mjs';

/** A host name on the extension's site list; tests resolve it to 127.0.0.1. */
export const NEWS_HOST = 'www.enabbaladi.net';

/** Our original fixture article (a fictional flood), as served HTML. */
export function fixturePage() {
  return readFile(join(ROOT, 'tests', 'fixtures', 'news-page.html'), 'utf8');
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A plain news page around `text`, one <p> per line; `heading: false`
 * leaves the title out of the page body (then it is only the <title>).
 */
export function newsPage(title, text, outlet = 'موقع إخباري', { heading = true } = {}) {
  const paras = text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:site_name" content="${esc(outlet)}"></head>
<body><header>${esc(outlet)}</header><nav><a href="#">الرئيسية</a></nav><article>${heading ? `<h1>${esc(title)}</h1>` : ''}${paras}</article>
<footer>حقوق النشر</footer></body></html>`;
}

/** The shared seed articles as `[{name, path, text}]`, or [] when absent. */
export async function seedArticles() {
  const dir = join(SHARED, 'seeds');
  let names;
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => ({
      name,
      path: `/seeds/${name.replace(/\.txt$/, '.html')}`,
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}
