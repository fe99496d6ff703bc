//! The character tables rejoin reads: what cannot start or end a line (W3C clreq/JLREQ, with
//! the ASCII forms scrapers leave), what ends a sentence, what makes a headline.

use crate::rejoin::simplified::simplified;
use crate::rejoin::words::{is_adverbial_frame, is_dictionary_word, starts_with_continuing_word};
use crate::script::{
    CJK_NUMERALS, head, is_cjk_letter, is_closing, is_curly_quote, is_fullwidth_script,
    may_hold_cjk_letter, tail,
};

/// Characters that cannot start a line (with the postfixed abbreviations of JLREQ: `℃`, `‰`).
const CANNOT_START_LINE: &str = "，。、；：？！）」』】》〉〕〗”’…·%％．,.;:?!)℃℉‰′″°";

/// Characters that cannot end a paragraph: openers, and the pauses inside a sentence.
const CANNOT_END_PARAGRAPH: &str = "（《「『【〔“‘(，、,";

/// Punctuation that ends a sentence.
pub const TERMINAL: &str = "。！？….!?";

/// The marks that end a Chinese sentence beyond doubt: a full stop, a question, an
/// exclamation (not `.`, a decimal point there, nor `…`, which may trail off mid-sentence).
pub const FULL_STOPS: [char; 5] = ['。', '！', '？', '!', '?'];

pub fn cannot_start_line(c: char) -> bool {
    CANNOT_START_LINE.contains(c)
}

/// A pause inside a sentence (a comma, `、`, a semicolon): nothing, heading or not, starts
/// with one.
pub fn is_pause(c: char) -> bool {
    "，、,；;".contains(c)
}

pub fn cannot_end_paragraph(c: char) -> bool {
    CANNOT_END_PARAGRAPH.contains(c)
}

/// The last character that is not a closing quote or bracket (the `。` of `。”`).
fn last_through_closers(text: &str) -> Option<char> {
    text.chars().rev().find(|&c| {
        !is_closing(c) && !is_curly_quote(c) && !matches!(c, '"' | '\'') && !c.is_whitespace()
    })
}

/// Ends a sentence, read through closing quotes and brackets (`。”`, `.)`, `.''`), a
/// footnote's mark after them (`。[1]`, `。註2`, `.¹`) and a short aside in brackets after
/// the stop (`。（记者 李明）`, `。(完)`).
pub fn ends_sentence(text: &str) -> bool {
    let ends = |text: &str| last_through_closers(text).is_some_and(|c| TERMINAL.contains(c));
    ends(text)
        || without_footnote_mark(text).is_some_and(ends)
        || without_closing_aside(text).is_some_and(ends)
}

/// `text` without the short aside in round brackets it ends on (`(某某影業提供)`): at most
/// 20 letters, and no sentence of its own.
fn without_closing_aside(text: &str) -> Option<&str> {
    let inside = text.trim_end().strip_suffix([')', '）'])?;
    let open = inside.rfind(['(', '（'])?;
    let aside = &inside[open..];
    (aside.chars().count() <= 21 && !aside.contains(|c| TERMINAL.contains(c)))
        .then(|| &inside[..open])
}

/// `text` without the footnote's mark it ends on: a number in square brackets (`[1]`,
/// `［注2］`), a note's number (`註1`, `注2`), circled (`①`) or superscript digits (`²`).
fn without_footnote_mark(text: &str) -> Option<&str> {
    /// What comes before the one to three digits `text` ends on.
    fn before_number(text: &str) -> Option<&str> {
        let rest = text.trim_end_matches(|c: char| c.is_ascii_digit());
        (1..=3).contains(&(text.len() - rest.len())).then_some(rest)
    }
    let text = text.trim_end();
    if let Some(inside) = text.strip_suffix([']', '］']) {
        let rest = before_number(inside)?.trim_end_matches(['注', '註']);
        return rest.strip_suffix(['[', '［']);
    }
    if let Some(rest) = before_number(text) {
        return rest.strip_suffix(['注', '註']);
    }
    let rest = text.trim_end_matches(
        |c: char| matches!(c, '\u{2460}'..='\u{2473}' | '¹' | '²' | '³' | '\u{2070}'..='\u{2079}'),
    );
    (rest.len() < text.len()).then_some(rest)
}

/// Titles set before a name (`Mrs. Okafor`, `Sen. Maria Lopez`): no sentence ends on one.
const NAME_TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev.", "Rep.", "Sen.", "Gov.", "Gen.", "Lt.", "Col.",
    "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.", "Hon.",
];

/// Words whose `'s` is `is` or `has` (`it's`, `there's`), not a possessive.
const CONTRACTED: &[&str] = &[
    "it", "that", "there", "here", "what", "who", "he", "she", "where",
];

/// Ends on a possessive (`…the town’s`, `the county board's`): what it owns follows.
pub fn ends_on_possessive(text: &str) -> bool {
    let word = text.rsplit(' ').next().unwrap_or("");
    ["'s", "’s"].iter().any(|s| {
        word.strip_suffix(s).is_some_and(|owner| {
            owner.chars().count() >= 2
                && owner.chars().all(char::is_alphabetic)
                && !CONTRACTED.contains(&owner.to_lowercase().as_str())
        })
    })
}

/// The last word is a title waiting for its name: the full stop is the abbreviation's.
pub fn ends_on_name_title(text: &str) -> bool {
    text.rsplit(' ')
        .next()
        .is_some_and(|word| NAME_TITLES.contains(&word))
}

/// Offices written before a name, capitalized, without a full stop (`President`, `Mayor`).
#[rustfmt::skip]
const OFFICE_TITLES: &[&str] = &[
    "President", "Vice", "Governor", "Senator", "Mayor", "Judge", "Minister", "Secretary",
    "Chancellor", "Ambassador", "Commissioner", "Sheriff", "General", "Captain", "Coach", "Chief",
    "Pope", "King", "Queen", "Prince", "Princess", "Bishop", "Professor", "Detective", "Officer",
];

/// Ends on a title and one capitalized word (`…said Lt. Col. Marcus`, `President Ellen`): a
/// first name whose surname is still to come.
pub fn ends_on_title_and_first_name(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let (Some(name), Some(title)) = (words.next(), words.next()) else {
        return false;
    };
    is_capitalized_word(name)
        && name.chars().all(char::is_alphabetic)
        && (NAME_TITLES.contains(&title) || OFFICE_TITLES.contains(&title))
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// Starts with a day of the month: one or two digits, then a comma, a space or the end
/// (`20, 2019`).
fn starts_with_day(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(text.as_bytes().get(digits), None | Some(b',' | b' '))
}

/// A date and nothing else (`June 3, 2021`, `3 June 2021`, `Friday, June 3, 2021`): a
/// page's date on a line of its own.
pub fn is_bare_latin_date(text: &str) -> bool {
    // (The longest, `Wednesday, September 30, 2020`, is 29 bytes: most lines are longer.)
    if text.len() > 30 {
        return false;
    }
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let day = |w: &str| starts_with_day(w) && w.trim_end_matches(',').len() <= 2;
    let words: Vec<&str> = text.split(' ').collect();
    let date = match words[..] {
        [weekday, ref date @ ..] if WEEKDAYS.contains(&weekday.trim_end_matches(',')) => date,
        ref date => date,
    };
    match *date {
        [month, d, y] if MONTHS.contains(&month) => d.ends_with(',') && day(d) && year(y),
        [d, month, y] => MONTHS.contains(&month) && day(d) && !d.ends_with(',') && year(y),
        _ => false,
    }
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A date is cut between its month and its day (`…on November` + `20, 2019`), a time of
/// day from its weekday (`…began at 5:30 p.m.` + `Tuesday, Dec. 3`), or the attribution of
/// an embedded post from its date (`— Ana Ruiz (@anaruiz)` + `May 4, 2021`).
pub fn date_goes_on(before: &str, after: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    let handle = last.starts_with("(@") && last.ends_with(')');
    let weekday = || {
        WEEKDAYS.iter().any(|day| {
            after
                .strip_prefix(day)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', ' ']))
        })
    };
    MONTHS.contains(&last) && starts_with_day(after)
        || matches!(last, "a.m." | "p.m.") && weekday()
        || handle
            && MONTHS.iter().any(|month| {
                after
                    .strip_prefix(month)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
}

/// How a line break cuts a date and time written in digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClockCut {
    /// Between the date and its time of day (`2023-06-18` + `09:41`): a space stood there.
    DateFromTime,
    /// Inside the time of day (`09:` + `41:07`, `09:4` + `1`).
    InsideTime,
}

/// The break between `before` and `after` cuts a date and time in digits, and where.
pub fn clock_cut(before: &str, after: &str) -> Option<ClockCut> {
    let clock = |c: char| c.is_ascii_digit() || c == ':';
    let head = &after[..after.len() - after.trim_start_matches(clock).len()];
    if !head.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // (Only the digits and marks at the end of `before` are read: a block may be long.)
    let marks = &before[before
        .trim_end_matches(|c: char| clock(c) || "-/.".contains(c))
        .len()..];
    // (A date opens on a digit: a field's colon before it is not its own.)
    let date = marks.trim_start_matches(':');
    let date_start = before.len() - date.len();
    // (After a space, or a field's colon: `时间：2023-06-18`.)
    let stands_apart = |start: usize| start == 0 || before[..start].ends_with([' ', ':', '：']);
    let numeric_date = stands_apart(date_start) && is_numeric_date(date);
    if (numeric_date || cjk_date_start(before).is_some_and(stands_apart)) && is_clock_time(head) {
        return Some(ClockCut::DateFromTime);
    }
    let tail = &before[before.trim_end_matches(clock).len()..];
    (tail.starts_with(|c: char| c.is_ascii_digit()) && is_clock_time(&format!("{tail}{head}")))
        .then_some(ClockCut::InsideTime)
}

/// Where a date in the Chinese form at the end of `text` starts (`2018年12月11日`, `6月2日`).
fn cjk_date_start(text: &str) -> Option<usize> {
    let digits_at_end = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let rest = text.strip_suffix('日')?;
    let day = digits_at_end(rest);
    let rest = (1..=2)
        .contains(&day)
        .then(|| rest[..rest.len() - day].strip_suffix('月'))??;
    let month = digits_at_end(rest);
    let rest = (1..=2)
        .contains(&month)
        .then(|| &rest[..rest.len() - month])?;
    Some(match rest.strip_suffix('年') {
        Some(year) if digits_at_end(year) == 4 => year.len() - 4,
        _ => rest.len(),
    })
}

/// Opens with a date in digits, perhaps after a short label (`2022-06-28 …`,
/// `2024/02/18来源`, `时间:2022-04-02`): a page's metadata, not running text (which writes
/// its dates `2022年6月28日`).
fn opens_with_numeric_date(text: &str) -> bool {
    let after_label = after_label(text, 4).map_or(text, str::trim_start);
    let mut date = after_label.split(|c: char| !(c.is_ascii_digit() || "-/.".contains(c)));
    date.next().is_some_and(is_numeric_date)
}

/// Opens with the number of a point in brackets: one or two Chinese numerals or digits
/// (`（一）`, `(2)`), not a part's number before a colon (`(1)：`, which goes with its title).
fn opens_with_bracketed_number(text: &str) -> bool {
    text.strip_prefix(['（', '(']).is_some_and(|rest| {
        let number = rest
            .chars()
            .take_while(|&c| is_cjk_numeral(c) || c.is_ascii_digit())
            .count();
        let mut after = rest.chars().skip(number);
        (1..=2).contains(&number)
            && after.next().is_some_and(|c| c == '）' || c == ')')
            && !after.next().is_some_and(|c| c == ':' || c == '：')
    })
}

/// Opens with a label of two to six letters and a colon (`注意事项：`, `处理办法：…`).
pub fn opens_with_label(text: &str) -> bool {
    after_label(text, 6).is_some()
}

/// What follows the label of two to `longest` Chinese letters and the colon `text` opens
/// with, if it does.
fn after_label(text: &str, longest: usize) -> Option<&str> {
    let (at, colon) =
        (text.char_indices().take(longest + 1)).find(|&(_, c)| c == ':' || c == '：')?;
    let label = &text[..at];
    ((2..=longest).contains(&label.chars().count()) && label.chars().all(is_cjk_letter))
        .then(|| &text[at + colon.len_utf8()..])
}

/// Opens with a picture's or a story's source in brackets (`（图源：新华社）…`, `(来源：本报)`).
pub fn opens_with_bracketed_source(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['（', '(']) else {
        return false;
    };
    let Some(close) = rest.find(['）', ')']) else {
        return false;
    };
    let inside = simplified(&rest[..close]);
    inside.chars().count() <= 20
        && SOURCE_LABELS.iter().any(|label| {
            inside
                .strip_prefix(label)
                .is_some_and(|value| value.starts_with([':', '：']))
        })
}

/// A line that is only an author's credit in brackets: a name of two to four letters, or a
/// reporter's title and names (`（李明）`, `（记者 李明 通讯员 王强）`).
pub fn is_bracketed_credit(text: &str) -> bool {
    let Some(inside) = text
        .strip_prefix(['（', '('])
        .and_then(|rest| rest.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let name = (2..=4).contains(&inside.chars().count()) && inside.chars().all(is_cjk_letter);
    let reporters = REPORTER_TITLES
        .iter()
        .any(|title| simplified(head(inside, 3)).starts_with(title))
        && inside.chars().count() <= 24
        && inside
            .chars()
            .all(|c| is_cjk_letter(c) || c == ' ' || c == '\u{3000}');
    name || reporters
}

/// A reporters' credit in brackets cut at the space between two names (`（记者李明 王强` +
/// `赵敏）…`, `（记者李明` + `王强）`): the names are set apart, and the space goes on. Cut
/// inside a name, one side holds a single letter (`…王` + `强 赵敏）`), since no name has
/// one; cut after the title alone (`（记者` + `李明）`), nothing tells whether it was spaced.
pub fn cuts_bracketed_credit_at_space(a: &str, b: &str) -> bool {
    let is_name = |w: &&str| is_cjk_word(w, 2..=4);
    let Some((_, inside)) = a.rsplit_once(['（', '(']) else {
        return false;
    };
    let mut words = inside.split(' ');
    let first = simplified(words.next().unwrap_or(""));
    let names_before = words.all(|w| is_name(&w));
    let ends_on_name = inside.contains(' ')
        || REPORTER_TITLES
            .iter()
            .any(|title| first.strip_prefix(title).is_some_and(|name| is_name(&name)));
    let opens_on_names = b
        .find(['）', ')'])
        .is_some_and(|close| b[..close].split(' ').all(|w| is_name(&w)));
    REPORTER_TITLES.iter().any(|title| first.starts_with(title))
        && first.chars().all(is_cjk_letter)
        && names_before
        && ends_on_name
        && opens_on_names
}

/// Opens with a month and a day (`6月27日`, `3月5号`).
pub fn opens_with_month_day(text: &str) -> bool {
    after_month_day(text).is_some()
}

/// What follows the month and day `text` opens with (`6月27日` of `6月27日17时`), if it does.
fn after_month_day(text: &str) -> Option<&str> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let month = digits(text);
    let rest = (1..=2)
        .contains(&month)
        .then(|| text[month..].strip_prefix('月'))??;
    let day = digits(rest);
    (1..=2)
        .contains(&day)
        .then(|| rest[day..].strip_prefix(['日', '号']))?
}

/// A date in digits cut inside (`2024-05-1` + `8`, `2024-05` + `-18`): the digits and
/// separators on both sides of the break make one written in full, as a page's metadata
/// writes it (`2024-05-18`), and those before it alone do not.
pub fn cuts_numeric_date(before: &str, after: &str) -> bool {
    let mark = |c: char| c.is_ascii_digit() || "-/.".contains(c);
    let tail = &before[before.trim_end_matches(mark).len()..];
    let head = &after[..after.len() - after.trim_start_matches(mark).len()];
    let in_full = |date: &str| date.len() == 10 && is_numeric_date(date);
    !tail.is_empty()
        && !head.is_empty()
        && tail.len() + head.len() == 10
        && !in_full(tail)
        && in_full(&format!("{tail}{head}"))
}

/// A date in digits: year, month and day (`2023-06-18`, `2023/06/18`, `2023.06.18`).
fn is_numeric_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    matches!(parts.as_slice(), [year, month, day]
        if year.len() == 4
            && (1..=2).contains(&month.len())
            && (1..=2).contains(&day.len())
            && parts.iter().all(|p| all_digits(p)))
}

/// A time of day in digits: hours and minutes, perhaps seconds (`09:41`, `9:05:07`).
fn is_clock_time(text: &str) -> bool {
    let parts: Vec<&str> = text.split(':').collect();
    (2..=3).contains(&parts.len())
        && (1..=2).contains(&parts[0].len())
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| all_digits(p))
}

fn all_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// A newswire dateline: a place in capitals and the agency in parentheses (`LONDON
/// (Reuters)`), which the story follows after a dash.
pub fn is_wire_dateline(text: &str) -> bool {
    let Some((place, agency)) = text.strip_suffix(')').and_then(|t| t.split_once(" (")) else {
        return false;
    };
    place.chars().any(|c| c.is_ascii_uppercase())
        && !place.chars().any(char::is_lowercase)
        && agency.starts_with(|c: char| c.is_ascii_uppercase())
        && !agency.contains(['(', ')'])
}

/// Ends on a comma, read through closing quotes: a quotation that closes on a comma goes on
/// (`“…,”` + `he said.`).
pub fn ends_on_comma(text: &str) -> bool {
    last_through_closers(text).is_some_and(|c| matches!(c, ',' | '，' | '、'))
}

/// Chinese or Japanese, joined without a space. Full-width `．％：` do not count: inside a
/// number they become ASCII after rejoin, and a second run must read the block the same way.
pub fn joins_tight(c: char) -> bool {
    is_fullwidth_script(c) && !matches!(c, '．' | '％' | '：')
}

/// A Markdown heading, list item, quote or table row. A row opens and closes with `|`: a
/// line that only opens with one is a title's second part cut at its separator
/// (`…年度盘点` + `| “再出发…`).
pub fn is_markup(line: &str) -> bool {
    line.starts_with(['#', '>'])
        || line.starts_with('|') && line.trim_end().ends_with('|')
        || is_list_item(line)
}

/// A Markdown list item (`- `, `* `, `1. `). A list is numbered in at most three digits: a
/// line that opens with a year and a full stop (`2020. And then…`) is a sentence's end.
pub fn is_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with("- ")
        || line.starts_with("* ")
        || (1..=3).contains(&digits) && line[digits..].starts_with(". ")
}

/// Set like a headline: phrases separated by spaces between CJK letters (body text never
/// is, outside a quoted title or a bracketed byline), a `|` between parts, or a leading dash
/// (a subtitle). A block longer than any headline is not one, nor is one that holds a full
/// stop or ends on a photo credit (a caption).
pub fn is_headline_shaped(text: &str) -> bool {
    // (`nth` stops counting at 81: blocks grow while rejoin works, and this runs per join.)
    // Cheap tests first: most lines have no space and no dash, and are not short.
    (text.starts_with('—') || text.contains(' '))
        && text
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(80)
            .is_none()
        && (text.starts_with('—')
            || text.contains(" | ")
            || has_phrase_spaces(text) && !text.contains('。') && !ends_on_photo_credit(text))
}

/// A space between two CJK letters, outside quotes, book-title brackets and parentheses
/// (`（记者 李明）`), and not before the verb of a book's credit (`王明 著，`).
fn has_phrase_spaces(text: &str) -> bool {
    if !may_hold_cjk_letter(text) {
        return false;
    }
    let text = without_spaced_label(text);
    let mut depth = 0usize;
    let mut prev = None;
    for (at, c) in text.char_indices() {
        let opens = match c {
            '〔' => Some(true),
            '〕' => Some(false),
            c => bracket_kind(c).map(|(_, opens)| opens),
        };
        match opens {
            Some(true) => depth += 1,
            Some(false) => depth = depth.saturating_sub(1),
            None if c == ' '
                && depth == 0
                && prev.is_some_and(is_cjk_letter)
                && text[at + 1..].starts_with(is_cjk_letter)
                && !opens_with_credit_verb(&text[at + 1..]) =>
            {
                return true;
            }
            None => {}
        }
        prev = Some(c);
    }
    false
}

/// A book's credit after its author's name (`著`, `主编`, `译`), then punctuation or the end.
fn opens_with_credit_verb(text: &str) -> bool {
    ["编著", "主编", "著", "编", "译"].iter().any(|verb| {
        text.strip_prefix(verb)
            .is_some_and(|rest| !rest.starts_with(is_cjk_letter))
    })
}

/// How a headline's phrases go on into a line of `next` letters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PhrasesGoOn {
    /// The last phrase is shorter than every other: cut, it goes on without a space.
    CutShort,
    /// Every phrase (after a label, `媒体关注：`) is as long as the next line: one more in
    /// parallel, set apart by a space.
    InParallel,
}

/// Words a role ends with, before the name of who holds it on a speaker's or a winner's
/// line (`市委书记 何明`, `女子跳远冠军 李华`).
#[rustfmt::skip]
const ROLE_ENDINGS: &[&str] = &[
    "书记", "主任", "主席", "委员", "代表", "部长", "局长", "厅长", "处长", "科长", "市长", "县长",
    "省长", "区长", "镇长", "村长", "院长", "校长", "所长", "站长", "馆长", "会长", "社长", "行长",
    "董事长", "总经理", "经理", "总裁", "秘书长", "发言人", "教授", "研究员", "专家", "记者", "教练",
    "队长", "选手", "冠军", "亚军", "季军", "得主", "代言人", "负责人", "创始人",
];

/// A word of so many Chinese letters, as names and credits' labels are (`王强`, `通讯员`).
fn is_cjk_word(word: &str, letters: std::ops::RangeInclusive<usize>) -> bool {
    letters.contains(&word.chars().count()) && word.chars().all(is_cjk_letter)
}

/// `role` ends on a role and `name` is a name of two to four letters (`市委书记` `何明`).
/// (Traditional roles read simplified: `記者` is `记者`.)
fn is_role_then_name(role: &str, name: &str) -> bool {
    let role = simplified(tail(role, 3));
    ROLE_ENDINGS.iter().any(|ending| role.ends_with(ending)) && is_cjk_word(name, 2..=4)
}

/// A role and a name as a headline's last phrases (`省委常委、市委书记 何明`): a line whole
/// in itself, over what its holder says.
fn is_role_and_name(phrases: &[&str]) -> bool {
    matches!(phrases, [.., role, name] if is_role_then_name(role, name))
}

/// Verbs of saying a speaker's colon follows (`他说：`, `她表示：`).
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "说", "道", "问", "答", "称", "讲", "表示", "指出", "介绍", "强调", "回答", "回忆", "坦言",
    "感慨", "笑着说",
];

/// A line that ends on a verb of saying and its colon, and a quotation opening the next
/// (`一位读者说：` + `“这里很安静。”`): the quotation is what was said, in the same paragraph.
pub fn says_into_quotation(a: &str, b: &str) -> bool {
    a.strip_suffix([':', '：'])
        .map(|head| simplified(tail(head, 3)))
        .is_some_and(|head| SAYING.iter().any(|verb| head.ends_with(verb)))
        && b.starts_with(['“', '"', '「'])
}

/// A sentence that pauses and then leads in with a colon (`…，下面分三点说明：`), and a
/// line after it that does not open a quotation: what it leads in to stands as paragraphs of
/// its own (a label's colon, `时间：`, has no pause before it).
pub fn leads_in_to_next(a: &str, b: &str) -> bool {
    a.strip_suffix([':', '：'])
        .and_then(|head| head.rsplit_once(is_pause))
        .is_some_and(|(_, clause)| {
            clause
                .chars()
                .filter(|&c| is_cjk_letter(c))
                .nth(1)
                .is_some()
        })
        && !b.starts_with(['“', '"', '「', '‘'])
}

/// A short line that ends on a role, and a name of two to four letters alone after it
/// (`羽毛球男子双打冠军` + `王强`): a speaker's or a winner's line cut at its space.
pub fn cuts_role_from_name(a: &str, b: &str) -> bool {
    a.chars().nth(32).is_none() && !a.contains('。') && is_role_then_name(a, b)
}

/// Whether a headline's phrases go on into a line of `next` letters, and how. A headline
/// whose last phrase is its longest is whole, and so is a role and its holder's name.
pub fn phrases_go_on(headline: &str, next: usize) -> Option<PhrasesGoOn> {
    let phrases = after_label(headline, 6).unwrap_or(headline);
    let words: Vec<&str> = phrases.split_whitespace().collect();
    let lengths: Vec<usize> = words.iter().map(|p| p.chars().count()).collect();
    let (&last, others) = lengths.split_last()?;
    if others.is_empty() || is_role_and_name(&words) {
        None
    } else if lengths.iter().all(|&n| n == next) {
        Some(PhrasesGoOn::InParallel)
    } else {
        (!phrases.contains([':', '：']) && others.iter().all(|&n| last < n))
            .then_some(PhrasesGoOn::CutShort)
    }
}

/// A list of Chinese names set apart by spaces (`周明 李华 王`) and a line that opens with one
/// letter set apart the same way (`强 赵敏`): a name cut in two, since none has one letter. On a
/// page's metadata line the list follows a labelled field (`来源：城南社区 通讯员 王` + `强 编辑
/// 李华`), and one name or credit before the cut will do.
pub fn cuts_a_name_in_a_list(a: &str, b: &str) -> bool {
    let is_name = |word: &str| is_cjk_word(word, 1..=4);
    let mut rest = b.split(' ');
    let first = rest.next().unwrap_or("");
    // (A numeral alone numbers a section: `一`.)
    if first.chars().count() != 1
        || !is_name(first)
        || first.starts_with(is_cjk_numeral)
        || !rest.all(is_name)
    {
        return false;
    }
    let mut names: Vec<&str> = a.split(' ').collect();
    let after_field = opens_with_label(names[0]);
    if after_field {
        names.remove(0);
    }
    names.len() >= if after_field { 1 } else { 2 }
        && names.iter().all(|w| is_name(w))
        && names[..names.len() - 1]
            .iter()
            .all(|w| w.chars().count() >= 2)
}

/// Where a page's line of credits was cut (`来源：城南社区 通讯员 王强 编辑 李华`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CreditsCut {
    /// At the space after a credit's label (`…通讯员` + `王强 编辑 李华`).
    AtSpace,
    /// Inside a name (`…通讯员 王` + `强 编辑…` or `…通讯员 王强 李` + `华`).
    InsideName,
}

/// A line of credits after a labelled field (`来源：城南社区 通讯员`) or a credit's label
/// (`记者 王强 李华`), and a line of names and labels after it (`王强 编辑 李华`, `赵明`): where
/// they were cut apart, if they were. A line that opens with a credit's label is a credit of
/// its own (`编辑 李华`), and a word of the dictionary alone is no name (`综述`).
pub fn credits_cut(a: &str, b: &str) -> Option<CreditsCut> {
    let is_word = |w: &&str| is_cjk_word(w, 1..=4);
    // (No label is longer than four letters: a longer word is not simplified to be compared.)
    let is_label = |w: &str| w.chars().nth(4).is_none() && BYLINE_LABELS.contains(&&*simplified(w));
    let mut credits = a.split(' ');
    let lead = credits.next()?;
    let byline = is_label(lead);
    if !(byline || opens_with_label(lead)) {
        return None;
    }
    let credits: Vec<&str> = credits.collect();
    let next: Vec<&str> = b.split(' ').collect();
    let credits_and_names = credits.iter().all(is_word)
        && next.iter().all(is_word)
        && (byline || credits.iter().chain(&next).any(|w| is_label(w)));
    if !credits_and_names || opens_credit(b) {
        return None;
    }
    let (last, first) = (*credits.last()?, next[0]);
    let more_names = || {
        byline
            && next
                .iter()
                .all(|w| is_cjk_word(w, 2..=4) && !is_label(w) && !is_dictionary_word(w))
    };
    if last.chars().count() == 1 || first.chars().count() == 1 {
        Some(CreditsCut::InsideName)
    } else {
        (is_label(last) || more_names()).then_some(CreditsCut::AtSpace)
    }
}

/// `text` after a label whose letters are set apart at its start (`摘 要：`, `关 键 词:`):
/// those spaces are typesetting, not phrases.
fn without_spaced_label(text: &str) -> &str {
    let mut chars = text.char_indices();
    let mut letters = 0;
    while let Some((_, c)) = chars.next() {
        if !is_cjk_letter(c) {
            return text;
        }
        letters += 1;
        match chars.next() {
            Some((_, ' ')) if letters < 4 => {}
            Some((at, ':' | '：')) if letters >= 2 => return &text[at..],
            _ => return text,
        }
    }
    text
}

/// Ends on a photo credit: `摄` or `图` set apart from the photographer's name
/// (`新华社记者 王鹏 摄`, `王鹏/摄`, `城市晚报 图`), `摄` after a reporter's name
/// (`本报记者王鹏摄`) or after a name alone behind the caption's sentence or a bracket
/// (`…合影。王鹏摄`, `（王鹏摄）`), `图` after a source alone behind the sentence
/// (`…合影。城市晚报图`), the photographer and the paper's picture desk (`王鹏摄/晚报图片`),
/// an agency's or a source's picture (`新华社发`, `受访者供图`), or a credit after the
/// caption's sentence (`…合影。来源：新华网`): the end of a caption, as a full stop ends a
/// sentence.
pub fn ends_on_photo_credit(text: &str) -> bool {
    let text = text.trim_end_matches([')', '）', ' ']);
    let set_apart =
        |name: &str| name.ends_with([' ', '\u{3000}', '/', '／']) && !name.trim().is_empty();
    let taken_by = text.strip_suffix('摄').is_some_and(|name| {
        set_apart(name) || is_reporters_name(name) || is_name_after_sentence(name)
    });
    let pictured_by = text
        .strip_suffix('图')
        .is_some_and(|name| set_apart(name) || is_picture_source_after_sentence(name));
    let desk = text.strip_suffix("图片").is_some_and(|credit| {
        tail(credit, 8).contains(['/', '／'])
            && tail(credit, 8).contains("摄")
            && !credit.starts_with("摄")
    });
    taken_by
        || pictured_by
        || desk
        || text.ends_with("社发")
        || text.ends_with("供图")
        || ends_on_source_credit(text)
}

/// A name of two or three letters after the end of a sentence or an opening bracket, the
/// last words before `摄` (`…合影。王鹏`): not a verb (`…。随后拍`).
fn is_name_after_sentence(before: &str) -> bool {
    after_last(before, &['。', '！', '？', '!', '?', '（', '(']).is_some_and(is_name)
}

/// What follows the last of `marks` in `text`, if it holds one.
fn after_last<'a>(text: &'a str, marks: &[char]) -> Option<&'a str> {
    let at = text.rfind(marks)?;
    let mark = text[at..].chars().next()?;
    Some(&text[at + mark.len_utf8()..])
}

/// Kinds of picture a sentence may end on (`…见下图`, `…路线图`): not a credit.
const PICTURE_NOUNS: &[&str] = &[
    "下", "上", "左", "右", "示意", "地", "附", "原", "截", "插", "路线", "流程", "结构", "蓝",
    "效果", "全景", "构", "拼", "漫画",
];

/// A source of two to six letters after the end of a sentence, the last words before `图`
/// (`…合影。视觉中国`): not a kind of picture (`…。详见下`).
fn is_picture_source_after_sentence(before: &str) -> bool {
    after_last(before, &['。', '！', '？', '!', '?']).is_some_and(|source| {
        (2..=6).contains(&source.chars().count())
            && source.chars().all(is_cjk_letter)
            && !PICTURE_NOUNS.iter().any(|noun| source.ends_with(noun))
    })
}

/// Two or three Chinese letters that do not end on a verb of taking pictures (`拍`, `航`).
fn is_name(name: &str) -> bool {
    (2..=3).contains(&name.chars().count())
        && name.chars().all(is_cjk_letter)
        && !name.ends_with(['拍', '航', '偷', '抓'])
}

/// The titles a reporter's name follows in a credit (tables of labels hold simplified
/// letters: traditional text is read in them, by [`simplified`]).
const REPORTER_TITLES: &[&str] = &["记者", "通讯员"];

/// A reporter's title and a name of two or three letters, the last words before `摄`
/// (`新华社记者王鹏`): not a verb (`…现场拍`).
fn is_reporters_name(before: &str) -> bool {
    // (A title and a name of at most three letters: the last ten letters hold them.)
    let before = simplified(tail(before, 10));
    REPORTER_TITLES.iter().any(|title| {
        before
            .rsplit_once(title)
            .is_some_and(|(_, name)| is_name(name.trim()))
    })
}

/// Labels of a caption's or a picture's credit (`来源：新华网`, `插图：Anna Berg`).
const SOURCE_LABELS: &[&str] = &[
    "来源",
    "图源",
    "图片来源",
    "插图",
    "图片",
    "摄影",
    "制图",
    "视频",
];

/// `text` ends on a short credit: a source label, a colon and a name (`来源：新华网`), or an
/// editor's and one name (`…|责任编辑：王明`; of a list of names, the last may go on), the
/// label opening the text or standing after a sentence, a `|`, a space or a date
/// (`2024/02/18来源：…`).
fn ends_on_source_credit(text: &str) -> bool {
    // (A credit's name is 20 letters at most: its colon is among the last 21, its label and
    // the letter before among the 8 before.)
    let text = tail(text, 32);
    let Some(colon) = text.rfind([':', '：']) else {
        return false;
    };
    let (before, name) = text.split_at(colon);
    // (The label and the letter before it: no label is longer than four letters.)
    let before = simplified(tail(before, 8));
    let name = name[name.chars().next().map_or(0, char::len_utf8)..].trim();
    if name.is_empty() || name.contains(['，', ',']) {
        return false;
    }
    let labelled = |labels: &[&str]| {
        labels.iter().any(|label| {
            before.strip_suffix(label).is_some_and(|lead| {
                lead.chars()
                    .next_back()
                    .is_none_or(|c| "。|｜ \u{3000}".contains(c) || c.is_ascii_digit())
            })
        })
    };
    labelled(SOURCE_LABELS) && name.chars().count() <= 20
        || labelled(BYLINE_LABELS) && name.chars().count() <= 6 && !name.contains([' ', '\u{3000}'])
}

/// Labels a Chinese byline opens with, before a colon (`作者：`, `来源：`), and the credits
/// of the editors who reviewed the piece (`二审：`).
#[rustfmt::skip]
const BYLINE_LABELS: &[&str] = &[
    "作者", "记者", "文", "编辑", "责任编辑", "责编", "通讯员", "撰文", "摄影", "来源",
    "审核", "初审", "一审", "二审", "三审", "终审", "校对",
];

/// A paragraph that ends on its only semicolon, before another like it: two items of a list
/// set as paragraphs (`…不利于推广；` + `…便于推广；`). A paragraph of clauses set off by
/// semicolons holds more of them (`…还在剥叶；` + `安徽…；江苏…`), and its last clause ends
/// the sentence (`…车辆停放；` + `有人驻守路口…。`).
pub fn is_semicolon_item(text: &str, next: &str) -> bool {
    let semicolons = ['；', ';'];
    let is_item = |line: &str| line.ends_with(semicolons) && line.matches(semicolons).count() == 1;
    is_item(text) && is_item(next)
}

/// Opens with a byline label and its colon (`作者: 张三 李四`), and its last field is a
/// byline's too: names may go on after it (not after `来源：本报 点击：`).
pub fn opens_byline(text: &str) -> bool {
    let opening = simplified(head(text, 8));
    let opens = BYLINE_LABELS.iter().any(|label| {
        opening
            .strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
    });
    if !opens {
        return false;
    }
    let last_label = text.rsplit_once([':', '：']).map_or("", |(head, _)| {
        let head = head.trim_end();
        &head[head.trim_end_matches(is_cjk_letter).len()..]
    });
    let last_label = simplified(tail(last_label, 4));
    BYLINE_LABELS
        .iter()
        .any(|label| last_label.ends_with(label))
}

/// Opens with a byline label set off by a colon or a space (`编辑 王明`, `二审：李华`): a
/// credit of its own, on a line of its own.
pub fn opens_credit(text: &str) -> bool {
    let opening = simplified(head(text, 5));
    BYLINE_LABELS.iter().any(|label| {
        opening
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with([':', '：', ' ', '\u{3000}']))
    })
}

/// Paragraph openers: a new paragraph of a list of points starts with them.
const OPENERS: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "六是",
    "七是",
    "八是",
    "九是",
    "十是",
    "一方面",
    "另一方面",
];

/// Paragraph openers set off by a comma (`第二，`, `此外,`): the points of a list, and the
/// time phrases a news paragraph leads with (`日前，`, `近年来,`).
#[rustfmt::skip]
const COMMA_OPENERS: &[&str] = &[
    "第一", "第二", "第三", "第四", "第五", "首先", "其次", "再次", "最后", "此外", "同时",
    "下一步", "另外", "近日", "日前", "近年", "近年来", "今年以来", "据悉", "据了解", "据介绍",
    "据统计", "据报道",
];

/// English words a sentence cannot stop on: articles, prepositions, conjunctions, auxiliary
/// verbs and possessive determiners. Running text that ends on one was cut mid-sentence.
/// (Not words that can stand for a noun, `more`, `that`, `this`: a truncated paragraph
/// may stop on them.)
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto",
    "about", "over", "under", "after", "before", "between", "through", "during", "without",
    "within", "against", "among", "toward", "towards", "upon", "across", "amid", "despite", "via",
    "per", "than", "when", "unless", "whereas", "and", "or", "nor", "but", "as", "which", "whose",
    "whom", "if", "because", "while", "although", "though", "whether", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "its", "their", "our", "your", "my", "very",
];

/// Chinese words no sentence or heading stops on: prepositions, conjunctions, the
/// structural 的 and adverbs that stand before a verb (`都`, `很`, `已经`, `就`), as whole
/// dictionary words (`以` in `始终以`, not in `可以`; `于` alone, not `在于`; `都` alone, not
/// in `首都`; `再` alone, not in `不再`). Text that stops on one was cut mid-sentence. (Not
/// `至` alone: as a verb it ends a headline, `春节将至`.)
#[rustfmt::skip]
pub const CJK_FUNCTION_WORDS: &[&str] = &[
    "的", "和", "与", "及", "或", "并", "而", "对", "把", "被", "将", "从", "向", "在", "于", "以",
    "为", "让", "使", "给", "跟", "同", "因", "但", "且", "则", "以及", "并且", "而且", "但是",
    "因为", "由于", "对于", "关于", "按照", "随着", "为了", "如果", "虽然", "不仅", "围绕", "及其",
    "或者", "从而", "进而", "都", "也", "很", "最", "更", "正在", "已经", "仍然", "曾经", "一直",
    "不断", "逐步", "进一步", "甚至", "乃至", "直至", "就", "才", "又", "还", "再", "便", "却", "仍",
];

/// Chinese words no sentence or heading starts with: conjunctions that join what came
/// before (`和`, `及`, `并且`), `等` (and so on), the structural `的`, `地` and `得`, the
/// aspect particles `了` and `着`, the plural suffix `们`, words that close a phrase of
/// place or time (`之间`, `以来`, `为止`) and the adverbs of growing degree (`越发`), as
/// whole words (not `了解`, `地区`, `得到`, `着力`).
pub const CJK_CONTINUING_WORDS: &[&str] = &[
    "和", "与", "及", "以及", "并", "并且", "而", "而且", "或", "或者", "等", "等等", "的", "地",
    "得", "了", "着", "们", "之间", "之一", "之际", "以来", "为止", "越发", "愈发",
];

/// A change or a range cut after 至, the figure it reaches opening the next line (`从18度
/// 降至` + `5度`, `2.45% 至` + `3834.89`): 至 after a number or a verb of change. (After
/// `将` or `已` it is the verb, arrives, and a headline may stop on it: `春节将至`.)
pub fn cuts_before_the_figure_reached(before: &str, after: &str) -> bool {
    const CHANGES: &str = "降涨漲增减減升跌落调調高低大小长長延缩縮扩擴提";
    let Some(head) = before.strip_suffix('至') else {
        return false;
    };
    let reached_from = head.trim_end_matches(' ').chars().next_back();
    after.starts_with(|c: char| c.is_ascii_digit() || is_cjk_numeral(c))
        && reached_from.is_some_and(|c| c.is_ascii_digit() || c == '%' || CHANGES.contains(c))
}

/// Set in spaced phrases, the last of them one letter (`…获奖3项 新` + `纪录…`): the break
/// cut a word, as no phrase of a headline is one letter. A credit's may be (`记者 张明 摄`),
/// and a name's letters may stand apart (`记者 张 明`).
pub fn ends_on_lone_letter(text: &str) -> bool {
    let Some((before, last)) = text.rsplit_once([' ', '\u{3000}']) else {
        return false;
    };
    let phrase_before = before.rsplit([' ', '\u{3000}']).next().unwrap_or("");
    let mut letters = last.chars();
    letters.next().is_some_and(is_cjk_letter)
        && letters.next().is_none()
        && phrase_before.chars().nth(1).is_some()
        && !ends_on_photo_credit(text)
}

/// One-letter postpositions that close a phrase of time or place (`得知消息` + `后，`,
/// `…的过程` + `中，`), simplified and traditional: a line that opens on one and a comma
/// goes on from the line before. (Followed by a letter they may open a word, `中方`; by
/// `、`, a list of one-letter names, `上、中、下游`, `中、美两国`.)
const POSTPOSITIONS: &str = "后後时時前中里裡裏内內间間上下";

/// Opens on a one-letter postposition set off by a comma (`时，…`): the end of a phrase the
/// line before began.
pub fn opens_on_postposition(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| POSTPOSITIONS.contains(c))
        && chars.next().is_some_and(|c| matches!(c, '，' | ','))
}

/// Words a heading never ends on (an article, `of`, `and`, `or`), though it may end on a
/// preposition (`Find someone to talk to`).
const NO_HEADING_ENDS_ON: &[&str] = &["the", "a", "an", "of", "and", "or"];

/// English text cut short: it stops on a comma or on a word no heading ends on.
pub fn stops_short_of_a_heading(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or("");
    text.ends_with(',') || NO_HEADING_ENDS_ON.contains(&last_word)
}

/// A list of names set off by commas, cut inside one (`…, Mark Kinion, Matthew` + `Petty,
/// Sloan…`): the word and comma that open the next line finish the name.
pub fn cuts_a_name_in_a_comma_list(a: &str, b: &str) -> bool {
    a.matches(',').count() >= 2
        && a.ends_with(char::is_alphabetic)
        && b.split(' ')
            .next()
            .and_then(|word| word.strip_suffix(','))
            .is_some_and(is_name_word)
}

/// An article, preposition, conjunction, auxiliary verb or possessive determiner.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// Verbs of saying that wait for their speaker or their object (`…,” said` + `Okafor.`;
/// `…officials told` + `reporters`), and `including`, which waits for what it includes:
/// without a full stop after them, no sentence ends there.
const REPORTING_VERBS: &[&str] = &["said", "says", "told", "including"];

/// The last word of Latin running text is one a sentence cannot stop on (`…met with the`,
/// `…THE BOARD OF`, `…said`).
pub fn ends_on_function_word(text: &str) -> bool {
    let stops = |word: &str| is_function_word(word) || REPORTING_VERBS.contains(&word);
    text.rsplit(' ').next().is_some_and(|word| {
        stops(word)
            || word.bytes().all(|b| b.is_ascii_uppercase()) && stops(&word.to_ascii_lowercase())
    })
}

/// English words a paragraph or sentence commonly opens with, besides the function words:
/// pronouns, determiners, and adverbs of time, place and sequence.
#[rustfmt::skip]
const OPENING_WORDS: &[&str] = &[
    "i", "he", "she", "it", "we", "they", "you", "his", "her", "this", "that", "these", "those",
    "there", "here", "what", "who", "when", "where", "why", "how", "some", "many", "most", "all",
    "one", "no", "not", "each", "every", "both", "such", "other", "another", "so", "yet", "then",
    "now", "still", "also", "even", "just", "only", "however", "meanwhile", "instead", "indeed",
    "today", "yesterday", "later", "earlier", "once", "since", "until", "unless", "despite",
    "according", "asked", "please", "let", "like", "last", "next", "more", "do", "did", "does",
    "come",
];

/// A capitalized word in lower case after its capital (`Okafor`, `McLean`; not `NATO`):
/// how names are set in running text.
pub fn is_capitalized_word(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
}

/// A capitalized word that is no function word and no common opener (`Okafor`, `Court`;
/// not `The`, `But`, `She`): after running text that stopped on a capitalized word, the
/// rest of a name, not a new sentence.
pub fn is_name_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_capitalized_word(word)
        && !is_function_word(&lower)
        && !OPENING_WORDS.contains(&lower.as_str())
}

/// Only a date and a time of day (`2023-06-18 09:41`, `2021年07月03日 18:05`): a
/// dateline's line, never a column's.
pub fn is_timestamp(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text.contains(':')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " -/.:年月日".contains(c))
}

/// Only a document's or a case's number: an issuer's short name, the year in brackets, a
/// court's or an issuer's code and the number (`国办发〔2023〕12号`, `（2015）惠中法刑二终字
/// 第294号`, `（2024）京0105民初1234号`). It stands on a line of its own, over the
/// document's title or its text.
pub fn is_document_number(text: &str) -> bool {
    let Some(open) = text.find(['（', '(', '〔', '[', '【']) else {
        return false;
    };
    let (issuer, rest) = text.split_at(open);
    let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    let year = rest.bytes().take_while(u8::is_ascii_digit).count();
    let Some(after_year) = rest[year..].strip_prefix(['）', ')', '〕', ']', '】']) else {
        return false;
    };
    let Some(body) = after_year.strip_suffix('号') else {
        return false;
    };
    let number = body.trim_end_matches(|c: char| c.is_ascii_digit());
    let letters = number.strip_suffix('第').unwrap_or(number);
    year == 4
        && number.len() < body.len()
        && issuer.chars().count() <= 4
        && issuer.chars().all(is_cjk_letter)
        && letters.chars().count() <= 12
        && letters
            .chars()
            .all(|c| is_cjk_letter(c) || c.is_ascii_digit())
}

/// Two clauses of one length around a comma, and no other punctuation (`深化改革促发展，凝心聚力谋新篇`,
/// `夯实“基本盘”，跑出“新速度”`): the parallel form of Chinese headlines, which running
/// text takes by chance only in a few of its lines.
pub fn is_parallel_headline(text: &str) -> bool {
    two_clauses(text).is_some_and(|(left, right)| left == right)
}

/// Two clauses of four to twelve letters around a comma, of lengths at most three apart, and no
/// other punctuation (`抓实惠民项目，增进群众获得感`): the shape of a Chinese heading that
/// holds a comma. A sentence cut short opens with a short phrase (`昨日，`) or holds other
/// marks. A heading may lead with a short label or exclamation of its own (`第一节：`,
/// `喜讯传来！`). A sentence may open with an adverbial frame of about one length
/// (`在各个街道中，东城街道…`); a heading's clauses start alike if the first is one
/// (`在奋斗中成长，在实干中前行`). Nor does a heading open with a date set off by a comma
/// (`7月5日，…`), the lead of a news paragraph, or with a conjunction that goes on from the
/// sentence before (`而且…`).
pub fn is_two_clause_heading(text: &str) -> bool {
    let two = |text: &str| {
        two_clauses(text).is_some_and(|(left, right)| left.abs_diff(right) <= 3)
            && !opens_with_frame(text)
            && !opens_with_date(text)
            && !starts_with_continuing_word(text)
    };
    let after_lead = text
        .split_once(['：', ':', '！', '!', '？', '?'])
        .filter(|(lead, _)| (2..=8).contains(&lead.chars().count()) && !lead.contains(['，', ',']))
        .is_some_and(|(_, rest)| two(rest));
    two(text) || after_lead
}

/// The first clause of `text` is an adverbial frame and the second does not start as it
/// does: a sentence's lead, not a parallel heading.
pub fn opens_with_frame(text: &str) -> bool {
    text.split_once(['，', ',']).is_some_and(|(left, right)| {
        left.chars().next() != right.chars().next() && is_adverbial_frame(left)
    })
}

/// The lengths of the two clauses around the comma of `text`, if both are letters only (and
/// curly quotes) and four to twelve long.
fn two_clauses(text: &str) -> Option<(usize, usize)> {
    let (left, right) = text.split_once(['，', ','])?;
    let clause = |part: &str| {
        part.chars()
            .all(|c| is_cjk_letter(c) || is_curly_quote(c) || c.is_ascii_alphanumeric() || c == '+')
            .then(|| part.chars().count())
            .filter(|&n| (4..=12).contains(&n))
    };
    Some((clause(left)?, clause(right)?))
}

/// Quote and bracket kinds, as [`bracket_kind`] numbers them: an opener left open at a line's end and closed on the next line
/// spans the break. Half- and full-width parentheses are one kind (punct-width turns one
/// into the other, and a second run must pair them the same way). (Not `‘’`, whose closer is
/// also the English apostrophe.)
const KINDS: usize = 6;

/// The kind [`bracket_kind`] gives parentheses, half- or full-width.
const PARENTHESIS: usize = 1;

/// The kind of a quote or bracket (`“”`, `（）()`, `《》`, `「」`, `『』`, `【】`), and whether it
/// opens. (A match, not a table searched per kind: rejoin reads every character of a block
/// through this.)
fn bracket_kind(c: char) -> Option<(usize, bool)> {
    Some(match c {
        '“' => (0, true),
        '”' => (0, false),
        '（' | '(' => (PARENTHESIS, true),
        '）' | ')' => (PARENTHESIS, false),
        '《' => (2, true),
        '》' => (2, false),
        '「' => (3, true),
        '」' => (3, false),
        '『' => (4, true),
        '』' => (4, false),
        '【' => (5, true),
        '】' => (5, false),
        _ => return None,
    })
}

/// The quotes and brackets of `text`, in order: `text.chars().filter_map(bracket_kind)`,
/// read on the bytes (every one of them is ASCII or has a first byte of 0xE2, 0xE3 or 0xEF).
fn brackets(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter_map(move |i| match bytes[i] {
        b'(' => Some((PARENTHESIS, true)),
        b')' => Some((PARENTHESIS, false)),
        // (A first byte starts a character.)
        0xE2 | 0xE3 | 0xEF => text[i..].chars().next().and_then(bracket_kind),
        _ => None,
    })
}

/// `before` leaves a quote or bracket open that `after` closes before opening another of
/// its kind: the quotation, title or aside goes on across the break.
pub fn closes_what_is_open(before: &str, after: &str) -> bool {
    // The kinds `after` meets a closer of first. Read before `before`: most lines close
    // nothing, and `before` is a whole block that grows as rejoin works.
    let mut first_closes = [None::<bool>; KINDS];
    for (k, opens) in brackets(after) {
        first_closes[k].get_or_insert(!opens);
    }
    if !first_closes.contains(&Some(true)) {
        return false;
    }
    let mut depth = [0u32; KINDS];
    for (k, opens) in brackets(before) {
        depth[k] = if opens {
            depth[k] + 1
        } else {
            depth[k].saturating_sub(1)
        };
    }
    (0..KINDS).any(|k| depth[k] > 0 && first_closes[k] == Some(true))
}

/// Opens a paragraph of a list of points (`一是`, `第二，`, `下一步，`), a news dateline
/// (`本报讯`, `新华社北京5月8日电`), a point numbered in brackets (`（二）`), a page's metadata
/// or a bracketed credit (`【责任编辑：…`).
pub fn opens_paragraph(text: &str) -> bool {
    // (The tables hold simplified letters: traditional text is read in them.)
    let opening = simplified(head(text, 8));
    OPENERS.iter().any(|o| opening.starts_with(o))
        || opens_with_bracketed_number(text)
        || text
            .strip_prefix(['【', '[', '（', '('])
            .is_some_and(opens_credit)
        || opens_with_numeric_date(text)
        || COMMA_OPENERS.iter().any(|o| {
            opening
                .strip_prefix(o)
                .is_some_and(|rest| rest.starts_with(['，', ',']))
        })
        || opens_with_point_number(text)
        || is_dateline(text)
        || text.starts_with(SECTION_MARKS)
        || opens_with_bracketed_label(text)
        || FRONT_MATTER_LABELS.iter().any(|label| {
            opening
                .strip_prefix(label)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
        })
}

/// The labelled fields of a paper's front matter (`关键词：…`, `摘要：…`): each opens a block.
const FRONT_MATTER_LABELS: &[&str] = &[
    "关键词",
    "关键字",
    "摘要",
    "中图分类号",
    "文献标识码",
    "文章编号",
    "基金项目",
    "作者简介",
    "摘 要",
    "关 键 词",
];

/// Marks a web page sets before a section's heading (`▍导言`, `■ 现场`): no sentence goes on
/// into one. (Not `●` or `▲`, which also open list items and captions that wrap.)
const SECTION_MARKS: &[char] = &['▍', '▌', '■', '◆', '▶', '★'];

/// A lead's label in black lenticular brackets (`【导读】`, `【编者按】`) opens what it
/// labels.
fn opens_with_bracketed_label(text: &str) -> bool {
    text.strip_prefix('【')
        .and_then(|rest| rest.split_once('】'))
        .is_some_and(|(label, _)| is_cjk_word(label, 2..=4))
}

/// A Chinese numeral that numbers a point or a section (`一`, `十`), or a section's stem
/// (`甲`, `乙`).
pub fn is_cjk_numeral(c: char) -> bool {
    CJK_NUMERALS.contains(c) || "甲乙丙丁".contains(c)
}

/// Opens with the number of a point or a section: `一、`, or one or two digits and `.`, `．`
/// or `、` before Chinese text, perhaps after a space (`2.课程背景`, `3、加强监管`,
/// `4. 审查`; a decimal has digits after its point).
pub fn opens_with_point_number(text: &str) -> bool {
    let chinese =
        text.chars().next().is_some_and(is_cjk_numeral) && text.chars().nth(1) == Some('、');
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits)
        && text[digits..]
            .strip_prefix(['.', '．', '、'])
            .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
            .is_some_and(|rest| rest.starts_with(is_cjk_letter));
    chinese || numbered
}

/// `b` opens as `a` does, with the same words set off by a comma (`2023年，…；` then
/// `2023年，…；`): paragraphs set in parallel, one a point.
pub fn opens_in_parallel(a: &str, b: &str) -> bool {
    let Some(comma) = a.find(['，', ',']) else {
        return false;
    };
    let opening = &a[..comma];
    (2..=8).contains(&opening.chars().count())
        && b.strip_prefix(opening)
            .is_some_and(|rest| rest.starts_with(['，', ',']))
}

/// Opens with a date set off by a comma, or its time of day and a comma (`3月5日，`,
/// `2024年3月5日上午,`): the lead of a news paragraph. (Mid-sentence a date goes on with
/// what happened then: `3月5日在…`.)
pub fn opens_with_date(text: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = text;
    let year = digits(rest);
    if year == 4 && rest[year..].starts_with('年') {
        rest = &rest[year + '年'.len_utf8()..];
    }
    let Some(after_day) = after_month_day(rest) else {
        return false;
    };
    let after_time = ["上午", "下午", "晚上", "晚", "早上", "中午", "凌晨"]
        .iter()
        .find_map(|t| after_day.strip_prefix(t))
        .unwrap_or(after_day);
    after_time.starts_with(['，', ','])
}

/// A news agency's or a paper's dateline: `本报讯`, or the agency or the paper and `电`
/// (`新华社北京5月8日电`, `本报上海3月2日电`) within the first characters, or a date and
/// `讯` or `电` set off from what follows (`综合消息5月3日讯 …`, `中新网5月8日电(…`); in
/// simplified or traditional script (`中新社廣州5月3日電`).
pub fn is_dateline(text: &str) -> bool {
    let opening = simplified(head(text, 20));
    opening.starts_with("本报讯")
        || ["新华社", "中新社", "本报"]
            .iter()
            .any(|a| opening.starts_with(a))
            && opening.chars().take(16).any(|c| c == '电')
        || opens_with_dated_dateline(text, &opening)
}

/// The label of a wire story's title, after its dateline (`…电 题：…`).
const TITLE_LABELS: &[&str] = &["题：", "题:"];

/// The break falls right after a title's label or right before it (`…电 题：` + `…`, `…电` +
/// `题：…`).
pub fn labels_a_title(before: &str, after: &str) -> bool {
    let (before, after) = (simplified(tail(before, 2)), simplified(head(after, 2)));
    TITLE_LABELS
        .iter()
        .any(|label| before.ends_with(label) || after.starts_with(label))
}

/// Ends on a newspaper's dateline (`…晚报讯`, `本報訊`): its byline or its story follows,
/// though a scraper may have run a caption into the line before it.
pub fn ends_on_dateline(text: &str) -> bool {
    simplified(tail(text, 2)) == "报讯"
}

/// Opens (within its first 20 characters) with a date and `讯`, `电` or `宣` (a sports
/// desk's `8月2日宣`), then the end, a space, a bracket or a colon: not `5月3日电话`.
/// `opening` is the first 20 characters in simplified letters.
fn opens_with_dated_dateline(text: &str, opening: &str) -> bool {
    ["日讯", "日电", "日宣"].iter().any(|mark| {
        opening.match_indices(mark).any(|(at, _)| {
            let set_off = text[at + mark.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || "(（【:：".contains(c));
            set_off && cjk_date_start(&text[..at + '日'.len_utf8()]).is_some()
        })
    })
}

/// Opens with the second half of a range of numbers: one dash or tilde, then a digit
/// (`—10℃`, `~5级`).
pub fn opens_range_end(text: &str) -> bool {
    text.strip_prefix(['—', '–', '-', '~', '～', '〜'])
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Opens with a year: four digits and `年`.
pub fn opens_with_year(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && text[digits..].starts_with('年')
}

/// Ends on a number set off by a colon or a space (`阅读次数:35`, `阅读 35`): a field's
/// value, complete.
pub fn ends_on_field_value(text: &str) -> bool {
    let number = text.trim_end_matches(|c: char| c.is_ascii_digit());
    number.len() < text.len() && number.ends_with([':', '：', ' ', '\u{3000}'])
}

/// The separators of a page's trail of sections (`首页 > 新闻 > 社会`).
const TRAIL_SEPARATORS: [char; 4] = ['>', '＞', '›', '»'];

/// A trail of sections (`首页 > 新闻` + `> 社会`) cut before a separator, or after one into
/// more sections (`首页 >` + `新闻 > 社会`). Each section is short and without a sentence's
/// punctuation. (A trail that ends on its separator before the title, `首页 > 新闻 >` +
/// `…`, has no separator on the title's line.)
pub fn cuts_breadcrumb(before: &str, after: &str) -> bool {
    let short_sections = |text: &str| {
        text.chars().nth(60).is_none()
            && text.split(TRAIL_SEPARATORS).all(|section| {
                section.chars().nth(12).is_none()
                    && !section.contains(|c| TERMINAL.contains(c) || is_pause(c))
            })
    };
    let cut_after = before.ends_with(TRAIL_SEPARATORS) && after.contains(TRAIL_SEPARATORS);
    (after.starts_with(TRAIL_SEPARATORS) || cut_after)
        && before.contains(TRAIL_SEPARATORS)
        && short_sections(before)
        && short_sections(after)
}

/// Two items of a list set one to a line, the first ended (`；`, `。`), each opening with a
/// numbered label of one shape before its colon (`14日：…；` + `15日：…`, `第3条：` +
/// `第4条：`): the digits of the labels aside, they are the same.
pub fn opens_parallel_item(before: &str, after: &str) -> bool {
    let label = |line: &str| {
        let (label, rest) = line.split_once([':', '：'])?;
        let numbered = label.contains(|c: char| c.is_ascii_digit());
        let short = label.chars().count() <= 8 && !rest.trim().is_empty();
        (numbered && short).then(|| {
            let mut shape = String::with_capacity(label.len());
            for c in label.chars().filter(|c| !c.is_whitespace()) {
                let c = if c.is_ascii_digit() { '0' } else { c };
                if !(c == '0' && shape.ends_with('0')) {
                    shape.push(c);
                }
            }
            shape
        })
    };
    before.ends_with([';', '；', '。']) && label(before).is_some_and(|a| label(after) == Some(a))
}

/// A page's title under its trail of sections, which ends on the same title (`首页 > 数码 >
/// 新品评测：…` + `新品评测：…`): the start of the trail's last section, six letters or more,
/// opens the next line, or all of it does.
pub fn repeats_last_section(before: &str, after: &str) -> bool {
    // (The next line's first six letters stand in the trail: a substring search, so a
    // paragraph is not read backwards a letter at a time for a separator it has not.)
    let after = after.trim();
    let six = after
        .char_indices()
        .nth(6)
        .map_or(after, |(at, _)| &after[..at]);
    if six.chars().count() < 6 || !before.contains(six) {
        return false;
    }
    let Some((trail, last)) = before.rsplit_once(TRAIL_SEPARATORS) else {
        return false;
    };
    if trail.trim().is_empty() {
        return false;
    }
    let last = last.trim();
    let shared = last
        .chars()
        .zip(after.chars())
        .take_while(|(x, y)| x == y)
        .count();
    shared >= 6 && (shared == last.chars().count() || shared == after.chars().count())
}

/// A page's metadata line that ends on a field's label and its colon, the value cut off
/// (`作者：李明 来源：`, `2024-05-18 浏览量：`, `来源：本报 责任编辑：`): a label of two to
/// six letters after a space, a digit or another field. (Not running text that leads in
/// with a colon, `…具体如下：`.)
pub fn ends_on_field_label(text: &str) -> bool {
    let Some(head) = text.strip_suffix([':', '：']) else {
        return false;
    };
    let before = head.trim_end_matches(is_cjk_letter);
    let label = head[before.len()..].chars().count();
    (2..=6).contains(&label)
        && !text.contains('。')
        && text.chars().nth(48).is_none()
        && (before.ends_with(|c: char| c.is_whitespace() || c.is_ascii_digit())
            || before.contains([':', '：']))
}

/// A field's value, what a line cut after the label goes on with: digits (`3358`,
/// `2024年5月18日`), or a name of two to eight letters alone or before the next field
/// (`李明`, `城市晚报 责任编辑：王明`). A story's first line is longer, or holds a pause.
pub fn opens_field_value(text: &str) -> bool {
    let (first, rest) = text.split_once([' ', '\u{3000}']).unwrap_or((text, ""));
    let name = (2..=8).contains(&first.chars().count()) && first.chars().all(is_cjk_letter);
    let number = text.starts_with(|c: char| c.is_ascii_digit())
        && !text.contains(is_pause)
        && text.chars().nth(20).is_none();
    number || name && (rest.is_empty() || rest.contains([':', '：']))
}

/// Ends on digits and a date's or a range's separator (`2023-09-`, `2023/09/`, `12-`): a
/// number goes on after it.
pub fn ends_on_number_separator(text: &str) -> bool {
    text.strip_suffix(['-', '/'])
        .is_some_and(|number| number.ends_with(|c: char| c.is_ascii_digit()))
}

/// A Chinese date cut after its year or its month (`2023年` + `6月`, `2023年6月` + `12日`):
/// the next line opens with the month or the day in digits. (Not a month set off by a comma,
/// `1月，…`: a chronicle's paragraph after a year standing as its heading.)
pub fn cuts_cjk_date(before: &str, after: &str) -> bool {
    let ends_on = |unit: char| {
        before
            .strip_suffix(unit)
            .is_some_and(|number| number.ends_with(|c: char| c.is_ascii_digit()))
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after[digits..];
    let month = rest
        .strip_prefix('月')
        .is_some_and(|rest| !rest.starts_with(is_pause));
    (1..=2).contains(&digits)
        && (ends_on('年') && month || ends_on('月') && rest.starts_with(['日', '号']))
}

/// Ends on digits and one full stop (`增长12.`): a number's decimal point when digits follow.
pub fn ends_on_decimal_point(text: &str) -> bool {
    text.strip_suffix('.')
        .is_some_and(|number| number.ends_with(|c: char| c.is_ascii_digit()))
}

/// A name cut at its dot, and the extension or domain after it alone on the next line
/// (`…会议纪要.` + `docx`, `www.example.` + `com/news`): two to five lower-case letters, then
/// nothing or a separator, not a word of text.
pub fn cuts_dotted_name(a: &str, b: &str) -> bool {
    let extension = b
        .split(|c: char| !c.is_ascii_lowercase())
        .next()
        .unwrap_or("");
    a.strip_suffix('.')
        .is_some_and(|name| name.ends_with(char::is_alphanumeric))
        && (2..=5).contains(&extension.len())
        && b[extension.len()..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '/' | '.' | ' ' | ')' | '）' | '?' | '#'))
}

/// Two to five Chinese letters and the mark that ends a sentence (`开庭。`, `两百人。`):
/// too short to be a paragraph, so the end of one cut short.
pub fn is_sentence_tail(text: &str) -> bool {
    text.strip_suffix(FULL_STOPS)
        .is_some_and(|words| is_cjk_word(words, 2..=5))
}

/// Ends on a Chinese file name and its extension (`…会议纪要.docx`): the title a document
/// sharing page sets above the document.
pub fn ends_on_file_name(text: &str) -> bool {
    text.rsplit_once('.').is_some_and(|(name, extension)| {
        name.ends_with(is_cjk_letter)
            && (2..=5).contains(&extension.len())
            && extension.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// Units and counters a Chinese number is written before (`12` + `月5日`, `120` + `万元`).
const CJK_UNITS: &str =
    "年月日时分秒号万亿千百元角个名位人次件项家所岁天周倍条辆台套座户米克吨斤度%％";

/// `after` starts with a unit or counter, so a number at the end of the line before runs
/// on into it.
pub fn starts_with_unit(after: &str) -> bool {
    after.starts_with(|c| CJK_UNITS.contains(c))
}

/// A parenthesis opened in the last few characters of `text` is left open: an aside
/// (`（记者 李明`) goes on past the line. (One opened long before and never closed is more
/// likely a stray.) Only the end of `text` is read: blocks grow as rejoin works.
pub fn leaves_parenthesis_open(text: &str) -> bool {
    const NEAR_END: usize = 20;
    let is_parenthesis = |c: char| bracket_kind(c).is_some_and(|(kind, _)| kind == PARENTHESIS);
    let end = tail(text, NEAR_END + 1);
    end.rfind(is_parenthesis)
        .is_some_and(|at| end[at..].starts_with(|c| bracket_kind(c) == Some((PARENTHESIS, true))))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_document_number_stands_alone() {
        assert!(
            is_document_number("国办发〔2023〕12号")
                && is_document_number("(2015)惠中法刑二终字第294号")
        );
        assert!(is_document_number("（2024）京0105民初1234号"));
        assert!(
            !is_document_number("根据国办发〔2023〕12号")
                && !is_document_number("（2015）年第3号文件")
        );
        assert!(
            !is_document_number("〔2023〕号") && !is_document_number("市政府（2023）年度第一号")
        );
    }

    #[test]
    fn a_bracketed_credit_is_cut_at_a_space_between_names() {
        let cut = cuts_bracketed_credit_at_space;
        assert!(cut("新华社上海电（记者王鹏 刘一鸣", "陈晨）日前，"));
        assert!(cut("本报讯（记者 王鹏", "刘一鸣）日前，") && cut("（記者王鵬", "劉一鳴 陳晨）"));
        // Inside a name, or after the title alone: no space to give back.
        assert!(!cut("（记者 王鹏 刘", "一鸣）") && !cut("（记者 王鹏", "刘 陈晨）"));
        assert!(!cut("本报讯（记者", "王鹏）日前，") && !cut("（记者王", "鹏）"));
        // Not a credit, or one that does not close on the next line.
        assert!(!cut("（图为 城市公园", "一角）") && !cut("（记者 王鹏", "日前在城东采访时说"));
    }

    #[test]
    fn parallel_items_open_with_labels_of_one_shape() {
        assert!(super::opens_parallel_item("9日：晴；", "10日：阴"));
        assert!(super::opens_parallel_item("第3条：总则。", "第12条: 附则"));
        assert!(!super::opens_parallel_item("9日：晴，", "10日：阴"));
        assert!(!super::opens_parallel_item("上午：开会；", "下午：参观"));
        assert!(!super::opens_parallel_item("第3条：总则。", "第4款：附则"));
        assert!(!super::opens_parallel_item("9日：晴；", "10日："));
    }

    use super::*;

    #[test]
    fn tables() {
        assert!(opens_with_label("处理办法：先问清楚") && opens_with_label("评估:"));
        assert!(
            !opens_with_label("我：")
                && !opens_with_label("2024年：")
                && !opens_with_label("十分重要的一项工作：")
        );
        assert!(
            opens_paragraph("（二）依法认定")
                && opens_paragraph("(3)开庭")
                && !opens_paragraph("(2023)")
        );
        assert!(!opens_paragraph("(1)：人从哪里来？"));
        assert!(is_bracketed_credit("（李明）") && is_bracketed_credit("(记者 李明 通讯员 王强)"));
        assert!(!is_bracketed_credit("（上）") && !is_bracketed_credit("（见图1）"));
        assert!(ends_on_photo_credit("学生们领取新课本。城市晚报图"));
        assert!(
            !ends_on_photo_credit("步骤如下。详见下图") && !ends_on_photo_credit("。交通路线图")
        );
        assert!(opens_paragraph("【责任编辑：王明】") && !opens_paragraph("（王明）"));
        assert!(
            opens_paragraph("（二）依法认定")
                && opens_paragraph("(3)开庭")
                && !opens_paragraph("(2023)")
        );
        assert!(cannot_start_line('，') && cannot_start_line(',') && !cannot_start_line('中'));
        assert!(cannot_end_paragraph('、') && cannot_end_paragraph('“'));
        assert!(
            ends_sentence("好。”")
                && ends_sentence("done.)")
                && ends_sentence("it.''")
                && !ends_sentence("组委")
        );
        assert!(
            is_bare_latin_date("June 3, 2021")
                && is_bare_latin_date("3 June 2021")
                && is_bare_latin_date("Friday, June 3, 2021")
        );
        assert!(
            !is_bare_latin_date("June 3, 2021, the board met")
                && !is_bare_latin_date("June 2021")
                && !is_bare_latin_date("Chapter 3, 2021")
        );
        assert!(
            ends_on_possessive("approved by the county’s") && ends_on_possessive("the mayor's")
        );
        assert!(
            !ends_on_possessive("and then it's")
                && !ends_on_possessive("in the 1990s")
                && !ends_on_possessive("and There’s")
        );
        assert!(
            cuts_numeric_date("posted 2024-05-1", "8 by the desk")
                && cuts_numeric_date("posted 2024-05", "-18 by the desk")
                && cuts_numeric_date("发布时间 2024/0", "5/18")
        );
        assert!(
            !cuts_numeric_date("posted 2024-05-18", "9 readers")
                && !cuts_numeric_date("rose by 12", "5 percent")
        );
        assert!(
            repeats_last_section(
                "首页 > 科技 > 新款手表实测：续航两周",
                "新款手表实测：续航两周"
            ) && repeats_last_section("首页 > 科技 > 新款手表实测：续航两周", "新款手表实测")
                && !repeats_last_section("首页 > 科技", "新款手表实测：续航两周")
                && !repeats_last_section("新款手表实测：续航两周", "新款手表实测")
        );
        assert!(
            opens_with_bracketed_source("（图源：某某社） 某某社北京5月1日电")
                && opens_with_bracketed_source("(来源:城市晚报)")
                && !opens_with_bracketed_source("（记者 李明）")
                && !opens_with_bracketed_source("（下图）来源：本报")
        );
        // A footnote's mark after the sentence's stop.
        assert!(
            ends_sentence("产量比上年增长两成。[3]")
                && ends_sentence("产量比上年增长两成。註2")
                && ends_sentence("It grew by a fifth.²")
                && ends_sentence("增长两成。①")
                && ends_sentence("增长两成。［注1］")
        );
        // A short aside in brackets after the stop: a credit, `完`.
        assert!(
            ends_sentence("新馆昨日开放。(某某文化提供)") && ends_sentence("新馆昨日开放。（完）")
        );
        assert!(
            !ends_sentence("产量增长（见下图）")
                && !ends_sentence("新馆开放。（馆方说，今后每周还会增加两个晚上的开放时段）")
        );
        assert!(
            !ends_sentence("见第3条[2]")
                && !ends_sentence("参见注1")
                && !ends_sentence("人数达到1200")
                && !ends_sentence("[1]")
        );
        assert!(is_headline_shaped("做强品牌 打造堡垒") && is_headline_shaped("聚焦 | 办好"));
        assert!(!is_headline_shaped("平时，大家 ok"));
        assert!(!is_headline_shaped("荣获《以“学”促干 青春建功》称号"));
        assert!(
            opens_paragraph("二是加强") && opens_paragraph("三、完善") && !opens_paragraph("是")
        );
        assert!(opens_paragraph("日前，街道召开") && opens_paragraph("此外,还有"));
        assert!(!opens_paragraph("日前召开的会议") && !opens_paragraph("第二十次会议"));
        assert!(opens_with_date("6月3日，市里召开") && opens_with_date("2021年11月20日上午,会议"));
        assert!(opens_in_parallel("这一年，集市开张；", "这一年,书店重开；"));
        assert!(opens_paragraph("2.课程背景") && opens_paragraph("3、加强监管"));
        assert!(
            cuts_a_name_in_a_list("周明 李华 王", "强 赵敏")
                && cuts_a_name_in_a_list("周明 李", "华")
        );
        assert!(
            !cuts_a_name_in_a_list("周明 李华", "王强 赵敏")
                && !cuts_a_name_in_a_list("周明", "强")
        );
        assert_eq!(
            credits_cut("来源：城南社区 通讯员", "王强 编辑 李华"),
            Some(CreditsCut::AtSpace)
        );
        assert_eq!(
            credits_cut("来源：城南社区 通讯员 王", "强 编辑 李华"),
            Some(CreditsCut::InsideName)
        );
        assert_eq!(credits_cut("来源：城南社区 王强", "李华"), None);
        assert_eq!(credits_cut("来源：通讯员 周明", "编辑 李华"), None);
        assert_eq!(credits_cut("城南社区 通讯员", "王强 编辑 李华"), None);
        // A reporters' line goes on in more names, not in a word of the dictionary.
        assert_eq!(
            credits_cut("记者 郑明 刘烨", "奚婉婷"),
            Some(CreditsCut::AtSpace)
        );
        assert_eq!(
            credits_cut("記者 鄭明 劉燁", "奚婉婷"),
            Some(CreditsCut::AtSpace)
        );
        assert_eq!(credits_cut("记者 郑明 刘烨", "综述"), None);
        assert!(
            cuts_a_name_in_a_list("来源：城南社区 通讯员 王", "强 编辑 李华")
                && !cuts_a_name_in_a_list("来源：城南社区", "强 编辑 李华")
        );
        assert!(
            !is_headline_shaped("摘 要：本文讨论社区治理的方法")
                && is_headline_shaped("社区治理 新方法")
        );
        assert!(!opens_paragraph("2.5倍") && !opens_paragraph("2024.课程"));
        assert!(!opens_in_parallel(
            "这一年，集市开张；",
            "这一年里书店重开；"
        ));
        assert!(!opens_with_date("6月3日在市里召开") && !opens_with_date("6月，市里"));
        assert!(is_markup("### A") && is_markup("1. item") && !is_markup("1.5亿"));
        assert!(!is_markup("2031. Tickets"));
        assert!(is_markup("| 城市 | 人口 |") && !is_markup("| “明年再出发”"));
        assert!(closes_what_is_open("举办“迎春", "联欢”文艺晚会。"));
        assert!(closes_what_is_open(
            "the records (of several",
            "leaders) show"
        ));
        assert!(!closes_what_is_open("“一”和“二”", "“三”"));
        assert!(!closes_what_is_open("举办“迎春", "“新的”引语”"));
        assert!(closes_what_is_open("（第二届", "省直)机关"));
        assert!(is_parallel_headline("深化改革促发展，凝心聚力谋新篇"));
        assert!(is_parallel_headline("夯实“基本盘”，跑出“新速度”"));
        assert!(!is_parallel_headline("今年以来，全市多家企业"));
        assert!(!is_parallel_headline("会议强调，要、抓好落实"));
        assert_eq!(
            clock_cut("2023-06-18", "09:41:07 来源"),
            Some(ClockCut::DateFromTime)
        );
        assert_eq!(
            clock_cut("更新时间：2023-06-18 09:", "41"),
            Some(ClockCut::InsideTime)
        );
        assert_eq!(
            clock_cut("2023-06-18 09:4", "1:07 来源"),
            Some(ClockCut::InsideTime)
        );
        // Two times, a number before a time, a date that ends a sentence: not one clock.
        assert_eq!(clock_cut("上午 9:30", "10:00 开幕"), None);
        assert_eq!(clock_cut("共有120", "15:00"), None);
        assert_eq!(clock_cut("2023-06-18", "12月30日"), None);
        assert!(is_timestamp("2023-06-18 09:41") && is_timestamp("2021年07月03日 18:05"));
        assert!(!is_timestamp("2021年07月03日") && !is_timestamp("12:30开幕"));
        assert!(is_two_clause_heading("抓实惠民项目，增进群众获得感"));
        assert!(!is_parallel_headline("抓实惠民项目，增进群众获得感"));
        assert!(!is_two_clause_heading("昨日，市里召开了全市会议"));
        assert!(is_two_clause_heading("第二章：改革攻坚，砥砺前行"));
        assert!(is_two_clause_heading(
            "喜讯传来！新区项目全面开工，再添发展动能"
        ));
        // A sentence after a speaker's colon opens with a short phrase.
        assert!(!is_two_clause_heading("他说：昨天，我们召开了全市会议"));
        assert!(!is_two_clause_heading("全年增长12.5%，高出去年水平"));
        // A news paragraph's lead, and a sentence going on from the one before.
        assert!(!is_two_clause_heading("3月8日，在城南街道会场"));
        assert!(!is_two_clause_heading("而且欢迎参观，展厅里挤满了"));
        assert!(!is_two_clause_heading("在各个街道中，东城街道的"));
        assert!(!is_two_clause_heading("随着天气的转暖，市区各大公园"));
        assert!(!is_two_clause_heading("了解情况后，工作人员立即"));
        // A purpose, `为…，`, is a frame too; in parallel clauses it is a heading's.
        assert!(!is_two_clause_heading("为保障游客安全，景区将在午后"));
        assert!(is_two_clause_heading("为发展聚合力，为民生添光彩"));
        assert!(is_two_clause_heading("在奋斗中成长，在实干中前行"));
        assert!(ends_on_function_word("talks with the") && ends_on_function_word("and"));
        assert!(!ends_on_function_word("the talks") && !ends_on_function_word("The"));
        assert!(ends_on_function_word("THE BOARD OF") && ends_on_function_word("she said"));
        assert!(ends_on_function_word("spread across") && ends_on_function_word("sent via"));
        assert!(ends_on_function_word("call us when"));
        assert!(ends_on_title_and_first_name("said President Ellen"));
        assert!(
            !ends_on_title_and_first_name("the President")
                && !ends_on_title_and_first_name("Mr. X1")
        );
        assert!(date_goes_on("on March", "3, 2030") && !date_goes_on("in March", "2030 saw"));
        assert!(date_goes_on("began at 5:30 p.m.", "Tuesday, in room 2"));
        assert!(!date_goes_on("began at 5:30 p.m.", "Tuesdays are quiet"));
        assert!(
            date_goes_on("— Bo (@bo)", "June 1, 2030") && !date_goes_on("— Bo (@bo)", "Junebug")
        );
        assert!(is_wire_dateline("NEW DELHI (Wire Service)") && !is_wire_dateline("Paris (AFP)"));
        assert!(!is_wire_dateline("MENU") && !is_wire_dateline("(AFP)"));
        assert!(!ends_on_function_word("the Said") && !ends_on_function_word("OFFICE"));
        assert!(is_name_word("Okafor") && is_name_word("McLean"));
        assert!(!is_name_word("The") && !is_name_word("However"));
        assert!(!is_name_word("NATO") && !is_name_word("chair"));
        assert!(ends_on_name_title("opposed by Sen.") && !ends_on_name_title("in the Senate."));
    }

    #[test]
    fn bylines_captions_and_datelines() {
        assert!(opens_byline("作者: 陈思远") && opens_byline("来源：城市晚报"));
        assert!(is_dateline("综合消息5月3日讯 全市") && is_dateline("城市网5月3日电（记者"));
        assert!(!is_dateline("他在5月3日电话会议上") && !is_dateline("5月3日，全市"));
        assert!(is_dateline("体育频道5月9日宣 在联赛第7轮中") && !is_dateline("8月2日宣布"));
        assert!(is_dateline("中新社廣州5月3日電 題：") && is_dateline("本報訊（記者 李明）"));
        assert!(opens_range_end("—8℃") && opens_range_end("~5级") && !opens_range_end("——记"));
        assert!(
            ends_on_photo_credit("学生们领取新课本。城市晚报 图") && !ends_on_photo_credit("如图")
        );
        assert!(
            ends_on_photo_credit("2024/02/18来源:城市晚报") && !ends_on_photo_credit("本报来源:")
        );
        assert!(opens_paragraph("2022-06-28 11:08:58 作者：李明") && !opens_paragraph("2022年起"));
        assert!(
            opens_paragraph("时间：2022-04-02 来源：城市晚报") && !opens_paragraph("时间：上午")
        );
        assert!(
            opens_with_month_day("6月27日17时")
                && !opens_with_month_day("16月")
                && !opens_with_month_day("6月份")
        );
        assert!(!opens_byline("作者陈思远说") && !opens_byline("文章：城市"));
        // Names in a bracketed byline are not phrases; a caption ends on its photo credit.
        assert!(!is_headline_shaped("本报讯（记者 李明） 全市开展活动"));
        assert!(!is_headline_shaped("图为活动现场。 新华社记者 王鹏 摄"));
        assert!(!is_headline_shaped("新华社记者 王鹏 摄"));
        assert!(!is_headline_shaped("活动结束。 记者 王鹏 李明"));
        assert!(is_headline_shaped("凝聚合力 打造堡垒"));
        // Nor is a book's credit after its author's name in a citation.
        assert!(!is_headline_shaped("《城市的记忆》，陈明 著，江河出版社"));
        assert!(!is_headline_shaped("《城市的记忆》，陈明 主编"));
        assert!(is_headline_shaped("陈明 著书立说"));
        assert!(ends_on_photo_credit("活动现场。 王鹏 摄") && ends_on_photo_credit("（王鹏/摄）"));
        assert!(!ends_on_photo_credit("进行拍摄") && !ends_on_photo_credit(" 摄"));
        assert!(
            ends_on_photo_credit("游客在湖边合影。王鹏摄") && ends_on_photo_credit("（赵一鸣摄）")
        );
        assert!(ends_on_photo_credit("发布：城市网|责任编辑：王明"));
        assert!(!ends_on_photo_credit("记者：你觉得今年的比赛怎么"));
        assert!(
            !ends_on_photo_credit("大家合影。随后拍摄") && !ends_on_photo_credit("。由他们来拍摄")
        );
        assert!(ends_on_photo_credit("市民在公园赏花。李华摄/晚报图片"));
        assert!(ends_on_photo_credit("队员合影。中新社发") && ends_on_photo_credit("受访者供图"));
        assert!(
            ends_on_photo_credit("本报记者王鹏摄") && ends_on_photo_credit("中新社记者 刘一鸣摄")
        );
        assert!(!ends_on_photo_credit("记者在现场拍摄") && !ends_on_photo_credit("记者进行拍摄"));
        assert!(
            ends_on_photo_credit("陳大文。來源：Wiki") && ends_on_photo_credit("插图：Anna Berg")
        );
        assert!(!ends_on_photo_credit("来源：") && !ends_on_photo_credit("来源地区，包括"));
        assert!(
            !ends_on_photo_credit("摄/图片") && !ends_on_photo_credit("会议开始后各部门陆续出发")
        );
        assert!(
            opens_paragraph("本报讯（记者 李明）") && opens_paragraph("新华社北京5月8日电 记者")
        );
        assert!(!opens_paragraph("新华社记者在现场看到，"));
        // A section's mark and a lead's label open a block; a bracket that is a title's does
        // not, nor does a caption's mark.
        assert!(opens_paragraph("▍背景") && opens_paragraph("【编者按】三年来，"));
        assert!(!opens_paragraph("【城市观察：社区更新】") && !opens_paragraph("▲图为新建的公园"));
        assert!(opens_paragraph("关键词：城市更新；社区治理") && opens_paragraph("摘要: 本文"));
        assert!(!opens_paragraph("关键词语的使用") && !opens_paragraph("摘要求"));
        // Traditional text is read in the tables' simplified letters.
        assert!(
            opens_paragraph("據了解，") && opens_paragraph("近年來，") && opens_paragraph("最後，")
        );
        assert!(says_into_quotation("一位讀者說：", "「這裡很安靜。」"));
        assert!(!says_into_quotation("一位讀者：", "「這裡很安靜。」"));
        assert!(leaves_parenthesis_open("中新社北京5月8日电 （记者 王鹏"));
        assert!(starts_with_unit("月5日上午") && !starts_with_unit("期间"));
        assert!(
            !leaves_parenthesis_open("（记者 王鹏）报道") && !leaves_parenthesis_open("无括号")
        );
        assert!(!leaves_parenthesis_open(
            "（一个很早打开却一直没有关上的括号后面还有很多很多的文字"
        ));
    }
}
