//! Block classifier: labels every block of the clean text (title, subtitle, heading,
//! paragraph, caption, byline, list item) for the report and the reviewer.

use crate::rejoin::evidence::{ends_sentence, is_headline_shaped};

/// What a block of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Subtitle,
    Heading,
    Paragraph,
    Caption,
    Byline,
    ListItem,
}

impl BlockKind {
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Byline => "byline",
            BlockKind::ListItem => "list-item",
        }
    }
}

/// Words that mark a byline or a photo credit.
const CREDIT_WORDS: &[&str] = &[
    "撰文",
    "记者",
    "通讯员",
    "编辑",
    "图片",
    "摄影",
    "供图",
    "文/",
    "图/",
    "来源",
];

/// Words that mark a photo caption.
const CAPTION_WORDS: &[&str] = &["图为", "合影", "供图", "摄）", "摄)", "资料图", "（图"];

fn non_space_chars(text: &str) -> usize {
    crate::script::count_chars(text).1
}

fn is_list_item(block: &str) -> bool {
    let rest = block.trim_start_matches(|c: char| c.is_ascii_digit());
    block.starts_with("- ")
        || block.starts_with("* ")
        || block.starts_with('•')
        || (rest.len() < block.len() && (rest.starts_with(". ") || rest.starts_with('、')))
        || block.starts_with('（') && block.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// `chars`: the block's characters, white space not counted.
fn is_byline(block: &str, chars: usize) -> bool {
    let bracketed = (block.starts_with('（') || block.starts_with('('))
        && (block.ends_with('）') || block.ends_with(')'));
    let credited = CREDIT_WORDS.iter().any(|w| block.contains(w));
    let by = block.starts_with("By ") || block.starts_with("本报记者") || block.starts_with("记者");
    chars <= 60 && ((bracketed && credited) || by)
}

fn is_heading_shaped(block: &str, chars: usize) -> bool {
    block.starts_with('#') || (!ends_sentence(block) && (chars <= 40 || is_headline_shaped(block)))
}

/// Labels `blocks`; `blank_before[i]` is how many blank source lines stood before block `i`.
pub fn classify(blocks: &[&str], blank_before: &[usize]) -> Vec<BlockKind> {
    let mut kinds = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| kinds[p]);
        let chars = non_space_chars(block);
        let kind = if is_list_item(block) {
            BlockKind::ListItem
        } else if is_byline(block, chars) {
            BlockKind::Byline
        } else if block.trim_start_matches('#').trim_start().starts_with('—') {
            BlockKind::Subtitle
        } else if i == 0 && is_heading_shaped(block, chars) {
            BlockKind::Title
        } else if previous == Some(BlockKind::Title) && block.starts_with("##") {
            BlockKind::Subtitle
        } else if CAPTION_WORDS.iter().any(|w| block.contains(w))
            || block.contains("图片") && block.ends_with("提供") && chars <= 150
            || blank_before[i] >= 2 && chars <= 150 && i > 0
        {
            BlockKind::Caption
        } else if is_heading_shaped(block, chars) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        kinds.push(kind);
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::BlockKind::*;
    use super::classify;

    #[test]
    fn labels_the_parts_of_an_article() {
        let blocks = [
            "城市更新 绘就宜居新图景",
            "——市住建局推进老旧小区改造工作纪实",
            "今年以来，市住建局把老旧小区改造作为重要民生工程，全年完成改造小区一百二十个。",
            "完善机制",
            "1. 加装电梯三十部。",
            "工人正在安装电梯。",
            "（本报记者 李明 摄）",
        ];
        let kinds = classify(&blocks, &[0, 1, 1, 1, 1, 3, 1]);
        assert_eq!(
            kinds,
            [
                Title, Subtitle, Paragraph, Heading, ListItem, Caption, Byline
            ]
        );
    }
}
