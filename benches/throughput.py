#!/usr/bin/env python3
"""Throughput of the whole `scour clean` pipeline, in MB per CPU-second, at one and two
threads, and against autocorrect (`autocorrect --fix` on a copy of the same files) in the
same run.

    python3 benches/throughput.py [--mb 24] [--runs 3] [--dir DIR] [--autocorrect PATH]
    python3 benches/throughput.py --quick    # 2 MB, one run: a check that it all runs (CI)

It builds scour (release), writes a corpus with `examples/gen_corpus.rs` unless DIR holds
one, and reports the median of RUNS runs of each command, run in rounds (each command once a
round, so a drift in the machine's speed moves all of them alike). Put DIR on tmpfs
(`/dev/shm`, the default where it exists) to measure scour rather than the disk: on a slow
disk creating thousands of output files dominates the system time. autocorrect is looked
for in PATH and in ./node_modules/.bin (`npm install autocorrect-node`); without it that row
is skipped.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(argv):
    """Runs argv with its output discarded; returns (wall seconds, CPU seconds, peak KB)."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # autocorrect --fix exits 1 when it changed files
        sys.exit(f"{argv[0]} exited {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def corpus_size(path):
    """The corpus's bytes and files."""
    sizes = [f.stat().st_size for f in path.rglob("*") if f.is_file()]
    return sum(sizes), len(sizes)


def find_autocorrect(given):
    for candidate in [given, shutil.which("autocorrect"), ROOT / "node_modules/.bin/autocorrect"]:
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=24, help="corpus size to generate")
    parser.add_argument("--runs", type=int, default=3)
    default_dir = "/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir()
    parser.add_argument("--dir", default=os.path.join(default_dir, "scour-throughput"))
    parser.add_argument("--autocorrect")
    parser.add_argument("--profile", default="release", help="cargo profile to build scour with")
    parser.add_argument("--quick", action="store_true", help="2 MB and one run")
    args = parser.parse_args()
    if args.quick:
        args.mb, args.runs = 2, 1
        args.dir += "-quick"

    subprocess.run(
        ["cargo", "build", "--locked", "--quiet", "--profile", args.profile]
        + ["--bin", "scour", "--example", "gen_corpus"],
        cwd=ROOT,
        check=True,
    )
    # (cargo names the release and bench profiles' directory `release`.)
    target = ROOT / "target" / ("release" if args.profile == "bench" else args.profile)
    scour = target / "scour"
    work = Path(args.dir)
    corpus = work / "corpus"
    if not corpus.is_dir():
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [target / "examples/gen_corpus", corpus, str(args.mb)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    size, files = corpus_size(corpus)
    mb = size / 1e6
    print(f"corpus: {corpus} ({mb:.1f} MB, {files} files), median of {args.runs} runs")

    out = work / "out"
    copy = work / "autocorrect"

    def fresh_out():
        shutil.rmtree(out, ignore_errors=True)

    def fresh_copy():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(corpus, copy)

    commands = [
        ("scour -j1", fresh_out, [scour, "clean", corpus, "--out", out, "-j", "1"]),
        ("scour -j2", fresh_out, [scour, "clean", corpus, "--out", out, "-j", "2"]),
    ]
    autocorrect = find_autocorrect(args.autocorrect)
    if autocorrect is not None:
        commands.append(("autocorrect --fix", fresh_copy, [autocorrect, "--fix", copy]))
    # Round by round, every command once a round: a machine whose speed drifts (a shared
    # host) shifts all of them alike, and the ratios hold.
    results = {name: [] for name, _, _ in commands}
    for _ in range(args.runs):
        for name, prepare, argv in commands:
            prepare()
            results[name].append(run(argv))
    fresh_out()
    shutil.rmtree(copy, ignore_errors=True)

    medians = {}
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        medians[name] = (wall, cpu)
        print(
            f"{name:<16} {wall:7.2f} s wall {cpu:7.2f} CPU-s {mb / cpu:7.2f} MB/CPU-s "
            f"{peak / 1024:7.0f} MiB peak"
        )
    one, two = medians["scour -j1"], medians["scour -j2"]
    print(f"2 threads / 1 thread (wall): {one[0] / two[0]:.2f}x")
    if autocorrect is None:
        print("autocorrect not found (npm install autocorrect-node): comparison skipped")
        return
    peer = medians["autocorrect --fix"]
    print(f"scour -j1 / autocorrect (MB per CPU-second): {peer[1] / one[1]:.2f}x")


if __name__ == "__main__":
    main()
