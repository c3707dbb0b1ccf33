// Interface strings for the extension's own pages (popup, library, side
// panel, options), in the language the reader chose on the options page,
// not only the browser's: the strings are read from the same _locales files
// the manifest uses, so each string exists once per language.

import './ext.js';

const ext = globalThis.Tabayyun.ext;

const RTL = new Set(['ar']);

/** The interface language: the reader's choice, else the browser's. */
export async function chosenLanguage() {
  const { lang } = await ext.storage.local.get('lang');
  if (lang === 'ar' || lang === 'en') return lang;
  return ext.i18n.getUILanguage().startsWith('ar') ? 'ar' : 'en';
}

/**
 * Loads the strings of `lang` and returns `t(key, ...args)`; `$1`, `$2`
 * in a message's placeholders take the arguments.
 */
export async function loadStrings(lang) {
  const url = ext.runtime.getURL(`_locales/${lang}/messages.json`);
  const messages = await (await fetch(url)).json();
  return (key, ...args) => {
    const entry = messages[key];
    if (!entry) return key;
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      const value = String(args[Number(ph.content.slice(1)) - 1] ?? '');
      text = text.replaceAll(`$${name.toUpperCase()}$`, value);
    }
    return text;
  };
}

/**
 * Sets the page's language and direction and fills every `[data-i18n]`
 * element's text (and `[data-i18n-placeholder]`'s placeholder).
 */
export async function localize(doc = document) {
  const lang = await chosenLanguage();
  const t = await loadStrings(lang);
  doc.documentElement.lang = lang;
  doc.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
  for (const el of doc.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of doc.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  return { lang, t };
}
