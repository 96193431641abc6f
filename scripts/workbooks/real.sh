#!/bin/bash
# Extract the real-world workbooks that checks/src/test/resources/workbooks/real/SOURCES.md lists
# from the fetched repository snapshots into DEST, and check each one's SHA-256 prefix.
#
#   scripts/workbooks/real.sh DEST          (MIRRORS=/work/.mirror by default)
#
# The files are not committed (SOURCES.md says why); this makes them again wherever the
# snapshots are: fetch github:OWNER/NAME for each repository the table names first.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCES=$HERE/../../checks/src/test/resources/workbooks/real/SOURCES.md
MIRRORS=${MIRRORS:-/work/.mirror}
[ $# -eq 1 ] || { echo "usage: $0 DEST" >&2; exit 2; }
dest=$1
mkdir -p "$dest"
n=0 bad=0
# table rows: | `name` | owner/repo | `path` | `commit` | licence | `sha256 prefix` | what |
while IFS='|' read -r _ name repo path commit _ sha _; do
    name=$(echo "$name" | tr -d ' `') repo=$(echo "$repo" | tr -d ' ')
    path=$(echo "$path" | tr -d ' `') commit=$(echo "$commit" | tr -d ' `') sha=$(echo "$sha" | tr -d ' `')
    git_dir=$MIRRORS/${repo/\//+}/repo
    if [ ! -d "$git_dir" ]; then
        echo "real.sh: no snapshot of $repo at $git_dir (fetch github:$repo first)" >&2
        bad=$((bad + 1)); continue
    fi
    if ! git -C "$git_dir" cat-file -e "$commit:$path" 2>/dev/null; then
        echo "real.sh: $repo has no $path at $commit" >&2
        bad=$((bad + 1)); continue
    fi
    git -C "$git_dir" show "$commit:$path" >"$dest/$name"
    got=$(sha256sum "$dest/$name" | cut -c1-16)
    if [ "$got" != "$sha" ]; then
        echo "real.sh: $name has sha256 $got..., SOURCES.md says $sha..." >&2
        bad=$((bad + 1)); continue
    fi
    n=$((n + 1))
done < <(grep -E '^\| `[^`]+\.(xlsx|xlsm|xls)` \|' "$SOURCES")
echo "real.sh: $n workbooks extracted into $dest, $bad missing or different"
[ "$bad" -eq 0 ]
