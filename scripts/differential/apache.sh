#!/usr/bin/env bash
# Differential suite for Apache httpd: every system root under
# checks/src/test/resources/differential/apache/ is shown to Apache's own parser as / (lib.sh's
# in_root) and to `chuan effective ROOT apache`, and what they say is compared:
#   acceptance   apache2ctl -t passes or fails; when it fails, at the same file:line
#   includes     apache2ctl -t -D DUMP_INCLUDES: the files read, in order (links resolved)
#   modules      apache2ctl -t -D DUMP_MODULES: the shared modules loaded (chuan's key `modules`)
#   sslprotocol  SSLProtocol of the server and of each virtual host that sets its own, from the
#                configuration tree Apache built (mod_info's -D DUMP_CONFIG, mod_info loaded with -C)
# Debian layouts (etc/apache2) run apache2ctl, which reads the root's envvars. Red Hat layouts
# (etc/httpd) run Debian's apache2 binary with -d /etc/httpd -f conf/httpd.conf, with Debian's module
# builds standing in for Red Hat's at /usr/lib64/httpd/modules (IN_ROOT_LAYERS), plus a module-less
# stand-in for Red Hat's mod_systemd built with apxs; Debian's binary has log_config, logio,
# unixd, version and watchdog built in, so a Red Hat root that loads them is skipped unless
# CHUAN_HTTPD names a binary built with every module shared.
# A mismatch fails the suite unless docs/config-audits.md lists it under "Differences from the
# daemons" as "- `apache/CASE` ASPECT: reason". Prints one summary line: "apache: ...".
# Needs root, apache2 (Debian package) and, for Red Hat roots, apache2-dev (apxs).
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=lib.sh
. scripts/differential/lib.sh

cases="${1:-checks/src/test/resources/differential/apache}"
chuan="${CHUAN:-./chuan}"
known=docs/config-audits.md
work="$(mktemp -d /tmp/chuan-apache-diff.XXXXXX)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

# Red Hat layouts: Debian's modules where Red Hat keeps its own, and a stand-in for mod_systemd
layer="$work/rh-layer"
mkdir -p "$layer/usr/lib64/httpd/modules"
for m in /usr/lib/apache2/modules/*.so; do ln -s "$m" "$layer/usr/lib64/httpd/modules/"; done
if command -v apxs >/dev/null; then
  mkdir -p "$work/stub"
  cat > "$work/stub/mod_systemd.c" <<'EOF'
/* Stands in for Red Hat's mod_systemd (sd_notify only): same module name, nothing else. */
#include "httpd.h"
#include "http_config.h"
module AP_MODULE_DECLARE_DATA systemd_module = { STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL, NULL };
EOF
  (cd "$work/stub" && apxs -c mod_systemd.c >/dev/null 2>&1) \
    && cp "$work/stub/.libs/mod_systemd.so" "$layer/usr/lib64/httpd/modules/"
fi

roots=0 files=0 keys=0 mismatches=0 listed=0

mismatch() { # CASE ASPECT DETAIL
  if grep -qF -- "- \`apache/$1\` $2:" "$known"; then
    echo "  listed    $2: $3"
    listed=$((listed + 1))
  else
    echo "  MISMATCH  $2: $3"
    mismatches=$((mismatches + 1))
  fi
}

for root in "$cases"/*/; do
  root="${root%/}"
  name="$(basename "$root")"
  out="$work/$name"
  mkdir -p "$out"
  if [ -f "$root/etc/apache2/apache2.conf" ]; then
    ctl='apache2ctl'
  elif [ -f "$root/etc/httpd/conf/httpd.conf" ]; then
    ctl="${CHUAN_HTTPD:-apache2} -d /etc/httpd -f conf/httpd.conf"
    if [ -z "${CHUAN_HTTPD:-}" ] && grep -qsE '^\s*LoadModule\s+(log_config|logio|unixd|version|watchdog)_module' \
        "$root"/etc/httpd/conf/httpd.conf "$root"/etc/httpd/conf.modules.d/*.conf; then
      echo "$name: skipped (loads modules Debian's apache2 has built in; set CHUAN_HTTPD to an httpd with every module shared)"
      continue
    fi
  else
    echo "$name: no etc/apache2/apache2.conf or etc/httpd/conf/httpd.conf" >&2
    mismatches=$((mismatches + 1))
    continue
  fi
  roots=$((roots + 1))
  echo "$name"

  # Apache's view, in the root's own namespace; paths it prints are resolved there (links followed)
  IN_ROOT_LAYERS="$layer" in_root "$root" bash -c '
    out="$1"; ctl="$2"
    $ctl -t > "$out/t.txt" 2>&1; echo $? > "$out/t.rc"
    # the innermost "line N of FILE" is where Apache stopped
    grep -o "line [0-9]* of [^:]*" "$out/t.txt" | tail -1 | sed -E "s/line ([0-9]+) of (.*)/\2 \1/" |
      while read -r f l; do echo "$(realpath -m "$f"):$l"; done > "$out/t.where"
    [ "$(cat "$out/t.rc")" = 0 ] || exit 0
    $ctl -t -D DUMP_INCLUDES 2>/dev/null | sed -n "s/^ *([^)]*) //p" |
      while read -r f; do realpath -m "$f"; done > "$out/includes"
    $ctl -t -D DUMP_MODULES 2>/dev/null | sed -n "s/^ \([a-z0-9_]*\) (shared)$/\1/p" > "$out/modules"
    $ctl -t -D DUMP_CONFIG -C "LoadModule info_module /usr/lib/apache2/modules/mod_info.so" 2>/dev/null |
      while IFS= read -r line; do
        case "$line" in
          "# In file: "*) echo "# In file: $(realpath -m "${line#\# In file: }")" ;;
          *) printf "%s\n" "$line" ;;
        esac
      done > "$out/config"
  ' in_root "$out" "$ctl"

  # chuan's view
  "$chuan" effective "$root" apache --key SSLProtocol > "$out/c.txt" 2> "$out/c.err"
  echo $? > "$out/c.rc"
  "$chuan" effective "$root" apache --key modules > "$out/m.txt" 2>/dev/null

  apache_rc="$(cat "$out/t.rc")"
  chuan_rc="$(cat "$out/c.rc")"
  keys=$((keys + 1))
  if [ "$apache_rc" != 0 ]; then
    where="$(cat "$out/t.where")"
    echo "  apache refuses${where:+ at $where}: $(grep -v "^Action\|^The Apache error log\|AH00558" "$out/t.txt" | tr '\n' ' ' | cut -c1-160)"
    if [ "$chuan_rc" != 3 ]; then
      mismatch "$name" acceptance "Apache refuses, chuan exits $chuan_rc"
    elif [ -n "$where" ]; then
      keys=$((keys + 1))
      first="$(sed -n 's/^chuan: error: \([^ ]*:[0-9]*\): .*/\1/p' "$out/c.err" | head -1)"
      [ "$first" = "$where" ] || mismatch "$name" location "Apache stops at $where, chuan's first error is at ${first:-nowhere}"
    fi
    continue
  fi
  if [ "$chuan_rc" != 0 ]; then
    mismatch "$name" acceptance "Apache accepts, chuan exits $chuan_rc: $(head -1 "$out/c.err")"
  fi

  # files read, in order
  sed -n 's/^# read, in order: //p' "$out/c.txt" | tr ',' '\n' | sed 's/^ *//' | sed '/^$/d' > "$out/c.includes"
  n="$(wc -l < "$out/includes")"
  files=$((files + n))
  if ! diff -q "$out/includes" "$out/c.includes" >/dev/null; then
    mismatch "$name" includes "$(diff "$out/includes" "$out/c.includes" | grep '^[<>]' | head -4 | tr '\n' ' ')"
  fi

  # modules loaded
  sort -u "$out/modules" > "$out/modules.sorted"
  sed -n 's/^modules \(.*\)    # .*/\1/p; s/^modules \([^#]*\)$/\1/p' "$out/m.txt" | head -1 | tr ' ' '\n' | sed '/^$/d' \
    | grep -v '^(not$\|^set)$' | sort -u > "$out/c.modules"
  keys=$((keys + $(wc -l < "$out/modules.sorted")))
  if ! diff -q "$out/modules.sorted" "$out/c.modules" >/dev/null; then
    mismatch "$name" modules "$(diff "$out/modules.sorted" "$out/c.modules" | grep '^[<>]' | head -6 | tr '\n' ' ')"
  fi

  # SSLProtocol: the server's value and each virtual host's own, from the tree Apache built
  python3 - "$out" <<'EOF'
import re, sys
out = sys.argv[1]
server, vhosts, order = None, {}, []
file, line, stack = None, None, []
for raw in open(out + "/config", encoding="utf-8", errors="replace"):
    s = raw.strip()
    m = re.match(r"# In file: (.*)", s)
    if m:
        file = m.group(1); continue
    m = re.match(r"#\s*(\d+):$", s)
    if m:
        line = m.group(1); continue
    if s.startswith("</"):
        if stack: stack.pop()
        continue
    if s.startswith("<"):
        name = s[1:].split()[0].rstrip(">").lower()
        stack.append((name, f"{file}:{line}"))
        if name == "virtualhost":
            vhosts.setdefault(f"{file}:{line}", None); order.append(f"{file}:{line}")
        continue
    words = s.split(None, 1)
    if not words or words[0].lower() != "sslprotocol":
        continue
    value = " ".join(words[1].split()) if len(words) > 1 else ""
    if not stack:
        server = value
    elif len(stack) == 1 and stack[0][0] == "virtualhost":
        vhosts[stack[0][1]] = value
inherits = any(v is None for v in vhosts.values()) or not vhosts
with open(out + "/ssl", "w") as f:
    if server is not None or inherits:
        f.write("server " + (server if server is not None else "(default)") + "\n")
    for v in order:
        if vhosts[v] is not None:
            f.write(f"vhost {v} {vhosts[v]}\n")
# chuan: "SSLProtocol VALUE    # ORIGIN" for the server, "<VirtualHost ...> (FILE:LINE): SSLProtocol ..." per host
with open(out + "/c.ssl", "w") as f:
    for raw in open(out + "/c.txt", encoding="utf-8"):
        if raw.startswith("# read"):
            continue
        m = re.match(r"(?:<VirtualHost [^>]*> \(([^)]*)\)(.*?): )?SSLProtocol (.*?)    # (.*?)(?:; not used.*)?$", raw.rstrip("\n"), re.I)
        if not m:
            continue
        vhost, deeper, value, origin = m.groups()
        value = "(default)" if origin.startswith("compiled-in default") or value == "(not set)" else " ".join(value.split())
        if vhost is None:
            f.write("server " + value + "\n")
        elif not deeper:
            f.write(f"vhost {vhost} {value}\n")
        else:
            f.write(f"section {vhost}{deeper} {value}\n")
EOF
  keys=$((keys + $(wc -l < "$out/ssl")))
  if ! diff -q "$out/ssl" "$out/c.ssl" >/dev/null; then
    mismatch "$name" sslprotocol "$(diff "$out/ssl" "$out/c.ssl" | grep '^[<>]' | head -4 | tr '\n' ' ')"
  fi
done

summary apache "$roots" "$files" "$keys" "$mismatches"
[ "$listed" -gt 0 ] && echo "apache: $listed difference(s) listed in $known"
[ "$mismatches" -eq 0 ]
