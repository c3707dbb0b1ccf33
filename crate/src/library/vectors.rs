//! Library, topical word vectors: for the frequent content stems of news,
//! a short dense vector such that stems of one topic point the same way
//! ("غارات" air strikes, "طيران" aviation and "قصف" shelling; "ضريب" tax
//! and "سجاير" cigarettes), so that two passages on one sub-topic told
//! with other words still come out close. Input: a matching term (a light
//! stem, see [`super::terms::word_term`]). Output: its vector, and the
//! cosine of two passages' weighted mean vectors.
//!
//! The table is `crate/data/vectors.bin`, written by `tabayyun
//! build-vectors` (see [`build`]) from SaudiNewsNet and compiled in:
//! `TBV1`, the dimension (u16 LE, even), the stem count (u32 LE), each
//! stem as one length byte and its UTF-8 bytes in byte order, then each
//! stem's components, in the same order, at 4 bits each (-7..=7, two's
//! complement, two a byte, the first in the low half). The components
//! are scaled per vector, so a vector is known up to its length, which
//! cosines ignore.
//!
//! Invariants: a stem missing from the table has no vector; a malformed
//! table reads as empty, never a panic; building is deterministic (a fixed
//! seed), so a rerun on the same articles writes the same file.

use std::sync::LazyLock;

const TABLE: &[u8] = include_bytes!("../../data/vectors.bin");

/// The shipped table, parsed once.
static VECTORS: LazyLock<Table> = LazyLock::new(|| Table::parse(TABLE).unwrap_or_default());

/// A parsed table: stems in byte order and their vectors, decoded once
/// to unit length (9,166 × 32 floats, 1.2 MB) so that matching reads
/// them without unpacking.
#[derive(Debug, Default)]
pub struct Table {
    dims: usize,
    stems: Vec<&'static str>,
    units: Vec<f32>,
}

/// The component in one half of a packed byte: a 4-bit two's complement.
fn nibble(byte: u8, high: bool) -> f32 {
    let n = if high { byte >> 4 } else { byte & 0x0f };
    f32::from(((n << 4) as i8) >> 4)
}

impl Table {
    fn parse(bytes: &'static [u8]) -> Option<Table> {
        let rest = bytes.strip_prefix(b"TBV1")?;
        let dims = usize::from(u16::from_le_bytes(rest.get(..2)?.try_into().ok()?));
        let count = u32::from_le_bytes(rest.get(2..6)?.try_into().ok()?) as usize;
        if dims == 0 || !dims.is_multiple_of(2) {
            return None;
        }
        let mut at = 6;
        let mut stems = Vec::with_capacity(count);
        for _ in 0..count {
            let len = usize::from(*rest.get(at)?);
            let stem = std::str::from_utf8(rest.get(at + 1..at + 1 + len)?).ok()?;
            if stems.last().is_some_and(|&prev| prev >= stem) {
                return None;
            }
            stems.push(stem);
            at += 1 + len;
        }
        let packed = rest.get(at..at + count * dims / 2)?;
        let mut units = Vec::with_capacity(count * dims);
        for row in packed.chunks_exact(dims / 2) {
            let from = units.len();
            units.extend(
                row.iter()
                    .flat_map(|&b| [nibble(b, false), nibble(b, true)]),
            );
            let v = &mut units[from..];
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| *x /= norm);
            }
        }
        Some(Table { dims, stems, units })
    }

    /// The row of a stem, if the table has it.
    pub fn row(&self, stem: &str) -> Option<u32> {
        self.stems.binary_search(&stem).ok().map(|r| r as u32)
    }

    /// The unit vector of `row` (empty for a row out of range).
    pub fn unit(&self, row: u32) -> &[f32] {
        let r = row as usize;
        self.units
            .get(r * self.dims..(r + 1) * self.dims)
            .unwrap_or(&[])
    }

    /// The number of components of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }
}

/// The shipped table.
pub fn table() -> &'static Table {
    &VECTORS
}

/// The dot product of two vectors (their cosine, for unit vectors).
///
/// Four running sums, not one: matching takes hundreds of thousands of
/// these per article, and one sum makes every addition wait for the last.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            acc[k] += x[k] * y[k];
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// The cosine of two vectors, 0 when either is all zeros.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut ab, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa > 0.0 && bb > 0.0 {
        ab / (aa.sqrt() * bb.sqrt())
    } else {
        0.0
    }
}

/// The cosine of the topical vectors of two stems, `None` when either is
/// missing from the table.
///
/// ```
/// use tabayyun::library::vectors::similarity;
/// // "air strikes" and "shelling" are one topic, "air strikes" and "taxes" not.
/// let close = similarity("غار", "قصف").unwrap();
/// let far = similarity("غار", "ضريب").unwrap();
/// assert!(close > 0.5 && far < close);
/// assert_eq!(similarity("zzqx", "غار"), None);
/// ```
pub fn similarity(a: &str, b: &str) -> Option<f32> {
    let t = table();
    Some(dot(t.unit(t.row(a)?), t.unit(t.row(b)?)))
}

/// Parameters of [`build`].
#[cfg(feature = "cli")]
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Stems given a vector: the most frequent ones.
    pub targets: usize,
    /// Stems seen fewer times are neither targets nor contexts.
    pub min_count: u32,
    /// Content words either side that count as a context.
    pub window: usize,
    /// Components per vector (even: two are packed in a byte).
    pub dims: usize,
    /// Power iterations of the randomized SVD.
    pub iterations: usize,
    /// Seed of the random projection.
    pub seed: u64,
}

#[cfg(feature = "cli")]
impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            targets: 12_000,
            min_count: 30,
            window: 3,
            dims: 32,
            iterations: 4,
            seed: 2015,
        }
    }
}

/// Learns the vector table from texts and returns it in the file format.
///
/// Each stem is described by the content stems around it, `window` either
/// side and on both sides alike (without sides, so words of one topic meet
/// even when they cannot stand in each other's place, as
/// [`super::neighbours`] requires; three either side matched better than
/// 5, 10 or 20, which blur the sub-topics of one story), weighted by positive pointwise mutual information with
/// context counts smoothed to the power 0.75 (Levy, Goldberg and Dagan
/// 2015). The PPMI matrix is reduced by a randomized truncated SVD
/// (Halko, Martinsson and Tropp 2011) to `dims` components, each scaled
/// by the square root of its singular value; the vectors are centred (the
/// frequency-weighted mean removed: it is what every news word shares)
/// and quantized to 4 bits a component.
#[cfg(feature = "cli")]
pub fn build(texts: &[String], opts: &BuildOptions) -> Vec<u8> {
    use crate::fasthash::FxBuild;
    use std::collections::HashMap;
    let corpus = super::neighbours::ranked_stems(texts, opts.min_count);
    let n = opts.targets.min(corpus.names.len());
    // Co-occurrences of targets within the window, both ways.
    let mut pairs: Vec<HashMap<u32, u32, FxBuild>> = vec![HashMap::default(); n];
    for doc in &corpus.docs {
        let doc: Vec<u32> = doc.iter().copied().filter(|&r| (r as usize) < n).collect();
        for (i, &w) in doc.iter().enumerate() {
            for &c in doc.iter().skip(i + 1).take(opts.window) {
                if c != w {
                    *pairs[w as usize].entry(c).or_insert(0) += 1;
                    *pairs[c as usize].entry(w).or_insert(0) += 1;
                }
            }
        }
    }
    let rows: Vec<Vec<(u32, u32)>> = pairs
        .into_iter()
        .map(|row| {
            let mut v: Vec<(u32, u32)> = row.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut context_mass = vec![0f64; n];
    for row in &rows {
        for &(c, k) in row {
            context_mass[c as usize] += f64::from(k);
        }
    }
    let smoothed: Vec<f64> = context_mass.iter().map(|&m| m.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let ppmi: Vec<Vec<(u32, f64)>> = rows
        .iter()
        .map(|row| {
            let total: f64 = row.iter().map(|&(_, k)| f64::from(k)).sum();
            row.iter()
                .filter(|&&(_, k)| k >= 2)
                .filter_map(|&(c, k)| {
                    let pmi = (f64::from(k) / total / (smoothed[c as usize] / smoothed_total)).ln();
                    (pmi > 0.0).then_some((c, pmi))
                })
                .collect()
        })
        .collect();
    let vectors = truncated_svd(&ppmi, n, opts.dims, opts.iterations, opts.seed);
    // Centre on the frequency-weighted mean, then unit length.
    let dims = opts.dims;
    let mut mean = vec![0f64; dims];
    let total: f64 = corpus.counts[..n].iter().map(|&c| f64::from(c)).sum();
    for (w, v) in vectors.chunks_exact(dims).enumerate() {
        let share = f64::from(corpus.counts[w]) / total;
        for (m, x) in mean.iter_mut().zip(v) {
            *m += share * x;
        }
    }
    // Each vector at 4 bits a component: -7..=7 with the largest
    // component at ±7, two components a byte (the first in the low half).
    let mut entries: Vec<(&str, Vec<u8>)> = vectors
        .chunks_exact(dims)
        .enumerate()
        .filter(|(w, _)| corpus.names[*w].len() < 256)
        .map(|(w, v)| {
            let centred: Vec<f64> = v.iter().zip(&mean).map(|(x, m)| x - m).collect();
            let top = centred.iter().fold(0f64, |a, x| a.max(x.abs()));
            let level = |x: f64| {
                let q = if top > 0.0 {
                    (x / top * 7.0).round() as i8
                } else {
                    0
                };
                (q as u8) & 0x0f
            };
            let packed = centred
                .chunks_exact(2)
                .map(|pair| level(pair[0]) | (level(pair[1]) << 4))
                .collect();
            (corpus.names[w].as_str(), packed)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = b"TBV1".to_vec();
    out.extend_from_slice(&(dims as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for (stem, _) in &entries {
        out.push(stem.len() as u8);
        out.extend_from_slice(stem.as_bytes());
    }
    for (_, packed) in &entries {
        out.extend_from_slice(packed);
    }
    out
}

/// The left singular vectors of the sparse `n`×`n` matrix `rows`, scaled
/// by the square roots of the singular values: `n`×`k`, row-major.
#[cfg(feature = "cli")]
fn truncated_svd(
    rows: &[Vec<(u32, f64)>],
    n: usize,
    k: usize,
    iterations: usize,
    seed: u64,
) -> Vec<f64> {
    let l = k + 16;
    // A·X and Aᵀ·X for dense row-major n×l matrices X.
    let times = |x: &[f64]| {
        let mut y = vec![0f64; n * l];
        for (r, row) in rows.iter().enumerate() {
            let out = &mut y[r * l..(r + 1) * l];
            for &(c, v) in row {
                for (o, xi) in out.iter_mut().zip(&x[c as usize * l..(c as usize + 1) * l]) {
                    *o += v * xi;
                }
            }
        }
        y
    };
    let times_transposed = |x: &[f64]| {
        let mut y = vec![0f64; n * l];
        for (r, row) in rows.iter().enumerate() {
            let from = &x[r * l..(r + 1) * l];
            for &(c, v) in row {
                for (o, xi) in y[c as usize * l..(c as usize + 1) * l].iter_mut().zip(from) {
                    *o += v * xi;
                }
            }
        }
        y
    };
    let mut rng = SplitMix(seed);
    let omega: Vec<f64> = (0..n * l).map(|_| rng.gaussian()).collect();
    let mut y = times(&omega);
    orthonormalize(&mut y, n, l);
    for _ in 0..iterations {
        let mut z = times_transposed(&y);
        orthonormalize(&mut z, n, l);
        y = times(&z);
        orthonormalize(&mut y, n, l);
    }
    // B = Qᵀ A (l×n); B Bᵀ = Zᵀ Z with Z = Aᵀ Q.
    let z = times_transposed(&y);
    let mut gram = vec![0f64; l * l];
    for r in 0..n {
        let zr = &z[r * l..(r + 1) * l];
        for i in 0..l {
            for j in i..l {
                gram[i * l + j] += zr[i] * zr[j];
            }
        }
    }
    for i in 0..l {
        for j in 0..i {
            gram[i * l + j] = gram[j * l + i];
        }
    }
    let (values, vecs) = jacobi_eigen(gram, l);
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    // U = Q V, column j scaled by sqrt(sigma_j) = values_j^(1/4).
    let mut out = vec![0f64; n * k];
    for r in 0..n {
        let q = &y[r * l..(r + 1) * l];
        for (j, &e) in order.iter().take(k).enumerate() {
            let u: f64 = (0..l).map(|i| q[i] * vecs[i * l + e]).sum();
            out[r * k + j] = u * values[e].max(0.0).powf(0.25);
        }
    }
    out
}

/// Modified Gram-Schmidt on the `l` columns of a row-major n×l matrix.
#[cfg(feature = "cli")]
fn orthonormalize(x: &mut [f64], n: usize, l: usize) {
    for j in 0..l {
        for i in 0..j {
            let dot: f64 = (0..n).map(|r| x[r * l + i] * x[r * l + j]).sum();
            for r in 0..n {
                x[r * l + j] -= dot * x[r * l + i];
            }
        }
        let norm = (0..n).map(|r| x[r * l + j].powi(2)).sum::<f64>().sqrt();
        for r in 0..n {
            x[r * l + j] = if norm > 0.0 { x[r * l + j] / norm } else { 0.0 };
        }
    }
}

/// Eigenvalues and eigenvectors (columns of a row-major l×l matrix) of a
/// symmetric matrix, by cyclic Jacobi rotations.
#[cfg(feature = "cli")]
fn jacobi_eigen(mut a: Vec<f64>, l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    let scale: f64 = a.iter().map(|x| x * x).sum();
    for _ in 0..100 {
        let off: f64 = (0..l)
            .flat_map(|i| (0..l).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * l + j].powi(2))
            .sum();
        if off <= 1e-24 * scale {
            break;
        }
        for p in 0..l {
            for q in p + 1..l {
                let apq = a[p * l + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * l + q] - a[p * l + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..l {
                    let (akp, akq) = (a[k * l + p], a[k * l + q]);
                    a[k * l + p] = c * akp - s * akq;
                    a[k * l + q] = s * akp + c * akq;
                }
                for k in 0..l {
                    let (apk, aqk) = (a[p * l + k], a[q * l + k]);
                    a[p * l + k] = c * apk - s * aqk;
                    a[q * l + k] = s * apk + c * aqk;
                }
                for k in 0..l {
                    let (vkp, vkq) = (v[k * l + p], v[k * l + q]);
                    v[k * l + p] = c * vkp - s * vkq;
                    v[k * l + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..l).map(|i| a[i * l + i]).collect(), v)
}

/// A small deterministic generator (SplitMix64) for the random projection.
#[cfg(feature = "cli")]
struct SplitMix(u64);

#[cfg(feature = "cli")]
impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// A standard normal draw (Box-Muller).
    fn gaussian(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nibbles_read_as_signed_components() {
        // (byte, low half, high half)
        let cases = [
            (0x00, 0.0, 0.0),
            (0x71, 1.0, 7.0),
            (0x9f, -1.0, -7.0),
            (0x0e, -2.0, 0.0),
        ];
        for (byte, low, high) in cases {
            assert_eq!(
                (nibble(byte, false), nibble(byte, true)),
                (low, high),
                "{byte:#x}"
            );
        }
    }

    #[test]
    fn malformed_tables_read_as_nothing() {
        // Two stems, "قصف" (shelling) and "غار" (air strikes) in byte
        // order, 2 components each.
        let stems: &[u8] = &[
            6, 0xd8, 0xba, 0xd8, 0xa7, 0xd8, 0xb1, 6, 0xd9, 0x82, 0xd8, 0xb5, 0xd9, 0x81,
        ];
        let good: Vec<u8> = [&b"TBV1"[..], &[2, 0, 2, 0, 0, 0], stems, &[0x17, 0x16]].concat();
        let t = Table::parse(Box::leak(good.clone().into_boxed_slice())).unwrap();
        assert_eq!(
            (t.row("غار"), t.row("قصف"), t.row("ضريب")),
            (Some(0), Some(1), None)
        );
        let u = t.unit(1);
        assert!(
            (u[0] - 6.0 / 37f32.sqrt()).abs() < 1e-6 && (u[1] - 1.0 / 37f32.sqrt()).abs() < 1e-6
        );
        let truncated = good[..good.len() - 1].to_vec();
        let odd_dims: Vec<u8> = [&b"TBV1"[..], &[3, 0, 0, 0, 0, 0]].concat();
        let unsorted: Vec<u8> = [
            &b"TBV1"[..],
            &[2, 0, 2, 0, 0, 0],
            &stems[7..],
            &stems[..7],
            &[0x17, 0x16],
        ]
        .concat();
        for bad in [truncated, odd_dims, unsorted, b"TBV0".to_vec(), Vec::new()] {
            assert!(Table::parse(Box::leak(bad.into_boxed_slice())).is_none());
        }
    }

    #[test]
    fn shipped_table_puts_one_topic_together() {
        // (stem, a stem of its topic, a stem of another topic)
        let cases = [
            ("غار", "قصف", "ضريب"),     // air strikes: shelling, not taxes
            ("ضريب", "ضرايب", "قذايف"), // a tax: taxes, not shells
            ("هجوم", "تفجير", "سجاير"), // an attack: a bombing, not cigarettes
        ];
        for (stem, near, far) in cases {
            let (n, f) = (
                similarity(stem, near).unwrap(),
                similarity(stem, far).unwrap(),
            );
            assert!(n > 0.5 && n > f + 0.3, "{stem}: {near} {n}, {far} {f}");
        }
        assert!(table().unit(u32::MAX).is_empty());
    }
}
