// Finds the article's paragraphs on a page. Readability parses a CLONE of
// the document (it rewrites the tree it is given); its output element is
// only read for text, grouped by block, and the live page is never touched.
// When Readability finds no article, the page's own <article>/<main> (or the
// body) is read block by block instead.
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

  /**
   * `{title, paragraphs, via}` for `doc`; `via` says which path found them
   * ('readability' or 'fallback').
   */
  function extract(doc) {
    if (typeof globalThis.Readability === 'function') {
      try {
        const clone = doc.cloneNode(true);
        const parsed = new globalThis.Readability(clone, { serializer: (el) => el }).parse();
        if (parsed && parsed.content && parsed.textContent && parsed.textContent.trim().length > 80) {
          const paragraphs = blocks(parsed.content);
          // The headline has figures too; Readability often keeps it in the
          // content already, and reading it twice would paint it twice.
          const title = parsed.title ? parsed.title.replace(/\s+/g, ' ').trim() : '';
          if (title && !paragraphs.some((p) => p.replace(/\s+/g, ' ').trim() === title)) paragraphs.unshift(title);
          return { title: parsed.title || doc.title, paragraphs, via: 'readability' };
        }
      } catch {
        // A page Readability chokes on still gets the fallback below.
      }
    }
    const root = doc.querySelector('article') || doc.querySelector('main, [role=main]') || doc.body;
    const paragraphs = root ? blocks(root) : [];
    const h1 = doc.querySelector('h1');
    if (h1 && root && !root.contains(h1)) paragraphs.unshift(h1.textContent);
    return { title: doc.title, paragraphs, via: 'fallback' };
  }

  T.articleExtract = Object.freeze({ blocks, extract });
})();
