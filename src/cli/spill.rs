//! A scratch file that holds what a batch makes of every article until it is needed (report
//! entries until report.json is written, fingerprints through phase 2, each article's bytes
//! and suspended pipeline until phase 3): workers append,
//! memory keeps only where each entry lies. One file, not one per article: creating and
//! deleting tens of thousands of small files was most of a batch's system time. A small
//! spill is read back into memory once it is written: phase 2 reads the fingerprints once a
//! band, and a read from memory costs no system call.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Appends entries from any thread; each `put` says where its entry lies.
pub struct Spill {
    path: PathBuf,
    writer: Mutex<(BufWriter<File>, u64)>,
    reader: File,
}

impl Spill {
    pub fn create(path: &Path) -> Result<Self, String> {
        let file =
            File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let reader =
            File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok(Spill {
            path: path.to_path_buf(),
            writer: Mutex::new((BufWriter::new(file), 0)),
            reader,
        })
    }

    /// Appends `entry` and gives its byte range in the file.
    pub fn put(&self, entry: &[u8]) -> Result<Range<u64>, String> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let (writer, end) = &mut *guard;
        writer
            .write_all(entry)
            .map_err(|e| format!("cannot write {}: {e}", self.path.display()))?;
        let start = *end;
        *end += entry.len() as u64;
        Ok(start..*end)
    }

    /// Ends writing; the entries can be read back (from memory if they are no more than
    /// `in_memory` bytes).
    pub fn finish(self, in_memory: u64) -> Result<Entries, String> {
        let error = |e: std::io::Error| format!("cannot read {}: {e}", self.path.display());
        let (writer, len) = self.writer.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut file = writer.into_inner().map_err(|e| error(e.into_error()))?;
        file.flush().map_err(error)?;
        let memory = if len <= in_memory {
            Some(read_entry(&self.reader, &(0..len)).map_err(error)?)
        } else {
            None
        };
        Ok(Entries {
            path: self.path,
            file: self.reader,
            memory,
        })
    }
}

/// The written entries, read back by range, from any thread.
pub struct Entries {
    path: PathBuf,
    file: File,
    /// The whole file, when it was small enough to hold.
    memory: Option<Vec<u8>>,
}

impl Entries {
    pub fn get(&self, range: &Range<u64>) -> std::io::Result<Vec<u8>> {
        match &self.memory {
            Some(bytes) => Ok(in_memory(bytes, range)?.to_vec()),
            None => read_entry(&self.file, range),
        }
    }

    /// Reads the entries at `ranges` (in ascending order) in one sequential pass.
    pub fn read_in_order(
        &self,
        ranges: impl IntoIterator<Item = Range<u64>>,
        mut visit: impl FnMut(&[u8]),
    ) -> std::io::Result<()> {
        if let Some(bytes) = &self.memory {
            for range in ranges {
                visit(in_memory(bytes, &range)?);
            }
            return Ok(());
        }
        let mut reader = BufReader::with_capacity(1 << 20, File::open(&self.path)?);
        let (mut at, mut entry) = (0, Vec::new());
        for range in ranges {
            reader.seek_relative(range.start as i64 - at as i64)?;
            entry.resize((range.end - range.start) as usize, 0);
            reader.read_exact(&mut entry)?;
            at = range.end;
            visit(&entry);
        }
        Ok(())
    }
}

/// The bytes at `range` of the file held in memory.
fn in_memory<'a>(bytes: &'a [u8], range: &Range<u64>) -> std::io::Result<&'a [u8]> {
    usize::try_from(range.start)
        .ok()
        .zip(usize::try_from(range.end).ok())
        .and_then(|(start, end)| bytes.get(start..end))
        .ok_or_else(|| std::io::ErrorKind::UnexpectedEof.into())
}

/// The bytes of `file` at `range`, by a positional read (no shared cursor to lock).
fn read_entry(file: &File, range: &Range<u64>) -> std::io::Result<Vec<u8>> {
    let mut entry = vec![0; (range.end - range.start) as usize];
    read_at(file, &mut entry, range.start)?;
    Ok(entry)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

impl Drop for Entries {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn entries_come_back_by_range_from_the_file_or_from_memory() {
        for in_memory in [0, 1 << 20] {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("spill");
            let spill = super::Spill::create(&path).expect("create");
            let a = spill.put(b"first").expect("put");
            let b = spill.put(b"second entry").expect("put");
            let again = spill.put(b"first, again").expect("put");
            let entries = spill.finish(in_memory).expect("finish");
            assert_eq!(entries.memory.is_some(), in_memory > 0);
            assert_eq!(entries.get(&b).expect("read"), b"second entry");
            assert_eq!(entries.get(&a).expect("read"), b"first");
            assert_eq!(entries.get(&again).expect("read"), b"first, again");
            assert!(entries.get(&(20..100)).is_err(), "past the end");
            let mut read = Vec::new();
            entries
                .read_in_order([a, again], |entry| read.push(entry.to_vec()))
                .expect("read in order");
            assert_eq!(read, [&b"first"[..], b"first, again"]);
            drop(entries);
            assert!(!path.exists(), "the scratch file is removed");
        }
    }
}
