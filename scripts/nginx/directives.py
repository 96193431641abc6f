#!/usr/bin/env python3
"""Writes nginx's directive table (what ngx_conf_handler() checks) from nginx's own sources.

Usage: scripts/nginx/directives.py GIT_DIR > checks/src/main/resources/chuan/config/nginx/directives.tsv
       scripts/nginx/directives.py --variables GIT_DIR > checks/src/main/resources/chuan/config/nginx/variables.tsv

GIT_DIR is a clone of https://github.com/nginx/nginx. For the last release of every minor version
from 1.14 on, every module's ngx_command_t array is read: the directive's name, the module type and
context flags, the argument count flags, the handler that sets it (which decides whether a repeat is
"is duplicate", ORed, or collected), and the values an on/off, enum or bitmask directive accepts.
Rows that are the same in consecutive versions are merged into one with a version range.

Only modules that build on Linux are read (no kqueue, devpoll, eventport, iocp, win32).
"""
import re
import subprocess
import sys

EXCLUDE = re.compile(r"(win32|kqueue|devpoll|eventport|iocp|/os/)")
MODULE_TYPES = {"NGX_CORE_MODULE": "core", "NGX_CONF_MODULE": "conf", "NGX_EVENT_MODULE": "event",
                "NGX_HTTP_MODULE": "http", "NGX_MAIL_MODULE": "mail", "NGX_STREAM_MODULE": "stream"}
# handlers whose "is duplicate" depends on the arguments (the same zone twice, "off" after a value,
# root after alias): a repeat is not judged from the table
CONDITIONAL = {"limit_conn", "limit_req", "mirror", "proxy_redirect", "proxy_cookie_domain", "proxy_cookie_path",
               "proxy_cookie_flags", "http2_push", "root", "alias"}
DUP_SLOTS = {"ngx_conf_set_flag_slot", "ngx_conf_set_str_slot", "ngx_conf_set_num_slot", "ngx_conf_set_size_slot",
             "ngx_conf_set_off_slot", "ngx_conf_set_msec_slot", "ngx_conf_set_sec_slot", "ngx_conf_set_bufs_slot",
             "ngx_conf_set_enum_slot", "ngx_conf_set_path_slot", "ngx_conf_set_access_slot"}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout.decode("utf-8",
                                                                                                              "replace")


def releases(gitdir):
    tags = [t for t in git(gitdir, "tag").split() if re.fullmatch(r"release-1\.\d+\.\d+", t)]
    last = {}
    for t in tags:
        major, minor, patch = map(int, t[len("release-"):].split("."))
        if minor >= 14 and (minor not in last or patch > last[minor][1]):
            last[minor] = (t, patch)
    return [(m, last[m][0]) for m in sorted(last)]


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def split_top(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def defines(gitdir, tag):
    values = {}
    for path in git(gitdir, "ls-tree", "-r", "--name-only", tag, "src").split():
        if path.endswith(".h"):
            for m in re.finditer(r"^#define\s+(NGX_\w+)\s+(.+?)\s*$", git(gitdir, "show", tag + ":" + path), re.M):
                values.setdefault(m.group(1), m.group(2))
    return values


def evaluate(expr, defs, seen=()):
    total = 0
    for part in re.split(r"\|", expr.replace("(", " ").replace(")", " ").replace("\\", " ")):
        part = part.strip()
        if not part:
            continue
        if re.fullmatch(r"0x[0-9a-fA-F]+|\d+", part):
            total |= int(part, 0)
        elif part in defs and part not in seen:
            total |= evaluate(defs[part], defs, seen + (part,))
        else:
            raise ValueError("cannot evaluate " + part)
    return total


def handler_bodies(text):
    bodies = {}
    for m in re.finditer(r"^(\w+)\(ngx_conf_t \*cf, ngx_command_t \*cmd, void \*conf\)\s*\{(.*?)^\}", text, re.M | re.S):
        bodies[m.group(1)] = m.group(2)
    return bodies


def post_values(text, post):
    if not post.startswith("&"):
        return None
    name = post[1:]
    m = re.search(r"ngx_conf_(enum|bitmask)_t\s+" + re.escape(name) + r"\[\]\s*=\s*\{(.*?)\};", text, re.S)
    if not m:
        return None
    return m.group(1), re.findall(r'ngx_string\("([^"]*)"\)', m.group(2))


def sources(gitdir, tag):
    out = {}
    for path in git(gitdir, "ls-tree", "-r", "--name-only", tag, "src").split():
        if path.endswith(".c") and not EXCLUDE.search(path):
            out[path] = strip_comments(git(gitdir, "show", tag + ":" + path))
    return out


def rows(gitdir, tag, defs):
    out = []
    files = sources(gitdir, tag)
    bodies = {}
    for text in files.values():
        bodies.update(handler_bodies(text))
    for path, text in files.items():
        modules = {}
        for m in re.finditer(r"ngx_module_t\s+(\w+)\s*=\s*\{\s*NGX_MODULE_V1\s*,(.*?)\};", text, re.S):
            fields = split_top(m.group(2))
            modules[fields[1]] = (m.group(1), MODULE_TYPES.get(fields[2], fields[2]))
        for m in re.finditer(r"ngx_command_t\s+(\w+)\[\]\s*=\s*\{(.*?)ngx_null_command", text, re.S):
            if m.group(1) not in modules:
                continue
            module, mtype = modules[m.group(1)]
            entries = "\n".join(l for l in m.group(2).splitlines() if not l.strip().startswith("#"))
            for e in re.finditer(r"\{\s*ngx_string\(\"([^\"]+)\"\)\s*,(.*?)\}\s*,", entries, re.S):
                f = split_top(e.group(2))
                flags = evaluate(f[0], defs)
                handler = f[1]
                body = bodies.get(handler, "")
                # a handler that starts by calling a generic slot behaves like it
                calls = [slot for slot in DUP_SLOTS | {"ngx_conf_set_bitmask_slot"} if slot + "(cf, cmd, conf)" in body]
                kind = handler if handler in DUP_SLOTS or handler == "ngx_conf_set_bitmask_slot" or not calls else calls[0]
                post = f[4] if len(f) > 4 else "NULL"
                values = ""
                pv = post_values(text, post)
                if kind == "ngx_conf_set_flag_slot":
                    values = "on,off"
                elif pv and kind in ("ngx_conf_set_enum_slot", "ngx_conf_set_bitmask_slot"):
                    values = ",".join(pv[1])
                if e.group(1) in CONDITIONAL:
                    repeat = "conditional"
                elif kind in DUP_SLOTS or '"is duplicate"' in body:
                    repeat = "duplicate"
                elif kind == "ngx_conf_set_bitmask_slot":
                    repeat = "or"
                else:
                    repeat = "many"
                content = "custom" if flags & 0x100 and "cf->handler = " in body else ""
                offset = re.sub(r"^NGX_(HTTP|STREAM|MAIL)_|_CONF_OFFSET$", "", f[2]).lower() if "OFFSET" in f[2] else ""
                out.append((e.group(1), module, mtype, "0x%08x" % flags, repeat, values, content, offset))
    return out


def variables(gitdir, tag):
    """(name, module type, prefix) of every variable a module of nginx defines in an ngx_*_variable_t array."""
    out = set()
    for text in sources(gitdir, tag).values():
        for m in re.finditer(r"ngx_(http|stream)_variable_t\s+\w+\[\]\s*=\s*\{(.*?)ngx_\1_null_variable", text, re.S):
            for e in re.finditer(r"\{\s*ngx_string\(\"([^\"]+)\"\)\s*,(.*?)\}", m.group(2), re.S):
                fields = split_top(e.group(2))
                flags = fields[3] if len(fields) > 3 else ""
                kinds = [k for k, f in (("prefix", "VAR_PREFIX"), ("changeable", "VAR_CHANGEABLE")) if f in flags]
                out.add((e.group(1), m.group(1), ",".join(kinds)))
        # one variable added by name: static ngx_str_t ngx_http_gzip_ratio = ngx_string("gzip_ratio");
        for m in re.finditer(r"ngx_(http|stream)_add_variable\(cf,\s*&(\w+),\s*([^;]*)\);", text):
            named = re.search(r"ngx_str_t\s+" + re.escape(m.group(2)) + r"\s*=\s*ngx_string\(\"([^\"]+)\"\)", text)
            if named:
                out.add((named.group(1), m.group(1), "changeable" if "VAR_CHANGEABLE" in m.group(3) else ""))
    return out


def write_ranged(table, versions, header):
    newest = versions[-1][0]
    print("# " + header + "; written by scripts/nginx/directives.py from")
    print("# https://github.com/nginx/nginx tags " + versions[0][1] + " to " + versions[-1][1]
          + " (the last release of each minor version).")
    for r in sorted(table, key=lambda r: (r[0], r[1], min(table[r]))):
        minors = sorted(table[r])
        run = [minors[0]]
        for m in minors[1:] + [None]:
            if m is not None and m == run[-1] + 1:
                run.append(m)
                continue
            until = "" if run[-1] == newest else "1.%d" % run[-1]
            print("\t".join(r) + "\t1.%d\t%s" % (run[0], until))
            if m is not None:
                run = [m]


def main():
    if sys.argv[1] == "--variables":
        gitdir = sys.argv[2]
        versions = releases(gitdir)
        table = {}
        for minor, tag in versions:
            for v in variables(gitdir, tag):
                table.setdefault(v, []).append(minor)
        write_ranged(table, versions, "nginx's own variables (name, module, flags: prefix for $http_NAME-like families, "
                     "changeable for those set may assign)")
        return
    gitdir = sys.argv[1]
    table = {}
    versions = releases(gitdir)
    for minor, tag in versions:
        defs = defines(gitdir, tag)
        for r in rows(gitdir, tag, defs):
            table.setdefault(r, []).append(minor)
    newest = versions[-1][0]
    print("# nginx directives as ngx_conf_handler() checks them; written by scripts/nginx/directives.py from")
    print("# https://github.com/nginx/nginx tags " + versions[0][1] + " to " + versions[-1][1]
          + " (the last release of each minor version).")
    print("# name\tmodule\ttype\tflags\trepeat\tvalues\tcontent\tconf\tsince\tuntil")
    for r in sorted(table, key=lambda r: (r[0], r[2], min(table[r]))):
        minors = sorted(table[r])
        # a row present in non-consecutive minors is split into runs
        run = [minors[0]]
        for m in minors[1:] + [None]:
            if m is not None and m == run[-1] + 1:
                run.append(m)
                continue
            until = "" if run[-1] == newest else "1.%d" % run[-1]
            print("\t".join(r) + "\t1.%d\t%s" % (run[0], until))
            if m is not None:
                run = [m]


if __name__ == "__main__":
    main()
