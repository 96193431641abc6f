#!/bin/bash
# LibreOffice's reading of every test workbook: the oracle a workbook reader is held to.
#
#   scripts/workbooks/oracle.sh            regenerate into a temporary folder and compare with the
#                                          committed checks/src/test/resources/workbooks/oracle/;
#                                          exit 1 (and show the difference) when they differ
#   scripts/workbooks/oracle.sh --write    regenerate the committed oracle
#   scripts/workbooks/oracle.sh --real DIR OUT
#                                          the same outputs for the workbooks in DIR, written to OUT
#                                          (for real-world files, which are not committed: real/SOURCES.md)
#
# For each workbook of made/, hostile/ (less the two bombs, which it would inflate) and the
# workbook samples of samples/registers/ it writes
#   oracle/raw/FILE/BASE-SHEET.csv     every sheet as CSV, values NOT as shown (RAW_FILTER)
#   oracle/shown/FILE/BASE-SHEET.csv   every sheet as CSV, values as shown (SHOWN_FILTER)
#   oracle/cells/FILE.tsv              every cell as Calc holds it (oracle_cells.py, through UNO)
# and FILE/NOT-LOADED where LibreOffice refuses the file. oracle/README.md says what each holds.
#
# Needs libreoffice-calc-nogui and python3-uno (Debian 12: LibreOffice 7.4).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WB=$ROOT/checks/src/test/resources/workbooks
ORACLE=$WB/oracle
# Tokens: 1 separator ',' (44), 2 text delimiter '"' (34), 3 UTF-8 (76), 4 first line 1,
# 5 column formats (none), 6 language en-US (1033), 7 quote all text cells: no, 8 detect special
# numbers (import only), 9 save cell contents as shown: no (raw) / yes (shown), 10 export cell
# formulas: no, 11 remove spaces: no, 12 sheet: -1 = every sheet to its own file (LibreOffice 7.2+).
RAW_FILTER='Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1'
SHOWN_FILTER='Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1'
# Calc's output depends on no locale of the machine: pin one, and a fresh user profile per run.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC

mode=check
real_dir= real_out=
case "${1:-}" in
    --write) mode=write ;;
    --real) mode=real; real_dir=$(cd "$2" && pwd); real_out=$3 ;;
    "") ;;
    *) echo "usage: $0 [--write | --real DIR OUT]" >&2; exit 2 ;;
esac

command -v soffice >/dev/null || { echo "oracle.sh: soffice not found (apt-get install libreoffice-calc-nogui python3-uno)" >&2; exit 2; }
/usr/bin/python3 -c 'import uno' 2>/dev/null || { echo "oracle.sh: python3-uno not found (apt-get install python3-uno)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/oracle

inputs=()
if [ "$mode" = real ]; then
    while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$real_dir" -maxdepth 1 -type f \( -name '*.xls' -o -name '*.xlsx' -o -name '*.xlsm' \) -print0 | sort -z)
else
    for f in "$WB"/made/*.xlsx "$WB"/made/*.xlsm "$WB"/made/*.xls "$WB"/hostile/*.xlsx "$WB"/hostile/*.xls \
             "$ROOT"/samples/registers/*.xlsx "$ROOT"/samples/registers/*.xls; do
        case "$(basename "$f")" in
            zip-bomb.xlsx|many-entries.xlsx) ;;    # LibreOffice would inflate them: no oracle
            *) inputs+=("$f") ;;
        esac
    done
fi

# soffice --convert-to names each sheet's file BASE-SHEET.csv in one --outdir, so NAME-lo.xlsx and
# NAME-lo.xls would collide: convert in one soffice run per file extension, and file each output
# under its input's name from the "convert IN" / "Writing sheet S -> OUT" lines soffice prints.
convert() {  # convert FILTER MODE FILE...
    local filter=$1 what=$2
    shift 2
    local work=$tmp/work-$what-$RANDOM
    mkdir -p "$work"
    soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore \
        --convert-to "csv:$filter" --outdir "$work" "$@" >"$work.log" 2>&1 || true
    local current=
    while IFS= read -r line; do
        case "$line" in
            "convert "*)
                current=${line#convert }
                current=${current%% using filter*}
                current=${current%% -> *}
                mkdir -p "$out/$what/$(basename "$current")" ;;
            "Writing sheet "*)
                local csv=${line##* -> }
                mv "$csv" "$out/$what/$(basename "$current")/" ;;
        esac
    done <"$work.log"
    for f in "$@"; do
        if [ ! -d "$out/$what/$(basename "$f")" ]; then
            mkdir -p "$out/$what/$(basename "$f")"
            echo "LibreOffice: source file could not be loaded" >"$out/$what/$(basename "$f")/NOT-LOADED"
        fi
    done
}

by_ext() {  # the inputs whose name ends with $1
    local f
    for f in "${inputs[@]}"; do
        case "$f" in *"$1") printf '%s\0' "$f" ;; esac
    done
}

for ext in .xlsx .xlsm .xls; do
    group=()
    while IFS= read -r -d '' f; do group+=("$f"); done < <(by_ext "$ext")
    [ ${#group[@]} -eq 0 ] && continue
    convert "$RAW_FILTER" raw "${group[@]}"
    convert "$SHOWN_FILTER" shown "${group[@]}"
done
/usr/bin/python3 "$HERE/oracle_cells.py" "$out/cells" "${inputs[@]}"
soffice --version | sed 's/ [0-9a-f]\{40\}.*//; s/ ([^)]*)//' >"$out/VERSION"

case $mode in
    real)
        mkdir -p "$real_out"
        rm -rf "$real_out/raw" "$real_out/shown" "$real_out/cells"
        cp -r "$out"/. "$real_out"/
        echo "oracle.sh: ${#inputs[@]} workbooks of $real_dir read into $real_out" ;;
    write)
        rm -rf "$ORACLE/raw" "$ORACLE/shown" "$ORACLE/cells" "$ORACLE/VERSION"
        mkdir -p "$ORACLE"
        cp -r "$out"/. "$ORACLE"/
        echo "oracle.sh: wrote the oracle of ${#inputs[@]} workbooks" ;;
    check)
        if diff -r --exclude=README.md "$ORACLE" "$out" >"$tmp/diff" 2>&1; then
            echo "oracle.sh: the committed oracle of ${#inputs[@]} workbooks is what $(cat "$out/VERSION") reads now"
        else
            echo "oracle.sh: the committed oracle differs from what $(cat "$out/VERSION") reads now:" >&2
            head -100 "$tmp/diff" >&2
            exit 1
        fi ;;
esac
