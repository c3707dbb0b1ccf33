//! Coverage-guided fuzzing of the library: any bytes loaded as a saved
//! image give a library or a clear error; articles made of any text can be
//! added, matched, grouped and saved, and their image loads back to the
//! same bytes; an image whose payload is damaged behind a valid checksum
//! (which random bytes never reach) is refused or loaded, never a panic.
//! Run with `./build.sh fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tabayyun::library::matching::MatchOptions;
use tabayyun::library::serialize::checksum;
use tabayyun::library::{Library, NewArticle};

/// Where the payload starts and its checksum lies (see serialize.rs).
const PAYLOAD: usize = 24;
const SUM: std::ops::Range<usize> = 16..24;

fuzz_target!(|data: &[u8]| {
    let _ = Library::load(data);

    // Up to four articles from the input's paragraphs, two outlets, with
    // and without dates, so that matching has other outlets to draw on.
    let text = String::from_utf8_lossy(data);
    let mut lib = Library::new();
    for (i, piece) in text.split("\n\n").take(4).enumerate() {
        let _ = lib.add(NewArticle {
            id: format!("a{i}"),
            text: piece.to_string(),
            outlet: Some(format!("outlet{}", i % 2)),
            date: (i % 3 != 2).then(|| format!("2019-03-{:02}", 10 + i)),
            ..Default::default()
        });
    }
    let ids: Vec<String> = lib.articles().map(|a| a.id.clone()).collect();
    for id in &ids {
        let _ = lib.match_article(id, &MatchOptions::default());
        let _ = lib.same_event(id);
    }
    let _ = lib.match_text(&text, &MatchOptions::default());
    let _ = lib.events();
    let _ = lib.claims(None);
    if let Some(first) = ids.first() {
        lib.remove(first);
    }

    let image = lib.save();
    let back = Library::load(&image).expect("a saved library loads");
    assert_eq!(back.save(), image, "load(save(lib)) saves the same bytes");
    for cut in [image.len() / 2, image.len() - 1] {
        assert!(Library::load(&image[..cut]).is_err(), "a truncated image is refused");
    }

    // One payload byte changed by the input, the checksum made valid again.
    if let (Some(&at), Some(&bits)) = (data.first(), data.last()) {
        if image.len() > PAYLOAD {
            let mut damaged = image.clone();
            let i = PAYLOAD + (at as usize * 257 + data.len()) % (image.len() - PAYLOAD);
            damaged[i] ^= bits | 1;
            let sum = checksum(&damaged[PAYLOAD..]);
            damaged[SUM].copy_from_slice(&sum.to_le_bytes());
            let _ = Library::load(&damaged);
        }
    }
});
