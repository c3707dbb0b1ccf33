//! Persistence of the library: a compact binary image that the extension
//! keeps in IndexedDB and reloads when its service worker restarts.
//! Input: a library (to save) or bytes (to load). Output: bytes, or the
//! library they describe, or `Error::CorruptLibrary` saying what is wrong.
//!
//! Layout, little-endian:
//!
//! ```text
//! "TBYN"  magic, 4 bytes
//! u16     format version (2)
//! u16     reserved, 0
//! u64     payload length in bytes
//! u64     checksum of the payload (FNV-1a over 64-bit words)
//! payload:
//!   varint  term count, then each term: varint byte length, UTF-8 bytes,
//!           varint number of passages that hold it
//!   varint  article count, then each article:
//!     id, url?, outlet, title?, date? (strings), saved_at (f64), text
//!     passages: count, then start, end (UTF-16), byte start, byte end,
//!               term count and the sorted term ids as varint deltas
//!     numbers:  count, then start, end, passage, text, kind, value?,
//!               low?, high?, qualifier, unit?
//!     entities: count, then start, end, passage, text, type, id
//!     sketch:   count, then u64 hashes
//! ```
//!
//! Strings are a varint byte length and UTF-8 bytes; `x?` is a byte 0 (absent)
//! or 1 and the value. The forward lists of term ids are the postings in
//! compressed form: loading rebuilds the inverted lists from them in one
//! pass, each list allocated once at its saved size, and keeps each
//! passage's saved bytes as its in-memory term list (the same varint
//! gaps), without tokenizing or analyzing any text again. Version 1 (byte
//! checksum, no passage counts) is refused with a version error.
//!
//! Invariants: loading never panics and never returns a partial library;
//! `load(save(lib))` matches exactly as `lib` does; removed articles and
//! unused terms are not saved, and ids are renumbered densely.

use super::index::Index;
use super::{Article, EntityFact, Library, NumberFact, PassageSpan};
use crate::error::Error;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"TBYN";
/// The format version this build writes and reads.
pub const VERSION: u16 = 2;
const HEADER: usize = 4 + 2 + 2 + 8 + 8;

/// FNV-1a over little-endian 64-bit words (the last one zero-padded) and
/// the length: eight times fewer steps than over bytes, which matters on
/// a 70 MB image. Each step (xor a word, multiply by an odd number,
/// rotate) is a bijection of the state, so any change within one word
/// always changes the sum. Public for tools that write an image's payload
/// themselves, such as the fuzz target that reaches the payload parser
/// past this check.
pub fn checksum(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(PRIME)
            .rotate_left(29);
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(last))
        .wrapping_mul(PRIME)
        .rotate_left(29);
    (h ^ bytes.len() as u64).wrapping_mul(PRIME)
}

struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
            None => self.0.push(0),
        }
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            Some(v) => {
                self.0.push(1);
                self.f64(v);
            }
            None => self.0.push(0),
        }
    }
}

impl Library {
    /// The library as bytes.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle};
    /// let mut lib = Library::new();
    /// lib.add(NewArticle { id: "a".into(), text: "فر 1500 مدني".into(), ..Default::default() }).unwrap();
    /// let bytes = lib.save();
    /// assert_eq!(&bytes[..4], b"TBYN");
    /// assert_eq!(Library::load(&bytes).unwrap().get("a").unwrap().text, "فر 1500 مدني");
    /// ```
    pub fn save(&self) -> Vec<u8> {
        // Dense renumbering of the terms live passages use.
        let mut remap: HashMap<u32, u32> = HashMap::new();
        let mut names: Vec<u32> = Vec::new();
        for (_, p) in self.index.live_iter() {
            for t in p.terms() {
                remap.entry(t).or_insert_with(|| {
                    names.push(t);
                    (names.len() - 1) as u32
                });
            }
        }
        // Text dominates the image: reserve for it up front so the buffer
        // is not copied as it grows (slow in wasm's linear memory).
        let text: usize = self.articles().map(|a| a.text.len()).sum();
        let mut w = Writer(Vec::with_capacity(text + text / 2 + (1 << 16)));
        w.varint(names.len() as u64);
        // Each term with its passage count, so reload sizes every posting
        // list once.
        for &t in &names {
            w.str(self.index.name(t));
            w.varint(self.index.postings(t).len() as u64);
        }
        w.varint(self.len() as u64);
        for a in self.articles() {
            w.str(&a.id);
            w.opt_str(a.url.as_deref());
            w.str(&a.outlet);
            w.opt_str(a.title.as_deref());
            w.opt_str(a.date.as_deref());
            w.f64(a.saved_at);
            w.str(&a.text);
            w.varint(a.passages.len() as u64);
            for (i, p) in a.passages.iter().enumerate() {
                for v in [p.start, p.end, p.byte_start, p.byte_end] {
                    w.varint(u64::from(v));
                }
                let mut ids: Vec<u32> = self
                    .index
                    .passage(a.first_pid + i as u32)
                    .map(|ip| {
                        ip.terms()
                            .iter()
                            .filter_map(|t| remap.get(t).copied())
                            .collect()
                    })
                    .unwrap_or_default();
                ids.sort_unstable();
                w.varint(ids.len() as u64);
                let mut prev = 0;
                for id in ids {
                    w.varint(u64::from(id - prev));
                    prev = id;
                }
            }
            w.varint(a.numbers.len() as u64);
            for n in &a.numbers {
                for v in [n.start, n.end, n.passage] {
                    w.varint(u64::from(v));
                }
                w.str(&n.text);
                w.str(&n.kind);
                w.opt_f64(n.value);
                w.opt_f64(n.low);
                w.opt_f64(n.high);
                w.str(&n.qualifier);
                w.opt_str(n.unit.as_deref());
            }
            w.varint(a.entities.len() as u64);
            for e in &a.entities {
                for v in [e.start, e.end, e.passage] {
                    w.varint(u64::from(v));
                }
                w.str(&e.text);
                w.str(&e.kind);
                w.str(&e.id);
            }
            w.varint(a.sketch.len() as u64);
            for h in &a.sketch {
                w.0.extend_from_slice(&h.to_le_bytes());
            }
        }
        let payload = w.0;
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// A library from bytes written by [`Library::save`].
    ///
    /// ```
    /// let err = tabayyun::library::Library::load(b"TBYN").unwrap_err();
    /// assert_eq!(err.code(), "corrupt_library");
    /// ```
    pub fn load(bytes: &[u8]) -> Result<Library, Error> {
        let corrupt = |why: &str| Error::CorruptLibrary(why.to_string());
        if bytes.is_empty() {
            return Err(corrupt("the data is empty"));
        }
        if bytes.len() < HEADER {
            return Err(corrupt("the data is shorter than the header (truncated)"));
        }
        if bytes.get(..4) != Some(&MAGIC[..]) {
            return Err(corrupt("this is not a Tabayyun library (wrong magic)"));
        }
        let u16_at = |i: usize| {
            bytes
                .get(i..i + 2)
                .and_then(|b| b.try_into().ok())
                .map(u16::from_le_bytes)
        };
        let u64_at = |i: usize| {
            bytes
                .get(i..i + 8)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_le_bytes)
        };
        let version = u16_at(4).unwrap_or(0);
        if version != VERSION {
            return Err(Error::CorruptLibrary(format!(
                "format version {version}; this build reads version {VERSION}"
            )));
        }
        let len = u64_at(8).unwrap_or(u64::MAX);
        let sum = u64_at(16).unwrap_or(0);
        let payload = &bytes[HEADER..];
        if (payload.len() as u64) < len {
            return Err(Error::CorruptLibrary(format!(
                "truncated: {} of {len} payload bytes",
                payload.len()
            )));
        }
        if payload.len() as u64 != len {
            return Err(corrupt("trailing bytes after the payload"));
        }
        if checksum(payload) != sum {
            return Err(corrupt("checksum mismatch (the data was altered)"));
        }
        Reader {
            bytes: payload,
            at: 0,
            ids: Vec::new(),
        }
        .library()
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// One passage's term ids, reused from passage to passage.
    ids: Vec<u32>,
}

fn bad(why: &str) -> Error {
    Error::CorruptLibrary(why.to_string())
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| bad("unexpected end of data"))?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, Error> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("malformed varint"))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        u32::try_from(self.varint()?).map_err(|_| bad("offset out of range"))
    }
    /// A count, bounded by the bytes left so junk cannot ask for huge
    /// allocations.
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(bad("a count exceeds the data"));
        }
        Ok(n as usize)
    }
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        let end = self
            .at
            .checked_add(n)
            .ok_or_else(|| bad("length overflow"))?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or_else(|| bad("unexpected end of data"))?;
        self.at = end;
        Ok(s)
    }
    fn str(&mut self) -> Result<String, Error> {
        let n = self.count()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| bad("a string is not UTF-8"))
    }
    fn flag(&mut self) -> Result<bool, Error> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(bad("malformed optional field")),
        }
    }
    fn opt_str(&mut self) -> Result<Option<String>, Error> {
        Ok(if self.flag()? {
            Some(self.str()?)
        } else {
            None
        })
    }
    fn f64(&mut self) -> Result<f64, Error> {
        let b = self.take(8)?;
        let arr: [u8; 8] = b.try_into().map_err(|_| bad("unexpected end of data"))?;
        Ok(f64::from_le_bytes(arr))
    }
    fn opt_f64(&mut self) -> Result<Option<f64>, Error> {
        Ok(if self.flag()? {
            Some(self.f64()?)
        } else {
            None
        })
    }

    fn library(mut self) -> Result<Library, Error> {
        let mut lib = Library::new();
        let n_terms = self.count()?;
        let mut terms = Vec::with_capacity(n_terms);
        // Every posting costs at least one byte of a passage's term list:
        // counts beyond the data are junk, not allocations to make.
        let mut postings = 0usize;
        for _ in 0..n_terms {
            let name = self.str()?.into_boxed_str();
            let df = self.count()?;
            postings = postings.saturating_add(df);
            if postings > self.bytes.len() {
                return Err(bad("posting counts exceed the data"));
            }
            terms.push((name, df));
        }
        let mut index = Index::with_terms(terms).ok_or_else(|| bad("a term is listed twice"))?;
        let n_articles = self.count()?;
        lib.slots.reserve(n_articles);
        lib.by_id.reserve(n_articles);
        for _ in 0..n_articles {
            let slot = lib.slots.len() as u32;
            let article = self.article(&mut index, slot, n_terms)?;
            if lib.by_id.insert(article.id.clone(), slot).is_some() {
                return Err(bad("an article id is listed twice"));
            }
            if let Some(u) = article.url.as_deref().and_then(super::normalize_url) {
                lib.by_url.insert(u, slot);
            }
            for &h in article.sketch.iter().take(super::SKETCH_KEYS) {
                lib.by_sketch.entry(h).or_default().push(slot);
            }
            lib.slots.push(Some(article));
        }
        if self.at != self.bytes.len() {
            return Err(bad("unread bytes after the last article"));
        }
        lib.index = index;
        Ok(lib)
    }

    fn article(&mut self, index: &mut Index, slot: u32, n_terms: usize) -> Result<Article, Error> {
        let id = self.str()?;
        let url = self.opt_str()?;
        let outlet = self.str()?;
        let title = self.opt_str()?;
        let date = self.opt_str()?;
        let saved_at = self.f64()?;
        let text = self.str()?;
        let n_passages = self.count()?;
        let first_pid = index.next_pid();
        let mut passages = Vec::with_capacity(n_passages);
        for ordinal in 0..n_passages {
            let p = PassageSpan {
                start: self.u32()?,
                end: self.u32()?,
                byte_start: self.u32()?,
                byte_end: self.u32()?,
            };
            let (bs, be) = (p.byte_start as usize, p.byte_end as usize);
            if bs > be || p.start > p.end || text.get(bs..be).is_none() {
                return Err(bad("a passage lies outside its text"));
            }
            let n = self.count()?;
            let from = self.at;
            let mut ids = std::mem::take(&mut self.ids);
            ids.clear();
            let mut prev: u64 = 0;
            for k in 0..n {
                let delta = self.varint()?;
                if k > 0 && delta == 0 {
                    return Err(bad("term ids are not increasing"));
                }
                prev = prev
                    .checked_add(delta)
                    .ok_or_else(|| bad("term id overflow"))?;
                if prev >= n_terms as u64 {
                    return Err(bad("a term id is out of range"));
                }
                ids.push(prev as u32);
            }
            let encoded = self.bytes.get(from..self.at).unwrap_or(&[]);
            index.add_encoded(slot, ordinal as u32, encoded, &ids);
            self.ids = ids;
            passages.push(p);
        }
        let n_numbers = self.count()?;
        let mut numbers = Vec::with_capacity(n_numbers);
        for _ in 0..n_numbers {
            numbers.push(NumberFact {
                start: self.u32()?,
                end: self.u32()?,
                passage: self.passage(n_passages)?,
                text: self.str()?,
                kind: self.str()?,
                value: self.opt_f64()?,
                low: self.opt_f64()?,
                high: self.opt_f64()?,
                qualifier: self.str()?,
                unit: self.opt_str()?,
            });
        }
        let n_entities = self.count()?;
        let mut entities = Vec::with_capacity(n_entities);
        for _ in 0..n_entities {
            entities.push(EntityFact {
                start: self.u32()?,
                end: self.u32()?,
                passage: self.passage(n_passages)?,
                text: self.str()?,
                kind: self.str()?,
                id: self.str()?,
            });
        }
        let n_sketch = self.count()?;
        let mut sketch = Vec::with_capacity(n_sketch);
        for _ in 0..n_sketch {
            let b = self.take(8)?;
            let arr: [u8; 8] = b.try_into().map_err(|_| bad("unexpected end of data"))?;
            sketch.push(u64::from_le_bytes(arr));
        }
        Ok(Article {
            id,
            url,
            outlet,
            title,
            date,
            saved_at,
            text,
            passages,
            numbers,
            entities,
            first_pid,
            sketch,
        })
    }

    fn passage(&mut self, n_passages: usize) -> Result<u32, Error> {
        let p = self.u32()?;
        // An article without passages still anchors its facts at 0.
        if (p as usize) < n_passages.max(1) {
            Ok(p)
        } else {
            Err(bad("a mention points past its article's passages"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::matching::MatchOptions;
    use crate::library::NewArticle;

    fn sample() -> Library {
        let mut lib = Library::new();
        // "1500 civilians fled Baghuz today" / "about 1500 civilians left the
        // besieged town" / "the council approved the budget".
        for (id, url, text) in [
            (
                "a",
                Some("https://x.com/1"),
                "فر 1500 مدني من باغوز اليوم.\nواستمر القصف على البلدة.",
            ),
            ("b", None, "غادر نحو 1500 مدني البلدة المحاصرة في باغوز."),
            (
                "c",
                Some("https://y.com/2"),
                "أقر المجلس الميزانية الجديدة.",
            ),
        ] {
            lib.add(NewArticle {
                id: id.into(),
                url: url.map(Into::into),
                title: Some(format!("عنوان {id}")),
                date: Some("2019-02-11".into()),
                saved_at: Some(1.5e12),
                text: text.into(),
                ..Default::default()
            })
            .unwrap();
        }
        lib.remove("c");
        lib
    }

    #[test]
    fn round_trip_keeps_articles_and_matches() {
        let lib = sample();
        let bytes = lib.save();
        let back = Library::load(&bytes).unwrap();
        assert_eq!(back.len(), 2);
        for id in ["a", "b"] {
            assert_eq!(
                back.get(id),
                lib.get(id)
                    .map(|a| Article {
                        first_pid: back.get(id).unwrap().first_pid,
                        ..a.clone()
                    })
                    .as_ref()
            );
            let opts = MatchOptions::default();
            assert_eq!(
                back.match_article(id, &opts).unwrap(),
                lib.match_article(id, &opts).unwrap()
            );
        }
        // Saving the reloaded library gives the same bytes.
        assert_eq!(back.save(), bytes);
        // The URL index survives: the same URL is still a duplicate.
        let mut back = back;
        let dup = back
            .add(NewArticle {
                id: "z".into(),
                url: Some("http://x.com/1/".into()),
                text: "نص".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(dup.duplicate.map(|d| d.reason), Some("url"));
    }

    #[test]
    fn corruption_table() {
        let good = sample().save();
        let mut wrong_magic = good.clone();
        wrong_magic[0] = b'X';
        let mut wrong_version = good.clone();
        wrong_version[4] = 9;
        let mut flipped = good.clone();
        let mid = HEADER + (good.len() - HEADER) / 2;
        flipped[mid] ^= 0x40;
        let mut longer = good.clone();
        longer.push(0);
        let cases: [(&str, Vec<u8>, &str); 6] = [
            ("empty", Vec::new(), "empty"),
            ("header cut", good[..10].to_vec(), "truncated"),
            ("payload cut", good[..good.len() - 7].to_vec(), "truncated"),
            ("magic", wrong_magic, "magic"),
            ("version", wrong_version, "version 9"),
            ("flipped byte", flipped, "checksum"),
        ];
        for (name, bytes, needle) in cases {
            let err = Library::load(&bytes).unwrap_err();
            assert_eq!(err.code(), "corrupt_library", "{name}");
            assert!(err.to_string().contains(needle), "{name}: {err}");
        }
        assert!(Library::load(&longer)
            .unwrap_err()
            .to_string()
            .contains("trailing"));
    }

    #[test]
    fn checksum_sees_every_bit_and_the_length() {
        // Every single-bit change, in whole words and in the padded tail,
        // changes the sum; so does a trailing zero byte.
        let data: Vec<u8> = "نص قصير للاختبار".bytes().collect();
        let sum = checksum(&data);
        for i in 0..data.len() {
            for bit in 0..8 {
                let mut d = data.clone();
                d[i] ^= 1 << bit;
                assert_ne!(checksum(&d), sum, "byte {i} bit {bit}");
            }
        }
        let mut longer = data.clone();
        longer.push(0);
        assert_ne!(checksum(&longer), sum);
    }

    #[test]
    fn fuzzed_payloads_never_panic() {
        // Random payloads behind a valid header and checksum reach the
        // parser itself; every one must fail cleanly or load.
        let good = sample().save();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..3000 {
            let mut payload = good[HEADER..].to_vec();
            if round % 3 == 0 {
                let n = (next() % 200) as usize;
                payload = (0..n).map(|_| next() as u8).collect();
            } else {
                for _ in 0..1 + next() % 4 {
                    let i = (next() as usize) % payload.len();
                    payload[i] = next() as u8;
                }
                if round % 3 == 2 {
                    payload.truncate((next() as usize) % payload.len());
                }
            }
            let mut bytes = good[..HEADER].to_vec();
            bytes[8..16].copy_from_slice(&(payload.len() as u64).to_le_bytes());
            bytes[16..24].copy_from_slice(&checksum(&payload).to_le_bytes());
            bytes.extend_from_slice(&payload);
            if let Err(e) = Library::load(&bytes) {
                assert_eq!(e.code(), "corrupt_library");
            }
            let raw: Vec<u8> = (0..(next() % 64)).map(|_| next() as u8).collect();
            assert!(Library::load(&raw).is_err());
        }
    }
}
