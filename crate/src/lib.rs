//! Tabayyun's core: reads Arabic news text and finds what a careful reader
//! compares across outlets. The pipeline, one module per stage:
//! `normalize → tokenize → numbers, entities → analyze → passages →
//! library (index, matching, events, claims)`.
//! Nothing here knows about browsers; `bindings` is the only module that
//! speaks wasm-bindgen.

pub mod analyze;
pub mod bindings;
pub mod entities;
pub mod error;
/// Scoring against gold files and model training read files: CLI only.
#[cfg(feature = "cli")]
pub mod eval;
pub mod fasthash;
pub mod library;
pub mod normalize;
pub mod numbers;
pub mod offsets;
pub mod passages;
pub mod tokenize;

pub use analyze::{analyze, Analysis};
pub use error::Error;
