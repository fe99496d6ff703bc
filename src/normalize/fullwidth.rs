//! Full-width ASCII letters and digits (`２０２１`, `ＡＢＣ`) become half-width: they are a
//! typesetting accident and break search and number matching. Full-width punctuation stays.

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::runs;
use crate::rules::{Pass, Rule};

pub const FULLWIDTH_ALNUM: Rule = Rule {
    id: "normalize/fullwidth-alnum",
    summary: "full-width letters and digits become ASCII",
    explanation: "Full-width digits and Latin letters (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) \
                  become their ASCII forms. Full-width punctuation is CJK punctuation and is kept.",
    example: ("２０２１年ＧＤＰ增长。\n", "2021年GDP增长。\n"),
    example_config: Config::default,
};

pub struct FullwidthAlnum;

fn to_ascii(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

impl Pass for FullwidthAlnum {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&FULLWIDTH_ALNUM]
    }

    fn propose(&self, text: &str, _: &Config) -> Vec<Edit> {
        runs(text, |c| to_ascii(c).is_some())
            .into_iter()
            .map(|(start, end)| {
                let ascii: String = text[start..end].chars().filter_map(to_ascii).collect();
                Edit::new(
                    start,
                    end,
                    ascii,
                    &FULLWIDTH_ALNUM,
                    "full-width letters or digits",
                )
            })
            .collect()
    }
}
