// The only element Tabayyun adds to a page: `<tabayyun-root>`, whose shadow
// root holds every piece of UI (popover, legend). The host carries the
// state tests and scripts may read: `data-state` (working|ready|error) and
// the counts `data-entities`, `data-numbers`, `data-matches`.
//
// Text from the page or the engine only ever reaches the UI through
// `textContent`; no HTML is built from it.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.overlay`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const STYLE = `
    :host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0;
            z-index: 2147483647; }
    .popover { position: fixed; max-width: 22rem; min-width: 8rem; box-sizing: border-box;
               padding: .5rem .75rem; border-radius: .5rem; direction: rtl; text-align: start;
               font: 14px/1.5 system-ui, "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif;
               background: #fffdf5; color: #1a1a1a; border: 1px solid #c9b36b;
               box-shadow: 0 4px 16px rgb(0 0 0 / .18); }
    .popover[hidden] { display: none; }
    .title { font-size: 12px; color: #6b5a1e; }
    .value { font-size: 20px; font-weight: 700; direction: ltr; unicode-bidi: isolate; text-align: right; }
    .source { color: #444; }
    dl { margin: .25rem 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; }
    dt { color: #666; } dd { margin: 0; }
    @media (prefers-color-scheme: dark) {
      .popover { background: #262318; color: #f2efe4; border-color: #7a6a2e; }
      .title { color: #e0c766; } .source { color: #cfcabb; } dt { color: #b5b0a0; }
    }`;

  /**
   * Creates the host element in `doc` (appended to the root element, so a
   * page replacing `<body>` cannot drop it) and returns the UI handle.
   */
  function create(doc) {
    const host = doc.createElement('tabayyun-root');
    host.dataset.state = 'working';
    const shadow = host.attachShadow({ mode: 'open' });
    const sheet = new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];

    const pop = doc.createElement('div');
    pop.className = 'popover';
    pop.setAttribute('role', 'tooltip');
    pop.setAttribute('lang', 'ar');
    pop.dataset.testid = 'popover';
    pop.hidden = true;
    shadow.append(pop);
    doc.documentElement.append(host);

    function setState(state, counts = {}) {
      host.dataset.state = state;
      for (const key of ['entities', 'numbers', 'matches']) {
        if (key in counts) host.dataset[key] = String(counts[key]);
      }
    }

    function line(cls, text) {
      const el = doc.createElement('div');
      el.className = cls;
      el.textContent = text;
      return el;
    }

    /**
     * Shows a card `{title, value, source, details: [[label, text]]}` next
     * to `anchor` (a DOMRect in client coordinates).
     */
    function show(card, anchor) {
      const children = [line('title', card.title)];
      if (card.value) children.push(line('value', card.value));
      // "1500" under "1,500" says nothing; "خمسة آلاف" under "5,000" does.
      const plain = (s) => String(s ?? '').replace(/[,\s]/g, '');
      if (card.source && plain(card.source) !== plain(card.value)) children.push(line('source', card.source));
      if (card.details && card.details.length) {
        const dl = doc.createElement('dl');
        for (const [label, text] of card.details) {
          const dt = doc.createElement('dt');
          dt.textContent = label;
          const dd = doc.createElement('dd');
          dd.textContent = text;
          dl.append(dt, dd);
        }
        children.push(dl);
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
      const vw = win.innerWidth;
      const vh = win.innerHeight;
      let top = anchor.bottom + 6;
      if (top + h > vh && anchor.top - h - 6 >= 0) top = anchor.top - h - 6;
      const left = Math.min(Math.max(4, anchor.right - w), Math.max(4, vw - w - 4));
      pop.style.top = `${Math.max(4, top)}px`;
      pop.style.left = `${left}px`;
    }

    function hide() {
      pop.hidden = true;
    }

    function remove() {
      host.remove();
    }

    return { host, shadow, setState, show, hide, remove, get visible() { return !pop.hidden; } };
  }

  T.overlay = Object.freeze({ create });
})();
