//! The one error type of the core. Every variant has a stable `code` that
//! crosses into JavaScript unchanged, so the UI can show a human message per
//! code and tests can assert on it.

use std::fmt;

/// Largest text `analyze` accepts, in bytes of UTF-8. A news article is
/// rarely over 100 KB; 16 MB leaves room for whole pages of junk while
/// keeping one call well under a second.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What went wrong, with a stable machine-readable code.
///
/// ```
/// use tabayyun::Error;
/// assert_eq!(Error::InputTooLarge { bytes: 1, limit: 0 }.code(), "input_too_large");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is larger than [`MAX_INPUT_BYTES`].
    InputTooLarge { bytes: usize, limit: usize },
    /// The input is not text (for example NUL-heavy binary data).
    NotText,
    /// A serialized library failed its checks (magic, version, checksum, bounds).
    CorruptLibrary(String),
    /// A caller passed something malformed (a JSON line, an argument).
    InvalidInput(String),
}

impl Error {
    /// The stable code, e.g. `"input_too_large"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input_too_large",
            Error::NotText => "not_text",
            Error::CorruptLibrary(_) => "corrupt_library",
            Error::InvalidInput(_) => "invalid_input",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => {
                write!(f, "text is {bytes} bytes; the limit is {limit} bytes")
            }
            Error::NotText => write!(f, "the input looks like binary data, not text"),
            Error::CorruptLibrary(why) => write!(f, "the saved library is corrupt: {why}"),
            Error::InvalidInput(why) => write!(f, "invalid input: {why}"),
        }
    }
}

impl std::error::Error for Error {}
