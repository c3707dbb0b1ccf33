// The one module that loads the Tabayyun wasm engine. The background
// service worker imports it (the content script never instantiates wasm:
// pages with a strict CSP forbid it), and the offline demo in www/ imports
// the very same file. Every URL is relative to this module, so it works
// from chrome-extension://ID/lib/ and from http://host/lib/ alike, as long
// as pkg/ sits next to lib/.
//
// One memoized `ready()` promise: the first call starts loading, every
// later call (and every analysis) waits on the same promise. If loading
// fails the promise is dropped, so the next call tries again.

import init, * as wasm from '../pkg/tabayyun.js';

let loading = null;

/** Resolves once the wasm engine is instantiated; safe to call repeatedly. */
export function ready() {
  if (!loading) {
    // The single-file demo carries the wasm bytes in the page itself (a
    // file:// page cannot fetch); everywhere else it sits next to lib/.
    const embedded = globalThis.TabayyunEmbedded?.wasm;
    loading = init({ module_or_path: embedded ?? new URL('../pkg/tabayyun_bg.wasm', import.meta.url) })
      .then(() => undefined)
      .catch((err) => {
        loading = null;
        throw err;
      });
  }
  return loading;
}

/**
 * Analyzes one text: `{numbers, entities}` with UTF-16 offsets into `text`,
 * or `{error: {code, message}}` (the engine never throws for bad input).
 */
export async function analyze(text) {
  await ready();
  return wasm.analyze(String(text));
}

/** The core's version string, e.g. "0.1.0". */
export async function version() {
  await ready();
  return wasm.version();
}

/**
 * A new, empty library of saved articles (the engine's `Library`: passages,
 * index, matching, events and claims stay on the wasm side).
 */
export async function createLibrary() {
  await ready();
  return new wasm.Library();
}

/**
 * A library from the bytes of `library.serialize()`; rejects with
 * `{code: 'corrupt_library', message}` when they are damaged or stale.
 */
export async function loadLibrary(bytes) {
  await ready();
  return wasm.Library.load(bytes);
}
