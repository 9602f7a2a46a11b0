#!/usr/bin/env bash
# Install what `make demo` (setup.sh build) or `make test` (setup.sh test) needs.
# Idempotent: anything already installed is skipped. Downloads come only from
# package registries (crates.io through cargo, npm, Debian's apt).
#
#   scripts/setup.sh build   Rust wasm32 target, wasm-bindgen CLI (Cargo.lock version), npm devDependencies
#   scripts/setup.sh test    the same, plus rustfmt and clippy (rustup components), wasm-pack
#                            (cargo install), Chromium and ChromeDriver (Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
case "$mode" in build|test) ;; *) echo "usage: scripts/setup.sh [build|test]" >&2; exit 2 ;; esac

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
LOGDIR=target/setup-logs

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

# --- 1. tools the machine must already have --------------------------------
for tool in rustup cargo node npm; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found on PATH; install Rust with rustup (https://rustup.rs) and Node.js 20+ with npm"
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"

# --- 2. the wasm32 target ---------------------------------------------------
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: installed"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
    || die "could not add the wasm32-unknown-unknown target (run: rustup target add wasm32-unknown-unknown)"
fi

# --- 3. wasm-bindgen CLI at exactly the version in Cargo.lock ---------------
bindgen_version=""
if [ -f Cargo.lock ]; then
  bindgen_version="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n1)"
fi
if [ -z "$bindgen_version" ]; then
  # No Cargo.lock yet (fresh checkout before the first build): use the exact pin in Cargo.toml.
  bindgen_version="$(sed -n 's/^wasm-bindgen = "=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
fi
[ -n "$bindgen_version" ] || die "cannot tell which wasm-bindgen version to install (no wasm-bindgen in Cargo.lock, no \"=X.Y.Z\" pin in Cargo.toml)"

have_bindgen() {
  command -v wasm-bindgen >/dev/null 2>&1 && command -v wasm-bindgen-test-runner >/dev/null 2>&1 \
    && [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$bindgen_version" ] \
    && [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" = "$bindgen_version" ]
}
if have_bindgen; then
  say "wasm-bindgen-cli $bindgen_version: installed"
else
  mkdir -p "$LOGDIR"
  log="$LOGDIR/wasm-bindgen-cli.log"
  say "installing wasm-bindgen-cli $bindgen_version with cargo (takes a few minutes; log: $log)"
  if cargo install wasm-bindgen-cli --version "$bindgen_version" --locked --force >"$log" 2>&1; then
    :
  else
    say "the --locked install failed; retrying without --locked"
    cargo install wasm-bindgen-cli --version "$bindgen_version" --force >>"$log" 2>&1 \
      || die "could not install wasm-bindgen-cli $bindgen_version with cargo install (see $log)"
  fi
  have_bindgen || die "wasm-bindgen-cli $bindgen_version was installed but 'wasm-bindgen --version' does not print it (is ${CARGO_HOME:-$HOME/.cargo}/bin on PATH?)"
  say "wasm-bindgen-cli $bindgen_version: installed"
fi

# --- 3b. test only: rustfmt, clippy and wasm-pack --------------------------
if [ "$mode" = test ]; then
  # The gates in scripts/test.sh run cargo fmt and cargo clippy; rustup's minimal profile has neither.
  missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -eq 0 ]; then
    say "rustfmt + clippy: installed"
  else
    say "adding rust components: ${missing[*]}"
    rustup component add "${missing[@]}" >/dev/null 2>&1 \
      || die "could not add ${missing[*]} (run: rustup component add ${missing[*]})"
  fi

  # wasm-pack runs the browser tests (wasm-pack test --headless --chrome). With --mode
  # no-install it uses the wasm-bindgen-test-runner installed above (same version as
  # Cargo.lock) and Debian's chromedriver, and downloads neither.
  wasm_pack_version=0.15.1
  if command -v wasm-pack >/dev/null 2>&1; then
    say "wasm-pack $(wasm-pack --version 2>/dev/null | awk '{print $2}'): installed"
  else
    mkdir -p "$LOGDIR"
    log="$LOGDIR/wasm-pack.log"
    say "installing wasm-pack $wasm_pack_version with cargo (takes a few minutes; log: $log)"
    if cargo install wasm-pack --version "$wasm_pack_version" --locked >"$log" 2>&1; then
      :
    else
      say "the --locked install failed; retrying without --locked"
      cargo install wasm-pack --version "$wasm_pack_version" >>"$log" 2>&1 \
        || die "could not install wasm-pack $wasm_pack_version with cargo install (see $log)"
    fi
    command -v wasm-pack >/dev/null 2>&1 \
      || die "wasm-pack was installed but is not on PATH (is ${CARGO_HOME:-$HOME/.cargo}/bin on PATH?)"
    say "wasm-pack $wasm_pack_version: installed"
  fi
fi

# --- 4. npm devDependencies (binaryen's wasm-opt, playwright-core, typescript) -
npm_stale() {
  [ -d node_modules ] || return 0
  [ -x node_modules/.bin/wasm-opt ] || return 0
  [ -f node_modules/playwright-core/package.json ] || return 0
  # The TypeScript gate (scripts/check-types.sh) runs node_modules/.bin/tsc.
  if grep -q '"typescript"' package.json && [ ! -x node_modules/.bin/tsc ]; then return 0; fi
  # npm writes node_modules/.package-lock.json on every install; older than the manifests = stale.
  [ -f node_modules/.package-lock.json ] || return 0
  [ package.json -nt node_modules/.package-lock.json ] && return 0
  [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ] && return 0
  return 1
}
if npm_stale; then
  mkdir -p "$LOGDIR"
  log="$LOGDIR/npm.log"
  if [ -f package-lock.json ]; then
    say "npm ci (devDependencies from package-lock.json; log: $log)"
    npm ci --no-audit --no-fund >"$log" 2>&1 || die "npm ci failed (see $log)"
  else
    say "npm install (no package-lock.json; log: $log)"
    npm install --no-audit --no-fund >"$log" 2>&1 || die "npm install failed (see $log)"
  fi
  [ -x node_modules/.bin/wasm-opt ] || die "npm packages installed but node_modules/.bin/wasm-opt is missing (binaryen devDependency?)"
else
  say "npm devDependencies: installed"
fi

# --- 4b. a font for the fallback pictures (scripts/build.sh draws PNGs natively) ---
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] \
  || [ -n "${TW_FONT:-}" ]; then
  say "font for the PNG pictures: installed"
elif command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
  mkdir -p "$LOGDIR"
  say "installing fonts-dejavu-core with apt-get (log: $LOGDIR/apt-font.log)"
  sudo_="$([ "$(id -u)" = 0 ] || echo "sudo -n")"
  { $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update && \
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-dejavu-core; } >"$LOGDIR/apt-font.log" 2>&1 \
    || die "apt-get install fonts-dejavu-core failed (see $LOGDIR/apt-font.log)"
else
  die "no font for the PNG pictures: install fonts-dejavu-core, or set TW_FONT to a .ttf file"
fi

# --- 5. Chromium and ChromeDriver (test only) -------------------------------
if [ "$mode" = test ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium + chromedriver: installed"
  else
    pkgs="chromium chromium-driver"
    if [ "$(id -u)" = 0 ]; then
      SUDO=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO="sudo -n"
    else
      die "Chromium is missing and this user cannot install it; run: sudo apt-get update && sudo apt-get install -y $pkgs"
    fi
    command -v apt-get >/dev/null 2>&1 || die "Chromium is missing and apt-get is not available; install chromium and chromedriver (/usr/bin/chromium, /usr/bin/chromedriver)"
    mkdir -p "$LOGDIR"
    log="$LOGDIR/apt.log"
    say "installing $pkgs with apt-get (log: $log)"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update >"$log" 2>&1 \
      || die "apt-get update failed (see $log)"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $pkgs >>"$log" 2>&1 \
      || die "apt-get install $pkgs failed (see $log)"
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
      || die "apt-get finished but /usr/bin/chromium or /usr/bin/chromedriver is missing"
    say "chromium + chromedriver: installed"
  fi
  # The two must be the same major version or webdriver sessions fail to start.
  cr="$(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9][0-9]*\.[0-9.]*' | head -n1 || true)"
  cd_="$(/usr/bin/chromedriver --version 2>/dev/null | grep -o '[0-9][0-9]*\.[0-9.]*' | head -n1 || true)"
  if [ -n "$cr" ] && [ -n "$cd_" ] && [ "${cr%%.*}" != "${cd_%%.*}" ]; then
    die "chromium $cr and chromedriver $cd_ differ in major version; run: apt-get install -y chromium chromium-driver"
  fi
fi

say "ready for '$mode'"
