// Maps analysed text back onto live DOM text nodes, so highlights land on
// the real page and not on a copy.
//
// Input: a root element and the paragraphs to find in it (from Readability
// on a clone, or the demo's own paragraphs). Output: one analysis text (the
// located paragraphs joined by blank lines) and a function turning UTF-16
// spans of that text into live DOM Ranges.
//
// Invariant: whitespace is the only thing that may differ between a
// paragraph and the page (Readability and the DOM disagree about it), so
// both sides collapse every whitespace run to one space before matching;
// every other UTF-16 unit of the analysis text corresponds to exactly one
// unit of one live text node.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.textMap`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  // Text inside these never reaches a reader's eyes as article text.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'TABAYYUN-ROOT', 'SVG', 'svg', 'MATH', 'math']);

  function collapse(s) {
    return s.replace(/\s+/g, ' ').trim();
  }

  // Read at most this much of a page (UTF-16 units, some 10 long articles):
  // beyond it a page is an archive or a book, and painting tens of
  // thousands of highlights makes the browser redraw slowly on every frame.
  const MAX_TEXT = 100_000;

  /**
   * The text `locate` makes of `paragraphs` when every one of them is found
   * on the page as it is and they fit in `limit`; null when they do not fit.
   */
  function joined(paragraphs, limit = MAX_TEXT) {
    const text = paragraphs
      .map(collapse)
      .filter((p) => p.length >= 2)
      .join('\n\n');
    return text.length <= limit ? text : null;
  }

  // The code units `\s` matches, as a lookup: this loop runs once per
  // character of the page, where a regular expression per character is
  // several times slower.
  const SPACES = new Set([
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
    0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
  ]);
  const isSpace = (c) => (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && SPACES.has(c));

  // The walks below are generators that yield every few nodes or
  // paragraphs: `locate` runs them to the end in one go, `locateSliced`
  // pauses between slices of a few ms, so a long page never blocks the page's
  // main thread in one long task.
  const STEP = 64;

  /**
   * The visible text under `root` with whitespace collapsed, and for each of
   * its UTF-16 units the text node and offset it came from.
   */
  function* indexSteps(root) {
    const doc = root.ownerDocument ?? root;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          // XHTML keeps tag names in lower case.
          return SKIP.has(node.nodeName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const nodes = [];
    let total = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node);
      total += node.data.length;
      if (nodes.length % STEP === 0) yield;
    }
    // Sized for the worst case (no whitespace to collapse), trimmed below.
    const nodeOf = new Int32Array(total);
    const offsetOf = new Int32Array(total);
    const parts = [];
    let n = 0;
    let lastSpace = true;
    for (let ni = 0; ni < nodes.length; ni++) {
      if (ni % STEP === STEP - 1) yield;
      const data = nodes[ni].data;
      // Copies runs of kept characters as slices, not one by one.
      let run = 0;
      for (let i = 0; i < data.length; i++) {
        if (isSpace(data.charCodeAt(i))) {
          if (run < i) parts.push(data.slice(run, i));
          run = i + 1;
          if (lastSpace) continue;
          lastSpace = true;
          parts.push(' ');
        } else {
          lastSpace = false;
        }
        nodeOf[n] = ni;
        offsetOf[n] = i;
        n++;
      }
      if (run < data.length) parts.push(data.slice(run));
    }
    return { text: parts.join(''), nodes, nodeOf: nodeOf.subarray(0, n), offsetOf: offsetOf.subarray(0, n) };
  }

  // Sentences, for paragraphs the page splits differently than Readability
  // (an inline share button in the middle, a caption merged in).
  function sentences(p) {
    return p.split(/(?<=[.!?؟])\s+/).filter((s) => s.length >= 12);
  }

  function* locateSteps(root, paragraphs, limit) {
    // Nothing to find (a page without Arabic): the page is not walked.
    if (!paragraphs.length) {
      return { text: '', segments: [], index: { text: '', nodes: [], nodeOf: new Int32Array(0), offsetOf: new Int32Array(0) }, truncated: false };
    }
    const index = yield* indexSteps(root);
    const segments = [];
    const pieces = [];
    let at = 0;
    let cursor = 0;
    let full = false;
    // A paragraph over the limit is tried again sentence by sentence; the
    // first sentence over it ends the text.
    const place = (p, sentence) => {
      if (full) return false;
      if (at + 2 + p.length > limit) {
        full = sentence;
        return false;
      }
      // Prefer the next occurrence after the previous paragraph: the same
      // sentence may also sit in a teaser or a caption earlier on the page.
      let live = index.text.indexOf(p, cursor);
      if (live < 0) live = index.text.indexOf(p);
      if (live < 0) return false;
      if (pieces.length) {
        pieces.push('\n\n');
        at += 2;
      }
      pieces.push(p);
      segments.push({ at, live, length: p.length });
      at += p.length;
      cursor = live + p.length;
      return true;
    };
    for (const raw of paragraphs) {
      if (full) break;
      yield;
      const p = collapse(raw);
      if (p.length < 2) continue;
      if (!place(p, false)) sentences(p).forEach((s) => place(s, true));
    }
    return { text: pieces.join(''), segments, index, truncated: full };
  }

  function drain(steps) {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** `indexSteps` in one go. */
  const indexText = (root) => drain(indexSteps(root));

  /**
   * Finds `paragraphs` (in reading order) in the live text under `root`.
   * Returns `{text, segments, index, truncated}`: `text` is what to analyse,
   * each segment `{at, live, length}` says that text[at, at+length) is
   * index.text[live, live+length). With `limit`, paragraphs stop at the
   * first one that would take `text` past `limit` UTF-16 units, and
   * `truncated` says some were left out.
   */
  function locate(root, paragraphs, { limit = Infinity } = {}) {
    return drain(locateSteps(root, paragraphs, limit));
  }

  /**
   * `locate`, in slices of at most about `budget` ms with `pause()` (a
   * promise: the next task) between them. The page may change meanwhile:
   * `rangeFor` refuses nodes that left it, and the caller reads again on
   * mutations.
   */
  async function locateSliced(root, paragraphs, { limit = Infinity, budget = 8, pause } = {}) {
    const win = (root.ownerDocument ?? root).defaultView;
    const steps = locateSteps(root, paragraphs, limit);
    let slice = win.performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (win.performance.now() - slice > budget) {
        await pause();
        slice = win.performance.now();
      }
    }
  }

  /**
   * A live Range for the span [start, end) of a located text, or null when
   * the span falls outside every segment (it never should) or the page
   * changed since.
   */
  function rangeFor(located, start, end) {
    const { segments, index } = located;
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (start < s.at) hi = mid - 1;
      else if (start >= s.at + s.length) lo = mid + 1;
      else {
        // Spans never cross the blank line between paragraphs; clamp anyway.
        const from = s.live + (start - s.at);
        const to = s.live + Math.min(end, s.at + s.length) - s.at;
        if (to <= from) return null;
        const a = index.nodes[index.nodeOf[from]];
        const b = index.nodes[index.nodeOf[to - 1]];
        if (!a.isConnected || !b.isConnected) return null;
        const range = a.ownerDocument.createRange();
        try {
          range.setStart(a, index.offsetOf[from]);
          range.setEnd(b, index.offsetOf[to - 1] + 1);
        } catch {
          return null; // the node shrank since it was indexed
        }
        return range;
      }
    }
    return null;
  }

  T.textMap = Object.freeze({ MAX_TEXT, collapse, joined, indexText, locate, locateSliced, rangeFor });
})();
