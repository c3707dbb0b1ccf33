// The sites Tabayyun reads automatically: a list the reader edits on the
// options page, stored in ext.storage.local. Entries are written as a
// reader thinks of them ("aljazeera.net", "bbc.com/arabic") and turned into
// match patterns for the browser. Sites in the manifest's host_permissions
// are granted at install; any other site is asked for when it is added.

import './ext.js';

const ext = globalThis.Tabayyun.ext;

/** Arabic news sites read automatically until the reader changes the list. */
export const DEFAULT_SITES = Object.freeze([
  'aljazeera.net',
  'alarabiya.net',
  'arabic.cnn.com',
  'bbc.com/arabic',
  'skynewsarabia.com',
  'aawsat.com',
  'independentarabia.com',
  'france24.com/ar',
  'arabic.rt.com',
  'alaraby.co.uk',
  'alquds.co.uk',
  'annahar.com',
  'enabbaladi.net',
  'youm7.com',
  'hespress.com',
]);

/**
 * The site a reader typed, tidied: "https://www.Example.com/ar/x" →
 * "example.com/ar/x"; null when it is not a host name.
 */
export function cleanSite(input) {
  let s = String(input ?? '').trim().toLowerCase();
  s = s.replace(/^[a-z]+:\/\//, '').replace(/^\*\./, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  const [host, ...path] = s.split('/');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  return [host, ...path].join('/');
}

/** Match patterns for a clean site: the host and its subdomains, any scheme. */
export function patternsFor(site) {
  const [host, ...path] = site.split('/');
  const rest = path.length ? `/${path.join('/')}/*` : '/*';
  return [`*://${host}${rest}`, `*://*.${host}${rest}`];
}

/** The origins to hold a permission for: one per host, path ignored. */
export function originsFor(site) {
  const host = site.split('/')[0];
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/** The reader's list (the defaults until it was edited). */
export async function getSites() {
  const { sites } = await ext.storage.local.get('sites');
  return Array.isArray(sites) ? sites : [...DEFAULT_SITES];
}

/** Stores the reader's list, cleaned and without duplicates. */
export async function setSites(list) {
  const clean = [...new Set(list.map(cleanSite).filter(Boolean))];
  await ext.storage.local.set({ sites: clean });
  return clean;
}
