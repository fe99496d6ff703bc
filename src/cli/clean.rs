//! `scour clean`: the batch job. Reads every input in parallel and writes the mirror tree of
//! clean texts, the diffs and report.json; `scour clean -` filters stdin to stdout.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use scour::corpus::boilerplate::Boilerplate;
use scour::corpus::index::Index;
use scour::corpus::{self, Article, Batch, Fingerprints};
use scour::pipeline::{self, Suspended};
use scour::report::{self, DuplicateGroup, DuplicateMember, DuplicateReport, Status, Summary};
use scour::walk::Input;
use scour::{Config, FileReport, process};

use super::spill::{Entries, Spill};
use super::{Common, EXIT_ERROR, is_stdin, print_problems, progress_bar};

/// Where file reports wait, inside the output directory, until report.json is written.
const PARTS: &str = ".report-parts";

/// Where the articles' fingerprints wait for phase 2.
const PRINTS: &str = ".fingerprints";

/// Where the articles' shingle sets wait for phase 2 (to confirm near duplicates).
const SHINGLES: &str = ".shingles";

/// Where each article waits for phase 3: its bytes as phase 1 read them, and its pipeline
/// suspended at the corpus passes.
const STATES: &str = ".states";

/// Where the diffs that the review page embeds wait for it (up to the page's budget): read back
/// from one spill, not opened again one file at a time.
const PAGE_DIFFS: &str = ".page-diffs";

/// A spill this small is read back into memory (at most three are held at once): a batch of
/// tens of thousands of articles is read from memory, an archive's from the disk.
const SPILL_IN_MEMORY: u64 = 32 << 20;

/// Articles phase 3 finishes between updates of the batch's list.
const FINISH_CHUNK: usize = 4096;

/// Held while a run writes its output directory.
const LOCK: &str = ".scour-lock";

#[derive(Debug, clap::Args)]
pub struct CleanArgs {
    /// Files and directories to clean, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory: clean/, diffs/ and report.json are written here.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Inputs are JSON lines `{"id": …, "text": …}`; cleaned records (with their edit and
    /// finding counts) go to stdout, or to DIR/clean.jsonl with --out.
    #[arg(long)]
    jsonl: bool,
    #[command(flatten)]
    corpus: CorpusArgs,
    #[command(flatten)]
    common: Common,
}

/// Options of the corpus phase: boilerplate and duplicates across the batch.
#[derive(Debug, clap::Args)]
struct CorpusArgs {
    /// Remove boilerplate blocks, or only report them.
    #[arg(long, value_enum, default_value_t = BoilerplateMode::Remove)]
    boilerplate: BoilerplateMode,
    /// A block in at least this many distinct articles is boilerplate.
    #[arg(long, value_name = "N", default_value_t = 3)]
    min_articles: u32,
    /// Articles at least this similar (Jaccard of shingles) are near duplicates.
    #[arg(long, value_name = "J", default_value_t = 0.8)]
    similarity: f64,
    /// Write duplicates to clean/ too (they are still listed in report.json).
    #[arg(long)]
    keep_duplicates: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BoilerplateMode {
    Remove,
    Report,
}

pub fn run(args: CleanArgs) -> Result<ExitCode, String> {
    let settings = args.common.settings()?;
    if args.jsonl {
        let config = args.common.config_for(&settings, &Input::stdin());
        return super::jsonl::run(
            &args.inputs,
            args.out.as_deref(),
            &config,
            &args.common.pool()?,
        );
    }
    if is_stdin(&args.inputs) {
        return clean_stdin(&args.common.config_for(&settings, &Input::stdin()));
    }
    let out = args
        .out
        .as_deref()
        .ok_or("--out DIR is required (or give `-` to filter stdin to stdout)")?;
    let pool = args.common.pool()?;
    let index_path = args.common.index_path(&settings);
    let index = index_path.as_deref().map(Index::load).transpose()?;
    let lock = prepare_output(out)?;

    let started = Instant::now();
    // Problems found before cleaning (walk errors, clashing output paths), then the files.
    let (mut inputs, errors) = args.common.inputs(&args.inputs, &settings);
    let mut problems: Vec<FileReport> = errors
        .into_iter()
        .map(|e| FileReport::failed(e.path, e.message))
        .collect();
    // The first input of each output path is cleaned. (Found by sorting positions: a set of
    // the names would take more memory than the inputs.)
    let mut by_name: Vec<u32> = (0..inputs.len() as u32).collect();
    by_name.sort_by(|&a, &b| inputs[a as usize].rel.cmp(&inputs[b as usize].rel));
    let mut first = vec![true; inputs.len()];
    for same in by_name.chunk_by(|&a, &b| inputs[a as usize].rel == inputs[b as usize].rel) {
        same[1..]
            .iter()
            .for_each(|&later| first[later as usize] = false);
    }
    drop(by_name);
    let mut first = first.into_iter();
    inputs.retain(|input| {
        let first = first.next().unwrap_or(true);
        if !first {
            problems.push(FileReport::failed(
                input.path.display().to_string(),
                format!(
                    "output path clean/{} is taken by an earlier input",
                    input.rel
                ),
            ));
        }
        first
    });
    inputs.shrink_to_fit();

    // Phase 1: clean every file up to the corpus passes; its bytes, the suspended pipeline
    // and the fingerprints are spilled to disk as they are made, and only counts and hashes
    // stay in memory. (Nothing is written yet: phase 3 writes every output once, and reads no
    // input again.)
    let parts = Spill::create(&out.join(PARTS))?;
    let states = Spill::create(&out.join(STATES))?;
    let prints = Spill::create(&out.join(PRINTS))?;
    let shingles = Spill::create(&out.join(SHINGLES))?;
    let progress = progress_bar(inputs.len() as u64);
    // The counts of the report, kept as each file's report is made (memory holds none of
    // them).
    let tally = Mutex::new(Summary::default());
    let config_of = |input: &Input| args.common.config_for(&settings, input);
    let mut done: Vec<Done> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let first = first_pass(&args.common, input, &config_of(input));
                progress.inc(1);
                match first {
                    Ok(kept) => Done::kept(&states, &prints, &shingles, kept),
                    Err(report) => Done::new(&parts, *report, &tally),
                }
            })
            .collect::<Result<_, String>>()
    })?;
    progress.finish_and_clear();

    // Phase 2: decide across the batch (the inputs that have fingerprints) and the index.
    let batch = Cleaned::new(
        &inputs,
        &done,
        prints.finish(SPILL_IN_MEMORY)?,
        shingles.finish(SPILL_IN_MEMORY)?,
    );
    let empty = Index::new();
    let decisions = pool.install(|| {
        corpus::decide(
            &batch,
            index.as_ref().unwrap_or(&empty),
            args.corpus.min_articles,
            args.corpus.similarity,
            index.is_some(),
            |k| batch.shingles(k),
        )
    });
    // Which articles hold boilerplate: phase 3 removes it from them.
    let mut has_boilerplate = vec![false; batch.len()];
    batch.each_fingerprints(&mut |k, fingerprints| {
        has_boilerplate[k] =
            (fingerprints.blocks.iter()).any(|b| decisions.boilerplate.contains_key(b));
    });
    batch.failed()?;

    // Phase 3: finish every article with what the batch decided, and write it.
    let corpus::Decisions {
        boilerplate,
        duplicates,
        learned,
    } = decisions;
    let boilerplate = Arc::new(Boilerplate {
        blocks: boilerplate,
        remove: args.corpus.boilerplate == BoilerplateMode::Remove,
    });
    // (By canonical path: an archive has tens of thousands of groups.)
    let mut groups: BTreeMap<String, DuplicateGroup> = BTreeMap::new();
    // (Sized once: half a million entries grown by doubling would hold two copies at a time.)
    let mut finish: Vec<(usize, Option<DuplicateReport>, bool, Range<u64>)> =
        Vec::with_capacity(duplicates.len());
    for (k, duplicate) in duplicates.into_iter().enumerate() {
        let (i, article) = (batch.of_input[k], batch.article(k));
        let duplicate = duplicate.map(|d| DuplicateReport {
            path: d.canonical,
            rule: if d.method == "exact" {
                "dedup/exact"
            } else {
                "dedup/near"
            },
            similarity: (d.similarity * 1000.0).round() / 1000.0,
        });
        if let Some(d) = &duplicate {
            let member = DuplicateMember {
                path: article.path.to_string(),
                rule: d.rule,
                similarity: d.similarity,
            };
            groups
                .entry(d.path.clone())
                .or_insert_with(|| DuplicateGroup {
                    canonical: d.path.clone(),
                    members: Vec::new(),
                })
                .members
                .push(member);
        }
        let dropped = duplicate.filter(|_| !args.corpus.keep_duplicates);
        finish.push((
            i,
            dropped,
            has_boilerplate[k],
            batch.spilled(k).state.clone(),
        ));
    }
    let groups: Vec<DuplicateGroup> = groups.into_values().collect();
    // The fingerprints have served: phase 3 and the report need none.
    drop(batch);
    done.iter_mut().for_each(|d| d.corpus = None);
    let states = states.finish(SPILL_IN_MEMORY)?;
    let page_diffs = PageDiffs {
        spill: Spill::create(&out.join(PAGE_DIFFS))?,
        room: AtomicUsize::new(super::review::PAGE_BUDGET),
    };
    // A chunk at a time: the new entries of half a million articles would be a second list.
    let mut finish = finish.into_iter();
    loop {
        let chunk: Vec<_> = finish.by_ref().take(FINISH_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let finished: Vec<(usize, Done)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|(i, dropped, has_boilerplate, state)| {
                    let input = &inputs[i];
                    let mut config = config_of(input);
                    let state = states
                        .get(&state)
                        .map_err(|e| format!("cannot read back an article's state: {e}"))?;
                    let state = State::from_bytes(&state)
                        .ok_or("cannot read back an article's state: the file is damaged")?;
                    let (report, diff) = match dropped {
                        Some(of) => drop_duplicate(input, out, &config, state.source, of),
                        None => {
                            if has_boilerplate {
                                config.boilerplate = Some(boilerplate.clone());
                            }
                            clean_file(input, out, &config, state)
                        }
                    };
                    let mut done = Done::new(&parts, report, &tally)?;
                    done.diff = page_diffs.keep(diff)?;
                    Ok((i, done))
                })
                .collect::<Result<_, String>>()
        })?;
        for (i, finished) in finished {
            done[i] = finished;
        }
    }
    drop(states);
    let page_diffs = page_diffs.spill.finish(SPILL_IN_MEMORY)?;
    if let (Some(path), Some(mut index)) = (&index_path, index) {
        index.merge(learned);
        index.save(path)?;
    }

    let parts = parts.finish(SPILL_IN_MEMORY)?;
    let mut summary = tally.into_inner().unwrap_or_else(|e| e.into_inner());
    problems.iter().for_each(|p| summary.add(p));
    let head_problems = problems.len();
    for d in &mut done {
        problems.extend(d.problem.take().map(|p| *p));
    }
    let files = problems[..head_problems]
        .iter()
        .map(|p| Ok(p.to_json()))
        .chain(done.iter().map(|d| parts.get(&d.part)));
    let report = out.join("report.json");
    let mut writer = std::io::BufWriter::new(create(&report)?);
    report::write_streamed(
        &mut writer,
        settings.file.as_deref(),
        &summary,
        &groups,
        files,
    )
    .and_then(|()| std::io::Write::flush(&mut writer))
    .map_err(|e| format!("cannot write {}: {e}", report.display()))?;
    let entries = problems[..head_problems]
        .iter()
        .map(|p| Ok((p.path.clone(), p.to_json(), None)))
        .chain((inputs.iter().zip(&done)).map(|(input, d)| {
            let diff = (!d.diff.is_empty()).then(|| page_diffs.get(&d.diff));
            Ok((
                input.rel.to_string(),
                parts.get(&d.part)?,
                diff.transpose()?,
            ))
        }));
    pool.install(|| {
        super::review::write_page(&out.join("review.html"), &summary, entries, |rel| {
            super::diff_file(out, rel)
        })
    })?;
    drop((parts, page_diffs));
    let _ = std::fs::remove_file(out.join(LOCK));
    drop(lock);

    let s = &summary;
    eprintln!(
        "scour: {} files: {} changed, {} unchanged, {} duplicates, {} skipped, {} errors; {} edits in {:.2}s → {}",
        s.files,
        s.changed,
        s.unchanged,
        s.duplicates,
        s.skipped,
        s.errors,
        s.edits,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    print_problems(&problems);
    Ok(if s.errors > 0 {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}

/// What the batch keeps of one input: where its report entry lies (once it has one),
/// counts, and its report only if it is a problem to print.
struct Done {
    /// Where its report entry lies in the spill (empty for an article phase 3 has not
    /// finished yet).
    part: Range<u64>,
    /// Where its diff lies in the page's spill (empty if the page reads it from its file).
    diff: Range<u64>,
    findings: u32,
    problem: Option<Box<FileReport>>,
    /// For an article phase 2 reads.
    corpus: Option<Spilled>,
}

/// An article's fingerprints: the hashes phase 2 compares at every turn, and where the
/// rest and its shingle set lie.
struct Spilled {
    exact: [u8; 16],
    shingles: u32,
    at: Range<u64>,
    shingles_at: Range<u64>,
    /// Where its bytes and suspended pipeline lie, for phase 3 ([`State`]).
    state: Range<u64>,
}

impl Done {
    /// Spills `report`, counts it in `tally`, and keeps what the batch needs of it.
    fn new(parts: &Spill, report: FileReport, tally: &Mutex<Summary>) -> Result<Self, String> {
        (tally.lock().unwrap_or_else(|e| e.into_inner())).add(&report);
        let mut entry = Vec::new();
        report
            .write_json(&mut entry)
            .expect("writing to memory cannot fail");
        let problem = matches!(report.status, Status::Error | Status::Skipped);
        Ok(Done {
            part: parts.put(&entry)?,
            diff: 0..0,
            findings: u32::try_from(report.findings.len()).unwrap_or(u32::MAX),
            problem: problem.then(|| Box::new(report)),
            corpus: None,
        })
    }

    /// Spills what phase 1 kept of an article (its state, fingerprints and shingle set) and
    /// keeps what the batch needs.
    fn kept(states: &Spill, prints: &Spill, shingles: &Spill, kept: Kept) -> Result<Self, String> {
        Ok(Done {
            part: 0..0,
            diff: 0..0,
            findings: kept.findings,
            problem: None,
            corpus: Some(Spilled {
                exact: kept.fingerprints.exact,
                shingles: kept.fingerprints.shingles,
                at: prints.put(&kept.fingerprints.to_bytes())?,
                shingles_at: shingles.put(&shingle_bytes(&kept.shingles))?,
                state: states.put(&kept.state)?,
            }),
        })
    }
}

/// An article as phase 3 takes it up: its bytes as phase 1 read them, and its pipeline
/// suspended at the corpus passes ([`Suspended::to_bytes`]), spilled as the length of the
/// bytes, the bytes and the pipeline.
struct State<'a> {
    source: &'a [u8],
    suspended: &'a [u8],
}

impl<'a> State<'a> {
    fn to_bytes(source: &[u8], suspended: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(8 + source.len() + suspended.len());
        bytes.extend_from_slice(&(source.len() as u64).to_le_bytes());
        bytes.extend_from_slice(source);
        bytes.extend_from_slice(suspended);
        bytes
    }

    /// The state in bytes [`State::to_bytes`] made, or `None` for bytes it cannot have.
    fn from_bytes(bytes: &'a [u8]) -> Option<Self> {
        let len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
        let rest = &bytes[8..];
        let len = usize::try_from(len).ok().filter(|&len| len <= rest.len())?;
        let (source, suspended) = rest.split_at(len);
        Some(State { source, suspended })
    }
}

/// The articles of phase 1 that have fingerprints, as phase 2 reads them: article `k` is
/// input `of_input[k]`, and its fingerprints are read back from the spill.
struct Cleaned<'a> {
    inputs: &'a [Input],
    done: &'a [Done],
    of_input: Vec<usize>,
    prints: Entries,
    shingles: Entries,
    /// The articles in the order their fingerprints lie in the spill.
    in_spill_order: Vec<u32>,
    /// The first failure to read the spill back (the article reads as without fingerprints).
    error: Mutex<Option<String>>,
}

impl<'a> Cleaned<'a> {
    fn new(inputs: &'a [Input], done: &'a [Done], prints: Entries, shingles: Entries) -> Self {
        let of_input: Vec<usize> = (0..done.len())
            .filter(|&i| done[i].corpus.is_some())
            .collect();
        let mut in_spill_order: Vec<u32> = (0..of_input.len() as u32).collect();
        in_spill_order.sort_unstable_by_key(|&k| {
            (done[of_input[k as usize]].corpus.as_ref()).map(|spilled| spilled.at.start)
        });
        Cleaned {
            inputs,
            done,
            of_input,
            prints,
            shingles,
            in_spill_order,
            error: Mutex::new(None),
        }
    }

    fn spilled(&self, k: usize) -> &'a Spilled {
        (self.done[self.of_input[k]].corpus.as_ref())
            .expect("the batch lists inputs with fingerprints")
    }

    /// Keeps the first failure to read the spill back, as the run's error.
    fn note(&self, error: impl ToString) {
        let mut first = self.error.lock().unwrap_or_else(|e| e.into_inner());
        first.get_or_insert_with(|| error.to_string());
    }

    /// Fingerprints read back, or none if their bytes are damaged (noted as the run's error).
    fn decoded(&self, bytes: &[u8]) -> Fingerprints {
        Fingerprints::from_bytes(bytes).unwrap_or_else(|| {
            self.note("the file is damaged");
            Fingerprints::default()
        })
    }

    /// Visits every article's fingerprint bytes in one pass over the spill.
    fn each_entry(&self, visit: &mut dyn FnMut(usize, &[u8])) {
        let ranges = (self.in_spill_order.iter()).map(|&k| self.spilled(k as usize).at.clone());
        let mut order = self.in_spill_order.iter();
        let read = self.prints.read_in_order(ranges, |bytes| {
            visit(*order.next().expect("one article a range") as usize, bytes);
        });
        if let Err(e) = read {
            self.note(e);
        }
    }

    /// The shingle set of article `k` ([`corpus::narrow_shingles`]), read back.
    fn shingles(&self, k: usize) -> Box<[u32]> {
        match self.shingles.get(&self.spilled(k).shingles_at) {
            Ok(bytes) => bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
                .collect(),
            Err(e) => {
                self.note(e);
                Box::default()
            }
        }
    }

    /// The first failure to read the fingerprints back, as the run's error.
    fn failed(&self) -> Result<(), String> {
        match self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            Some(e) => Err(format!("cannot read back the batch's fingerprints: {e}")),
            None => Ok(()),
        }
    }
}

impl corpus::Batch for Cleaned<'_> {
    fn len(&self) -> usize {
        self.of_input.len()
    }

    fn article(&self, k: usize) -> Article<'_> {
        let i = self.of_input[k];
        let spilled = self.spilled(k);
        Article {
            path: &self.inputs[i].rel,
            findings: self.done[i].findings as usize,
            exact: spilled.exact,
            shingles: spilled.shingles,
        }
    }

    fn fingerprints(&self, k: usize) -> Fingerprints {
        match self.prints.get(&self.spilled(k).at) {
            Ok(bytes) => self.decoded(&bytes),
            Err(e) => {
                self.note(e);
                Fingerprints::default()
            }
        }
    }

    fn each_fingerprints(&self, visit: &mut dyn FnMut(usize, Fingerprints)) {
        self.each_entry(&mut |k, bytes| visit(k, self.decoded(bytes)));
    }

    fn each_signature(&self, visit: &mut dyn FnMut(usize, &[corpus::dedup::Bin])) {
        self.each_entry(&mut |k, bytes| match Fingerprints::signature_in(bytes) {
            Some(signature) => visit(k, signature),
            None => self.note("the file is damaged"),
        });
    }
}

/// A shingle set as the scratch file holds it.
fn shingle_bytes(shingles: &[u32]) -> Vec<u8> {
    shingles.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// A duplicate is not kept: it has no clean copy, and its diff removes everything.
fn drop_duplicate(
    input: &Input,
    out: &Path,
    config: &Config,
    source: &[u8],
    of: DuplicateReport,
) -> (FileReport, Option<Vec<u8>>) {
    let Some(rel) = rel_path(&input.rel) else {
        return (
            FileReport::failed(input.rel.to_string(), OUTSIDE.into()),
            None,
        );
    };
    let text = scour::decode::decode(source, config.encoding).ok();
    let mut kept = None;
    if let Some(text) = text {
        let diff = scour::diff::unified(&text.text, "", &input.rel);
        if let Err(e) = write(&super::diff_file(out, &rel), diff.as_bytes()) {
            return (FileReport::failed(input.rel.to_string(), e), None);
        }
        kept = Some(diff.into_bytes());
    }
    let report = FileReport {
        status: Status::Duplicate,
        duplicate_of: Some(of),
        ..FileReport::unchanged(input.rel.to_string())
    };
    (report, kept)
}

/// What phase 1 keeps of an article for the batch.
struct Kept {
    fingerprints: Fingerprints,
    /// [`corpus::narrow_shingles`].
    shingles: Box<[u32]>,
    /// Its bytes and its pipeline suspended at the corpus passes ([`State::to_bytes`]).
    state: Vec<u8>,
    /// Its findings without the batch's decisions (the kept copy of a duplicate cluster is
    /// the one with fewest).
    findings: u32,
}

/// Phase 1 of an input: reads it and cleans it up to the corpus passes, keeping what the
/// batch needs; every failure becomes the file's report.
fn first_pass(common: &Common, input: &Input, config: &Config) -> Result<Kept, Box<FileReport>> {
    let failed = |error: String| Box::new(FileReport::failed(input.rel.to_string(), error));
    if rel_path(&input.rel).is_none() {
        return Err(failed(OUTSIDE.into()));
    }
    let bytes = common.read(&input.path, &input.rel)?;
    let text = scour::decode::decode(&bytes, config.encoding)
        .map_err(|error| Box::new(FileReport::undecodable(input.rel.to_string(), &error)))?
        .text;
    let suspended = pipeline::suspend(&text, config);
    let state = State::to_bytes(&bytes, &suspended.to_bytes());
    // (Its findings and clean text, as the article would stand alone: what the batch
    // decides on.)
    let (clean, findings) = pipeline::resume_untraced(&text, config, suspended);
    let (fingerprints, shingles) = corpus::fingerprints_and_shingles(&clean);
    Ok(Kept {
        fingerprints,
        shingles,
        state,
        findings: u32::try_from(findings.len()).unwrap_or(u32::MAX),
    })
}

/// Why an input's output path is refused.
const OUTSIDE: &str = "output path would leave the output directory";

/// The diffs phase 3 keeps for the review page, until their bytes fill the page's budget.
struct PageDiffs {
    spill: Spill,
    room: AtomicUsize,
}

impl PageDiffs {
    /// Keeps `diff` if the page embeds one that large and there is room for it: where it
    /// lies, or an empty range.
    fn keep(&self, diff: Option<Vec<u8>>) -> Result<Range<u64>, String> {
        let Some(diff) = diff.filter(|d| d.len() <= super::review::MAX_EMBEDDED) else {
            return Ok(0..0);
        };
        let fits = |room: usize| room.checked_sub(diff.len());
        match self
            .room
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, fits)
        {
            Ok(_) => self.spill.put(&diff),
            Err(_) => Ok(0..0),
        }
    }
}

/// A writer that keeps a copy of what it writes, while that is no larger than the page
/// embeds (a larger diff is not held in memory for nothing).
struct KeepingCopy<W> {
    inner: W,
    copy: Option<Vec<u8>>,
}

impl<W: Write> Write for KeepingCopy<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes)?;
        if let Some(copy) = &mut self.copy {
            if copy.len() + written <= super::review::MAX_EMBEDDED {
                copy.extend_from_slice(&bytes[..written]);
            } else {
                self.copy = None;
            }
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Phase 3 of an article: resumes the pipeline phase 1 suspended on the bytes it read, and
/// writes its clean text and diff; every failure becomes the file's report. Gives the diff
/// too, unless it is larger than the review page embeds.
fn clean_file(
    input: &Input,
    out: &Path,
    config: &Config,
    state: State,
) -> (FileReport, Option<Vec<u8>>) {
    let processed = scour::process_with(&input.rel, state.source, config, |text| {
        // (Bytes that do not read back are cleaned from the source: the same result.)
        match Suspended::from_bytes(state.suspended) {
            Some(state) => pipeline::resume(text, config, state),
            None => pipeline::clean_text(text, config),
        }
    });
    let Some(clean) = &processed.clean else {
        return (processed.report, None);
    };
    let Some(rel) = rel_path(&input.rel) else {
        return (
            FileReport::failed(input.rel.to_string(), OUTSIDE.into()),
            None,
        );
    };
    let mut written = write(&out.join("clean").join(&rel), clean.as_bytes()).map(|()| None);
    if written.is_ok() && processed.report.status == Status::Changed {
        let diff_path = super::diff_file(out, &rel);
        written = create(&diff_path).and_then(|file| {
            let copy = Some(Vec::new());
            let mut file = std::io::BufWriter::new(KeepingCopy { inner: file, copy });
            processed
                .write_diff(&mut file)
                .and_then(|()| file.flush())
                .map(|()| file.into_parts().0.copy)
                .map_err(|e| format!("cannot write {}: {e}", diff_path.display()))
        });
    }
    match written {
        Ok(diff) => (processed.report, diff),
        Err(e) => (FileReport::failed(input.rel.to_string(), e), None),
    }
}

/// A `/`-separated relative path as a path of this system, if it stays inside the output
/// directory (no `..`, no root, no drive).
fn rel_path(rel: &str) -> Option<PathBuf> {
    let path: PathBuf = rel.split('/').collect();
    path.components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        .then_some(path)
}

/// Creates the file at `path`, and its directories.
fn create(path: &Path) -> Result<std::fs::File, String> {
    // Its directory is there but for the first file in it: made then, not tried every time
    // (a failed mkdir still locks the directory that file creation needs).
    let file = match std::fs::File::create(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::File::create(path)
        }
        file => file,
    };
    file.map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::io::Write::write_all(&mut create(path)?, bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Makes `out` ready for a fresh run: creates it, or clears the results of an earlier run.
/// A non-empty directory that is not a scour output is refused, never overwritten. The run
/// holds `out/.scour-lock` (an advisory lock the system releases when the process ends), so
/// a second run into the same directory is refused instead of clearing the first one's files.
fn prepare_output(out: &Path) -> Result<std::fs::File, String> {
    let shown = out.display();
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot use output directory {shown}: {e}")),
        Ok(entries) => {
            let mut ours = entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name() != LOCK);
            if ours.next().is_some() && !out.join("report.json").is_file() {
                return Err(format!(
                    "output directory {shown} is not empty and holds no report.json from an \
                     earlier scour run; choose a new or empty directory"
                ));
            }
        }
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {shown}: {e}"))?;
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(LOCK))
        .map_err(|e| format!("cannot lock {shown}: {e}"))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            return Err(format!(
                "another scour run is writing to {shown}; wait for it or choose another directory"
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(format!("cannot lock {shown}: {e}")),
    }
    for stale in ["review.html", PARTS, PRINTS, SHINGLES, STATES, PAGE_DIFFS] {
        let _ = std::fs::remove_file(out.join(stale));
    }
    // (Earlier versions spilled report entries into a directory of PARTS.)
    for stale in ["clean", "diffs", PARTS] {
        let dir = out.join(stale);
        if dir.is_dir() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
        }
    }
    Ok(lock)
}

/// `scour clean -`: stdin to stdout, the summary on stderr.
fn clean_stdin(config: &Config) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let processed = process("-", &bytes, config);
    let Some(clean) = processed.clean else {
        return Err(format!(
            "standard input: {}",
            processed.report.error.unwrap_or_default()
        ));
    };
    std::io::stdout()
        .write_all(clean.as_bytes())
        .map_err(|e| format!("cannot write standard output: {e}"))?;
    eprintln!("scour: {} edits", processed.report.edits.len());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_keeps_diffs_while_they_fit_its_budget() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let diffs = PageDiffs {
            spill: Spill::create(&dir.path().join(PAGE_DIFFS)).expect("a spill"),
            room: AtomicUsize::new(10),
        };
        assert_eq!(diffs.keep(Some(b"--- a\n".to_vec())), Ok(0..6));
        assert_eq!(
            diffs.keep(Some(b"--- b\n".to_vec())),
            Ok(0..0),
            "no room left"
        );
        assert_eq!(diffs.keep(Some(b"--- c".to_vec()[..4].to_vec())), Ok(6..10));
        assert_eq!(diffs.keep(None), Ok(0..0));
        let kept = diffs.spill.finish(1 << 20).expect("read back");
        assert_eq!(kept.get(&(6..10)).expect("kept"), b"--- ");
    }

    #[test]
    fn a_diff_is_copied_while_no_larger_than_the_page_embeds() {
        let copy_of = |len: usize| {
            let mut writer = KeepingCopy {
                inner: Vec::new(),
                copy: Some(Vec::new()),
            };
            let bytes = vec![b'x'; len];
            writer
                .write_all(&bytes[..len / 2])
                .and_then(|()| writer.write_all(&bytes[len / 2..]))
                .expect("written to memory");
            assert_eq!(writer.inner.len(), len, "everything reaches the file");
            writer.copy
        };
        assert_eq!(copy_of(100).map(|c| c.len()), Some(100));
        let largest = super::super::review::MAX_EMBEDDED;
        assert_eq!(copy_of(largest).map(|c| c.len()), Some(largest));
        assert_eq!(copy_of(largest + 1), None);
    }
}
