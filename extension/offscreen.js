// The offscreen document (Chromium): the background service worker has no
// DOM, so it sends the page's serialized HTML here to be parsed and run
// through Readability, in the extension's process rather than on the page's
// main thread. It answers only that message; every other message of the
// extension is the background's to answer.
(() => {
  const T = globalThis.Tabayyun;
  T.ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type !== T.messages.OFFSCREEN_EXTRACT) return false;
    try {
      sendResponse(T.articleExtract.extractHtml(String(msg.html ?? '')));
    } catch (err) {
      sendResponse({ error: { code: 'extract_failed', message: String(err?.message ?? err) } });
    }
    return false;
  });
})();
