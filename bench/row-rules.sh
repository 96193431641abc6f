#!/usr/bin/env bash
# Cost of a row rule (CEL) per record: the example-style profile with and without one rule over two
# dates (bench/row-rules.yaml adds `registered_at >= birth_date`), run alternately on the same file,
# whole process; prints the medians and the difference per record. Example: bench/row-rules.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
file=bench/out/citizens-1000000.csv
[ -f "$file" ] || python3 bench/gen_citizens.py --rows 1000000 --seed 1 --error-rate 0.02 --out "$file"
./chuan --version >/dev/null  # builds the jar once, outside the timings
out=$(mktemp -d)
for i in $(seq "$runs"); do
  for p in citizens-example row-rules; do
    s=$(date +%s.%N)
    ./chuan scan "$file" -p "bench/$p.yaml" -q -f "json=$out/$p.json" >/dev/null || true
    e=$(date +%s.%N)
    ms=$(python3 -c "import json;print(json.load(open('$out/$p.json'))['durationMs'])")
    echo "$p $(python3 -c "print($e-$s)") $ms" >> "$out/times"
  done
done
python3 - "$out/times" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for p in ("citizens-example", "row-rules"):
    wall = st.median(float(r[1]) for r in rows if r[0] == p)
    scan = st.median(float(r[2]) for r in rows if r[0] == p) / 1000
    med[p] = (wall, scan)
    print(f"{p:18} wall {wall:.2f} s  scan {scan:.2f} s")
d_wall = med["row-rules"][0] - med["citizens-example"][0]
d_scan = med["row-rules"][1] - med["citizens-example"][1]
print(f"one row rule: +{d_wall:.2f} s wall, +{d_scan:.2f} s scan on 1,000,000 records "
      f"= {d_scan * 1e9 / 1e6:.0f} ns per record (scan, 2 validator threads)")
PY
