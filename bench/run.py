#!/usr/bin/env python3
"""Whole-process benchmark of the chuan CLI (Python 3 stdlib only).

    python3 bench/run.py [--rows N] [--runs R] [--duckdb]

Generates bench/out/citizens-N.csv with gen_citizens.py (seed 1, error rate 0.02) unless it
exists, then runs `./chuan scan` R times with bench/citizens-example.yaml and R times with the
parse-only profile, and prints the median wall time, rows/s, the largest peak RSS, and the
scan's own duration from the JSON report (durationMs: the process minus JVM start-up).
Also runs the built-in vn.citizen-register profile (the shared RULES.md rule set). With --duckdb,
also runs ../shared/bench/duckdb/run.sh (DuckDB on the same RULES.md rules) on the same file,
when that script is there, for a side-by-side comparison in one run.

With --synth, the data comes from `chuan synth -p vn.citizen-register` instead (seed 1, error rate
0.02), and the run ends by scoring a full scan against the synth truth file: injected defects
found at their cell, missed, and cells reported that hold no defect.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")


def timed(cmd):
    """Runs cmd; returns (exit code, wall seconds, peak RSS in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.stderr.close()
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024.0


def bench(name, profile, data, rows, runs):
    walls, rss, scans = [], [], []
    report = os.path.join(OUT, "report.json")
    for _ in range(runs):
        code, wall, peak = timed([os.path.join(ROOT, "chuan"), "scan", "-p", profile, data, "--as-of", "2025-06-30",
                                  "-q", "-f", "json=" + report])
        if code not in (0, 1):
            sys.exit(f"{name}: chuan exited {code}")
        walls.append(wall)
        rss.append(peak)
        with open(report, encoding="utf-8") as f:
            scans.append(json.load(f)["durationMs"] / 1000.0)
    wall = statistics.median(walls)
    scan = statistics.median(scans)
    print(f"{name:<22} wall {wall:6.2f} s  {rows / wall:>10,.0f} rows/s   scan {scan:6.2f} s  "
          f"{rows / scan:>10,.0f} rows/s   peak RSS {max(rss):5.0f} MB   (median of {runs})")


def score_against_truth(data):
    """Scans with every violation written out and compares the reported cells with the synth truth file."""
    report = os.path.join(OUT, "violations.csv")
    subprocess.run([os.path.join(ROOT, "chuan"), "scan", "-p", "vn.citizen-register", data, "--as-of", "2025-06-30",
                    "-q", "--max-examples", "0", "-f", "csv=" + report], stdout=subprocess.DEVNULL)
    found = set()
    with open(report, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["row"]:
                found.add((r["row"], r["field"]))
    with open(data + ".truth.csv", encoding="utf-8", newline="") as f:
        truth = {(r["row"], r["column"]) for r in csv.DictReader(f)}
    print(f"truth: {len(truth):,} defects; found {len(truth & found):,}, missed {len(truth - found):,}, "
          f"cells reported without a defect {len(found - truth):,}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--duckdb", action="store_true")
    ap.add_argument("--synth", action="store_true", help="data from `chuan synth` instead of gen_citizens.py")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    data = os.path.join(OUT, f"citizens-{'synth-' if a.synth else ''}{a.rows}.csv")
    if a.synth and not os.path.exists(data):
        print(f"generating {data} with chuan synth ...", flush=True)
        subprocess.run([os.path.join(ROOT, "chuan"), "synth", "-p", "vn.citizen-register", "--rows", str(a.rows),
                        "--error-rate", "0.02", "--seed", "1", "--as-of", "2025-06-30", "-o", data], check=True,
                       stdout=subprocess.DEVNULL)
    if not os.path.exists(data):
        print(f"generating {data} ...", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_citizens.py"), "--rows", str(a.rows), "--seed", "1",
                        "--error-rate", "0.02", "--format", "csv", "--out", data], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(ROOT, "chuan"), "--version"], check=True, stdout=subprocess.DEVNULL)
    print(f"{a.rows:,} rows, {os.path.getsize(data) / 1e6:.0f} MB, {os.cpu_count()} cores")
    bench("example profile", os.path.join(HERE, "citizens-example.yaml"), data, a.rows, a.runs)
    bench("vn.citizen-register", "vn.citizen-register", data, a.rows, a.runs)
    bench("parse only", os.path.join(HERE, "parse-only.yaml"), data, a.rows, a.runs)
    if a.synth:
        score_against_truth(data)
    duck = os.path.join(ROOT, "..", "shared", "bench", "duckdb", "run.sh")
    if a.duckdb and os.path.exists(duck):
        walls, queries = [], []
        for _ in range(a.runs):
            start = time.perf_counter()
            p = subprocess.run(["bash", duck, data, os.path.join(OUT, "duckdb.csv")], capture_output=True, text=True)
            walls.append(time.perf_counter() - start)
            for tok in p.stdout.split():
                if tok.startswith("query_s="):
                    queries.append(float(tok.split("=")[1]))
        wall = statistics.median(walls)
        query = statistics.median(queries) if queries else float("nan")
        print(f"{'duckdb (RULES.md)':<22} wall {wall:6.2f} s  {a.rows / wall:>10,.0f} rows/s   query {query:6.2f} s  "
              f"{a.rows / query:>10,.0f} rows/s   (median of {a.runs}; wall includes compiling its Java runner)")


if __name__ == "__main__":
    main()
