#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600) with the nightly toolchain,
# then minimises its corpus. Outside CI: `bash fuzz/run.sh [SECONDS]`.
# Needs: rustup toolchain install nightly; cargo install cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
for target in load amount engine; do
  echo "==== fuzz $target for ${secs}s"
  max_len=4096
  [ "$target" = load ] && max_len=20000
  cargo +nightly fuzz run "$target" -- -max_total_time="$secs" -max_len="$max_len" -print_final_stats=1 2>&1 | tail -n 25
  cargo +nightly fuzz cmin "$target" >/dev/null 2>&1 || true
done
