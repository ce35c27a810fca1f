#!/usr/bin/env bash
# Renders 10,000 Markdown documents through the cmark-gfm wrapper under
# valgrind's memcheck; any definitely-lost block fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=".build/debug/spinesitePackageTests.xctest"
[[ -x "$bundle" ]] || { echo "leakcheck: build the tests first (swift build --build-tests)" >&2; exit 1; }
log=".build/leakcheck.log"
# Valgrind 3.19 cannot read the DWARF 5 debug info Swift emits: check a copy without it.
stripped=".build/leakcheck.xctest"
objcopy --strip-debug "$bundle" "$stripped"
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
    --suppressions=Scripts/valgrind-xctest.supp \
    "$stripped" CommonMarkTests.ConcurrencyAndMemoryTests/testRenderTenThousandDocuments >"$log" 2>&1 || {
    status=$?
    grep -E "definitely lost|ERROR SUMMARY|error|failed" "$log" | tail -20 >&2
    echo "leakcheck: FAILED (exit $status); full log in $log" >&2
    exit 1
}
grep -E "definitely lost|indirectly lost|ERROR SUMMARY|suppressed:" "$log" || true
echo "leakcheck: 10,000 documents rendered under valgrind, no definite leaks"
