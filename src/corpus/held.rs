//! The shingle sets phase 2 holds between confirmation batches. Reading an article back
//! from the output tree costs far more than its shingles weigh, and the bands of a batch
//! ask for the same articles again and again, so the most recently used sets stay, within
//! a budget.

use std::collections::HashMap;

use rayon::prelude::*;

/// Shingles held, 4 bytes each: 32 MB. (Against 64 MB: 35 MB less peak memory on 150,000
/// articles, for 4% more CPU reading articles back.)
const BUDGET: usize = 8 << 20;

/// Shingle sets by article ([`super::narrow_shingles`]).
#[derive(Default)]
pub struct Held {
    sets: HashMap<usize, (Box<[u32]>, u64)>,
    /// Shingles in `sets`.
    size: usize,
    /// Batches fetched so far: when each set was last asked for.
    clock: u64,
}

impl Held {
    /// Makes the sets of `needed` present, reading the missing ones in parallel.
    pub fn fetch(&mut self, needed: &[usize], shingles_of: &(impl Fn(usize) -> Box<[u32]> + Sync)) {
        self.clock += 1;
        let mut missing = Vec::new();
        for &k in needed {
            match self.sets.get_mut(&k) {
                Some((_, used)) => *used = self.clock,
                None => missing.push(k),
            }
        }
        let read: Vec<(usize, Box<[u32]>)> =
            missing.par_iter().map(|&k| (k, shingles_of(k))).collect();
        for (k, set) in read {
            self.size += set.len();
            self.sets.insert(k, (set, self.clock));
        }
    }

    /// The set of article `k`, fetched before.
    pub fn get(&self, k: usize) -> &[u32] {
        self.sets.get(&k).map_or(&[], |(set, _)| set)
    }

    /// Over budget, forgets the sets asked for least recently, down to three quarters of it.
    pub fn trim(&mut self) {
        if self.size <= BUDGET {
            return;
        }
        let mut by_use: Vec<(u64, usize, usize)> = self
            .sets
            .iter()
            .map(|(&k, (set, used))| (*used, k, set.len()))
            .collect();
        by_use.sort_unstable();
        for (_, k, len) in by_use {
            if self.size <= BUDGET / 4 * 3 {
                break;
            }
            self.sets.remove(&k);
            self.size -= len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_was_asked_for_last() {
        let mut held = Held::default();
        let fifth = BUDGET / 5 + 1;
        let set = |k: usize| (0..fifth as u32).map(|s| s + k as u32).collect();
        for k in [0, 1, 2, 3, 0, 4, 5] {
            held.fetch(&[k], &set);
        }
        assert_eq!(held.get(5).len(), fifth);
        held.trim();
        assert!(held.size <= BUDGET / 4 * 3);
        for (k, kept) in [
            (0, true),
            (1, false),
            (2, false),
            (3, false),
            (4, true),
            (5, true),
        ] {
            assert_eq!(!held.get(k).is_empty(), kept, "article {k}");
        }
        assert_eq!(held.get(5)[..2], [5, 6]);
    }
}
