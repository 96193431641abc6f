#!/usr/bin/env python3
"""nginx's own view of a configuration, from what "nginx -T" printed: the files nginx read, in the order it
read them, and per server block the ssl_protocols, ssl_ciphers and server_tokens in force, following
nginx 1.22's rules. Used by nginx.sh as the oracle chuan is compared with.

Only configurations nginx accepted are read here, so syntax errors need no handling. What nginx decides
itself (which files exist, which a wildcard matches, their text) comes from the dump; what the dump does not
say (inheritance, repeats) follows nginx's source:
- a server's own ssl_protocols, else its http (stream, mail) block's, else the compiled-in default
  (TLSv1 TLSv1.1 TLSv1.2 before 1.23.4); repeats in one block are ORed (ngx_conf_set_bitmask_slot);
- ssl_ciphers: the server's, else the block's, else HIGH:!aNULL:!MD5;
- server_tokens (http only): the server's, else http's, else on.
"""
import fnmatch
import re
import sys

PREFIX = "/etc/nginx/"
PROTOCOLS = ["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]
CUSTOM = {"types", "map", "geo", "split_clients", "charset_map"}


def dumped_files(dump):
    """{name: text} in dump order; nginx prints each file once, its text then a newline."""
    files = {}
    parts = re.split(r"^# configuration file (.+):\n", dump, flags=re.M)
    for i in range(1, len(parts), 2):
        text = parts[i + 1]
        files[parts[i]] = text[:-1] if text.endswith("\n") else text
    return files


def tokens(text):
    """(words, terminator, line of the first word) per statement, as ngx_conf_read_token splits them."""
    i, n, line = 0, len(text), 1
    words, start_line = [], None
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif c in ";{}":
            yield words, c, start_line
            words, start_line = [], None
            i += 1
        else:
            if not words:
                start_line = line
            w = []
            if c in "\"'":
                q = c
                i += 1
                while i < n and text[i] != q:
                    if text[i] == "\\" and i + 1 < n:
                        w.append(text[i:i + 2])
                        i += 2
                        continue
                    if text[i] == "\n":
                        line += 1
                    w.append(text[i])
                    i += 1
                i += 1
            else:
                var = False
                while i < n:
                    d = text[i]
                    if d == "{" and var:
                        w.append(d)
                        i += 1
                        continue
                    var = False
                    if d == "\\" and i + 1 < n:
                        w.append(text[i:i + 2])
                        i += 2
                        continue
                    if d in " \t\r\n;{":
                        break
                    var = d == "$"
                    w.append(d)
                    i += 1
            words.append(unescape("".join(w)))
    if words:
        yield words, None, start_line


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\"'\\tnr":
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def expand(pattern, files):
    path = pattern if pattern.startswith("/") else PREFIX + pattern
    if not re.search(r"[*?\[]", path):
        return [path]
    parts = path.split("/")
    matched = []
    for name in files:
        p = name.split("/")
        if len(p) != len(parts):
            continue
        if all(fnmatch.fnmatchcase(a, b) and (not a.startswith(".") or b.startswith(".")) for a, b in zip(p, parts)):
            matched.append(name)
    return sorted(matched, key=lambda s: s.encode())


class Block:
    def __init__(self, name, parent, file, line):
        self.name, self.parent, self.file, self.line = name, parent, file, line
        self.directives, self.children = [], []


def tree(files, main):
    root = Block("main", None, main, 0)
    stack = [(iter(tokens(files[main])), main)]
    current = root
    custom_depth = 0
    while stack:
        it, name = stack[-1]
        step = next(it, None)
        if step is None:
            stack.pop()
            continue
        words, term, line = step
        if term == "}":
            if custom_depth:
                custom_depth -= 1
            else:
                current = current.parent
            continue
        if term == "{":
            if custom_depth:
                custom_depth += 1
                continue
            b = Block(words[0], current, name, line)
            current.children.append(b)
            if words[0] in CUSTOM:
                custom_depth = 1
            else:
                current = b
            continue
        if not words:
            continue
        if words[0] == "include":
            for f in reversed(expand(words[1], files)):
                stack.append((iter(tokens(files[f])), f))
            continue
        if not custom_depth:
            current.directives.append((words[0], words[1:], name, line))
    return root


def servers(root):
    out = []
    todo = [root]
    while todo:
        b = todo.pop(0)
        for c in b.children:
            if c.name == "server" and b.name in ("http", "stream", "mail"):
                out.append((b, c))
        todo[0:0] = [c for c in b.children]
    return out


def own(block, key):
    return [args for name, args, _, _ in block.directives if name == key]


def view(block, http, key):
    if key == "ssl_protocols":
        for b in (block, http):
            sets = own(b, key)
            if sets:
                enabled = {p.lower() for args in sets for p in args}
                return " ".join(p for p in PROTOCOLS if p.lower() in enabled)
        return "TLSv1 TLSv1.1 TLSv1.2"
    default = {"ssl_ciphers": "HIGH:!aNULL:!MD5", "server_tokens": "on"}[key]
    for b in (block, http):
        sets = own(b, key)
        if sets:
            return sets[0][0].lower() if key == "server_tokens" else sets[0][0]
    return default


def main():
    dump = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read()
    files = dumped_files(dump)
    main_file = next(iter(files))
    print("files\t" + "\t".join(files))
    for i, (parent, server) in enumerate(servers(tree(files, main_file))):
        keys = ["ssl_protocols", "ssl_ciphers"] + (["server_tokens"] if parent.name == "http" else [])
        for key in keys:
            print("\t".join(["value", str(i), parent.name, str(server.line), key, view(server, parent, key)]))


if __name__ == "__main__":
    main()
