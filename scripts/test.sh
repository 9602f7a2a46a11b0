#!/usr/bin/env bash
# Every test suite, in order:
#   1. native      cargo test (unit, integration and doc tests on the host)
#   2. build       scripts/build.sh (pkg/ for the end-to-end tests)
#   3. wasm dpr 1  cargo test --target wasm32-unknown-unknown --test web   (headless Chromium via chromedriver)
#   4. wasm dpr 2  the same with --force-device-scale-factor=2              (only if tests/web.rs exists)
#   5. e2e         node --test tests/e2e/*.test.mjs                        (playwright-core + Chromium)
# Exits non-zero if any suite fails. A suite whose prerequisite failed is skipped (and counted as failed).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh test || exit 1

names=()
states=()
record() { names+=("$1"); states+=("$2"); }
banner() { printf '\n==== %s ====\n' "$1"; }

# 1. native
banner "native: cargo test"
if cargo test; then record "native (cargo test)" PASS; else record "native (cargo test)" FAIL; fi

# 2. build
banner "build: scripts/build.sh"
built=false
if bash scripts/build.sh; then record "build (scripts/build.sh)" PASS; built=true; else record "build (scripts/build.sh)" FAIL; fi

# 3-4. wasm tests in the browser
if [ -f tests/web.rs ]; then
  wasm_env=(CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60)
  banner "wasm in Chromium, devicePixelRatio 1"
  if env "${wasm_env[@]}" cargo test --target wasm32-unknown-unknown --test web; then
    record "wasm in Chromium (dpr 1)" PASS
  else
    record "wasm in Chromium (dpr 1)" FAIL
  fi
  banner "wasm in Chromium, devicePixelRatio 2"
  if env "${wasm_env[@]}" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver-dpr2.json" \
       cargo test --target wasm32-unknown-unknown --test web; then
    record "wasm in Chromium (dpr 2)" PASS
  else
    record "wasm in Chromium (dpr 2)" FAIL
  fi
else
  record "wasm in Chromium (no tests/web.rs)" SKIP
fi

# 5. end-to-end
shopt -s nullglob
e2e_files=(tests/e2e/*.test.mjs)
shopt -u nullglob
if [ "${#e2e_files[@]}" -eq 0 ]; then
  record "e2e (no tests/e2e/*.test.mjs)" SKIP
elif [ "$built" != true ]; then
  record "e2e (skipped: build failed)" FAIL
else
  banner "end-to-end: node --test tests/e2e/"
  if node --test --test-reporter=spec "${e2e_files[@]}"; then record "e2e (node --test)" PASS; else record "e2e (node --test)" FAIL; fi
fi

# Recap: the last line is "N passed, N failed".
passed=0; failed=0
echo
echo "==== summary ===="
for i in "${!names[@]}"; do
  printf '%-5s %s\n' "${states[$i]}" "${names[$i]}"
  case "${states[$i]}" in PASS) passed=$((passed + 1)) ;; FAIL) failed=$((failed + 1)) ;; esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
