// Renders a comparison (lib/compare-model.js) into a container: the numeric
// claims table with a small bar chart per claim, the aligned passages with
// what only this outlet reports, the entity coverage matrix and the share
// of wire copy, with Markdown and CSV export. Used by the side panel and
// the demo. All text goes in through textContent.

import { claimLabel, figure, outletRows, saysMore, strings, toCSV, toMarkdown, verdictOf } from './compare-model.js';
import './dom.js';
import './related-passages.js';

const { relationLabel } = globalThis.Tabayyun.relatedPassages;

// The panel's own words; the tables' are the exports' (compare-model.js).
const STRINGS = {
  ar: { exportMd: 'صدّر Markdown', exportCsv: 'صدّر CSV', noClaims: 'لا أرقام مشتركة مع مصادر أخرى بعد.' },
  en: { exportMd: 'Export Markdown', exportCsv: 'Export CSV', noClaims: 'No figures shared with other outlets yet.' },
};

/** Fills `container` with the comparison `model`; `lang` is 'ar' or 'en'. */
export function renderComparison(container, model, lang = 'ar') {
  const S = { ...strings(lang), ...STRINGS[lang === 'en' ? 'en' : 'ar'] };
  const doc = container.ownerDocument;
  const el = globalThis.Tabayyun.elementBuilder(doc);
  const table = (testid, head, rows) =>
    el(
      'div',
      { class: 'table-scroll' },
      el('table', { 'data-testid': testid }, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { text: h })))), el('tbody', {}, ...rows)),
    );

  // Claims: one group per claim, one row per outlet (an outlet repeating a
  // figure is one voice), each distinct figure it gives with a bar.
  const claimRows = [];
  for (const c of model.claims) {
    const rows = outletRows(c);
    const valueOf = (m) => m.value ?? m.high ?? m.low;
    const max = Math.max(1, ...c.mentions.map(valueOf).filter((v) => typeof v === 'number'));
    const verdict = verdictOf(c);
    rows.forEach((r, i) => {
      const bars = r.mentions.map((m) => {
        const v = valueOf(m);
        const bar = el('span', { class: 'bar' });
        bar.style.inlineSize = `${typeof v === 'number' ? Math.max(2, (v / max) * 100) : 0}%`;
        return bar;
      });
      const row = el(
        'tr',
        { class: i === 0 ? 'group-start' : '', 'data-verdict': verdict },
        el('td', { text: i === 0 ? claimLabel(c, lang) : '' }),
        el('td', { class: 'outlet', text: r.outlet }),
        el('td', { class: 'figure' }, ...r.mentions.flatMap((m, k) => [...(k ? [' / '] : []), el('bdi', { text: figure(m, c.kind) })])),
        el('td', { class: 'chart' }, ...bars),
        // The source text only where it says more than the value ("نحو 1500").
        el('td', {}, ...r.mentions.filter((m) => saysMore(m, c.kind)).map((m) => el('div', { text: m.text }))),
        el('td', { class: `verdict ${verdict}`, text: i === 0 ? S[verdict] : '' }),
      );
      claimRows.push(row);
    });
  }
  const claims = model.claims.length
    ? table('claims-table', [S.claim, S.outlet, S.figure, '', S.text, S.verdict], claimRows)
    : el('p', { 'data-testid': 'claims-table', class: 'muted', text: S.noClaims });

  // Aligned passages: this article's passage beside its counterparts.
  const alignedRows = model.passages.map((p) => {
    const others = p.counterparts.length
      ? el(
          'ul',
          {},
          ...p.counterparts.map((c) => {
            const head = el('div', { class: 'who' }, el('strong', { text: c.outlet }), ' ', el('span', { class: `relation ${c.relation}`, text: relationLabel(c.relation, lang) }));
            if (c.wire) head.append(' ', el('span', { class: 'relation wire', text: S.wire }));
            return el('li', {}, head, el('div', { text: c.text }));
          }),
        )
      : el('span', { class: 'only-here', text: S.onlyHere });
    return el('tr', { 'data-only-here': String(!p.counterparts.length) }, el('td', { text: p.text }), el('td', {}, others));
  });
  const aligned = table('aligned-passages', [S.passage, S.counterpart], alignedRows);

  // Coverage: entities × outlets.
  const coverage = table(
    'coverage-matrix',
    [S.entity, ...model.coverage.outlets],
    model.coverage.rows.map((r) =>
      el('tr', { 'data-type': r.type }, el('th', { scope: 'row', text: r.label }), ...r.present.map((x) => el('td', { class: x ? 'yes' : 'no', text: x ? '✓' : '' }))),
    ),
  );

  const download = (name, type, body) => {
    const a = el('a', { href: URL.createObjectURL(new Blob([body], { type })), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  };
  const md = el('button', { type: 'button', 'data-testid': 'export-markdown', text: S.exportMd });
  md.addEventListener('click', () => download(`tabayyun-${model.article.id}.md`, 'text/markdown', toMarkdown(model, lang)));
  const csv = el('button', { type: 'button', 'data-testid': 'export-csv', text: S.exportCsv });
  csv.addEventListener('click', () => download(`tabayyun-${model.article.id}.csv`, 'text/csv', toCSV(model, lang)));

  container.replaceChildren(
    el('p', { class: 'wire-share', 'data-testid': 'wire-share' }, `${S.wireShare}: `, el('bdi', { dir: 'ltr', text: `${Math.round(model.wireShare * 100)}%` })),
    el('div', { class: 'exports' }, md, csv),
    el('h2', { text: S.claims }),
    claims,
    el('h2', { text: S.aligned }),
    aligned,
    el('h2', { text: S.coverage }),
    coverage,
  );
}
