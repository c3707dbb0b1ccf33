// The comparison of one saved article with the rest of its event, built
// from the engine's Library: its passages aligned with their counterparts
// in other outlets, what only this outlet reports, the numeric claims of
// the event with each outlet's figure, which outlet mentions which entity,
// and the share of the article that is wire copy. Plain data in, plain
// data out (the background sends it to the side panel as a message; the
// demo renders it directly), plus Markdown and CSV exports.

import './entity-name.js';
import './number-format.js';
import './related-passages.js';

const { displayName } = globalThis.Tabayyun.entityName;
const { kindLabel } = globalThis.Tabayyun.numberFormat;
const { relationLabel } = globalThis.Tabayyun.relatedPassages;

// What the side panel's claims table and the exports call things, in the
// reader's language.
const STRINGS = {
  ar: {
    claims: 'الأرقام بين المصادر', aligned: 'المقاطع المتقابلة', coverage: 'من ذكر من',
    outlet: 'المصدر', text: 'النص', figure: 'القيمة', claim: 'الادعاء', verdict: 'الحكم',
    agree: 'متفقة', differ: 'مختلفة', single: 'مصدر واحد', onlyHere: 'ينفرد به هذا المصدر', entity: 'الاسم',
    wire: 'نسخة وكالة', wireShare: 'نسبة نص الوكالة', passage: 'المقطع', counterpart: 'المقابل',
    relation: 'العلاقة', articles: 'المقالات',
  },
  en: {
    claims: 'Figures across outlets', aligned: 'Aligned passages', coverage: 'Who mentions whom',
    outlet: 'Outlet', text: 'Text', figure: 'Value', claim: 'Claim', verdict: 'Verdict',
    agree: 'agree', differ: 'differ', single: 'one outlet', onlyHere: 'Only this outlet', entity: 'Name',
    wire: 'wire copy', wireShare: 'Share of wire copy', passage: 'Passage', counterpart: 'Counterpart',
    relation: 'Relation', articles: 'Articles',
  },
};

/** The strings above for `lang` ('ar' or 'en'). */
export const strings = (lang) => STRINGS[lang === 'en' ? 'en' : 'ar'];

/**
 * A claim as a reader names it: its kind and its counted noun ("عدد:
 * مدني", "count: civilian"). The engine's own key for the unit (a stem, or
 * a concept such as "~civilian") is only the fallback: it is for matching.
 */
export function claimLabel(c, lang = 'ar') {
  const kind = kindLabel(c.kind, lang);
  const unit = c.noun?.[lang === 'en' ? 'en' : 'ar'] ?? String(c.unit ?? '').replace(/^[~%]+/, '');
  return unit ? `${kind}: ${unit}` : kind;
}

/**
 * 'agree', 'differ' or 'single' (figures of one outlet, nothing to compare
 * them with): what the engine's verdict means for a reader.
 */
export const verdictOf = (c) => {
  const v = String(c.verdict);
  return v.startsWith('agree') ? 'agree' : v === 'single' ? 'single' : 'differ';
};

/**
 * The best `n` of a passage's matches (best first), one per article: a
 * reader looks for each other outlet's counterpart, and an article's second
 * passage (its headline, say) would push another outlet's out.
 */
export function onePerArticle(matches, n) {
  const seen = new Set();
  return (matches ?? []).filter((m) => !seen.has(m.id) && seen.add(m.id)).slice(0, n);
}

// Matches asked of the engine per passage, so that `onePerArticle` still
// has `top` articles to show after dropping an article's further passages.
const CANDIDATES = 10;

/**
 * The comparison of article `id` of `lib` (an engine Library), or null
 * when it is not saved.
 */
export function compareArticle(lib, id, { top = 3 } = {}) {
  const article = lib.get(id);
  if (!article) return null;
  const cache = new Map([[id, article]]);
  const get = (aid) => {
    if (!cache.has(aid)) cache.set(aid, lib.get(aid));
    return cache.get(aid);
  };
  const found = lib.match(id, { top: CANDIDATES, sameEvent: true });
  const byStart = new Map((Array.isArray(found) ? found : []).map((pm) => [pm.start, onePerArticle(pm.matches, top)]));

  const passages = article.passages.map((p, index) => ({
    index,
    start: p.start,
    end: p.end,
    text: article.text.slice(p.start, p.end),
    counterparts: (byStart.get(p.start) ?? []).flatMap((m) => {
      const other = get(m.id);
      if (!other) return [];
      return [
        {
          id: m.id,
          outlet: other.outlet,
          title: other.title ?? '',
          url: other.url ?? '',
          text: other.text.slice(m.start, m.end),
          relation: m.relation,
          wire: Boolean(m.wire),
          score: m.score,
          conflicts: m.why?.conflicts ?? [],
        },
      ];
    }),
  }));

  const events = lib.events();
  const event = (Array.isArray(events) ? events : []).find((e) => e.articles.includes(id));
  const members = (event?.articles ?? [id]).map(get).filter(Boolean);
  const outlets = [...new Set(members.map((a) => a.outlet))];

  // Entity coverage: one row per entity id, one column per outlet, named
  // by its canonical name (or a spelling of it from the texts).
  const rows = new Map();
  for (const a of members) {
    for (const e of a.entities ?? []) {
      const key = e.id || e.text;
      if (!rows.has(key)) rows.set(key, { id: key, surfaces: new Set(), type: e.type, outlets: new Set() });
      rows.get(key).outlets.add(a.outlet);
      rows.get(key).surfaces.add(e.text);
    }
  }
  const coverage = {
    outlets,
    rows: [...rows.values()]
      .map((r) => ({
        id: r.id,
        label: displayName(r.id, [...r.surfaces]),
        type: r.type,
        present: outlets.map((o) => r.outlets.has(o)),
      }))
      .sort((a, b) => b.present.filter(Boolean).length - a.present.filter(Boolean).length || a.id.localeCompare(b.id)),
  };

  // Each claim's counted noun as the articles write it ("مدني", or
  // "civilian" in English), from the number mentions behind it.
  const nounOf = (c) => {
    for (const m of c.mentions ?? []) {
      const n = get(m.id)?.numbers?.find((x) => x.start === m.start);
      if (n?.unit) return { ar: n.unit, en: n.unit_en || n.unit };
    }
    return null;
  };
  const claims = lib.claims(id);
  const withWire = passages.filter((p) => p.counterparts.some((c) => c.wire)).length;
  return {
    article: { id, title: article.title ?? '', outlet: article.outlet, url: article.url ?? '' },
    outlets,
    passages,
    onlyHere: passages.filter((p) => p.counterparts.length === 0).map((p) => p.index),
    // What outlets agree or differ on first; one outlet's figures after.
    claims: (Array.isArray(claims) ? claims : [])
      .map((c) => ({ ...c, noun: nounOf(c) }))
      .sort((a, b) => (verdictOf(a) === 'single') - (verdictOf(b) === 'single')),
    coverage,
    wireShare: passages.length ? withWire / passages.length : 0,
  };
}

/**
 * Passages of `lib`'s articles matching the passages of `text` (a text
 * being read, not necessarily saved): `{passages: [{start, end, matches:
 * [{id, outlet, title, url, text, relation, wire}]}], mentionedBy:
 * {entityId: [outlet]}}`, offsets in `text`. `id` (the text's own saved
 * copy) and `outlet` are left out; `urlOf(article)` gives a match's link.
 */
export function matchPassages(lib, text, { id = null, outlet = '', urlOf = (a) => a.url ?? '', top = 3 } = {}) {
  const opts = { top: CANDIDATES, sameEvent: true };
  // A saved text is asked for by id: the engine then knows its event for
  // sure; its offsets are those of `text` since the two are equal.
  const saved = id ? lib.get(id) : null;
  const found =
    saved && saved.text === text
      ? lib.match(id, opts)
      : lib.match({ text, id: id ?? undefined, outlet: outlet || undefined }, opts);
  if (!Array.isArray(found)) return found; // {error}
  const articles = new Map();
  const get = (aid) => {
    if (!articles.has(aid)) articles.set(aid, lib.get(aid));
    return articles.get(aid);
  };
  const passages = found
    .filter((pm) => pm.matches?.length)
    .map((pm) => ({
      start: pm.start,
      end: pm.end,
      matches: onePerArticle(pm.matches, top).flatMap((m) => {
        const a = get(m.id);
        if (!a) return [];
        return [
          {
            id: m.id,
            outlet: a.outlet,
            title: a.title ?? '',
            url: urlOf(a),
            text: a.text.slice(m.start, m.end),
            relation: m.relation,
            wire: Boolean(m.wire),
          },
        ];
      }),
    }));
  const mentionedBy = {};
  for (const meta of lib.list()) {
    if (meta.id === id) continue;
    for (const e of get(meta.id)?.entities ?? []) {
      const list = (mentionedBy[e.id] ??= []);
      if (!list.includes(meta.outlet)) list.push(meta.outlet);
    }
  }
  return { passages, mentionedBy };
}

/**
 * The one value a mention of a claim of `kind` states, as text: "1,500",
 * "200–999"; a year is a name, not a quantity, so "2017", never "2,017".
 */
export function figure(m, kind = '') {
  const f = (x) => (typeof x !== 'number' ? '' : kind === 'year' ? String(x) : x.toLocaleString('en-US'));
  if (typeof m.value === 'number') return f(m.value);
  if (typeof m.low === 'number' || typeof m.high === 'number') return `${f(m.low)}–${f(m.high)}`;
  return m.text ?? '';
}

/**
 * A claim's mentions, one row per outlet (in the order they come): an
 * article may repeat a figure, and an outlet that repeats one is still one
 * voice. `{outlet, articles, mentions}`: the ids of its articles, and its
 * mentions with each distinct figure once (the first that states it).
 */
export function outletRows(claim) {
  const rows = new Map();
  for (const m of claim.mentions ?? []) {
    if (!rows.has(m.outlet)) rows.set(m.outlet, { outlet: m.outlet, articles: [], mentions: [] });
    const row = rows.get(m.outlet);
    if (!row.articles.includes(m.id)) row.articles.push(m.id);
    if (!row.mentions.some((x) => figure(x, claim.kind) === figure(m, claim.kind))) row.mentions.push(m);
  }
  return [...rows.values()];
}

/** A mention's own words, where they say more than its figure ("نحو 1500"). */
export const saysMore = (m, kind = '') => m.text.replace(/[,٬\s]/g, '') !== figure(m, kind).replace(/,/g, '');

// Several figures or texts in one cell.
const joined = (xs) => [...new Set(xs)].join(' / ');

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The comparison as Markdown (headings and tables), in `lang`. */
export function toMarkdown(model, lang = 'ar') {
  const S = strings(lang);
  const out = [`# ${cell(model.article.title || model.article.id)} — ${cell(model.article.outlet)}`, ''];
  out.push(`${S.wireShare}: ${Math.round(model.wireShare * 100)}%`, '');
  out.push(`## ${S.claims}`, '', `| ${S.claim} | ${S.outlet} | ${S.figure} | ${S.text} | ${S.verdict} |`, '| --- | --- | --- | --- | --- |');
  for (const c of model.claims) {
    for (const r of outletRows(c)) {
      const text = joined(r.mentions.filter((m) => saysMore(m, c.kind)).map((m) => m.text));
      out.push(`| ${cell(claimLabel(c, lang))} | ${cell(r.outlet)} | ${cell(joined(r.mentions.map((m) => figure(m, c.kind))))} | ${cell(text)} | ${S[verdictOf(c)]} |`);
    }
  }
  out.push('', `## ${S.aligned}`, '', `| ${S.passage} | ${S.outlet} | ${S.relation} | ${S.counterpart} |`, '| --- | --- | --- | --- |');
  for (const p of model.passages) {
    if (!p.counterparts.length) out.push(`| ${cell(p.text)} | — | ${S.onlyHere} | |`);
    for (const c of p.counterparts) out.push(`| ${cell(p.text)} | ${cell(c.outlet)} | ${cell(relationName(c, lang))} | ${cell(c.text)} |`);
  }
  out.push('', `## ${S.coverage}`, '', `| ${S.entity} | ${model.coverage.outlets.map(cell).join(' | ')} |`);
  out.push(`| --- | ${model.coverage.outlets.map(() => '---').join(' | ')} |`);
  for (const r of model.coverage.rows) out.push(`| ${cell(r.label)} | ${r.present.map((x) => (x ? '✓' : '')).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

// A counterpart's relation as the popovers name it, wire copy said too.
function relationName(c, lang) {
  const name = relationLabel(c.relation, lang);
  return c.wire ? `${name}, ${strings(lang).wire}` : name;
}

const csvField = (s) => {
  const v = String(s ?? '');
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/**
 * The numeric claims as CSV, in `lang`: one row per outlet per claim, its
 * distinct figures and texts separated by " / ".
 */
export function toCSV(model, lang = 'ar') {
  const S = strings(lang);
  const rows = [[S.claim, S.verdict, S.outlet, S.figure, S.text, S.articles]];
  for (const c of model.claims) {
    for (const r of outletRows(c)) {
      const text = joined(r.mentions.filter((m) => saysMore(m, c.kind)).map((m) => m.text));
      rows.push([claimLabel(c, lang), S[verdictOf(c)], r.outlet, joined(r.mentions.map((m) => figure(m, c.kind))), text, r.articles.join(' ')]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
