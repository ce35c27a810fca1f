#!/usr/bin/env bash
# The floor under a build: what cmark-gfm alone and the kernel's file copying take.
#
#   Scripts/bench-floor.sh CONTENT_DIR SITE_DIR   → prints "CPU_S CORES COPY_S FLOOR_S"
#
# CPU_S: processor seconds (user + system) of the `cmark-gfm` command line over every Markdown
# file under CONTENT_DIR (its tables, strikethrough and autolinks on, as the site's converter
# has them). COPY_S: wall seconds of `cp -r SITE_DIR` beside itself (the copy is removed).
# FLOOR_S = CPU_S / CORES + COPY_S: converting the Markdown on every core, then writing the
# output, with no front matter read, no page resolved and no template rendered.
set -euo pipefail
content="$1"; site="$2"
command -v cmark-gfm >/dev/null || { echo "bench-floor: cmark-gfm is needed (apt-get install cmark-gfm)" >&2; exit 1; }
work="$(mktemp -d)"
copy="$site.floor-copy"
trap 'rm -rf -- "$work" "$copy"' EXIT
# GNU time reports xargs with the cmark-gfm processes it waited for.
find "$content" -name '*.md' -print0 \
    | /usr/bin/time -f '%U %S' -o "$work/cmark.txt" \
        xargs -0 cmark-gfm -e table -e strikethrough -e autolink >/dev/null
/usr/bin/time -f '%e' -o "$work/copy.txt" cp -r "$site" "$copy"
read -r user system < <(tail -n 1 "$work/cmark.txt")
read -r copy_s < <(tail -n 1 "$work/copy.txt")
awk -v u="$user" -v s="$system" -v c="$(nproc)" -v k="$copy_s" 'BEGIN {
    printf "%.2f %d %.2f %.2f\n", u + s, c, k, (u + s) / c + k }'
