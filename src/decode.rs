//! Decode: turns a file's bytes into text, detecting its encoding, or says clearly why it
//! cannot. Nothing is ever decoded with replacement characters.

use std::borrow::Cow;
use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// Why a file's bytes are not text scour can clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes: an image, an archive, a database.
    Binary { offset: usize },
    /// Mostly UTF-8, but not valid at this byte: a corrupted file, not another encoding.
    InvalidUtf8 { offset: usize, line: usize },
    /// Not valid in the encoding it was read as (forced or detected).
    Malformed { encoding: &'static str },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset})")
            }
            DecodeError::InvalidUtf8 { offset, line } => write!(
                f,
                "invalid UTF-8 at byte {offset} (line {line}): the file is corrupted"
            ),
            DecodeError::Malformed { encoding } => write!(
                f,
                "not valid {encoding}; give the right one with --encoding"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name: `UTF-8`, `gb18030`, `Big5`, `UTF-16LE`…
    pub encoding: &'static str,
}

/// How many leading bytes are searched for NUL to call a file binary.
const BINARY_SNIFF: usize = 8192;

/// Decodes `bytes`: as `forced` if given; else UTF-16 by its byte-order mark, UTF-8 when
/// valid (a UTF-8 BOM stays in the text for `normalize/invisible` to remove and report), and
/// otherwise the legacy encoding the bytes look like (GBK is read as its superset GB18030).
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, DecodeError> {
    if let Some(encoding) = forced {
        return strict(bytes, encoding);
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes)
        && (encoding == UTF_16LE || encoding == UTF_16BE)
    {
        return strict(&bytes[bom..], encoding);
    }
    if let Some(offset) = bytes[..bytes.len().min(BINARY_SNIFF)]
        .iter()
        .position(|&b| b == 0)
    {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
        }),
        Err(e) if mostly_utf8(bytes) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(DecodeError::InvalidUtf8 { offset, line })
        }
        Err(_) => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let guess = detector.guess(None, Utf8Detection::Deny);
            strict(bytes, if guess == GBK { GB18030 } else { guess })
        }
    }
}

/// Decodes all of `bytes` as `encoding`, or fails: no replacement characters.
fn strict<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> Result<Decoded<'a>, DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text,
            encoding: encoding.name(),
        })
        .ok_or(DecodeError::Malformed {
            encoding: encoding.name(),
        })
}

/// Far more valid multi-byte UTF-8 characters than invalid sequences: UTF-8 with damage,
/// which no other encoding would read correctly either.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += !chunk.invalid().is_empty() as usize;
    }
    valid >= 8 && invalid * 4 <= valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, &'static str) {
        let decoded = decode(bytes, None).unwrap();
        (decoded.text.into_owned(), decoded.encoding)
    }

    #[test]
    fn decodes_utf8_utf16_and_legacy_chinese() {
        assert_eq!(text("中文".as_bytes()), ("中文".into(), "UTF-8"));
        assert_eq!(text(b"\xEF\xBB\xBFab"), ("\u{FEFF}ab".into(), "UTF-8"));
        assert_eq!(text(b""), ("".into(), "UTF-8"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("中文a".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text(&utf16), ("中文a".into(), "UTF-16LE"));
        let sentence = "市图书馆举办第三届少儿阅读推广活动，共收到读书笔记一千二百余篇。";
        let (gbk, _, _) = GB18030.encode(sentence);
        assert_eq!(text(&gbk), (sentence.into(), "gb18030"));
        let traditional = "臺灣的報紙記者報導了這場會議的詳細內容與結果。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(text(&big5), (traditional.into(), "Big5"));
    }

    #[test]
    fn rejects_what_it_cannot_read_clearly() {
        let damaged = [
            "这是一段正常的中文文本，".as_bytes(),
            b"\xFF",
            "后面还有更多的中文内容。".as_bytes(),
        ]
        .concat();
        assert!(matches!(
            decode(&damaged, None),
            Err(DecodeError::InvalidUtf8 { line: 1, .. })
        ));
        assert!(decode(b"\xE4\xB8", Some(UTF_8)).is_err());
        assert_eq!(
            decode(b"PK\x03\x04\x00", None),
            Err(DecodeError::Binary { offset: 4 })
        );
        assert!(matches!(
            decode(b"\xFF\xFEa", None),
            Err(DecodeError::Malformed { .. })
        ));
        assert!(
            decode(&damaged, None)
                .unwrap_err()
                .to_string()
                .contains("UTF-8")
        );
    }
}
