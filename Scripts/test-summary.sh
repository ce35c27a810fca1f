#!/usr/bin/env bash
# The closing line of `make test`: XCTest's counts plus the whole-site checks
# (leak check, link check, HTML validation) and the pytest suites (browser, server), which only get here if they passed.
set -euo pipefail
log="${1:-.build/unit-tests.log}"
browser_logs="${2:-.build/browser-tests.log}"
checks="${3:-0}"
line=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -n 1)
executed=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$line")
failed=$(sed -E 's/.* ([0-9]+) failures?.*/\1/' <<<"$line")
skipped=$(grep -oE "[0-9]+ tests? skipped" <<<"$line" | grep -oE "^[0-9]+" || echo 0)
browser_passed=0
for browser_log in $browser_logs; do
    passed_here=$(grep -oE "[0-9]+ passed" "$browser_log" | tail -n 1 | grep -oE "^[0-9]+" || echo 0)
    browser_passed=$((browser_passed + passed_here))
done
passed=$((executed - failed - skipped + checks + browser_passed))
echo "make test: $passed passed, $failed failed, $skipped skipped"
