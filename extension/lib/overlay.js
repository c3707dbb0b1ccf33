// The only element Tabayyun adds to a page: `<tabayyun-root>`, whose shadow
// root holds every piece of UI (popover, legend). The host carries the
// state tests and scripts may read: `data-state` (working|ready|error),
// the counts `data-entities`, `data-numbers`, `data-matches`, and
// `data-notice=too_long` when only part of the page's text was read.
//
// Text from the page or the engine only ever reaches the UI through
// `textContent`; no HTML is built from it. The legend's buttons are in the
// page's tab order, so every highlight is reachable from the keyboard.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.overlay`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const STRINGS = {
    ar: {
      name: 'تبيّن', number: 'أرقام', PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن',
      next: 'التالي', previous: 'السابق', collapse: 'طي', expand: 'تبيّن',
      working: 'جار التحليل…', error: 'تعذر التحليل', matches: 'مقاطع مطابقة', open: 'افتح المقال',
      tooLong: (read, total) => `نص هذه الصفحة طويل جدا: قُرئ أول ${read} حرف منه فقط، من نحو ${total}.`,
    },
    en: {
      name: 'Tabayyun', number: 'Numbers', PER: 'People', ORG: 'Organizations', LOC: 'Places',
      next: 'Next', previous: 'Previous', collapse: 'Hide', expand: 'Tabayyun',
      working: 'Reading…', error: 'Could not read', matches: 'Matching passages', open: 'Open the article',
      tooLong: (read, total) => `This page's text is very long: only its first ${read} characters were read, of about ${total}.`,
    },
  };

  const STYLE = `
    :host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0;
            z-index: 2147483647; }
    .popover, .legend { box-sizing: border-box; border-radius: .5rem;
               font: 14px/1.5 system-ui, "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif;
               background: #fffdf5; color: #1a1a1a; border: 1px solid #c9b36b;
               box-shadow: 0 4px 16px rgb(0 0 0 / .18); text-align: start; }
    .popover { position: fixed; width: max-content; max-width: min(24rem, calc(100vw - 8px)); min-width: 8rem;
               max-height: min(70vh, 30rem); overflow: auto; padding: .5rem .75rem; }
    .popover[hidden], .legend[hidden], .body[hidden] { display: none; }
    .title { font-size: 12px; color: #6b5a1e; }
    .value { font-size: 20px; font-weight: 700; unicode-bidi: isolate; }
    [dir=rtl] .value { text-align: right; } [dir=ltr] .value { text-align: left; }
    .source { color: #444; }
    dl { margin: .25rem 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; }
    dt { color: #666; } dd { margin: 0; }
    .matches { margin: .5rem 0 0; padding: .5rem 0 0; border-top: 1px solid #e3d9b5; list-style: none; }
    .matches li { margin: 0 0 .4rem; }
    .matches .outlet { font-weight: 600; }
    .matches .relation { font-size: 12px; padding: 0 .3rem; border-radius: .2rem; background: #eee7cf; }
    .matches .relation.conflict { background: #ffd2cc; color: #7a1a0d; }
    .matches a { color: #0b57d0; }
    .legend { position: fixed; bottom: 12px; left: 12px; padding: .4rem .6rem; max-width: 20rem; }
    .legend .head { display: flex; gap: .5rem; align-items: center; justify-content: space-between; }
    .legend .name { font-weight: 700; color: #8a6d00; }
    .legend .status { font-size: 12px; color: #666; }
    .legend .notice { margin: .3rem 0 0; font-size: 12px; color: #7a4a00; }
    .legend .notice[hidden] { display: none; }
    .kinds { display: flex; flex-wrap: wrap; gap: .3rem; margin: .4rem 0; }
    button { font: inherit; font-size: 13px; border: 1px solid #c9b36b; border-radius: .3rem;
             background: transparent; color: inherit; padding: .05rem .45rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #ff9800; outline-offset: 1px; }
    .kind { display: inline-flex; gap: .3rem; align-items: center; }
    .kind .swatch { width: .8rem; height: .8rem; border-radius: .2rem; display: inline-block; }
    .kind[aria-pressed=false] { opacity: .5; text-decoration: line-through; }
    .steps { display: flex; gap: .3rem; }
    @media (prefers-color-scheme: dark) {
      .popover, .legend { background: #262318; color: #f2efe4; border-color: #7a6a2e; }
      .title, .legend .name { color: #e0c766; } .source { color: #cfcabb; }
      dt, .legend .status { color: #b5b0a0; } .legend .notice { color: #ffcc80; }
      .matches { border-color: #4a4330; } .matches .relation { background: #3d3826; }
      .matches .relation.conflict { background: #5c2018; color: #ffd2cc; } .matches a { color: #8ab4f8; }
    }`;

  /**
   * Creates the host element in `doc` (appended to the root element, so a
   * page replacing `<body>` cannot drop it) and returns the UI handle.
   * `options`: `{lang, onToggle(kind), onStep(delta), onEscape()}`.
   */
  function create(doc, options = {}) {
    const lang = options.lang === 'en' ? 'en' : 'ar';
    const S = STRINGS[lang];
    const dir = lang === 'ar' ? 'rtl' : 'ltr';
    const el = T.elementBuilder(doc);

    const host = doc.createElement('tabayyun-root');
    host.dataset.state = 'working';
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];

    // Announced when it changes, for readers who walk the marks by keyboard.
    const pop = el('div', { class: 'popover', role: 'tooltip', 'aria-live': 'polite', lang, dir, 'data-testid': 'popover' });
    pop.hidden = true;

    // The legend: name and state, one toggle per kind present, and
    // previous/next buttons that walk the highlights from the keyboard.
    const status = el('span', { class: 'status', 'data-testid': 'legend-status', text: S.working });
    const collapseBtn = el('button', { type: 'button', 'aria-expanded': 'true', text: S.collapse });
    const kinds = el('div', { class: 'kinds', role: 'group' });
    const prev = el('button', { type: 'button', 'data-testid': 'previous-mark', text: S.previous });
    const next = el('button', { type: 'button', 'data-testid': 'next-mark', text: S.next });
    const body = el('div', { class: 'body' }, kinds, el('div', { class: 'steps' }, prev, next));
    // Said even when the legend is collapsed: the reader must not take a
    // part of the page for all of it.
    const notice = el('p', { class: 'notice', role: 'status', 'data-testid': 'legend-notice' });
    notice.hidden = true;
    const legend = el(
      'div',
      { class: 'legend', lang, dir, 'data-testid': 'legend', role: 'region', 'aria-label': S.name },
      el('div', { class: 'head' }, el('span', { class: 'name', text: S.name }), status, collapseBtn),
      notice,
      body,
    );
    legend.hidden = true;
    collapseBtn.addEventListener('click', () => {
      body.hidden = !body.hidden;
      collapseBtn.setAttribute('aria-expanded', String(!body.hidden));
      collapseBtn.textContent = body.hidden ? S.expand : S.collapse;
    });
    prev.addEventListener('click', () => options.onStep?.(-1));
    next.addEventListener('click', () => options.onStep?.(1));
    shadow.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') options.onEscape?.();
    });
    shadow.append(pop, legend);
    doc.documentElement.append(host);

    function setState(state, counts = {}) {
      host.dataset.state = state;
      for (const key of ['entities', 'numbers', 'matches']) {
        if (key in counts) host.dataset[key] = String(counts[key]);
      }
      status.textContent = state === 'working' ? S.working : state === 'error' ? S.error : '';
    }

    /**
     * Shows the legend: `counts` is `{kind: n}` for the kinds present,
     * `hidden` the set of kinds toggled off, `colours` `{kind: css colour}`.
     */
    function setLegend(counts, hidden, colours) {
      const buttons = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => {
          const b = el(
            'button',
            { type: 'button', class: 'kind', 'aria-pressed': String(!hidden.has(kind)), 'data-kind': kind },
            el('span', { class: 'swatch' }),
            el('span', { text: `${S[kind] ?? kind} ${n}` }),
          );
          b.firstChild.style.background = colours[kind] ?? '#ccc';
          b.addEventListener('click', () => options.onToggle?.(kind));
          return b;
        });
      kinds.replaceChildren(...buttons);
      legend.hidden = buttons.length === 0 && notice.hidden;
    }

    /**
     * Says that only part of the page was read (`{read, total}`, in UTF-16
     * units) or, with null, that all of it was; `data-notice` on the host
     * says `too_long` meanwhile.
     */
    function setTruncated(part) {
      const digits = (n) => Math.round(n).toLocaleString('en-US');
      notice.hidden = !part;
      notice.textContent = part ? S.tooLong(digits(part.read), digits(part.total)) : '';
      if (part) {
        host.dataset.notice = 'too_long';
        legend.hidden = false;
      } else {
        delete host.dataset.notice;
      }
    }

    /**
     * Shows a card `{title, value, source, details: [[label, text]],
     * matches: [{outlet, relation, conflict, text, href}]}` next to
     * `anchor` (a DOMRect in client coordinates).
     */
    function show(card, anchor) {
      const children = [el('div', { class: 'title', text: card.title })];
      // Its own direction: "1,500" reads left to right, "28 أغسطس 2013"
      // or a name right to left, whatever the interface's language.
      if (card.value) children.push(el('div', { class: 'value', dir: 'auto', text: card.value }));
      // "1500" under "1,500" says nothing; "خمسة آلاف" under "5,000" does.
      const plain = (s) => String(s ?? '').replace(/[,\s]/g, '');
      if (card.source && plain(card.source) !== plain(card.value)) {
        children.push(el('div', { class: 'source', text: card.source }));
      }
      if (card.details?.length) {
        children.push(el('dl', {}, ...card.details.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })])));
      }
      if (card.matches?.length) {
        const items = card.matches.map((m) => {
          const li = el(
            'li',
            { 'data-testid': 'match' },
            el('span', { class: 'outlet', text: m.outlet }),
            ' ',
            el('span', { class: m.conflict ? 'relation conflict' : 'relation', text: m.relation }),
            el('div', { text: m.text }),
          );
          // Only extension or http(s) links; a saved URL is data, not code.
          if (m.href && /^(https?|chrome-extension|moz-extension):/.test(m.href)) {
            li.append(el('a', { href: m.href, target: '_blank', rel: 'noopener', text: S.open }));
          }
          return li;
        });
        children.push(el('ul', { class: 'matches', 'aria-label': S.matches }, ...items));
      }
      pop.replaceChildren(...children);
      pop.hidden = false;
      place(anchor);
    }

    // Below the anchor when there is room, above otherwise; never outside
    // the viewport.
    function place(anchor) {
      const win = doc.defaultView;
      const w = pop.offsetWidth;
      const h = pop.offsetHeight;
      let top = anchor.bottom + 6;
      if (top + h > win.innerHeight) top = anchor.top - h - 6 >= 0 ? anchor.top - h - 6 : win.innerHeight - h - 4;
      const left = Math.min(Math.max(4, anchor.right - w), Math.max(4, win.innerWidth - w - 4));
      pop.style.top = `${Math.max(4, top)}px`;
      pop.style.left = `${left}px`;
    }

    function hide() {
      pop.hidden = true;
    }

    return {
      host,
      shadow,
      lang,
      setState,
      setLegend,
      setTruncated,
      show,
      hide,
      get visible() {
        return !pop.hidden;
      },
    };
  }

  T.overlay = Object.freeze({ create });
})();
