#!/usr/bin/env bash
# Build the embeddable widget into pkg/:
#   pkg/trade-widget.js          the loader: one classic script (IIFE: CSS + www/boot.js)
#   pkg/trade-widget-VIEW.wasm   one module per VIEW (calculator, timeline, both), optimised with npm
#                                binaryen's wasm-opt; the loader fetches the smallest the page needs
#   pkg/trade-widget-VIEW.js     that module's wasm-bindgen glue (an ES module the loader imports)
#   pkg/trade-widget-reader.*    the JSON reader and validator: a page's own data, TradeWidget.validate
#   pkg/vX.Y.Z/                  the same files under a versioned path (for CDNs)
#   pkg/embed.html, embed.js     the iframe embed (scripts/embed-files.mjs); iframe-resizer.js for its host;
#   pkg/oembed.json              embed.html's oEmbed response (TW_PUBLIC_URL: where pkg/ is published)
#   pkg/*.png, fallbacks.json    the fallback and social pictures and their alt texts (fallback images)
#   pkg/builder.html             the embed builder, and canada-china.json (this version's data) for it
#   pkg/package.json             npm metadata, README.md (www/PACKAGE.md), CHANGELOG.md
#                                (+ pkg/trade-widget.d.ts when www/trade-widget.d.ts exists)
# Run scripts/setup.sh build first (make build does).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { echo "build: $*"; }
die() { echo "build: error: $*" >&2; exit 1; }

[ -f www/widget.css ] || die "www/widget.css is missing (the widget's shadow-root stylesheet, written by the lead)"
[ -f www/boot.js ] || die "www/boot.js is missing (the loader that mounts <trade-widget> elements, written by the lead)"
[ -f www/modules.js ] || die "www/modules.js is missing (the loader's choice of wasm module)"
command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen not found; run scripts/setup.sh build"
command -v node >/dev/null 2>&1 || die "node not found; install Node.js 20+"

version="$(awk '/^\[/{p=($0=="[package]")} p && /^version *=/{gsub(/.*= *"|".*/,""); print; exit}' Cargo.toml)"
[ -n "$version" ] || die "cannot read the package version from Cargo.toml"

# 1-3. one module per view (issue 11): cargo features, one build each. A page with only a
#      calculator downloads neither the timeline's code nor its events. The view modules decode
#      the data build.rs checked and packed; `reader` (the JSON reader and validator) is loaded
#      only for a page's own data and TradeWidget.validate. For each VIEW (and reader):
#      pkg/trade-widget-VIEW.wasm (optimised) and pkg/trade-widget-VIEW.js (its wasm-bindgen glue).
# wasm-bindgen refuses modules built against another version; say so plainly.
lock_version="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n1 || true)"
cli_version="$(wasm-bindgen --version | awk '{print $2}')"
if [ -n "$lock_version" ] && [ "$lock_version" != "$cli_version" ]; then
  die "wasm-bindgen CLI is $cli_version but Cargo.lock has $lock_version; run scripts/setup.sh build"
fi
# Stage everything, then swap into pkg/ so a failed build leaves the previous pkg/ intact.
stage=target/pkg-stage
rm -rf "$stage"
mkdir -p "$stage/v$version"
wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || echo "build: warning: npm binaryen's wasm-opt is missing; shipping unoptimised modules (run scripts/setup.sh build)" >&2
raw_wasm=target/wasm32-unknown-unknown/release/trade_widget.wasm
for view in calculator timeline both reader; do
  features="$view"; [ "$view" = both ] && features="calculator,timeline"
  say "cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --features $features"
  cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --features "$features" \
    || die "cargo build for wasm32 ($view) failed (see the compiler output above)"
  [ -f "$raw_wasm" ] || die "$raw_wasm was not produced (is crate-type \"cdylib\" set in Cargo.toml?)"
  # The glue is an ES module (wasm-bindgen --target web) that the loader imports with import():
  # nothing is added to the page's DOM or globals. target/wasm-gen/VIEW keeps the names-kept
  # module (twiggy, scripts/profile.mjs --names, the float check in tests/e2e/size.test.mjs).
  gen=target/wasm-gen/$view
  rm -rf "$gen"
  wasm-bindgen --target web --no-typescript --out-dir "$gen" --out-name trade_widget "$raw_wasm" \
    || die "wasm-bindgen ($view) failed"
  # npm binaryen only: Debian's binaryen 108 produces modules that fail to instantiate.
  if [ -x "$wasm_opt" ] && "$wasm_opt" -Oz "$gen/trade_widget_bg.wasm" -o "$stage/trade-widget-$view.wasm"; then
    say "wasm-opt -Oz ($view)"
  else
    echo "build: warning: wasm-opt failed for $view; shipping the unoptimised module" >&2
    cp "$gen/trade_widget_bg.wasm" "$stage/trade-widget-$view.wasm"
  fi
  cp "$gen/trade_widget.js" "$stage/trade-widget-$view.js"
done

# 4. the loader: one classic script, an IIFE around the stylesheet, www/modules.js (which module a
#    page loads) and www/boot.js (the element); no glue: each module brings its own. TradeWidget.version is Cargo.toml's: boot.js holds the placeholder
#    __TW_VERSION__ (exactly once), replaced here.
node -e '
const fs = require("fs");
const [css, modules, boot, out, version] = process.argv.slice(1);
// The stylesheet without comments and runs of white space (it is only ever read by the browser).
const cssText = fs.readFileSync(css, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\s+/g, " ")
  .replace(/ ?([{};,>]) ?/g, "$1").trim();
const bootParts = fs.readFileSync(boot, "utf8").split("__TW_VERSION__");
if (bootParts.length !== 2) {
  console.error("build: error: " + boot + " must contain the version placeholder __TW_VERSION__ exactly once (found "
    + (bootParts.length - 1) + ")");
  process.exit(1);
}
const text = "(function(){\"use strict\";\nvar TW_CSS = " + JSON.stringify(cssText) + ";\n"
  + fs.readFileSync(modules, "utf8") + "\n" + bootParts.join(version) + "\n})();\n";
fs.writeFileSync(out, text);
' www/widget.css www/modules.js www/boot.js "$stage/trade-widget.js" "$version" || die "could not write trade-widget.js"
node --check "$stage/trade-widget.js" 2>/dev/null || die "pkg/trade-widget.js is not valid JavaScript (check www/boot.js: node --check $stage/trade-widget.js)"

# Minify (terser, an npm dev dependency): every byte of the loader and glue is downloaded by
# every reader. Without terser (setup not run) the readable files ship, with a warning.
terser=node_modules/.bin/terser
for js in trade-widget trade-widget-calculator trade-widget-timeline trade-widget-both trade-widget-reader; do
  if [ -x "$terser" ]; then
    # The glue files are ES modules; the loader keeps its webpackIgnore comment (a bundler that
    # takes in trade-widget.js must leave its import() of the glue to the browser).
    kind=(--comments /webpackIgnore/); [ "$js" = trade-widget ] || kind=(--module --comments false)
    "$terser" "$stage/$js.js" --compress passes=2 --mangle "${kind[@]}" -o "$stage/$js.min.js" \
      && mv "$stage/$js.min.js" "$stage/$js.js" \
      || die "terser could not minify pkg/$js.js"
  fi
done
[ -x "$terser" ] || echo "build: warning: terser not installed; shipping unminified JavaScript (run scripts/setup.sh build)" >&2

# 5. the static fallback (no JS, no WebAssembly, print): the timeline as SVG, drawn natively
#    by the same plotters code; the rates table lives in the page's <noscript> (cargo run --bin fallback -- update)
cargo run --quiet --release --bin fallback -- svg "$stage/timeline.svg" || die "the fallback timeline could not be drawn"
#    The PNG pictures (the embed codes' fallbacks and placeholders, the social pictures) and
#    fallbacks.json (their sizes and alt texts); e2e checks them with `fallback check-images pkg`.
cargo run --quiet --release --bin fallback -- images "$stage" || die "the fallback pictures could not be drawn"

# 6. versioned copy, typings, package.json
cp "$stage"/trade-widget*.js "$stage"/trade-widget-*.wasm "$stage/timeline.svg" "$stage"/*.png "$stage/fallbacks.json" \
  "$stage/v$version/"
# The iframe embed (embed.html, embed.js, iframe-resizer.js), the embed codes (snippets.mjs) and
# embed.html's oEmbed response (oembed.json), in both folders.
node scripts/embed-files.mjs "$stage" "$version" || die "could not write the embed files"
# The package's README is the embedding guide (npm shows it on the package page). In it and in the
# typings, the example script addresses (…/trade-widget/vX.Y.Z/…) name this version.
[ -f www/PACKAGE.md ] || die "www/PACKAGE.md is missing"
cp CHANGELOG.md "$stage/" || die "CHANGELOG.md is missing (what changed in each version, for the package's users)"
has_dts=false
if [ -f www/trade-widget.d.ts ]; then has_dts=true; fi
node -e '
const fs = require("fs");
const [version, ...pairs] = process.argv.slice(1);
for (let i = 0; i < pairs.length; i += 2) {
  const text = fs.readFileSync(pairs[i], "utf8").replace(/(trade-widget\/v)\d+\.\d+\.\d+(?=\/)/g, "$1" + version);
  fs.writeFileSync(pairs[i + 1], text);
}
' "$version" www/PACKAGE.md "$stage/README.md" $($has_dts && echo www/trade-widget.d.ts "$stage/trade-widget.d.ts") \
  || die "could not copy www/PACKAGE.md and www/trade-widget.d.ts into pkg/"
node -e '
const fs = require("fs");
const [out, version, hasDts] = process.argv.slice(1);
const path = require("path");
const pictures = JSON.parse(fs.readFileSync(path.join(path.dirname(out), "fallbacks.json"), "utf8")).images.map((i) => i.file);
const modules = ["calculator", "timeline", "both", "reader"].flatMap((v) => ["trade-widget-" + v + ".js", "trade-widget-" + v + ".wasm"]);
const files = ["trade-widget.js", ...modules, "timeline.svg", "embed.html", "embed.js", "iframe-resizer.js",
  "oembed.json", "snippets.mjs", "fallbacks.json", ...pictures, "builder.html", "builder.js", "builder.css", "events-csv.mjs",
  "canada-china.json", "README.md", "CHANGELOG.md"];
const pkg = {
  name: "trade-widget",
  version,
  description: "Canada–China tariff calculator and relations timeline, embeddable in a news article with one script tag",
  license: "MIT OR Apache-2.0",
  main: "trade-widget.js",
};
if (hasDts === "true") { pkg.types = "trade-widget.d.ts"; files.push("trade-widget.d.ts"); }
pkg.files = files;
fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$stage/package.json" "$version" "$has_dts"

rm -rf pkg
mv "$stage" pkg

# 7. sizes (what readers download: gzip -9): the loader, then each view's glue + module.
js_raw=$(wc -c <pkg/trade-widget.js)
js_gz=$(gzip -9 -c pkg/trade-widget.js | wc -c)
printf 'build: %-32s %9s %9s %16s\n' "file" "raw" "gzip -9" "with the loader"
printf 'build: %-32s %9d %9d\n' "pkg/trade-widget.js" "$js_raw" "$js_gz"
for view in calculator timeline both reader; do
  raw=0; gz=0
  for f in "pkg/trade-widget-$view.js" "pkg/trade-widget-$view.wasm"; do
    raw=$((raw + $(wc -c <"$f"))); gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done
  printf 'build: %-32s %9d %9d %16d\n' "pkg/trade-widget-$view.{js,wasm}" "$raw" "$gz" "$((gz + js_gz))"
done
say "done: pkg/ (v$version)"
