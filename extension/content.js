// The content script: runs in the page's isolated world after the lib/
// scripts listed before it in the background's CONTENT_FILES (registered
// for the site list, or injected on request by scripting.executeScript). It
// never loads wasm; the background owns the engine. Nor does it run
// Readability: the page's HTML goes to the background, which extracts the
// article off the page's main thread, and only the mapping of that text
// back to the page's nodes runs here, in slices of a few ms.
//
// It reads the page once, then again whenever the page's text changes
// (debounced), so highlights are never left on stale text.
(async () => {
  const T = globalThis.Tabayyun;
  // Injected again on demand (toolbar, shortcut) into a page that already
  // runs it: the first instance stays in charge and just reads again.
  if (T.content) {
    T.content.read();
    return;
  }
  // Claimed before the first await, so a second injection meanwhile finds
  // it (the first pass reads the page anyway).
  T.content = { read() {} };
  // Each stage sets a User Timing mark (tabayyun:*): the page-paint
  // benchmark attributes long tasks by them.
  performance.mark('tabayyun:start');
  const MSG = T.messages;
  const ext = T.ext;
  const doc = document;
  // An XHTML page may have no <body>: its root element is read instead.
  const pageRoot = () => doc.body ?? doc.documentElement;
  // Any Arabic letter (Arabic, its supplements and presentation forms).
  const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
  // The worker may be asleep or evicted: sending wakes it, and the first
  // attempt can race its start-up, so one retry.
  async function ask(msg) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await ext.runtime.sendMessage(msg);
      } catch (err) {
        if (attempt >= 1) throw err;
      }
    }
  }

  // The article's paragraphs, found by the background in the page's HTML
  // (serializing this page's DOM takes about 1 ms); if it cannot answer,
  // the page's own <article> or <main> is read here. None on a page
  // without a single Arabic letter, which is then neither parsed nor sent
  // to the engine (a cheap test: textContent needs no layout).
  async function extractArticle() {
    if (!ARABIC.test(pageRoot().textContent)) return { title: doc.title, paragraphs: [] };
    const html = doc.documentElement.outerHTML;
    performance.mark('tabayyun:serialized');
    let found = null;
    try {
      found = await ask({ type: MSG.EXTRACT_ARTICLE, html });
    } catch {
      // answered below
    }
    performance.mark('tabayyun:extracted');
    return Array.isArray(found?.paragraphs) ? found : T.articleExtract.fallback(doc);
  }
  const settingsAsked = ext.storage.local.get(['colours', 'lang']);
  // Registered at document_start, the scripts are compiled and run while
  // the page is still loading; the reading itself waits for the parsed
  // DOM. (Injected on demand, the page is parsed already.)
  if (doc.readyState === 'loading') {
    await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  // The engine may have to start (compile the wasm, load its models):
  // waking it with the headline overlaps that with reading the article.
  if (ARABIC.test(doc.title)) analyze(doc.title).catch(() => {});
  // The page goes to the background in a task of its own, after the
  // page's own DOMContentLoaded handlers (which may add text); the settings
  // are read and the interface built while the background finds the
  // article and analyses it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let first = extractArticle();
  const settings = await settingsAsked;
  performance.mark('tabayyun:settings');
  const lang = ['ar', 'en'].includes(settings.lang)
    ? settings.lang
    : ext.i18n.getUILanguage().startsWith('ar')
      ? 'ar'
      : 'en';
  const palette = { ...T.highlightPaint.COLOURS, ...settings.colours };
  // Matching passages from saved articles for the text of the last pass.
  let matchResult = null;
  const session = T.reader.createSession({
    doc,
    lang,
    colours: palette,
    related: (mark) => T.relatedPassages.forMark(matchResult, mark, lang),
  });
  const overlay = session.overlay;
  let lastText = null;
  let lastArticle = null;
  let running = false;
  let again = false;

  if (!T.highlightPaint.supported(doc)) {
    overlay.host.dataset.error = 'highlight_api_missing';
    overlay.setState('error');
    return;
  }
  T.highlightPaint.installStyles(doc, palette);
  // Colours changed on the options page apply at once.
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.colours) {
      T.highlightPaint.installStyles(doc, { ...T.highlightPaint.COLOURS, ...changes.colours.newValue });
    }
  });

  async function analyze(text) {
    const r = await ask({ type: MSG.ANALYZE_TEXT, text });
    performance.mark('tabayyun:analysis-received');
    return r;
  }

  // The background analyses the paragraphs it found along with finding
  // them (`found.analysis`, for `textMap.joined(paragraphs)`): when they
  // all stand on the page as they are, that is the text located, and the
  // second round trip is saved.
  async function analyzeFound(found, text) {
    if (found.analysis?.text !== text) return analyze(text);
    performance.mark('tabayyun:analysis-received');
    return found.analysis.result;
  }

  async function read() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const found = await (first ?? extractArticle());
      first = null;
      const { title, paragraphs } = found;
      const key = paragraphs.join('\n');
      if (key === lastText && session.marks().every((m) => m.range.startContainer.isConnected)) return;
      lastText = key;
      // Matches are asked for with the analysis, so data-matches is set by
      // the time data-state says ready (the highlights do not wait for them).
      const pass = await session.run(pageRoot(), paragraphs, (text) => analyzeFound(found, text), { alongside: findMatches });
      lastArticle = { title, text: pass.text };
    } finally {
      running = false;
      if (again) {
        again = false;
        read();
      }
    }
  }

  let timer = 0;
  const observer = new MutationObserver((records) => {
    // Our own host element changes all the time; only the page's text counts.
    if (records.every((r) => overlay.host.contains(r.target))) return;
    clearTimeout(timer);
    timer = setTimeout(read, 700);
  });
  observer.observe(pageRoot(), { subtree: true, childList: true, characterData: true });

  async function findMatches(text) {
    matchResult = null;
    let r = null;
    try {
      r = await ext.runtime.sendMessage({ type: MSG.MATCH_TEXT, text, url: location.href, outlet: outlet() });
    } catch {
      // the library is a bonus: highlights stand without it
    }
    performance.mark('tabayyun:matches-received');
    if (r && !r.error) matchResult = r;
    session.setMatches(T.relatedPassages.matchedCount(matchResult));
  }

  const meta = (sel) => doc.querySelector(sel)?.getAttribute('content')?.trim() || '';
  // The outlet as the page names itself, else its host.
  const outlet = () => meta('meta[property="og:site_name"]') || location.hostname.replace(/^www\./, '');

  // What the background saves: the text that was read (or is read now, if
  // the first pass has not finished), and what the page says about itself.
  async function article() {
    let { title, text } = lastArticle ?? {};
    if (!lastArticle) {
      const found = await extractArticle();
      title = found.title;
      text = (await T.reader.locate(doc, pageRoot(), found.paragraphs)).text;
    }
    return {
      url: location.href,
      title: title || doc.title,
      outlet: outlet(),
      date:
        meta('meta[property="article:published_time"]') ||
        meta('meta[name="date"]') ||
        doc.querySelector('time[datetime]')?.getAttribute('datetime') ||
        '',
      text,
    };
  }

  ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type === MSG.PAGE_STATUS) {
      const { state, numbers, entities } = overlay.host.dataset;
      sendResponse({ state, numbers: Number(numbers ?? 0), entities: Number(entities ?? 0), truncated: session.truncated() });
      return false;
    }
    if (msg?.type !== MSG.GET_ARTICLE) return false;
    article().then(sendResponse, (err) =>
      sendResponse({ error: { code: 'invalid_input', message: String(err?.message ?? err) } }),
    );
    return true; // the answer is asynchronous
  });

  T.content = Object.freeze({ read });
  read();
})();
