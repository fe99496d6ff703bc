//! Character-level normalization passes: each file is one rule, run in the order of
//! [`crate::pipeline::PASSES`].

pub mod connector;
pub mod fullwidth;
pub mod invisible;
pub mod line_endings;
pub mod nfc;
pub mod punct_width;
pub mod space;
pub mod spacing;

/// Byte ranges of the lines of `text`, without their `\n`.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let begin = start;
        start += line.len();
        (begin, begin + line.strip_suffix('\n').unwrap_or(line).len())
    })
}

/// Maximal runs of characters matching `pred`, as byte ranges.
pub fn runs(text: &str, pred: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (pred(c), open) {
            (true, None) => open = Some(i),
            (false, Some(start)) => {
                out.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_and_runs() {
        let text = "ab\n\ncd";
        assert_eq!(
            super::lines(text).collect::<Vec<_>>(),
            [(0, 2), (3, 3), (4, 6)]
        );
        assert_eq!(super::runs("aXXbX", |c| c == 'X'), [(1, 3), (4, 5)]);
    }
}
