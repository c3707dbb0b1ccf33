// Build steps of the offline demo, run by build.sh after the wasm build:
//
//   node www/build-demo.mjs [SHARED_DIR] [OUT_HTML]
//
// 1. When SHARED_DIR/seeds exists, copies its articles to www/seeds/ with an
//    index.json, so the demo offers them as a second sample set (www/seeds
//    is ignored by git: shared data never enters the repository).
// 2. Writes one self-contained HTML file (default dist/tabayyun-demo.html)
//    that works from file:// with no network: stylesheets and classic
//    scripts inlined, ES modules turned into data: URLs behind an import
//    map (relative imports become bare names the map resolves), the wasm
//    and the sample articles embedded as `globalThis.TabayyunEmbedded`.

import { mkdir, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = dirname(fileURLToPath(import.meta.url));
const ROOT = join(WWW, '..');

/** Copies SHARED/seeds/*.txt to www/seeds; resolves to how many, 0 if none. */
export async function copySeeds(shared) {
  const out = join(WWW, 'seeds');
  await rm(out, { recursive: true, force: true });
  let files;
  try {
    files = (await readdir(join(shared, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return 0;
  }
  await mkdir(out, { recursive: true });
  for (const f of files) await copyFile(join(shared, 'seeds', f), join(out, f));
  await writeFile(join(out, 'index.json'), `${JSON.stringify({ name: 'Baghuz, 2019 (shared seeds)', files }, null, 2)}\n`);
  return files.length;
}

// Static imports start a line; this skips `import` in comments and strings.
const IMPORT = /^(import\s*(?:[^'";]*?\sfrom\s*)?)(['"])(\.{1,2}\/[^'"]+)\2/gm;

// Every module reachable from `entry` (a path under www/), imports rewritten
// to bare `tabayyun:/path` names.
async function moduleGraph(entry) {
  const modules = new Map();
  const visit = async (path) => {
    if (modules.has(path)) return;
    modules.set(path, null);
    const source = await readFile(join(WWW, path), 'utf8');
    const deps = [];
    const rewritten = source.replace(IMPORT, (_m, head, q, spec) => {
      const dep = posix.normalize(posix.join(posix.dirname(path), spec));
      deps.push(dep);
      return `${head}${q}tabayyun:/${dep}${q}`;
    });
    modules.set(path, rewritten);
    for (const d of deps) await visit(d);
  };
  await visit(entry);
  return modules;
}

const dataUrl = (js) => `data:text/javascript;base64,${Buffer.from(js).toString('base64')}`;
const inlineScript = (js) => js.replace(/<\/script/gi, '<\\/script');

/** Writes the single-file demo to `out`; resolves to its size in bytes. */
export async function buildSingleFile(out) {
  let html = await readFile(join(WWW, 'index.html'), 'utf8');
  html = html.replace(
    /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' data:; style-src 'unsafe-inline'; img-src data:">`,
  );
  const styles = [];
  html = await replaceAsync(html, /<link rel="stylesheet" href="([^"]+)">/g, async (_m, href) => {
    styles.push(href);
    return `<style>${await readFile(join(WWW, href), 'utf8')}</style>`;
  });
  html = await replaceAsync(html, /<script src="([^"]+)"><\/script>/g, async (_m, src) => `<script>${inlineScript(await readFile(join(WWW, src), 'utf8'))}</script>`);

  const modules = await moduleGraph('demo.js');
  const imports = Object.fromEntries([...modules].map(([path, js]) => [`tabayyun:/${path}`, dataUrl(js)]));
  const index = JSON.parse(await readFile(join(WWW, 'samples', 'index.json'), 'utf8'));
  const files = { 'samples/index.json': JSON.stringify(index) };
  for (const f of index.files) files[`samples/${f}`] = await readFile(join(WWW, 'samples', f), 'utf8');
  const wasm = (await readFile(join(WWW, 'pkg', 'tabayyun_bg.wasm'))).toString('base64');
  const embedded = `globalThis.TabayyunEmbedded = {
  wasm: Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0)),
  files: ${JSON.stringify(files)},
};`;
  html = html.replace(
    /<script type="module" src="demo.js"><\/script>/,
    `<script>${inlineScript(embedded)}</script>\n<script type="importmap">${JSON.stringify({ imports })}</script>\n<script type="module">import 'tabayyun:/demo.js';</script>`,
  );
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  return Buffer.byteLength(html);
}

async function replaceAsync(s, re, fn) {
  const parts = [];
  let last = 0;
  for (const m of s.matchAll(re)) {
    parts.push(s.slice(last, m.index), await fn(...m));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  return parts.join('');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shared = process.argv[2] ?? join(ROOT, '..', 'shared');
  const out = process.argv[3] ?? join(ROOT, 'dist', 'tabayyun-demo.html');
  const seeds = await copySeeds(shared);
  console.log(seeds ? `demo: ${seeds} seed articles from ${shared}/seeds` : `demo: no seed articles at ${shared}/seeds`);
  const bytes = await buildSingleFile(out);
  console.log(`demo: single file ${out} (${bytes} bytes)`);
}
