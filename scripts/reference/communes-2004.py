#!/usr/bin/env python3
"""Builds profiles/src/main/resources/chuan/reference/vn/communes-2004.csv: every commune-level
code of the 2004 scheme (Decision 124/2004/QĐ-TTg) from 2004-08-31 to 2025-06-30, one row per
period in which the code existed in one province, with the dates it was in force.

Inputs (public repositories of the General Statistics Office's administrative-unit list,
brought here with git; pass their git directories):
  HIST  daohoangson/dvhcvn-historical-data  data.json at every commit, one commit per change,
        dated with the change's effective date (2004-08-31 .. 2021-07-01)
  DV    daohoangson/dvhcvn                   data/dvhcvn.json at every commit, the commit message
        naming the list's data date ("Update 01/03/2025"), 2019-12-01 .. 2025-03-01

Dates: a unit that appears in HIST is in force from the commit's date; one that appears in a DV
snapshot from the day after the previous snapshot (the change happened in between); a unit that
disappears is in force until the day before the first list without it. Units in the last list are
in force until 2025-06-30, the day before the 2025 reorganisation.

usage: communes-2004.py HIST_GIT_DIR DV_GIT_DIR > communes-2004.csv
"""
import csv
import datetime as dt
import json
import re
import subprocess
import sys

LAST_DAY = dt.date(2025, 6, 30)
TYPES = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi_tran"}


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], capture_output=True, check=True).stdout


def units(repo, commit, path):
    doc = json.loads(git(repo, "show", f"{commit}:{path}"))
    provinces = doc["data"] if isinstance(doc, dict) else doc
    out = {}
    for p in provinces:
        for d in p.get("level2s", []):
            for c in d.get("level3s", []):
                out[c["level3_id"]] = (p["level1_id"], p["name"], d["level2_id"], d["name"], c["name"], TYPES[c["type"]])
    return out


def states(hist, dv):
    """(date, exact, units) in order; exact: the date is the change's effective date."""
    seq = []
    last = None
    for line in git(hist, "log", "--reverse", "--format=%H %cd", "--date=short").decode().split("\n"):
        if not line:
            continue
        commit, day = line.split()
        u = units(hist, commit, "data.json")
        if not u or len(next(iter(u))) != 5:
            continue  # the first commit is the pre-2004 list (3-digit province codes, no communes)
        day = dt.date.fromisoformat(day)
        day = max(day, last) if last else day  # a few commits are out of date order: keep the order of changes
        if seq and seq[-1][0] == day:
            seq.pop()
        seq.append((day, True, u))
        last = day
    by_day = {}
    for line in git(dv, "log", "--reverse", "--format=%H|%s", "--", "data/dvhcvn.json").decode().split("\n"):
        m = re.search(r"\|.*?(\d\d)/(\d\d)/(\d{4})", line)
        if not m:
            continue
        day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day > last:
            by_day[day] = line.split("|")[0]  # the last commit for a data date wins ("again")
    for day in sorted(by_day):
        seq.append((day, False, units(dv, by_day[day], "data/dvhcvn.json")))
    return seq


def rows(seq):
    out = []
    open_rows = {}  # code -> row being extended
    for i, (day, exact, u) in enumerate(seq):
        for code, row in list(open_rows.items()):
            if code not in u or u[code][0] != row["province_code"]:
                row["valid_to"] = (day - dt.timedelta(days=1)).isoformat()
                out.append(open_rows.pop(code))
        for code, (pcode, pname, dcode, dname, name, kind) in u.items():
            row = open_rows.get(code)
            if row is None:
                start = "" if i == 0 else (day if exact else seq[i - 1][0] + dt.timedelta(days=1)).isoformat()
                row = open_rows[code] = {"code": code, "valid_from": start}
            row.update(name=name, type=kind, district_code=dcode, district_name=dname, province_code=pcode,
                       province_name=pname)
    for row in open_rows.values():
        row["valid_to"] = LAST_DAY.isoformat()
        out.append(row)
    return sorted(out, key=lambda r: (r["code"], r["valid_from"]))


def main():
    seq = states(sys.argv[1], sys.argv[2])
    w = csv.DictWriter(sys.stdout, ["code", "name", "type", "district_code", "district_name", "province_code",
                                    "province_name", "valid_from", "valid_to"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows(seq))
    print(f"{len(seq)} lists, {seq[0][0]} .. {seq[-1][0]}; {len(seq[-1][2])} communes in the last", file=sys.stderr)


if __name__ == "__main__":
    main()
