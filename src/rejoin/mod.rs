//! Rejoin: decides, for every boundary between two text lines, whether the scraper broke one
//! paragraph (join) or the lines are separate blocks (keep).
//!
//! Evidence is combined in two layers. Content rules look only at the two lines (punctuation
//! that cannot end or start a line, terminal punctuation, heading shape, Latin lowercase
//! continuation). Document rules read the shape of the whole input (a hard-wrapped column,
//! paragraphs marked by indentation) and may only turn a keep into a join. A clean file has no
//! wrapped column and no indentation left, so cleaning it again decides every boundary the
//! same way: rejoin is idempotent by construction.

mod dictionary;
pub(crate) mod evidence;
mod lines;
mod names;
mod shape;
mod simplified;
pub(crate) mod words;

use std::collections::HashSet;

use crate::config::{Config, Severity};
use crate::edit::Edit;
use crate::finding::Finding;
use crate::rules::{Context, Pass, Rule};
use crate::script::{is_cjk_letter, is_closing, is_opening};
use evidence::{
    ClockCut, CreditsCut, FULL_STOPS, PhrasesGoOn, cannot_start_line, clock_cut,
    closes_what_is_open, credits_cut, cuts_a_name_in_a_comma_list, cuts_a_name_in_a_list,
    cuts_before_the_figure_reached, cuts_bracketed_credit_at_space, cuts_breadcrumb, cuts_cjk_date,
    cuts_dotted_name, cuts_numeric_date, cuts_role_from_name, date_goes_on, ends_on_dateline,
    ends_on_decimal_point, ends_on_field_label, ends_on_field_value, ends_on_file_name,
    ends_on_function_word, ends_on_lone_letter, ends_on_name_title, ends_on_number_separator,
    ends_on_possessive, ends_on_title_and_first_name, ends_sentence, is_bare_latin_date,
    is_bracketed_credit, is_capitalized_word, is_cjk_numeral, is_dateline, is_document_number,
    is_list_item, is_name_word, is_parallel_headline, is_pause, is_semicolon_item,
    is_sentence_tail, is_timestamp, is_two_clause_heading, is_wire_dateline, joins_tight,
    labels_a_title, leads_in_to_next, leaves_parenthesis_open, opens_byline, opens_credit,
    opens_field_value, opens_in_parallel, opens_on_postposition, opens_paragraph,
    opens_parallel_item, opens_range_end, opens_with_bracketed_source, opens_with_date,
    opens_with_frame, opens_with_label, opens_with_month_day, opens_with_point_number,
    opens_with_year, phrases_go_on, repeats_last_section, says_into_quotation, starts_with_unit,
    stops_short_of_a_heading,
};
use lines::{TextLine, text_lines};
use shape::{
    Column, DocumentShape, WRAP_SLACK, may_wrap_into, opens_with_dash, scripts_meet, split_name,
};
use words::{
    ends_on_cjk_function_word, is_dictionary_word, starts_with_continuing_word, word_straddles,
};

pub const REJOIN_CJK: Rule = Rule {
    id: "rejoin/cjk",
    summary: "rejoin a paragraph broken mid-sentence (no space between CJK)",
    explanation: "Two lines are one paragraph when the first cannot end there and the second \
                  is not a heading: the first ends with a comma, `、` or an opening bracket, or \
                  on a preposition or conjunction (`和`, `以`); it is a long paragraph without \
                  terminal punctuation; or it has 10 or more characters and a comma inside and \
                  is not a parallel headline (a first clause that is an adverbial frame, \
                  `在…中，` or `随着…，`, makes a sentence, unless the second starts alike). \
                  They are one also when the second starts with \
                  punctuation that cannot start a line or with a conjunction or particle (`和`, \
                  `等`, `了`, `们`), or closes a quotation or bracket the first left open, or \
                  the first ends on a title's dash (`…报告——`). \
                  Hard-wrapped columns are \
                  detected from the distribution of line lengths; in them a parallel headline \
                  (`深化改革，凝聚力量`) as wide as the column stays a headline. An aside whose \
                  parenthesis opens near the line's end goes on (`（记者 李明`); a caption ends on \
                  its photo credit (`新华社记者 王鹏 摄`, `…合影。王鹏摄`, `城市晚报 图`) and a line \
                  on a source's or an editor's credit (`…|责任编辑：王明`); a page's metadata \
                  opens with a date in digits (`时间：2022-04-02`), and a field's value \
                  (`阅读次数：35`) does not run into a date; and a dateline (`本报讯`, \
                  `新华社北京5月8日电`) opens a paragraph and, alone on a line, goes on to its \
                  story; a number goes on into the unit that starts the next line (`12` + \
                  `月5日`), and a date or a range after its separator (`2023-09-` + `28`). \
                  A date set off by a comma opens the story after a title (`3月5日，`), \
                  paragraphs that open alike (`这一年，…；` twice) stand apart, and a credit of \
                  its own (`编辑 王明`) does not join a byline. One letter alone on a line \
                  goes on from the word before it (`…报` + `道`), unless it numbers a section \
                  (`一`); a date and time cut apart go on (`2023-06-18` or `2023年6月18日` + \
                  `09:41`), and so does a range cut before its dash (`8` + `—10℃`); a date \
                  and `讯` set off from the story (`…5月3日讯`) is a dateline; the \
                  document's short first line is its title though it holds a comma; and no \
                  column or blank-line rule joins across more blank lines than the document's \
                  breaks mostly have. A numbered point (`1、…`) cut short goes on where the \
                  document's other points end sentences, and a Markdown list item in Chinese \
                  (`- 做法：…`) cut between letters goes on as running text; so does an \
                  ordinal cut after its `第` (`第` + `二、三课堂`), a dateline alone on a \
                  line into its reporters' credit (`…日电` + `（记者 李明`), and a role into \
                  the name of who holds it (`…冠军` + `王强`, spaced), and a line that opens \
                  with a dash where the document's other dashed lines are sentences (an \
                  attribution, not a subtitle); a speaker's colon goes on into the quotation \
                  (`…说：` + `“…”`); a page's line of credits goes on into more \
                  names and labels (`来源：… 通讯员` + `王强 编辑 李华`, spaced). In a column, a \
                  line as wide as it that reads as a headline only for a space or a leading \
                  dash (a byline running into its story, an attribution `——…`) goes on where \
                  a word straddles the break; a title holding a comma stands above a credit \
                  (`来源：…`). Joined without a space when either \
                  side is CJK.",
    example: (
        "踊跃参与，反响热烈。全市各中小学积极组织学生参加本届征文比赛，比赛组委\n\n会共收到312篇作品。\n",
        "踊跃参与，反响热烈。全市各中小学积极组织学生参加本届征文比赛，比赛组委会共收到312篇作品。\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub const REJOIN_LATIN: Rule = Rule {
    id: "rejoin/latin",
    summary: "rejoin a hard-wrapped or split Latin paragraph with one space",
    explanation: "A Latin line continues on the next when the next starts in lower case, when \
                  the line stops on a word no sentence ends with (`the`, `of`, `and`), when \
                  running text stops on a lower-case word before a number, when the next \
                  closes a bracket the line left open, when the document is a wrapped column \
                  and the line is not the end of a paragraph, when a paragraph among unwrapped \
                  ones is wrapped at the width most breaks fit (the line stops mid-sentence, \
                  the next word would not have fit, and the lines around are as full), or \
                  when paragraphs are marked by indentation and the next line is not indented. \
                  They are one also when the line stops on a word and the next is a short \
                  statement (`…with President Donald` + `Trump.`), or when the last word of \
                  the line and the first of the next stand together as a name elsewhere in \
                  the text (`West` + `Bank`).",
    example: (
        "Thousands of laborers, students and\nopposition politicians protested.\n",
        "Thousands of laborers, students and opposition politicians protested.\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub const REJOIN_HYPHEN: Rule = Rule {
    id: "rejoin/hyphen",
    summary: "remove a hyphen that only wrapped a word across lines",
    explanation: "`gov-⏎ernment` becomes `government` when the unhyphenated word occurs elsewhere \
                  in the document; otherwise the hyphen is a real one (`well-⏎known`) and stays.",
    example: (
        "The government said the gov-\nernment would act.\n",
        "The government said the government would act.\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub const UNCERTAIN_BREAK: Rule = Rule {
    id: "finding/uncertain-break",
    summary: "a line break rejoin kept, though some evidence says it splits a paragraph",
    explanation: "Reported when the evidence for joining two lines is too weak to act on: a \
                  dictionary word straddles the break after a line that could be a heading, into \
                  a line that does not end a sentence (into one that does, they are joined), or \
                  running text stops on a lower-case word before a blank line (a split \
                  paragraph, or a truncated one). The break is kept; a person decides.",
    example: (
        "新建城市生态公\n\n园建设成果展示活动在市区举行来自各区的园林工作者代表参加活动并交流\n",
        "新建城市生态公\n\n园建设成果展示活动在市区举行来自各区的园林工作者代表参加活动并交流\n",
    ),
    finding_severity: Some(Severity::Info),
    example_config: Config::default,
};

/// Joins less sure than this keep the break and become `finding/uncertain-break`.
const JOIN_THRESHOLD: f32 = 0.6;

pub struct Rejoin;

#[derive(Debug, PartialEq)]
enum Decision {
    /// The blocks alone keep the break; the document's shape may still join it.
    Keep,
    /// The blocks are apart whatever the shape says (a lead-in and its labelled items fill
    /// a column's lines as well as a wrapped paragraph does).
    Apart,
    Join {
        confidence: f32,
        why: &'static str,
    },
}

fn join(confidence: f32, why: &'static str) -> Option<Decision> {
    Some(Decision::Join { confidence, why })
}

/// What the two blocks alone say.
fn content_decision(a: &TextLine, b: &TextLine) -> Option<Decision> {
    let cjk = a.is_cjk_text() || b.is_cjk_text();
    // A page's trail of sections cut at a separator (`首页 > 新闻` + `> 社会`, `首页 >` + `新闻 >
    // 社会`): a `>` that opens the next line is the trail's, not a Markdown quote's.
    if a.is_cjk_text() && cuts_breadcrumb(&a.content, &b.content) {
        return join(0.85, "a trail of sections goes on after its separator");
    }
    // A page's title under its trail, which ends on the same title: the trail is one line,
    // the title another.
    if repeats_last_section(&a.content, &b.content) {
        return Some(Decision::Apart);
    }
    // A list set one item to a line, and a document's number over its title or text.
    if a.is_cjk_text()
        && (opens_parallel_item(&a.content, &b.content) || is_document_number(&a.content))
    {
        return Some(Decision::Apart);
    }
    // (A newswire story opens with a dash after its dateline, not a list item.)
    if is_wire_dateline(&a.content) && b.content.starts_with(['-', '–', '—']) {
        return join(0.85, "a dateline goes on to its story");
    }
    if b.markup {
        return Some(Decision::Keep);
    }
    // A page's date alone on a line after a title (`…Extended by Trustees` + `June 3, 2021`).
    if !a.is_cjk_text()
        && is_bare_latin_date(&b.content)
        && !a.ends_with_lowercase_word()
        && !a.ends_inside_sentence()
        && !date_goes_on(&a.content, &b.content)
    {
        return Some(Decision::Apart);
    }
    // A list item goes on in a line that continues it in lower case (Markdown's lazy
    // continuation), or after a comma or a word no heading ends on (an article, `of`, `and`:
    // a heading may end on a preposition, `Find someone to talk to`); other structure stands
    // alone. A Chinese list item goes on as running text does: its line may be cut or wrapped
    // anywhere.
    if a.markup && !(a.is_cjk_text() && is_list_item(&a.content)) {
        let item = is_list_item(&a.content);
        return if item && b.starts_with_plain_lowercase_word() {
            join(0.8, "a list item goes on in lower case")
        } else if item && !cjk && stops_short_of_a_heading(&a.content) {
            join(0.75, "a list item cut after a comma or an article goes on")
        } else {
            Some(Decision::Keep)
        };
    }
    // (A quotation that runs over paragraphs leaves its mark open at the end of each but the
    // last: `…我们出发得太晚了。` + `下午我们走完了…。”`.)
    let quotation_runs_on = a.is_cjk_text() && a.content.ends_with(FULL_STOPS);
    if !quotation_runs_on && closes_what_is_open(&a.content, &b.content) {
        return join(
            0.85,
            "a quotation or bracket open at the end of the line is closed on the next",
        );
    }
    if a.is_cjk_text() && leaves_parenthesis_open(&a.content) {
        return join(
            0.8,
            "a parenthesis left open at the end of the line goes on",
        );
    }
    // (A heading may open with `…` or `·`, never with a comma or a colon. In English an
    // ellipsis may open a paragraph too: `… Lindqvist is expected to start`, after a
    // finished sentence.)
    let latin_ellipsis = !cjk && b.content.starts_with(['…', '.']);
    let opens_heading = b.looks_like_heading() && b.content.starts_with(['…', '·', '.', '．']);
    if cannot_start_line(b.first()) && !opens_heading && !(latin_ellipsis && a.ends_sentence()) {
        return join(
            0.95,
            "the next line starts with punctuation that cannot start a line",
        );
    }
    if clock_cut(&a.content, &b.content).is_some() {
        return join(0.9, "a date and its time of day are cut apart");
    }
    if cuts_cjk_date(&a.content, &b.content) {
        return join(0.85, "a date is cut after its year or its month");
    }
    // In Chinese text a full stop after digits, with digits on the next line, is a decimal
    // point (`增长12.` + `4%`): sentences there end on `。`.
    if a.is_cjk_text() && b.first().is_ascii_digit() && ends_on_decimal_point(&a.content) {
        return join(0.9, "a decimal number is cut at its point");
    }
    if a.is_cjk_text() && cuts_dotted_name(&a.content, &b.content) {
        return join(0.85, "a file or domain name is cut at its dot");
    }
    // A date or a range cut after its separator (`2023-09-` + `28`, `12-` + `15`).
    if b.first().is_ascii_digit() && ends_on_number_separator(&a.content) {
        return join(0.85, "a date or a range is cut after its separator");
    }
    // Or inside (`2024-05-1` + `8`, `2024-05` + `-18`), in a line of any script.
    if cuts_numeric_date(&a.content, &b.content) {
        return join(0.85, "a date in digits is cut inside");
    }
    // A number cut between its digits in Chinese text (`在43` + `00多个社区`), and a dash
    // cut between its halves (`研究—` + `—基于`): one number, one `——`. (No number goes on
    // in a year: a line that opens with one, `2023年`, opens a paragraph after a number;
    // nor does a field's value, `阅读次数:35`, into a line that opens with a date.)
    if a.is_cjk_text()
        && a.last().is_ascii_digit()
        && b.first().is_ascii_digit()
        && !opens_with_year(&b.content)
        && !(ends_on_field_value(&a.content) && opens_with_month_day(&b.content))
    {
        return join(0.85, "a number is cut between its digits");
    }
    if a.last() == '—' && b.first() == '—' && !a.content.ends_with("——") {
        return join(0.9, "a dash is cut between its halves");
    }
    // A title's dash leads to its subtitle (`…年会报告——` + `…回顾与展望`): nothing ends on one.
    if a.is_cjk_text() && a.content.ends_with("——") && !b.content.starts_with('—') {
        return join(
            0.8,
            "a dash at the end of the line leads on to what follows it",
        );
    }
    // A range of numbers cut before its dash or tilde (`降温8` + `—10℃`, `4` + `~5级`): a
    // dash that opens a line after a number is the range's, not a subtitle's `——`.
    if a.is_cjk_text() && a.last().is_ascii_digit() && opens_range_end(&b.content) {
        return join(0.85, "a range of numbers is cut before its dash");
    }
    // Latin text: a full stop before a lower-case word is an abbreviation's (`U.N.` +
    // `envoy`), an ellipsis before one trails off inside its sentence (`and…` + `then`), and
    // a title goes on to its name (`Sen.` + `Lopez`).
    if !cjk {
        let inside_sentence = match a.last() {
            '.' => Some("a full stop before a lower-case word ends an abbreviation"),
            '…' => Some("an ellipsis before a lower-case word trails off inside its sentence"),
            _ => None,
        };
        if let Some(why) = inside_sentence
            && b.starts_with_plain_lowercase_word()
        {
            return join(0.8, why);
        }
        if ends_on_name_title(&a.content) && b.first().is_uppercase() {
            return join(0.85, "a title goes on to its name");
        }
        if ends_on_title_and_first_name(&a.content)
            && b.content.split(' ').next().is_some_and(is_name_word)
        {
            return join(0.8, "a first name after a title goes on to the surname");
        }
        if cuts_a_name_in_a_comma_list(&a.content, &b.content) {
            return join(0.75, "a list of names goes on: one of them is cut in two");
        }
        if date_goes_on(&a.content, &b.content) {
            return join(
                0.85,
                "a date goes on: its day, or a post's attribution its date",
            );
        }
    }
    if cuts_field_label(a, b) {
        return join(0.8, "a field's label is cut inside its word");
    }
    if cuts_field_value(&a.content, &b.content) {
        return join(0.8, "a field's value is cut before the next field");
    }
    // A metadata line cut after a field's label: its value goes on (`来源：` + `本报`).
    if ends_on_field_label(&a.content) && opens_field_value(&b.content) {
        return join(0.8, "a field's label goes on to its value");
    }
    // A line that leads in with a colon, and a labelled line after it (`…尤其是以下几点：` +
    // `注意事项：`): the items it leads to. A labelled line after another is the next field
    // (`记者：…` + `地点：…`).
    if opens_with_label(&b.content)
        && (a.content.ends_with([':', '：']) || a.lines == 1 && opens_with_label(&a.content))
    {
        return Some(Decision::Apart);
    }
    // An author's credit in brackets closes the paragraph it follows (`…效应。` +
    // `（记者 李明）`); after a title it is a byline of its own.
    if a.is_cjk_text()
        && ends_sentence(&a.content)
        && (is_bracketed_credit(&b.content) || opens_with_bracketed_source(&b.content))
    {
        return join(
            0.75,
            "an author's credit in brackets closes the paragraph before",
        );
    }
    if a.is_cjk_text() && says_into_quotation(&a.content, &b.content) {
        return join(0.8, "a speaker's colon goes on into the quotation");
    }
    // (Before the credit a caption ends on: `来源：城南社区 通讯员 王` + `强 编辑 李华`.)
    if cuts_a_name_in_a_list(&a.content, &b.content) {
        return join(0.75, "a list of names goes on: one of them is cut in two");
    }
    if a.is_cjk_text() && credits_cut(&a.content, &b.content).is_some() {
        return join(
            0.75,
            "a page's line of credits goes on: more names and labels",
        );
    }
    // An ordinal cut after its `第` (`…与第` + `二、三课堂…`): the numeral is not a point's.
    if a.content.ends_with('第') && (is_cjk_numeral(b.first()) || b.first().is_ascii_digit()) {
        return join(0.85, "an ordinal is cut after its 第");
    }
    // A dateline alone on a line (or ending one, `…晚报讯`), and its reporters' credit in
    // brackets after it (`新华社北京5月8日电` + `（记者 李明`): the story's opening goes on.
    if a.is_cjk_text()
        && (is_dateline(&a.content) || ends_on_dateline(&a.content))
        && !a.ends_sentence()
        && b.content
            .strip_prefix(['(', '（'])
            .is_some_and(opens_credit)
    {
        return join(0.85, "a dateline goes on to its reporters' credit");
    }
    if a.ends_sentence()
        || a.is_cjk_text() && is_semicolon_item(&a.content, &b.content)
        || a.is_cjk_text() && leads_in_to_next(&a.content, &b.content)
        || a.is_cjk_text() && ends_on_file_name(&a.content)
        || opens_paragraph(&b.content) && !a.content.ends_with(['，', ','])
        || a.is_cjk_text() && opens_in_parallel(&a.content, &b.content)
    {
        return Some(Decision::Keep);
    }
    if a.is_cjk_text() && cuts_role_from_name(&a.content, &b.content) {
        return join(0.75, "a role goes on to the name of who holds it");
    }
    // A Chinese list item cut short (`- 做法：依托网格员、志` + `愿者等力量，做到…`) goes on as
    // running text does: cut between letters, into a line that reads as running text too (not
    // a heading unless it pauses inside, not a field of its own). A field's value in digits
    // (`- 时间：2025-04-25 10:36`) ends an item whole.
    if a.markup
        && a.is_cjk_text()
        && is_list_item(&a.content)
        && is_cjk_letter(a.last())
        && b.is_cjk_text()
        && b.reads_as_running_text()
        && !opens_with_label(&b.content)
    {
        return join(0.75, "a list item cut short goes on as running text");
    }
    // One Chinese letter alone on a line is cut from the word before it (`…北京报` + `道`):
    // no heading or paragraph is a letter, but a numeral may number a section (`一`).
    if a.is_cjk_text() && b.chars == 1 && is_cjk_letter(b.first()) && !is_cjk_numeral(b.first()) {
        return join(
            0.8,
            "one letter alone on a line is cut from the word before it",
        );
    }
    // A sentence's last word or two alone on a line (`…会场里至少坐了` + `两百人。`), after a
    // line that pauses inside: no paragraph is that short, and no heading holds a comma and
    // stops short of its end.
    if a.is_cjk_text()
        && is_cjk_letter(a.last())
        && a.content.contains(is_pause)
        && is_sentence_tail(&b.content)
    {
        return join(
            0.75,
            "a sentence's last words alone on a line end the one before",
        );
    }
    // After a line that ends no sentence (a title, a heading), a date set off by a comma
    // opens the story (`3月5日，…`), unless the line gave its year (`2024年` + `3月5日，`).
    if a.is_cjk_text() && opens_with_date(&b.content) && !a.content.ends_with('年') {
        return Some(Decision::Keep);
    }
    // A byline's names go on across a break (`作者：张三 李` + `四 来源：本报`), up to a
    // line that opens with a label of its own or a bracketed lead (`【本报讯】`). One that
    // closes a bracket (`（2024年3月5日 03版）`) is whole. Names are short or set apart: a
    // longer run of letters is the story.
    if a.is_cjk_text()
        && opens_byline(&a.content)
        && !is_closing(a.last())
        && b.is_cjk_text()
        && b.chars <= 32
        && !b.content.contains('。')
        && (b.chars <= 4 || b.content.contains([' ', '\u{3000}', '、', '|', '｜']))
        && !opens_credit(&b.content)
        && !b.content.starts_with(['【', '〔', '['])
    {
        return join(0.75, "a byline goes on: more names after its label");
    }
    // (Nor a line set in phrases that pauses inside: the byline runs into the story, `本报讯
    // 记者 陈明 通讯员` + `李强 连日来，…`.)
    if a.is_cjk_text()
        && (is_dateline(&a.content) || ends_on_dateline(&a.content))
        && (!b.looks_like_heading() || b.headline && b.content.contains(is_pause))
    {
        return join(0.85, "a dateline goes on to its story");
    }
    // A wire story's dateline and the label of its title (`新华社北京5月8日电 题：` + `…`, or
    // `…电` + `题：…`): the title goes on after them, short as it is.
    if a.is_cjk_text() && is_dateline(&a.content) && labels_a_title(&a.content, &b.content) {
        return join(0.85, "a dateline goes on to the title it labels");
    }
    if a.last().is_ascii_digit() && b.is_cjk_text() && starts_with_unit(&b.content) {
        return join(0.85, "a number is cut from its unit");
    }
    // (A heading never ends on a comma: in English a list of names goes on after one.)
    if a.ends_inside_sentence() && (!b.looks_like_heading() || !cjk && a.last() == ',') {
        return join(
            0.9,
            "the line ends inside a sentence (comma, 、 or opening bracket)",
        );
    }
    // After a comma a short line is the sentence going on, unless it is set as a headline.
    if a.ends_inside_sentence() && b.is_cjk_text() && !b.headline && !b.markup {
        return join(
            0.7,
            "the line ends inside a sentence (comma, 、 or opening bracket)",
        );
    }
    // A Chinese line that stops on a preposition, conjunction or 的 goes on, even into a
    // short line: a heading wrapped mid-phrase continues the same way. So does one whose
    // next line starts with a conjunction.
    if a.is_cjk_text() && b.is_cjk_text() {
        if cuts_before_the_figure_reached(&a.content, &b.content) {
            return join(
                0.8,
                "the line stops on 至 and the figure it reaches goes on",
            );
        }
        if ends_on_lone_letter(&a.content) && is_cjk_letter(b.first()) {
            return join(
                0.75,
                "the line's last spaced phrase is one letter: the break cut a word",
            );
        }
        if ends_on_cjk_function_word(&a.content) {
            return join(
                0.8,
                "the line stops on a word no sentence ends with (a preposition, conjunction or 的)",
            );
        }
        if starts_with_continuing_word(&b.content) {
            return join(
                0.8,
                "the next line starts with a word no sentence starts with (a conjunction or 等)",
            );
        }
        if opens_on_postposition(&b.content) {
            return join(
                0.8,
                "the next line opens on a postposition that closes a phrase (`时，`, `后，`)",
            );
        }
    }
    if !cjk && b.first().is_lowercase() && !a.looks_like_latin_heading() {
        return join(0.9, "the next line continues in lower case");
    }
    if !cjk && ends_on_possessive(&a.content) && b.first().is_alphanumeric() {
        return join(0.8, "a possessive goes on to what it owns");
    }
    // A short line of capitalized names followed by a lower-case word: running text
    // (`…had lost to Belgium` + `on Monday.`), unless the word is not a plain one (a URL).
    if !cjk && b.starts_with_plain_lowercase_word() && !a.content.ends_with(':') {
        return join(0.7, "the next line continues in lower case");
    }
    if !cjk
        && b.opens_dash_clause()
        && a.content
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().all(char::is_alphabetic))
        && !a.looks_like_latin_heading()
    {
        return join(0.8, "a clause set off by a dash goes on in lower case");
    }
    if !cjk && b.opens_quotation_in_lowercase() && !a.looks_like_latin_heading() {
        return join(
            0.8,
            "a quotation opens in lower case: a quoted phrase goes on with the sentence",
        );
    }
    if !cjk && ends_on_function_word(&a.content) {
        return join(
            0.85,
            "the line stops on a word no sentence ends with (an article, preposition, conjunction \
             or verb of saying)",
        );
    }
    // Running text that stopped on a capitalized word, and a capitalized word after it that
    // no sentence commonly opens with: a name cut in two (`…said Margaret` + `Okafor, the
    // editor`). A paragraph after a finished one opens with `The`, `But`, `She`….
    if let Some((last, next)) = split_name(a, b)
        && a.chars >= 40
        && is_capitalized_word(last)
        && !a.looks_like_latin_heading()
        && !b.looks_like_latin_heading()
        && is_name_word(next)
    {
        return join(
            0.7,
            "running text stops on a capitalized word and a name goes on",
        );
    }
    // Latin text that stops on a word goes on in a parenthesis (`…played at the Palau` +
    // `(the club's arena) on Sunday`): an aside does not open a paragraph.
    if !cjk && (a.last().is_alphanumeric() || matches!(a.last(), '"' | '”')) && b.first() == '(' {
        return join(
            0.7,
            "a parenthesis goes on from a line that stops on a word",
        );
    }
    // Running text that stopped on a word, and a short statement after it: the rest of the
    // sentence (`…a call with President Donald` + `Trump.`). A heading ends without a full
    // stop; a short question or exclamation may stand as a paragraph of its own.
    if !cjk
        && a.chars >= 32
        && a.last().is_alphanumeric()
        && !a.looks_like_latin_heading()
        && b.chars < 32
        && !b.first().is_lowercase()
        && b.last() == '.'
    {
        return join(
            0.7,
            "a short statement ends what the line before left unfinished",
        );
    }
    // (A line that leads in with a colon after a pause is a sentence, not a heading:
    // `…规定，分别作出以下判决：`.)
    let b_sentence =
        !b.looks_like_heading() || b.content.ends_with([':', '：']) && b.content.contains(is_pause);
    // A heading that holds a comma is short, and two clauses of about one length: another
    // line with a comma inside is a sentence cut short, and running text goes on after it.
    // (Not one that numbers a point, `一、…`, on one line or as short as one when its cut was
    // joined; nor one that leads in to what follows with a
    // colon; nor into a credit, `来源：…`, which a title holding a comma may stand above.)
    if a.is_cjk_text()
        && a.chars >= 10
        && a.content.contains(['，', ','])
        && !a.headline
        && !is_two_clause_heading(&a.content)
        && !is_title_with_comma(a)
        && !((a.lines == 1 || a.chars <= 40) && opens_with_point_number(&a.content))
        && !a.content.ends_with([':', '：'])
        && b.is_cjk_text()
        && b_sentence
        && !opens_credit(&b.content)
    {
        return join(
            0.7,
            "a line with a comma inside stops mid-sentence and running text goes on",
        );
    }
    // (A credit, `来源：…`, is a line of its own, and a line that opens with a year opens a
    // paragraph, `2024年，…`: a sentence cut before its year stops on a word that waits for
    // it, `早在`.)
    if cjk
        && !a.looks_like_heading()
        && b_sentence
        && !opens_credit(&b.content)
        && !opens_with_year(&b.content)
    {
        return join(
            0.8,
            "a paragraph without terminal punctuation continues on the next line",
        );
    }
    // A word straddles the break into a line that ends a sentence or leads in with a colon:
    // the head of a split paragraph (a heading ends on a word's end). Before a line that
    // might be a heading itself, the same evidence is weak: reported, not acted on.
    let leads_in = b.content.ends_with([':', '：']);
    if cjk && b_sentence && !a.headline && word_straddles(&a.content, &b.content) {
        return if (b.ends_sentence() || leads_in) && !a.markup {
            join(0.7, "a word straddles the break into a sentence")
        } else {
            join(
                0.5,
                "a word straddles the break, but the line before could be a heading",
            )
        };
    }
    // A short title cut inside a word: two lines set as headings, together no longer than a
    // title, with a dictionary word across the break (`…表现特征研` + `究——基于…`), a
    // subtitle or a title set in phrases too (`…志愿者上门送` + `温暖 邻里…`). Two headings in a
    // row break between words.
    if a.is_cjk_text()
        && b.is_cjk_text()
        && a.lines == 1
        && a.looks_like_heading()
        && b.looks_like_heading()
        && !(a.markup || b.markup)
        && a.chars + b.chars <= 40
        && word_straddles(&a.content, &b.content)
    {
        return join(
            0.7,
            "a short title is cut inside a word (a dictionary word straddles the break)",
        );
    }
    // A headline set in phrases, and a short phrase after it with no punctuation: its last
    // phrase cut short, or one more in parallel (`设多个功能区 发布厅` + `将举办多场记者会`,
    // `中国经济 民生保障` + `对外开放`).
    if a.headline
        && a.lines == 1
        && b.is_cjk_text()
        && !b.headline
        && b.chars <= 12
        && a.chars + b.chars <= 32
        && b.content
            .chars()
            .all(|c| c.is_alphanumeric() || "℃%".contains(c))
        && !opens_paragraph(&b.content)
        && !opens_byline(&b.content)
        && !opens_credit(&b.content)
        && phrases_go_on(&a.content, b.chars).is_some()
    {
        return join(0.7, "a headline set in phrases goes on in its last phrase");
    }
    // Running text that stops on a lower-case word before a number: a sentence going on
    // (`…the city spent nearly` + `$4 million on roads`); news style spells out a number
    // that would start a sentence.
    if !cjk
        && a.ends_with_lowercase_word()
        && a.chars >= 40
        && !a.looks_like_latin_heading()
        && b.starts_with_amount()
        && !b.looks_like_heading()
    {
        return join(
            0.7,
            "running text stops on a lower-case word before a number",
        );
    }
    // (Short lines ending in lower case are sentence-case headings: "Our ruling".)
    if !cjk && a.ends_with_lowercase_word() && a.chars > 60 && !a.looks_like_latin_heading() {
        return join(
            0.5,
            "running text stops on a lower-case word: a split or a truncated paragraph",
        );
    }
    None
}

/// A page's metadata line cut inside the label of its next field (`来源：本报 责任` +
/// `编辑：王明`, `作者：李明 来` + `源：本报`): the next line opens with at most four letters
/// and a colon, and a dictionary word straddles the break.
fn cuts_field_label(a: &TextLine, b: &TextLine) -> bool {
    let label = b.content.chars().take_while(|&c| is_cjk_letter(c)).count();
    a.is_cjk_text()
        && a.chars <= 48
        && a.content.contains([':', '：'])
        && !a.content.contains('。')
        && (1..=4).contains(&label)
        && b.content
            .chars()
            .nth(label)
            .is_some_and(|c| c == ':' || c == '：')
        && word_straddles(&a.content, &b.content)
}

/// A page's metadata line cut inside a field's value, the next field after it on the next
/// line (`作者：李明 来源：城市` + `晚报 责任编辑：王强`): the line ends on letters after a
/// colon, and the next opens with letters, a space and a labelled field. (A metadata line
/// of its own opens with its label.)
fn cuts_field_value(a: &str, b: &str) -> bool {
    let letters =
        |text: &str| (1..=8).contains(&text.chars().count()) && text.chars().all(is_cjk_letter);
    // (A field line is short: its length is read first, so a paragraph's is not searched.)
    let field_line = a.chars().nth(48).is_none() && a.contains([':', '：']) && !a.contains('。');
    field_line
        && letters(a.rsplit([':', '：']).next().unwrap_or(""))
        && b.split_once(' ')
            .is_some_and(|(rest, next)| letters(rest) && opens_with_label(next))
}

/// The document's first block (a line, or a title wrapped in a column), short and shaped as
/// a heading (not stopping on a pause), its first clause more than a lead-in (`昨日，`) or a
/// frame (`随着…，`) and its last not cut short (`…，这个`): the title, though it holds a
/// comma.
fn is_title_with_comma(a: &TextLine) -> bool {
    let clauses = || a.content.split(['，', ',']);
    let long = |clause: Option<&str>| clause.unwrap_or("").chars().count() >= 4;
    a.opens_document
        && a.chars <= 30
        && clauses().next().unwrap_or("").chars().count() > 4
        && long(clauses().next_back())
        && !opens_with_date(&a.content)
        && !opens_with_frame(&a.content)
        && !is_pause(a.last())
        && a.looks_like_heading()
}

/// The document's first line is its title, as wide as a column by chance: set as a heading,
/// and not two short where paragraphs open two short (a paragraph's first line that lost its
/// indent).
fn is_title_as_wide_as_column(a: &TextLine, width: usize, indent_lost: bool) -> bool {
    a.opens_document
        && a.lines == 1
        && !(indent_lost && a.last_line.columns + 2 == width)
        && a.looks_like_heading()
}

/// What the document's shape adds where the blocks alone keep the break.
fn shape_decision(shape: &DocumentShape, a: &TextLine, b: &TextLine) -> Option<Decision> {
    // More blank lines than the document's breaks mostly have, and more than one: the
    // document set this break apart from its wraps.
    if b.markup || b.blank_lines_before > shape.usual_blank_lines.max(1) {
        return None;
    }
    // A line that opens with a dash, where the document's others are sentences: an
    // attribution cut short (`——获奖的选手` + `李华说，…`), not a subtitle.
    if shape.dashed_lines_are_sentences
        && opens_with_dash(a)
        && !a.ends_sentence()
        && b.is_cjk_text()
        && !b.headline
        && b.reads_as_running_text()
        && !opens_paragraph(&b.content)
    {
        return join(
            0.75,
            "a line that opens with a dash goes on: the document's other dashed lines are \
             sentences",
        );
    }
    // (A Chinese list item wraps as running text does.)
    let list_item = a.is_cjk_text() && is_list_item(&a.content);
    if (a.markup && !list_item) || a.headline {
        return wrapped_heading(shape, a, b);
    }
    if let Some(pair) = split_name(a, b)
        && !opens_paragraph(&b.content)
        && shape.names.contains(pair)
    {
        return join(
            0.75,
            "a name straddles the break: its two words stand together elsewhere in the text",
        );
    }
    // A numbered point cut short where the document's points are sentences: the blocks
    // alone keep it, as a numbered heading with a comma.
    if shape.points_are_sentences
        && opens_with_point_number(&a.content)
        && !a.ends_sentence()
        && !a.content.ends_with([':', '：'])
        && a.is_cjk_text()
        && b.is_cjk_text()
        && !b.looks_like_heading()
        && !opens_paragraph(&b.content)
    {
        return join(
            0.75,
            "a numbered point goes on: the document's other points end sentences",
        );
    }
    if shape.indent_marks_paragraphs {
        // Indentation says it all: a flush line continues, an indented one opens.
        return (!b.indented && !b.after_blank()).then_some(Decision::Join {
            confidence: 0.85,
            why: "paragraphs open with indentation and the next line is flush",
        });
    }
    // A single newline after running text that stops on a lower-case word. (After a blank
    // line the same shape is a truncated paragraph, which a clean file must keep.)
    if !b.after_blank()
        && !b.indented
        && a.ends_with_lowercase_word()
        && !a.looks_like_latin_heading()
    {
        return join(0.8, "running text stops on a lower-case word, mid-sentence");
    }
    if shape.blank_lines_mark_paragraphs
        && !b.after_blank()
        && (a.is_cjk_text() || !a.looks_like_latin_heading())
    {
        return join(
            0.85,
            "paragraphs are separated by blank lines and this break is not",
        );
    }
    match shape.column? {
        Column::Cjk { width, indent_lost } => {
            let full = |chars: usize| chars + 2 >= width && chars <= width + 2;
            if !full(a.last_line.columns)
                || b.first_line.columns > width + 2
                || b.headline
                || opens_paragraph(&b.content)
                // A quotation standing as a line, and another opening: two headlines.
                || a.last() == '”' && a.content.starts_with('“') && b.first() == '“'
                // A block's first line in the parallel form is a headline as wide as the column.
                || a.lines == 1
                    && is_parallel_headline(&a.content)
                    && !opens_two_short(width, indent_lost, a, b)
                // So is a dateline's date and time.
                || a.lines == 1
                    && is_timestamp(&a.content)
                    && !opens_two_short(width, indent_lost, a, b)
                || is_title_as_wide_as_column(a, width, indent_lost)
            {
                return None;
            }
            // A wrapped region shows on both sides of a line: the line before was full too
            // (and joined), or the next one is, or the line opens a paragraph two short.
            let supported = a.lines > 1
                || full(b.first_line.columns)
                || indent_lost && a.last_line.columns + 2 == width;
            if !supported {
                return None;
            }
            // With lost indents, a line exactly two short opens a paragraph (unless it ends
            // one: then it is the short last line of the paragraph before).
            let opens = indent_lost && b.first_line.columns + 2 == width;
            if !a.ends_sentence() {
                return (!opens || b.lines == 1 && b.ends_sentence()).then_some(Decision::Join {
                    confidence: 0.85,
                    why: "a full line of a hard-wrapped column",
                });
            }
            // A full-width line after a sentence that ended at the margin continues the
            // paragraph when paragraphs visibly open shorter.
            (indent_lost && b.first_line.columns == width).then_some(Decision::Join {
                confidence: 0.7,
                why: "a sentence ended at the margin of a hard-wrapped column",
            })
        }
        Column::Latin {
            width,
            every_paragraph,
        } => {
            let (line, next) = (a.last_line.columns, b.first_line.columns);
            let next_word_would_fit = line + 1 + b.first_word_columns() <= width;
            let (within, why) = if every_paragraph {
                (
                    next <= width + 5 && !is_heading_before_prose(a, b),
                    "a full line of a hard-wrapped column (the next word would not fit)",
                )
            } else {
                // Wrapped on both sides: the line before was joined, or the next line is full.
                let supported = a.lines > 1 || next + WRAP_SLACK >= width;
                (
                    line <= width
                        && next <= width
                        && line + WRAP_SLACK >= width
                        && supported
                        && may_wrap_into(a, b),
                    "a full line of a paragraph hard-wrapped among whole ones (the next word \
                     would not fit)",
                )
            };
            if a.ends_sentence() {
                // Among whole paragraphs, a sentence that ended at the margin of wrapped lines
                // goes on when the break before its line (or, on a first line, the break after
                // the next) was a wrap of the same kind, a blank line there as here or none,
                // and the next line is as wide as a wrapped one: a paragraph after it would
                // stand whole, wider than the column.
                let wrapped_on = !every_paragraph
                    && a.last_break.or(b.next_break).is_some_and(|wrap| {
                        wrap.line_columns <= width
                            && wrap.line_columns + 1 + wrap.word_columns > width
                            && wrap.blank == b.after_blank()
                    })
                    && !next_word_would_fit
                    && line <= width
                    && next <= width
                    && next + WRAP_SLACK >= width
                    && !b.is_cjk_text()
                    && !b.looks_like_latin_heading();
                return wrapped_on.then_some(Decision::Join {
                    confidence: 0.7,
                    why: "a sentence ended at the margin of a paragraph hard-wrapped among \
                          whole ones, and the wrapped lines go on",
                });
            }
            (!next_word_would_fit && within).then_some(Decision::Join {
                confidence: 0.8,
                why,
            })
        }
    }
}

/// A title-case line standing alone, before a sentence-case line that does not go on with a
/// name (`…Department of Health and Human` + `Services said…`): a heading, as wide as the
/// column by chance.
fn is_heading_before_prose(a: &TextLine, b: &TextLine) -> bool {
    a.lines == 1
        && a.looks_like_latin_heading()
        && !b.looks_like_latin_heading()
        && !b.content.split(' ').next().is_some_and(is_name_word)
}

/// With lost indents a paragraph opens two short of the column, after a heading too: a line
/// of running text as wide as the column after a line two short goes on from it,
/// headline-shaped or not.
fn opens_two_short(width: usize, indent_lost: bool, a: &TextLine, b: &TextLine) -> bool {
    indent_lost
        && a.lines == 1
        && !a.opens_document
        && a.last_line.columns + 2 == width
        && (width - 1..=width + 2).contains(&b.first_line.columns)
        && !b.looks_like_heading()
}

/// A heading that a column wrapped: its full first line goes on in a line that does not end
/// a sentence, start a subtitle, or have the length of a paragraph's first line, and a word
/// straddles the break (`新建城市生态公` + `园`; two headings in a row break between words).
fn wrapped_heading(shape: &DocumentShape, a: &TextLine, b: &TextLine) -> Option<Decision> {
    let Some(Column::Cjk { width, indent_lost }) = shape.column else {
        return None;
    };
    if opens_two_short(width, indent_lost, a, b) {
        return join(
            0.75,
            "a paragraph's first line, two short of the column, goes on in a full one",
        );
    }
    let a_full = a.last_line.columns + 2 >= width && a.last_line.columns <= width + 2;
    // A line as wide as the column that reads as a headline only for a space or a leading
    // dash: a byline running into its story (`通讯员 王强 连日来，城区…`) or an attribution
    // (`——游泳选手…在女` + `子接力比赛中…`). A word across the break says it goes on.
    if a_full
        && (a.content.starts_with('—') || a.content.contains(is_pause))
        && !is_parallel_headline(&a.content)
        && b.is_cjk_text()
        && !b.headline
        && word_straddles(&a.content, &b.content)
    {
        return join(
            0.7,
            "running text set like a headline is wrapped by the column (a word straddles the \
             break)",
        );
    }
    // A heading's last word alone on the next line (`…强基础惠` + `民生`): a word of the dictionary,
    // not a name (`王强`), too short for a heading of its own.
    if a_full
        && a.lines == 1
        && a.is_cjk_text()
        && a.looks_like_heading()
        && b.lines == 1
        && (2..=3).contains(&b.chars)
        && b.content.chars().all(is_cjk_letter)
        && is_dictionary_word(&b.content)
    {
        return join(0.7, "a heading's last word wrapped alone by the column");
    }
    let b_rest = if indent_lost {
        b.first_line.columns + 2 != width && b.first_line.columns <= width
    } else {
        b.first_line.columns + 2 < width
    };
    (a_full
        && b_rest
        && b.is_cjk_text()
        && b.looks_like_heading()
        && !b.content.starts_with('—')
        && word_straddles(&a.content, &b.content))
    .then_some(Decision::Join {
        confidence: 0.7,
        why: "a heading wrapped by a hard-wrapped column (a word straddles the break)",
    })
}

impl Pass for Rejoin {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&REJOIN_CJK, &REJOIN_LATIN, &REJOIN_HYPHEN, &UNCERTAIN_BREAK]
    }

    /// Joins blocks in rounds until no boundary joins, so every decision sees the whole
    /// blocks on either side. Then reads the merged blocks as a second run would read the
    /// clean text (one line each, no indentation) and goes on until that joins nothing
    /// either: cleaning twice decides exactly as cleaning once.
    ///
    /// A decision depends only on the document's shape and the two blocks, so within a
    /// round a boundary is decided again only where a block beside it has grown.
    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        let mut blocks = text_lines(text);
        let mut words = None;
        let mut edits = Vec::new();
        let mut as_clean = false;
        loop {
            let shape = DocumentShape::read(&blocks);
            let joined = edits.len();
            let mut every_boundary = true;
            loop {
                let before = blocks.len();
                let mut merged: Vec<TextLine> = Vec::with_capacity(before);
                // Whether the last block kept grew in the last pass.
                let mut previous_grew = false;
                for mut block in blocks {
                    let grew = std::mem::take(&mut block.grew);
                    if let Some(previous) = merged.last_mut()
                        && (every_boundary || previous_grew || previous.grew || grew)
                    {
                        block.uncertain = None;
                        let recent = previous.recent();
                        match decide(&shape, &recent, &block) {
                            Some(Decision::Join { confidence, why })
                                if confidence >= JOIN_THRESHOLD =>
                            {
                                let edit =
                                    join_edit(&shape, &recent, &block, why, text, &mut words)
                                        .with_confidence(confidence);
                                previous.absorb(block, &edit);
                                edits.push(edit);
                                continue;
                            }
                            Some(Decision::Join { confidence, why }) => {
                                block.uncertain = Some((confidence, why));
                            }
                            _ => {}
                        }
                    }
                    merged.push(block);
                    previous_grew = grew;
                }
                blocks = merged;
                if blocks.len() == before {
                    break;
                }
                every_boundary = false;
            }
            // Done when a round over the blocks read as clean text joins nothing: it decided
            // every boundary, and what it found uncertain is reported.
            if as_clean && edits.len() == joined {
                report_uncertain(&blocks, context);
                return edits;
            }
            for block in &mut blocks {
                block.read_as_clean(|text| context.finish(text));
            }
            as_clean = true;
        }
    }
}

/// How a break is joined: the text that replaces it, the rule and why.
pub struct Joiner {
    pub text: std::borrow::Cow<'static, str>,
    pub rule: &'static Rule,
    pub why: std::borrow::Cow<'static, str>,
}

/// How the break between two blocks of a clean text is joined, if they cannot stand apart:
/// the first ends where no paragraph does (on a comma, an opening bracket) or the second
/// opens in lower case, and the blocks alone say join (`before` and `after` are whole
/// blocks; the shape of their document is not read). For a corpus pass that removes what
/// stood between them (site boilerplate inside a paragraph); a paragraph cut short before a
/// heading the batch removes stays cut.
pub fn join_across(before: &str, after: &str) -> Option<Joiner> {
    let pair = format!("{before}\n\n{after}\n");
    let blocks = text_lines(&pair);
    let [a, b] = &blocks[..] else {
        return None;
    };
    if !(a.ends_inside_sentence() || b.first().is_lowercase()) {
        return None;
    }
    let shape = DocumentShape::read(&blocks);
    match decide(&shape, a, b) {
        Some(Decision::Join { confidence, why }) if confidence >= JOIN_THRESHOLD => {
            let edit = join_edit(&shape, a, b, why, &pair, &mut None);
            // (A wrapped hyphen's edit starts at the hyphen: only a break is joined here.)
            (edit.start == a.end).then_some(Joiner {
                text: edit.replacement,
                rule: edit.rule,
                why: edit.reason,
            })
        }
        _ => None,
    }
}

/// Every break that is kept although some evidence says join.
fn report_uncertain(blocks: &[TextLine], context: &mut Context) {
    for block in blocks {
        if let Some((confidence, why)) = block.uncertain {
            let finding = Finding::new(block.start, &UNCERTAIN_BREAK, why);
            context
                .findings
                .push(finding.with_confidence(1.0 - confidence));
        }
    }
}

/// What the blocks say, and where they keep the break, what the document's shape adds.
fn decide(shape: &DocumentShape, a: &TextLine, b: &TextLine) -> Option<Decision> {
    match content_decision(a, b) {
        Some(Decision::Join { confidence, why }) if confidence >= JOIN_THRESHOLD => {
            Some(Decision::Join { confidence, why })
        }
        Some(Decision::Apart) => Some(Decision::Apart),
        weak => shape_decision(shape, a, b).or(weak),
    }
}

/// The edit that joins `a` and `b`, decided to be one paragraph for `why`.
fn join_edit(
    shape: &DocumentShape,
    a: &TextLine,
    b: &TextLine,
    why: &'static str,
    text: &str,
    words: &mut Option<HashSet<String>>,
) -> Edit {
    // No space against Chinese text (a curly quote counts as CJK when either block is), before
    // punctuation, after an opening bracket, a field's label or a speaker's colon, inside a
    // number, or anywhere in a CJK column (it wraps between any two characters). Spaced are
    // a date and its time, a trail of sections whose separators are spaced (`首页 > 新闻` +
    // `> 社会`), a headline's phrase in parallel, a name after its role (`…冠军` + `王强`) and,
    // in a column too, two names of a bracketed credit (`（记者 李明` + `王强）`).
    // (A CJK column's English paragraphs wrap at spaces.)
    let cjk_column =
        matches!(shape.column, Some(Column::Cjk { .. })) && (a.is_cjk_text() || b.is_cjk_text());
    let spaced_scripts = shape.spaces_scripts && scripts_meet(a.last(), b.first());
    // (In a column of Latin lines a blank line may stand between every two.)
    let wrap = !b.after_blank() || matches!(shape.column, Some(Column::Latin { .. }));
    let latin_spaced = spaced_in_english(a, b, wrap);
    let clock = clock_cut(&a.content, &b.content);
    let spaced_trail = || cuts_breadcrumb(&a.content, &b.content) && a.content.contains(' ');
    let spaced_phrase = || {
        !cjk_column
            && (a.headline
                && is_cjk_letter(a.last())
                && b.content.chars().all(is_cjk_letter)
                && phrases_go_on(&a.content, b.chars) == Some(PhrasesGoOn::InParallel)
                || cuts_role_from_name(&a.content, &b.content)
                || credits_cut(&a.content, &b.content) == Some(CreditsCut::AtSpace))
            || cuts_bracketed_credit_at_space(&a.content, &b.content)
    };
    if clock == Some(ClockCut::DateFromTime) || spaced_trail() || spaced_phrase() || spaced_scripts
    {
        return Edit::new(a.end, b.start, " ", &REJOIN_LATIN, why);
    }
    let tight = cjk_column
        || clock.is_some()
        || b.first().is_ascii_digit()
            && (a.last().is_ascii_digit() && !latin_spaced
                || a.last() == '.' && a.is_cjk_text()
                || ends_on_number_separator(&a.content))
        || a.last().is_ascii_digit() && opens_range_end(&b.content)
        || ends_on_field_label(&a.content)
        || a.is_cjk_text() && cuts_dotted_name(&a.content, &b.content)
        || a.is_cjk_text() && says_into_quotation(&a.content, &b.content)
        || (joins_tight(a.last()) || joins_tight(b.first())) && !latin_spaced
        || matches!(a.last(), '”' | '’') && (a.is_cjk_text() || b.is_cjk_text())
        || cannot_start_line(b.first()) && !latin_spaced
        || is_opening(a.last());
    if tight {
        Edit::new(a.end, b.start, "", &REJOIN_CJK, why)
    } else if let Some(hyphen) = wrapped_hyphen(a, b, text, words) {
        Edit::new(
            hyphen,
            b.start,
            "",
            &REJOIN_HYPHEN,
            "the hyphen only wrapped the word",
        )
    } else if a.last() == '-' && !a.content.ends_with(" -") && !a.content.ends_with("--") {
        Edit::new(
            a.end,
            b.start,
            "",
            &REJOIN_LATIN,
            "a hyphenated compound wrapped at its hyphen",
        )
    } else {
        Edit::new(a.end, b.start, " ", &REJOIN_LATIN, why)
    }
}

/// English text that CJK text would join tight, spaced at this break: a dash that opens a
/// clause (`— which`), a dash set off by spaces (`a stopgap fix —` + `whereas`, `others` and
/// `— wasn’t`), an ellipsis after a word (`and… then`), and at a `wrap` an ellipsis that
/// opens the line (`look at it` and `… and`) and two numbers (`roughly 400` and `737`). A
/// wrap breaks only at a space; a split may have been anywhere (`was… ready`, `1,2` and
/// `00`).
fn spaced_in_english(a: &TextLine, b: &TextLine, wrap: bool) -> bool {
    const DASHES: [char; 2] = ['—', '–'];
    if a.is_cjk_text() {
        return false;
    }
    if b.opens_dash_clause() {
        return true;
    }
    if b.is_cjk_text() {
        return false;
    }
    // The mark stands between English words (or a word and its quote): against other marks
    // (`…` + `。`) CJK text sets it tight.
    let word_after = |text: &str| {
        text.starts_with(|c: char| {
            c.is_alphanumeric() && !joins_tight(c)
                || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[')
        })
    };
    let word_before = a.last().is_ascii_alphanumeric()
        || a.last().is_ascii_punctuation()
        || matches!(a.last(), '”' | '’');
    let after_ellipsis = b.content.trim_start_matches('…');
    let spaced_ellipsis = a.last() == '…' && word_after(&b.content)
        || wrap
            && b.first() == '…'
            && word_before
            && word_after(after_ellipsis.trim_start_matches(' '));
    let spaced_dash = (a.content.strip_suffix(DASHES)).is_some_and(|rest| rest.ends_with(' '))
        && word_after(&b.content)
        || (b.content.strip_prefix(DASHES))
            .is_some_and(|rest| word_after(rest.strip_prefix(' ').unwrap_or("")))
            && word_before;
    spaced_ellipsis
        || spaced_dash
        || wrap && a.last().is_ascii_digit() && b.first().is_ascii_digit()
}

/// If `a` ends with a hyphen that wrapped a word (the joined word occurs elsewhere in the
/// text), the offset of that hyphen.
fn wrapped_hyphen(
    a: &TextLine,
    b: &TextLine,
    text: &str,
    words: &mut Option<HashSet<String>>,
) -> Option<usize> {
    let not_letter = |c: char| !c.is_alphabetic();
    let left = a.content.strip_suffix('-')?.rsplit(not_letter).next()?;
    let right = b.content.split(not_letter).next()?;
    if left.is_empty() || !right.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let words = words.get_or_insert_with(|| {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect()
    });
    words
        .contains(&format!("{left}{right}").to_lowercase())
        .then_some(a.end - 1)
}

#[cfg(test)]
mod tests {
    use crate::{Config, clean_text};

    fn clean(text: &str) -> String {
        clean_text(text, &Config::default()).text
    }

    #[test]
    fn a_phrase_of_time_or_place_goes_on_to_the_word_that_closes_it() {
        let title = "龙舟赛今日开幕\n\n";
        for (a, b) in [
            ("渔民们听到开赛的锣声", "时，纷纷划桨出发。"),
            ("队员们在长达三个月的集训", "中，每天都要练习两个小时。"),
            ("两岸观众人数在八千到一万", "之间，比往年多了不少。"),
            ("河面上的风浪", "越发大了，船只只好靠岸。"),
            ("许多市民甚至", "从外地赶来观看比赛。"),
            ("当天的气温从18度降至", "5度，市民纷纷添衣。"),
            ("当天的气温下降了18% 至", "5度，市民纷纷添衣。"),
        ] {
            let text = format!("{title}{a}\n\n{b}\n");
            assert_eq!(clean(&text), format!("{title}{a}{b}\n"), "{a} + {b}");
        }
        // A line that opens on the same letter in a word of its own, or in a list of
        // one-letter names, is another paragraph.
        let text = format!("{title}比赛由三支队伍参加\n\n中方队伍获得了冠军。\n");
        assert_eq!(clean(&text), text);
        let text = format!("{title}一、加强赛事组织\n\n上、中、下游的队伍轮流出发。\n");
        assert_eq!(clean(&text), text);
        // A headline may stop on 至 as a verb (arrives).
        let text = format!("{title}赛季将至\n\n各队正在抓紧训练。\n");
        assert_eq!(clean(&text), text);
    }

    #[test]
    fn a_line_with_a_comma_inside_goes_on_into_a_lead_in() {
        let notice = "\n\n为做好今年的普法工作，现将有关事项通知如下。\n";
        let text =
            format!("通知\n\n各市（区）司法局，贵\n\n安新区政法委、市属各律师事务所：{notice}");
        let joined =
            format!("通知\n\n各市（区）司法局，贵安新区政法委、市属各律师事务所：{notice}");
        assert_eq!(clean(&text), joined);
    }

    #[test]
    fn a_credit_cut_between_two_names_goes_on_with_its_space() {
        let story = "新馆开放\n\n新华社杭州6月2日电（记者 王鹏\n\n刘一鸣）2日，城东新馆开放。\n";
        assert_eq!(
            clean(story),
            "新馆开放\n\n新华社杭州6月2日电（记者 王鹏 刘一鸣）2日，城东新馆开放。\n"
        );
        // In a column as well, which otherwise wraps tight between any two letters.
        let column = "城东新馆昨日正式开放，\n首日接待读者三千余人\n次。新华社杭州电（记者\n王鹏\n刘一鸣）新馆共设阅览室\n十二个，藏书六十余万\n册，馆内另设少儿阅读\n区和自习区，全天开放。\n";
        let cleaned = clean(column);
        assert!(cleaned.contains("（记者王鹏 刘一鸣）新馆"), "{cleaned}");
    }

    #[test]
    fn a_case_number_as_wide_as_the_column_stands_apart() {
        let body = "上诉人（原审被告人）张某，男，1980年出生，汉族，大专文化，户籍所在地某省某市。\
                    因涉嫌损害商业信誉罪，于2018年9月27日被某县公安局刑事拘留，同年10月由某县\
                    公安局执行逮捕。原审被告人李某，男，1982年出生，汉族，高中文化。";
        let chars: Vec<char> = body.chars().collect();
        let column: Vec<String> = chars.chunks(17).map(|c| c.iter().collect()).collect();
        let text = format!(
            "某市中级人民法院刑事裁定书\n(2019)某中法刑二终字第1234号\n原公诉机关某县人民检察院。\n{}\n",
            column.join("\n")
        );
        let cleaned = clean(&text);
        assert!(
            cleaned.contains("\n(2019)某中法刑二终字第1234号\n\n原公诉机关"),
            "{cleaned}"
        );
        assert!(cleaned.contains(body), "{cleaned}");
    }

    #[test]
    fn a_list_set_one_item_to_a_line_stands_apart() {
        let text = "本周天气\n\n周三气温回升，午后有雷阵雨。具体预报如下：\n\n\
                    3日：晴转多云，南风三级左右；\n\n4日：多云，有分散阵雨\n\n\
                    和短时大风；\n\n5日：阴，有中雨。\n";
        let cleaned = "本周天气\n\n周三气温回升，午后有雷阵雨。具体预报如下：\n\n\
                       3日：晴转多云，南风三级左右；\n\n4日：多云，有分散阵雨和短时大风；\n\n\
                       5日：阴，有中雨。\n";
        assert_eq!(clean(text), cleaned);
    }

    #[test]
    fn a_spaced_headline_cut_after_a_one_letter_phrase_goes_on() {
        let story = "\n\n今年的夏粮收购工作进展顺利，各地粮库运转正常。\n";
        let text = format!("夏粮收购 进度过半 新\n\n粮入库量创近年新高 “仓容”告急{story}");
        let joined = format!("夏粮收购 进度过半 新粮入库量创近年新高 “仓容”告急{story}");
        assert_eq!(clean(&text), joined);
        // A name set letter by letter, and a photo credit, end where they do.
        for line in ["本报记者 王 芳", "粮库工人在晾晒新粮 本报记者 李强 摄"]
        {
            let text = format!("夏粮收购进度过半\n\n{line}{story}");
            assert_eq!(clean(&text), text);
        }
    }

    #[test]
    fn a_column_keeps_the_documents_spacing_between_scripts_and_an_english_paragraphs_spaces() {
        let column = |spaced: bool| {
            let space = if spaced { " " } else { "" };
            let text = format!(
                "股市收盘\n\n本报讯 沪深两市今天\n共有{space}351{space}只股票上涨\n，其中{space}37{space}只股票的涨\n\
                 幅在{space}9%{space}以上，A{space}股\n全天成交额达到{space}1.97\n万亿元，上涨的股票中有{space}12%\n以上是科技股。\n\n\
                 分析人士认为，市场整\n体仍处于震荡整理阶段，投\n资者不宜追涨杀跌，应当关\n注业绩稳定的公司。\n\n\
                 Analysts at the bank said the market would stay range-bound\n\
                 until the central bank's meeting next week, when a rate cut\n\
                 is widely expected.\n"
            );
            clean(&text)
        };
        // The column wrapped at the space before `万亿元`: the document spaces its numbers.
        let spaced = column(true);
        assert!(spaced.contains("达到 1.97 万亿元，"), "{spaced}");
        assert!(spaced.contains("有 12% 以上"), "{spaced}");
        assert!(spaced.contains(
            "range-bound until the central bank's meeting next week, when a rate cut is"
        ));
        assert!(column(false).contains("达到1.97万亿元，上涨的股票中有12%以上"));
        // A date after a field's colon, and its time on the next line.
        let text = "标题\n\n发布时间:2025-12-02\n18:45 来源:网络整理\n";
        assert!(clean(text).contains("发布时间：2025-12-02 18:45 来源"));
    }

    #[test]
    fn a_headline_cut_after_an_opening_bracket_joins_tight_once_and_for_all() {
        // Its phrases are spaced, but no space follows an opening bracket: a second run
        // took the one a first run put there.
        let once = clean("城市 新《\n规划 ");
        assert_eq!(once, "城市 新《规划\n");
        assert_eq!(clean(&once), once);
    }

    #[test]
    fn english_dashes_and_numbers_keep_their_spaces_when_lines_join() {
        let text = "Port cranes\n\n\
                    The port authority says the new cranes are a stopgap fix —\n\
                    whereas the dredging plan is meant to last for decades, so it\n\
                    has ordered steel for the quay walls from two mills, which the\n\
                    board expected when it voted for the plan -\n\
                    and several members said so at the meeting on Friday.\n";
        let joined = clean(text);
        assert!(
            joined.contains("a stopgap fix — whereas the dredging"),
            "{joined}"
        );
        assert!(
            joined.contains("voted for the plan - and several"),
            "{joined}"
        );
        // Numbers a wrap parted stood apart: it breaks at a space.
        let text = "Port cranes\n\n\
                    The port authority says its new cranes can move roughly 400\n\
                    737 tonnes of cargo a year, twice what the old ones managed\n\
                    before the storm damaged their rails in the spring.\n\n\
                    The board will vote on the dredging plan in March, after the\n\
                    engineers report on the state of the channel and the quay.\n\n\
                    Several members said they would ask for a second opinion on\n\
                    the cost before they agree to spend anything on the work.\n";
        assert!(clean(text).contains("roughly 400 737 tonnes"));
    }

    #[test]
    fn an_ellipsis_in_english_keeps_its_space_when_lines_join() {
        let text = "Ferry timetable\n\n\
                    The ferry crews said the winter timetable would stay as it\n\
                    is for now, and the island council said it would look at it\n\
                    … and then it asked for two more sailings on Sundays, saying\n\
                    the harbour can take them without new berths or more staff.\n";
        assert!(clean(text).contains("said it would look at it … and then it asked"));
        let text = "Road plan\n\n\
                    The committee heard from residents for almost three\n\
                    hours on Tuesday evening, and most of them said the\n\
                    same thing in different words about the new road.\n\n\
                    They said the road is too narrow for the trucks and…\n\
                    then the chair thanked them and said the vote would\n\
                    wait until the engineers report in the spring.\n";
        assert!(clean(text).contains("for the trucks and… then the chair"));
        // Outside a column too: an ellipsis before a lower-case word is inside its sentence.
        let text = "Road plan\n\nResidents said the road is too narrow for the trucks and…\n\
                    then the chair said the vote would wait until the spring.\n";
        assert!(clean(text).contains("for the trucks and… then the chair said"));
        // Chinese text joins tight against one.
        let text = "渡轮时刻表\n\n船员们说冬季的时刻表暂时不变，岛上的议会表示会再研究……\n\
                    ……并要求周日增开两班。\n";
        assert!(clean(text).contains("会再研究…………并要求"));
    }

    #[test]
    fn a_name_split_across_a_blank_line_is_joined_where_the_text_spells_it_whole() {
        let text = "Talks on the West Bank resumed on Monday after a week.\n\n\
                    Settlers moved into the hills of the West\n\nBank south of the old city on the ridge.\n";
        assert!(clean(text).contains("hills of the West Bank south"));
        // Without the name elsewhere the break may be a heading's: kept.
        let text = "Settlers moved into the hills of the West\n\nBank south of the old city on the ridge.\n";
        assert!(clean(text).contains("the West\n\nBank"));
    }

    #[test]
    fn running_text_cut_inside_a_name_goes_on_but_not_into_a_new_sentence() {
        // Capitalized words of a line that also holds a lower-case word (`said`) are running
        // text, not a title-case heading.
        let text = "Officials at the Port Authority said Governor Ellen\n\n\
                    Hartley approved the plan on Tuesday.\n\n\
                    The review board heard from its chair, Margaret Okafor\n\n\
                    The hearing resumes on Friday with the remaining witnesses.\n";
        assert_eq!(
            clean(text),
            "Officials at the Port Authority said Governor Ellen Hartley approved the plan on \
             Tuesday.\n\nThe review board heard from its chair, Margaret Okafor\n\n\
             The hearing resumes on Friday with the remaining witnesses.\n"
        );
    }

    #[test]
    fn a_sentence_ended_at_the_margin_of_wrapped_lines_goes_on_with_them() {
        let whole = "The harbour board met on Monday to weigh the cost of dredging the inner \
                     channel before winter. Members heard that silt had built up much faster \
                     than the engineers had forecast.";
        let wrapped = [
            "Fishing crews have complained for two years about the shallow",
            "water near the old quay. Several boats ran aground last spring.",
            "The board says the work will take at least six weeks once a",
            "contractor is chosen and the permits are in place.",
            "Local traders welcomed the news but warned that the work must not",
            "disrupt the summer season.",
            // The first line ends a sentence: the next two show the wrap.
            "Crews will close the bridge for repairs at night from next week.",
            "The work on the deck and the railings is due to last until the",
            "end of the spring, the council said in a notice.",
        ];
        // Each group of lines is a paragraph after `whole`: its lines set apart by `inside`,
        // it cleans to them joined by spaces.
        let cleans_to_its_paragraphs = |groups: &[&[&str]], inside: &str| {
            let document = |separator: &str| {
                let paragraphs = groups.iter().map(|lines| lines.join(separator));
                std::iter::once(whole.to_string())
                    .chain(paragraphs)
                    .collect::<Vec<_>>()
                    .join("\n\n")
                    + "\n"
            };
            assert_eq!(clean(&document(inside)), document(" "));
        };
        cleans_to_its_paragraphs(&[&wrapped[..4], &wrapped[4..6], &wrapped[6..]], "\n\n");
        // Where a blank line stands only between paragraphs, it marks this one's end.
        cleans_to_its_paragraphs(&[&wrapped[..2], &wrapped[2..4], &wrapped[4..6]], "\n");
    }

    #[test]
    fn a_parenthesis_goes_on_from_a_line_that_stops_on_a_word() {
        let text = "The final will be played at the Palau Blaugrana\n\n\
                    (the club's indoor arena) on Sunday evening.\n\n\
                    Tickets sold out within an hour.\n\n(Reporting by Ana Ruiz)\n";
        assert_eq!(
            clean(text),
            "The final will be played at the Palau Blaugrana (the club's indoor arena) on \
             Sunday evening.\n\nTickets sold out within an hour.\n\n(Reporting by Ana Ruiz)\n"
        );
    }

    #[test]
    fn a_title_goes_on_to_its_name_and_an_abbreviation_into_lower_case() {
        let text = "The bill was opposed by Sen.\n\nMaria Lopez and two others.\n\n\
                    Critics blamed the U.N.\n\nenvoy for the delay.\n";
        assert_eq!(
            clean(text),
            "The bill was opposed by Sen. Maria Lopez and two others.\n\n\
             Critics blamed the U.N. envoy for the delay.\n"
        );
    }

    #[test]
    fn a_year_or_a_lower_case_quotation_goes_on_where_a_list_item_or_a_quote_stands_alone() {
        let text = "The orchestra plans a long farewell season in\n\n2031. Tickets go on sale soon.\n\n\
                    The council said it\n\n\"welcomes every proposal\" from residents.\n\n\
                    Steps to take:\n\n12. Check the gauges.\n\n\"Never again,\" she said.\n";
        assert_eq!(
            clean(text),
            "The orchestra plans a long farewell season in 2031. Tickets go on sale soon.\n\n\
             The council said it \"welcomes every proposal\" from residents.\n\n\
             Steps to take:\n\n12. Check the gauges.\n\n\"Never again,\" she said.\n"
        );
    }

    #[test]
    fn names_dates_datelines_and_dash_clauses_go_on() {
        let text = "Opened by Lt. Col. Marcus\n\nWhitfield of the harbour guard.\n\n\
                    Filed on November\n\n20, 2031 from the port, where the ferries waited for the tide.\n\n\
                    Lovely evening at the pier! — Ana Ruiz (@anaruiz)\n\nMay 4, 2031\n\n\
                    OSLO (Nordwire)\n\n- Ferry fares rose again on Monday.\n\n\
                    The plan helps you find your focus\n\n— and drop what distracts you.\n";
        assert_eq!(
            clean(text),
            "Opened by Lt. Col. Marcus Whitfield of the harbour guard.\n\n\
             Filed on November 20, 2031 from the port, where the ferries waited for the tide.\n\n\
             Lovely evening at the pier! — Ana Ruiz (@anaruiz) May 4, 2031\n\n\
             OSLO (Nordwire) - Ferry fares rose again on Monday.\n\n\
             The plan helps you find your focus — and drop what distracts you.\n"
        );
        // A list after a heading, a post's link before its attribution: apart.
        let text = "Steps to take\n\n- Check the gauges.\n\n\
                    Read more https://example.com/a1\n\n— tall tales (@talltales)\n";
        assert_eq!(clean(text), text);
    }

    #[test]
    fn a_title_case_heading_as_wide_as_an_english_column_stays_apart() {
        let text = "Harbour Ferry Fares Rise Again in Spring\nThe city council voted on Monday to\n\
                    raise ferry fares for the third year in\na row, citing the rising cost of fuel\n\
                    and repairs to the older boats.\nCommuters said the increase would hurt\n\
                    families who cross the harbour every\nday, and several asked the council to\n\
                    phase it in over two years.\nOfficials at the Harbour Transport Ferry\n\
                    Services said the new fares would apply\nfrom May, after a month of notice to\n\
                    riders.\n";
        // (A name that goes on is no heading: `…Ferry` + `Services said…`.)
        assert_eq!(
            clean(text),
            "Harbour Ferry Fares Rise Again in Spring\n\n\
             The city council voted on Monday to raise ferry fares for the third year in a row, \
             citing the rising cost of fuel and repairs to the older boats.\n\n\
             Commuters said the increase would hurt families who cross the harbour every day, and \
             several asked the council to phase it in over two years.\n\n\
             Officials at the Harbour Transport Ferry Services said the new fares would apply from \
             May, after a month of notice to riders.\n"
        );
    }

    #[test]
    fn an_english_paragraph_may_open_with_an_ellipsis_after_a_finished_one() {
        let text = "The coach said the squad was ready.\n\n… Lindqvist is expected to start.\n\n\
                    He said the squad was\n\n… ready for the game.\n";
        assert_eq!(
            clean(text),
            "The coach said the squad was ready.\n\n… Lindqvist is expected to start.\n\n\
             He said the squad was… ready for the game.\n"
        );
        // A Chinese ellipsis cut in two is one.
        assert_eq!(
            clean("各街道组织志愿者上门走访…\n\n…\n"),
            "各街道组织志愿者上门走访……\n"
        );
    }

    #[test]
    fn a_short_statement_finishes_running_text_but_a_question_may_stand_alone() {
        let text = "He spoke of it in a phone call with President Donald\n\nTrump.\n";
        assert!(clean(text).contains("President Donald Trump."));
        let text = "Your revenues and your reach will grow year by year\n\nAre you ready?\n";
        assert!(clean(text).contains("year by year\n\nAre you ready?"));
    }

    #[test]
    fn a_quotation_closing_on_a_comma_goes_on_to_its_speaker() {
        let text = "“We have to get on with it,”\n\nthe governor said.\n\n\
                    “It is our problem and we need to fix it,”\n\nMs. Noem said.\n";
        assert_eq!(
            clean(text),
            "“We have to get on with it,” the governor said.\n\n\
             “It is our problem and we need to fix it,” Ms. Noem said.\n"
        );
    }

    #[test]
    fn a_list_item_goes_on_in_lower_case_and_structure_stays_apart() {
        let text = "8. If you have\n\na mortgage, pay it off\n\n# Costs\n\nof living\n";
        assert_eq!(
            clean(text),
            "8. If you have a mortgage, pay it off\n\n# Costs\n\nof living\n"
        );
    }

    #[test]
    fn a_dateline_goes_on_to_its_story_and_a_number_to_its_unit() {
        let text = "本报讯（记者 李明）\n\n各街道举办文明实践宣讲。\n\n表彰大会于12\n\n月5日举行\n";
        assert_eq!(
            clean(text),
            "本报讯（记者 李明）各街道举办文明实践宣讲。\n\n表彰大会于12月5日举行\n"
        );
    }

    #[test]
    fn a_decimal_cut_at_its_point_and_a_line_opening_on_a_comma_go_on() {
        let text = "今年用电量比去年多出12.\n\n4%，创下新高。\n\n作者：张三 李四\n\n，王五\n";
        assert_eq!(
            clean(text),
            "今年用电量比去年多出12.4%，创下新高。\n\n作者：张三 李四，王五\n"
        );
    }

    #[test]
    fn a_number_cut_between_its_digits_and_a_dash_cut_between_its_halves_go_on() {
        let text = "本周有38\n\n00多名志愿者参加\n\n关于城市更新的实证研究—\n\n—以五个老城区为例\n";
        assert_eq!(
            clean(text),
            "本周有3800多名志愿者参加\n\n关于城市更新的实证研究——以五个老城区为例\n"
        );
    }

    #[test]
    fn a_quotation_standing_as_a_column_line_is_no_wrap_into_the_next_one() {
        use super::{DocumentShape, shape_decision};
        let text = "今年以来，市里先后改造了二\n十多个老旧小区，加装电梯、\n修补屋顶、整治管线，居民出\n\
                    行方便了许多。\n“城市更新要让居民得实惠”\n“老街区要留住烟火气，”一\n\
                    位老居民说，“改造不能只换\n一副新面孔。”\n";
        let lines = super::text_lines(text);
        let shape = DocumentShape::read(&lines);
        assert!(matches!(
            shape.column,
            Some(super::Column::Cjk { width: 13, .. })
        ));
        // The quotation's line is as wide as the column, but the next opens a quotation.
        assert_eq!(shape_decision(&shape, &lines[4], &lines[5]), None);
        assert!(shape_decision(&shape, &lines[5], &lines[6]).is_some());
    }

    #[test]
    fn a_column_line_before_more_blank_lines_than_the_wraps_have_ends_its_paragraph() {
        let column = |gap: &str| {
            format!(
                "市里今年先后改造了二十多个\n\n老旧小区，加装电梯、修补屋\n\n顶、整治管线，居民出行方便\n\n\
                 了许多。\n\n\n街区改造要让居民得到实惠\n{gap}老街区要留住烟火气，改造不\n\n\
                 能只换一副新面孔，居民们说。\n"
            )
        };
        // As wide as the column and before one blank line, as every wrap here: it wraps.
        assert!(clean(&column("\n")).contains("实惠老街区"));
        // Before two, where the wraps have one: the document set it apart.
        assert!(clean(&column("\n\n")).contains("实惠\n\n老街区"));
    }

    #[test]
    fn a_chinese_date_cut_after_its_year_or_month_goes_on_but_not_into_a_chronicle() {
        assert_eq!(
            clean("市图书馆新馆开放，2024年\n\n5月起试运行。\n"),
            "市图书馆新馆开放，2024年5月起试运行。\n"
        );
        assert_eq!(
            clean("发布日期：2024年5月\n\n18日\n"),
            "发布日期：2024年5月18日\n"
        );
        let chronicle = "回眸2023年\n\n1月，新馆破土动工。\n";
        assert_eq!(clean(chronicle), chronicle);
    }

    #[test]
    fn a_field_cut_after_its_label_goes_on_to_its_value_but_not_an_empty_field() {
        assert_eq!(
            clean("发布时间：2024-05-18 浏览量：\n\n2046\n"),
            "发布时间：2024-05-18 浏览量：2046\n"
        );
        assert_eq!(
            clean("作者：陈明 来源：\n\n城市晚报 责任编辑：王强\n"),
            "作者：陈明 来源：城市晚报 责任编辑：王强\n"
        );
        // An empty field before the story, and a lead-in colon in running text.
        let empty = "时间：2024-05-18 作者：\n\n清晨的菜市场里，摊主们早早开了张。\n";
        assert_eq!(clean(empty), empty);
        let lead_in = "他介绍说：\n\n城东新区\n";
        assert_eq!(clean(lead_in), lead_in);
    }

    #[test]
    fn a_title_set_in_phrases_or_a_subtitle_cut_inside_a_word_goes_on() {
        assert_eq!(
            clean(
                "暖心服务进社区 志愿者上门送\n\n温暖 邻里共建家园\n\n本报讯 昨天上午，志愿者来到社区。\n"
            ),
            "暖心服务进社区 志愿者上门送温暖 邻里共建家园\n\n本报讯 昨天上午，志愿者来到社区。\n"
        );
        assert_eq!(
            clean("——城东新区图书馆开\n\n放首日见闻\n\n昨天上午，新馆迎来首批读者。\n"),
            "——城东新区图书馆开放首日见闻\n\n昨天上午，新馆迎来首批读者。\n"
        );
    }

    #[test]
    fn a_headline_in_phrases_goes_on_in_its_last_phrase_but_not_into_a_heading() {
        let story = "\n\n昨天上午，新馆迎来首批读者。\n";
        assert_eq!(
            clean(&format!("城东新区建成图书馆 周末\n\n开放三个阅览室{story}")),
            format!("城东新区建成图书馆 周末开放三个阅览室{story}")
        );
        assert_eq!(
            clean(&format!("关注：文化惠民 全民阅读\n\n书香社区{story}")),
            format!("关注：文化惠民 全民阅读 书香社区{story}")
        );
        // Its last phrase is its longest: the title is whole, and a heading follows.
        let whole = format!("新馆 城东新区图书馆开放\n\n导读{story}");
        assert_eq!(clean(&whole), whole);
        // Punctuation that cannot start a line is no phrase in parallel: it goes on tight.
        // (Found by the idempotence property.)
        assert_eq!(clean("의 中\n。 "), "의 中。\n");
        // A role and the name of who holds it: a speaker's line over what they say.
        let speaker = "城市马拉松赛昨日落幕。\n\n男子组冠军 李华\n\n我很高兴\n\n能在家乡夺冠。\n";
        assert!(clean(speaker).contains("男子组冠军 李华\n\n我很高兴"));
        // Traditional characters as well.
        let speaker = "比賽昨日落幕。\n\n電視台記者 李華\n\n採訪感言\n\n我很高興能來。\n";
        assert!(clean(speaker).contains("電視台記者 李華\n\n採訪感言"));
        // Cut at its space, it goes on with the space.
        let cut = "城市马拉松赛昨日落幕。\n\n男子组冠军\n\n李华\n\n我很高兴能在家乡夺冠。\n";
        assert!(
            clean(cut).contains("\n男子组冠军 李华\n\n我很高兴"),
            "{}",
            clean(cut)
        );
    }

    #[test]
    fn a_paragraph_goes_on_into_a_sentence_that_leads_in_with_a_colon() {
        // As short as a heading, but with a pause inside: a sentence.
        assert_eq!(
            clean("新馆开放后首个周末。前来借阅的市民排起长\n\n队，馆方为此增加了两个窗口：\n"),
            "新馆开放后首个周末。前来借阅的市民排起长队，馆方为此增加了两个窗口：\n"
        );
        // Cut inside a word after a line as short as a heading.
        assert_eq!(
            clean("市图书馆新馆本周开放后迎来借阅高峰的过\n\n程。馆方介绍了以下三项措施：\n"),
            "市图书馆新馆本周开放后迎来借阅高峰的过程。馆方介绍了以下三项措施：\n"
        );
    }

    #[test]
    fn what_a_sentence_leads_in_to_with_a_colon_stands_apart() {
        let questions = "老旧小区改造今年全部完工。居民们还来不及高兴，新的问题也随之而来：\n\n\
                         我们的社区，有足够的停车位吗？\n";
        assert_eq!(clean(questions), questions);
    }

    #[test]
    fn a_leads_label_opens_a_paragraph_after_a_title() {
        let text = "社区里的“停车难”争议，症结究竟出在哪一个环节？城市观察（下）\n\n\
                    【导读】三年来，老城区的改造让社区的面貌焕然一新。\n";
        assert_eq!(clean(text), text);
    }

    #[test]
    fn a_file_name_cut_at_its_dot_goes_on_and_ends_its_title() {
        assert_eq!(
            clean("社区议事纪要.\n\ndocx\n\n《社区议事纪要.docx》供会员下载，可先预览。\n"),
            "社区议事纪要.docx\n\n《社区议事纪要.docx》供会员下载，可先预览。\n"
        );
        // A file name too long for a heading is a title all the same.
        let title = "老旧小区改造中的居民议事协商机制研究以城南街道三个社区为例.docx\n\n\
                     《老旧小区改造中的居民议事协商机制研究》供会员下载，可先预览。\n";
        assert_eq!(clean(title), title);
    }

    #[test]
    fn a_sentences_last_words_alone_on_a_line_go_on() {
        assert_eq!(
            clean("听证会如期举行。\n\n会场对外开放，旁听席上坐了\n\n两百人。\n"),
            "听证会如期举行。\n\n会场对外开放，旁听席上坐了两百人。\n"
        );
        // A heading with a comma over a sentence of its own stands.
        let apart = "听证会如期举行。\n\n抓实惠民项目，增进群众获得感\n\n会场对外开放。\n";
        assert_eq!(clean(apart), apart);
    }

    #[test]
    fn no_paragraph_ends_on_a_comma_even_before_an_opener() {
        assert_eq!(
            clean(
                "全市公交线网优化已经完成。区交通部门的负责人称，\n\n下一步，全市将新开通公交线路12条。\n"
            ),
            "全市公交线网优化已经完成。区交通部门的负责人称，下一步，全市将新开通公交线路12条。\n"
        );
    }

    #[test]
    fn a_quotation_that_runs_over_paragraphs_keeps_them() {
        let text = "返程后，领队说：“这是一次辛苦的远足，我们出发得太晚了。\n\n\
                    下午我们走完了最难的一段，感谢沿途的志愿者。”\n";
        assert_eq!(clean(text), text);
        // Cut inside a sentence, the quotation goes on.
        assert_eq!(
            clean("领队说：“这是一次辛苦的远足，\n\n我们出发得太晚了。”\n"),
            "领队说：“这是一次辛苦的远足，我们出发得太晚了。”\n"
        );
    }

    #[test]
    fn a_numbered_heading_cut_in_two_and_joined_stays_a_heading() {
        assert_eq!(
            clean(
                "听证会如期举行。\n\n一、从申报流程与审核规\n\n则看，截止前不可能得到“最终名单”\n\n\
                 根据有关办法，申请材料应当在规定时限内提交，下面分三点说明。\n"
            ),
            "听证会如期举行。\n\n一、从申报流程与审核规则看，截止前不可能得到“最终名单”\n\n\
             根据有关办法，申请材料应当在规定时限内提交，下面分三点说明。\n"
        );
    }

    #[test]
    fn an_english_list_cut_after_a_comma_or_an_article_goes_on() {
        assert_eq!(
            clean(
                "Roll call was taken.\n\nPresent: Ann Lee, Bob Park, Cy Day,\n\nDee Fox, Eli Gray, Flo Hart\n\n\
                 1. A resolution to create the position of\n\nArts Coordinator for the city.\n"
            ),
            "Roll call was taken.\n\nPresent: Ann Lee, Bob Park, Cy Day, Dee Fox, Eli Gray, Flo Hart\n\n\
             1. A resolution to create the position of Arts Coordinator for the city.\n"
        );
        // A name cut inside a list of names.
        assert_eq!(
            clean(
                "Roll call was taken.\n\nPresent: Ann Lee, Bob Park, Cy\n\nDay, Dee Fox, Eli Gray\n"
            ),
            "Roll call was taken.\n\nPresent: Ann Lee, Bob Park, Cy Day, Dee Fox, Eli Gray\n"
        );
        // An item may end on a preposition.
        let items = "Ways to cope:\n\n1. Find someone to talk to\n\nTalking to a friend helps.\n";
        assert_eq!(clean(items), items);
    }

    #[test]
    fn a_paragraph_that_opens_with_a_year_stands_after_a_line_without_terminal_punctuation() {
        let text = "城南社区卫生服务中心、城北社区卫生服务中心与市第一人民医院医疗联合体\n\n\
                    2024年，三家医院建成了远程会诊平台，每月会诊两千余例。\n";
        assert_eq!(clean(text), text);
        // After a word no sentence ends on, the year goes on.
        assert_eq!(
            clean("三家医院的远程会诊平台已经全部建成，早在\n\n2024年就开始试运行。\n"),
            "三家医院的远程会诊平台已经全部建成，早在2024年就开始试运行。\n"
        );
    }

    #[test]
    fn a_metadata_line_cut_inside_a_label_or_a_value_goes_on() {
        assert_eq!(
            clean("来源：城市晚报 责任\n\n编辑：王强\n"),
            "来源：城市晚报 责任编辑：王强\n"
        );
        assert_eq!(
            clean("作者：陈明 来源：城市\n\n晚报 责任编辑：王强\n"),
            "作者：陈明 来源：城市晚报 责任编辑：王强\n"
        );
        // A metadata line of its own opens with its label; a name after an author is no label.
        let apart = "作者：陈明 李强\n\n来源：城市晚报\n";
        assert_eq!(clean(apart), apart);
    }

    #[test]
    fn a_chinese_list_item_cut_short_goes_on_but_a_field_in_digits_ends_it() {
        assert_eq!(
            clean(
                "一、背景\n\n- 政策支持：市里制定了一整\n\n套奖励办法，鼓励社区开办书屋。\n\n\
                 - 居民需求：书屋能够帮助居民提高阅\n读兴趣，丰富业余生活。\n"
            ),
            "一、背景\n\n- 政策支持：市里制定了一整套奖励办法，鼓励社区开办书屋。\n\n\
             - 居民需求：书屋能够帮助居民提高阅读兴趣，丰富业余生活。\n"
        );
        let fields =
            "- 时间：2025-04-25 10:36\n\n城南社区网讯：近日为整治车辆乱停放，社区组织巡查。\n";
        assert_eq!(clean(fields), fields);
    }

    #[test]
    fn a_dateline_goes_on_to_its_credit_and_an_ordinal_to_its_numeral() {
        assert_eq!(
            clean("新书发布\n\n新华社杭州6月2日电\n\n（记者 陈明）2日，新书在杭州发布。\n"),
            "新书发布\n\n新华社杭州6月2日电（记者 陈明）2日，新书在杭州发布。\n"
        );
        assert_eq!(
            clean("书屋把阅读与第\n\n二、三课堂结合起来，吸引了众多读者。\n"),
            "书屋把阅读与第二、三课堂结合起来，吸引了众多读者。\n"
        );
    }

    #[test]
    fn a_date_in_digits_cut_inside_goes_on() {
        assert_eq!(
            clean("date 2024-05-1\n\n8 新馆昨日开放，读者很多。\n"),
            "date 2024-05-18 新馆昨日开放，读者很多。\n"
        );
    }

    #[test]
    fn a_wire_dateline_goes_on_to_the_title_it_labels() {
        assert_eq!(
            clean("新华社杭州6月2日电 题：\n\n新馆开放迎来首批读者\n\n记者 陈明\n"),
            "新华社杭州6月2日电 题：新馆开放迎来首批读者\n\n记者 陈明\n"
        );
        assert_eq!(
            clean("中新社杭州6月2日電\n\n題：新館開放迎來首批讀者\n\n記者 陳明\n"),
            "中新社杭州6月2日電題：新館開放迎來首批讀者\n\n記者 陳明\n"
        );
    }

    #[test]
    fn a_bracketed_source_closes_its_paragraph() {
        assert_eq!(
            clean(
                "发布会上介绍了新馆的情况。\n\n（图源：某某社） 某某社北京5月1日电 新馆今天开放。\n"
            ),
            "发布会上介绍了新馆的情况。（图源：某某社）某某社北京5月1日电 新馆今天开放。\n"
        );
    }

    #[test]
    fn a_page_date_stands_apart_and_a_possessive_goes_on() {
        // (A column, and a title about as wide as its lines: the shape alone would join the
        // date to the title.)
        let text = "Library Hours Extended by the County Trustees\n\
                    June 3, 2021\n\
                    The trustees voted on Tuesday to keep the main\n\
                    branch open until nine on weekdays, a change\n\
                    that readers had asked for since the spring.\n\
                    The new hours were set by the County’s\n\
                    Library Board after a public hearing.\n";
        assert_eq!(
            clean(text),
            "Library Hours Extended by the County Trustees\n\nJune 3, 2021\n\n\
             The trustees voted on Tuesday to keep the main branch open until nine on weekdays, a \
             change that readers had asked for since the spring.\n\n\
             The new hours were set by the County’s Library Board after a public hearing.\n"
        );
    }

    #[test]
    fn a_dateline_ending_a_line_goes_on_to_its_credit_or_story() {
        assert_eq!(
            clean("新馆开放。\n\n某某晚报讯\n\n记者陈明报道，新馆昨日开放，读者很多。\n"),
            "新馆开放。\n\n某某晚报讯记者陈明报道，新馆昨日开放，读者很多。\n"
        );
        // A caption run into a city paper's dateline.
        assert_eq!(
            clean(
                "图为新馆外景。资料图片某某晚报讯\n\n（记者 陈明 杭州报道）新馆昨日开放，读者很多。\n"
            ),
            "图为新馆外景。资料图片某某晚报讯（记者 陈明 杭州报道）新馆昨日开放，读者很多。\n"
        );
    }

    #[test]
    fn a_list_item_ending_on_a_semicolon_stands_but_a_paragraph_of_clauses_goes_on() {
        assert_eq!(
            clean(
                "新馆开放以来变化很大。\n\n新馆的藏书已经增加到二十多万册,市民借阅也方便了;\n\n\
                 开放时间延长到晚上九点,周末照常开放,节假日也不闭馆,读者可以在网上预约座位;\n\n\
                 此外,读者们纷纷点赞。\n"
            ),
            "新馆开放以来变化很大。\n\n新馆的藏书已经增加到二十多万册，市民借阅也方便了；\n\n\
             开放时间延长到晚上九点，周末照常开放，节假日也不闭馆，读者可以在网上预约座位；\n\n\
             此外，读者们纷纷点赞。\n"
        );
        assert_eq!(
            clean("城东，新馆已经开放；\n\n城西，新馆正在装修；城北，新馆刚刚开工。\n"),
            "城东，新馆已经开放；城西，新馆正在装修；城北，新馆刚刚开工。\n"
        );
    }

    #[test]
    fn a_trail_of_sections_cut_before_a_separator_goes_on() {
        assert_eq!(
            clean("首页 > 本地新闻\n\n> 城区动态\n\n新建的社区图书馆开放了。\n"),
            "首页 > 本地新闻 > 城区动态\n\n新建的社区图书馆开放了。\n"
        );
        // A trail that ends on its separator stands before the title, and goes on into more
        // sections.
        let ends = "首页 > 本地新闻 >\n\n社区图书馆开放\n";
        assert_eq!(clean(ends), ends);
        assert_eq!(
            clean("首页 >\n\n本地新闻 > 城区动态\n\n社区图书馆开放\n"),
            "首页 > 本地新闻 > 城区动态\n\n社区图书馆开放\n"
        );
    }

    #[test]
    fn labelled_fields_and_a_reported_lead_open_lines_even_as_wide_as_the_column() {
        let story = "市里今年先后改造了二十多个\n老旧小区，加装电梯、修补屋\n顶、整治管线，居民出行方便\n\
                     了许多。\n";
        // Two labelled fields, the first as wide as the column: the second stands apart.
        let fields = format!(
            "{story}采访记者：陈明（本报记者）\n采访地点：城东街道文化中心\n采访时间：周一\n"
        );
        assert!(clean(&fields).ends_with(
            "了许多。\n\n采访记者：陈明（本报记者）\n\n采访地点：城东街道文化中心\n\n采访时间：周一\n"
        ));
        // A truncated paragraph as wide as the column, and a reported lead after it.
        let lead = format!("{story}居民们说，改造很及时。点赞\n据悉，改造将在年底前完成。\n");
        assert!(clean(&lead).ends_with("点赞\n\n据悉，改造将在年底前完成。\n"));
    }

    #[test]
    fn a_first_line_two_short_in_the_parallel_form_opens_a_paragraph_when_a_full_line_follows() {
        let text = "市里今年先后改造了二十\n多个老旧小区，加装电梯、修\n补屋顶、整治管线，居民出行\n\
                    方便了许多。\n老城换新颜，居民的生活\n更加舒心。市里还将继续推进\n\
                    城市更新，让更多居民从中受\n益。\n一位老居民说，改造不能\n只换一副新面孔，还要留住老\n\
                    街区的烟火气。\n";
        assert!(clean(text).contains("\n\n老城换新颜，居民的生活更加舒心。市里还将"));
    }

    #[test]
    fn a_title_as_wide_as_the_column_stays_apart_but_not_a_first_line_two_short() {
        let story = "市里今年先后改造了二十多个\n老旧小区，加装电梯、修补屋\n顶、整治管线，居民出行方便\n\
                     了许多。\n“老街区要留住烟火气，”一\n位老居民说，“改造不能只换\n一副新面孔。”\n";
        assert_eq!(
            clean(&format!("老城区改造让居民生活更舒心\n{story}")),
            "老城区改造让居民生活更舒心\n\n\
             市里今年先后改造了二十多个老旧小区，加装电梯、修补屋顶、整治管线，居民出行方便了许多。\n\n\
             “老街区要留住烟火气，”一位老居民说，“改造不能只换一副新面孔。”\n"
        );
        // Paragraphs open two short (their indent lost): a first line two short is one.
        let story = "市里今年先后改造了一批\n老旧小区，加装电梯、修补屋\n顶、整治管线，居民出行方便\n\
                     了许多。\n一位老居民说：“改造不\n能只换一副新面孔，还要留住\n老街区的烟火气。”\n\
                     市里还将继续推进城市更\n新，让更多居民从中受益。\n";
        assert_eq!(
            clean(story),
            "市里今年先后改造了一批老旧小区，加装电梯、修补屋顶、整治管线，居民出行方便了许多。\n\n\
             一位老居民说：“改造不能只换一副新面孔，还要留住老街区的烟火气。”\n\n\
             市里还将继续推进城市更新，让更多居民从中受益。\n"
        );
    }

    #[test]
    fn a_title_with_a_comma_stands_apart_and_a_date_goes_on_to_its_time() {
        let story = "市里今年先后改造了二十多个老旧小区，居民出行方便了许多。\n";
        assert_eq!(
            clean(&format!("老城区改造全面提速，居民生活更舒心\n{story}")),
            format!("老城区改造全面提速，居民生活更舒心\n\n{story}")
        );
        // Not a line that opens on a lead-in, nor one that stops on a pause.
        assert_eq!(
            clean("昨日，市里召开了老城区改造\n推进会，部署下一步工作。\n"),
            "昨日，市里召开了老城区改造推进会，部署下一步工作。\n"
        );
        assert_eq!(
            clean("2023-06-18\n09:41:07 来源：本报\n\n2023-06-18 09:\n41 来源：本报\n"),
            "2023-06-18 09:41:07 来源：本报\n\n2023-06-18 09:41 来源：本报\n"
        );
        // Punctuation cut from a line's end is no heading of its own.
        assert_eq!(
            clean("作者：李华 来源：本报\n：\n"),
            "作者：李华 来源：本报：\n"
        );
    }

    #[test]
    fn a_letter_alone_goes_on_from_its_word_but_a_numeral_numbers_a_section() {
        assert_eq!(
            clean("本报记者 李华 北京报\n道\n\n一\n\n市里今年先后改造了二十多个老旧小区。\n"),
            "本报记者 李华 北京报道\n\n一\n\n市里今年先后改造了二十多个老旧小区。\n"
        );
    }

    #[test]
    fn a_short_line_with_a_comma_goes_on_unless_it_is_a_two_clause_heading() {
        let text = "昨日，市文明办在城东街道举办\n\n志愿服务集市，二十多支志愿队伍参加。\n\n\
                    抓实惠民项目，增进群众获得感\n\n街道新建了三处养老服务站，惠及上千户家庭。\n";
        assert_eq!(
            clean(text),
            "昨日，市文明办在城东街道举办志愿服务集市，二十多支志愿队伍参加。\n\n\
             抓实惠民项目，增进群众获得感\n\n街道新建了三处养老服务站，惠及上千户家庭。\n"
        );
    }

    #[test]
    fn ranges_units_colons_dates_and_datelines_go_on() {
        assert_eq!(
            clean("预计降温6\n\n—8℃，偏北风4\n\n~5级，最高气温仅21\n\n℃\n"),
            "预计降温6—8℃，偏北风4~5级，最高气温仅21℃\n"
        );
        assert_eq!(
            clean("2021-05-06 来源\n\n: 城市晚报\n"),
            "2021-05-06 来源：城市晚报\n"
        );
        assert_eq!(
            clean("2019年3月8日\n\n09:30:15 | 来源：城市晚报\n"),
            "2019年3月8日 09:30:15 | 来源：城市晚报\n"
        );
        assert_eq!(
            clean(
                "时间：2021-05-\n\n06 09:30 来源：城市晚报\n\n记者从市教育局获悉，家长\n\n们可以在网上报名。\n"
            ),
            "时间：2021-05-06 09:30 来源：城市晚报\n\n记者从市教育局获悉，家长们可以在网上报名。\n"
        );
        assert_eq!(
            clean("随着天气的转暖，市区各大公园\n\n迎来了赏花的游客。\n"),
            "随着天气的转暖，市区各大公园迎来了赏花的游客。\n"
        );
        assert_eq!(
            clean(
                "城市发展年度报告——\n\n2021年城市建设新进展\n\n设三个分会场 展厅将举\n\n办多场论坛\n"
            ),
            "城市发展年度报告——2021年城市建设新进展\n\n设三个分会场 展厅将举办多场论坛\n"
        );
        assert_eq!(
            clean("2021年4月3日，城东中学的同学们领\n\n到了新学期的课本。\n"),
            "2021年4月3日，城东中学的同学们领到了新学期的课本。\n"
        );
        assert_eq!(
            clean("作者：\n\n城东中学的同学们领到了新课本，\n"),
            "作者：\n\n城东中学的同学们领到了新课本，\n"
        );
        assert_eq!(
            clean("综合消息5月3日讯\n\n全市各景区迎来客流高峰。\n"),
            "综合消息5月3日讯全市各景区迎来客流高峰。\n"
        );
    }

    #[test]
    fn a_numbered_point_goes_on_where_the_points_are_sentences() {
        let sentences = "1、本周气温起伏较大，早晚\n\n注意添衣保暖，预防感冒。\n\n\
                         2、周末空气干燥，户外活动注意防火。\n\n3、雨后路面湿滑，出行注意安全。\n";
        assert_eq!(
            clean(sentences),
            "1、本周气温起伏较大，早晚注意添衣保暖，预防感冒。\n\n\
             2、周末空气干燥，户外活动注意防火。\n\n3、雨后路面湿滑，出行注意安全。\n"
        );
        let headings = "一、完善议事规则，着力提高会议质量和效率\n\n各地要把群众满意作为检验标准。\n\n\
                        二、压实各方责任，推动年度计划按期完成\n\n各部门要细化分工，明确路线图。\n";
        assert_eq!(clean(headings), headings);
        // Points numbered as a Markdown list, with a label before a colon, wrap the same way.
        let listed = "1. 报名：填写表格，交到服务台。\n\n2. 领取：凭短信到\n\n窗口领取证件。\n\n\
                      3. 公示：名单在官网公布。\n";
        assert_eq!(
            clean(listed),
            "1. 报名：填写表格，交到服务台。\n\n2. 领取：凭短信到窗口领取证件。\n\n\
             3. 公示：名单在官网公布。\n"
        );
    }

    #[test]
    fn a_byline_goes_on_to_its_last_name_but_not_into_the_story() {
        let text = "作者: 陈思远 林晓\n\n雨 来源: 城市晚报\n\n\
                    【城市晚报讯】今天上午，新建的\n\n社区图书馆正式开放。\n";
        assert_eq!(
            clean(text),
            "作者：陈思远 林晓雨 来源：城市晚报\n\n【城市晚报讯】今天上午，新建的社区图书馆正式开放。\n"
        );
    }

    #[test]
    fn credits_of_their_own_and_a_closed_byline_stand_apart() {
        let credits = "来源：通讯员 周明\n\n编辑 李华\n\n二审 王强\n";
        assert_eq!(clean(credits), credits);
        let closed = "作者：本报记者 陈思远（2021年4月2日 03版）\n\n市民在湖边晨练\n";
        assert_eq!(clean(closed), closed);
        // Names after a byline whose last field is no credit's (a count of clicks).
        let counted = "来源：城市晚报 点击：\n\n陈 明，李 强\n";
        assert_eq!(clean(counted), counted);
    }

    #[test]
    fn photo_desks_and_agencies_end_a_caption_and_a_paper_has_a_dateline() {
        let text = "游客在古镇游览。李华摄/晚报图片\n\n本报杭州5月2日电\n\n今年“五一”假期，古镇迎来客流高峰。\n\n\
                    队员赛后合影。中新社发\n\n决赛将于周日举行，门票已经售罄。\n";
        assert_eq!(
            clean(text),
            "游客在古镇游览。李华摄/晚报图片\n\n本报杭州5月2日电今年“五一”假期，古镇迎来客流高峰。\n\n\
             队员赛后合影。中新社发\n\n决赛将于周日举行，门票已经售罄。\n"
        );
    }

    #[test]
    fn a_date_opens_the_story_after_a_title_and_parallel_paragraphs_stand_apart() {
        let text = "老街焕发新活力，城区改造让居民生活更加便利舒适\n\n6月3日，市住建局召开推进会，部署全年工作。\n";
        assert_eq!(clean(text), text);
        let parallel = "这一年，老街的集市重新开张；\n\n\
                        这一年，巷口的老书店也重新开门迎客，附近的居民又多了一个读书看报的去处；\n";
        assert_eq!(clean(parallel), parallel);
    }

    #[test]
    fn a_chinese_list_item_goes_on_as_running_text_and_a_year_opens_a_line() {
        let text = "- 模式：由社区党组织牵头，\n\n统筹辖区志愿服务力量。\n";
        assert_eq!(
            clean(text),
            "- 模式：由社区党组织牵头，统筹辖区志愿服务力量。\n"
        );
        let year = "来源：网站 2024年11月1日 第20241101\n\n2023年，全市工业生产稳中有进。\n";
        assert_eq!(clean(year), year);
    }

    #[test]
    fn a_numbered_point_or_a_lead_in_with_a_comma_is_not_a_sentence_cut_short() {
        let point = "一、现状分析：推进社区改造，势在必行\n\n\
                     全区共有老旧小区一百二十个，其中，多数建于上世纪九十年代。\n";
        assert_eq!(clean(point), point);
        let lead_in = "这次调研有两点收获，第一点是：\n\n\
                       社区居民普遍欢迎加装电梯，也愿意分担部分费用。\n";
        assert_eq!(clean(lead_in), lead_in);
    }

    #[test]
    fn a_name_cut_in_a_list_and_a_spaced_label_go_on() {
        assert_eq!(clean("周明 李华 王\n\n强 赵敏\n"), "周明 李华 王强 赵敏\n");
        assert_eq!(
            clean("摘 要：本文讨论老旧小区改造的\n\n资金来源和居民参与方式。\n"),
            "摘 要：本文讨论老旧小区改造的资金来源和居民参与方式。\n"
        );
    }

    #[test]
    fn an_attribution_set_like_a_subtitle_wraps_in_a_column() {
        let column = "图书馆迎来读者高峰\n本报讯 记者 陈明 连日来\n，市图书馆每天接待读者超过\n\
                      三千人次，自习室几乎座无虚\n席。\n\
                      ——馆长王丽介绍，为缓解座\n位紧张，图书馆将延长开放时\n间，并新增两百个座位。\n\
                      据了解，新增座位预计下月投\n入使用，届时市民可在网上提\n前预约。\n";
        assert_eq!(
            clean(column),
            "图书馆迎来读者高峰\n\n本报讯 记者 陈明 连日来，市图书馆每天接待读者超过三千人次，\
             自习室几乎座无虚席。\n\n——馆长王丽介绍，为缓解座位紧张，图书馆将延长开放时间，并新增两百个\
             座位。\n\n据了解，新增座位预计下月投入使用，届时市民可在网上提前预约。\n"
        );
    }

    #[test]
    fn a_line_opening_with_a_dash_goes_on_where_the_others_are_sentences() {
        let quotes = |cut: &str| {
            format!(
                "赛场金句\n\n“明年还要再来。”\n\n——获得男子跳远冠军的选手王强说，他还想再跳远一点。\n\n\
                 “每一跳都是新的开始。”\n\n——第一次参赛的小将赵敏在赛后这样总结。\n\n\
                 “这块奖牌属于家人。”\n\n{cut}。\n"
            )
        };
        assert_eq!(
            clean(&quotes(
                "——获得女子跳远亚军的选手\n\n李华表示，家人一直支持她"
            )),
            clean(&quotes("——获得女子跳远亚军的选手李华表示，家人一直支持她"))
        );
        // A subtitle under a title stays apart.
        let subtitle = "城市书房里的读书声\n\n——记城东社区书屋\n\n城东社区书屋开在一条老街上，每天都有居民来读书。\n";
        assert_eq!(clean(subtitle), subtitle);
    }

    #[test]
    fn a_dateline_and_byline_go_on_into_a_story_set_after_a_space() {
        // (Whether the scraper cut at the space, the letters cannot tell: only the join is
        // asserted.)
        let text = "城区气温持续走低\n\n本报讯 记者 陈明 通讯员\n\n李强 连日来，城区气温\n\n持续走低，不少市民换上了厚衣服。\n";
        assert!(clean(text).contains("通讯员") && !clean(text).contains("通讯员\n"));
    }

    #[test]
    fn a_speakers_colon_goes_on_into_the_quotation() {
        assert_eq!(
            clean("书屋开放一周了。\n\n一位读者说:\n\n“这里很安静，我每天都来。”\n"),
            "书屋开放一周了。\n\n一位读者说：“这里很安静，我每天都来。”\n"
        );
        // A lead-in that is not a speaker's keeps what it leads to apart.
        let list = "书屋开放一周了。\n\n开放时间如下：\n\n“周一至周五”全天开放。\n";
        assert_eq!(clean(list), list);
    }

    #[test]
    fn a_name_cut_on_a_metadata_line_goes_on() {
        assert_eq!(
            clean("此次活动改善了社区环境。\n\n来源:城南社区 通讯员 王\n\n强 编辑 李华\n"),
            "此次活动改善了社区环境。\n\n来源：城南社区 通讯员 王强 编辑 李华\n"
        );
        // Cut at a space, it goes on with the space.
        assert_eq!(
            clean("此次活动改善了社区环境。\n\n来源:城南社区 通讯员\n\n王强 编辑 李华\n"),
            "此次活动改善了社区环境。\n\n来源：城南社区 通讯员 王强 编辑 李华\n"
        );
    }

    #[test]
    fn a_title_holding_a_comma_stands_above_its_credit() {
        let text = "首页>体育>正文\n\n（城市体育）赛场内外，留下难忘身影\n\n来源：城市体育报 时间\n\n\
                    ：2021-08-03\n\n运动会是赛场，更是人生舞台。\n";
        assert!(clean(text).contains("身影\n\n来源："), "{}", clean(text));
        // Nor does a caption whose credit lost its name run into one.
        let caption = "新学期开始了。\n\n孩子们背着书包来到教室。城市晚报记者\n\n来源:https://view.example.com/k/20230213\n";
        assert_eq!(clean(caption), caption.replace("源:", "源："));
    }

    #[test]
    fn a_chinese_list_item_wraps_in_a_column() {
        let column = "街道组织志愿者走进小\n区举办便民服务活动，为居\n民理发、量血压、修理家电\n，受到居民欢迎。\n\
                      - 活动内容：包括健康义\n诊、法律咨询和旧物回收等\n多个项目，覆盖全体居民。\n\
                      下一步，街道将把便民\n服务活动常态化，每月固定\n开展一次。\n";
        assert_eq!(
            clean(column),
            "街道组织志愿者走进小区举办便民服务活动，为居民理发、量血压、修理家电，受到居民欢迎。\n\n\
             - 活动内容：包括健康义诊、法律咨询和旧物回收等多个项目，覆盖全体居民。\n\n\
             下一步，街道将把便民服务活动常态化，每月固定开展一次。\n"
        );
    }

    #[test]
    fn a_short_title_cut_inside_a_word_goes_on_but_two_headings_stay_apart() {
        let text = "关于城市更新的实证研\n\n究——以五个老城区为例\n\n坚持规划引领\n\n提升服务质量\n";
        assert_eq!(
            clean(text),
            "关于城市更新的实证研究——以五个老城区为例\n\n坚持规划引领\n\n提升服务质量\n"
        );
    }

    #[test]
    fn a_caption_ends_on_its_credit_a_semicolon_goes_on_and_so_does_an_open_aside() {
        let caption =
            "图为志愿者在街头宣传。 新华社记者 王鹏 摄\n\n连日来，各街道组织志愿者走上街头。\n";
        assert_eq!(
            clean(caption),
            "图为志愿者在街头宣传。新华社记者 王鹏 摄\n\n连日来，各街道组织志愿者走上街头。\n"
        );
        let text = "有人清理路边堆放的垃圾，有人规范车辆停放；\n\n有人驻守路口，引导居民过马路。\n";
        assert_eq!(
            clean(text),
            "有人清理路边堆放的垃圾，有人规范车辆停放；有人驻守路口，引导居民过马路。\n"
        );
        let text = "活动邀请了多位专家（包括\n\n高校教师和一线工作者\n";
        assert_eq!(
            clean(text),
            "活动邀请了多位专家（包括高校教师和一线工作者\n"
        );
    }
}
