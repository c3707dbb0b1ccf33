//! The counted and measured nouns (`crate/data/units.tsv`): every written
//! form of a noun (singular, plurals, accusative, dual) leads to its
//! singular, its English gloss and its class. Entries pass through
//! [`normalize`] when loaded, so lookups over folded tokens agree with them.

use crate::fasthash::FxBuild;
use crate::normalize::normalize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a noun counts, which decides the kind of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// People, things, money: kind `count`.
    Count,
    /// Units of time: kind `duration` (or `age`).
    Time,
    /// Units of measure: kind `measure`.
    Measure,
}

/// One noun of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// As written in the lexicon: "شاحنة".
    pub singular: String,
    pub en: String,
    pub class: Class,
}

/// Which form of its noun a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Singular,
    /// A plural or another spelling.
    Other,
    /// A dual: a count of two (قريتين).
    Dual,
}

pub struct Lexicon {
    pub units: Vec<Unit>,
    forms: HashMap<String, (u16, Form), FxBuild>,
    /// Forms before a possessive pronoun: سيارت(ه) for سيارة, زوجتي(ه) for
    /// the dual زوجتين.
    construct: HashMap<String, (u16, Form), FxBuild>,
}

/// The lexicon, parsed once.
pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../data/units.tsv")));

/// Conjunctions and prepositions that may stick to a noun, longest first.
const PREFIXES: [&str; 12] = [
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "",
];

/// Possessive pronouns, longest first.
const ENCLITICS: [&str; 9] = ["هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ي"];

impl Lexicon {
    fn parse(tsv: &str) -> Lexicon {
        let mut units = Vec::new();
        let mut explicit: HashMap<String, (u16, Form)> = HashMap::new();
        let mut generated: Vec<(String, (u16, Form))> = Vec::new();
        // (unit, form): a generated form an entry itself rules out.
        let mut suppressed: Vec<(u16, String)> = Vec::new();
        for line in tsv.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let id = units.len() as u16;
            let class = match cols[2] {
                "time" => Class::Time,
                "measure" => Class::Measure,
                _ => Class::Count,
            };
            units.push(Unit {
                singular: cols[0].to_string(),
                en: cols[3].to_string(),
                class,
            });
            let sing = normalize(cols[0]);
            explicit.entry(sing.clone()).or_insert((id, Form::Singular));
            let mut has_dual = false;
            for form in cols[1].split(',').map(str::trim).filter(|f| !f.is_empty()) {
                if let Some(f) = form.strip_prefix('-') {
                    suppressed.push((id, normalize(f)));
                } else if let Some(f) = form.strip_prefix("2:") {
                    has_dual = true;
                    explicit.entry(normalize(f)).or_insert((id, Form::Dual));
                } else {
                    let f = normalize(form);
                    // Broken plurals take the alef of tanwin too: رجالاً.
                    if !f.ends_with(['ت', 'ن', 'ه', 'ا', 'ي', 'ء']) && f.chars().count() > 2 {
                        generated.push((format!("{f}ا"), (id, Form::Other)));
                    }
                    explicit.entry(f).or_insert((id, Form::Other));
                }
            }
            // Accusative tanwin is written with an alef: عنصراً.
            // (Not after taa marbuta, alef or alef maqsura: مستشفى.)
            if !sing.ends_with(['ه', 'ا']) && !cols[0].ends_with('ى') {
                generated.push((format!("{sing}ا"), (id, Form::Singular)));
            }
            if !has_dual {
                let base = match sing.strip_suffix('ه') {
                    Some(b) => format!("{b}ت"),
                    None => sing.clone(),
                };
                generated.push((format!("{base}ين"), (id, Form::Dual)));
                generated.push((format!("{base}ان"), (id, Form::Dual)));
            }
        }
        let mut forms: HashMap<String, (u16, Form), FxBuild> =
            explicit.clone().into_iter().collect();
        for (form, v) in generated {
            if explicit.contains_key(&form)
                || suppressed.iter().any(|(u, f)| *u == v.0 && *f == form)
            {
                continue;
            }
            forms.entry(form).or_insert(v);
        }
        let mut construct: HashMap<String, (u16, Form), FxBuild> = HashMap::default();
        for (form, &(id, kind)) in &forms {
            match kind {
                Form::Dual => {
                    if let Some(base) = form.strip_suffix("ين") {
                        construct.entry(format!("{base}ي")).or_insert((id, kind));
                    }
                    if let Some(base) = form.strip_suffix("ان") {
                        construct.entry(format!("{base}ا")).or_insert((id, kind));
                    }
                }
                Form::Singular if form.ends_with('ه') => {
                    let base = &form[..form.len() - 'ه'.len_utf8()];
                    construct.entry(format!("{base}ت")).or_insert((id, kind));
                }
                _ => {}
            }
        }
        Lexicon {
            units,
            forms,
            construct,
        }
    }

    /// A folded form exactly as listed.
    pub fn form(&self, word: &str) -> Option<(u16, Form)> {
        self.forms.get(word).copied()
    }

    /// The noun behind a folded word with its clitics: "والمدنيين",
    /// "أطفالها", "زوجتيه" (his two wives: a dual whose ن fell before the
    /// pronoun).
    pub fn lookup(&self, word: &str) -> Option<(u16, Form)> {
        // A word the lexicon knows whole is that word: كلغم (kilograms) is
        // not ك + لغم (like a mine).
        if let Some(hit) = self.form(word) {
            return Some(hit);
        }
        for p in PREFIXES {
            let Some(rest) = word.strip_prefix(p) else {
                continue;
            };
            let mut cands: [Option<&str>; 3] = [None, rest.strip_prefix("ال"), None];
            if p.ends_with('ل') {
                cands[2] = rest.strip_prefix('ل');
            }
            // (The whole word, p empty, was tried above.)
            if !p.is_empty() && rest.chars().count() >= 2 {
                cands[0] = Some(rest);
            }
            for cand in cands.into_iter().flatten() {
                if cand.is_empty() {
                    continue;
                }
                if let Some(hit) = self.form(cand) {
                    return Some(hit);
                }
            }
        }
        // A possessive pronoun: أطفالها, قواته; a dual before it: زوجتيه.
        let (_, rest) = strip_conj_prep(word);
        for e in ENCLITICS {
            let Some(stem) = rest.strip_suffix(e) else {
                continue;
            };
            if stem.chars().count() < 2 {
                continue;
            }
            if let Some(hit @ (_, Form::Other | Form::Singular)) = self.form(stem) {
                return Some(hit);
            }
            // Taa marbuta opens before a pronoun (سيارته), and a dual
            // drops its ن (زوجتيه); "زوجتي" alone is "my wife".
            match self.construct.get(stem) {
                // With ه only a feminine dual (زوجتيه): اجتماعيه and شخصيه
                // are nisba adjectives, not duals.
                Some(&hit @ (_, Form::Dual)) if e != "ي" && (e != "ه" || stem.ends_with("تي")) => {
                    return Some(hit)
                }
                Some(&hit @ (_, Form::Singular)) => return Some(hit),
                _ => {}
            }
        }
        None
    }

    /// Every dual form with every prefix and article it may carry
    /// (قريتين، والقريتين، بقريتين …), for a one-probe test.
    pub fn dual_forms(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (form, &(_, kind)) in &self.forms {
            if kind != Form::Dual {
                continue;
            }
            for p in PREFIXES {
                let mut cands = vec![format!("{p}{form}"), format!("{p}ال{form}")];
                if p.ends_with('ل') {
                    cands.push(format!("{p}ل{form}"));
                }
                for c in cands {
                    if matches!(self.lookup(&c), Some((_, Form::Dual))) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// The noun for people in general (شخص).
    pub fn person(&self) -> Option<u16> {
        self.units
            .iter()
            .position(|u| u.en == "person")
            .map(|p| p as u16)
    }

    pub fn unit(&self, id: u16) -> &Unit {
        &self.units[id as usize]
    }
}

/// Strips one conjunction or preposition (و ف ب ل ك and pairs).
fn strip_conj_prep(word: &str) -> (&str, &str) {
    for p in PREFIXES {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return (p, rest);
            }
        }
    }
    ("", word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn singular(word: &str) -> Option<(&'static str, Form)> {
        let (id, form) = LEXICON.lookup(&normalize(word))?;
        Some((LEXICON.unit(id).singular.as_str(), form))
    }

    #[test]
    fn lookup_table() {
        let cases = [
            ("المدنيين", Some(("مدني", Form::Other))), // "the civilians"
            ("مدنياً", Some(("مدني", Form::Singular))), // "civilian" (accusative)
            ("شاحنات", Some(("شاحنة", Form::Other))),  // "trucks"
            ("قريتين", Some(("قرية", Form::Dual))),    // "two villages"
            ("يومين", Some(("يوم", Form::Dual))),      // "two days"
            ("اليومين", Some(("يوم", Form::Dual))),    // "the two days"
            ("زوجتيه", Some(("زوجة", Form::Dual))),    // "his two wives"
            ("أطفالها", Some(("طفل", Form::Other))),   // "her children"
            ("عنصرا", Some(("عنصر", Form::Singular))), // "member" (accusative)
            ("بالكيلومترات", Some(("كيلومتر", Form::Other))),
            ("مقاتلين", Some(("مقاتل", Form::Other))), // plural, not a dual
            ("ميلان", None),                            // Milan, not "two miles"
            ("زوجتي", Some(("زوجة", Form::Singular))), // "my wife"
            ("رجالا", Some(("رجل", Form::Other))),      // "men" (accusative)
            ("اجتماعية", None),                        // "social", not two meetings
            ("قال", None),
            ("كلغم", Some(("كيلوغرام", Form::Other))), // "kg", not "like a mine"
        ];
        for (word, want) in cases {
            assert_eq!(singular(word), want, "lookup({word})");
        }
    }

    #[test]
    fn lexicon_is_clean() {
        let mut seen = std::collections::HashSet::new();
        for line in include_str!("../../data/units.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "malformed line {line:?}");
            assert!(
                matches!(cols[2], "count" | "time" | "measure"),
                "class in {line:?}"
            );
            assert!(seen.insert(normalize(cols[0])), "duplicate {}", cols[0]);
            assert!(!cols[3].is_empty(), "gloss missing in {line:?}");
        }
        assert!(LEXICON.units.len() > 150);
    }
}
