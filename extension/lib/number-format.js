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

  // Month names: the Gregorian series most Arabic outlets use, and the
  // Hijri months for a year in the Hijri range.
  const MONTHS = {
    ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  };
  const HIJRI = {
    ar: ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'],
    en: ['Muharram', 'Safar', 'Rabi al-Awwal', 'Rabi al-Akhir', 'Jumada al-Ula', 'Jumada al-Akhira', 'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qa'da", 'Dhu al-Hijja'],
  };

  /**
   * The engine's date ("2013-08-28", "2013-08", "--08-28", "--08") as a
   * reader writes it: "28 أغسطس 2013", "أغسطس 2013"; without a year the
   * calendar is unknown, so "28/8" and "الشهر 8". Anything else as given.
   */
  function dateText(date, lang = 'ar') {
    const L = lang === 'en' ? 'en' : 'ar';
    const m = /^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(date);
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12) return date;
    const day = m[3] ? Number(m[3]) : null;
    if (m[1] === '-') return day ? `${day}/${month}` : `${L === 'ar' ? 'الشهر' : 'month'} ${month}`;
    const year = Number(m[1]);
    const hijri = year >= 1300 && year <= 1500;
    const name = (hijri ? HIJRI : MONTHS)[L][month - 1];
    const era = hijri ? (L === 'ar' ? ' هـ' : ' AH') : '';
    return `${day ? `${day} ` : ''}${name} ${year}${era}`;
  }

  /** The reader-facing name of a number kind ('count' → "عدد"). */
  function kindLabel(kind, lang = 'ar') {
    return KIND_LABELS[kind]?.[lang === 'en' ? 'en' : 'ar'] ?? String(kind ?? '');
  }

  // Made on first use: building an Intl formatter loads locale data, which
  // took 25-110 ms of the content script's start on a loaded machine, in the
  // task where the page itself is being parsed.
  let digits = null;

  // A year is a name, not a quantity: "2017", never "2,017".
  function formatValue(x, kind) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return null;
    if (kind === 'year') return String(x);
    digits ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    return digits.format(x);
  }

  /**
   * The normalized value of a mention as one string: "5,000", "12%",
   * "200–999", "4 مارس 2019", "18:00"; null when the engine gave none.
   */
  function valueText(n, lang = 'ar') {
    if (n.date) return dateText(n.date, lang);
    if (n.time) return n.time;
    const pct = n.kind === 'percent' ? '%' : '';
    const v = formatValue(n.value, n.kind);
    if (v !== null) return v + pct;
    const lo = formatValue(n.low, n.kind);
    const hi = formatValue(n.high, n.kind);
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
    const kind = kindLabel(n.kind, lang);
    const details = [];
    const q = QUALIFIER_LABELS[n.qualifier]?.[lang];
    if (q) details.push([lang === 'ar' ? 'الدقة' : 'precision', q]);
    const unit = lang === 'en' ? n.unit_en ?? n.unit : n.unit;
    if (unit) details.push([lang === 'ar' ? 'المعدود' : 'unit', unit]);
    return { title: kind, value: valueText(n, lang), source: n.text, details };
  }

  T.numberFormat = Object.freeze({ dateText, kindLabel, valueText, describe });
})();
