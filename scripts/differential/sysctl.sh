#!/usr/bin/env bash
# Differential suite for kernel parameters set at boot: every system root under
# checks/src/test/resources/differential/sysctl/ is read by systemd's own tools and by
# `chuan effective ROOT sysctl`, and what they say is compared:
#   files   `systemd-analyze cat-config --root=ROOT sysctl.d`: the files systemd-sysctl reads, in
#           order, a name in /etc hiding it in /run, /usr/local/lib, /usr/lib and /lib; entries
#           masked by a link to /dev/null, and folders, are listed by systemd but never read
#   values  systemd-sysctl itself, given those files in that order, writes every parameter into a
#           scratch copy of /proc/sys (a tmpfs over /proc/sys in a private mount namespace, with
#           this machine's parameter names as empty files, plus the names the files assign), so the
#           machine's kernel is never touched; every parameter it wrote, and every one chuan lists,
#           must have the same value in chuan, asked with `--key` (and in its listing when listed)
# A mismatch fails the suite unless docs/config-audits.md lists it under "Differences from the
# daemons" as "- `sysctl/CASE` ASPECT: reason". Prints one summary line: "sysctl: ...".
# Needs root (the mount namespace), systemd-analyze and systemd-sysctl (systemd 252 or later).
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=lib.sh
. scripts/differential/lib.sh

cases="${1:-checks/src/test/resources/differential/sysctl}"
chuan="${CHUAN:-./chuan}"
known=docs/config-audits.md
sysctl_bin="$(command -v systemd-sysctl || echo /usr/lib/systemd/systemd-sysctl)"
work="$(mktemp -d /tmp/chuan-sysctl-diff.XXXXXX)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
find /proc/sys -type f 2>/dev/null > "$work/proc-names"
# what systemd-sysctl wrote into the scratch /proc/sys: "NAME<TAB>VALUE" for every file it changed
cat > "$work/written.py" <<'EOF'
import os
for d, _, names in os.walk("/proc/sys"):
    for n in names:
        v = open(os.path.join(d, n), "rb").read()
        if v != b"\0":
            print(os.path.join(d, n)[len("/proc/sys/"):], v.decode("utf-8", "replace").removesuffix("\n"), sep="\t")
EOF

roots=0 files=0 keys=0 mismatches=0 listed=0

mismatch() { # CASE ASPECT DETAIL
  if grep -qF -- "- \`sysctl/$1\` $2:" "$known"; then
    echo "  listed    $2: $3"
    listed=$((listed + 1))
  else
    echo "  MISMATCH  $2: $3"
    mismatches=$((mismatches + 1))
  fi
}

for root in "$cases"/*/; do
  root="$(cd "$root" && pwd)"
  name="$(basename "$root")"
  out="$work/$name"
  mkdir -p "$out/files"
  roots=$((roots + 1))
  echo "$name"

  # systemd's list, and the text of each file as systemd read it; run where the root's etc/ is /etc,
  # because cat-config follows an absolute link (99-sysctl.conf -> /etc/sysctl.conf) outside --root
  in_root "$root" systemd-analyze cat-config --root="$root" sysctl.d > "$out/cat" 2> "$out/cat.err"
  python3 - "$root" "$out" <<'EOF'
import os, sys
root, out = sys.argv[1], sys.argv[2]
entries, current = [], None
for line in open(out + "/cat", encoding="utf-8", errors="surrogateescape"):
    if line.startswith("# " + root + "/"):
        current = [line[2 + len(root):].rstrip("\n"), []]
        entries.append(current)
    elif current is not None:
        current[1].append(line)
with open(out + "/oracle.files", "w") as read, open(out + "/oracle.args", "w") as args:
    for i, (path, text) in enumerate(entries):
        disk = root + path
        if os.path.islink(disk) and os.readlink(disk) == "/dev/null":
            continue  # masked: systemd reads nothing, and nothing of that name below
        if os.path.isdir(disk):
            continue  # systemd-sysctl fails to read a folder and ignores it
        read.write(path + "\n")
        f = f"{out}/files/{i:03d}.conf"
        with open(f, "w", encoding="utf-8", errors="surrogateescape") as w:
            w.writelines(text)
        args.write(f + "\n")
# the parameter names the files assign, as paths under /proc/sys (systemd's rule: a key whose first
# separator is '/' keeps its dots; otherwise '.' and '/' swap)
names = set()
for path, text in entries:
    for line in text:
        s = line.strip()
        if not s or s[0] in "#;" or "=" not in s:
            continue
        k = s.split("=", 1)[0].strip().lstrip("-")
        if "*" in k or "?" in k or "[" in k:
            continue
        slash, dot = k.find("/"), k.find(".")
        if not (slash >= 0 and (dot < 0 or slash < dot)):
            k = k.translate(str.maketrans("./", "/."))
        names.add(k)
with open(out + "/names", "w") as w:
    w.write("".join(n + "\n" for n in sorted(names)))
EOF

  # systemd-sysctl applies them to a scratch /proc/sys
  unshare -m --propagation private -- bash -c '
    out="$1"; names="$2"; bin="$3"
    mount -t tmpfs tmpfs /proc/sys
    # every name holds one NUL byte until systemd-sysctl writes it (it writes a newline after any value)
    { cat "$names"; sed "s|^|/proc/sys/|" "$out/names"; } | sed "s|/[^/]*$||" | sort -u | xargs -r mkdir -p
    { cat "$names"; sed "s|^|/proc/sys/|" "$out/names"; } | sort -u | while IFS= read -r f; do printf "\0" > "$f"; done
    mapfile -t args < "$out/oracle.args"
    "$bin" "${args[@]}" > "$out/sysctl.log" 2>&1
    python3 "$4" | sort > "$out/written"
  ' sysctl-oracle "$out" "$work/proc-names" "$sysctl_bin" "$work/written.py"

  # chuan's view
  "$chuan" effective "$root" sysctl > "$out/c.txt" 2> "$out/c.err"
  echo $? > "$out/c.rc"
  sed -n 's/^# read, in order: //p' "$out/c.txt" | tr ',' '\n' | sed 's/^ *//' | sed '/^$/d' > "$out/chuan.files"

  n="$(wc -l < "$out/oracle.files")"
  files=$((files + n))
  if ! diff -q "$out/oracle.files" "$out/chuan.files" >/dev/null; then
    mismatch "$name" files "$(diff "$out/oracle.files" "$out/chuan.files" | grep '^[<>]' | head -6 | tr '\n' ' ')"
  fi

  # values: every parameter systemd wrote and every one chuan lists that exists in /proc/sys
  python3 - "$out" <<'EOF' > "$out/compare"
import re, sys
out = sys.argv[1]
def dotted(path):  # /proc/sys path -> sysctl(8)'s name: '/' separates, a dot in a name shows as '/'
    return path.translate(str.maketrans("./", "/."))
written = {}
for line in open(out + "/written", encoding="utf-8", errors="replace"):
    p, _, v = line.rstrip("\n").partition("\t")
    written[dotted(p)] = v
chuan = {}
for line in open(out + "/c.txt", encoding="utf-8", errors="replace"):
    if line.startswith("#"):
        continue
    m = re.match(r"(\S+) (.*?)    # ", line)
    if m:
        chuan[m.group(1)] = m.group(2)
exists = set(dotted(l.rstrip("\n")[len("/proc/sys/"):]) for l in open(out + "/../proc-names")) | set(
    dotted(l.rstrip("\n")) for l in open(out + "/names"))
for k in sorted(set(written) | (set(chuan) & exists)):
    print(k, "\t", written.get(k, "(not set)"), "\t", chuan.get(k, "?"), sep="")
EOF
  # every compared name asked with --key, in one `chuan shell` session (one command per line)
  cut -f1 "$out/compare" | sed "s|^|effective $root sysctl --key |" | "$chuan" shell > "$out/c.keys" 2>/dev/null
  while IFS=$'\t' read -r key want listed_value; do
    keys=$((keys + 1))
    asked="$(awk -v k="$key" 'index($0, k " ") == 1 { sub(/^[^ ]* /, ""); sub(/    # .*/, ""); print "=" $0; exit }' "$out/c.keys")"
    [ -n "$asked" ] && asked="${asked#=}" || asked="(no answer)"
    [ "$want" = "$asked" ] || mismatch "$name" values "$key: systemd-sysctl wrote '$want', chuan --key says '$asked'"
    if [ "$listed_value" != "?" ] && [ "$listed_value" != "$want" ]; then
      mismatch "$name" values "$key: systemd-sysctl wrote '$want', chuan's listing says '$listed_value'"
    fi
  done < "$out/compare"
done

summary sysctl "$roots" "$files" "$keys" "$mismatches"
[ "$listed" -gt 0 ] && echo "sysctl: $listed difference(s) listed in $known"
[ "$mismatches" -eq 0 ]
