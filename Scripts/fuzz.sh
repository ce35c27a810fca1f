#!/usr/bin/env bash
# libFuzzer over the page pipeline (loader, Markdown, pulse blocks), or over
# the SVG check and rewrite, for a set time.
#   Scripts/fuzz.sh [SECONDS] [page|svg]   default 300 page;
#   `make fuzz FUZZ_SECONDS=3600 FUZZ_TARGET=svg`
# Builds with -sanitize=fuzzer,address into .build-fuzz (its own scratch
# folder: sanitized objects must not mix with the normal build). New
# coverage-increasing inputs collect in .build/fuzz-corpus; a crash or a
# broken rule writes .build/fuzz-artifacts/crash-* — copy it to
# Tests/Fixtures/FuzzRegressions/ (SVG: Tests/Fixtures/SVGFuzzRegressions/,
# named *.svg) and the replay test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
target="${2:-page}"
swift build -c release --product spinesite-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
case "$target" in
page) # Seeds: every real page, every fixture page, and the regression inputs.
    corpus=.build/fuzz-corpus log=.build/fuzz.log dict=Scripts/fuzz.dict
    seeds=(Content Tests/Fixtures/FuzzSeeds Tests/Fixtures/FuzzRegressions Tests/Fixtures/basic) pattern='*.md' ;;
svg) # Seeds: the site's illustrations, the fixtures' and the known bypasses and regressions.
    export SPINESITE_FUZZ_TARGET=svg
    corpus=.build/fuzz-corpus-svg log=.build/fuzz-svg.log dict=Scripts/fuzz-svg.dict
    seeds=(Content Tests/Fixtures/SVGFuzzSeeds Tests/Fixtures/SVGFuzzRegressions Tests/Fixtures/Pictures)
    pattern='*.svg' ;;
*) echo "fuzz: unknown target '$target' (page or svg)" >&2; exit 2 ;;
esac
mkdir -p "$corpus" .build/fuzz-artifacts
n=0
while IFS= read -r -d '' seed; do
    n=$((n + 1)); cp "$seed" "$corpus/seed-$n-$(basename "$seed")"
done < <(find "${seeds[@]}" -type f -name "$pattern" -print0)
export SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=Scripts/fuzz-lsan.supp:print_suppressions=0
status=0
.build-fuzz/release/spinesite-fuzz "$corpus" \
    -dict="$dict" -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
    -max_total_time="$seconds" -artifact_prefix=.build/fuzz-artifacts/"$target"- \
    -print_final_stats=1 >"$log" 2>&1 || status=$?
grep -E "INITED|DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Test unit written" "$log" || true
echo "fuzz: exit $status after ${seconds}s; log in $log"
exit "$status"
