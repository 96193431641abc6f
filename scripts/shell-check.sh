#!/usr/bin/env bash
# Drives `chuan shell` in a real terminal (tmux) the way an auditor would: Tab completes a command,
# an option and a profile id; a scan of the samples runs; `last` and `show RULE` answer from it;
# `exit` leaves cleanly. Then the same commands piped on standard input. Installs tmux (Debian
# package) when it is missing; run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null; then
  echo "shell-check: installing tmux (Debian package)..."
  (apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q tmux >/dev/null) \
    || { echo "shell-check: could not install tmux here; the terminal session is not checked" >&2; exit 0; }
fi
./chuan --version >/dev/null   # builds the jar and its class-data archive first
work=$(mktemp -d)
session="chuan-shell-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
fail=0
pass() { echo "shell-check: $1"; }
miss() { echo "shell-check: MISSING $1" >&2; fail=1; }
screen() { tmux capture-pane -p -J -S -200 -t "$session"; }
# waits up to $2 seconds for the pane to show $1 (an extended regex)
await() {
  for _ in $(seq 1 $(( ${2:-20} * 10 ))); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
# waits until the shell shows a fresh prompt, so that typed keys reach the line editor
prompt() {
  for _ in $(seq 1 200); do
    if [ "$(screen | sed -e 's/[[:space:]]*$//' -e '/^$/d' | tail -1)" = "chuan>" ]; then return 0; fi
    sleep 0.1
  done
  miss "a fresh prompt within 20 s"
}
expect() { if await "$1" "${3:-20}"; then pass "$2"; else miss "$2"; screen | tail -20 >&2; fi; }

# a file big enough that a scan is still running when Ctrl-C arrives
./chuan synth -p vn.citizen-register --rows 2000000 --seed 1 -o "$work/big.csv" >/dev/null
# an interactive bash in the pane, as an auditor's terminal has (it leaves Ctrl-C to the foreground job)
tmux new-session -d -s "$session" -x 200 -y 50 "env PS1='$ ' bash --norc --noprofile -i"
tmux send-keys -t "$session" "./chuan shell --history '$work/history'; echo SHELL-EXITED=\$?" Enter
expect '^chuan> ' "the prompt"
prompt
tmux send-keys -t "$session" 'sca' Tab
expect '^chuan> scan ' "completion of a command (sca -> scan)"
tmux send-keys -t "$session" -- '--prof' Tab
expect '^chuan> scan --profile ' "completion of an option (--prof -> --profile)"
tmux send-keys -t "$session" 'vn.cit' Tab
expect '^chuan> scan --profile vn.citizen-register ' "completion of a profile id (vn.cit -> vn.citizen-register)"
tmux send-keys -t "$session" C-u 'scan samples --no-progress' Enter
expect 'Gate: FAILED' "a scan of the samples" 120
prompt
tmux send-keys -t "$session" 'last' Enter
expect '^Last scan: 23 target' "last"
prompt
tmux send-keys -t "$session" 'show DATA-UNI' Tab
expect '^chuan> show DATA-UNIQUE ' "completion of a rule id (DATA-UNI -> DATA-UNIQUE)"
tmux send-keys -t "$session" Enter
expect 'row 4 \(line 5\): "0242\*{6}58": value already used' "show DATA-UNIQUE (masked examples)"
prompt
tmux send-keys -t "$session" "scan $work/big.csv -p vn.citizen-register" Enter
# Ctrl-C once the scan shows its progress line, so that it is surely running
expect 'big\.csv +[0-9]+% .* records .* violations' "progress on the terminal during a long scan" 30
tmux send-keys -t "$session" C-c
expect '^chuan: scan( of .*)? cancelled' "Ctrl-C cancels a running scan" 30
prompt
tmux send-keys -t "$session" 'show VN-PID-FORMAT' Enter
expect '^VN-PID-FORMAT .*citizen-register-2025-06.csv' "the shell survives Ctrl-C and keeps the last finished scan"
prompt
tmux send-keys -t "$session" 'exit' Enter
expect 'SHELL-EXITED=0$' "exit leaves the shell cleanly"
[ -s "$work/history" ] && grep -q 'show DATA-UNIQUE' "$work/history" && pass "history saved" || miss "history saved"

piped=$(printf 'scan samples -q\nlast\nshow DATA-UNIQUE\nexit\n' | ./chuan shell 2>&1 || true)
if grep -q '^Last scan: 23 target' <<<"$piped" && grep -q 'value already used' <<<"$piped"; then
  pass "the same commands piped on standard input"
else
  miss "the same commands piped on standard input"; echo "$piped" | tail -20 >&2
fi
exit $fail
