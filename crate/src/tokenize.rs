//! Stage 2, tokenization. Input: the caller's text. Output: tokens (words,
//! numbers, punctuation), each with its byte span in that text and its
//! folded form (see [`crate::normalize`]); plus the clitic analysis and the
//! light stem that matching uses.
//!
//! Invariants: spans are in source byte offsets, in order, never overlap,
//! and lie on character boundaries; marks (diacritics, tatweel, bidi and
//! zero-width characters) stay inside the word they interrupt.

use crate::fasthash::FxBuild;
use crate::normalize::{fold, Fold};
use compact_str::CompactString;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters of any script ("قوات", "CNN").
    Word,
    /// Digits of any script, with inner separators ("1,500", "٩٩٫٥").
    Number,
    /// One punctuation or symbol character ("،", "%", "\"").
    Punct,
}

/// One token: a span of the source text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the source.
    pub start: usize,
    /// Byte offset just past the last character in the source.
    pub end: usize,
    pub kind: TokenKind,
    /// The folded form: "1,500" for "١٬٥٠٠", "القريه" for "القريةِ".
    /// Kept inline up to 24 bytes (12 Arabic letters, nearly every word):
    /// one heap string per token was a fifth of the pipeline's
    /// instructions in `malloc` and `free`.
    pub norm: CompactString,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Mark,
    Space,
    Other,
}

fn classify(f: Fold) -> Class {
    match f {
        Fold::Drop => Class::Mark,
        Fold::Space => Class::Space,
        Fold::Char(c) if c.is_ascii_digit() => Class::Digit,
        // Arabic letters and ASCII first: is_alphabetic is a table search,
        // and skipping it doubles the tokenizer's speed on news text.
        Fold::Char('\u{0620}'..='\u{064A}' | 'a'..='z') => Class::Letter,
        Fold::Char(c) if c.is_alphabetic() => Class::Letter,
        Fold::Char(c) if c.is_whitespace() => Class::Space,
        // Combining marks of other scripts stay in their word.
        Fold::Char(c) if ('\u{0300}'..='\u{036F}').contains(&c) => Class::Mark,
        Fold::Char(_) => Class::Other,
    }
}

/// Splits `text` into tokens.
///
/// ```
/// use tabayyun::tokenize::{tokenize, TokenKind};
/// let t = tokenize("فرّ ١٬٥٠٠ مدني،");
/// let norms: Vec<_> = t.iter().map(|t| t.norm.as_str()).collect();
/// assert_eq!(norms, ["فر", "1,500", "مدني", ","]);
/// assert_eq!(t[1].kind, TokenKind::Number);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    // The word or number being built, kept out of `tokens` until it closes
    // (punctuation never stays open), with its folded form so far in
    // `norm` (one buffer for all tokens: each token's own string is made
    // once, when it closes); and a separator (",", ".") pending inside a
    // number until a digit confirms it.
    let mut open: Option<Open> = None;
    let mut norm = String::with_capacity(64);
    let mut pending_sep: Option<char> = None;
    let mut next = 0;
    loop {
        // A space or line break between words (about one byte in six of
        // news text) only closes the open token: done without decoding
        // or classifying it.
        if let Some(&b) = text.as_bytes().get(next) {
            if b.is_ascii() && fold(char::from(b)) == Fold::Space {
                pending_sep = None;
                close(&mut open, &mut norm, &mut tokens);
                next += 1;
                continue;
            }
        }
        let i = next;
        // Most of a word is letters that fold to themselves: copied as one
        // run, without decoding, folding and re-encoding each of them.
        if let Some(t) = open.as_mut().filter(|t| t.kind == TokenKind::Word) {
            let run = text.as_bytes().get(i..).map_or(0, plain_letters);
            if let Some(letters) = text.get(i..i + run).filter(|_| run > 0) {
                norm.push_str(letters);
                t.end = i + run;
                next = i + run;
                continue;
            }
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let f = fold(c);
        let class = classify(f);
        let end = i + c.len_utf8();
        next = end;
        if let Some(t) = open.as_mut() {
            let continues = match class {
                Class::Mark => true,
                Class::Letter => t.kind == TokenKind::Word,
                Class::Digit => t.kind == TokenKind::Number,
                _ => false,
            };
            if continues {
                if class != Class::Mark {
                    if let Some(sep) = pending_sep.take() {
                        norm.push(sep);
                    }
                    if let Fold::Char(fc) = f {
                        norm.push(fc);
                    }
                }
                t.end = end;
                continue;
            }
            // A separator inside a number: keep it only if a digit follows.
            if t.kind == TokenKind::Number && pending_sep.is_none() {
                if let Fold::Char(sep @ (',' | '.')) = f {
                    let digit_follows = text
                        .get(end..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|n| classify(fold(n)) == Class::Digit);
                    if digit_follows {
                        pending_sep = Some(sep);
                        continue;
                    }
                }
            }
        }
        pending_sep = None;
        close(&mut open, &mut norm, &mut tokens);
        let kind = match class {
            Class::Letter => TokenKind::Word,
            Class::Digit => TokenKind::Number,
            Class::Other => TokenKind::Punct,
            Class::Space | Class::Mark => continue,
        };
        let Fold::Char(fc) = f else { continue };
        norm.push(fc);
        open = Some(Open {
            start: i,
            end,
            kind,
        });
        if kind == TokenKind::Punct {
            close(&mut open, &mut norm, &mut tokens);
        }
    }
    close(&mut open, &mut norm, &mut tokens);
    tokens
}

/// The token [`tokenize`] is building: its span and kind (its folded form
/// is in the tokenizer's buffer).
struct Open {
    start: usize,
    end: usize,
    kind: TokenKind,
}

/// Ends the open token, if any, with the folded form in `norm`, and empties
/// `norm` for the next.
fn close(open: &mut Option<Open>, norm: &mut String, tokens: &mut Vec<Token>) {
    if let Some(t) = open.take() {
        tokens.push(Token {
            start: t.start,
            end: t.end,
            kind: t.kind,
            norm: CompactString::new(norm.as_str()),
        });
    }
    norm.clear();
}

/// The length in bytes of the run of basic Arabic letters at the start of
/// `bytes` that [`fold`] leaves as they are and [`classify`] calls letters:
/// ء ا ب ت ث ... ي without أ إ آ ؤ ئ ة ى, each two bytes in UTF-8
/// (U+0620–U+063F are D8 A0–BF, U+0641–U+064A are D9 81–8A).
fn plain_letters(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(&[lead, low]) = bytes.get(n..n + 2) {
        let plain = match lead {
            0xD8 => matches!(low, 0xA0 | 0xA1 | 0xA7 | 0xA8 | 0xAA..=0xBF),
            0xD9 => matches!(low, 0x81..=0x88 | 0x8A),
            _ => false,
        };
        if !plain {
            break;
        }
        n += 2;
    }
    n
}

/// Enclitic pronouns, folded, longest first: هما، كما، ها، هم، هن، كم، نا،
/// ه، ك، ي.
const ENCLITICS: [&str; 10] = ["هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ك", "ي"];

/// Inflectional endings (plural, dual, nisba, feminine), folded, longest
/// first: مدنيين، مدني and مدنية all stem to مدن.
const ENDINGS: [&str; 10] = ["يين", "يون", "يات", "يه", "ات", "ون", "ين", "ان", "ه", "ي"];

/// Words that look as if they carried a clitic but do not: place and person
/// names (ليبيا is not ل + يبيا) and common nouns whose first letter is a
/// root letter. Kept in `crate/data/protected_words.txt`, one per line.
static PROTECTED: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    include_str!("../data/protected_words.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(crate::normalize::normalize)
        .collect()
});

/// Proclitic sequences, folded, that start with a word's first letter,
/// longest first: conjunction (و ف), then preposition (ب ل ك) or future
/// (س), then the article (ال; after ل it is written لل). Keyed by letter so
/// that a word is only tried against its own letter's few.
fn proclitics_for(word: &str) -> &'static [&'static str] {
    match word.chars().next() {
        Some('و') => &["وبال", "وكال", "ولل", "وال", "وب", "ول", "وك", "وس", "و"],
        Some('ف') => &["فبال", "فكال", "فلل", "فال", "فب", "فل", "فك", "فس", "ف"],
        Some('ب') => &["بال", "ب"],
        Some('ك') => &["كال", "ك"],
        Some('ل') => &["لل", "ل"],
        Some('ا') => &["ال"],
        Some('س') => &["س"],
        _ => &[],
    }
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Splits a folded word into (proclitics, rest). The shortest remainder
/// kept is two letters after an article, three otherwise, and a remainder
/// is never cut from a protected word.
///
/// ```
/// use tabayyun::tokenize::split_proclitics;
/// assert_eq!(split_proclitics("وبالمدينه"), ("وبال", "مدينه"));
/// assert_eq!(split_proclitics("ليبيا"), ("", "ليبيا"));
/// assert_eq!(split_proclitics("وليبيا"), ("و", "ليبيا"));
/// ```
pub fn split_proclitics(word: &str) -> (&str, &str) {
    // Most words start with no proclitic letter and need neither the
    // prefix tests nor the table lookups below.
    let candidates = proclitics_for(word);
    if candidates.is_empty() || PROTECTED.contains(word) {
        return ("", word);
    }
    // A protected word behind any proclitic wins over a longer cut
    // (ولبنان is و + لبنان, not ول + بنان).
    if let Some(p) = candidates.iter().find(|p| {
        word.strip_prefix(**p)
            .is_some_and(|r| PROTECTED.contains(r))
    }) {
        return word.split_at(p.len());
    }
    for &p in candidates {
        let Some(rest) = word.strip_prefix(p) else {
            continue;
        };
        let min = if p.ends_with("ال") || p.ends_with("لل") {
            2
        } else {
            3
        };
        if char_len(rest) < min {
            continue;
        }
        // The future particle only precedes an imperfect verb (سيقول).
        if p.ends_with('س') && !rest.starts_with(['ي', 'ت', 'ن', 'ا']) {
            continue;
        }
        // A lone preposition or conjunction before a word that keeps its
        // article (بالي is not ب + الي) is kept only if the rest is long.
        if p.len() <= 4 && !p.ends_with("ال") && rest.starts_with("ال") && char_len(rest) < 4 {
            continue;
        }
        return (&word[..p.len()], rest);
    }
    ("", word)
}

/// Splits a folded word (proclitics already removed) into (rest, enclitic
/// pronoun). The rest keeps at least three letters, and protected words
/// keep their last letters.
///
/// ```
/// use tabayyun::tokenize::split_enclitic;
/// assert_eq!(split_enclitic("مقاتليها"), ("مقاتلي", "ها")); // "its fighters"
/// assert_eq!(split_enclitic("لبنان"), ("لبنان", ""));
/// ```
pub fn split_enclitic(word: &str) -> (&str, &str) {
    if PROTECTED.contains(word) {
        return (word, "");
    }
    ENCLITICS
        .iter()
        .find_map(|e| {
            let rest = word.strip_suffix(e)?;
            (char_len(rest) >= 3).then(|| word.split_at(rest.len()))
        })
        .unwrap_or((word, ""))
}

/// The light stem of a folded word, for matching: proclitics, one enclitic
/// and one ending removed, names left whole, never below three letters.
///
/// ```
/// use tabayyun::tokenize::light_stem;
/// assert_eq!(light_stem("والمدنيين"), "مدن");
/// assert_eq!(light_stem("لبنان"), "لبنان");
/// ```
pub fn light_stem(word: &str) -> &str {
    let (pre, rest) = split_proclitics(word);
    light_stem_of_rest(word, keep_own_letter(word, pre, rest))
}

/// Words whose first letter is one a proclitic could be (ب ك ل ف و س) but
/// is their own: برلمان، كتاب، سياره، لاجي. Learned from news by
/// [`whole_words`] (`tabayyun build-whole-words`), so that the light stem
/// of سيارة meets that of السيارة.
static WHOLE: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    include_str!("../data/whole_words.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(crate::normalize::normalize)
        .collect()
});

/// `word` from its last proclitic on, when that proclitic is one letter
/// (ب ك ل ف و س; not the article ال, nor لل, ل before the article):
/// برلمان in وبرلمان, whose proclitics `pre` are وب.
fn from_last_letter<'w>(word: &'w str, pre: &str) -> Option<&'w str> {
    let last = pre.chars().next_back()?;
    let one = matches!(last, 'ب' | 'ك' | 'ل' | 'ف' | 'و' | 'س');
    if !one || pre.ends_with("ال") || pre.ends_with("لل") {
        return None;
    }
    word.get(pre.len() - last.len_utf8()..)
}

/// The rest of `word` after its proclitics `pre`, with the last one given
/// back when it is the first letter of a whole word: وبرلمان → برلمان.
fn keep_own_letter<'w>(word: &'w str, pre: &str, rest: &'w str) -> &'w str {
    from_last_letter(word, pre)
        .filter(|whole| WHOLE.contains(*whole))
        .unwrap_or(rest)
}

/// Learns the list behind the light stem's whole words from news texts.
/// A folded word seen at least `min_count` times whose last proclitic is
/// one letter is kept whole from that letter on when the definite form of
/// the whole word (البرلمان) is commoner than that of the rest (الرلمان)
/// and seen at least three times, or when the rest, with or without its
/// pronoun suffix, never stands alone nor with the article (امسونج in
/// سامسونج). Output: the file's text, sorted.
#[cfg(feature = "cli")]
pub fn whole_words<'t>(texts: impl IntoIterator<Item = &'t str>, min_count: u32) -> String {
    let mut counts: std::collections::HashMap<String, u32, FxBuild> = Default::default();
    for text in texts {
        for t in tokenize(text) {
            if t.kind == TokenKind::Word {
                *counts.entry(t.norm.into_string()).or_default() += 1;
            }
        }
    }
    let count = |w: &str| counts.get(w).copied().unwrap_or(0);
    let mut whole: Vec<&str> = counts
        .iter()
        .filter(|&(_, &n)| n >= min_count)
        .filter_map(|(w, _)| {
            let (pre, rest) = split_proclitics(w);
            let candidate = from_last_letter(w, pre)?;
            let definite = |x: &str| count(&format!("ال{x}"));
            let (whole_def, rest_def) = (definite(candidate), definite(rest));
            // The rest's own forms: as written, with the article, and
            // without a pronoun suffix (تنفيذ in بتنفيذهما).
            let bare = split_enclitic(rest).0;
            let unseen = count(rest) + rest_def == 0 && count(bare) + definite(bare) == 0;
            let keep = (whole_def >= 3 && whole_def > rest_def) || unseen;
            keep.then_some(candidate)
        })
        .collect();
    whole.sort_unstable();
    whole.dedup();
    let mut out = String::from(
        "# Words whose first letter only looks like a proclitic (ب ك ل ف و س),\n\
         # folded. Written by `tabayyun build-whole-words` from SaudiNewsNet\n\
         # (see BENCHMARKS.md, Matching); do not edit by hand.\n",
    );
    for w in whole {
        out.push_str(w);
        out.push('\n');
    }
    out
}

/// [`light_stem`] given the `rest` of [`split_proclitics`]`(word)`, for a
/// caller that has split the word already.
///
/// ```
/// use tabayyun::tokenize::light_stem_of_rest;
/// assert_eq!(light_stem_of_rest("والمدنيين", "مدنيين"), "مدن"); // "and the civilians"
/// ```
pub fn light_stem_of_rest<'w>(word: &'w str, rest: &'w str) -> &'w str {
    let (mut rest, enclitic) = split_enclitic(rest);
    // A final ك ends many nouns (ملك، بنك، شريك) and "your" is rare in
    // news, so it stays; ي comes off below as the nisba ending instead.
    if enclitic == "ك" {
        rest = &word[word.len() - rest.len() - enclitic.len()..];
    }
    if PROTECTED.contains(rest) {
        return rest;
    }
    ENDINGS
        .iter()
        .find_map(|s| rest.strip_suffix(s).filter(|stem| char_len(stem) >= 3))
        .unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.norm.into_string())
            .collect()
    }

    #[test]
    fn plain_letter_runs_are_letters_fold_keeps() {
        // The byte scan may only take a character that the per-character
        // path would keep unchanged as a letter, and it takes every such
        // character of the basic Arabic letters (those of news text).
        for c in ('\u{0600}'..='\u{06FF}').chain(['a', 'ـ', '\u{200C}']) {
            let keeps = fold(c) == Fold::Char(c) && classify(fold(c)) == Class::Letter;
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let taken = plain_letters(bytes) == bytes.len();
            assert!(keeps || plain_letters(bytes) == 0, "{c:?} taken, not kept");
            if ('\u{0620}'..='\u{064A}').contains(&c) {
                assert_eq!(taken, keeps, "{c:?}");
            }
        }
        // (text, bytes of the run at its start)
        let cases = [
            ("باغوز", 10), // Baghuz: every letter plain
            ("مدينة", 8),  // "city": the taa marbuta folds to ه
            ("الأمم", 4),   // "the nations": the hamza on alef folds
            ("قال 5", 6),  // "he said": the space ends the run
            ("مُحمد", 2),   // "Muhammad": the damma is a mark
        ];
        for (text, want) in cases {
            assert_eq!(plain_letters(text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn word_tokens_fold_as_normalize_does() {
        // Words mixing plain letters, letters that fold, marks and tatweel.
        let words = [
            "وبالمدينة",     // "and in the city"
            "الأمم",          // "the nations"
            "مُحَمَّدٌ",          // "Muhammad", vocalized
            "الـــرقة",      // Raqqa, with tatweel
            "مستشفى",        // "hospital"
            "با\u{200C}غوز", // a zero-width non-joiner inside
            "CNNعربية",      // Latin then Arabic letters: one word
        ];
        for w in words {
            let t = tokenize(w);
            assert_eq!(t.len(), 1, "{w}");
            assert_eq!(t[0].norm, normalize(w), "{w}");
            assert_eq!((t[0].start, t[0].end), (0, w.len()), "{w}");
        }
    }

    #[test]
    fn tokens_table() {
        let cases: [(&str, &[&str]); 9] = [
            // "1,500 civilians fled"
            ("فر 1,500 مدني", &["فر", "1,500", "مدني"]),
            // Arabic-Indic digits with Arabic separators.
            ("١٬٥٠٠ و٩٩٫٥", &["1,500", "و", "99.5"]),
            // A trailing comma or full stop is punctuation, not a separator.
            (
                "عام 2019، ثم 2017.",
                &["عام", "2019", ",", "ثم", "2017", "."],
            ),
            // Diacritics and tatweel stay inside the word.
            ("الـمَدِينة", &["المدينه"]),
            // Quotes split from the word they wrap: لـ"داعش".
            ("لـ\"داعش\"", &["ل", "\"", "داعش", "\""]),
            ("50٪", &["50", "%"]),
            // Mixed scripts: Latin words are words too.
            ("قال CNN إن", &["قال", "cnn", "ان"]),
            // Digits glued to letters split.
            ("20ألف", &["20", "الف"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(norms(input), want, "tokenize({input:?})");
        }
    }

    #[test]
    fn spans_point_into_source() {
        let text = "قالَ \u{200F}مسؤولٌ: ١٬٥٠٠ فرّوا.";
        let tokens = tokenize(text);
        let mut last = 0;
        for t in &tokens {
            assert!(t.start >= last && t.end > t.start);
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(crate::normalize::normalize(&text[t.start..t.end]), t.norm);
            last = t.end;
        }
        assert_eq!(&text[tokens[3].start..tokens[3].end], "١٬٥٠٠");
    }

    #[test]
    fn proclitics_table() {
        let cases = [
            ("والمدنيين", "وال", "مدنيين"), // "and the civilians"
            ("فللمدنيين", "فلل", "مدنيين"), // "so for the civilians"
            ("وبالقرب", "وبال", "قرب"),     // "and near"
            ("بباغوز", "ب", "باغوز"),       // "in Baghuz"
            ("لسوريا", "ل", "سوريا"),       // "for Syria"
            ("سيقول", "س", "يقول"),         // "he will say"
            ("سته", "", "سته"),             // "six": س is not future here
            ("بالي", "", "بالي"),           // Bali (a name)
            ("البانيا", "", "البانيا"),     // Albania, folded
            ("ليبيا", "", "ليبيا"),         // Libya
            ("لبنان", "", "لبنان"),         // Lebanon
            ("ولبنان", "و", "لبنان"),       // "and Lebanon"
            ("بليبيا", "ب", "ليبيا"),       // "in Libya"
            ("وزير", "", "وزير"),           // "minister": و is a root letter
            ("الي", "", "الي"),             // "to": too short to hold an article
        ];
        for (word, pre, rest) in cases {
            assert_eq!(split_proclitics(word), (pre, rest), "split({word})");
        }
    }

    #[test]
    fn enclitics_table() {
        let cases = [
            ("مقاتليها", "مقاتلي", "ها"), // "its (f.) fighters"
            ("قادتهم", "قادت", "هم"),     // "their leaders"
            ("بلادنا", "بلاد", "نا"),       // "our country"
            ("كتابه", "كتاب", "ه"),       // "his book"
            ("قريتهما", "قريت", "هما"),   // "their (dual) village"
            ("بيتك", "بيت", "ك"),         // "your house"
            ("رايي", "راي", "ي"),         // "my opinion"
            ("منه", "منه", ""),           // "from him": too short to split
            ("بالي", "بالي", ""),         // Bali
        ];
        for (word, rest, enclitic) in cases {
            assert_eq!(
                split_enclitic(word),
                (rest, enclitic),
                "split_enclitic({word})"
            );
        }
    }

    #[test]
    fn light_stem_table() {
        let cases = [
            ("والمدنيين", "مدن"),   // "and the civilians"
            ("المدني", "مدن"),      // "the civilian"
            ("مدنيه", "مدن"),       // "civil" (feminine)
            ("مقاتليها", "مقاتل"),  // "its fighters"
            ("المقاتلين", "مقاتل"), // "the fighters"
            ("بالي", "بالي"),
            ("البانيا", "البانيا"),
            ("ليبيا", "ليبيا"),
            ("لبنان", "لبنان"),
            ("وبيروت", "بيروت"),
            ("باغوز", "باغوز"),
            ("بنك", "بنك"),      // "bank": final ك is a root letter
            ("والشريك", "شريك"), // "and the partner"
            ("قادتهم", "قادت"),  // "their leaders"
        ];
        for (word, stem) in cases {
            assert_eq!(light_stem(word), stem, "light_stem({word})");
        }
    }

    #[test]
    fn own_first_letter_stays() {
        // Each word is folded, then its stem must equal its definite
        // form's: the letter that looks like a proclitic is the word's own.
        let cases = [
            ("سيارة", "السيارة"),     // "car"
            ("سنوات", "السنوات"),     // "years"
            ("ساعة", "الساعة"),       // "hour"
            ("برلمان", "البرلمان"),   // "parliament"
            ("وبرلمان", "البرلمان"),  // "and a parliament"
            ("كتاب", "الكتاب"),       // "book"
            ("لبنانية", "اللبنانية"), // "Lebanese" (fem.)
        ];
        for (word, definite) in cases {
            let (w, d) = (normalize(word), normalize(definite));
            assert_eq!(light_stem(&w), light_stem(&d), "light_stem({word})");
        }
        // Real proclitics still come off: "he will say", "in a city".
        assert_eq!(light_stem(&normalize("سيقول")), "يقول");
        assert_eq!(
            light_stem(&normalize("بمدينة")),
            light_stem(&normalize("المدينة"))
        );
    }

    #[test]
    fn whole_words_are_clean() {
        let mut seen = HashSet::new();
        for w in include_str!("../data/whole_words.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert_eq!(normalize(w), w, "whole word {w} is not folded");
            assert!(seen.insert(w), "duplicate whole word {w}");
        }
        assert!(
            seen.len() > 1000,
            "whole_words.txt holds {} words",
            seen.len()
        );
    }

    #[test]
    fn protected_list_is_clean() {
        let raw: Vec<&str> = include_str!("../data/protected_words.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect();
        let mut seen = HashSet::new();
        for w in &raw {
            let n = crate::normalize::normalize(w);
            assert!(seen.insert(n.clone()), "duplicate protected word {w}");
            assert_eq!(
                n.split(' ').count(),
                1,
                "protected entry {w} is not one word"
            );
        }
    }
}
