#!/usr/bin/env bash
# Makes samples/registers/households.sqlite, the SQLite sample `chuan scan samples` audits through
# samples/.chuan/profiles/households-sqlite.yaml, from samples/residents/residents-ben-thanh-2026.csv:
# one household per resident, headed by them, in a table with a composite primary key
# (province_code, household_id), so findings are placed by key ("main.households province_code=79
# household_id=3"). As a register kept in a database often is, the head's ID is stored as INTEGER
# (its leading zero is lost: DATA-SQL-TYPE, and the IDs fail their checks) and the head's birth date
# as DATE (ISO text, converted from the CSV's dd/MM/yyyy). Run again, it makes the file anew; the
# same CSV gives the same database.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
csv="$here/../residents/residents-ben-thanh-2026.csv"
out="$here/households.sqlite"
rm -f "$out"
python3 - "$csv" "$out" << 'PY'
import csv, sqlite3, sys
src, out = sys.argv[1], sys.argv[2]
db = sqlite3.connect(out)
db.execute("""CREATE TABLE households (
  province_code TEXT NOT NULL,
  household_id INTEGER NOT NULL,
  head_id INTEGER,
  head_birth_date DATE,
  members INTEGER,
  address TEXT,
  PRIMARY KEY (province_code, household_id)
)""")
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
n = 0
for r in rows[1:]:
    if not r or not r[0]:
        continue
    n += 1
    pid, birth, members, address = r[0], r[3], r[4], r[6]
    d, m, y = (birth.split("/") + ["", "", ""])[:3]
    iso = f"{y}-{m}-{d}" if y and m and d else None
    db.execute("INSERT INTO households VALUES (?, ?, ?, ?, ?, ?)",
               ("79", n, int(pid) if pid.isdigit() else None, iso,
                int(members) if members.isdigit() else members or None, address or None))
db.commit()
db.execute("VACUUM")
db.close()
print(f"{out}: {n} households")
PY
