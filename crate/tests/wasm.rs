//! The wasm boundary in a real browser (headless Chromium through
//! chromedriver): results are plain objects with UTF-16 offsets, and bad
//! input comes back as an error object, never a trap.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Reads a result back as JSON data: this only works for plain objects and
/// arrays, which is what extension messaging needs.
fn analyze(text: &str) -> Value {
    analyze_with(text, wasm_bindgen::JsValue::UNDEFINED)
}

fn analyze_with(text: &str, options: wasm_bindgen::JsValue) -> Value {
    serde_wasm_bindgen::from_value(tabayyun::bindings::analyze(text, options)).expect("plain data")
}

fn options(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn entities_can_be_left_out() {
    // "Trump met Erdogan in Ankara with 20 thousand soldiers."
    let text = "التقى ترامب أردوغان في أنقرة مع 20 ألف جندي";
    let full = analyze(text);
    assert!(!full["entities"].as_array().expect("entities").is_empty());
    // (options, entities expected)
    let cases = [
        ("{\"entities\": false}", false),
        ("{\"entities\": true}", true),
        ("{}", true),
        ("null", true),
    ];
    for (json, with_entities) in cases {
        let a = analyze_with(text, options(json));
        assert_eq!(a["numbers"], full["numbers"], "{json}");
        let entities = a["entities"].as_array().expect("entities array");
        assert_eq!(!entities.is_empty(), with_entities, "{json}");
    }
    let bad = analyze_with(text, options("{\"entities\": \"no\"}"));
    assert_eq!(bad["error"]["code"], "invalid_input");
}

#[wasm_bindgen_test]
fn analyze_returns_plain_objects_with_utf16_offsets() {
    // An emoji (two UTF-16 units) before the number shifts it by two.
    let result = analyze("😀 فر 1500 مدني");
    let numbers = result["numbers"].as_array().expect("numbers array");
    assert_eq!(numbers.len(), 1);
    assert_eq!(numbers[0]["start"], 6);
    assert_eq!(numbers[0]["end"], 10);
    assert_eq!(numbers[0]["text"], "1500");
}

#[wasm_bindgen_test]
fn oversized_input_is_an_error_object() {
    let big = "ا".repeat(tabayyun::error::MAX_INPUT_BYTES / 2 + 1);
    assert_eq!(analyze(&big)["error"]["code"], "input_too_large");
}

#[wasm_bindgen_test]
fn empty_text_is_fine() {
    assert_eq!(analyze("")["numbers"].as_array().map(Vec::len), Some(0));
}
