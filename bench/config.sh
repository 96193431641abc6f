#!/usr/bin/env bash
# Whole-process benchmark of config audits: median wall time and peak RSS of `chuan scan ROOT`
# (JVM start included) over N runs. Default ROOT: samples/system (Debian 12's configuration).
# Example: bench/config.sh / 3      # this machine's own root, every built-in config profile
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-samples/system}"
runs="${2:-5}"
[ -f cli/target/chuan.jar ] || mvn -B -q -DskipTests package
walls=(); rss=()
for i in $(seq "$runs"); do
  out=$( { /usr/bin/time -f '%e %M' java -jar cli/target/chuan.jar scan "$root" -q --no-progress -f json=/tmp/chuan-config-bench.json >/dev/null; } 2>&1 | tail -1 ) || true
  walls+=("${out% *}"); rss+=("${out#* }")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
python3 - "$root" "$(median "${walls[@]}")" "$(median "${rss[@]}")" <<'PY'
import json, sys
r = json.load(open('/tmp/chuan-config-bench.json'))
files = sum(len(t.get('sources') or []) for t in r['targets'] if t['kind'] == 'config')
print(f"{sys.argv[1]}: {len(r['targets'])} configurations, {files} files read, {len(r['results'])} results; "
      f"median wall {sys.argv[2]} s, peak RSS {int(sys.argv[3]) // 1024} MB")
PY
