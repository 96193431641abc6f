#!/usr/bin/env bash
# Opens the HTML report of the samples in headless Chromium and checks what a reader sees: the
# gate decision and the failing rules, after the page's own script has run. Installs Chromium
# (Debian package) when it is missing; run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "html-check: installing chromium (Debian package)..."
  (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null) \
    || { echo "html-check: could not install chromium here; HTML not checked in a browser" >&2; exit 0; }
  browser=$(command -v chromium)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./chuan scan samples -q -f html="$out/report.html" -f json="$out/report.json" || true
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/profile" --dump-dom "file://$out/report.html" \
  > "$out/dom.html" 2>/dev/null
fail=0
check() {
  if grep -q -- "$1" "$out/dom.html"; then echo "html-check: shows $2"; else echo "html-check: MISSING $2" >&2; fail=1; fi
}
check 'id="gate">Gate FAILED' "the gate decision"
for rule in $(python3 -c "import json;r=json.load(open('$out/report.json'));print(' '.join(sorted({x['rule'] for x in r['results'] if x['status']=='fail'})))"); do
  check ">$rule<" "failing rule $rule"
done
# the filter script ran: passing results start hidden
check 'data-status="pass" data-severity="[a-z]*" style="display: none;"' "passing results hidden by the filters"
exit $fail
