//! The corpus phase: what a batch (and the index of earlier batches) knows that one article
//! does not. Phase 1 reduces every clean article to a [`Fingerprints`]; phase 2 counts block
//! fingerprints across articles (site boilerplate) and clusters exact and near duplicates;
//! phase 3 re-cleans only the articles those decisions touch.

pub mod boilerplate;
pub mod dedup;
mod held;
pub mod index;
pub mod normal;

use std::collections::HashMap;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::hash::hex;

use crate::script::is_cjk_letter;

/// The rules of the corpus phase that no per-document pass applies.
pub static RULES: &[&crate::rules::Rule] = &[&dedup::EXACT, &dedup::NEAR];

/// What the corpus phase keeps of one article: no text, about a kilobyte. (The default is
/// an empty text's.)
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fingerprints {
    /// Fingerprints of the blocks short enough to be boilerplate, deduplicated.
    pub blocks: Box<[u64]>,
    /// sha256 of the whole normalized text (exact duplicates), first 16 bytes.
    pub exact: [u8; 16],
    /// MinHash signature over shingles (near duplicates).
    pub minhash: Box<[dedup::Bin]>,
    /// How many distinct shingles the signature summarizes (fewer than its bins make a
    /// rougher estimate).
    pub shingles: u32,
}

/// Blocks longer than this (normalized characters) are article text, never boilerplate.
pub const MAX_BOILERPLATE_CHARS: usize = 200;

/// Fingerprints of a clean text (blocks are its lines).
pub fn fingerprints(clean: &str) -> Fingerprints {
    fingerprints_and_shingles(clean).0
}

/// Fingerprints of a clean text, and its shingle set as phase 2 compares it
/// ([`narrow_shingles`]).
pub fn fingerprints_and_shingles(clean: &str) -> (Fingerprints, Box<[u32]>) {
    let normal = normal::article(clean);
    let mut blocks: Vec<u64> = normal
        .lines
        .iter()
        .filter(|normal| is_boilerplate_length(normal))
        .map(|normal| block_fingerprint(normal))
        .collect();
    blocks.sort_unstable();
    blocks.dedup();
    let whole = normal.whole;
    let digest = Sha256::digest(whole.as_bytes());
    let mut exact = [0u8; 16];
    exact.copy_from_slice(&digest[..16]);
    let shingles = shingles(&whole);
    let fingerprints = Fingerprints {
        blocks: blocks.into_boxed_slice(),
        exact,
        minhash: dedup::minhash(&shingles),
        shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
    };
    (fingerprints, narrow_shingles(&shingles))
}

/// A shingle set narrowed to 32-bit hashes (sorted, deduplicated), as phase 2 holds and
/// compares it: half the size of the 64-bit set. Two articles of a thousand shingles each
/// share a 32-bit hash by accident about once in 4,000 comparisons, and then their
/// similarity moves by a thousandth.
pub fn narrow_shingles(shingles: &[u64]) -> Box<[u32]> {
    let mut narrow: Vec<u32> = shingles.iter().map(|s| (s >> 32) as u32).collect();
    narrow.sort_unstable();
    narrow.dedup();
    narrow.into_boxed_slice()
}

impl Fingerprints {
    /// The fingerprints as bytes, for a batch that keeps them out of memory: the exact
    /// hash, the shingle count, the signature's length and bins, then the blocks.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(24 + self.minhash.len() + 8 * self.blocks.len());
        bytes.extend_from_slice(&self.exact);
        bytes.extend_from_slice(&self.shingles.to_le_bytes());
        bytes.extend_from_slice(&(self.minhash.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&self.minhash);
        self.blocks
            .iter()
            .for_each(|b| bytes.extend_from_slice(&b.to_le_bytes()));
        bytes
    }

    /// Fingerprints from [`Fingerprints::to_bytes`], or `None` for bytes it cannot have made.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprints> {
        let exact = bytes.get(..16)?.try_into().ok()?;
        let shingles = u32::from_le_bytes(bytes.get(16..20)?.try_into().ok()?);
        let minhash = Self::signature_in(bytes)?;
        let blocks = &bytes[24 + minhash.len()..];
        if !blocks.len().is_multiple_of(8) {
            return None;
        }
        let minhash = minhash.into();
        let blocks = blocks
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
            .collect();
        Some(Fingerprints {
            blocks,
            exact,
            minhash,
            shingles,
        })
    }

    /// The signature inside [`Fingerprints::to_bytes`], read in place.
    pub fn signature_in(bytes: &[u8]) -> Option<&[dedup::Bin]> {
        let bins = u32::from_le_bytes(bytes.get(20..24)?.try_into().ok()?) as usize;
        bytes.get(24..24 + bins)
    }
}

/// In how many clusters each block fingerprint stands, sorted by fingerprint. A sorted list,
/// not a map: most blocks stand in one article, and a batch has millions of them.
fn block_counts(
    articles: &(impl Batch + ?Sized),
    clusters: &mut dedup::Clusters,
) -> Vec<(u64, u32)> {
    let roots = clusters.roots();
    let mut size = vec![0u32; articles.len()];
    roots.iter().for_each(|&r| size[r] += 1);
    // An article alone in its cluster counts its (deduplicated) blocks; the members of a
    // larger cluster count each block once between them.
    let mut blocks: Vec<u64> = Vec::new();
    let mut shared: Vec<(usize, u64)> = Vec::new();
    articles.each_fingerprints(&mut |i, fingerprints| {
        let root = roots[i];
        if size[root] == 1 {
            blocks.extend(&fingerprints.blocks);
        } else {
            shared.extend(fingerprints.blocks.iter().map(|&b| (root, b)));
        }
    });
    shared.sort_unstable();
    shared.dedup();
    blocks.extend(shared.into_iter().map(|(_, block)| block));
    blocks.par_sort_unstable();
    blocks
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as u32))
        .collect()
}

/// Joins the clusters of the pairs whose shingles are `similar`. Pairs are confirmed in
/// batches whose pairs would join clusters into a forest if all held (a pair that would
/// close a cycle waits for the next batch, and is never read if its ends are joined by
/// then), reading each article a batch needs once, in parallel, unless `held` still has
/// it: clusters come out as if pairs were confirmed one by one.
fn confirm(
    mut pairs: Vec<(usize, usize)>,
    clusters: &mut dedup::Clusters,
    held: &mut held::Held,
    similar: impl Fn(&[u32], &[u32]) -> bool,
    shingles_of: &(impl Fn(usize) -> Box<[u32]> + Sync),
) {
    let mut pending = pairs.as_slice();
    while !pending.is_empty() {
        let mut batch: Vec<(usize, usize)> = Vec::new();
        let mut forest = dedup::Clusters::new(0);
        let mut node: HashMap<usize, usize> = HashMap::new();
        let mut deferred = Vec::new();
        let mut taken = 0;
        for &(i, j) in pending {
            if batch.len() == CONFIRM_BATCH {
                break;
            }
            taken += 1;
            let (a, b) = (clusters.root(i), clusters.root(j));
            if a == b {
                continue;
            }
            let [a, b] = [a, b].map(|root| *node.entry(root).or_insert_with(|| forest.add()));
            if forest.root(a) == forest.root(b) {
                deferred.push((i, j));
            } else {
                forest.join(a, b);
                batch.push((i, j));
            }
        }
        let mut needed: Vec<usize> = batch.iter().flat_map(|&(i, j)| [i, j]).collect();
        needed.sort_unstable();
        needed.dedup();
        held.fetch(&needed, shingles_of);
        for (i, j) in batch {
            if similar(held.get(i), held.get(j)) {
                clusters.join(i, j);
            }
        }
        held.trim();
        // Deferred pairs go first in the next batch, in their order.
        deferred.extend_from_slice(&pending[taken..]);
        pairs = deferred;
        pending = pairs.as_slice();
    }
}

/// Short enough to be boilerplate, and not empty (of a normalized block).
pub fn is_boilerplate_length(normal: &str) -> bool {
    !normal.is_empty() && normal.chars().nth(MAX_BOILERPLATE_CHARS).is_none()
}

/// The fingerprint of one normalized block.
pub fn block_fingerprint(normal: &str) -> u64 {
    let digest = Sha256::digest(normal.as_bytes());
    u64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
}

/// Shingles of a normalized text: character 5-grams of CJK text, word 5-grams of Latin.
pub fn shingles(normal: &str) -> Vec<u64> {
    let (mut chars, mut cjk_letters) = (0, 0);
    for c in normal.chars() {
        chars += 1;
        cjk_letters += usize::from(is_cjk_letter(c));
    }
    let mut out: Vec<u64> = if cjk_letters * 2 >= chars {
        let chars: Vec<char> = normal.chars().collect();
        chars
            .windows(5)
            .map(|w| shingle_hash(w.iter().map(|&c| c as u64)))
            .collect()
    } else {
        let words: Vec<u64> = normal
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| shingle_hash(w.chars().map(|c| c as u64)))
            .collect();
        words
            .windows(5)
            .map(|w| shingle_hash(w.iter().copied()))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// A fast, deterministic hash of a word or a shingle: shingles are many and only ever
/// compared to each other.
fn shingle_hash(parts: impl Iterator<Item = u64>) -> u64 {
    parts.fold(0x243f_6a88_85a3_08d3u64, |h, p| dedup::mix(h ^ p))
}

/// What phase 2 holds of one article of a batch throughout: its signature and blocks are
/// read when a band or the boilerplate count needs them.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub path: &'a str,
    pub findings: usize,
    /// [`Fingerprints::exact`].
    pub exact: [u8; 16],
    /// [`Fingerprints::shingles`].
    pub shingles: u32,
}

/// The articles of a batch as phase 2 reads them, by position. Made on demand, so a batch
/// of half a million articles is not held a second time as a list of them, and its
/// fingerprints may wait outside memory (a signature and the blocks take most of an
/// article's share).
pub trait Batch: Sync {
    fn len(&self) -> usize;
    fn article(&self, k: usize) -> Article<'_>;
    /// The fingerprints of article `k` (called from any thread).
    fn fingerprints(&self, k: usize) -> Fingerprints;

    /// Gives every article's fingerprints once, in the order they are cheapest to read.
    fn each_fingerprints(&self, visit: &mut dyn FnMut(usize, Fingerprints)) {
        (0..self.len()).for_each(|k| visit(k, self.fingerprints(k)));
    }

    /// Gives every article's signature once, like [`Batch::each_fingerprints`] (every band
    /// reads them all: a batch may give them without making the rest).
    fn each_signature(&self, visit: &mut dyn FnMut(usize, &[dedup::Bin])) {
        self.each_fingerprints(&mut |k, fingerprints| visit(k, &fingerprints.minhash));
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why an article is not kept: it duplicates another.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateOf {
    /// The kept copy: a path of this batch, or of the index.
    pub canonical: String,
    /// `exact` (the same normalized text) or `near` (Jaccard similarity of shingles).
    pub method: &'static str,
    pub similarity: f64,
}

/// What phase 2 decided for a batch.
#[derive(Debug, Default)]
pub struct Decisions {
    /// Boilerplate block fingerprints and in how many articles each stands.
    pub boilerplate: HashMap<u64, u32>,
    /// Per article: `None` to keep it.
    pub duplicates: Vec<Option<DuplicateOf>>,
    /// What this batch adds to the index (when asked to learn).
    pub learned: index::Index,
}

/// Candidate pairs confirmed at a time (their shingles are held together).
const CONFIRM_BATCH: usize = 512;

/// Phase 2. Near-duplicate candidates come from LSH bands; those whose MinHash estimate is
/// near the threshold are confirmed by the Jaccard similarity of their shingle sets, which
/// `shingles_of(i)` gives ([`narrow_shingles`], read back from where the batch keeps them),
/// in parallel on the current rayon pool. `learn`: also fill `Decisions::learned` for the index.
pub fn decide(
    articles: &(impl Batch + ?Sized),
    index: &index::Index,
    min_articles: u32,
    threshold: f64,
    learn: bool,
    shingles_of: impl Fn(usize) -> Box<[u32]> + Sync,
) -> Decisions {
    let n = articles.len();
    let mut clusters = dedup::Clusters::new(n);
    {
        let mut by_exact: HashMap<[u8; 16], usize> = Default::default();
        for i in 0..n {
            let first = *by_exact.entry(articles.article(i).exact).or_insert(i);
            clusters.join(first, i);
        }
    }
    let fewest = |i: usize, j: usize| {
        let shingles = |k: usize| articles.article(k).shingles as usize;
        shingles(i).min(shingles(j))
    };
    // A pair whose signatures agree far less than the threshold cannot reach it.
    let plausible = |i: usize, j: usize, estimate: f64| {
        estimate >= threshold - dedup::estimate_margin(threshold, fewest(i, j))
    };
    // Far above the threshold the estimate is sure: such pairs are joined unread.
    let sure = |i: usize, j: usize, estimate: f64| {
        estimate >= threshold + dedup::sure_margin(threshold, fewest(i, j))
    };
    // One band at a time, a piece at a time, the pairs it proposes between clusters not
    // yet joined: after the first pieces most copies are joined, and later ones propose few
    // pairs. (The clusters that come out are the connected parts of the similar pairs, in
    // whatever order they are joined.)
    let mut held = held::Held::default();
    for band in 0..dedup::BANDS {
        let mut keys = Vec::with_capacity(n);
        articles.each_signature(&mut |k, signature| {
            keys.extend(dedup::band_key(signature, band).map(|key| (key, k)));
        });
        let runs = dedup::BandRuns::new(keys);
        for piece in runs.pieces() {
            // The signatures of the runs that would join clusters, read for this piece.
            let mut needed: Vec<usize> = piece
                .chunk_by(|x, y| x.0 == y.0)
                .filter(|run| {
                    let first = clusters.find(run[0].1);
                    run[1..].iter().any(|&(_, k)| clusters.find(k) != first)
                })
                .flat_map(|run| run.iter().map(|&(_, k)| k))
                .collect();
            needed.sort_unstable();
            let read: Vec<Box<[dedup::Bin]>> = needed
                .par_iter()
                .map(|&k| articles.fingerprints(k).minhash)
                .collect();
            let signature = |k: usize| &*read[needed.binary_search(&k).expect("read")];
            let estimate = |i: usize, j: usize| dedup::estimate(signature(i), signature(j));
            // (A pair an earlier band proposed was confirmed or refuted there.)
            let pairs = dedup::BandRuns::pairs(piece, |i, j| {
                clusters.find(i) != clusters.find(j)
                    && !dedup::share_earlier_band(signature(i), signature(j), band)
                    && plausible(i, j, estimate(i, j))
            });
            // Only pairs the estimate is not sure of are read and compared.
            let (sure, unsure): (Vec<_>, Vec<_>) = pairs
                .into_iter()
                .partition(|&(i, j)| sure(i, j, estimate(i, j)));
            sure.into_iter().for_each(|(i, j)| clusters.join(i, j));
            confirm(
                unsure,
                &mut clusters,
                &mut held,
                |i, j| dedup::jaccard(i, j) >= threshold,
                &shingles_of,
            );
        }
    }
    drop(held);
    // The kept copy of each cluster: fewest findings, then the smallest path.
    let mut canonical: HashMap<usize, usize> = Default::default();
    for i in 0..n {
        let root = clusters.root(i);
        let best = canonical.entry(root).or_insert(i);
        let key = |k: usize| {
            let article = articles.article(k);
            (article.findings, article.path)
        };
        if key(i) < key(*best) {
            *best = i;
        }
    }
    let indexed = IndexLookup::new(index);
    let keeps: Vec<usize> = (0..n).map(|i| canonical[&clusters.root(i)]).collect();
    let similarity = |i: usize, j: usize| dedup::jaccard(&shingles_of(i), &shingles_of(j));
    let duplicates = (0..n).into_par_iter().map(|i| {
        let (keep, article) = (keeps[i], articles.article(i));
        if keep == i {
            // (An empty index needs no signature.)
            return (!index.articles.is_empty())
                .then(|| indexed.duplicate(article.path, &articles.fingerprints(i), threshold))
                .flatten();
        }
        let kept = articles.article(keep);
        let exact = article.exact == kept.exact;
        let estimate = || {
            let signature = |k: usize| articles.fingerprints(k).minhash;
            dedup::estimate(&signature(i), &signature(keep))
        };
        Some(DuplicateOf {
            canonical: kept.path.to_string(),
            method: if exact { "exact" } else { "near" },
            similarity: if exact {
                1.0
            } else {
                match estimate() {
                    high if sure(i, keep, high) => high,
                    _ => similarity(i, keep),
                }
            },
        })
    });
    let mut decisions = Decisions {
        duplicates: duplicates.collect(),
        ..Decisions::default()
    };
    // Boilerplate: each fingerprint counted once per cluster of this batch, plus the index.
    let counts = block_counts(articles, &mut clusters);
    let total = |block: u64, count: u32| count + index.blocks.get(&block).copied().unwrap_or(0);
    decisions.boilerplate = counts
        .iter()
        .map(|&(block, count)| (block, total(block, count)))
        .chain(
            index
                .blocks
                .iter()
                .filter(|&(block, _)| counts.binary_search_by_key(block, |&(b, _)| b).is_err())
                .map(|(&block, &count)| (block, count)),
        )
        .filter(|&(_, count)| count >= min_articles)
        .collect();
    if learn {
        decisions.learned.blocks = counts.into_iter().collect();
        let mut learned: Vec<Option<index::IndexedArticle>> = vec![None; n];
        articles.each_fingerprints(&mut |i, fingerprints| {
            if decisions.duplicates[i].is_none() {
                learned[i] = Some(index::IndexedArticle {
                    path: articles.article(i).path.to_string(),
                    exact: hex(&fingerprints.exact),
                    minhash: fingerprints.minhash.into_vec(),
                });
            }
        });
        decisions.learned.articles = learned.into_iter().flatten().collect();
    }
    decisions
}

/// The boilerplate an index knows: blocks in at least `min_articles` articles.
pub fn index_boilerplate(
    index: &index::Index,
    min_articles: u32,
    remove: bool,
) -> boilerplate::Boilerplate {
    boilerplate::Boilerplate {
        blocks: index
            .blocks
            .iter()
            .filter(|&(_, &count)| count >= min_articles)
            .map(|(&block, &count)| (block, count))
            .collect(),
        remove,
    }
}

/// The articles of an index, found by exact hash and by LSH band; built once per run.
pub struct IndexLookup<'a> {
    index: &'a index::Index,
    by_exact: HashMap<&'a str, &'a index::IndexedArticle>,
    bands: dedup::Bands,
}

impl<'a> IndexLookup<'a> {
    pub fn new(index: &'a index::Index) -> Self {
        IndexLookup {
            index,
            by_exact: index
                .articles
                .iter()
                .map(|a| (a.exact.as_str(), a))
                .collect(),
            bands: dedup::Bands::new(index.articles.iter().map(|a| a.minhash.as_slice())),
        }
    }

    /// The indexed article (of another path) that the article at `path` duplicates: the
    /// same text, or among those sharing an LSH band the one of the highest MinHash
    /// estimate at or above the threshold (the index keeps no text to compare exactly).
    pub fn duplicate(
        &self,
        path: &str,
        fingerprints: &Fingerprints,
        threshold: f64,
    ) -> Option<DuplicateOf> {
        let exact = hex(&fingerprints.exact);
        if let Some(earlier) = self.by_exact.get(exact.as_str()).filter(|a| a.path != path) {
            return Some(DuplicateOf {
                canonical: earlier.path.clone(),
                method: "exact",
                similarity: 1.0,
            });
        }
        let signature = &fingerprints.minhash;
        self.bands
            .sharing(signature)
            .into_iter()
            .map(|k| &self.index.articles[k])
            .filter(|a| a.path != path)
            .map(|a| (a, dedup::estimate(&a.minhash, signature)))
            .filter(|&(_, estimate)| estimate >= threshold)
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(a, estimate)| DuplicateOf {
                canonical: a.path.clone(),
                method: "near",
                similarity: estimate,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_come_back_from_their_bytes() {
        for text in [
            "",
            "责任编辑：王明\n\n正文写到这里为止，没有别的内容。\n",
            "One line.\nTwo.\n",
        ] {
            let fingerprints = fingerprints(text);
            let bytes = fingerprints.to_bytes();
            assert_eq!(Fingerprints::from_bytes(&bytes), Some(fingerprints));
            assert_eq!(Fingerprints::from_bytes(&bytes[..bytes.len() - 1]), None);
        }
        assert_eq!(Fingerprints::from_bytes(&[1; 23]), None);
    }
}
