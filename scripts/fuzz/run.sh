#!/usr/bin/env bash
# Fuzzes chuan's Jazzer targets (checks/src/test/java/chuan/fuzz), one JVM per target, each for
# DURATION (Jazzer's syntax: 30s, 2m, 1h).
#
#   scripts/fuzz/run.sh DURATION                         every target in turn
#   scripts/fuzz/run.sh DURATION ConfigReaderFuzzTest#sshd DatasetFuzzTest#csv
#
# A crashing input is written beside the target's seeds
# (checks/src/test/resources/chuan/fuzz/<Class>Inputs/<method>/crash-*), where `mvn verify` replays
# it from then on; the corpus a run grows stays in checks/.cifuzz-corpus (not committed). Each
# target's log is kept in checks/target/fuzz/. Set KEEP_GOING=N to go on after the first N-1
# distinct findings. Exits 1 when any target found something.
set -uo pipefail
cd "$(dirname "$0")/../.."

if [ $# -lt 1 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
duration=$1
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in checks/src/test/java/chuan/fuzz/*FuzzTest.java; do
    class=$(basename "$f" .java)
    for m in $(grep -A8 '@FuzzTest' "$f" | sed -n 's/^    void \([A-Za-z0-9]*\)(.*/\1/p' | uniq); do
      targets+=("$class#$m")
    done
  done
fi

mkdir -p checks/target/fuzz
found=0
printf '%-36s %-8s %10s %8s  %s\n' target seconds runs exec/s result
for t in "${targets[@]}"; do
  log=checks/target/fuzz/${t/\#/-}.log
  JAZZER_FUZZ=1 mvn -B -o -q -pl checks -am test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$duration" -Djazzer.keep_going="${KEEP_GOING:-1}" -Dfuzz.log=false >"$log" 2>&1
  rc=$?
  done_line=$(grep -a '^Done [0-9]* runs in' "$log" | tail -1)
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' <<<"$done_line")
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' <<<"$done_line")
  rate=$(grep -a -o 'exec/s: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  # with KEEP_GOING Jazzer exits 0 after findings: the written test units tell
  units=$(grep -a -c 'Test unit written to' "$log")
  if [ $rc -eq 0 ] && [ "$units" -eq 0 ]; then
    result=ok
  else
    found=1
    result="FINDING x$units (see $log)"
    grep -a -E '^== Java Exception' "$log" | sort | uniq | cut -c1-160 | sed 's/^/    /'
    grep -a -o 'Test unit written to .*' "$log" | sed 's/^/    /'
  fi
  printf '%-36s %-8s %10s %8s  %s\n' "$t" "${secs:-?}" "${runs:-?}" "${rate:-?}" "$result"
done
exit $found
