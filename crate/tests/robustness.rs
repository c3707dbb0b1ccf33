//! No input may panic the pipeline (a panic in wasm kills the engine for
//! every tab). Seeded random texts, built from fragments that stress the
//! numbers recognizer (number words in long chains, digits of every script,
//! separators alone, huge digit strings, lone-surrogate replacement
//! characters, mixed scripts) and from raw random bytes, go through
//! `analyze` and `numbers::recognize`; every span must be in bounds, non-empty,
//! in order, and match its text.

use tabayyun::numbers::recognize;
use tabayyun::tokenize::tokenize;

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "ثلاثة",
    "ثلاث",
    "خمسمائة",
    "وخمسة",
    "وعشرون",
    "ألف",
    "آلاف",
    "ألفين",
    "الفين",
    "مليون",
    "ملايين",
    "مليار",
    "مئة",
    "مائة",
    "مئتين",
    "عشر",
    "عشرة",
    "أحد",
    "إحدى",
    "اثنا",
    "واحد",
    "الأول",
    "الحادي",
    "والعشرين",
    "عشرات",
    "مئات",
    "الآلاف",
    "نصف",
    "ربع",
    "ونصف",
    "في المئة",
    "بالمئة",
    "%",
    "٪",
    "أكثر من",
    "أقل من",
    "نحو",
    "ما بين",
    "بين",
    "و",
    "من",
    "إلى",
    "أو",
    "على الأقل",
    "لا يتجاوز",
    "عددهم",
    "يومين",
    "قريتين",
    "زوجتيه",
    "شاحنة",
    "مدنيا",
    "عاما",
    "سنوات",
    "كيلومتر",
    "مربع",
    "مربعين",
    "الساعة",
    "السادسة",
    "مساء",
    "صباحا",
    "والنصف",
    "ديسمبر",
    "كانون",
    "الأول",
    "شباط",
    "/",
    "فبراير",
    "(",
    ")",
    "-",
    "–",
    ":",
    ",",
    ".",
    "،",
    "٫",
    "٬",
    ",,,",
    "١٬",
    "٬٬",
    "1,500",
    "١٬٥٠٠",
    "99.5",
    "٩٩٫٥",
    "۱۲۳",
    "2018",
    "10/9/2018",
    "18:00",
    "25:99",
    "0",
    "00000",
    "9999999999999999999999",
    "1e308",
    "1.",
    ".5",
    "4-5",
    "هـ",
    "1436",
    "\u{FFFD}",
    "\u{200F}",
    "\u{0651}",
    "ـ",
    "CNN",
    "abc",
    "Ω",
    "😀",
    "\n",
    " ",
    "\t",
    "الاثنين",
    "أمس",
    "كمية",
    "لست",
    "رقم",
    "Stc",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    match rng.below(4) {
        // Raw bytes, decoded the way the CLI decodes files.
        0 => {
            let n = rng.below(300);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            s = String::from_utf8_lossy(&bytes).into_owned();
        }
        // Random code points from the Arabic, Latin and symbol blocks.
        1 => {
            for _ in 0..rng.below(200) {
                let c = match rng.below(4) {
                    0 => 0x0600 + rng.below(0x100) as u32,
                    1 => 0x20 + rng.below(0x60) as u32,
                    2 => 0x660 + rng.below(10) as u32,
                    _ => rng.below(0x3000) as u32,
                };
                if let Some(c) = char::from_u32(c) {
                    s.push(c);
                }
            }
        }
        // Fragments, sometimes glued without spaces.
        _ => {
            for _ in 0..rng.below(60) {
                s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
                if rng.below(3) > 0 {
                    s.push(' ');
                }
            }
        }
    }
    s
}

fn check_analyze(text: &str) {
    let Ok(a) = tabayyun::analyze(text) else {
        return; // a clear error is fine; a panic is not
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut last = 0;
    for n in &a.numbers {
        assert!(n.start < n.end, "empty span in {text:?}: {n:?}");
        assert!(
            n.end <= units.len(),
            "span out of bounds in {text:?}: {n:?}"
        );
        assert!(n.start >= last, "overlapping numbers in {text:?}");
        last = n.end;
        let slice = String::from_utf16_lossy(&units[n.start..n.end]);
        assert_eq!(slice, n.text, "text does not match span in {text:?}");
        if let Some(v) = n.value {
            assert!(!v.is_nan(), "NaN value in {text:?}");
        }
    }
    for e in &a.entities {
        assert!(
            e.start < e.end && e.end <= units.len(),
            "entity span in {text:?}"
        );
    }
}

fn check_recognize(text: &str) {
    let tokens = tokenize(text);
    let mut last = 0;
    for n in recognize(text, &tokens) {
        assert!(n.start < n.end && n.end <= text.len(), "{text:?}: {n:?}");
        assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        assert!(n.start >= last, "overlap in {text:?}");
        last = n.end;
    }
}

/// `ROBUSTNESS_SEED` and `ROBUSTNESS_ITERS` run a longer or different
/// search: `ROBUSTNESS_ITERS=300000 cargo test --release --test robustness`.
fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_texts_never_panic() {
    let mut rng = Rng(env_u64("ROBUSTNESS_SEED", 0x9e37_79b9_7f4a_7c15) | 1);
    let iters = env_u64("ROBUSTNESS_ITERS", 20_000);
    for _ in 0..iters {
        check_recognize(&random_text(&mut rng));
    }
    for _ in 0..iters / 10 {
        check_analyze(&random_text(&mut rng));
    }
}

#[test]
fn edge_cases_never_panic() {
    let long_digits = "9".repeat(5000);
    let words = "ألف ".repeat(3000);
    let chain = "خمسة وعشرون ألفا و".repeat(500);
    let cases = [
        "",
        ",,,",
        "١٬",
        "٫",
        "%",
        "و",
        "ما بين",
        "أكثر من",
        "الساعة",
        "من 10 إلى",
        "10/",
        "10/9/",
        "18:",
        "\u{FFFD}\u{FFFD}\u{FFFD}",
        "9999999999999999999999 مليار مليار",
        // Found by the fuzzer: a school year "N/1437" whose first part
        // saturates u32 (overflowed when checking y2 == y1 + 1).
        "ف005522200000/0000",
        "3-00000000000000000.00000000ف005522200000/0000\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}0.000000000022",
        long_digits.as_str(),
        words.as_str(),
        chain.as_str(),
    ];
    for text in cases {
        check_recognize(text);
        check_analyze(text);
    }
}
