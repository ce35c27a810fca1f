"""`spinesite translations export` and `import` seen from a translator's tools:
translate-toolkit reads every export, the OASIS XLIFF 1.2 strict schema accepts
it, a PO round trip (xliff2po, a translator, po2xliff) comes back in through
`import`, and a page whose targets are its sources builds to the same page."""
import copy
import difflib
import json
import os
import re
import shutil
import subprocess

import pytest
from lxml import etree

from conftest import copy_real_site, files_under
from translate.storage import po, xliff

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMA = os.path.join(REPOSITORY, ".build", "xliff-schema", "xliff-core-1.2-strict.xsd")
# The locale's own files, exported beside the pages.
LOCALE_FILES = ("locale.yml", "glossary.yml")
X = "{urn:oasis:names:tc:xliff:document:1.2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The sentence test_stale_export edits, and a paragraph with bold and a link for the PO round trip.
TENS_SENTENCE = "You can change three main settings:"
PO_PAGE, PO_UNIT = "therapies/_index.md", "list1.item1.p1"
PO_FRENCH = (
    "{1}À travers la peau, avec des électrodes.{/1} {2}La TENS{/2} utilise des électrodes "
    "adhésives et un petit boîtier à piles. On peut souvent l'utiliser chez soi."
)
PO_MARKDOWN = (
    "- **À travers la peau, avec des électrodes.** [La TENS](tens.md) utilise des électrodes "
    "adhésives et un petit boîtier à piles. On peut souvent l'utiliser chez soi."
)


# Helpers


def make_tens_stale(root):
    """Edits one paragraph of the English TENS page, so its es translation turns stale."""
    path = os.path.join(root, "Content", "en", "therapies", "tens.md")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert text.count(TENS_SENTENCE) == 1, f"the test expects {TENS_SENTENCE!r} once in {path}"
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(TENS_SENTENCE, "You can change three main settings on the unit:"))


def export(run, root, locale, *options, output):
    """Runs an export to `output` and returns the summary line it printed on stderr, after any
    warnings (a stale page whose stamped original is not in git history: a copied site has none)."""
    result = run("translations", "export", "--locale", locale, *options, "--output", output, root=root)
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("Exported "), result.stderr
    assert all(": warning: " in line for line in lines[:-1]), result.stderr
    return lines[-1]


def flat(element):
    """An element's text as translate-toolkit flattens it: every text node, tags' token text kept."""
    return "".join(element.itertext())


def files(doc):
    return doc.getroot().findall(f"{X}file")


def front_matter(path):
    """The top-level `key: value` lines of a page's front matter, as strings."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    block = text.split("---\n", 2)[1]
    return dict(re.findall(r"^(\w+): *(.*)$", block, re.M))


def page_id(relative, matter):
    """The page id spinesite pairs translations by: front matter `id`, else the path."""
    if "id" in matter:
        return matter["id"].strip('"')
    stem = relative[: -len(".md")]
    if stem == "_index":
        return "home"
    return stem[: -len("/_index")] if stem.endswith("/_index") else stem


def markdown_files(root, locale):
    """Relative paths of a locale's .md files: its pages and its shared blocks."""
    base = os.path.join(root, "Content", locale)
    return sorted(
        os.path.relpath(os.path.join(folder, name), base)
        for folder, _, names in os.walk(base)
        for name in names
        if name.endswith(".md")
    )


def is_block(relative):
    """Whether a path under Content/<locale>/ (or a <file>'s original) is a shared block, not a page."""
    return relative.startswith("_blocks/")


def pages_of(root, locale):
    """Relative paths of a locale's pages (not its shared blocks)."""
    return [relative for relative in markdown_files(root, locale) if not is_block(relative)]


def blocks_of(root, locale):
    """Relative paths of a locale's shared blocks (`_blocks/safety/skin.md`)."""
    return [relative for relative in markdown_files(root, locale) if is_block(relative)]


def command_line(*args, cwd):
    """A translate-toolkit command (xliff2po, po2xliff) as a translator would run it."""
    executable = shutil.which(args[0])
    assert executable, f"{args[0]} is not installed (translate-toolkit)"
    result = subprocess.run([executable, "--progress=none", *args[1:]], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(args)}: {result.stdout}{result.stderr}"
    return result


def build(run, root, output):
    result = run("build", "--templates", os.path.join(root, "Templates"), "--drafts", "--output", output, "--quiet",
                 root=root, check=False)
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error:" in line]
    assert result.returncode == 0 and not errors, f"build failed ({result.returncode}):\n{result.stdout}{result.stderr}"


# Fixtures

EXPORTS = ["fr", "fr --missing", "fr --all", "fr --pseudo", "es --stale", "es --all", "es --stale (tens edited)"]


@pytest.fixture(scope="module")
def exports(run, tmp_path_factory):
    """Every export the tests read, keyed by label: (path, stderr summary). `fr` is a scratch
    locale from `new locale`; the last export is from a copy where tens.md changed after its
    es translation was stamped."""
    folder = tmp_path_factory.mktemp("exports")
    root = copy_real_site(folder / "site")
    run("new", "locale", "fr", root=root)
    stale_root = copy_real_site(folder / "stale-site")
    make_tens_stale(stale_root)
    result = {"root": root}
    for label in EXPORTS:
        locale, *options = label.replace(" (tens edited)", "").split()
        path = str(folder / (re.sub(r"\W+", "-", label).strip("-") + ".xlf"))
        summary = export(run, stale_root if "edited" in label else root, locale, *options, output=path)
        result[label] = (path, summary)
    return result


@pytest.fixture(scope="module")
def schema():
    assert os.path.exists(SCHEMA), f"{SCHEMA} is missing: run `make test-deps`"
    return etree.XMLSchema(etree.parse(SCHEMA))


# 1. translate-toolkit reads every export


@pytest.mark.parametrize("label", EXPORTS)
def test_translate_toolkit_reads_every_export(exports, label):
    """CAT tools and Pootle/Weblate read XLIFF through translate-toolkit: it must see every
    unit, with the same text a translator sees in the file (inline tags as their tokens)."""
    path, _ = exports[label]
    store = xliff.xlifffile.parsefile(path)
    units = [unit for unit in store.units if not unit.isheader()]
    elements = etree.parse(path).getroot().findall(f".//{X}trans-unit")
    assert len(units) == len(elements), f"translate-toolkit read {len(units)} units, the file has {len(elements)}"
    for unit, element in zip(units, elements):
        assert unit.source == flat(element.find(f"{X}source")), f"unit {element.get('id')}"
        target = element.find(f"{X}target")
        if target is not None:
            assert unit.target == flat(target), f"unit {element.get('id')}: target"
        location = element.find(f"{X}context-group/{X}context").text
        assert unit.getlocations() == [location], f"unit {element.get('id')}: xliff2po keys the PO entry by it"


# 2. the strict schema


@pytest.mark.parametrize("label", EXPORTS)
def test_every_export_is_valid_strict_xliff_1_2(exports, schema, label):
    """Strict tools (Okapi, memoQ, Trados) refuse a file the OASIS schema rejects."""
    doc = etree.parse(exports[label][0])
    assert schema.validate(doc), f"{label}:\n{schema.error_log}"


# 3. structure


@pytest.mark.parametrize("label", ["fr", "fr --all", "fr --pseudo", "es --all"])
def test_an_export_has_a_file_per_page_stamped_with_its_digest(exports, run, label):
    """One <file> per page and per shared block, whose build-num is the digest `import` stamps as
    translationOf: it must be the digest the current es translations already carry."""
    root = exports["root"]
    path, summary = exports[label]
    doc = etree.parse(path)
    originals = [file.get("original") for file in files(doc)]
    en_pages, en_blocks = pages_of(root, "en"), blocks_of(root, "en")
    assert len(en_pages) == 8, en_pages
    assert len(en_blocks) == 4, en_blocks
    assert sorted(originals) == sorted(en_pages + en_blocks + ["locale.yml", "glossary.yml"]), originals

    translatable = [file for file in files(doc) if file.get("original") not in LOCALE_FILES]
    units = sum(len(file.findall(f".//{X}trans-unit")) for file in translatable)
    strings = len(doc.getroot().findall(f"{X}file[@original='locale.yml']//{X}trans-unit"))
    assert summary.startswith(f"Exported 8 pages, 4 blocks ({units} units,") and (
        f", {strings} interface strings" in summary
    ), f"the summary must count what the file holds ({units} units, {strings} strings): {summary}"

    statuses = json.loads(run("translations", "--json", root=root).stdout)
    current = {row["id"] for row in statuses["rows"] + statuses["blocks"] if row["locales"].get("es") == "current"}
    es_stamps = {}
    for relative in pages_of(root, "es"):
        matter = front_matter(os.path.join(root, "Content", "es", relative))
        es_stamps[page_id(relative, matter)] = matter.get("translationOf")
    for relative in blocks_of(root, "es"):
        matter = front_matter(os.path.join(root, "Content", "es", relative))
        es_stamps[relative[: -len(".md")]] = matter.get("translationOf")
    compared = []
    for file in translatable:
        original = file.get("original")
        assert re.fullmatch(r"[0-9a-f]{12}", file.get("build-num") or ""), original
        group = file.find(f"{X}body/{X}group")
        if is_block(original):
            # A block is no page: it has no page id, so its units are not in a page's group.
            assert group is None, f"{original}: a block's units are not a page's"
            key = original[: -len(".md")]
        else:
            assert group is not None and group.get("restype") == "x-spinesite-page", original
            key = group.get("resname")
        if key in current:
            assert file.get("build-num") == es_stamps[key], (
                f"{original}: build-num {file.get('build-num')}, es translationOf {es_stamps[key]}"
            )
            compared.append(key)
    assert len(compared) == 12, f"every page and block of es is current in the real site: {compared}, {statuses}"


@pytest.mark.parametrize("label", ["fr", "es --all"])
def test_units_hold_only_translatable_text_and_a_location(exports, label):
    """Link URLs, pulse blocks and front matter other than title/description are not
    the translator's; each unit says where it comes from, which xliff2po keeps as the
    PO reference and `import` finds the unit by."""
    doc = etree.parse(exports[label][0])
    problems = []
    for file in files(doc):
        original, digest = file.get("original"), file.get("build-num")
        for unit in file.iter(f"{X}trans-unit"):
            unit_id, text = unit.get("id"), flat(unit.find(f"{X}source"))
            for forbidden in ("](", "```", "preset:"):
                if forbidden in text:
                    problems.append(f"{original}#{unit_id}: source has {forbidden!r}: {text[:80]}")
            contexts = unit.findall(f"{X}context-group[@purpose='location']/{X}context[@context-type='sourcefile']")
            locations = [context.text for context in contexts]
            # Interface strings and the glossary have no digest: locale.yml and glossary.yml are not stamped.
            expected = f"{original}#{unit_id}" if original in LOCALE_FILES else f"{original}@{digest}#{unit_id}"
            if locations != [expected]:
                problems.append(f"{original}#{unit_id}: location {locations}, expected [{expected!r}]")
            if original not in LOCALE_FILES:
                if re.fullmatch(r"[a-zA-Z]+", unit_id) and unit_id not in ("title", "description"):
                    problems.append(f"{original}#{unit_id}: a front-matter key is not translatable text")
                if re.match(r"(weight|related|tags|slug|id|references|medicalType|published|updated)\s*:", text):
                    problems.append(f"{original}#{unit_id}: front matter in a unit: {text[:80]}")
    assert not problems, "\n".join(problems)


# 4. a PO round trip


def po_round_trip(run, root, folder, edit):
    """Exports fr, converts it to PO with xliff2po, lets `edit(unit)` translate each PO entry
    (after msgstr = msgid), and converts back with po2xliff. Returns the XLIFF path."""
    export(run, root, "fr", "--all", output=os.path.join(folder, "fr.xlf"))
    command_line("xliff2po", "fr.xlf", "fr.po", cwd=folder)
    store = po.pofile.parsefile(os.path.join(folder, "fr.po"))
    entries = [unit for unit in store.units if not unit.isheader()]
    assert len(entries) == len(etree.parse(os.path.join(folder, "fr.xlf")).getroot().findall(f".//{X}trans-unit"))
    for unit in entries:
        unit.target = unit.source
        edit(unit)
    store.savefile(os.path.join(folder, "translated.po"))
    command_line("po2xliff", "translated.po", "translated.xlf", cwd=folder)
    return os.path.join(folder, "translated.xlf")


def is_unit(unit, page, unit_id):
    return any(re.fullmatch(re.escape(page) + r"@[0-9a-f]{12}#" + re.escape(unit_id), location)
               for location in unit.getlocations())


def test_a_po_round_trip_imports_and_builds(run, site, tmp_path):
    """Many translators work in PO (Poedit, Weblate): tags become {n} tokens in msgid and
    must come back as the page's links and bold."""
    run("new", "locale", "fr", root=site)
    changed = []

    def translate(unit):
        if is_unit(unit, PO_PAGE, PO_UNIT):
            assert unit.source.startswith("{1}Through the skin, using pads.{/1} {2}TENS{/2}"), unit.source
            unit.target = PO_FRENCH
            changed.append(unit)

    translated = po_round_trip(run, site, str(tmp_path), translate)
    assert len(changed) == 1, f"no PO entry located {PO_PAGE}@…#{PO_UNIT}"
    result = run("translations", "import", "--locale", "fr", translated, root=site)
    written = [line for line in result.stdout.splitlines() if line.startswith("Wrote ")]
    # Every unit has a target (msgstr = msgid), so every page and every block is written.
    expected = [f"Content/fr/{relative}" for relative in pages_of(site, "en") + blocks_of(site, "en")]
    expected += [f"Content/fr/{name}" for name in LOCALE_FILES]
    files_written = sorted(re.match(r"Wrote \S*?(Content/fr/\S+?):", line).group(1) for line in written)
    assert files_written == sorted(expected), f"8 pages, 4 blocks, locale.yml and glossary.yml:\n{result.stdout}"

    with open(os.path.join(site, "Content", "en", PO_PAGE), encoding="utf-8") as file:
        english = file.read()
    with open(os.path.join(site, "Content", "fr", PO_PAGE), encoding="utf-8") as file:
        french = file.read()
    assert PO_MARKDOWN in french.splitlines(), f"the French item with its bold and link:\n{french}"
    english_line = next(line for line in english.splitlines() if "Through the skin, using pads." in line)
    unstamped = "".join(line for line in french.splitlines(True) if not line.startswith("translationOf:"))
    assert unstamped == english.replace(english_line, PO_MARKDOWN), (
        "every other unit's target was its source: the page must be the original but for that item\n"
        + "\n".join(difflib.unified_diff(english.replace(english_line, PO_MARKDOWN).splitlines(),
                                         unstamped.splitlines(), lineterm=""))
    )

    output = os.path.join(str(tmp_path), "out")
    build(run, site, output)
    with open(os.path.join(output, "fr", "therapies", "index.html"), encoding="utf-8") as file:
        html = file.read()
    assert re.search(r'<strong>À travers la peau, avec des électrodes\.</strong> <a href="/fr/therapies/tens/">La TENS</a> '
                     r"utilise des électrodes", html), "the French item, built with its bold and a link to fr's TENS page"


def test_the_templated_po_route_imports_each_unit_once(run, site, tmp_path):
    """translate-toolkit's `po2xliff -t fr.xlf fr.po out.xlf` copies the template's <file>s as they
    are and appends the PO's units in a <file> of their own: every unit is in the file twice. The
    import takes each once, the translator's copy over the template's, and writes only the page
    that has a translated unit."""
    run("new", "locale", "fr", root=site)
    folder = str(tmp_path)
    export(run, site, "fr", output=os.path.join(folder, "fr.xlf"))
    command_line("xliff2po", "fr.xlf", "fr.po", cwd=folder)
    store = po.pofile.parsefile(os.path.join(folder, "fr.po"))
    changed = [unit for unit in store.units if not unit.isheader() and is_unit(unit, PO_PAGE, PO_UNIT)]
    assert len(changed) == 1, f"no PO entry located {PO_PAGE}@…#{PO_UNIT}"
    changed[0].target = PO_FRENCH
    store.savefile(os.path.join(folder, "translated.po"))
    command_line("po2xliff", "-t", "fr.xlf", "translated.po", "out.xlf", cwd=folder)
    doc = etree.parse(os.path.join(folder, "out.xlf"))
    template = etree.parse(os.path.join(folder, "fr.xlf"))
    assert len(files(doc)) == len(files(template)) + 1, "the template's files, then the PO's"

    result = run("translations", "import", "--locale", "fr", os.path.join(folder, "out.xlf"), root=site)
    written = [line for line in result.stdout.splitlines() if line.startswith("Wrote ") and line.endswith(")")]
    assert len(written) == 1 and f"Content/fr/{PO_PAGE}: 1 current, " in written[0], result.stdout
    # Each other page and each shared block (fr has none of them yet) is named as staying a fallback.
    assert "Not written, no unit translated (7 pages, 4 blocks):" in result.stdout, result.stdout
    fallbacks = sorted(re.match(r"  \S*?Content/fr/(\S+): stays a fallback", line).group(1)
                       for line in result.stdout.splitlines() if line.endswith(": stays a fallback (the original is shown)"))
    others = [relative for relative in pages_of(site, "en") + blocks_of(site, "en") if relative != PO_PAGE]
    assert fallbacks == sorted(others), result.stdout
    with open(os.path.join(site, "Content", "fr", PO_PAGE), encoding="utf-8") as file:
        french = file.read()
    assert PO_MARKDOWN in french.splitlines(), french
    assert "pendingUnits:" in french, "the untranslated units wait"
    assert not os.path.exists(os.path.join(site, "Content", "fr", "therapies", "tens.md")), "stays a fallback"
    assert blocks_of(site, "fr") == [], "the blocks, none of whose units was translated, stay fallbacks"


@pytest.mark.parametrize("token", ["{1}", "{/1}"])
def test_a_po_target_that_drops_a_token_is_refused(run, site, tmp_path, token):
    """A token lost in PO would lose the bold or the link: import must say which unit, and
    write nothing at all (not even the pages that were fine)."""
    run("new", "locale", "fr", root=site)

    def translate(unit):
        if is_unit(unit, PO_PAGE, PO_UNIT):
            unit.target = PO_FRENCH.replace(token, "", 1)

    translated = po_round_trip(run, site, str(tmp_path), translate)
    before = files_under(os.path.join(site, "Content"))
    result = run("translations", "import", "--locale", "fr", translated, root=site, check=False)
    assert result.returncode != 0, f"the import must be refused:\n{result.stdout}{result.stderr}"
    assert files_under(os.path.join(site, "Content")) == before, "a refused import writes nothing"
    errors = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line]
    assert errors, result.stderr
    pattern = re.escape(translated) + r":\d+:\d+: error: unit '" + re.escape(PO_UNIT) + "' of " + re.escape(PO_PAGE) + ": (.*)"
    messages = [match.group(1) for match in map(lambda line: re.fullmatch(pattern, line), errors) if match]
    assert len(messages) == 1 and len(errors) == 1, f"one error, naming the unit and its page:\n{result.stderr}"
    message = messages[0]
    assert message.startswith("inline element 1 (strong)") and "every element of the source must stay in the target" in message, (
        f"the message must say that element 1's {'start' if token == '{1}' else 'end'} is missing: {message}"
    )
    assert "more than once" not in message, f"the translator dropped {token}, nothing appears twice: {message}"


# 5. round trip 1: targets = sources build the same pages


def main_element(path, locale):
    """The page's <main> with its locale's marks (lang, dir, the site's own /locale/ URLs, the
    locale's search index, stemmer and plural forms, which are the locale's by design) made
    neutral."""
    with open(path, encoding="utf-8") as file:
        match = re.search(r"<main\b.*?</main>", file.read(), re.S)
    assert match, f"{path} has no <main>"
    text = match.group(0)
    text = re.sub(r'lang="%s"' % locale, 'lang="LOCALE"', text)
    text = re.sub(r'\bdir="(ltr|rtl|auto)"', 'dir="DIR"', text)
    # Only the site's own paths, not a host's: https://example.org/en/… stays as it is.
    text = re.sub(r"(?<![\w.])/%s/" % re.escape(locale), "/LOCALE/", text)
    text = re.sub(r'data-search-index="[^"]*"', 'data-search-index="INDEX"', text)
    text = re.sub(r'data-stemmer="[^"]*"', 'data-stemmer="STEMMER"', text)
    # The count sentence in each plural category of the language: French has a `many`, English not.
    return re.sub(r' data-count-[a-z]+="[^"]*"', "", text)


def test_sources_copied_to_targets_build_the_same_pages(run, site, tmp_path):
    """The issue's round trip: a translation that is the original word for word must give
    the original's pages, so nothing is lost or reordered between export and import."""
    run("new", "locale", "fr", root=site)
    exported = os.path.join(str(tmp_path), "fr.xlf")
    export(run, site, "fr", "--all", output=exported)
    doc = etree.parse(exported)
    for unit in doc.getroot().iter(f"{X}trans-unit"):
        source = unit.find(f"{X}source")
        target = etree.Element(f"{X}target", {XML_LANG: "fr", "state": "translated"})
        target.text = source.text
        for child in source:
            target.append(copy.deepcopy(child))
        source.addnext(target)
    translated = os.path.join(str(tmp_path), "fr-translated.xlf")
    doc.write(translated, xml_declaration=True, encoding="UTF-8")
    run("translations", "import", translated, root=site)
    assert pages_of(site, "fr") == pages_of(site, "en")
    assert blocks_of(site, "fr") == blocks_of(site, "en")

    output = os.path.join(str(tmp_path), "out")
    build(run, site, output)
    english = sorted(
        os.path.relpath(os.path.join(folder, name), os.path.join(output, "en"))
        for folder, _, names in os.walk(os.path.join(output, "en"))
        for name in names
        if name == "index.html"
    )
    assert len(english) >= 9, english
    differences = []
    for page in english:
        french_page = os.path.join(output, "fr", page)
        if not os.path.exists(french_page):
            differences.append(f"{page}: no fr page")
            continue
        a = main_element(os.path.join(output, "en", page), "en").splitlines()
        b = main_element(french_page, "fr").splitlines()
        if a != b:
            line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            differences.append(
                f"{page}: line {line + 1}\n  en: {a[line] if line < len(a) else '(end)'}\n"
                f"  fr: {b[line] if line < len(b) else '(end)'}"
            )
    assert not differences, "pages whose <main> differs:\n" + "\n".join(differences)


# 6. stale and missing exports


def spanish_headings(path):
    """The text of a page's Markdown headings, in order, outside fenced blocks."""
    with open(path, encoding="utf-8") as file:
        body = file.read().split("---\n", 2)[2]
    headings, fenced = [], False
    for line in body.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append(line.lstrip("#").strip())
    return headings


def test_a_stale_export_carries_the_current_translation_to_review(run, site, tmp_path):
    """A reviewer updating a stale page starts from the Spanish they have, unit by unit;
    a locale with nothing translated gets no targets at all."""
    make_tens_stale(site)
    path = os.path.join(str(tmp_path), "es-stale.xlf")
    export(run, site, "es", "--stale", output=path)
    doc = etree.parse(path)
    assert [file.get("original") for file in files(doc)] == ["therapies/tens.md", "locale.yml", "glossary.yml"]
    tens = files(doc)[0]
    spanish = os.path.join(site, "Content", "es", "therapies", "tens.md")
    matter = front_matter(spanish)
    assert tens.get("build-num") != matter["translationOf"], "the edited original has a new digest"

    units = {unit.get("id"): unit for unit in tens.iter(f"{X}trans-unit")}
    without = [unit_id for unit_id, unit in units.items()
               if unit.find(f"{X}target") is None or unit.find(f"{X}target").get("state") != "needs-review-translation"]
    assert not without, f"units without a target to review: {without}"
    target = {unit_id: flat(unit.find(f"{X}target")) for unit_id, unit in units.items()}
    assert target["title"] == json.loads(matter["title"]), target["title"]
    assert target["description"] == json.loads(matter["description"]), target["description"]
    headings = spanish_headings(spanish)
    assert headings[0] == "Qué es"
    assert [target[f"h{n}"] for n in range(1, len(headings) + 1)] == headings
    assert f"h{len(headings) + 1}" not in units
    with open(spanish, encoding="utf-8") as file:
        assert f"\n{target['p3']}\n" in file.read(), f"p3 (the edited paragraph) keeps its Spanish: {target['p3']}"

    run("new", "locale", "fr", root=site)
    missing = os.path.join(str(tmp_path), "fr-missing.xlf")
    export(run, site, "fr", "--missing", output=missing)
    doc = etree.parse(missing)
    assert doc.getroot().findall(f".//{X}trans-unit"), "fr has everything to translate"
    assert not doc.getroot().findall(f".//{X}target"), "fr has no translation to offer"
