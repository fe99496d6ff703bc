//! Decode: turns a file's bytes into text, or says clearly why it cannot.

use std::fmt;

/// Why a file's bytes are not text scour can clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes: an image, an archive, a database.
    Binary { offset: usize },
    /// Not valid UTF-8 at this byte.
    InvalidUtf8 { offset: usize, line: usize },
    /// A UTF-16 byte-order mark.
    Utf16,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset})")
            }
            DecodeError::InvalidUtf8 { offset, line } => write!(
                f,
                "not valid UTF-8 (byte offset {offset}, line {line}); other encodings are not supported yet"
            ),
            DecodeError::Utf16 => write!(f, "UTF-16 text is not supported yet"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// How many leading bytes are searched for NUL to call a file binary.
const BINARY_SNIFF: usize = 8192;

/// Decodes UTF-8 (with or without a byte-order mark, which stays in the text for
/// `normalize/invisible` to remove and report).
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    if let Some(offset) = bytes[..bytes.len().min(BINARY_SNIFF)]
        .iter()
        .position(|&b| b == 0)
    {
        return Err(DecodeError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        DecodeError::InvalidUtf8 { offset, line }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_rejects_the_rest_clearly() {
        assert_eq!(decode("中文".as_bytes()), Ok("中文"));
        assert_eq!(decode(b"\xEF\xBB\xBFab"), Ok("\u{FEFF}ab"));
        assert_eq!(decode(b""), Ok(""));
        assert_eq!(
            decode(b"a\nb\xFFc"),
            Err(DecodeError::InvalidUtf8 { offset: 3, line: 2 })
        );
        assert_eq!(
            decode(b"\xE4\xB8"),
            Err(DecodeError::InvalidUtf8 { offset: 0, line: 1 })
        );
        assert_eq!(
            decode(b"PK\x03\x04\x00"),
            Err(DecodeError::Binary { offset: 4 })
        );
        assert_eq!(decode(b"\xFF\xFEa\x00"), Err(DecodeError::Utf16));
        assert!(decode(b"\xFFx").unwrap_err().to_string().contains("UTF-8"));
    }
}
