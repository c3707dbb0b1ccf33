#!/usr/bin/env bash
# Tabayyun's one entry point. Idempotent: every step checks before it acts.
#
#   ./build.sh            build everything, then serve the offline demo
#   ./build.sh test       build, then run every test (what CI runs)
#   ./build.sh build      install what is missing and build the wasm, CLI, extension
#   ./build.sh bench      speed benchmarks (native, wasm under Node, page paint in Chromium)
#   ./build.sh package    the Chromium zip and the Firefox package
#   ./build.sh fuzz [S]   fuzz the core for S seconds per target (default 60)
#   ./build.sh setup      only install the toolchain
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
SHARED="${TABAYYUN_SHARED:-$ROOT/../shared}"
PORT="${PORT:-8080}"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must match the crate exactly: read the pin.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' crate/Cargo.toml
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

setup() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    # Not --locked: one of its locked dependencies fails to build here.
    say "cargo install wasm-bindgen-cli $want (about 10 minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  # Debian's binaryen (108) miscompiles wasm-bindgen output; it is installed
  # for completeness but wasm-opt comes from the npm lockfile (binaryen >= 110).
  # firefox-esr: the Firefox end-to-end test drives it over WebDriver BiDi.
  apt_install chromium chromium-driver binaryen firefox-esr
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
  fi
}

build() {
  setup
  say "cargo build (CLI)"
  cargo build --release --quiet
  say "cargo build (wasm)"
  cargo build --release --quiet --lib --no-default-features --target wasm32-unknown-unknown -p tabayyun
  local out=target/pkg
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    target/wasm32-unknown-unknown/release/tabayyun.wasm
  node_modules/.bin/wasm-opt -O3 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd \
    "$out/tabayyun_bg.wasm" -o "$out/tabayyun_bg.opt.wasm"
  mv "$out/tabayyun_bg.opt.wasm" "$out/tabayyun_bg.wasm"
  for dest in extension/pkg www/pkg; do
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$out/tabayyun.js" "$out/tabayyun_bg.wasm" "$dest/"
  done
  # The demo reuses extension/lib unchanged; the extension runs Readability in
  # its offscreen document (Firefox: its background page).
  rm -rf www/lib extension/vendor && cp -r extension/lib www/lib && mkdir -p extension/vendor
  cp node_modules/@mozilla/readability/Readability.js node_modules/@mozilla/readability/LICENSE.md extension/vendor/
  node www/build-demo.mjs "$SHARED" dist/tabayyun-demo.html # seeds as a 2nd sample set; single-file demo
  local raw gz
  raw=$(stat -c %s "$out/tabayyun_bg.wasm")
  gz=$(gzip -9c "$out/tabayyun_bg.wasm" | wc -c)
  say "wasm size: $raw bytes raw, $gz bytes gzipped"
}

run_tests() {
  build
  say "cargo fmt --check, clippy"
  cargo fmt --all -- --check
  cargo clippy --quiet --all-targets -- -D warnings
  say "Rust unit, golden and doc tests"
  cargo test --profile ci --quiet
  say "wasm-bindgen-test in headless Chromium"
  CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --release --no-default-features --target wasm32-unknown-unknown -p tabayyun --test wasm
  say "browser end-to-end tests"
  node --test --test-concurrency=1 tests/
}

# Zips a folder reproducibly (sorted entries, fixed timestamps).
zip_dir() {
  python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
src, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            info = zipfile.ZipInfo(os.path.relpath(path, src), (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                z.writestr(info, f.read())
PY
}

# One manifest serves both browsers (Chromium reads background.service_worker
# and side_panel, Firefox background.scripts and sidebar_action), so both
# packages hold the same files; the Firefox one is checked by web-ext lint.
package() {
  build
  mkdir -p dist
  rm -f dist/tabayyun-chromium.zip dist/tabayyun-firefox.zip
  zip_dir extension dist/tabayyun-chromium.zip
  zip_dir extension dist/tabayyun-firefox.zip
  say "web-ext lint (Firefox)"
  node_modules/.bin/web-ext lint --source-dir extension --self-hosted --warnings-as-errors=false
  say "packages: $(ls dist/*.zip | tr '\n' ' ')"
}

# Coverage-guided fuzzing of the core (libFuzzer via cargo-fuzz). Not part
# of `test`: it runs until its time is up. cargo-fuzz needs nightly flags;
# RUSTC_BOOTSTRAP lets the machine's one stable toolchain accept them.
fuzz() {
  local seconds="${1:-60}"
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
  cd crate
  # The seed articles start each target from real news text; the corpus
  # libFuzzer grows stays in crate/fuzz/corpus (not committed).
  local seeds=()
  [ -d "$SHARED/seeds" ] && seeds=("$SHARED/seeds")
  for target in $(RUSTC_BOOTSTRAP=1 cargo fuzz list); do
    say "fuzz $target for ${seconds}s"
    mkdir -p "fuzz/corpus/$target"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$seconds" -max_len=65536
  done
}

serve_demo() {
  build
  say "demo: http://127.0.0.1:$PORT/  (stop with Ctrl-C)"
  say "single-file demo (opens from disk, no server): $ROOT/dist/tabayyun-demo.html"
  say "extension: load the unpacked folder $ROOT/extension (chrome://extensions, Developer mode, Load unpacked)"
  exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
}

case "${1:-demo}" in
  demo) serve_demo ;;
  setup) setup ;;
  build) build ;;
  test) run_tests ;;
  bench) build && node tests/bench/run.mjs "$SHARED" && node tests/bench/paint.mjs "$SHARED" ;;
  package) package ;;
  fuzz) fuzz "${2:-60}" ;;
  *) echo "usage: $0 [demo|setup|build|test|bench|package|fuzz [SECONDS]]" >&2; exit 2 ;;
esac
