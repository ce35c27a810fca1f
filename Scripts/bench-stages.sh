#!/usr/bin/env bash
# Instructions per build stage, counted by callgrind on one thread.
#
#   Scripts/bench-stages.sh SPINESITE CORPUS_DIR
#
# Instruction counts repeat on a noisy machine, where wall times do not. The
# build runs with SPINESITE_THREADS=1 (every parallel map on one thread, the
# Markdown conversion before the resolver instead of beside it) under
# `valgrind --tool=callgrind --dump-before` on SpinesiteKit.StageBoundary.enter,
# so each dump holds the instructions of one stage. Valgrind 3.19 cannot read
# the DWARF 5 debug info Swift emits: it runs on a copy without it.
set -euo pipefail
binary="$1"; corpus="$2"
command -v valgrind >/dev/null || { echo "bench-stages: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
objcopy --strip-debug "$binary" "$work/spinesite"
SPINESITE_THREADS=1 valgrind --tool=callgrind --dump-before='*StageBoundaryO5enter*' \
    --callgrind-out-file="$work/cg.out" "$work/spinesite" build --clean --root "$corpus" --output "$work/Site" --quiet \
    >"$work/valgrind.log" 2>&1 || { tail -n 20 "$work/valgrind.log" >&2; exit 1; }
pages="$(find "$work/Site" -type f -name index.html | wc -l)"
# Dump k ends the stage that began at boundary k-1; the last file (no suffix) holds what follows the last boundary.
stages=(start loading markdown resolving templates links "search index" pages writing saving)
# The pages stage interleaves three jobs per page; callgrind's inclusive
# counts split it: page values and template rendering (templates), the
# page body written into the template (Markdown: its links and glossary
# marks), and the rest (folders, files: write).
pages_dump="$work/cg.out.$(( ${#stages[@]} - 2 ))"
# (awk reads to the end: grep -m1 would stop the pipe early, and pipefail would end the script.)
inclusive() {
    callgrind_annotate --inclusive=yes --threshold=100 "$pages_dump" 2>/dev/null \
        | awk -v pattern="$1" '!found && $0 ~ pattern { gsub(",", "", $1); print $1; found = 1 }'
}
render="$(inclusive 'SiteRenderer11TemplateJobV6render5theme')"
values="$(inclusive 'SiteRenderer16PageValueBuilderV6values_')"
body="$(inclusive 'SiteRenderer8PageBodyV14TemplateEngine0.?.?.?HTMLWriter')"
python3 - "$work" "$pages" "${render:-0}" "${values:-0}" "${body:-0}" "${stages[@]}" <<'PY'
import glob, os, re, sys
work, pages = sys.argv[1], int(sys.argv[2])
render, values, body = (int(x) for x in sys.argv[3:6])
names = sys.argv[6:]
def total(path):
    for line in open(path):
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    return 0
parts = sorted(glob.glob(os.path.join(work, "cg.out.*")), key=lambda p: int(p.rsplit(".", 1)[1]))
counts = [total(p) for p in parts] + [total(os.path.join(work, "cg.out"))]
stage = dict(zip(names, counts))
# Split the pages stage (see above).
templates = render - body + values
stage["page bodies"] = body
stage["other pages work"] = stage.get("pages", 0) - templates - body
stage["pages"] = templates
groups = [
    ("load", ["loading"]), ("resolve", ["resolving"]),
    ("Markdown (cmark-gfm, reading level, links, glossary)", ["markdown", "links", "page bodies"]),
    ("templates (page values and rendering)", ["templates", "pages"]),
    ("search index (page text, terms, files)", ["search index"]),
    ("write (files, cache)", ["other pages work", "writing", "saving"]), ("start and exit", ["start"]),
]
everything = sum(counts)
print("%-52s %14s %12s %7s" % ("stage", "instructions", "per page", "share"))
for label, members in groups:
    n = sum(stage.get(m, 0) for m in members)
    print("%-52s %14s %12s %6.1f%%" % (label, format(n, ","), format(n // max(pages, 1), ","), 100.0 * n / everything))
print("%-52s %14s %12s" % ("total (%d pages written)" % pages, format(everything, ","), format(everything // max(pages, 1), ",")))
print("  of the templates row: rendering %.1f%%, page values (links, switchers, structured data) %.1f%%"
      % (100.0 * (render - body) / everything, 100.0 * values / everything))
PY
