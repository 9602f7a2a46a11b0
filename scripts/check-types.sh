#!/usr/bin/env bash
# The TypeScript gate: tsc --strict over the published declarations (www/trade-widget.d.ts) through
# tests/types/usage.ts, which uses every method, property and field they declare. It fails when the
# declarations do not compile, or when usage.ts no longer agrees with them (a key renamed, added or
# removed, a type changed). It also writes test-results/types/usage.js, which
# tests/e2e/api.test.mjs runs against the real widget (the run-time half of the same check).
#
#   bash scripts/check-types.sh        exit 0: the declarations agree with usage.ts; else tsc's messages
#
# Needs the npm dev dependencies (scripts/setup.sh build installs typescript, pinned in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."

tsc=node_modules/.bin/tsc
if [ ! -x "$tsc" ]; then
  echo "check-types: $tsc not found; run scripts/setup.sh build (npm ci installs typescript)" >&2
  exit 1
fi
echo "check-types: $("$tsc" --version) -p tests/types (strict)"
if "$tsc" -p tests/types --pretty false; then
  echo "check-types: www/trade-widget.d.ts and tests/types/usage.ts agree"
else
  echo "check-types: error: tsc failed (above): www/trade-widget.d.ts and tests/types/usage.ts disagree, or one does not compile" >&2
  exit 1
fi
