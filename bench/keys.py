#!/usr/bin/env python3
"""Benchmark of keys (whole process, JVM start included): a composite primary key over N records
(default 10,000,000: province_code, household_id, member_no, all distinct), against a parse-only
scan and a scan of one unique 12-digit column over the same records (the budget the scan is held
to: 512 MB peak RSS for 10M unique 12-digit ids); then a foreign key from 100,000 households to
1,000,000 citizens. Prints wall time, peak RSS, and the key set's bytes per key (its arrays, as
KeyIndex sizes them; and the RSS above the parse-only run per key). Every scan runs in a capped
heap (--java, default -Xmx384m -Xmn64m; --fk-java for the foreign key, default -Xmx96m -Xmn32m): without a cap the JVM grows its heap as far as the machine
allows and the peak RSS says nothing of what the scan needs. A scan that does not fit is reported as
such.

    bench/keys.sh [--rows 10000000] [--runs 1] [--java "-Xmx384m -Xmn64m"]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out", "keys")
PROVINCES = ["01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
             "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96"]

PROFILE = """profile: bench.keys
version: "1"
title: keys benchmark
kind: dataset
dataset:
%s  columns:
    - name: province_code
    - name: household_id
    - name: member_no
    - name: head_id
"""


JAVA = "-Xmx384m -Xmn64m"


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, CHUAN_JAVA_OPTS=JAVA))
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode()
    p.stderr.close()
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024.0, err


def bench(name, keys, data, runs, profile_text=PROFILE):
    profile = os.path.join(OUT, name.replace(" ", "-").replace(">", "").replace("(", "").replace(")", "") + ".yaml")
    with open(profile, "w") as f:
        f.write(profile_text % keys)
    walls, rss = [], []
    for _ in range(runs):
        code, wall, peak, err = timed([os.path.join(ROOT, "chuan"), "scan", "-p", profile, data, "-q", "--fail-on", "never",
                                       "-f", "json=" + os.path.join(OUT, "report.json")])
        if code != 0:
            print(f"{name:<34} does not fit in {JAVA} (exit {code}; peak RSS {peak:.0f} MB): {err.strip()[:100]}")
            return None
        walls.append(wall)
        rss.append(peak)
    print(f"{name:<34} wall {statistics.median(walls):7.2f} s   peak RSS {max(rss):6.0f} MB")
    return max(rss)


def table_bytes(keys, per_slot):
    """KeyIndex's packed table: a power of two of at least keys * 4/3 slots."""
    cap = 16
    while cap < keys * 4 // 3 + 1:
        cap <<= 1
    return cap * per_slot


def main():
    global JAVA
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--java", default=JAVA)
    ap.add_argument("--fk-java", default="-Xmx96m -Xmn32m")
    a = ap.parse_args()
    JAVA = a.java
    os.makedirs(OUT, exist_ok=True)
    n = a.rows
    data = os.path.join(OUT, f"households-{n}.csv")
    if not os.path.exists(data):
        with open(data, "w") as f:
            f.write("province_code,household_id,member_no,head_id\n")
            i = 0
            h = 0
            while i < n:
                h += 1
                for m in (1, 2, 3):
                    if i == n:
                        break
                    f.write(f"{PROVINCES[h % 34]},{h},{m},0792{i:08d}\n")
                    i += 1
    print(f"{n:,} records, {os.path.getsize(data) / 1e6:,.0f} MB")
    bench("parse only", "", data, a.runs)
    bench("unique head_id (12 digits)", "", data, a.runs,
          PROFILE.replace("    - name: head_id\n", "    - name: head_id\n      unique: true\n"))
    bench("primary-key (3 columns)", "  primary-key: [province_code, household_id, member_no]\n", data, a.runs)
    b = table_bytes(n, 12)
    print(f"key set arrays: {b / 1e6:,.0f} MB, {b / n:.1f} bytes per key (12 bytes per slot: the packed key and its first row)")

    # a foreign key into a larger file: 100,000 households, 1,000,000 citizens
    citizens = os.path.join(OUT, "citizens-1000000.csv")
    if not os.path.exists(citizens):
        with open(citizens, "w") as f:
            f.write("id,full_name\n")
            for i in range(1_000_000):
                f.write(f"0792{i * 3:08d},Nguyễn Văn A\n")
    households = os.path.join(OUT, "households-fk.csv")
    with open(households, "w") as f:
        f.write("province_code,household_id,member_no,head_id\n")
        for h in range(1, 100_001):
            head = (h * 149) % 1_000_000 * 3 + (1 if h % 1000 == 0 else 0)
            f.write(f"79,{h},1,0792{head:08d}\n")
    JAVA = a.fk_java  # the reference set is small: the scan fits in a small heap
    bench("100k households, parse only", "", households, a.runs)
    bench("100k households -> 1M citizens", "  foreign-keys:\n    - columns: [head_id]\n"
               f"      reference: {{dataset: {citizens}, columns: [id]}}\n", households, a.runs)
    b = table_bytes(1_000_000, 8)
    print(f"reference set arrays: {b / 1e6:,.1f} MB, {b / 1e6:.1f} bytes per key (8 bytes per slot: the packed key)")


if __name__ == "__main__":
    main()
