// One reading pass over a page or the demo's article: locate the text,
// ask the engine for annotations, turn them into live ranges, paint them,
// and show a popover for the mark under the pointer.
//
// The engine call is passed in (`analyze(text)`), so the content script can
// route it through the background and the demo can call the engine module
// directly; everything else is the same code in both.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.reader`. Depends on textMap, highlightPaint,
// numberFormat and overlay being loaded first.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const ENTITY_LABELS = {
    PER: { ar: 'شخص', en: 'person' },
    ORG: { ar: 'منظمة', en: 'organization' },
    LOC: { ar: 'مكان', en: 'place' },
  };

  /** What a popover shows for a mark. */
  function card(mark, lang = 'ar') {
    if (mark.kind === 'number') return T.numberFormat.describe(mark.data, lang);
    const e = mark.data;
    return {
      title: ENTITY_LABELS[e.type]?.[lang] ?? String(e.type),
      value: e.id || e.text,
      source: e.text,
      details: [],
    };
  }

  /**
   * Analyses the `paragraphs` found under `root` and paints the result.
   * Resolves to `{marks, text}`; on an engine error sets data-state=error
   * and data-error=<code> and resolves to `{marks: [], text, error}`.
   */
  async function run({ doc, root, paragraphs, analyze, overlay }) {
    overlay.setState('working');
    const located = T.textMap.locate(root, paragraphs);
    let result;
    try {
      result = located.text ? await analyze(located.text) : { numbers: [], entities: [] };
    } catch (err) {
      result = { error: { code: 'engine_unavailable', message: String(err?.message ?? err) } };
    }
    if (!result || result.error) {
      const error = result?.error ?? { code: 'engine_unavailable', message: 'no answer' };
      T.highlightPaint.clear(doc);
      overlay.host.dataset.error = error.code;
      overlay.setState('error', { numbers: 0, entities: 0, matches: 0 });
      return { marks: [], text: located.text, error };
    }
    const marks = [];
    const add = (kind, data) => {
      const range = T.textMap.rangeFor(located, data.start, data.end);
      if (range) marks.push({ kind, range, data });
    };
    for (const n of result.numbers ?? []) add('number', n);
    for (const e of result.entities ?? []) if (ENTITY_LABELS[e.type]) add(e.type, e);
    T.highlightPaint.paint(doc, marks);
    delete overlay.host.dataset.error;
    overlay.setState('ready', {
      numbers: marks.filter((m) => m.kind === 'number').length,
      entities: marks.filter((m) => m.kind !== 'number').length,
      matches: 0,
    });
    return { marks, text: located.text };
  }

  /**
   * Shows the popover of the mark under the pointer. `getMarks()` returns
   * the current marks (they change on every pass). Hit-testing runs at most
   * once per animation frame. Returns a function that detaches it.
   */
  function followPointer({ doc, overlay, getMarks, lang = 'ar' }) {
    const win = doc.defaultView;
    let x = 0;
    let y = 0;
    let queued = false;
    let current = null;
    const check = () => {
      queued = false;
      const hit = T.highlightPaint.hitTest(getMarks(), x, y);
      const mark = hit ? hit.mark : null;
      if (mark === current) return;
      current = mark;
      T.highlightPaint.setActive(doc, mark);
      if (hit) overlay.show(card(mark, lang), hit.rect);
      else overlay.hide();
    };
    const onMove = (ev) => {
      x = ev.clientX;
      y = ev.clientY;
      if (!queued) {
        queued = true;
        win.requestAnimationFrame(check);
      }
    };
    const onScroll = () => {
      current = null;
      T.highlightPaint.setActive(doc, null);
      overlay.hide();
    };
    doc.addEventListener('mousemove', onMove, { passive: true });
    win.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      doc.removeEventListener('mousemove', onMove);
      win.removeEventListener('scroll', onScroll);
    };
  }

  T.reader = Object.freeze({ card, run, followPointer });
})();
