// The demo's original sample articles (www/samples), parsed: a header of
// `key: value` lines, a blank line, then the text.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

const DIR = join(ROOT, 'www', 'samples');

/** `[{file, outlet, title, date, text}]` in the index's order. */
export async function sampleArticles() {
  const index = JSON.parse(await readFile(join(DIR, 'index.json'), 'utf8'));
  return Promise.all(
    index.files.map(async (file) => {
      const raw = await readFile(join(DIR, file), 'utf8');
      const cut = raw.indexOf('\n\n');
      const meta = {};
      for (const line of raw.slice(0, cut).split('\n')) {
        const i = line.indexOf(':');
        meta[line.slice(0, i).trim()] = line.slice(i + 1).trim();
      }
      return { file, ...meta, text: raw.slice(cut + 2).trim() };
    }),
  );
}
