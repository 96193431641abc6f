#!/usr/bin/env bash
# Validates chuan's SARIF with Microsoft's SARIF multitool and GitHub's ingestion rules
# (`validate --rule-kind "Gh;Sarif"`): the samples' report, and a report of a configuration that
# could not be audited scanned by absolute path. Any error or warning fails. The multitool comes from
# npm into .tools/sarif (ignored by git); node and npm from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.tools/sarif
version=5.7.0
if ! command -v npm >/dev/null; then
  echo "sarif-check: installing nodejs and npm (Debian packages)..."
  (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null) \
    || { echo "sarif-check: could not install npm here; SARIF not validated" >&2; exit 1; }
fi
if [ ! -f "$tools/node_modules/@microsoft/sarif-multitool/package.json" ]; then
  echo "sarif-check: installing @microsoft/sarif-multitool@$version (npm)..."
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent "@microsoft/sarif-multitool@$version" >/dev/null)
fi
# the package's postinstall marks its binary executable; npm may have skipped install scripts
chmod u+x "$(cd "$tools" && node -p "require('@microsoft/sarif-multitool')")"

out="$(mktemp -d /tmp/chuan-sarif.XXXXXX)"
trap 'rm -rf "$out"' EXIT
./chuan scan samples -q -f sarif="$out/samples.sarif" >/dev/null 2>&1 || true
./chuan scan "$PWD/checks/src/test/resources/differential/apache/h-missing-include" -p apache -q \
  -f sarif="$out/refused.sarif" >/dev/null 2>&1 || true

fail=0
for report in samples refused; do
  rm -f "$out/$report.validation.sarif"
  # npx runs the tool through a shell: the ';' of the rule kinds is quoted for it
  (cd "$tools" && npx --no-install sarif-multitool validate --rule-kind '"Gh;Sarif"' -o "$out/$report.validation.sarif" \
    "$out/$report.sarif" >/dev/null)
  read -r errors warnings < <(python3 - "$out/$report.validation.sarif" <<'PY'
import json, sys
results = [r for run in json.load(open(sys.argv[1]))["runs"] for r in run.get("results", [])]
for r in results:
    print(r.get("ruleId"), r.get("level", "warning"), r["message"]["text"][:200], file=sys.stderr)
print(sum(r.get("level", "warning") == "error" for r in results), sum(r.get("level", "warning") == "warning" for r in results))
PY
  )
  echo "sarif-check: $report.sarif: $errors error(s), $warnings warning(s)"
  [ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ] || fail=1
done
exit $fail
