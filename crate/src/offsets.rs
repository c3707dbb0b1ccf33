//! Offsets: the core works in UTF-8 byte offsets internally and converts to
//! UTF-16 code units (what the DOM and JavaScript strings count in) at its
//! boundary. Conversions are monotone in practice, so a forward cursor makes
//! a whole document's worth of conversions linear in its length.

/// Converts byte offsets of one text to UTF-16 offsets.
///
/// ```
/// let mut map = tabayyun::offsets::Utf16Map::new("قال 5");
/// assert_eq!(map.to_utf16(7), 4); // "قال " is 7 bytes, 4 UTF-16 units
/// ```
pub struct Utf16Map<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Map<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Map {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, and
    /// rounded down to a character boundary).
    pub fn to_utf16(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        // Counted on bytes, without decoding: each character has one
        // byte that is not a continuation byte (10xxxxxx), and those
        // outside the BMP (a lead byte from F0) are two UTF-16 units. A
        // byte adds at most 2, so a chunk of 127 sums in a `u8`, which
        // compiles to 16 bytes per vector step.
        let units = |s: &str| {
            s.as_bytes()
                .chunks(127)
                .map(|c| {
                    let n: u8 = c
                        .iter()
                        .map(|&b| u8::from(b & 0xC0 != 0x80) + u8::from(b >= 0xF0))
                        .sum();
                    usize::from(n)
                })
                .sum::<usize>()
        };
        // Walk from the cursor in either direction: callers convert nearly
        // sorted offsets, so each step is short.
        if byte < self.byte {
            self.unit -= units(&self.text[byte..self.byte]);
        } else {
            self.unit += units(&self.text[self.byte..byte]);
        }
        self.byte = byte;
        self.unit
    }
}

/// The byte offset of UTF-16 offset `unit` in `text` (clamped to the text;
/// an offset inside a surrogate pair rounds down to the character start).
///
/// ```
/// assert_eq!(tabayyun::offsets::utf16_to_byte("قال 5", 4), 7);
/// ```
pub fn utf16_to_byte(text: &str, unit: usize) -> usize {
    let mut seen = 0;
    for (byte, c) in text.char_indices() {
        if seen + c.len_utf16() > unit {
            return byte;
        }
        seen += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_astral_and_arabic() {
        // "x😀ب": the emoji is 4 bytes and 2 UTF-16 units; ب is 2 bytes, 1 unit.
        let text = "x😀ب";
        let mut map = Utf16Map::new(text);
        assert_eq!(map.to_utf16(0), 0);
        assert_eq!(map.to_utf16(1), 1);
        assert_eq!(map.to_utf16(5), 3);
        assert_eq!(map.to_utf16(7), 4);
        // Going backwards walks back from the cursor.
        assert_eq!(map.to_utf16(1), 1);
        // Past the end clamps.
        assert_eq!(map.to_utf16(99), 4);
        assert_eq!(utf16_to_byte(text, 3), 5);
        assert_eq!(utf16_to_byte(text, 2), 1);
        assert_eq!(utf16_to_byte(text, 99), text.len());
    }

    #[test]
    fn every_boundary_counts_as_javascript_does() {
        // "Lebanon ﻻ 5€ 😀 لبنان": ASCII, Arabic (2 bytes), a presentation
        // form and the euro sign (3 bytes), an emoji (4 bytes).
        let text = "Lebanon ﻻ 5€ 😀 لبنان";
        let mut map = Utf16Map::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let want = text[..byte].encode_utf16().count();
            assert_eq!(map.to_utf16(byte), want, "byte {byte}");
        }
    }
}
