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

With --sources, the same file is also written as a workbook (bench/ToXlsx.java: one sheet, every value a
text cell) and loaded into a throwaway PostgreSQL server (scripts/db/postgres.sh, text columns, and a key
record_no in the file's order, which the scan's query orders by: a table has no order of its own), and each source is scanned with vn.citizen-register within a 2 GB heap: rows/s and peak RSS for
each, the score of each against the generator's truth file, and whether the three report the same
(record, column, rule) findings.

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


def scan_source(name, target, extra, rows, runs, violations):
    """Scans one source with vn.citizen-register in a 2 GB heap: median wall, rows/s, peak RSS; then once with every violation."""
    env = dict(os.environ, CHUAN_JAVA_OPTS="-Xmx2g")
    cmd = [os.path.join(ROOT, "chuan"), "scan", "-p", "vn.citizen-register", target, "--as-of", "2025-06-30", "-q"] + extra
    walls, rss = [], []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - start)
        rss.append(usage.ru_maxrss / 1024.0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{name}: chuan exited {os.waitstatus_to_exitcode(status)}: {p.stderr.read().decode()[:500]}")
    subprocess.run(cmd + ["--max-examples", "0", "-f", "csv=" + violations], stdout=subprocess.DEVNULL, env=env, check=False)
    wall = statistics.median(walls)
    print(f"{name:<22} wall {wall:6.2f} s  {rows / wall:>10,.0f} rows/s   peak RSS {max(rss):5.0f} MB   (median of {runs}, -Xmx2g)")


def findings(violations):
    with open(violations, encoding="utf-8", newline="") as f:
        return {(r["row"], r["field"], r["rule"]) for r in csv.DictReader(f) if r["row"]}


def score(name, violations, truth_file):
    with open(truth_file, encoding="utf-8", newline="") as f:
        truth = {(r["row"], r["column"]) for r in csv.DictReader(f)}
    cells = {(row, field) for row, field, _ in findings(violations)}
    print(f"{name:<22} truth {len(truth):,} defects: found {len(truth & cells):,}, missed {len(truth - cells):,}, "
          f"cells reported without a defect {len(cells - truth):,}")


def sources(data, rows, runs):
    """The same data as CSV, as a workbook and as a PostgreSQL table: speed, memory, and the same findings."""
    jar = os.path.join(ROOT, "cli", "target", "chuan.jar")
    book = data[:-4] + ".xlsx"
    if not os.path.exists(book):
        print(f"writing {book} ...", flush=True)
        subprocess.run(["java", "-cp", jar, os.path.join(HERE, "ToXlsx.java"), data, book], check=True)
    print(f"workbook {os.path.getsize(book) / 1e6:.0f} MB")
    runs_out = {}
    scan_source("csv", data, [], rows, runs, os.path.join(OUT, "v-csv.csv"))
    runs_out["csv"] = os.path.join(OUT, "v-csv.csv")
    scan_source("xlsx", book, [], rows, runs, os.path.join(OUT, "v-xlsx.csv"))
    runs_out["xlsx"] = os.path.join(OUT, "v-xlsx.csv")
    pg = postgres(data)
    if pg:
        url, query = pg
        try:
            scan_source("postgresql", url, ["--query", query], rows, runs, os.path.join(OUT, "v-pg.csv"))
            runs_out["postgresql"] = os.path.join(OUT, "v-pg.csv")
        finally:
            subprocess.run(["bash", os.path.join(ROOT, "scripts", "db", "postgres.sh"), "stop", os.path.join(OUT, "pg")],
                           stdout=subprocess.DEVNULL)
    for name, v in runs_out.items():
        score(name, v, data + ".truth.csv")
    base = findings(runs_out["csv"])
    for name, v in runs_out.items():
        other = findings(v)
        print(f"{name:<22} same (record, column, rule) findings as the CSV: {other == base} "
              f"({len(other - base):,} more, {len(base - other):,} fewer)")


def postgres(data):
    """A throwaway PostgreSQL server with the CSV loaded into table public.citizens (text columns); None when unavailable."""
    script = os.path.join(ROOT, "scripts", "db", "postgres.sh")
    folder = os.path.join(OUT, "pg")
    if subprocess.run(["bash", script, "start", folder], stdout=subprocess.PIPE, text=True).returncode != 0:
        print("postgresql: no server (apt-get install postgresql); skipped")
        return None
    with open(data, encoding="utf-8") as f:
        header = next(csv.reader(f))
    cols = ", ".join(f'"{h}" text' for h in header)
    env = {}
    with open(os.path.join(folder, "server.env"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.strip().partition("=")
            env[k] = v
    os.environ["CHUAN_DB_USER"] = env["USER"]
    os.environ["CHUAN_DB_PASSWORD"] = env["PASSWORD"]
    # a table has no order of its own: record_no keeps the file's, and the scan reads the columns in that order
    names = ", ".join(f'"{h}"' for h in header)
    sql = (f"DROP TABLE IF EXISTS citizens; CREATE TABLE citizens (record_no bigserial PRIMARY KEY, {cols});\n"
           f"\\copy citizens ({names}) FROM '{os.path.abspath(data)}' WITH (FORMAT csv, HEADER true)")
    start = time.perf_counter()
    subprocess.run(["bash", script, "sql", folder], input=sql + "\n", text=True, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"postgresql: loaded in {time.perf_counter() - start:.0f} s")
    return env["JDBC_URL"], f"SELECT {names} FROM citizens ORDER BY record_no"


def rule_counts(profile, data):
    """Violations per rule (and column) of one scan of data with profile."""
    report = os.path.join(OUT, "counts.json")
    subprocess.run([os.path.join(ROOT, "chuan"), "scan", "-p", profile, data, "--as-of", "2025-06-30", "-q",
                    "-f", "json=" + report], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report, encoding="utf-8") as f:
        results = json.load(f)["results"]
    return {(r["rule"], (r.get("examples") or [{}])[0].get("field") or ""): r["violations"] for r in results
            if r.get("violations")}


def table_schema(data, rows, runs):
    """The example profile exported as a Frictionless Table Schema, scanned as -p: its speed, and its findings
    against the YAML profile's (the differences are what the export lists as not expressed)."""
    yaml = os.path.join(HERE, "citizens-example.yaml")
    schema = os.path.join(OUT, "citizens-example.schema.json")
    p = subprocess.run([os.path.join(ROOT, "chuan"), "profiles", "export", yaml, "--table-schema"], capture_output=True,
                       text=True, check=True)
    with open(schema, "w", encoding="utf-8") as f:
        f.write(p.stdout)
    bench("as Table Schema", schema, data, rows, runs)
    a, b = rule_counts(yaml, data), rule_counts(schema, data)
    same = sorted(k for k in a if a.get(k) == b.get(k))
    print(f"  findings: {len(same)} rule/column results equal; different:")
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print(f"    {k[0]} {k[1]}: YAML {a.get(k, 0):,}, Table Schema {b.get(k, 0):,}")
    for line in p.stderr.splitlines():
        if line.startswith("not expressed"):
            print("  " + line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--duckdb", action="store_true")
    ap.add_argument("--synth", action="store_true", help="data from `chuan synth` instead of gen_citizens.py")
    ap.add_argument("--sources", action="store_true", help="also scan the data as .xlsx and as a PostgreSQL table")
    ap.add_argument("--table-schema", action="store_true",
                    help="also scan with the example profile exported as a Frictionless Table Schema")
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
    if a.sources:
        sources(data, a.rows, a.runs)
    if a.table_schema:
        table_schema(data, a.rows, a.runs)
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
