#!/usr/bin/env bash
# Every gate, then every test suite, in order:
#   gates (quick; each names the command that fixes it)
#     fmt            cargo fmt --all --check
#     clippy         cargo clippy --all-targets -- -D warnings                    (native: core, draw, bins, tests, benches)
#     clippy wasm32  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
#     clippy views   the same for the calculator, timeline and reader modules (--no-default-features --features VIEW)
#                    (src/web is compiled only for wasm32, so only this run lints it)
#     doc            RUSTDOCFLAGS="-D warnings" cargo doc --no-deps               (natively, then for wasm32)
#     types          bash scripts/check-types.sh                                  (tsc --strict on the .d.ts)
#   suites
#     1. native      cargo test (unit, integration and doc tests on the host)
#     2. build       scripts/build.sh (pkg/ for the end-to-end tests)
#     3. wasm dpr 1  wasm-pack test --headless --chrome -- --test web   (headless Chromium via Debian's chromedriver)
#     4. wasm dpr 2  the same with Chromium's --force-device-scale-factor=2; then at dpr 1 against the
#                    calculator's and the timeline's modules (--no-default-features --features VIEW)
#     5. e2e         node --test tests/e2e/*.test.mjs                   (playwright-core + Chromium)
# Every gate and suite is recorded PASS or FAIL in the summary. One that cannot run (a missing
# file, a failed prerequisite) is recorded as FAIL: a check that did not run has not passed.
# Exits non-zero if anything failed; the last line is "N passed, N failed".
#
#   bash scripts/test.sh          everything (make test)
#   bash scripts/test.sh gates    the gates only, with the same summary
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

only="${1:-all}"
case "$only" in all|gates) ;; *) echo "usage: scripts/test.sh [gates]" >&2; exit 2 ;; esac

bash scripts/setup.sh test || exit 1

names=()
states=()
record() { names+=("$1"); states+=("$2"); }
banner() { printf '\n==== %s ====\n' "$1"; }
# check NAME COMMAND...: runs the command and records NAME as PASS or FAIL.
check() {
  local name="$1"
  shift
  banner "$name: $*"
  if "$@"; then record "$name" PASS; else record "$name" FAIL; fi
}
# gate NAME FIX COMMAND...: a check that, when it fails, says how to fix it.
gate() {
  local name="$1" fix="$2"
  shift 2
  banner "gate: $name: $*"
  if "$@"; then
    record "gate: $name" PASS
  else
    echo "gate: $name failed; fix: $fix"
    record "gate: $name" FAIL
  fi
}

# --- gates ---------------------------------------------------------------------
gate "rustfmt" "cargo fmt (or rustfmt <file>)" \
  cargo fmt --all --check
gate "clippy, native" "the warnings above; cargo clippy --fix --all-targets applies the mechanical ones" \
  cargo clippy --all-targets -- -D warnings
gate "clippy, wasm32" "the warnings above; cargo clippy --fix --target wasm32-unknown-unknown --all-targets" \
  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The single-view modules (issue 11): code only one view uses must not warn in the other's module.
for view in calculator timeline reader; do
  gate "clippy, wasm32, $view module" "the warnings above (gate the code behind ViewMode::has_calc/has_timeline, or cfg it)" \
    cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features "$view" -- -D warnings
done
gate "rustdoc, native" "the warnings above (broken intra-doc links, bare URLs, unclosed HTML tags in doc comments)" \
  env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
gate "rustdoc, wasm32" "the warnings above (this run documents src/web)" \
  env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown
if [ -f scripts/check-types.sh ]; then
  gate "TypeScript declarations" "make the .d.ts agree with the code (tsc's messages above)" \
    bash scripts/check-types.sh
else
  banner "gate: TypeScript declarations"
  echo "scripts/check-types.sh missing"
  record "gate: TypeScript declarations (scripts/check-types.sh missing)" FAIL
fi

summary() {
  local passed=0 failed=0 i
  echo
  echo "==== summary ===="
  for i in "${!names[@]}"; do
    printf '%-5s %s\n' "${states[$i]}" "${names[$i]}"
    if [ "${states[$i]}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  done
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
if [ "$only" = gates ]; then
  summary
  exit
fi

# --- 1. native -------------------------------------------------------------------
check "native (cargo test)" cargo test

# --- 2. build --------------------------------------------------------------------
built=false
banner "build: scripts/build.sh"
if bash scripts/build.sh; then record "build (scripts/build.sh)" PASS; built=true; else record "build (scripts/build.sh)" FAIL; fi

# --- 3-4. the browser tests through wasm-pack -------------------------------------
# --mode no-install and --chromedriver: wasm-pack uses the wasm-bindgen-test-runner on PATH
# (setup.sh installed it at the Cargo.lock version) and Debian's chromedriver, and fails
# rather than download either. `-- --test web` builds and runs tests/web.rs only.
# Each run's Chromium capabilities come from a webdriver JSON (WASM_BINDGEN_TEST_WEBDRIVER_JSON,
# read by wasm-bindgen-test-runner): the device scale factor is forced, and Chromium's own
# background downloads (component updates) are off. TRADE_WIDGET_EXPECT_DPR is compiled into
# tests/web.rs, whose first test fails unless the page really has that devicePixelRatio.
wasm_suite() {
  local dpr="$1" caps="$2"
  shift 2 # the rest: cargo's feature flags for a single-view module
  env CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT=180 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$caps" TRADE_WIDGET_EXPECT_DPR="$dpr" \
    wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install -- --test web "$@"
}
if [ ! -f tests/web.rs ]; then
  record "wasm in Chromium (tests/web.rs missing)" FAIL
elif ! command -v wasm-pack >/dev/null 2>&1; then
  record "wasm in Chromium (wasm-pack not installed; run scripts/setup.sh test)" FAIL
else
  mkdir -p target/tmp
  caps1="$PWD/target/tmp/webdriver-dpr1.json"
  printf '%s\n' '{"goog:chromeOptions":{"args":["--force-device-scale-factor=1","--disable-background-networking","--disable-component-update","--no-first-run"]}}' >"$caps1"
  banner "wasm in Chromium, devicePixelRatio 1: wasm-pack test --headless --chrome -- --test web"
  if wasm_suite 1 "$caps1"; then record "wasm in Chromium (dpr 1)" PASS; else record "wasm in Chromium (dpr 1)" FAIL; fi
  banner "wasm in Chromium, devicePixelRatio 2: wasm-pack test --headless --chrome -- --test web"
  if wasm_suite 2 "$PWD/tests/webdriver-dpr2.json"; then record "wasm in Chromium (dpr 2)" PASS; else record "wasm in Chromium (dpr 2)" FAIL; fi
  # Each single-view module (issue 11), its view's tests only, at devicePixelRatio 1.
  for view in calculator timeline; do
    banner "wasm in Chromium, the $view module: wasm-pack test … -- --test web --no-default-features --features $view"
    if wasm_suite 1 "$caps1" --no-default-features --features "$view"; then
      record "wasm in Chromium ($view module)" PASS
    else
      record "wasm in Chromium ($view module)" FAIL
    fi
  done
fi

# --- 5. end-to-end -----------------------------------------------------------------
shopt -s nullglob
e2e_files=(tests/e2e/*.test.mjs)
shopt -u nullglob
if [ "${#e2e_files[@]}" -eq 0 ]; then
  record "e2e (no tests/e2e/*.test.mjs)" FAIL
elif [ "$built" != true ]; then
  record "e2e (not run: the build failed)" FAIL
else
  check "e2e (node --test)" node --test --test-reporter=spec "${e2e_files[@]}"
fi

# --- summary: the last line is "N passed, N failed" ---------------------------------
summary
