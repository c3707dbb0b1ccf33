// What a popover adds from the reader's saved articles: for a mark, the
// passages of other outlets matching the passage it sits in (same fact,
// related, or a conflicting figure), and for an entity the outlets whose
// saved articles mention it.
//
// Input: the background's (or the demo's) match result for the text being
// read, `{passages: [{start, end, matches: [{outlet, relation, wire, text,
// url}]}], mentionedBy: {entityId: [outlet]}}`, offsets in that text.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.relatedPassages`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const RELATIONS = {
    same: { ar: 'الخبر نفسه', en: 'same fact' },
    related: { ar: 'ذو صلة', en: 'related' },
    conflict: { ar: 'أرقام متعارضة', en: 'conflicting figure' },
    wire: { ar: 'نسخة وكالة', en: 'wire copy' },
  };
  const MENTIONED = { ar: 'في مكتبتك', en: 'In your library' };

  /** The reader-facing label of a relation ('same', 'related', 'conflict', 'wire'). */
  function relationLabel(relation, lang = 'ar') {
    return RELATIONS[relation]?.[lang === 'en' ? 'en' : 'ar'] ?? String(relation);
  }

  /** `{details, matches}` for `mark` (its `data.start` in the read text). */
  function forMark(result, mark, lang = 'ar') {
    const at = mark.data.start;
    const passage = (result?.passages ?? []).find((p) => at >= p.start && at < p.end);
    const matches = (passage?.matches ?? []).map((m) => ({
      outlet: m.outlet,
      relation: relationLabel(m.wire && m.relation === 'same' ? 'wire' : m.relation, lang),
      conflict: m.relation === 'conflict',
      text: m.text,
      href: m.url,
    }));
    const details = [];
    if (mark.kind !== 'number') {
      const outlets = result?.mentionedBy?.[mark.data.id];
      if (outlets?.length) details.push([MENTIONED[lang === 'en' ? 'en' : 'ar'], outlets.join('، ')]);
    }
    return { details, matches };
  }

  /** How many passages of the read text have at least one match. */
  function matchedCount(result) {
    return (result?.passages ?? []).filter((p) => p.matches?.length).length;
  }

  T.relatedPassages = Object.freeze({ relationLabel, forMark, matchedCount });
})();
