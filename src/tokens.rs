//! Spans no punctuation or spacing rule may touch: URLs, e-mail addresses and HTML entities.

/// Characters that may appear inside a URL.
fn is_url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_email_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// Byte ranges of the URLs, e-mail addresses and HTML entities (`&quot;`, `&#34;`) in `line`,
/// sorted and possibly overlapping.
pub fn protected_spans(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let bytes = line.as_bytes();
    for (at, marker) in line.match_indices("://").chain(line.match_indices("www.")) {
        let start = if marker == "://" {
            let scheme = line[..at]
                .bytes()
                .rev()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
                .count();
            if scheme == 0 {
                continue;
            }
            at - scheme
        } else {
            if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            at
        };
        let len: usize = line[start..]
            .chars()
            .take_while(|&c| is_url_char(c))
            .map(char::len_utf8)
            .sum();
        spans.push((start, start + trim_url_tail(&line[start..start + len])));
    }
    for (at, _) in line.match_indices('@') {
        let local = line[..at]
            .chars()
            .rev()
            .take_while(|&c| is_email_local(c))
            .count();
        let domain = line[at + 1..]
            .chars()
            .take_while(|&c| is_email_domain(c))
            .count();
        let domain_text = line[at + 1..at + 1 + domain].trim_end_matches('.');
        if local > 0 && domain_text.contains('.') {
            spans.push((at - local, at + 1 + domain_text.len()));
        }
    }
    for (at, _) in line.match_indices('&') {
        let name = line[at + 1..]
            .bytes()
            .take(32)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        if name > 0 && line.as_bytes().get(at + 1 + name) == Some(&b';') {
            spans.push((at, at + name + 2));
        }
    }
    spans.sort_unstable();
    spans
}

/// The length of `url` without trailing sentence punctuation and unbalanced closing brackets.
fn trim_url_tail(url: &str) -> usize {
    let mut end = url.len();
    loop {
        let Some(last) = url[..end].chars().next_back() else {
            return end;
        };
        let unbalanced_close =
            last == ')' && url[..end].matches('(').count() < url[..end].matches(')').count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'') || unbalanced_close {
            end -= 1;
        } else {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::protected_spans;

    fn spans(line: &str) -> Vec<&str> {
        protected_spans(line)
            .into_iter()
            .map(|(a, b)| &line[a..b])
            .collect()
    }

    #[test]
    fn finds_urls_and_emails() {
        assert_eq!(
            spans("详见https://example.com/a?b=1,欢迎"),
            ["https://example.com/a?b=1"]
        );
        assert_eq!(spans("访问www.gov.cn。"), ["www.gov.cn"]);
        assert_eq!(spans("(see http://x.org/a_(b))."), ["http://x.org/a_(b)"]);
        assert_eq!(spans("邮箱:news@hinews.cn,电话"), ["news@hinews.cn"]);
        assert!(spans("比分3:2,a@b").is_empty());
        assert_eq!(spans("A&amp;B &#34;x&#x27;"), ["&amp;", "&#34;", "&#x27;"]);
    }
}
