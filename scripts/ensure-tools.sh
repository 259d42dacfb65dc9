#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent:
# every step checks first, so a second run takes a second or two.
#   scripts/ensure-tools.sh build   -> wasm target, wasm-bindgen-cli, wasm-opt (npm binaryen);
#                                      the wasm splitter (tools/split) is built by scripts/build.mjs
#   scripts/ensure-tools.sh test    -> the above, plus chromium, chromedriver, playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
what=${1:-build}

say() { printf '[tools] %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for comp in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    say "adding the $comp component"
    rustup component add "$comp"
  fi
done

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION" \
   || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: the CLI's own lockfile names a crate the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm packages (binaryen 132 for wasm-opt, esbuild to minify the stylesheet and the glue,
# playwright-core) pinned by tools/package-lock.json.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] || [ ! -d tools/node_modules/axe-core ] || [ ! -d tools/node_modules/esbuild ] \
   || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "installing npm tools from tools/package-lock.json"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$what" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "all present ($what)"
