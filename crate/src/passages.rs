//! Stage 4, passage segmentation. Input: an article's text. Output: its
//! passages, the units that matching compares across outlets, as byte spans
//! of that text.
//!
//! A passage is a paragraph (one line of text); within a line, the ".,"
//! separator that some outlets print between sentences also ends a passage.
//! A paragraph much longer than a news paragraph (scraped pages often come
//! as one line) is cut at sentence ends, with short sentences kept with
//! their neighbour so that no passage is a fragment.
//!
//! Invariants: spans are on character boundaries, in order, never overlap,
//! are trimmed of whitespace at both ends and never empty.

/// A paragraph longer than this many characters is cut into sentences. News
/// paragraphs stay well under it; a whole article on one line does not.
const LONG_PARAGRAPH_CHARS: usize = 700;

/// A sentence shorter than this many characters joins its neighbour, so a
/// cut never leaves a dateline or a quote fragment on its own.
const MIN_SENTENCE_CHARS: usize = 80;

/// One passage: byte offsets into the segmented text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into passages.
///
/// ```
/// use tabayyun::passages::segment;
/// let text = "فر المدنيون من باغوز.\n\nوقال شاهد إن الطائرات حلقت., وأضاف أن القصف استمر.";
/// let parts: Vec<&str> = segment(text).iter().map(|p| &text[p.start..p.end]).collect();
/// assert_eq!(parts, ["فر المدنيون من باغوز.", "وقال شاهد إن الطائرات حلقت.", "وأضاف أن القصف استمر."]);
/// ```
pub fn segment(text: &str) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            split_line(text, line_start, i, &mut out);
            line_start = i + c.len_utf8();
        }
    }
    split_line(text, line_start, text.len(), &mut out);
    out
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}')
}

/// Cuts one line at ".," separators, then cuts overlong pieces at
/// sentence ends.
fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Passage>) {
    let line = &text[start..end];
    let mut piece_start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '.' {
            continue;
        }
        // ".," (or ".،") with optional spaces between: the outlet's own
        // sentence separator. The full stop stays with its sentence.
        let after_dot = i + 1;
        let rest = &line[after_dot..];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if let Some(comma) = trimmed.chars().next().filter(|c| matches!(c, ',' | '،')) {
            let comma_end = after_dot + (rest.len() - trimmed.len()) + comma.len_utf8();
            split_long(text, start + piece_start, start + after_dot, out);
            piece_start = comma_end;
            while chars.peek().is_some_and(|&(j, _)| j < comma_end) {
                chars.next();
            }
        }
    }
    split_long(text, start + piece_start, end, out);
}

/// Pushes the trimmed span, cut at sentence ends when it is overlong.
fn split_long(text: &str, start: usize, end: usize, out: &mut Vec<Passage>) {
    let Some((start, end)) = trim(text, start, end) else {
        return;
    };
    let piece = &text[start..end];
    if piece.chars().count() <= LONG_PARAGRAPH_CHARS {
        out.push(Passage { start, end });
        return;
    }
    // Sentence ends: a terminal mark followed by a space. Each sentence
    // then joins the previous one until that one is long enough.
    let mut cuts = Vec::new();
    let mut prev_terminal = false;
    for (i, c) in piece.char_indices() {
        if prev_terminal && c.is_whitespace() {
            cuts.push(i);
        }
        prev_terminal = matches!(c, '.' | '!' | '?' | '؟' | '…');
    }
    cuts.push(piece.len());
    let mut sentence_start = 0;
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for cut in cuts {
        let short = piece[sentence_start..cut].chars().count() < MIN_SENTENCE_CHARS;
        match pieces.last_mut() {
            Some(last) if piece[last.0..last.1].chars().count() < MIN_SENTENCE_CHARS || short => {
                last.1 = cut;
            }
            _ => pieces.push((sentence_start, cut)),
        }
        sentence_start = cut;
    }
    for (s, e) in pieces {
        if let Some((s, e)) = trim(text, start + s, start + e) {
            out.push(Passage { start: s, end: e });
        }
    }
}

/// The span without surrounding whitespace and invisible marks, or `None`
/// if nothing is left.
fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let piece = text.get(start..end)?;
    let blank = |c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}');
    let left = piece.len() - piece.trim_start_matches(blank).len();
    let right = piece.trim_end_matches(blank).len();
    (right > left).then_some((start + left, start + right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn segmentation_table() {
        let cases: [(&str, &[&str]); 8] = [
            // Paragraphs, blank lines and CRLF: "The strikes resumed." / "Civilians fled."
            (
                "استؤنفت الغارات.\r\n\r\n  فر المدنيون.  \n",
                &["استؤنفت الغارات.", "فر المدنيون."],
            ),
            // The ".," separator, with and without a space after it.
            (
                "قال القائد إن المعركة بدأت., وأضاف أنها ستطول.,وتابع الحديث",
                &[
                    "قال القائد إن المعركة بدأت.",
                    "وأضاف أنها ستطول.",
                    "وتابع الحديث",
                ],
            ),
            // A plain comma or a decimal point is not a separator: "99.5 percent, then".
            (
                "خسر التنظيم 99.5% من أراضيه, ثم تراجع.",
                &["خسر التنظيم 99.5% من أراضيه, ثم تراجع."],
            ),
            // Quotes and Latin text stay in their passage.
            (
                "وقال: \"بدأت المعركة\". (CNN)\nسطر ثان",
                &["وقال: \"بدأت المعركة\". (CNN)", "سطر ثان"],
            ),
            // A short title line and a number alone on a line are passages.
            ("عنوان قصير\n29\n", &["عنوان قصير", "29"]),
            ("", &[]),
            (" \n\n \u{200F}\n", &[]),
            // The Arabic comma after a full stop is the separator too.
            (
                "انتهى الاجتماع.، وبدأ المؤتمر",
                &["انتهى الاجتماع.", "وبدأ المؤتمر"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(texts(input), want, "segment({input:?})");
        }
    }

    #[test]
    fn long_paragraph_is_cut_at_sentence_ends_without_fragments() {
        // "The council met today and discussed the budget of the coming year
        // in detail." repeated as one long line, with a short quote between.
        let sentence =
            "اجتمع المجلس اليوم وناقش ميزانية العام المقبل بالتفصيل مع الوزراء والخبراء المعنيين.";
        let mut line = String::new();
        for i in 0..12 {
            line.push_str(sentence);
            line.push(' ');
            if i == 5 {
                line.push_str("قال: نعم. ");
            }
        }
        let parts = texts(&line);
        assert!(parts.len() >= 6, "{} passages", parts.len());
        for p in &parts {
            assert!(p.chars().count() >= MIN_SENTENCE_CHARS, "fragment {p:?}");
            assert!(p.chars().count() <= LONG_PARAGRAPH_CHARS, "overlong {p:?}");
        }
        assert!(parts.iter().any(|p| p.contains("قال: نعم.")));
    }

    #[test]
    fn spans_are_ordered_trimmed_and_on_boundaries() {
        let inputs = [
            "أ.,ب., ,.,\n\n.,",
            "x😀ب. ",
            "\u{FEFF}نص\u{200F}",
            "...,,,.،.",
        ];
        for text in inputs {
            let mut last = 0;
            for p in segment(text) {
                assert!(p.start >= last && p.end > p.start, "{text:?}");
                assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
                let s = &text[p.start..p.end];
                assert_eq!(s.trim(), s);
                last = p.end;
            }
        }
    }
}
