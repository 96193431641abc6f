#!/usr/bin/env bash
# The sshd differential suite: for every system root of the corpus, OpenSSH's own parser (sshd -t,
# sshd -T, sshd -T -C for each connection in the root's CONTEXTS file) against `chuan effective ROOT
# sshd` (with --match for the same connections). It compares acceptance (does the daemon start; where
# it stops) and every key either side prints. The daemon sees the root as / through lib.sh's in_root;
# throwaway host keys are made inside that private namespace, never on the machine.
#
# Normalisations (presentation only; each is applied to both sides or stated here):
#   - keywords compared in lower case (both print them so already);
#   - PermitRootLogin: sshd -T prints the legacy spelling "without-password" of prohibit-password;
#   - a difference listed in docs/config-audits.md ("Known differences from the daemons") is counted as
#     listed, not as a mismatch: a row "| sshd | `key` | sshd also lists `ITEM` | why |" removes ITEM from
#     sshd's comma list before comparing; "| sshd | `key` | sshd prints `A` where chuan prints `B` | why |"
#     accepts exactly that pair of values; "| sshd | `key` | sshd prints its default where chuan prints an
#     empty list | why |" accepts an empty value from chuan where sshd prints what it prints for an empty
#     sshd_config (its compiled-in default, taken from sshd itself at the start).
# Everything else is compared as printed, values and their order (Port, HostKey, ListenAddress ...).
# "keys compared" counts every key of every dump compared, and each root's acceptance as one.
#
# Needs root (unshare, mounts), util-linux, openssh-server (sshd, ssh-keygen) and Java 17 (./chuan).
# A root with Match blocks needs a CONTEXTS file: one -C connection per line; together they must
# satisfy every Match line sshd evaluates (its debug log says which), except those listed there as
# "# unreachable: CRITERIA (why)".
# Each root's SOURCE starts "real-world:" (a file from a distribution, a role or a public repository,
# named there) or "hand-made:"; the suite counts both in its second summary line.
# Usage: scripts/differential/sshd.sh [CASE...]   (default: every case of the corpus; -v prints each diff)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
# shellcheck source=lib.sh
source scripts/differential/lib.sh

corpus="checks/src/test/resources/differential/sshd"
sshd_bin="${SSHD:-/usr/sbin/sshd}"
# CHUAN: another build to measure (e.g. "java -jar /tmp/old/chuan.jar"); default this checkout's ./chuan
read -r -a chuan <<<"${CHUAN:-./chuan}"
verbose=0
cases=()
for a in "$@"; do
  case "$a" in
    -v) verbose=1 ;;
    *) cases+=("$a") ;;
  esac
done
if [ ${#cases[@]} -eq 0 ]; then
  mapfile -t cases < <(find "$corpus" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "sshd.sh: needs root (private mount namespaces)" >&2
  exit 2
fi
if [ ! -x "$sshd_bin" ]; then
  echo "sshd.sh: $sshd_bin not found (apt-get install openssh-server)" >&2
  exit 2
fi
"${chuan[@]}" --version >/dev/null || { echo "sshd.sh: chuan does not run" >&2; exit 2; }

work="$(mktemp -d /tmp/chuan-sshd-diff.XXXXXX)"
[ -n "${KEEP:-}" ] && echo "sshd.sh: work files kept in $work" >&2 || trap 'rm -rf "$work"' EXIT
ssh-keygen -q -t ed25519 -N '' -C throwaway -f "$work/hostkey"

# known differences from the docs table, as "key<TAB>also<TAB>item" or "key<TAB>where<TAB>sshd's<TAB>chuan's"
known="$work/known"
{
  grep -E '^\| sshd \| `[^`]+` \| sshd also lists `[^`]+`' docs/config-audits.md \
    | sed -E 's/^\| sshd \| `([^`]+)` \| sshd also lists `([^`]+)`.*/\1\talso\t\2/'
  grep -E '^\| sshd \| `[^`]+` \| sshd prints `[^`]+` where chuan prints `[^`]+`' docs/config-audits.md \
    | sed -E 's/^\| sshd \| `([^`]+)` \| sshd prints `([^`]+)` where chuan prints `([^`]+)`.*/\1\twhere\t\2\t\3/'
  grep -E '^\| sshd \| `[^`]+` \| sshd prints its default where chuan prints an empty list \|' docs/config-audits.md \
    | sed -E 's/^\| sshd \| `([^`]+)` .*/\1\tdefault/'
} > "$known" || true

# What runs inside the namespace: throwaway keys where the config wants them (only under /etc, which
# is a private tmpfs there), then acceptance, the global dump and one dump per connection.
daemon_side() {
  local out="$1" contexts="$2"
  cd /
  cp "$out/../hostkey" /run/chuan-key    # /run is the namespace's own tmpfs
  place_key() {
    case "$1" in /etc/*) [ -e "$1" ] || { mkdir -p "$(dirname "$1")"; cp /run/chuan-key "$1"; } ;; esac
  }
  for k in /etc/ssh/ssh_host_rsa_key /etc/ssh/ssh_host_ecdsa_key /etc/ssh/ssh_host_ed25519_key; do place_key "$k"; done
  "$sshd_bin" -T -h /run/chuan-key 2>/dev/null | sed -n 's/^hostkey //p' | while read -r k; do place_key "$k"; done   # no awk: /etc/alternatives is the root's here
  "$sshd_bin" -t >"$out/t.out" 2>"$out/t.err"; echo $? >"$out/t.rc"
  "$sshd_bin" -T >"$out/global.out" 2>"$out/global.err"; echo $? >"$out/global.rc"
  local i=0
  while IFS= read -r spec; do
    [ -z "$spec" ] && continue
    i=$((i + 1))
    "$sshd_bin" -T -C "$spec" >"$out/ctx$i.out" 2>"$out/ctx$i.err"; echo $? >"$out/ctx$i.rc"
    # the same with sshd's debug log, which says which Match lines the connection satisfied
    # (-d raises the LogLevel it prints, so the dump above is the one compared)
    "$sshd_bin" -ddd -T -C "$spec" >/dev/null 2>"$out/ctx$i.log"
  done < "$contexts"
}
export -f daemon_side
export sshd_bin

# key -> values, one "key<TAB>value" line per printed line; chuan's "    # origin" annotation and
# its Match listing (lines starting with "Match " or white space) are not keys.
keys_of_sshd() { awk '{k=$1; $1=""; sub(/^ /,""); if (k=="permitrootlogin" && $0=="without-password") $0="prohibit-password"; print k "\t" $0}' "$1"; }
keys_of_chuan() {
  awk '/^Match / || /^[ \t]/ || /^$/ {next} {i=index($0,"    # "); if (i>0) $0=substr($0,1,i-1); k=$1; v=substr($0,length(k)+2); print k "\t" v}' "$1"
}

# sshd's own values for an empty sshd_config: the defaults a "prints its default" row compares with
defaults="$work/defaults"
mkdir -p "$work/defaults-root/etc/ssh" "$work/defaults-out"
: > "$work/defaults-root/etc/ssh/sshd_config"
in_root "$work/defaults-root" bash -c 'daemon_side "$1" /dev/null' _ "$work/defaults-out" 2>/dev/null
keys_of_sshd "$work/defaults-out/global.out" > "$defaults" 2>/dev/null || : > "$defaults"

roots=0 files=0 compared=0 mismatches=0 listed=0 uncovered=0 real=0 made=0
report() { # CASE WHERE MESSAGE
  mismatches=$((mismatches + 1))
  echo "MISMATCH $1 [$2]: $3"
}

# compare two "key<TAB>value" files; prints mismatches, updates counters
compare_keys() {
  local c="$1" where="$2" daemon="$3" ours="$4"
  local result
  result="$(awk -F'\t' -v known="$known" -v defaults="$defaults" '
    BEGIN {
      while ((getline line < known) > 0) {
        split(line, p, "\t")
        if (p[2] == "also") extra[p[1]] = extra[p[1]] "," p[3]
        else if (p[2] == "default") emptied[p[1]] = 1
        else { theirs[p[1]] = p[3]; ours[p[1]] = p[4] }
      }
      while ((getline line < defaults) > 0) {
        i = index(line, "\t"); dflt[substr(line, 1, i - 1)] = substr(line, i + 1)
      }
    }
    FNR == NR { if ($1 in d) d[$1] = d[$1] "\n" $2; else d[$1] = $2; keys[$1] = 1; next }
    { if ($1 in o) o[$1] = o[$1] "\n" $2; else o[$1] = $2; keys[$1] = 1 }
    END {
      for (k in keys) {
        n++
        ind = (k in d); ino = (k in o)   # before reading d[k] and o[k], which would create them
        dv = ind ? d[k] : ""; ov = ino ? o[k] : ""
        if ((k in emptied) && ind && ino && ov == "" && (k in dflt) && dv == dflt[k]) { listed++; continue }
        if ((k in extra) && ind) {
          m = split(extra[k], items, ",")
          for (j = 1; j <= m; j++) if (items[j] != "") {
            before = dv
            gsub("(^|,)" items[j] "(,|$)", ",", dv); sub(/^,/, "", dv); sub(/,$/, "", dv)
            if (dv != before) listed++
          }
        }
        if ((k in theirs) && dv == theirs[k] && ov == ours[k]) { listed++; continue }
        if (!ind) { print "M\t" k "\tonly chuan prints it: " ov; continue }
        if (!ino) { print "M\t" k "\tchuan does not print it; sshd: " dv; continue }
        if (dv != ov) { gsub("\n", " | ", dv); gsub("\n", " | ", ov); print "M\t" k "\tsshd: " dv "  chuan: " ov }
      }
      print "N\t" n "\t" listed + 0
    }' "$daemon" "$ours")"
  local line
  while IFS= read -r line; do
    case "$line" in
      N$'\t'*) compared=$((compared + $(cut -f2 <<<"$line"))); listed=$((listed + $(cut -f3 <<<"$line"))) ;;
      M$'\t'*) report "$c" "$where" "$(cut -f2 <<<"$line"): $(cut -f3- <<<"$line")" ;;
    esac
  done <<<"$result"
}

# sshd's first "FILE line N" in its complaint, as FILE:N
daemon_where() { grep -oE '(/[^ :]+):? line [0-9]+' "$1" | head -1 | sed -E 's/:? line /:/'; }
# chuan's first error, as FILE:N
chuan_where() { grep -m1 '^chuan: error: ' "$1" | sed -E 's/^chuan: error: ([^ ]+:[0-9]+):.*/\1/'; }

for c in "${cases[@]}"; do
  root="$corpus/$c"
  [ -d "$root/etc" ] || { echo "sshd.sh: $root has no etc/" >&2; exit 2; }
  [ -f "$root/SOURCE" ] || { echo "sshd.sh: $root has no SOURCE note" >&2; exit 2; }
  case "$(head -c 11 "$root/SOURCE")" in
    real-world:) real=$((real + 1)) ;;
    hand-made:*) made=$((made + 1)) ;;
    *) echo "sshd.sh: $root/SOURCE starts neither \"real-world:\" nor \"hand-made:\"" >&2; exit 2 ;;
  esac
  roots=$((roots + 1))
  files=$((files + $(find "$root/etc" -type f | wc -l)))
  out="$work/$c"; mkdir -p "$out"
  contexts="$out/contexts"
  { [ -f "$root/CONTEXTS" ] && grep -v '^#' "$root/CONTEXTS"; } > "$contexts" || true
  in_root "$root" bash -c 'daemon_side "$1" "$2"' _ "$out" "$contexts" 2>"$out/ns.err"

  "${chuan[@]}" effective "$root" sshd >"$out/chuan.out" 2>"$out/chuan.err"; crc=$?
  drc="$(cat "$out/t.rc" 2>/dev/null || echo 255)"
  if [ "$drc" -ne 0 ]; then
    dwhere="$(daemon_where "$out/t.err")"
    if [ "$crc" -ne 3 ] || ! grep -q '^chuan: error: ' "$out/chuan.err"; then
      report "$c" acceptance "sshd refuses ($(grep -m1 -vE '^(debug|Deprecated|Unsupported)' "$out/t.err" | head -c 200)) but chuan exit $crc without an error"
    elif [ -n "$dwhere" ] && [ "$dwhere" != "$(chuan_where "$out/chuan.err")" ]; then
      report "$c" acceptance "sshd stops at $dwhere, chuan's first error is at $(chuan_where "$out/chuan.err")"
    else
      compared=$((compared + 1))
    fi
    [ "$verbose" -eq 1 ] && { echo "--- $c: sshd"; cat "$out/t.err"; echo "--- chuan"; cat "$out/chuan.err"; }
    continue
  fi
  if grep -q '^chuan: error: ' "$out/chuan.err" || [ "$crc" -ne 0 ]; then
    report "$c" acceptance "sshd accepts, chuan exit $crc: $(grep -m1 '^chuan: ' "$out/chuan.err")"
    continue
  fi
  compared=$((compared + 1))
  if grep -rqiE '^[[:space:]]*match[[:space:]=]' "$root/etc" && [ ! -s "$contexts" ]; then
    echo "COVERAGE $c: Match blocks but no CONTEXTS file"; uncovered=$((uncovered + 1))
  fi
  if [ "$(cat "$out/global.rc")" -eq 0 ]; then
    keys_of_sshd "$out/global.out" > "$out/global.d"
    keys_of_chuan "$out/chuan.out" > "$out/global.c"
    compare_keys "$c" global "$out/global.d" "$out/global.c"
  elif ! grep -q 'not in connection test specification' "$out/global.err"; then
    report "$c" global "sshd -t accepts but sshd -T fails: $(head -c 200 "$out/global.err")"
  fi
  i=0
  declare -A hit=()
  while IFS= read -r spec; do
    [ -z "$spec" ] && continue
    i=$((i + 1))
    if [ "$(cat "$out/ctx$i.rc")" -ne 0 ]; then
      report "$c" "$spec" "sshd -T -C fails: $(grep -m1 -v '^debug' "$out/ctx$i.err")"
      continue
    fi
    # which Match lines this connection satisfied (sshd's own debug log)
    while IFS=$'\t' read -r criteria found; do
      [ "$found" = 1 ] && hit["$criteria"]=1 || : "${hit["$criteria"]:=0}"
    done < <(awk '/checking match for /{s=$0; sub(/.*checking match for \x27/,"",s); sub(/\x27 user .*/,"",s); c=s}
                  /debug3: match found/{print c "\t1"} /debug3: match not found/{print c "\t0"}' "$out/ctx$i.log")
    "${chuan[@]}" effective "$root" sshd --match "$spec" >"$out/cctx$i.out" 2>"$out/cctx$i.err"
    keys_of_sshd "$out/ctx$i.out" > "$out/ctx$i.d"
    keys_of_chuan "$out/cctx$i.out" > "$out/ctx$i.c"
    compare_keys "$c" "$spec" "$out/ctx$i.d" "$out/ctx$i.c"
  done < "$contexts"
  for criteria in "${!hit[@]}"; do
    # a CONTEXTS line "# unreachable: CRITERIA (why)" names a Match no connection can satisfy
    if [ "${hit[$criteria]}" != 1 ] && ! grep -qF "# unreachable: $criteria " "$root/CONTEXTS"; then
      echo "COVERAGE $c: no context satisfies 'Match $criteria'"; uncovered=$((uncovered + 1))
    fi
  done
  unset hit
done

summary sshd "$roots" "$files" "$compared" "$mismatches"
echo "sshd: $real real-world root(s), $made hand-made (as their SOURCE says)"
echo "sshd: $listed value(s) differ as listed in docs/config-audits.md; $uncovered Match block(s) without a context"
[ "$mismatches" -eq 0 ] && [ "$uncovered" -eq 0 ]
