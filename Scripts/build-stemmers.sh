#!/usr/bin/env bash
# Builds the search page's stemmers: one WebAssembly module per algorithm of libstemmer, from the
# Snowball 2.2.0 sources Debian 12 builds its libstemmer0d from, so that a query typed in the browser
# is stemmed exactly as the build stems the index.
#
#   Scripts/build-stemmers.sh                # writes Templates/stemmers/<algorithm>.wasm
#   Scripts/build-stemmers.sh OUTPUT_DIR     # writes them elsewhere (the test that checks them)
#
# The sources are Debian's source package `snowball` 2.2.0-2 (`apt-get source`, through a private
# deb-src list under .build/stemmers/, so the machine's apt configuration is left alone), checked
# against the hashes below. Snowball's compiler, built here, turns each algorithm into C; the Swift
# toolchain's clang compiles that for wasm32 with Snowball's runtime, Scripts/stemmers/stemmer.c (the
# exported `alloc` and `stem`) and Scripts/stemmers/allocator.c (malloc and friends). Everything is
# pinned, so a rebuild is byte-identical; a second run reuses the download and the compiler.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTPUT="$(realpath -m "${1:-$ROOT/Templates/stemmers}")"
WORK="$ROOT/.build/stemmers"
VERSION=2.2.0
DEBIAN_REVISION=2
ORIG_SHA256=425cdb5fba13a01db59a1713780f0662e984204f402d3dae1525bda9e6d30f1a
ORIG="$WORK/snowball_$VERSION.orig.tar.gz"

die() { echo "build-stemmers: $*" >&2; exit 1; }

# The Swift toolchain's clang (which has the wasm32 target and wasm-ld), beside `swift`.
CLANG="${CLANG:-$(dirname "$(realpath "$(command -v swift)")")/clang}"
[[ -x $CLANG ]] || die "no clang beside swift ($CLANG); set CLANG=/path/to/the/swift/toolchain/usr/bin/clang"

mkdir -p "$WORK"
if ! echo "$ORIG_SHA256  $ORIG" | sha256sum -c --status 2>/dev/null; then
    apt="$WORK/apt"
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
        >"$apt/sources.list"
    options=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1)
    [[ $(id -u) -eq 0 ]] && options+=(-o APT::Sandbox::User=root)
    apt-get "${options[@]}" -qq update
    (cd "$WORK" && apt-get "${options[@]}" -qq source --download-only "snowball=$VERSION-$DEBIAN_REVISION")
    echo "$ORIG_SHA256  $ORIG" | sha256sum -c --status || die "$ORIG does not have the pinned SHA-256"
fi

# Debian's patches change only the build of the shared library, not the algorithms or the runtime.
SOURCE="$WORK/snowball-$VERSION"
if [[ ! -x $SOURCE/snowball ]]; then
    rm -rf "$SOURCE"
    tar -xzf "$ORIG" -C "$WORK"
    make -s -C "$SOURCE" CC="$CLANG" snowball
fi

# The algorithms libstemmer offers in UTF-8 (every one of them), from its own list.
mapfile -t algorithms < <(awk '!/^#/ && $2 ~ /UTF_8/ { print $1 }' "$SOURCE/libstemmer/modules.txt")
((${#algorithms[@]})) || die "no algorithms in $SOURCE/libstemmer/modules.txt"

mkdir -p "$OUTPUT" "$SOURCE/src_c"
for algorithm in "${algorithms[@]}"; do
    generated="$SOURCE/src_c/stem_UTF_8_$algorithm"
    [[ -s $generated.c ]] || (cd "$SOURCE" && ./snowball "algorithms/$algorithm.sbl" -o "src_c/stem_UTF_8_$algorithm" \
        -eprefix "${algorithm}_UTF_8_" -r ../runtime -u)
    "$CLANG" --target=wasm32 -nostdlib -O2 -ffreestanding -fno-ident -DALGORITHM="$algorithm" \
        -isystem "$ROOT/Scripts/stemmers/include" -I "$SOURCE/runtime" \
        -Wl,--no-entry -Wl,--strip-all -Wl,-z,stack-size=16384 \
        -o "$OUTPUT/$algorithm.wasm" \
        "$ROOT/Scripts/stemmers/stemmer.c" "$ROOT/Scripts/stemmers/allocator.c" \
        "$SOURCE/runtime/api.c" "$SOURCE/runtime/utilities.c" "$generated.c"
done
chmod 644 "$OUTPUT"/*.wasm
echo "build-stemmers: ${#algorithms[@]} stemmers in $OUTPUT"
