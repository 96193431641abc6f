#!/usr/bin/env bash
# Whole-process benchmark of the CLI; see run.py. Example: bench/run.sh --rows 1000000 --runs 5
exec python3 "$(dirname "$0")/run.py" "$@"
