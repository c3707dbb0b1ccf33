// The browser's extension API, whichever browser runs us: `browser` in
// Firefox (the standard, promise-based namespace), `chrome` in Chromium
// (promise-based too in Manifest V3). Every script of the extension reaches
// the API through this one name; APIs only one browser has (Chromium's
// sidePanel, Firefox's sidebarAction) are tested for before use.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.ext`.
(() => {
  const T = (globalThis.Tabayyun ??= {});
  T.ext = globalThis.browser ?? globalThis.chrome;
})();
