// The offline demo: the extension's engine module and UI pieces, unchanged,
// driven by a page instead of a browser tab. The engine (and its Library of
// articles) runs in this page; reading, highlighting, popovers and the
// comparison are the same modules the content script and side panel use.

import { analyze, version, createLibrary } from './lib/engine.js';
import { compareArticle, matchPassages } from './lib/compare-model.js';
import { renderComparison } from './lib/compare-view.js';

const T = globalThis.Tabayyun;
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ar';

const STRINGS = {
  ar: {
    name: 'تبيّن',
    tagline: 'اقرأ الأخبار العربية بعين ناقدة: الأرقام والأسماء مبرزة، والمقالات مقارنة بين المصادر، وكل شيء يجري في متصفحك دون اتصال.',
    library: 'المقالات', loadSamples: 'حمّل المجموعة التجريبية', loadSeeds: 'حمّل مقالات باغوز الخمسة',
    paste: 'الصق نص مقال', outlet: 'المصدر', analyze: 'حلّل النص', add: 'أضف إلى المقالات',
    drop: 'أو أفلت ملف ‎.txt‎ أو ‎.html‎ في مربع النص.', reading: 'النص المحلَّل',
    hint: 'مرّر المؤشر فوق رقم أو اسم مبرز، أو استعمل زري السابق والتالي في لوحة تبيّن.',
    working: 'جار التحليل…', numbers: 'الأرقام', entities: 'الأسماء', matches: 'مقاطع لها نظير',
    added: 'أضيف المقال.', duplicate: 'هذا المقال موجود من قبل.', empty: 'لا نص لتحليله.',
    pasted: 'نص ملصق', engine: 'محرك تبيّن', other: 'English',
    errors: {
      input_too_large: 'النص أطول مما يمكن تحليله دفعة واحدة.',
      not_text: 'يبدو أن ما أُلصق ليس نصا.',
      engine_unavailable: 'تعذر تشغيل محرك التحليل في هذا المتصفح.',
    },
  },
  en: {
    name: 'Tabayyun',
    tagline: 'Read Arabic news critically: numbers and names highlighted, articles compared across outlets, all in your browser, offline.',
    library: 'Articles', loadSamples: 'Load the sample set', loadSeeds: 'Load the five Baghuz articles',
    paste: 'Paste an article', outlet: 'Outlet', analyze: 'Analyze', add: 'Add to the articles',
    drop: 'Or drop a .txt or .html file on the text box.', reading: 'Analyzed text',
    hint: 'Point at a highlighted number or name, or use Previous/Next in the Tabayyun panel.',
    working: 'Reading…', numbers: 'Numbers', entities: 'Names', matches: 'Passages with counterparts',
    added: 'Article added.', duplicate: 'This article is already there.', empty: 'No text to analyze.',
    pasted: 'Pasted text', engine: 'Tabayyun engine', other: 'العربية',
    errors: {
      input_too_large: 'The text is too long to analyze at once.',
      not_text: 'What was pasted does not look like text.',
      engine_unavailable: 'The analysis engine could not start in this browser.',
    },
  },
};
const S = STRINGS[lang];

const $ = (id) => document.getElementById(id);
const paste = $('paste');
const outletInput = $('outlet');
const article = $('article');
const comparison = $('comparison');
const status = $('status');
const list = $('articles');

document.documentElement.lang = lang;
document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
for (const el of document.querySelectorAll('[data-s]')) el.textContent = S[el.dataset.s];
$('lang-switch').textContent = S.other;
$('lang-switch').href = lang === 'ar' ? '?lang=en' : '?';

// The articles of the demo, in the engine's Library; `related` reads the
// matches computed for the text on display.
const libraryReady = createLibrary();
let matchResult = null;
let currentId = null;
const session = T.reader.createSession({
  doc: document,
  lang,
  related: (mark) => T.relatedPassages.forMark(matchResult, mark, lang),
});
T.highlightPaint.installStyles(document);

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

const split = (text) => text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);

/** Shows `text` as paragraphs (textContent only), analyses and compares it. */
async function show(text, id = null) {
  const paragraphs = split(text);
  article.replaceChildren(
    ...paragraphs.map((p) => {
      const el = document.createElement('p');
      el.textContent = p;
      return el;
    }),
  );
  comparison.replaceChildren();
  currentId = id;
  renderList();
  say(S.working);
  const lib = await libraryReady;
  const analyzeAndMatch = async (located) => {
    const r = matchPassages(lib, located, { id });
    matchResult = r && !r.error ? r : null;
    session.setMatches(T.relatedPassages.matchedCount(matchResult));
    return analyze(located);
  };
  const pass = await session.run(article, paragraphs, analyzeAndMatch);
  if (pass.stale) return;
  if (pass.error) {
    say(S.errors[pass.error.code] ?? pass.error.message, true);
    return;
  }
  const d = session.overlay.host.dataset;
  say(`${S.numbers}: ${d.numbers} · ${S.entities}: ${d.entities} · ${S.matches}: ${d.matches}`);
  if (id) {
    const model = compareArticle(lib, id);
    if (model) renderComparison(comparison, model, lang);
  }
}

function renderList() {
  libraryReady.then((lib) => {
    const items = lib.list().map((a) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.id = a.id;
      b.setAttribute('aria-current', String(a.id === currentId));
      const name = document.createElement('span');
      name.className = 'outlet-name';
      name.textContent = a.outlet;
      b.append(a.title || a.id, name);
      b.addEventListener('click', () => show(lib.get(a.id).text, a.id));
      const li = document.createElement('li');
      li.append(b);
      return li;
    });
    list.replaceChildren(...items);
  });
}

/**
 * Adds an article to the library; resolves to its id, or to the id of the
 * article it duplicates. Text is stored as the demo reads it (paragraphs
 * with whitespace collapsed, a blank line between), so offsets agree.
 */
async function addArticle({ id, text, outlet, title, date }) {
  const lib = await libraryReady;
  const paragraphs = split(text).map((p) => p.replace(/\s+/g, ' '));
  const out = lib.add({ id, text: paragraphs.join('\n\n'), outlet, title, date, savedAt: Date.now() });
  if (out?.error) throw new Error(out.error.message);
  return out.added ? out.id : out.duplicate?.of ?? out.id;
}

// A file of the demo: from the page itself in the single-file build,
// fetched next to it otherwise.
async function fetchText(path) {
  const embedded = globalThis.TabayyunEmbedded?.files?.[path];
  if (typeof embedded === 'string') return embedded;
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${r.status} ${path}`);
  return r.text();
}

// A sample file: optional `key: value` header lines, a blank line, the text.
function parseSample(raw, file) {
  const cut = raw.indexOf('\n\n');
  const head = cut > 0 ? raw.slice(0, cut) : '';
  if (!head || !head.split('\n').every((l) => /^[a-z_]+:/.test(l))) {
    const text = raw.trim();
    return { text, outlet: file.replace(/\.txt$/, ''), title: text.split('\n')[0].slice(0, 90) };
  }
  const meta = Object.fromEntries(head.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  return { ...meta, text: raw.slice(cut + 2).trim() };
}

async function loadSet(dir) {
  const index = JSON.parse(await fetchText(`${dir}/index.json`));
  let first = null;
  for (const file of index.files) {
    const a = parseSample(await fetchText(`${dir}/${file}`), file);
    const id = await addArticle({ id: `${dir}/${file}`, ...a });
    first ??= id;
  }
  renderList();
  return first;
}

$('load-samples').addEventListener('click', async () => {
  await loadSet('samples');
  const lib = await libraryReady;
  // Open the paper that republished the agency's copy: it has the most to compare.
  const wireCopy = lib.list().find((a) => a.id.includes('wire-copy')) ?? lib.list()[0];
  await show(lib.get(wireCopy.id).text, wireCopy.id);
});

$('load-seeds').addEventListener('click', async () => {
  const id = await loadSet('seeds');
  const lib = await libraryReady;
  await show(lib.get(id).text, id);
});

// The five shared seed articles are offered when the build put them next
// to the demo (they are not part of the repository).
fetchText('seeds/index.json').then(
  () => {
    $('load-seeds').hidden = false;
  },
  () => {},
);

$('analyze').addEventListener('click', () => {
  if (!paste.value.trim()) say(S.empty, true);
  else show(paste.value);
});

$('add').addEventListener('click', async () => {
  const text = paste.value.trim();
  if (!text) {
    say(S.empty, true);
    return;
  }
  const lib = await libraryReady;
  const before = lib.list().length;
  const id = await addArticle({ id: `pasted-${Date.now()}`, text, outlet: outletInput.value.trim() || S.pasted, title: split(text)[0].slice(0, 80) });
  await show(lib.get(id).text, id);
  say(lib.list().length > before ? S.added : S.duplicate);
});

// Dropped files: plain text as is; HTML through the extension's extractor.
paste.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  paste.classList.add('drop');
});
paste.addEventListener('dragleave', () => paste.classList.remove('drop'));
paste.addEventListener('drop', async (ev) => {
  ev.preventDefault();
  paste.classList.remove('drop');
  const file = ev.dataTransfer.files[0];
  if (!file) return;
  const raw = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') {
    const doc = new DOMParser().parseFromString(raw, 'text/html');
    paste.value = T.articleExtract.extract(doc).paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n\n');
  } else {
    paste.value = raw;
  }
});

version().then((v) => {
  $('engine-version').textContent = `${S.engine} ${v}`;
});

// Something to see at once: the first sample article, read alone, unless
// the reader was quicker and typed or chose something already.
let touched = false;
for (const el of [paste, outletInput]) el.addEventListener('input', () => (touched = true), { once: true });
for (const id of ['analyze', 'add', 'load-samples', 'load-seeds']) $(id).addEventListener('click', () => (touched = true));
fetchText('samples/index.json')
  .then(async (raw) => {
    const index = JSON.parse(raw);
    const a = parseSample(await fetchText(`samples/${index.files[0]}`), index.files[0]);
    if (touched) return;
    paste.value = a.text;
    outletInput.value = a.outlet;
    await show(a.text);
  });
