// One reading session over a page or the demo's article: locate the text,
// ask the engine for annotations, turn them into live ranges, paint them,
// keep the legend's toggles, and show a popover for the mark under the
// pointer or the one reached with the legend's previous/next buttons.
//
// The engine call is passed in (`analyze(text)`), so the content script can
// route it through the background and the demo can call the engine module
// directly; `related(mark)` may add matching passages from saved articles.
// Everything else is the same code in both.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.reader`. Depends on textMap, highlightPaint,
// numberFormat, entityName and overlay being loaded first.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const ENTITY_LABELS = {
    PER: { ar: 'شخص', en: 'person' },
    ORG: { ar: 'منظمة', en: 'organization' },
    LOC: { ar: 'مكان', en: 'place' },
  };
  const KINDS = ['number', 'PER', 'ORG', 'LOC'];

  // The next task: scheduler.yield() resumes ahead of other queued work
  // where the browser has it.
  const nextTask = (win) => (win.scheduler?.yield ? win.scheduler.yield() : new Promise((r) => win.setTimeout(r, 0)));

  /**
   * The text to analyse for `paragraphs` under `root`, at most textMap.MAX_TEXT
   * long, and its map back to the page (textMap.locate), found in slices
   * of a few ms so the page never waits on it for long.
   */
  async function locate(doc, root, paragraphs) {
    const win = doc.defaultView;
    const located = await T.textMap.locateSliced(root, paragraphs, { limit: T.textMap.MAX_TEXT, pause: () => nextTask(win) });
    win.performance.mark('tabayyun:located');
    return located;
  }

  /** What a popover shows for a mark (without matching passages). */
  function card(mark, lang = 'ar') {
    if (mark.kind === 'number') return T.numberFormat.describe(mark.data, lang);
    const e = mark.data;
    return {
      title: ENTITY_LABELS[e.type]?.[lang] ?? String(e.type),
      value: T.entityName.displayName(e.id, [e.text]),
      source: e.text,
      details: [],
    };
  }

  /**
   * Starts a session on `doc`: `{run(root, paragraphs, analyze), marks(),
   * setMatches(n)}`. `related(mark)` (optional) resolves to what a popover
   * adds: `{details: [[label, text]], matches: [{outlet, relation,
   * conflict, text, href}]}`.
   */
  function createSession({ doc, lang = 'ar', related = null, colours = T.highlightPaint.COLOURS }) {
    const win = doc.defaultView;
    const hidden = new Set();
    let marks = [];
    let current = null;
    let focusIndex = -1;
    let generation = 0;
    // `{read, total}` when the page's text was longer than textMap.MAX_TEXT.
    let truncated = null;
    const overlay = T.overlay.create(doc, {
      lang,
      onToggle: (kind) => {
        if (hidden.has(kind)) hidden.delete(kind);
        else hidden.add(kind);
        repaint();
      },
      onStep: (delta) => step(delta),
      onEscape: () => activate(null),
    });

    const visible = () => marks.filter((m) => !hidden.has(m.kind));
    // A User Timing mark per stage (visible in the browser's profiler);
    // returns its time.
    const stamp = (stage) => win.performance.mark(`tabayyun:${stage}`).startTime;
    const scheme = () => (win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

    function repaint() {
      T.highlightPaint.paint(doc, visible());
      const counts = {};
      for (const k of KINDS) counts[k] = marks.filter((m) => m.kind === k).length;
      const swatches = Object.fromEntries(KINDS.map((k) => [k, colours[k]?.[scheme()]]));
      overlay.setLegend(counts, hidden, swatches);
      if (current && hidden.has(current.kind)) activate(null);
    }

    // Shows `mark`'s popover at `rect` (or hides it with null); matching
    // passages arrive later and are shown only if the mark is still active.
    function activate(mark, rect) {
      current = mark;
      T.highlightPaint.setActive(doc, mark);
      if (!mark) {
        overlay.hide();
        return;
      }
      const c = card(mark, lang);
      overlay.show(c, rect);
      if (related) {
        Promise.resolve(related(mark)).then(
          (extra) => {
            if (current !== mark || !(extra?.matches?.length || extra?.details?.length)) return;
            overlay.show({ ...c, details: [...c.details, ...(extra.details ?? [])], matches: extra.matches }, rect);
          },
          () => {},
        );
      }
    }

    function step(delta) {
      const list = visible();
      if (!list.length) return;
      focusIndex = (((focusIndex + delta) % list.length) + list.length) % list.length;
      const mark = list[focusIndex];
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = mark.range.getClientRects()[0] ?? mark.range.getBoundingClientRect();
      activate(mark, rect);
    }

    /**
     * Analyses the `paragraphs` found under `root` and paints the result;
     * `alongside(text)`, if given, runs at the same time as `analyze` and
     * is awaited before the state says ready. Resolves to `{marks, text}`; on an engine error sets data-state=error
     * and data-error=<code> and resolves to `{marks: [], text, error}`. A
     * pass overtaken by a newer one leaves the page to the newer one.
     */
    async function run(root, paragraphs, analyze, { alongside = null } = {}) {
      const mine = ++generation;
      overlay.setState('working');
      const located = await locate(doc, root, paragraphs);
      if (mine !== generation) return { marks, text: '', stale: true };
      let result;
      let besides = null;
      try {
        if (located.text && alongside) besides = Promise.resolve(alongside(located.text)).catch(() => {});
        result = located.text ? await analyze(located.text) : { numbers: [], entities: [] };
      } catch (err) {
        result = { error: { code: 'engine_unavailable', message: String(err?.message ?? err) } };
      }
      if (mine !== generation) return { marks, text: located.text, stale: true };
      stamp('analyzed');
      if (!result || result.error) {
        activate(null);
        focusIndex = -1;
        const error = result?.error ?? { code: 'engine_unavailable', message: 'no answer' };
        marks = [];
        T.highlightPaint.clear(doc);
        overlay.host.dataset.error = error.code;
        overlay.setState('error', { numbers: 0, entities: 0 });
        return { marks, text: located.text, error };
      }
      const wanted = [
        ...(result.numbers ?? []).map((n) => ['number', n]),
        ...(result.entities ?? []).filter((e) => ENTITY_LABELS[e.type]).map((e) => [e.type, e]),
      ];
      const found = [];
      // Tens of thousands of marks on a huge page: ranges are made in
      // slices of a few ms, so the page keeps answering meanwhile.
      let slice = win.performance.now();
      for (let i = 0; i < wanted.length; i++) {
        const [kind, data] = wanted[i];
        const range = T.textMap.rangeFor(located, data.start, data.end);
        if (range) found.push({ kind, range, data });
        if (i % 256 === 255 && win.performance.now() - slice > 8) {
          await nextTask(win);
          if (mine !== generation) return { marks, text: located.text, stale: true };
          slice = win.performance.now();
        }
      }
      activate(null);
      focusIndex = -1;
      marks = found;
      truncated = located.truncated ? { read: located.text.length, total: paragraphs.reduce((n, p) => n + p.length + 2, -2) } : null;
      overlay.setTruncated(truncated);
      repaint();
      delete overlay.host.dataset.error;
      const counts = {
        numbers: marks.filter((m) => m.kind === 'number').length,
        entities: marks.filter((m) => m.kind !== 'number').length,
      };
      // When this pass's highlights were registered, in ms since the page's
      // navigation started: what the page-paint benchmark reads.
      overlay.host.dataset.paintedMs = stamp('painted').toFixed(1);
      // The highlights do not wait for `alongside` (matching passages); the
      // state says ready once it is done too, so what it sets is there by then.
      if (besides) {
        overlay.setState('working');
        await besides;
        if (mine !== generation) return { marks, text: located.text, stale: true };
      }
      overlay.setState('ready', counts);
      return { marks, text: located.text };
    }

    // The pointer: hit-test at most once per animation frame. Leaving a
    // mark hides its popover after a moment, so the pointer can cross the
    // gap to the popover and follow a link in it.
    let x = 0;
    let y = 0;
    let queued = false;
    let overHost = false;
    let hideTimer = 0;
    const check = () => {
      queued = false;
      const hit = T.highlightPaint.hitTest(visible(), x, y);
      if (hit) {
        clearTimeout(hideTimer);
        if (hit.mark !== current) activate(hit.mark, hit.rect);
      } else if (current) {
        clearTimeout(hideTimer);
        hideTimer = win.setTimeout(() => overHost || activate(null), 300);
      }
    };
    doc.addEventListener(
      'mousemove',
      (ev) => {
        overHost = ev.composedPath().includes(overlay.host);
        if (overHost) {
          clearTimeout(hideTimer);
          return;
        }
        x = ev.clientX;
        y = ev.clientY;
        if (!queued) {
          queued = true;
          win.requestAnimationFrame(check);
        }
      },
      { passive: true },
    );
    doc.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && current) activate(null);
    });
    win.addEventListener('scroll', () => current && !overlay.host.matches(':focus-within') && activate(null), {
      passive: true,
    });

    return {
      overlay,
      run,
      marks: () => marks,
      /** `{read, total}` (UTF-16 units) when only part of the text was read, else null. */
      truncated: () => truncated,
      /** Sets `data-matches`: how many marks have matching passages. */
      setMatches: (n) => overlay.setState(overlay.host.dataset.state, { matches: n }),
    };
  }

  T.reader = Object.freeze({ card, locate, createSession });
})();
