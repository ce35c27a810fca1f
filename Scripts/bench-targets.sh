#!/usr/bin/env bash
# One corpus's figures against the targets `make bench` holds spinesite to (issue 29).
#
#   Scripts/bench-targets.sh N WALL_S RSS_KB HUGO_WALL_S HUGO_RSS_KB HUGO_LABEL FLOOR_S \
#       CMARK_CPU_S CORES COPY_S NOOP_S PREVIEW_MS
#
# WALL_S and RSS_KB: spinesite's clean build into /dev/shm; HUGO_*: the faster Hugo's, same
# corpus, same run ("-" when no Hugo ran); FLOOR_S from Scripts/bench-floor.sh; NOOP_S a second
# `spinesite build` with nothing changed; PREVIEW_MS the preview's body-edit patch (median).
set -euo pipefail
awk -v n="$1" -v w="$2" -v m="$3" -v hw="$4" -v hm="$5" -v hl="$6" -v f="$7" -v cpu="$8" -v cores="$9" \
    -v copy="${10}" -v noop="${11}" -v preview="${12}" '
function verdict(ok) { return ok ? "met" : "NOT met" }
BEGIN {
    printf "  N=%d: spinesite %.2f s, %.0f MiB", n, w, m / 1024
    if (hw != "-") printf "; faster Hugo %s %.2f s, %.0f MiB", hl, hw, hm / 1024
    if (f != "-") printf "; floor %.2f s (cmark-gfm %.2f cpu-s / %d cores + cp -r %.2f s)", f, cpu, cores, copy
    printf "\n"
    if (hw != "-") {
        printf "    time ÷ faster Hugo     %5.2f  (target ≤ 0.35: %s)\n", w / hw, verdict(w / hw <= 0.35)
        printf "    memory ÷ faster Hugo   %5.2f  (target ≤ 0.33: %s)\n", m / hm, verdict(m / hm <= 1 / 3)
    }
    if (f != "-") printf "    time ÷ floor           %5.2f  (target ≤ 2.5: %s)\n", w / f, verdict(w / f <= 2.5)
    if (noop != "-") printf "    no-op build            %5.0f ms (target < 300 ms: %s)\n", noop * 1000, verdict(noop < 0.3)
    if (preview != "") if (preview != "-") {
        printf "    preview body edit      %5d ms (target < 50 ms: %s)\n", preview, verdict(preview < 50)
    }
}'
