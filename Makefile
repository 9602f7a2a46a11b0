# trade-widget: the two commands in README are `make demo` and `make test`.
#   make demo    install what the build needs, build pkg/, serve the demo article (Ctrl-C to stop)
#   make test    install what the tests need, run every suite (native, wasm in Chromium, end-to-end)
#   make build   build pkg/ only
#   make serve   serve the repository root (needs a previous build)
#   make bench   cargo bench, when benches exist
#   make clean   remove build and test outputs
SHELL := bash

.PHONY: demo test build serve bench setup setup-test clean

demo: build
	node scripts/serve.mjs

test:
	bash scripts/test.sh

build: setup
	bash scripts/build.sh

serve:
	node scripts/serve.mjs

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

bench:
	@if [ -d benches ] || grep -q '^\[\[bench\]\]' Cargo.toml; then cargo bench; else echo "bench: no benchmarks yet (add benches/ to the crate)"; fi

clean:
	rm -rf pkg test-results target/wasm-gen target/pkg-stage
