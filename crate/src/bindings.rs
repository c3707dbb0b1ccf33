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

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct AnalyzeOptionsJs {
    entities: Option<bool>,
}

/// An options argument: the defaults when it is left out (undefined or
/// null), else its fields, or the error object to return for a bad one.
fn options_or_default<T: serde::de::DeserializeOwned + Default>(
    options: JsValue,
) -> Result<T, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| invalid(format!("options: {e}")))
}

/// Analyzes `text`: `{ numbers: [...], entities: [...] }` with UTF-16
/// offsets, or `{ error: { code, message } }`. `options` may be left out;
/// `{ entities: false }` skips the entity stage (numbers alone, several
/// times faster) and returns `entities: []`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> JsValue {
    let opts: AnalyzeOptionsJs = match options_or_default(options) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let core = crate::analyze::AnalyzeOptions {
        entities: opts.entities.unwrap_or(true),
    };
    match crate::analyze::analyze_with(text, core) {
        Ok(a) => analysis_to_js(&a),
        Err(e) => error_to_js(&e),
    }
}

/// An analysis as plain objects, through one JSON string and one
/// `JSON.parse`: building each mention's object and fields across the
/// boundary one by one (serde-wasm-bindgen) cost a third more (see
/// BENCHMARKS.md, Analyze speed). The objects are the same, except that a
/// non-finite value, which JSON cannot hold, comes back as null.
fn analysis_to_js(a: &crate::Analysis) -> JsValue {
    serde_json::to_string(a)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or_else(|| to_js(a))
}

/// The core's version and the fingerprint of its sources and data
/// (`0.2.0+1a2b3c4d5e6f`): the UI shows it, and the extension rebuilds its
/// saved library whenever it changes (see `crate/build.rs`).
#[wasm_bindgen]
pub fn version() -> String {
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("TABAYYUN_ENGINE_HASH")).to_string()
}

/// The reader's saved articles, kept on the Rust side (a parsed index
/// cannot cross into JavaScript); every method returns plain objects.
///
/// ```js
/// import init, { Library } from "./pkg/tabayyun.js";
/// await init();
/// const lib = new Library();
/// lib.add({ id: "a1", text, url, outlet, title, date, savedAt: Date.now() });
/// // → { id: "a1", added: true, replaced: false, duplicate: null, passages: 12 }
/// // → { id: "a2", added: false, duplicate: { of: "a1", reason: "url" | "text" }, ... }
/// // → { error: { code: "invalid_input" | "input_too_large" | "not_text", message } }
/// lib.remove("a1");                       // → true if it was saved
/// lib.get("a1");                          // → { id, url, outlet, title, date, savedAt, text,
///                                         //     passages: [{start, end}], numbers: [...], entities: [...] } | null
/// lib.list();                             // → [{ id, url, outlet, title, date, savedAt, passages }]
/// lib.match("a1", { top: 3, sameEvent: true });
/// lib.match({ text, outlet, id }, { top: 3 }); // an article not saved
/// // → [{ query: "a1", start, end, matches: [{ id, outlet, start, end, score,
/// //      relation: "same" | "related" | "conflict", wire: false,
/// //      why: { entities: ["SDF"], numbers: [1500], words: ["باغوز"],
/// //             concepts: ["flee"], counted: ["civilian"],
/// //             conflicts: [{ kind, unit, query: { text, start, end, value, low, high, time: ["الاثنين"] },
/// //                           other: { ... } }] } }] }]
/// lib.events();       // → [{ articles: ["a1", "b7"], outlets: ["reuters.com", "bbc.com"], title }]
/// lib.claims("a1");   // → [{ kind: "count", unit: "مدن", verdict: "agree" | "differ" | "single",
/// //      mentions: [{ id, outlet, passage, start, end, text, value, low, high, qualifier, time }] }]
/// lib.claims();       // claim groups of every event
/// lib.stats();        // → { articles, passages, terms, indexBytes, textBytes }
/// const bytes = lib.serialize();          // Uint8Array, for IndexedDB
/// const again = Library.load(bytes);      // throws { code: "corrupt_library", message } if damaged
/// ```
///
/// Offsets are UTF-16 code units of the respective article's text.
#[wasm_bindgen(js_name = Library)]
pub struct LibraryHandle {
    inner: crate::library::Library,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct MatchOptionsJs {
    top: Option<usize>,
    same_event: Option<bool>,
}

#[derive(serde::Deserialize)]
struct TextQueryJs {
    text: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default, alias = "source")]
    outlet: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ListedArticle<'a> {
    id: &'a str,
    url: Option<&'a str>,
    outlet: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    saved_at: f64,
    passages: usize,
}

fn invalid(message: String) -> JsValue {
    error_to_js(&crate::Error::InvalidInput(message))
}

#[wasm_bindgen(js_class = Library)]
impl LibraryHandle {
    /// An empty library.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> LibraryHandle {
        LibraryHandle {
            inner: crate::library::Library::new(),
        }
    }

    /// Saves an article `{ id, text, url?, outlet?, title?, date?, savedAt? }`.
    pub fn add(&mut self, article: JsValue) -> JsValue {
        let new: crate::library::NewArticle = match serde_wasm_bindgen::from_value(article) {
            Ok(a) => a,
            Err(e) => return invalid(format!("article: {e}")),
        };
        match self.inner.add(new) {
            Ok(out) => to_js(&out),
            Err(e) => error_to_js(&e),
        }
    }

    /// Removes an article; true if it was saved.
    pub fn remove(&mut self, id: &str) -> bool {
        self.inner.remove(id)
    }

    /// The saved article with its passages and analysis, or null.
    pub fn get(&self, id: &str) -> JsValue {
        self.inner.get(id).map_or(JsValue::NULL, to_js)
    }

    /// Every saved article's metadata, in the order saved.
    pub fn list(&self) -> JsValue {
        let list: Vec<ListedArticle> = self
            .inner
            .articles()
            .map(|a| ListedArticle {
                id: &a.id,
                url: a.url.as_deref(),
                outlet: &a.outlet,
                title: a.title.as_deref(),
                date: a.date.as_deref(),
                saved_at: a.saved_at,
                passages: a.passages.len(),
            })
            .collect();
        to_js(&list)
    }

    /// Matches a saved article (by id) or `{ text, outlet?, id? }`; options
    /// `{ top = 3, sameEvent = true }`.
    #[wasm_bindgen(js_name = match)]
    pub fn match_passages(&self, query: JsValue, options: JsValue) -> JsValue {
        let opts: MatchOptionsJs = match options_or_default(options) {
            Ok(o) => o,
            Err(e) => return e,
        };
        let mut core = crate::library::matching::MatchOptions {
            top: opts.top.unwrap_or(3),
            ..Default::default()
        };
        let same_event = opts.same_event.unwrap_or(true);
        let result = if let Some(id) = query.as_string() {
            if same_event {
                core.only = Some(self.inner.same_event(&id).into_iter().collect());
            }
            self.inner.match_article(&id, &core)
        } else {
            let q: TextQueryJs = match serde_wasm_bindgen::from_value(query) {
                Ok(q) => q,
                Err(e) => return invalid(format!("query: {e}")),
            };
            if same_event {
                core.only = Some(self.inner.event_of_text(&q.text).into_iter().collect());
            }
            core.exclude_outlet = q.outlet.or_else(|| {
                q.id.as_deref()
                    .and_then(|id| self.inner.get(id))
                    .map(|a| a.outlet.clone())
            });
            core.exclude_id = q.id.clone();
            self.inner.match_text(&q.text, &core).map(|mut r| {
                for pm in &mut r {
                    pm.query = q.id.clone().unwrap_or_default();
                }
                r
            })
        };
        match result {
            Ok(r) => to_js(&r),
            Err(e) => error_to_js(&e),
        }
    }

    /// The saved articles grouped into events.
    pub fn events(&self) -> JsValue {
        to_js(&self.inner.events())
    }

    /// Numeric claim groups of the event of article `of`, or of all events.
    pub fn claims(&self, of: Option<String>) -> JsValue {
        to_js(&self.inner.claims(of.as_deref()))
    }

    /// Sizes: `{ articles, passages, terms, indexBytes, textBytes }`.
    pub fn stats(&self) -> JsValue {
        to_js(&self.inner.stats())
    }

    /// The library as bytes (a `Uint8Array`) for IndexedDB.
    pub fn serialize(&self) -> Vec<u8> {
        self.inner.save()
    }

    /// A library from `serialize()` bytes; throws `{ code: "corrupt_library",
    /// message }` if they are damaged, truncated or of another version.
    pub fn load(bytes: &[u8]) -> Result<LibraryHandle, JsValue> {
        crate::library::Library::load(bytes)
            .map(|inner| LibraryHandle { inner })
            .map_err(|e| {
                to_js(&ErrorBody {
                    code: e.code(),
                    message: e.to_string(),
                })
            })
    }
}
