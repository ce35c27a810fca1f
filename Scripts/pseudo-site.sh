#!/usr/bin/env bash
# Builds the real site with a pseudo-translated locale, qps-ploc, into OUTPUT: every page and
# interface string exported with --pseudo and imported back, as a translator's round trip would.
#   Scripts/pseudo-site.sh .build/browser-pseudo
set -euo pipefail
output="${1:?usage: Scripts/pseudo-site.sh OUTPUT}"
bin="${SPINESITE:-.build/debug/spinesite}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r Content Templates "$work"/
"$bin" new locale qps-ploc --root "$work" >/dev/null
# CLDR has no name for the pseudo-locale; give it one (accented, like its text).
sed -i 's/^name: .*/name: "Ƥšéûđöļöçåļé"/' "$work/Content/qps-ploc/locale.yml"
"$bin" translations export --root "$work" --locale qps-ploc --all --pseudo --output "$work/pseudo.xlf"
"$bin" translations import --root "$work" "$work/pseudo.xlf" >/dev/null
rm -rf "$output"
"$bin" build --root "$work" --templates "$work/Templates" --drafts --output "$output" --quiet
