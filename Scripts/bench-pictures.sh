#!/usr/bin/env bash
# Pictures at build time: 100 photos of 12 megapixels (4000 × 3000 JPEG) on 10 pages.
#   Scripts/bench-pictures.sh [SPINESITE]
# Prints the clean build (variants made), a build after deleting the output with the variants
# cached, and a no-op build: wall time and peak memory (GNU time). Needs the `vips` command
# (Debian's libvips-tools) to make the photos; they differ by a JPEG comment, so each is decoded.
set -euo pipefail
BIN="${1:-.build/release/spinesite}"
WORK="$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/spinesite-pictures.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/Content/en" "$WORK/photos"
cp Content/en/locale.yml "$WORK/Content/en/"
cp -r Templates "$WORK/Templates"
printf 'title: "Pictures bench"\nbaseURL: "https://example.org/"\ndefaultLocale: en\n' >"$WORK/Content/site.yml"
# One 12 MP photo-like picture: a gradient with fine noise (it compresses as a photo does).
vips gaussnoise "$WORK/photos/noise.v" 4000 3000 --sigma 18 --mean 0
vips xyz "$WORK/photos/xyz.v" 4000 3000
vips extract_band "$WORK/photos/xyz.v" "$WORK/photos/x.v" 0
vips linear "$WORK/photos/x.v" "$WORK/photos/g.v" 0.05 20
vips add "$WORK/photos/g.v" "$WORK/photos/noise.v" "$WORK/photos/sum.v"
vips cast "$WORK/photos/sum.v" "$WORK/photos/u.v" uchar
vips bandjoin "$WORK/photos/u.v $WORK/photos/u.v $WORK/photos/u.v" "$WORK/photos/rgb.v"
vips copy "$WORK/photos/rgb.v" "$WORK/photos/base.jpg[Q=88]"
python3 - "$WORK" <<'PY'
import pathlib, sys
work = pathlib.Path(sys.argv[1])
base = (work / "photos/base.jpg").read_bytes()
for page in range(10):
    folder = work / f"Content/en/page{page}/images"
    folder.mkdir(parents=True)
    lines = ["---", f'title: "Page {page}"', 'description: "Ten photos."',
             "reviewed: 2099-01-01", 'reviewedBy: "A. Reviewer"', "---", ""]
    for n in range(10):
        comment = f"photo {page}-{n}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        (folder / f"photo-{n}.jpg").write_bytes(base[:2] + segment + base[2:])
        lines += [f"![Photo {n} of page {page}](images/photo-{n}.jpg)", ""]
    (work / f"Content/en/page{page}/photos.md").write_text("\n".join(lines))
PY
rm -rf "$WORK/photos"
echo "100 photos, $(du -sh "$WORK/Content" | cut -f1) of content; $(nproc) cores"
measure() {
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" build --root "$WORK" --quiet >/dev/null
    read -r wall kb < <(tail -n 1 "$WORK/time.txt")
    printf '  %-34s %7.2f s  %7.1f MiB\n' "$1" "$wall" "$(echo "$kb / 1024" | bc -l)"
}
measure "clean build (variants made)"
measure "no-op build"
rm -rf "$WORK/Site"
measure "clean build, variants cached"
echo "  published: $(find "$WORK/Site/media" -type f | wc -l) files, $(du -sh "$WORK/Site/media" | cut -f1)"
