// The saved articles, in IndexedDB. The background owns the database in the
// extension; the demo opens its own under another name. Records are plain
// objects, so export → import gives back exactly what was saved.
//
// Schema versions are applied in order by `upgrade`; a database created by
// an older version of the extension is migrated step by step, never
// recreated (that would lose the reader's library).
//
// Article record: {id, url, normUrl, outlet, title, date, text, hash,
// savedAt}. Engine record (version 2, key 'library'): {bytes, ids,
// engine}, the engine's serialized library for the article ids `ids`. `id` is derived from the text's hash, so the same article saved
// twice, or imported into another browser, keeps its id.

export const DB_VERSION = 2;
export const EXPORT_FORMAT = 'tabayyun-library';

function upgrade(db, oldVersion) {
  // Each case falls through to the next: a fresh database runs them all.
  switch (oldVersion) {
    case 0: {
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('normUrl', 'normUrl');
      articles.createIndex('hash', 'hash', { unique: true });
      articles.createIndex('savedAt', 'savedAt');
    }
    // falls through
    case 1:
      // Version 2 keeps the engine's serialized library beside the
      // articles, so a restarted worker loads it instead of re-reading
      // every article. It is derived data: losing it only costs a rebuild.
      db.createObjectStore('engine');
    // falls through (later versions add their steps here)
    default:
      break;
  }
}

/** Opens (creating or migrating) the library database `name`. */
export function openLibrary(name = 'tabayyun') {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, DB_VERSION);
    req.onupgradeneeded = (ev) => upgrade(req.result, ev.oldVersion);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('library database blocked by another version'));
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The URL two saves of one article share: no fragment, no tracking
 * parameters, no trailing slash, lower-case host.
 */
export function normalizeUrl(url) {
  if (!url) return '';
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|ref$|ocid$)/i.test(key)) u.searchParams.delete(key);
    }
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    return u.href.replace(/\/$/, '');
  } catch {
    return String(url);
  }
}

/** SHA-256 of the article text with whitespace collapsed, in hex. */
export async function textHash(text) {
  const plain = String(text).replace(/\s+/g, ' ').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(plain));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every saved article, oldest first. */
export async function listArticles(db) {
  const tx = db.transaction('articles');
  const all = await request(tx.objectStore('articles').index('savedAt').getAll());
  return all;
}

/** One article by id, or null. */
export async function getArticle(db, id) {
  const tx = db.transaction('articles');
  return (await request(tx.objectStore('articles').get(String(id)))) ?? null;
}

// The saved article that `record` would duplicate: same text, or same URL.
async function findDuplicate(store, record) {
  const byHash = await request(store.index('hash').get(record.hash));
  if (byHash) return byHash;
  if (record.normUrl) {
    const byUrl = await request(store.index('normUrl').get(record.normUrl));
    if (byUrl) return byUrl;
  }
  return null;
}

/**
 * Saves an article `{url, outlet, title, date, text}`. Resolves to
 * `{status: 'saved', article}` or `{status: 'duplicate', article}` (the one
 * already saved); an empty text is refused with `{status: 'empty'}`.
 */
export async function saveArticle(db, input, now = Date.now()) {
  const text = String(input.text ?? '').trim();
  if (!text) return { status: 'empty' };
  const hash = await textHash(text);
  const record = {
    id: hash.slice(0, 16),
    url: String(input.url ?? ''),
    normUrl: normalizeUrl(input.url),
    outlet: String(input.outlet ?? '') || hostOf(input.url),
    title: String(input.title ?? ''),
    date: String(input.date ?? ''),
    text,
    hash,
    savedAt: Number(input.savedAt ?? now),
  };
  const tx = db.transaction('articles', 'readwrite');
  const store = tx.objectStore('articles');
  const dup = await findDuplicate(store, record);
  if (dup) {
    await done(tx);
    return { status: 'duplicate', article: dup };
  }
  store.add(record);
  await done(tx);
  return { status: 'saved', article: record };
}

function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Deletes one article; resolves to whether it existed. */
export async function deleteArticle(db, id) {
  const tx = db.transaction('articles', 'readwrite');
  const store = tx.objectStore('articles');
  const existed = (await request(store.count(String(id)))) > 0;
  store.delete(String(id));
  await done(tx);
  return existed;
}

/** Deletes every article. */
export async function clearLibrary(db) {
  const tx = db.transaction('articles', 'readwrite');
  tx.objectStore('articles').clear();
  await done(tx);
}

/** The whole library as one JSON-ready object. */
export async function exportLibrary(db, now = Date.now()) {
  return {
    format: EXPORT_FORMAT,
    version: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: await listArticles(db),
  };
}

/**
 * Adds the articles of an export (records kept as they were, ids and save
 * times included). Resolves to `{added, duplicates}`; throws on a file that
 * is not a Tabayyun export.
 */
export async function importLibrary(db, data) {
  if (!data || data.format !== EXPORT_FORMAT || !Array.isArray(data.articles)) {
    throw new Error('not a Tabayyun library export');
  }
  if (Number(data.version) > DB_VERSION) throw new Error('export from a newer version of Tabayyun');
  let added = 0;
  let duplicates = 0;
  for (const a of data.articles) {
    if (!a || typeof a.text !== 'string' || !a.text.trim()) continue;
    const hash = await textHash(a.text);
    const record = {
      id: hash.slice(0, 16),
      url: String(a.url ?? ''),
      normUrl: normalizeUrl(a.url),
      outlet: String(a.outlet ?? ''),
      title: String(a.title ?? ''),
      date: String(a.date ?? ''),
      text: a.text,
      hash,
      savedAt: Number(a.savedAt) || Date.now(),
    };
    const tx = db.transaction('articles', 'readwrite');
    const store = tx.objectStore('articles');
    if (await findDuplicate(store, record)) duplicates++;
    else {
      store.add(record);
      added++;
    }
    await done(tx);
  }
  return { added, duplicates };
}

/** The engine's saved library `{bytes, ids, engine}`, or null. */
export async function loadEngineState(db) {
  const tx = db.transaction('engine');
  return (await request(tx.objectStore('engine').get('library'))) ?? null;
}

/** Keeps the engine's serialized library for articles `ids`. */
export async function saveEngineState(db, state) {
  const tx = db.transaction('engine', 'readwrite');
  tx.objectStore('engine').put(state, 'library');
  await done(tx);
}
