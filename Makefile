# trade-widget: the two commands in README are `make demo` and `make test`.
#   make demo    install what the build needs, build pkg/, serve the demo article (Ctrl-C to stop)
#   make test    install what the tests need, run the gates (fmt, clippy, rustdoc, tsc) and every
#                suite (native, wasm in Chromium through wasm-pack, end-to-end)
#   make gates   the gates only (bash scripts/test.sh gates)
#   make build   build pkg/ only
#   make serve   serve the repository root (needs a previous build)
#   make bench   build, then cargo bench (when benches/ exists) and node bench/*.bench.mjs (headless Chromium)
#   make clean   remove build and test outputs
SHELL := bash

.PHONY: demo test gates build serve bench setup setup-test clean

demo: build
	node scripts/serve.mjs

test:
	bash scripts/test.sh

gates:
	bash scripts/test.sh gates

build: setup
	bash scripts/build.sh

serve:
	node scripts/serve.mjs

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

bench: build setup-test
	@if [ -d benches ] || grep -q '^\[\[bench\]\]' Cargo.toml; then cargo bench; else echo "bench: no cargo benches (benches/ absent)"; fi
	@for f in bench/*.bench.mjs; do [ -e "$$f" ] || continue; echo "==== node $$f"; node "$$f" || exit 1; done

clean:
	rm -rf pkg test-results target/wasm-gen target/pkg-stage
