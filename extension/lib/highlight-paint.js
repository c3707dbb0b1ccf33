// Paints marks (numbers, entities) with the CSS Custom Highlight API and
// finds the mark under the pointer. Painting never touches the page's DOM:
// the ranges live in `CSS.highlights` and the `::highlight()` rules in an
// adopted constructed stylesheet.
//
// A mark is `{kind, range, data}` with kind 'number', 'PER', 'ORG' or 'LOC'.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.highlightPaint`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  /** Highlight names, one per kind, plus the mark under the pointer. */
  const NAMES = Object.freeze({
    number: 'tabayyun-number',
    PER: 'tabayyun-per',
    ORG: 'tabayyun-org',
    LOC: 'tabayyun-loc',
    active: 'tabayyun-active',
  });

  /** Default colours per kind, light and dark; the options page may override. */
  const COLOURS = Object.freeze({
    number: { light: '#ffd54a', dark: '#8a6d00' },
    PER: { light: '#9fd3ff', dark: '#1e5a8a' },
    ORG: { light: '#b5e8a8', dark: '#2f6b22' },
    LOC: { light: '#f2b8f0', dark: '#7a2f76' },
  });

  const sheets = new WeakMap();

  function css(colours) {
    const rule = (kind, scheme) =>
      `::highlight(${NAMES[kind]}) { background-color: ${colours[kind][scheme]}; color: inherit; }`;
    const kinds = ['number', 'PER', 'ORG', 'LOC'];
    return [
      ...kinds.map((k) => rule(k, 'light')),
      `::highlight(${NAMES.number}) { text-decoration: underline dotted #7a5c00; }`,
      `::highlight(${NAMES.active}) { background-color: #ff9800; color: #000; }`,
      '@media (prefers-color-scheme: dark) {',
      ...kinds.map((k) => rule(k, 'dark')),
      `::highlight(${NAMES.number}) { text-decoration: underline dotted #ffd54a; }`,
      `::highlight(${NAMES.active}) { background-color: #ffb74d; color: #000; }`,
      '}',
    ].join('\n');
  }

  /**
   * Adds (or updates) the `::highlight` rules in `doc.adoptedStyleSheets`,
   * which styles the page without adding an element to it.
   */
  function installStyles(doc, colours = COLOURS) {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new doc.defaultView.CSSStyleSheet();
      sheets.set(doc, sheet);
    }
    sheet.replaceSync(css({ ...COLOURS, ...colours }));
    if (!doc.adoptedStyleSheets.includes(sheet)) {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    }
  }

  function supported(doc) {
    const win = doc.defaultView;
    return Boolean(win && win.CSS && win.CSS.highlights && win.Highlight);
  }

  /** Replaces every Tabayyun highlight in `doc` by `marks`. */
  function paint(doc, marks) {
    const win = doc.defaultView;
    const groups = new Map();
    for (const m of marks) {
      const name = NAMES[m.kind];
      if (!name) continue;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(m.range);
    }
    for (const [kind, name] of Object.entries(NAMES)) {
      if (kind === 'active') continue;
      const ranges = groups.get(name);
      if (ranges && ranges.length) {
        const h = new win.Highlight(...ranges);
        // Numbers sit inside entity-free text mostly; when they overlap an
        // entity the number's colour wins, it is what the reader compares.
        h.priority = kind === 'number' ? 1 : 0;
        win.CSS.highlights.set(name, h);
      } else {
        win.CSS.highlights.delete(name);
      }
    }
  }

  /** Marks `mark` as the one under the pointer (or none with null). */
  function setActive(doc, mark) {
    const win = doc.defaultView;
    if (mark) {
      const h = new win.Highlight(mark.range);
      h.priority = 2;
      win.CSS.highlights.set(NAMES.active, h);
    } else {
      win.CSS.highlights.delete(NAMES.active);
    }
  }

  /** Removes every Tabayyun highlight from `doc`. */
  function clear(doc) {
    for (const name of Object.values(NAMES)) doc.defaultView.CSS.highlights.delete(name);
  }

  /**
   * The mark whose rendered text contains the point (client coordinates),
   * and the rectangle hit, or null. Rectangles are read at call time, so
   * scrolling and reflow never leave a stale answer.
   */
  function hitTest(marks, x, y) {
    for (const m of marks) {
      for (const r of m.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) {
          return { mark: m, rect: r };
        }
      }
    }
    return null;
  }

  T.highlightPaint = Object.freeze({ NAMES, COLOURS, installStyles, supported, paint, setActive, clear, hitTest });
})();
