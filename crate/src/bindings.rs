//! The wasm boundary, and the only module that knows wasm-bindgen. It
//! delegates to the core, returns plain JavaScript objects (so results
//! survive `structuredClone` and extension messaging), and turns every
//! error into `{ error: { code, message } }` instead of throwing.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct ErrorBody {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct ErrorObject {
    error: ErrorBody,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // Maps as plain objects, not `Map`, so JSON.stringify works on them.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

fn error_to_js(e: &crate::Error) -> JsValue {
    to_js(&ErrorObject {
        error: ErrorBody {
            code: e.code(),
            message: e.to_string(),
        },
    })
}

/// Analyzes `text`: `{ numbers: [...], entities: [...] }` with UTF-16
/// offsets, or `{ error: { code, message } }`.
#[wasm_bindgen]
pub fn analyze(text: &str) -> JsValue {
    match crate::analyze(text) {
        Ok(a) => to_js(&a),
        Err(e) => error_to_js(&e),
    }
}

/// The core's version, so the UI can show which engine it runs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
