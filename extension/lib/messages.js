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
    /** content → background: `{text}` → analysis or `{error}`. */
    ANALYZE_TEXT: 'content→background:analyze-text',
    /**
     * content → background: `{html}` (the page's serialized DOM) →
     * `{title, paragraphs, via}`, the article Readability finds in it, or
     * `{error}`.
     */
    EXTRACT_ARTICLE: 'content→background:extract-article',
    /** background → offscreen document: `{html}` → as EXTRACT_ARTICLE (Chromium). */
    OFFSCREEN_EXTRACT: 'background→offscreen:extract-article',
    /** content → background: `{text, url}` → `{passages, mentionedBy}` from saved articles. */
    MATCH_TEXT: 'content→background:match-text',
    /** any page → background: → `{version}` of the engine. */
    ENGINE_VERSION: 'page→background:engine-version',
    /** popup → background: `{tabId}` → `{status, article}` (saved, duplicate, empty). */
    SAVE_TAB: 'popup→background:save-tab',
    /** popup → background: `{tabId}`, read that tab now. */
    READ_TAB: 'popup→background:read-tab',
    /** library → background: → `{articles, events}` (events group article ids). */
    LIST_ARTICLES: 'page→background:list-articles',
    /** library → background: `{id}` → `{deleted}`. */
    DELETE_ARTICLE: 'page→background:delete-article',
    /** library → background: → the export object. */
    EXPORT_LIBRARY: 'page→background:export-library',
    /** library → background: `{data}` → `{added, duplicates}`. */
    IMPORT_LIBRARY: 'page→background:import-library',
    /** options → background: → `{cleared: true}`. */
    CLEAR_LIBRARY: 'page→background:clear-library',
    /** side panel → background: `{tabId}` → `{model}`, that tab's article compared. */
    COMPARE_TAB: 'sidepanel→background:compare-tab',
    /**
     * popup → content: → `{state, numbers, entities, truncated}` of the
     * page as last read; `truncated` is `{read, total}` or null.
     */
    PAGE_STATUS: 'popup→content:page-status',
    /** background → content: → `{url, title, outlet, date, text}` of the page. */
    GET_ARTICLE: 'background→content:get-article',
  });
})();
