// Every message name of the extension, in one place. Each name says who
// sends it to whom, so a reader of the background's `switch` knows where a
// message comes from.
//
// This file has no import/export on purpose: the content script loads it as
// a classic script and the background module imports it for its side
// effect; both then read `globalThis.Tabayyun.messages`.
(() => {
  const T = (globalThis.Tabayyun ??= {});
  T.messages = Object.freeze({
    /** content → background: `{type, text}` → analysis or `{error}`. */
    ANALYZE_TEXT: 'content→background:analyze-text',
    /** any page → background: `{type}` → `{version}` of the engine. */
    ENGINE_VERSION: 'page→background:engine-version',
    /** background → content: `{type}`, run the analysis on this tab now. */
    RUN_ON_PAGE: 'background→content:run-on-page',
  });
})();
