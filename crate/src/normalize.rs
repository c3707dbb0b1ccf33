//! Stage 1, normalization for matching. Input: any text. Output: a folded
//! form in which spelling variants that Arabic news mixes freely compare
//! equal: alef variants, alef maqsura, taa marbuta, hamza carriers,
//! diacritics, tatweel, digits of every script, Arabic punctuation, bidi and
//! zero-width controls, and exotic spaces.
//!
//! Invariants: folding is per character (one character in gives zero or one
//! out), so every folded character keeps a map back to its source offset;
//! folding is idempotent (`normalize(normalize(x)) == normalize(x)`).

/// What one source character becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Keep this (possibly replaced) character.
    Char(char),
    /// A mark or control that carries no letter: diacritics, tatweel,
    /// bidi and zero-width characters. It stays inside the word around it.
    Drop,
    /// Some kind of space (no-break, thin, ideographic...): a word break.
    Space,
}

/// Folds one character.
///
/// ```
/// use tabayyun::normalize::{fold, Fold};
/// assert_eq!(fold('أ'), Fold::Char('ا'));
/// assert_eq!(fold('٣'), Fold::Char('3'));
/// assert_eq!(fold('\u{064E}'), Fold::Drop); // fatha
/// ```
#[inline]
pub fn fold(c: char) -> Fold {
    // The bulk of news text first, in a few comparisons: plain Arabic
    // letters (U+0621..U+064A, tatweel aside) and ASCII. The full table
    // below ends in a Unicode whitespace search that these would all pay.
    match c {
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' => Fold::Char(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            c => c,
        }),
        ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' => Fold::Space,
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        '\0'..='\x7f' => Fold::Char(c),
        c => fold_table(c),
    }
}

/// [`fold`] for every character.
fn fold_table(c: char) -> Fold {
    use Fold::{Char, Drop, Space};
    match c {
        // Alef with hamza above/below, madda, wasla, wavy hamza.
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Char('ا'),
        // Alef maqsura and the Persian/Urdu yeh are written for ي.
        'ى' | 'ی' | 'ې' | 'ۍ' => Char('ي'),
        'ة' | 'ۀ' | 'ە' => Char('ه'),
        // Hamza carriers: the seat varies between outlets (مسؤول/مسئول).
        'ؤ' => Char('و'),
        'ئ' => Char('ي'),
        'ک' | 'ڪ' => Char('ك'),
        // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => Drop,
        // Tatweel (kashida) stretches a word without changing it.
        'ـ' => Drop,
        // Bidi controls, the Arabic letter mark, zero-width characters, BOM,
        // soft hyphen: invisible, and pasted text is full of them.
        '\u{061C}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Drop,
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Space,
        // Arabic-Indic and Extended (Persian/Urdu) digits.
        '٠'..='٩' => Char(digit(c as u32 - '٠' as u32)),
        '۰'..='۹' => Char(digit(c as u32 - '۰' as u32)),
        '،' => Char(','),
        '؛' => Char(';'),
        '؟' => Char('?'),
        '٪' => Char('%'),
        // Arabic decimal and thousands separators.
        '٫' => Char('.'),
        '٬' => Char(','),
        '«' | '»' | '“' | '”' | '„' | '″' => Char('"'),
        '‘' | '’' | '‚' | '′' => Char('\''),
        'A'..='Z' => Char(c.to_ascii_lowercase()),
        c if c.is_whitespace() => Space,
        c => Char(c),
    }
}

fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

/// The folded form of `text`; spaces of every kind become `' '`.
///
/// ```
/// use tabayyun::normalize::normalize;
/// assert_eq!(normalize("إلى القريةِ"), "الي القريه");
/// assert_eq!(normalize("قوات سورية"), "قوات سوريه");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match fold(c) {
            Fold::Char(f) => out.push(f),
            Fold::Drop => {}
            Fold::Space => out.push(' '),
        }
    }
    out
}

/// A folded text with, for each of its bytes' characters, the byte offset
/// of the source character it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the source byte offset of the folded character that
    /// starts at byte `i` of `text`; entries for continuation bytes repeat it.
    /// One extra entry maps `text.len()` to the source length.
    pub origin: Vec<u32>,
}

/// Folds `text` and keeps the way back to source offsets.
///
/// ```
/// use tabayyun::normalize::normalize_with_map;
/// let n = normalize_with_map("بَيت");
/// assert_eq!(n.text, "بيت");
/// // "ي" is at folded byte 2; in the source it follows ب and its fatha (4 bytes).
/// assert_eq!(n.origin[2], 4);
/// ```
pub fn normalize_with_map(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let f = match fold(c) {
            Fold::Char(f) => f,
            Fold::Drop => continue,
            Fold::Space => ' ',
        };
        out.push(f);
        origin.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
    }
    origin.push(text.len() as u32);
    Normalized { text: out, origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_table() {
        let cases = [
            ("أحمد", "احمد"),       // alef with hamza above
            ("إسرائيل", "اسراييل"), // hamza below, yeh with hamza
            ("آلاف", "الاف"),         // madda: "thousands"
            ("ٱلله", "الله"),       // wasla
            ("مستشفى", "مستشفي"),   // alef maqsura: "hospital"
            ("مدينة", "مدينه"),     // taa marbuta: "city"
            ("مسؤول", "مسوول"),     // hamza on waw: "official"
            ("مسئول", "مسيول"),     // hamza on yeh (variant spelling)
            ("مُحَمَّدٌ", "محمد"),       // harakat, shadda, tanwin
            ("الـــرقة", "الرقه"),  // tatweel
            ("١٬٥٠٠", "1,500"),     // Arabic-Indic digits, thousands separator
            ("٩٩٫٥", "99.5"),       // Arabic decimal separator
            ("۱۲۳", "123"),         // Persian digits
            ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
            ("\u{200F}باغوز\u{200E}", "باغوز"), // bidi marks
            ("با\u{200C}غوز", "باغوز"),         // zero-width non-joiner
            ("دير\u{00A0}الزور", "دير الزور"),  // no-break space
            ("٥٠٪", "50%"),
            ("«داعش»", "\"داعش\""),
            ("CNN", "cnn"),
            ("ژ", "ژ"), // letters outside the rules stay
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "normalize({input:?})");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_table() {
        // Every character: the shortcut for Arabic letters and ASCII must
        // fold exactly as the full table does.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold(c), fold_table(c), "fold({c:?})");
        }
    }

    #[test]
    fn idempotent() {
        let text = "قالَ مسؤولٌ إنّ ١٬٥٠٠ مدنيٍّ فرّوا «الإثنين»\u{200F}";
        let once = normalize(text);
        assert_eq!(normalize(&once), once);
    }

    #[test]
    fn map_points_into_source() {
        let src = "إِلى ٢٠ قرية";
        let n = normalize_with_map(src);
        assert_eq!(n.origin.len(), n.text.len() + 1);
        for (i, c) in n.text.char_indices() {
            let o = n.origin[i] as usize;
            assert!(src.is_char_boundary(o));
            let source_char = src[o..].chars().next().unwrap();
            assert_eq!(normalize(&source_char.to_string()), c.to_string());
        }
        assert_eq!(*n.origin.last().unwrap() as usize, src.len());
    }
}
