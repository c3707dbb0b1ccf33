// The name a reader sees for an entity. The engine identifies an entity by
// a canonical name ("داعش" for "تنظيم الدولة"), but for a name it has no
// list entry for, the id is the mention's folded form ("دوله الخلافه"),
// which is no spelling anyone writes: then a spelling from the text is
// shown instead.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.entityName`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  // Tashkeel and tatweel dropped, alef forms, taa marbuta and alef maqsura
  // folded, as the engine's normalizer does for ids.
  const fold = (s) =>
    String(s ?? '')
      .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      .replace(/\s+/g, ' ')
      .trim();

  /**
   * The display name for entity `id` mentioned as `surfaces` (strings):
   * a surface that folds to the id if there is one, else the id.
   */
  function displayName(id, surfaces = []) {
    if (!id) return surfaces[0] ?? '';
    const key = fold(id);
    return surfaces.find((s) => fold(s) === key) ?? id;
  }

  T.entityName = Object.freeze({ displayName });
})();
