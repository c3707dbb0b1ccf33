//! A small, fast hasher for the pipeline's tables of short folded words
//! (the FxHash multiply-rotate scheme), shared by tokenize, numbers and
//! entities. It is not flood-resistant: lexicon keys are ours, and the
//! word caches keyed by page text are bounded (cleared past 50,000 words),
//! so crafted text could at worst slow analysis down, never grow memory.

use std::hash::{BuildHasher, Hasher};

/// Builds [`FxHasher`]s; use as `HashMap<K, V, FxBuild>`.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxBuild;

impl BuildHasher for FxBuild {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by short folded words kept inline in the table (up to 24
/// bytes, 12 Arabic letters): a lookup compares the key without following
/// a pointer to its bytes. For large tables read once per token (the
/// entities' word records, the word classes), where that pointer was a
/// cache miss. Looked up with a `&str`.
pub type InlineWordMap<V> = std::collections::HashMap<compact_str::CompactString, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn works_as_a_map_hasher() {
        let mut m: HashMap<String, u8, FxBuild> = HashMap::default();
        m.insert("ثلاثه".into(), 3); // "three", folded
        m.insert("عشرات".into(), 20); // "tens of"
        assert_eq!(m.get("ثلاثه"), Some(&3));
        assert_eq!(m.get("عشره"), None);
    }

    #[test]
    fn inline_keys_are_found_by_str() {
        let mut m: InlineWordMap<u8> = InlineWordMap::default();
        m.insert("ثلاثه".into(), 3); // "three", folded
                                    // Longer than the inline 24 bytes: "and the international organisations".
        m.insert("والمنظماتالدوليه".into(), 2);
        assert_eq!(m.get("ثلاثه"), Some(&3));
        assert_eq!(m.get("والمنظماتالدوليه"), Some(&2));
        assert_eq!(m.get("عشره"), None);
    }
}
