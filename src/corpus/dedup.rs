//! Near-duplicate articles: MinHash signatures, LSH banding for candidates, and exact
//! Jaccard similarity to confirm them; union-find for clusters.

use rayon::prelude::*;

use crate::config::Config;
use crate::rules::Rule;

pub const EXACT: Rule = Rule {
    id: "dedup/exact",
    summary: "leave out an article whose normalized text another article has",
    explanation: "Articles are compared in a normal form (NFKC, lower case, numbers folded, \
                  punctuation and spaces dropped); of a group with the same text one is kept \
                  (fewest findings, then the smallest path), against the batch and the index. \
                  The others are listed under `duplicates` in report.json and not written to \
                  clean/ unless --keep-duplicates.",
    example: ("", ""),
    finding_severity: None,
    example_config: Config::default,
};

pub const NEAR: Rule = Rule {
    id: "dedup/near",
    summary: "leave out an article nearly the same as another (Jaccard ≥ 0.8)",
    explanation: "MinHash signatures over character 5-grams (CJK) or word 5-grams (Latin), LSH \
                  banding for candidates, confirmed by the exact Jaccard similarity of the \
                  shingle sets unless the estimate is 3.4 standard deviations above the \
                  threshold (`--similarity`, default 0.8; 0.12 above it for articles of 128 \
                  shingles or more; short articles are always confirmed), and against the \
                  index, which keeps no text, by the MinHash estimate. One copy is kept as \
                  for dedup/exact.",
    example: ("", ""),
    finding_severity: None,
    example_config: Config::default,
};

/// Hash functions in a signature.
pub const SIGNATURE: usize = 128;
/// LSH bands (of `SIGNATURE / BANDS` rows): a pair at Jaccard 0.8 shares a band with
/// probability above 0.999; at 0.3, about 0.23.
pub const BANDS: usize = 32;

/// The splitmix64 finalizer: a fast, well-mixing, deterministic 64-bit hash step.
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// One bin of a MinHash signature: the low 8 bits of the bin's minimum hash (b-bit
/// MinHash). Two different minima agree on them by chance once in 256 bins, which
/// [`estimate`] corrects for; a signature takes 128 bytes instead of 512, and a band of
/// four bins still has 32 bits, so unrelated articles share one about once in 4·10⁹ pairs.
pub type Bin = u8;

/// The chance that two different minima agree on a bin.
const CHANCE_AGREEMENT: f64 = 1.0 / 256.0;

/// The MinHash signature of a set of shingles (empty for an empty set), by one-permutation
/// hashing: each shingle is hashed once and lands in one of `SIGNATURE` bins, each bin keeps its
/// minimum, and an empty bin takes the value of the next non-empty one (densification), so
/// equal bins still estimate Jaccard similarity, in time linear in the shingles.
pub fn minhash(shingles: &[u64]) -> Box<[Bin]> {
    if shingles.is_empty() {
        return Box::default();
    }
    let mut bins = [u32::MAX; SIGNATURE];
    for &shingle in shingles {
        let h = mix(shingle ^ 0x9e37_79b9_7f4a_7c15);
        let bin = (h >> 32) as usize % SIGNATURE;
        bins[bin] = bins[bin].min(h as u32);
    }
    let filled = bins;
    for (i, bin) in bins.iter_mut().enumerate() {
        if *bin == u32::MAX {
            let donor = (1..SIGNATURE)
                .map(|k| (i + k) % SIGNATURE)
                .find(|&j| filled[j] != u32::MAX);
            // Salted by the distance, so two empty bins do not agree by accident.
            *bin = donor.map_or(u32::MAX, |j| {
                filled[j] ^ ((j + SIGNATURE - i) % SIGNATURE) as u32
            });
        }
    }
    bins.iter().map(|&bin| bin as Bin).collect()
}

/// A signature as stored by an index before version 3 (16-bit bins; version 1: full 32-bit
/// minima, the empty set as all `u32::MAX`) in the current form: the low bits are the same.
pub fn from_wide(wide: &[u32]) -> Box<[Bin]> {
    if wide.iter().all(|&bin| bin == u32::MAX) {
        return Box::default();
    }
    wide.iter().map(|&bin| bin as Bin).collect()
}

/// The band keys of signatures, sorted: which signatures share a band with a given one.
/// Sixteen bytes a band, so for an index's few thousand articles; a batch's pairs are
/// found one band at a time instead ([`BandRuns`]).
pub struct Bands(Vec<(u64, usize)>);

impl Bands {
    /// Bands of `signatures`, each known by its position.
    pub fn new<'s>(signatures: impl IntoIterator<Item = &'s [Bin]>) -> Self {
        let mut keys: Vec<(u64, usize)> = signatures
            .into_iter()
            .enumerate()
            .flat_map(|(i, signature)| band_keys(signature).map(move |key| (key, i)))
            .collect();
        keys.sort_unstable();
        Bands(keys)
    }

    /// Positions of the signatures that share a band with `signature`, sorted.
    pub fn sharing(&self, signature: &[Bin]) -> Vec<usize> {
        let mut found: Vec<usize> = band_keys(signature)
            .flat_map(|key| {
                let from = self.0.partition_point(|&(k, _)| k < key);
                self.0[from..].iter().take_while(move |&&(k, _)| k == key)
            })
            .map(|&(_, i)| i)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// A signature of a non-empty set.
fn is_valid(signature: &[Bin]) -> bool {
    signature.len() == SIGNATURE
}

/// One key per band of a signature; none for a signature of the empty set.
fn band_keys(signature: &[Bin]) -> impl Iterator<Item = u64> + '_ {
    (0..BANDS).filter_map(move |band| band_key(signature, band))
}

/// Whether two signatures agree on a whole band before `band` (and were proposed there).
pub fn share_earlier_band(a: &[Bin], b: &[Bin], band: usize) -> bool {
    let rows = SIGNATURE / BANDS;
    (0..band).any(|k| a[k * rows..(k + 1) * rows] == b[k * rows..(k + 1) * rows])
}

/// The key of a signature in band `band` (band number and rows hashed together); none for a
/// signature of the empty set or of another length.
pub fn band_key(signature: &[Bin], band: usize) -> Option<u64> {
    let rows = SIGNATURE / BANDS;
    is_valid(signature).then(|| {
        signature[band * rows..(band + 1) * rows]
            .iter()
            .fold(mix(band as u64), |h, &r| mix(h ^ u64::from(r)))
    })
}

/// The signatures of one LSH band grouped by band key, to be paired a piece at a time:
/// a batch of copies of one text proposes pairs by the million, and the pairs of one piece
/// are all that is held at once.
pub struct BandRuns(Vec<(u64, usize)>);

/// Keys in one piece of a band (whole runs: a piece holds at least this many, unless it is
/// the last). Each proposes at most `CROWD` pairs.
const PIECE_KEYS: usize = 1 << 14;

impl BandRuns {
    /// The runs of `(band key, signature)` pairs of one band.
    pub fn new(mut keys: Vec<(u64, usize)>) -> Self {
        keys.par_sort_unstable();
        BandRuns(keys)
    }

    /// The band in pieces of whole runs of one key.
    pub fn pieces(&self) -> impl Iterator<Item = &[(u64, usize)]> {
        let mut rest = self.0.as_slice();
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let mut end = PIECE_KEYS.min(rest.len());
            while end < rest.len() && rest[end].0 == rest[end - 1].0 {
                end += 1;
            }
            let (piece, after) = rest.split_at(end);
            rest = after;
            Some(piece)
        })
    }

    /// Pairs `(i, j)`, `i < j`, of signatures of `piece` that share its key and that
    /// `keep` accepts, sorted. Where more than `CROWD` signatures share a key (many copies of
    /// one text) each is paired with the next `CROWD` only: the copies stay connected,
    /// without a number of pairs quadratic in the crowd.
    pub fn pairs(
        piece: &[(u64, usize)],
        keep: impl Fn(usize, usize) -> bool + Sync,
    ) -> Vec<(usize, usize)> {
        let runs: Vec<&[(u64, usize)]> = piece
            .chunk_by(|x, y| x.0 == y.0)
            .filter(|run| run.len() > 1)
            .collect();
        let mut pairs: Vec<(usize, usize)> = runs
            .par_iter()
            .flat_map_iter(|run| {
                let reach = run.len().min(CROWD);
                let keep = &keep;
                run.iter().enumerate().flat_map(move |(k, &(_, i))| {
                    run[k + 1..(k + 1 + reach).min(run.len())]
                        .iter()
                        .map(move |&(_, j)| (i, j))
                        .filter(|&(i, j)| keep(i, j))
                })
            })
            .collect();
        pairs.par_sort_unstable();
        pairs
    }
}

/// Signatures sharing one band beyond which each is paired with its next `CROWD` only.
pub const CROWD: usize = 64;

/// The standard deviation of the estimate for a pair at the threshold, whose signature has
/// as many independent bins as the smaller set has shingles, up to `SIGNATURE`.
fn estimate_deviation(threshold: f64, shingles: usize) -> f64 {
    let bins = shingles.clamp(1, SIGNATURE) as f64;
    (threshold * (1.0 - threshold) / bins).sqrt()
}

/// How far below the threshold a MinHash estimate may fall and the pair still be verified:
/// 4.2 standard deviations. At the default threshold (0.8) and full signatures that is 0.15,
/// and such a pair falls below it about once in 90,000; a wider margin reads many more
/// articles to confirm nothing.
pub fn estimate_margin(threshold: f64, shingles: usize) -> f64 {
    4.2 * estimate_deviation(threshold, shingles)
}

/// How far above the threshold a MinHash estimate must be to need no verification: 3.4
/// standard deviations (0.12 for full signatures at 0.8), so a pair estimated there is
/// really below it less than once in 3,000. Short articles, whose estimates are rough, are
/// verified however high.
pub fn sure_margin(threshold: f64, shingles: usize) -> f64 {
    3.4 * estimate_deviation(threshold, shingles)
}

/// The MinHash estimate of Jaccard similarity: the share of bins two signatures agree on,
/// less the agreement of different minima by chance (a bin agrees with probability
/// `J + (1 - J) / 256`).
pub fn estimate(a: &[Bin], b: &[Bin]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let agree = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64;
    ((agree - CHANCE_AGREEMENT) / (1.0 - CHANCE_AGREEMENT)).max(0.0)
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets.
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Union-find over article indices.
pub struct Clusters(Vec<usize>);

impl Clusters {
    pub fn new(n: usize) -> Self {
        Clusters((0..n).collect())
    }

    /// A new singleton cluster, and its number.
    pub fn add(&mut self) -> usize {
        self.0.push(self.0.len());
        self.0.len() - 1
    }

    /// The root of every element, in order.
    pub fn roots(&mut self) -> Vec<usize> {
        (0..self.0.len()).map(|i| self.root(i)).collect()
    }

    /// The root of `i`, without shortening the path (for readers sharing the clusters).
    pub fn find(&self, mut i: usize) -> usize {
        while self.0[i] != i {
            i = self.0[i];
        }
        i
    }

    pub fn root(&mut self, i: usize) -> usize {
        let parent = self.0[i];
        if parent == i {
            return i;
        }
        let root = self.root(parent);
        self.0[i] = root;
        root
    }

    pub fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{normal, shingles};

    /// Pairs `(i, j)`, `i < j`, of signatures that share an LSH band, sorted (see
    /// [`BandRuns::pairs`]).
    fn candidates(signatures: &[&[Bin]]) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = (0..BANDS)
            .flat_map(|band| {
                let keys = signatures.iter().enumerate();
                let keys = keys.filter_map(|(k, s)| band_key(s, band).map(|key| (key, k)));
                let runs = BandRuns::new(keys.collect());
                let pairs: Vec<_> = runs
                    .pieces()
                    .flat_map(|piece| BandRuns::pairs(piece, |_, _| true))
                    .collect();
                pairs
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    #[test]
    fn short_articles_are_never_sure_by_estimate() {
        // Full signatures: 0.12 above the default threshold is sure, 0.15 below is dropped.
        assert!((sure_margin(0.8, 1000) - 0.12).abs() < 0.001);
        assert!((estimate_margin(0.8, SIGNATURE) - 0.15).abs() < 0.002);
        // Twenty shingles estimate so roughly that no estimate is sure: they are read.
        assert!(0.8 + sure_margin(0.8, 20) > 1.0);
        assert!(sure_margin(0.8, 20) > sure_margin(0.8, 60));
    }

    #[test]
    fn estimates_discount_chance_agreement() {
        let a: Vec<Bin> = (0..SIGNATURE).map(|i| i as Bin).collect();
        let mut b = a.clone();
        assert_eq!(estimate(&a, &b), 1.0);
        b.iter_mut().for_each(|bin| *bin = bin.wrapping_add(1));
        assert_eq!(estimate(&a, &b), 0.0);
        // Half the bins agree: a little under half, since 1 in 256 agree by chance.
        b[..SIGNATURE / 2].copy_from_slice(&a[..SIGNATURE / 2]);
        let half = estimate(&a, &b);
        assert!(half < 0.5 && half > 0.49, "{half}");
    }

    #[test]
    fn band_pieces_hold_whole_runs_and_every_key() {
        // Keys 0, 0, 1, 1, 2, 2, …: a piece boundary at PIECE_KEYS falls inside a run.
        let keys: Vec<(u64, usize)> = (0..PIECE_KEYS * 2 + 3)
            .map(|i| ((i / 2) as u64, i))
            .collect();
        let runs = BandRuns(keys.clone());
        let pieces: Vec<&[(u64, usize)]> = runs.pieces().collect();
        assert_eq!(pieces.concat(), keys);
        for pair in pieces.windows(2) {
            assert_ne!(
                pair[0].last().unwrap().0,
                pair[1][0].0,
                "a run split between pieces"
            );
        }
        let pairs: Vec<_> = pieces
            .iter()
            .flat_map(|p| BandRuns::pairs(p, |_, _| true))
            .collect();
        assert_eq!(pairs.len(), keys.len() / 2);
        assert!(pairs.iter().all(|&(i, j)| j == i + 1 && i % 2 == 0));
    }

    #[test]
    fn near_duplicates_are_candidates_and_verified() {
        let base = "市交通运输局举办第三届城市公交服务技能大赛，共有四十二家公交企业选派的一百零六名驾驶员参赛，经过两天理论考试和实际操作比拼，共有二十名选手进入决赛。";
        let edited = base.replace("两天", "三天").replace("二十名", "二十二名");
        let other = "市文化和旅游局聚焦夜间经济发展主题，围绕城市文旅融合主线，打造新业态培育新场景，着力推动文化消费提质扩容。";
        let sets: Vec<Vec<u64>> = [base, &edited, other]
            .iter()
            .map(|t| shingles(&normal::block(t)))
            .collect();
        let sigs: Vec<Box<[Bin]>> = sets.iter().map(|s| minhash(s)).collect();
        let refs: Vec<&[Bin]> = sigs.iter().map(|s| &**s).collect();
        let pairs = candidates(&refs);
        assert!(pairs.contains(&(0, 1)), "{pairs:?}");
        assert!(jaccard(&sets[0], &sets[1]) > 0.7);
        assert!(jaccard(&sets[0], &sets[2]) < 0.1);
        let mut clusters = Clusters::new(3);
        clusters.join(1, 0);
        assert_eq!((clusters.root(1), clusters.root(2)), (0, 2));
    }
}
