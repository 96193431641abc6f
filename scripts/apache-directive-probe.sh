#!/usr/bin/env bash
# Asks Debian's apache2 where it accepts each directive of chuan's table: for every directive, an
# `apache2 -t` of a configuration that loads every module the package ships (one MPM) and writes the
# directive once, at the top, in a <VirtualHost>, and in <Directory>, <Location>, <Files>, <If> and
# <Proxy>. Prints "NAME<TAB>CONTEXT<TAB>EXIT<TAB>ERROR" lines for scripts/apache-directives.py, which
# keeps a context unless httpd refused the place ("not allowed", "cannot occur within", ...) or did
# not know the directive. Takes a while (about 5,000 runs); needs apache2. Nothing is started.
#   scripts/apache-directive-probe.sh checks/src/main/resources/chuan/config/apache/directives.tsv > probe.tsv
set -uo pipefail
table="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  echo "ServerRoot $work"; echo "ServerName localhost"; echo "PidFile $work/pid"; echo "ErrorLog /dev/null"
  for m in /usr/lib/apache2/modules/mod_*.so; do
    n="$(basename "$m" .so)"; n="${n#mod_}"
    case "$n" in mpm_worker|mpm_prefork|cgi) continue ;; esac  # one MPM; mod_cgid stands for mod_cgi
    echo "LoadModule ${n}_module $m"
  done
} > "$work/base.conf"
grep -v '^#' "$table" | while IFS=$'\t' read -r name _ _; do
  if [[ $name == \<* ]]; then inner="${name#<}"; inner="${inner%>}"; line="<$inner x>"$'\n'"</$inner>"; else line="$name x"; fi
  for where in s v d l f i p; do
    case "$where" in
      s) body="$line" ;;
      v) body="<VirtualHost *:80>"$'\n'"$line"$'\n'"</VirtualHost>" ;;
      d) body="<Directory /tmp>"$'\n'"$line"$'\n'"</Directory>" ;;
      l) body="<Location /x>"$'\n'"$line"$'\n'"</Location>" ;;
      f) body="<Files x>"$'\n'"$line"$'\n'"</Files>" ;;
      i) body="<If \"true\">"$'\n'"$line"$'\n'"</If>" ;;
      p) body="<Proxy \"http://x/\">"$'\n'"$line"$'\n'"</Proxy>" ;;
    esac
    { cat "$work/base.conf"; echo "$body"; } > "$work/t.conf"
    out="$(apache2 -d "$work" -f "$work/t.conf" -t 2>&1)"; rc=$?
    err="$(grep -v 'AH00558\|^Action\|The Apache error\|Syntax OK\|WARNING\|warn\]' <<<"$out" | tr '\n' ' ' | cut -c1-300)"
    printf '%s\t%s\t%s\t%s\n' "$name" "$where" "$rc" "$err"
  done
done
