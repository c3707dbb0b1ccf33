//! Fingerprints the engine: a hash of every source and data file that
//! shapes analysis and matching. The extension keeps its serialized library
//! only while this fingerprint is unchanged, so a new stemmer, word list or
//! model rebuilds the saved library from its articles instead of reusing
//! terms and entity ids computed by another engine.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut paths = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut paths);
    }
    // Sorted, so the fingerprint does not depend on directory order.
    paths.sort();
    // FNV-1a over each path and its bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &paths {
        let bytes = fs::read(path).unwrap_or_default();
        for b in path.to_string_lossy().as_bytes().iter().chain(&bytes) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=TABAYYUN_ENGINE_HASH={:012x}", h >> 16);
}
