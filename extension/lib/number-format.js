// Turns one number mention from the engine into the lines a reader sees in
// a popover: "خمسة آلاف" → "5,000". Values are written with Western digits
// and a thousands separator on purpose: the reader already sees the Arabic
// form in the article, the popover shows the normalized value to compare.
//
// Classic script and module side effect at once (no import/export): read
// it as `globalThis.Tabayyun.numberFormat`.
(() => {
  const T = (globalThis.Tabayyun ??= {});

  const KIND_LABELS = {
    count: { ar: 'عدد', en: 'count' },
    percent: { ar: 'نسبة مئوية', en: 'percent' },
    year: { ar: 'سنة', en: 'year' },
    date: { ar: 'تاريخ', en: 'date' },
    duration: { ar: 'مدة', en: 'duration' },
    ordinal: { ar: 'ترتيب', en: 'ordinal' },
    time: { ar: 'وقت', en: 'time' },
    age: { ar: 'عمر', en: 'age' },
    measure: { ar: 'قياس', en: 'measure' },
  };

  const QUALIFIER_LABELS = {
    about: { ar: 'نحو', en: 'about' },
    at_least: { ar: 'على الأقل', en: 'at least' },
    at_most: { ar: 'على الأكثر', en: 'at most' },
    more_than: { ar: 'أكثر من', en: 'more than' },
    less_than: { ar: 'أقل من', en: 'less than' },
    range: { ar: 'نطاق', en: 'range' },
    vague: { ar: 'تقريبي', en: 'vague' },
  };

  const digits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

  function formatValue(x) {
    return typeof x === 'number' && Number.isFinite(x) ? digits.format(x) : null;
  }

  /**
   * The normalized value of a mention as one string: "5,000", "12%",
   * "200–999", "2019-03-04", "18:00"; null when the engine gave none.
   */
  function valueText(n) {
    if (n.date) return n.date;
    if (n.time) return n.time;
    const pct = n.kind === 'percent' ? '%' : '';
    const v = formatValue(n.value);
    if (v !== null) return v + pct;
    const lo = formatValue(n.low);
    const hi = formatValue(n.high);
    if (lo !== null && hi !== null) return `${lo}${pct}–${hi}${pct}`;
    if (lo !== null) return `≥ ${lo}${pct}`;
    if (hi !== null) return `≤ ${hi}${pct}`;
    return null;
  }

  /**
   * What a popover shows for a number: `{title, value, details}` where
   * details are short label/value pairs. `lang` is 'ar' or 'en'.
   */
  function describe(n, lang = 'ar') {
    const kind = KIND_LABELS[n.kind]?.[lang] ?? String(n.kind ?? '');
    const details = [];
    const q = QUALIFIER_LABELS[n.qualifier]?.[lang];
    if (q) details.push([lang === 'ar' ? 'الدقة' : 'precision', q]);
    const unit = lang === 'en' ? n.unit_en ?? n.unit : n.unit;
    if (unit) details.push([lang === 'ar' ? 'المعدود' : 'unit', unit]);
    return { title: kind, value: valueText(n), source: n.text, details };
  }

  T.numberFormat = Object.freeze({ valueText, describe });
})();
