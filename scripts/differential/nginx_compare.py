#!/usr/bin/env python3
"""Compares one system root as nginx saw it with what "chuan effective ROOT nginx" says.

Usage: nginx_compare.py CASE OUTDIR KEY...
OUTDIR holds nginx.rc, nginx.err and nginx.dump ("nginx -T"), chuan.rc, chuan.err and chuan.out
("chuan effective ROOT nginx --key KEY..."): the files read, then each server with each key's value. Prints one line per mismatch,
"mismatch CASE KIND DETAIL", where KIND is acceptance, files or value, then "counted FILES KEYS MISMATCHES".
nginx accepting means "nginx -T" exited 0; chuan accepting means "chuan effective" did not exit 3 (an
input error: a file nginx would refuse).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def chuan_files(out):
    for line in out.splitlines():
        if line.startswith("# read, in order: "):
            return line[len("# read, in order: "):].split(", ")
    return []


def chuan_values(out, key):
    """[(server line, value)] in the order chuan lists servers."""
    values = []
    server_line = None
    for line in out.splitlines():
        m = re.match(r"^(?:\S+ )?server .*    # .*:(\d+)$", line)
        if m and not line.startswith(" "):
            server_line = int(m.group(1))
            continue
        if line.startswith("    " + key + " ") and server_line is not None:
            value = line[len("    " + key + " "):].split("    # ")[0]
            values.append((server_line, None if value == "(not set)" else value))
            server_line = None
    return values


def normalise(key, value):
    if value is None:
        return None
    if key == "ssl_protocols":
        return " ".join(sorted(value.lower().split()))
    if key == "server_tokens":
        return value.lower()
    return value


def main():
    case, out, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    mismatches = []
    nginx_ok = read(os.path.join(out, "nginx.rc")).strip() == "0"
    chuan_rc = read(os.path.join(out, "chuan.rc")).strip()
    chuan_ok = chuan_rc != "3"
    if nginx_ok != chuan_ok:
        why = [re.sub(r"^\d+#\d+: ", "", l.split("] ", 1)[-1]) for l in read(os.path.join(out, "nginx.err")).splitlines() if "[emerg]" in l or "[alert]" in l or "[crit]" in l]
        said = [l for l in read(os.path.join(out, "chuan.err")).splitlines() if "error" in l]
        mismatches.append(("acceptance", "nginx %s (%s), chuan %s (exit %s%s)" % (
            "accepts" if nginx_ok else "refuses", why[0] if why else "exit " + read(os.path.join(out, "nginx.rc")).strip(),
            "accepts" if chuan_ok else "refuses", chuan_rc, ": " + said[0] if said else "")))
    files = keys_compared = 0
    if nginx_ok and chuan_ok:
        view = subprocess.run([sys.executable, os.path.join(HERE, "nginx_view.py"), os.path.join(out, "nginx.dump")],
                              capture_output=True, text=True, check=True).stdout.splitlines()
        nginx_files = view[0].split("\t")[1:]
        ours = chuan_files(read(os.path.join(out, "chuan.out")))
        files = len(nginx_files)
        if ours != nginx_files:
            mismatches.append(("files", "nginx read %s; chuan read %s" % (", ".join(nginx_files), ", ".join(ours) or "(none listed)")))
        expected = {}
        for line in view[1:]:
            _, index, block, server_line, key, value = line.split("\t", 5)
            expected.setdefault(key, []).append((int(server_line), value))
        for key in keys:
            want = expected.get(key, [])
            got = chuan_values(read(os.path.join(out, "chuan.out")), key)
            for i, (line, value) in enumerate(want):
                keys_compared += 1
                if i >= len(got):
                    mismatches.append(("value", "%s: server %d (line %d): nginx %s, chuan has no such server" % (key, i + 1, line, value)))
                    continue
                if got[i][0] != line or normalise(key, got[i][1]) != normalise(key, value):
                    mismatches.append(("value", "%s: server %d (line %d): nginx %s, chuan %s (line %d)"
                                       % (key, i + 1, line, value, got[i][1], got[i][0])))
            for i in range(len(want), len(got)):
                mismatches.append(("value", "%s: server %d (line %d): chuan lists a server nginx has not" % (key, i + 1, got[i][0])))
    for kind, detail in mismatches:
        print("mismatch\t%s\t%s\t%s" % (case, kind, detail))
    print("counted\t%d\t%d\t%d" % (files, keys_compared, len(mismatches)))


if __name__ == "__main__":
    main()
