#!/usr/bin/env bash
# Differential suite for nginx: every system root under checks/src/test/resources/differential/nginx is
# shown to the real nginx ("nginx -T" inside in_root, so the root is / to it) and to
# "chuan effective ROOT nginx". Compared: acceptance (nginx -t succeeds / chuan reports no input error),
# the files read and their order (nginx -T's "# configuration file" lines), and per server block the
# ssl_protocols, ssl_ciphers and server_tokens in force (nginx's view derived from its dump by
# nginx_view.py). chuan is told the nginx version that is the oracle (--assume-version).
#
# A case's CERTS file lists "CERT KEY" paths (KEY "-" for a certificate alone) where a throwaway
# self-signed pair is placed in a copy of the root before either program reads it; no key is committed.
# Mismatches listed in docs/config-audits.md ("Known differences from nginx": a row naming the case and
# the kind) are reported as explained; any other fails the suite. Needs root, nginx, openssl, Python 3.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/differential/lib.sh

cases="${NGINX_CASES:-checks/src/test/resources/differential/nginx}"
keys=(ssl_protocols ssl_ciphers server_tokens)
jar="${CHUAN_JAR:-cli/target/chuan.jar}" # CHUAN_JAR: another build, to measure it
[ -f "$jar" ] || ./chuan --version > /dev/null
chuan() { java -XX:TieredStopAtLevel=1 -jar "$jar" "$@"; }
version="$(nginx -v 2>&1 | sed 's#^.*nginx/##')"
current=1 # a build that takes --assume-version and repeated --key; older ones are asked key by key
chuan effective --help 2>/dev/null | grep -q -- --assume-version || current=0

work="$(mktemp -d /tmp/chuan-nginx-diff.XXXXXX)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=chuan-differential \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2> /dev/null

explained_by_docs() { # CASE KIND: is the difference listed with its reason?
  grep -qE "^\| *nginx *\| *\`?$1\`? *\| *$2 *\|" docs/config-audits.md
}

roots=0 files=0 compared=0 mismatches=0 explained=0
for dir in "$cases"/*/; do
  name="$(basename "$dir")"
  root="$work/roots/$name"
  out="$work/out/$name"
  mkdir -p "$root" "$out"
  cp -a "$dir/." "$root/"
  if [ -f "$dir/CERTS" ]; then
    while read -r cert key; do
      [ -n "$cert" ] || continue
      mkdir -p "$(dirname "$root$cert")" && cp "$work/cert.pem" "$root$cert"
      if [ "$key" != "-" ]; then mkdir -p "$(dirname "$root$key")" && cp "$work/key.pem" "$root$key"; fi
    done < "$dir/CERTS"
  fi
  in_root "$root" nginx -T > "$out/nginx.dump" 2> "$out/nginx.err"
  echo $? > "$out/nginx.rc"
  if [ "$current" = 1 ]; then
    chuan effective "$root" nginx --assume-version "nginx=$version" "${keys[@]/#/--key=}" > "$out/chuan.out" 2> "$out/chuan.err"
    echo $? > "$out/chuan.rc"
  else
    chuan effective "$root" nginx > /dev/null 2> "$out/chuan.err"
    echo $? > "$out/chuan.rc"
    for key in "${keys[@]}"; do chuan effective "$root" nginx --key "$key" 2> /dev/null; done > "$out/chuan.out"
  fi
  roots=$((roots + 1))
  while IFS=$'\t' read -r what c kind detail; do
    if [ "$what" = counted ]; then
      files=$((files + c)); compared=$((compared + kind))
      continue
    fi
    if explained_by_docs "$c" "$kind"; then
      explained=$((explained + 1))
      echo "explained: $c $kind: $detail"
    else
      mismatches=$((mismatches + 1))
      echo "MISMATCH: $c $kind: $detail"
    fi
  done < <(python3 scripts/differential/nginx_compare.py "$name" "$out" "${keys[@]}")
done

summary nginx "$roots" "$files" "$compared" "$mismatches"
[ "$explained" -eq 0 ] || echo "($explained more listed with their reason in docs/config-audits.md)"
[ "$mismatches" -eq 0 ]
