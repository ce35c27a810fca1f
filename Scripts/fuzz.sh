#!/usr/bin/env bash
# libFuzzer over the page pipeline (loader, Markdown, pulse blocks) for a set time.
#   Scripts/fuzz.sh [SECONDS]      default 300; `make fuzz FUZZ_SECONDS=3600`
# Builds with -sanitize=fuzzer,address into .build-fuzz (its own scratch
# folder: sanitized objects must not mix with the normal build). New
# coverage-increasing inputs collect in .build/fuzz-corpus; a crash or a
# broken rule writes .build/fuzz-artifacts/crash-* — copy it to
# Tests/Fixtures/FuzzRegressions/ and the replay test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
swift build -c release --product spinesite-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
corpus=.build/fuzz-corpus
mkdir -p "$corpus" .build/fuzz-artifacts
# Seeds: every real page, every fixture page, and the regression inputs.
n=0
while IFS= read -r -d '' seed; do
    n=$((n + 1)); cp "$seed" "$corpus/seed-$n-$(basename "$seed")"
done < <(find Content Tests/Fixtures/FuzzSeeds Tests/Fixtures/FuzzRegressions Tests/Fixtures/basic -type f -name '*.md' -print0)
export SWIFT_BACKTRACE=enable=no
status=0
.build-fuzz/release/spinesite-fuzz "$corpus" \
    -dict=Scripts/fuzz.dict -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
    -max_total_time="$seconds" -artifact_prefix=.build/fuzz-artifacts/ \
    -print_final_stats=1 >.build/fuzz.log 2>&1 || status=$?
grep -E "INITED|DONE|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Test unit written" .build/fuzz.log || true
echo "fuzz: exit $status after ${seconds}s; log in .build/fuzz.log"
exit "$status"
