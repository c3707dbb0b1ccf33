// Finds the article's paragraphs on a page. Readability runs on a copy of
// the page (it rewrites the tree it is given): in the extension, the page's
// serialized HTML parsed again in a document of the extension's own
// (`extractHtml`, off the page's main thread); in the demo, a clone
// (`extract`). Its output element is only read for text, grouped by block,
// and the live page is never touched. When Readability finds no article,
// the page's own <article>/<main> (or the body) is read block by block
// instead.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.articleExtract`. Uses `globalThis.Readability`
// when it is loaded (vendor/Readability.js).
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const BLOCKS = new Set([
    'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TD', 'TH',
    'FIGCAPTION', 'DD', 'DT', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'BODY',
  ]);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TABAYYUN-ROOT', 'NAV', 'ASIDE']);

  /** The text of `root`, one string per block element, in reading order. */
  function blocks(root) {
    const doc = root.ownerDocument;
    const out = [];
    let key = null;
    let buf = '';
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          return SKIP.has(node.nodeName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let b = node.parentNode;
      while (b && b !== root && !BLOCKS.has(b.nodeName.toUpperCase())) b = b.parentNode;
      if (b !== key) {
        if (buf.trim()) out.push(buf);
        buf = '';
        key = b;
      }
      buf += node.data;
    }
    if (buf.trim()) out.push(buf);
    return out;
  }

  // What Readability finds in `doc`, which it rewrites; null when it finds
  // no article.
  function readability(doc) {
    if (typeof globalThis.Readability !== 'function') return null;
    try {
      const parsed = new globalThis.Readability(doc, { serializer: (el) => el }).parse();
      if (!parsed?.content || !parsed.textContent || parsed.textContent.trim().length <= 80) return null;
      const paragraphs = blocks(parsed.content);
      // The headline has figures too; Readability often keeps it in the
      // content already, and reading it twice would paint it twice.
      const title = parsed.title ? parsed.title.replace(/\s+/g, ' ').trim() : '';
      if (title && !paragraphs.some((p) => p.replace(/\s+/g, ' ').trim() === title)) paragraphs.unshift(title);
      return { title: parsed.title || doc.title, paragraphs, via: 'readability' };
    } catch {
      return null; // a page Readability chokes on still gets the fallback
    }
  }

  /** The page's own <article> or <main> (else its body), block by block. */
  function fallback(doc) {
    const root = doc.querySelector('article') || doc.querySelector('main, [role=main]') || doc.body;
    const paragraphs = root ? blocks(root) : [];
    const h1 = doc.querySelector('h1');
    if (h1 && root && !root.contains(h1)) paragraphs.unshift(h1.textContent);
    return { title: doc.title, paragraphs, via: 'fallback' };
  }

  /**
   * `{title, paragraphs, via}` for `doc`, Readability reading a clone;
   * `via` says which path found them ('readability' or 'fallback').
   */
  function extract(doc) {
    return readability(doc.cloneNode(true)) ?? fallback(doc);
  }

  /**
   * `extract` on a page serialized as `html`. The parsed document is inert:
   * no script runs and nothing it refers to is fetched. A document
   * Readability gave up on may keep its rewrites, so the fallback reads a
   * fresh one.
   */
  function extractHtml(html) {
    const parse = () => new DOMParser().parseFromString(html, 'text/html');
    return readability(parse()) ?? fallback(parse());
  }

  T.articleExtract = Object.freeze({ blocks, extract, extractHtml, fallback });
})();
