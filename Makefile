# Two commands: `make serve` and `make test`. Both install what is missing first
# (scripts/ensure-tools.sh), so they work on a fresh machine and are quick after.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# The browser tests include a 2,000-account save and reload (about a minute unoptimized);
# the runner's default of 20 s for the whole run is too short for it.
export WASM_BINDGEN_TEST_TIMEOUT ?= 300
PORT ?= 8080

.PHONY: serve build test lint test-native test-web test-e2e tools test-tools bench profile fmt clean fuzz

## Build the release bundle and serve it on 127.0.0.1 (first free port from $(PORT)).
serve: build
	node scripts/serve.mjs dist $(PORT)

## A release dist/ that any static host can serve; the pages other than the portfolio are
## wasm modules loaded when first opened (docs/build.md).
build: tools
	node scripts/build.mjs dist

## Every test layer: lint, native, wasm in headless Chromium, end-to-end against dist/.
test: test-tools lint test-native test-web build test-e2e

## Formatting and clippy (native and wasm32), warnings are errors.
lint: tools
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --features split --quiet -- -D warnings
	@# The splitter's tool (tools/split) is its own workspace too.
	cargo fmt --check --manifest-path tools/split/Cargo.toml
	cargo clippy --manifest-path tools/split/Cargo.toml --release --all-targets --quiet -- -D warnings
	@# The fuzz targets are their own workspace: checked here so they keep building.
	RUSTC_BOOTSTRAP=1 cargo check --manifest-path fuzz/Cargo.toml --bins --quiet --target-dir target/fuzz-check

test-native:
	cargo test --quiet
	cargo test --manifest-path tools/split/Cargo.toml --release --quiet

test-web: test-tools
	cargo test --target wasm32-unknown-unknown --test web

test-e2e: test-tools
	node --test --test-concurrency=1 tests/e2e/

## Figures, not pass/fail: bundle sizes (gzip -9) and timings of the core.
bench: build
	scripts/bench.sh

## Where the time goes (not pass/fail): a build with the functions' names kept in
## target/profile-dist, then CPU profiles of a first visit and of a 1,000-account import
## (scripts/profile.mjs; its `visit` and `import-ab` compare builds side by side).
profile: tools test-tools
	BUILD_NAMES=1 node scripts/build.mjs target/profile-dist
	RUNS=3 node scripts/profile.mjs start target/profile-dist
	RUNS=3 node scripts/profile.mjs import target/profile-dist

## Fuzz import, the share-link reader and the stored form, FUZZ_SECONDS each (default 60). cargo-fuzz needs
## nightly features: RUSTC_BOOTSTRAP=1 lets the stable toolchain build it. New inputs go to
## target/fuzz-corpus/ (the seeds in fuzz/corpus/ stay small); a crash is saved in
## fuzz/artifacts/<target>/.
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for t in import share_link stored_form; do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none $$t target/fuzz-corpus/$$t fuzz/corpus/$$t \
	    -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 || exit 1; \
	done

tools:
	scripts/ensure-tools.sh build

test-tools:
	scripts/ensure-tools.sh test

fmt:
	cargo fmt

clean:
	rm -rf dist target/e2e
