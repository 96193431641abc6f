#!/usr/bin/env bash
# Benchmark of primary and foreign keys; see keys.py. Example: bench/keys.sh --rows 10000000
exec python3 "$(dirname "$0")/keys.py" "$@"
