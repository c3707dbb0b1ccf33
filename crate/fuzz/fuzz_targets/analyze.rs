//! Coverage-guided fuzzing of the whole analysis pipeline: any bytes, read
//! as text the way the CLI reads files, must give a result or a clear error,
//! and every span must lie inside the text. Run with `./build.sh fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let units = text.encode_utf16().count();
    if let Ok(a) = tabayyun::analyze(&text) {
        for n in &a.numbers {
            assert!(n.start < n.end && n.end <= units, "number span out of bounds");
        }
        for e in &a.entities {
            assert!(e.start < e.end && e.end <= units, "entity span out of bounds");
        }
    }
});
