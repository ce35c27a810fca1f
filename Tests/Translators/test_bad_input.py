"""Broken and hostile XLIFF given to `spinesite translations import`, on a scratch copy of the real
site with a new locale `fr`: every refusal names the file and a line (and, for a unit, its id), exits
non-zero and writes nothing; what is accepted stays text, never markup; memory stays bounded."""
import copy
import json
import os
import re
import resource
import subprocess
import sys

import pytest
from lxml import etree

from conftest import SPINESITE as _SPINESITE, copy_real_site, files_under, run_spinesite as _run

_XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
_N = "{" + _XLIFF + "}"
_PAGE = "therapies/tens.md"
_MB = 1024 * 1024
_RSS_LIMIT_KB = 300 * 1024


def _fr_site(tmp_path):
    """A copy of the real site with `new locale fr` run on it, and the fr export: (root, xlf path)."""
    root = tmp_path / "site"
    copy_real_site(root)
    _run("new", "locale", "fr", root=root)
    xlf = tmp_path / "fr.xlf"
    _run("translations", "export", "--locale", "fr", "--output", xlf, root=root)
    return root, xlf


def _snapshot(root):
    """Every file under Content/ with its bytes: what an import must leave alone when it refuses."""
    return files_under(root / "Content")


def _assert_nothing_written(root, before):
    after = _snapshot(root)
    assert sorted(after) == sorted(before), f"files appeared or vanished: {set(after) ^ set(before)}"
    changed = [path for path in before if before[path] != after[path]]
    assert not changed, f"a refused import changed {changed}"


def _unit(tree, page, unit_id):
    files = [f for f in tree.iter(_N + "file") if f.get("original") == page]
    assert len(files) == 1, f"one <file original={page!r}> in the export"
    units = [u for u in files[0].iter(_N + "trans-unit") if u.get("id") == unit_id]
    assert len(units) == 1, f"one unit {unit_id!r} in {page}"
    return units[0]


def _set_target(tree, page, unit_id, content):
    """Gives a unit a target: `content` is XLIFF inline markup (a string), or an element to copy."""
    unit = _unit(tree, page, unit_id)
    old = unit.find(_N + "target")
    if old is not None:
        unit.remove(old)
    if isinstance(content, str):
        target = etree.fromstring(f'<target xmlns="{_XLIFF}">{content}</target>')
    else:
        target = copy.deepcopy(content)
        target.tag = _N + "target"
        target.attrib.pop("{http://www.w3.org/XML/1998/namespace}lang", None)
    unit.find(_N + "source").addnext(target)
    return target


def _inline_elements(source):
    """The inline elements a target must keep, in order, as (tag, ctype): bold, links, citations.
    Glossary marks (<mrk mtype="term">) are hints for the translator, not elements of the text."""
    return [(element.tag[len(_N):], element.get("ctype")) for element in source.iter()
            if element is not source and element.tag != _N + "mrk"]


_BOLD = [("bpt", "bold"), ("ept", None)]
_LINK = [("bpt", "link"), ("ept", None)]
_CITATION = [("ph", "x-citation")]


def _unit_id(tree, page, *, elements=None, text=None):
    """The id of the first unit of `page` whose source has exactly these inline `elements`, or is
    exactly this plain `text`. Tests pick units by what they hold: ids are positions (p9 is the
    ninth paragraph), and they move whenever text above them does, as when the safety text of the
    therapy pages moved into shared blocks."""
    files = [f for f in tree.iter(_N + "file") if f.get("original") == page]
    assert len(files) == 1, f"one <file original={page!r}> in the export"
    for unit in files[0].iter(_N + "trans-unit"):
        source = unit.find(_N + "source")
        if elements is not None and _inline_elements(source) == elements:
            return unit.get("id")
        if text is not None and len(source) == 0 and source.text == text:
            return unit.get("id")
    raise AssertionError(f"no unit of {page} with elements {elements} or text {text!r}")


# The paragraph the tests give a plain target to: "You can change three main settings:".
_SETTINGS = "You can change three main settings:"


def _write(tree, path):
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


def _unit_line(path, page, unit_id):
    """The line of `<trans-unit id=…>` of a page's <file> in the XLIFF as written."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'original="{page}"')
    return text.count("\n", 0, text.index(f'<trans-unit id="{unit_id}"', start)) + 1


def _errors(result, path):
    """The `FILE:LINE:COL: error: …` (or `FILE: error: …`) lines of a refused import."""
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines, f"no error line:\n{result.stdout}\n{result.stderr}"
    for line in lines:
        assert line.startswith(f"{path}:"), f"the error names the file: {line}"
    return lines


def _import_refused(root, path, *extra):
    before = _snapshot(root)
    result = _run("translations", "import", path, *extra, root=root, check=False)
    assert result.returncode != 0, f"accepted:\n{result.stdout}\n{result.stderr}"
    assert "Wrote " not in result.stdout, result.stdout
    _assert_nothing_written(root, before)
    return _errors(result, path)


_MEASURE = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.monotonic()\n"
    "result = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(json.dumps({'returncode': result.returncode, 'stdout': result.stdout, 'stderr': result.stderr,\n"
    "    'seconds': time.monotonic() - start,\n"
    "    'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
)


def _measured_import(root, path):
    """The import run from a fresh Python whose only child is spinesite, so that its
    RUSAGE_CHILDREN peak (KiB on Linux) is spinesite's own and not that of earlier children."""
    wrapper = subprocess.run(
        [sys.executable, "-c", _MEASURE, _SPINESITE, "translations", "import", str(path), "--root", str(root)],
        capture_output=True, text=True, timeout=300, check=True)
    return json.loads(wrapper.stdout)


def _kept_ids(output, page, kind):
    """The ids an import lists as kept (`kind`: "the original's text" or "the current translation")."""
    lines = output.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Wrote ") and "Content/" in line and line.split(":")[0].endswith(page):
            prefix = f"  no target, kept {kind}: "
            for following in lines[index + 1:]:
                if not following.startswith("  "):
                    break
                if following.startswith(prefix):
                    return following[len(prefix):].split(", ")
            return []
    raise AssertionError(f"no 'Wrote …{page}' line:\n{output}")


# 1. Malformed XML


def test_a_truncated_file_is_refused_at_its_end(tmp_path):
    """A file cut off by a failed copy or upload must not half-import."""
    root, xlf = _fr_site(tmp_path)
    text = xlf.read_bytes()
    broken = tmp_path / "truncated.xlf"
    broken.write_bytes(text[: len(text) // 2])
    lines = _import_refused(root, broken)
    assert len(lines) == 1, lines
    match = re.match(rf"{re.escape(str(broken))}:(\d+):(\d+): error: .*not well-formed XML", lines[0])
    assert match, lines[0]
    last_line = broken.read_bytes().count(b"\n") + 1
    assert int(match.group(1)) == last_line, f"the file stops on line {last_line}: {lines[0]}"


def test_a_mismatched_tag_is_refused_at_its_line(tmp_path):
    """A hand-edited file with a wrong closing tag: the error must point at that tag, so the
    translator can find it among thousands of lines."""
    root, xlf = _fr_site(tmp_path)
    lines = xlf.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if f"{_PAGE}@" in line and "#p2</context>" in line)
    lines[index] = lines[index].replace("</context>", "</contexts>", 1)
    broken = tmp_path / "mismatched.xlf"
    broken.write_text("\n".join(lines), encoding="utf-8")
    errors = _import_refused(root, broken)
    assert len(errors) == 1, errors
    match = re.match(rf"{re.escape(str(broken))}:(\d+):(\d+): error: .*not well-formed XML", errors[0])
    assert match, errors[0]
    assert int(match.group(1)) == index + 1, (
        f"the mismatched </contexts> is on line {index + 1} of {len(lines)}: {errors[0]}")


# 2. Entities


def _with_doctype(xlf, declarations, reference, path):
    """The export with a DOCTYPE after the XML declaration and `reference` as a target of tens p3."""
    head, rest = xlf.read_text(encoding="utf-8").split("\n", 1)
    marker = "<source xml:lang=\"en\">You can change three main settings:</source>"
    assert marker in rest, "tens.md's p3 is in the export"
    rest = rest.replace(marker, marker + f"<target>{reference}</target>", 1)
    path.write_text(f"{head}\n<!DOCTYPE xliff [\n{declarations}\n]>\n{rest}", encoding="utf-8")
    return path


def test_billion_laughs_is_refused_in_bounded_memory(tmp_path):
    """10 levels of 10 references would expand to 10^10 copies: refused before any expansion."""
    root, xlf = _fr_site(tmp_path)
    declarations = "\n".join(
        ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 11)])
    bomb = _with_doctype(xlf, declarations, "&lol10;", tmp_path / "bomb.xlf")
    before = _snapshot(root)
    measured = _measured_import(root, bomb)
    print(f"billion laughs: peak RSS {measured['maxrss_kb'] / 1024:.1f} MB in {measured['seconds']:.2f} s")
    assert measured["returncode"] != 0, measured["stdout"]
    _assert_nothing_written(root, before)
    assert re.match(rf"{re.escape(str(bomb))}:2:1: error: ", measured["stderr"]), measured["stderr"]
    assert "DOCTYPE" in measured["stderr"] and "entit" in measured["stderr"], measured["stderr"]
    assert measured["maxrss_kb"] < _RSS_LIMIT_KB, f"peak RSS {measured['maxrss_kb']} KiB"
    assert measured["seconds"] < 10, "refused before expanding"


def test_an_external_entity_is_refused_and_never_read(tmp_path):
    """XXE: a SYSTEM entity would paste /etc/passwd into a published page."""
    root, xlf = _fr_site(tmp_path)
    xxe = _with_doctype(xlf, '<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;", tmp_path / "xxe.xlf")
    before = _snapshot(root)
    measured = _measured_import(root, xxe)
    print(f"external entity: peak RSS {measured['maxrss_kb'] / 1024:.1f} MB")
    assert measured["returncode"] != 0, measured["stdout"]
    _assert_nothing_written(root, before)
    assert re.match(rf"{re.escape(str(xxe))}:\d+:\d+: error: ", measured["stderr"]), measured["stderr"]
    assert "DOCTYPE" in measured["stderr"] and "entit" in measured["stderr"], measured["stderr"]
    assert "root:" not in measured["stdout"] + measured["stderr"], "the file's contents are not echoed"
    assert measured["maxrss_kb"] < _RSS_LIMIT_KB


def test_a_utf16_file_is_refused_before_its_entities(tmp_path):
    """UTF-16 used to slip past the DOCTYPE check, which reads bytes as UTF-8, and its entity
    vanished from the imported text: any encoding but UTF-8 is refused first, saying how to fix it."""
    root, xlf = _fr_site(tmp_path)
    declared = _with_doctype(xlf, '<!ENTITY e "entité">', "&e;", tmp_path / "entity.xlf")
    text = declared.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    utf16 = tmp_path / "utf16.xlf"
    utf16.write_bytes(text.encode("utf-16-le"))
    marked = tmp_path / "utf16-bom.xlf"
    marked.write_bytes(text.encode("utf-16"))
    for path in (utf16, marked):
        lines = _import_refused(root, path)
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"{path}:1:1: error: the file is UTF-16LE, not UTF-8"), lines[0]
        assert "save the file as UTF-8" in lines[0], lines[0]
    latin1 = tmp_path / "latin1.xlf"
    latin1.write_bytes(xlf.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1)
                       .encode("latin-1", errors="replace"))
    lines = _import_refused(root, latin1)
    assert lines[0].startswith(f"{latin1}:1:31: error: the XML declaration says encoding=\"ISO-8859-1\""), lines


# 3. Injection


_HOSTILE = (
    "<script>alert(1)</script> [click](https://evil.example) ![x](https://evil.example/x.png) "
    "https://evil.example www.evil.example *not bold* &lt;b&gt;")


def _built_fr_tens(root, tmp_path):
    output = tmp_path / "out"
    _run("build", "--templates", root / "Templates", "--drafts", "--output", output, "--quiet", root=root)
    page = output / "fr" / "therapies" / "tens" / "index.html"
    assert page.exists(), sorted(str(p.relative_to(output)) for p in (output / "fr").rglob("index.html"))
    return output, page


def test_markup_in_a_target_stays_visible_text(tmp_path):
    """A translator (or a compromised CAT tool) must not be able to add a script, a link or an
    image to the site: target text is text, shown as typed."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    _set_target(tree, _PAGE, "p3", "").text = _HOSTILE
    imported = _run("translations", "import", _write(tree, tmp_path / "hostile.xlf"), root=root)
    assert re.search(r": 1 current, \d+ to review", imported.stdout), imported.stdout
    output, page = _built_fr_tens(root, tmp_path)
    html = page.read_text(encoding="utf-8")
    for forbidden in ("<script>alert", 'href="https://evil.example', 'src="https://evil.example',
                      'href="http://www.evil.example', "<em>not bold", "<strong>not bold", "<b>"):
        assert forbidden not in html, f"{forbidden!r} became markup"
    for visible in ("&lt;script&gt;alert(1)&lt;/script&gt;", "[click](https://evil.example)",
                    "![x](https://evil.example/x.png)", " https://evil.example ", "www.evil.example",
                    "*not bold*", "&amp;lt;b&amp;gt;"):
        assert visible in html, f"{visible!r} is shown as typed"
    for other in (output / "fr").rglob("*.html"):
        text = other.read_text(encoding="utf-8")
        assert "<script>alert" not in text and 'href="https://evil.example' not in text, other


def test_a_citation_typed_as_text_is_imported_as_text(tmp_path):
    """Typed text is literal, citations included: `[@sluka2003]` typed into a target is written
    escaped and shown as typed, neither refused nor made a citation (`[@a; @b]` would be an
    unknown reference, an error, if it were one)."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    _set_target(tree, _PAGE, "p3", "").text = "Voir [@sluka2003] et [@a; @b] :"
    imported = _run("translations", "import", _write(tree, tmp_path / "typed.xlf"), root=root)
    assert "Wrote " in imported.stdout, imported.stdout
    markdown = (root / "Content" / "fr" / "therapies" / "tens.md").read_text(encoding="utf-8")
    assert r"Voir \[\@sluka2003\] et \[\@a; \@b\] :" in markdown, markdown
    _, page = _built_fr_tens(root, tmp_path)
    assert "<p>Voir [@sluka2003] et [@a; @b] :</p>" in page.read_text(encoding="utf-8")


def _block_counts(html):
    main = re.search(r"<main.*?</main>", html, re.S)
    assert main, "the page has a <main>"
    # Notices are not the page's blocks: a partly translated page is stale and says so, and each
    # shared block fr lacks is shown in English under a notice of its own (`lang="fr" dir="ltr"`).
    text = re.sub(r'<p class="notice" role="note"[^>]*>.*?</p>', "", main.group(0), flags=re.S)
    return {tag: len(re.findall(rf"<{tag}[\s>]", text))
            for tag in ("p", "li", "ul", "ol", "h2", "h3", "blockquote", "pre", "hr", "table")}


def test_line_breaks_in_a_target_add_no_blocks(tmp_path):
    """A paragraph's target is one paragraph: a line break (CAT tools keep them under
    xml:space="preserve") must not start a list item, quote, code block or rule of its own.
    Either the unit is refused by id, or the page keeps the original's block structure."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    unit_id = _unit_id(tree, _PAGE, text=_SETTINGS)
    _set_target(tree, _PAGE, unit_id, "").text = (
        "Trois réglages :\n\n- item\n\n> quote\n\n1. first\n\n    indented code\n\n---\n\nfin")
    path = _write(tree, tmp_path / "breaks.xlf")
    before = _snapshot(root)
    result = _run("translations", "import", path, root=root, check=False)
    if result.returncode != 0:
        _assert_nothing_written(root, before)
        assert all(f"unit '{unit_id}' of {_PAGE}" in line for line in _errors(result, path)), result.stderr
        return
    output, page = _built_fr_tens(root, tmp_path)
    original = _block_counts((output / "en" / "therapies" / "tens" / "index.html").read_text(encoding="utf-8"))
    assert _block_counts(page.read_text(encoding="utf-8")) == original, f"{unit_id}'s target changed the page's blocks"


# 4. Size


def test_a_50_mb_file_is_refused_quickly_by_its_size(tmp_path):
    """A huge file (a CAT tool's bug, or an attack) is refused before it is read, with its size."""
    root, xlf = _fr_site(tmp_path)
    text = xlf.read_text(encoding="utf-8")
    marker = "<source xml:lang=\"en\">You can change three main settings:</source>"
    split = text.index(marker) + len(marker)
    big = tmp_path / "big.xlf"
    own_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chunk = ("Trois réglages principaux. " * 40000).encode("utf-8")  # about 1 MB
    with open(big, "wb") as file:
        file.write(text[:split].encode("utf-8") + b"<target>")
        while file.tell() < 50 * _MB:
            file.write(chunk)
        file.write(b"</target>" + text[split:].encode("utf-8"))
    own_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - own_before
    size = big.stat().st_size
    assert size >= 50 * _MB
    assert own_growth < 20 * 1024, f"writing in chunks kept the test's own peak growth small: {own_growth} KiB"
    before = _snapshot(root)
    measured = _measured_import(root, big)
    print(f"{size / _MB:.1f} MB file: peak RSS {measured['maxrss_kb'] / 1024:.1f} MB "
          f"in {measured['seconds']:.2f} s (test's own peak grew {own_growth / 1024:.1f} MB)")
    assert measured["returncode"] != 0, measured["stdout"]
    _assert_nothing_written(root, before)
    assert measured["stderr"].startswith(f"{big}"), measured["stderr"]
    assert measured["seconds"] < 10, "refused without parsing"
    assert measured["maxrss_kb"] < _RSS_LIMIT_KB, f"peak RSS {measured['maxrss_kb']} KiB"
    reported = re.search(r"the file is ([\d.]+) MB", measured["stderr"])
    assert reported, measured["stderr"]
    assert abs(float(reported.group(1)) - size / _MB) < 0.1 or abs(float(reported.group(1)) - size / 1e6) < 0.1, (
        f"the file is {size / _MB:.1f} MB ({size} bytes): {measured['stderr']}")


# 5. Refused units


# The units are chosen by their inline elements: "TENS stands for {1}…{/1}. … called {2}electrodes{/2}"
# (two bold pairs), "Never place the pads:{1}" ({1} a citation, alone) and "… {1}PNT{/1}, {2}PNS{/2}
# and {3}electroacupuncture{/3}." (three links), wherever they are on the page.
_TWO_BOLD, _ONE_CITATION, _THREE_LINKS = _BOLD * 2, _CITATION, _LINK * 3

_BROKEN_TARGETS = {
    "ept-removed": (_TWO_BOLD, '<bpt id="1" ctype="bold">{1}</bpt>TENS<ept id="1">{/1}</ept> et '
                               '<bpt id="2" ctype="bold">{2}</bpt>électrodes', "has no end"),
    "pair-removed": (_TWO_BOLD, '<bpt id="1" ctype="bold">{1}</bpt>TENS<ept id="1">{/1}</ept> et électrodes',
                     "was removed"),
    "ph-removed": (_ONE_CITATION, "N'utilisez pas la TENS.", "was removed"),
    "ph-duplicated": (_ONE_CITATION,
                      'Non<ph id="1" ctype="x-citation">{1}</ph> et non.<ph id="1" ctype="x-citation">{1}</ph>',
                      "more than once"),
    "pairs-crossing": (_TWO_BOLD, '<bpt id="1" ctype="bold">{1}</bpt>a<bpt id="2" ctype="bold">{2}</bpt>b'
                                  '<ept id="1">{/1}</ept>c<ept id="2">{/2}</ept>', "overlap"),
    "link-in-link": (_THREE_LINKS, 'Voir <g id="1">PNT et <g id="2">PNS</g></g> et <g id="3">EA</g>.',
                     "link inside a link"),
}


@pytest.mark.parametrize("case", sorted(_BROKEN_TARGETS))
def test_a_target_that_breaks_its_inline_elements_is_refused_by_unit(tmp_path, case):
    """Tags the translator lost, doubled or tangled would silently change the page's bold, links or
    citations: the whole file is refused, naming the unit."""
    elements, target, reason = _BROKEN_TARGETS[case]
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    unit_id = _unit_id(tree, _PAGE, elements=elements)
    # A good unit: not written either.
    _set_target(tree, _PAGE, _unit_id(tree, _PAGE, text=_SETTINGS), "Trois réglages principaux :")
    _set_target(tree, _PAGE, unit_id, target)
    path = _write(tree, tmp_path / f"{case}.xlf")
    lines = _import_refused(root, path)
    assert len(lines) == 1, lines
    line = _unit_line(path, _PAGE, unit_id)
    assert lines[0].startswith(f"{path}:{line}:"), f"the unit starts on line {line}: {lines[0]}"
    assert f"error: unit '{unit_id}' of {_PAGE}: " in lines[0], lines[0]
    assert reason in lines[0], lines[0]


def test_the_same_tags_as_g_and_x_are_accepted(tmp_path):
    """The control for the refusals above: <g>/<x/> in place of bpt/ept/ph, in order, import."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    links = _unit_id(tree, _PAGE, elements=_THREE_LINKS)
    _set_target(tree, _PAGE, links, 'Voir <g id="1">PNT</g>, <g id="2">PNS</g> et <g id="3">EA</g>.')
    _set_target(tree, _PAGE, _unit_id(tree, _PAGE, elements=_ONE_CITATION), 'Non.<x id="1"/>')
    result = _run("translations", "import", _write(tree, tmp_path / "g.xlf"), root=root)
    assert re.search(r": 2 current, \d+ to review", result.stdout), result.stdout
    written = (root / "Content" / "fr" / _PAGE).read_text(encoding="utf-8")
    assert re.search(r"Voir \[PNT\]\(pnt\.md[^)]*\), \[PNS\]\(pns\.md[^)]*\) et \[EA\]\(", written), written
    assert re.search(r"Non\.\[@\w+\]", written), "the citation kept its place"


def test_an_unknown_unit_id_is_refused(tmp_path):
    """A unit the original does not have (renamed, or from another version) has nowhere to go."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    unit = _unit(tree, _PAGE, "p3")
    _set_target(tree, _PAGE, "p3", "Trois réglages principaux :")
    unit.set("id", "p999")
    unit.set("resname", "p999")
    context = unit.find(f"{_N}context-group/{_N}context")
    assert context.text.endswith("#p3"), context.text
    context.text = context.text[: -len("#p3")] + "#p999"
    path = _write(tree, tmp_path / "unknown-id.xlf")
    lines = _import_refused(root, path)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{_unit_line(path, _PAGE, 'p999')}:"), lines[0]
    assert "unit 'p999'" in lines[0] and "does not exist" in lines[0], lines[0]


def test_a_file_exported_for_another_locale_is_refused(tmp_path):
    """Spanish targets imported as French would overwrite Content/fr with Spanish: each <file>
    of the wrong locale is named (the refusal is the file's, so it names no unit)."""
    root, _ = _fr_site(tmp_path)
    spanish = tmp_path / "es.xlf"
    _run("translations", "export", "--locale", "es", "--all", "--output", spanish, root=root)
    lines = _import_refused(root, spanish, "--locale", "fr")
    originals = re.findall(r'<file original="([^"]+)"', spanish.read_text(encoding="utf-8"))
    assert len(lines) == len(originals), lines
    for line, original in zip(lines, originals):
        assert re.match(rf"{re.escape(str(spanish))}:\d+:\d+: error: ", line), line
        assert f'<file original="{original}">' in line and "'es', not 'fr'" in line, line


def test_a_target_language_its_targets_contradict_is_refused(tmp_path):
    """An fr export relabelled target-language="es" used to import French into Content/es: the
    targets say xml:lang="fr", and the refusal names both, at the first such target."""
    root, _ = _fr_site(tmp_path)
    pseudo = tmp_path / "pseudo.xlf"
    _run("translations", "export", "--locale", "fr", "--all", "--pseudo", "--output", pseudo, root=root)
    relabelled = tmp_path / "relabelled.xlf"
    text = pseudo.read_text(encoding="utf-8").replace('target-language="fr"', 'target-language="es"')
    relabelled.write_text(text, encoding="utf-8")
    lines = _import_refused(root, relabelled)
    assert len(lines) == 1, lines
    first_target = text[:text.index("<target ")].count("\n") + 1
    assert lines[0].startswith(f"{relabelled}:{first_target}:"), lines[0]
    assert '<target xml:lang="fr"> disagrees with target-language="es"' in lines[0], lines[0]


def test_a_file_for_a_locale_the_site_lacks_is_refused(tmp_path):
    """target-language="de" when there is no Content/de: nothing is created for it."""
    root, xlf = _fr_site(tmp_path)
    german = tmp_path / "de.xlf"
    german.write_text(xlf.read_text(encoding="utf-8").replace('target-language="fr"', 'target-language="de"'),
                      encoding="utf-8")
    lines = _import_refused(root, german)
    assert any("no locale 'de'" in line for line in lines), lines
    assert not (root / "Content" / "de").exists()
    lines = _import_refused(root, german, "--locale", "fr")
    assert all("'de', not 'fr'" in line for line in lines), lines


def test_an_interface_string_without_its_placeholder_is_refused(tmp_path):
    """`{count} pages match.` without {count} would show a number-less sentence on every search."""
    root, xlf = _fr_site(tmp_path)
    with open(root / "Content" / "en" / "locale.yml", encoding="utf-8") as file:
        key = next(m.group(1) for m in re.finditer(r'^\s+([\w.-]+): "[^"]*\{count\}', file.read(), re.M))
    tree = etree.parse(str(xlf))
    _set_target(tree, "locale.yml", key, "pages trouvées.")
    path = _write(tree, tmp_path / "placeholder.xlf")
    lines = _import_refused(root, path)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{_unit_line(path, 'locale.yml', key)}:"), lines[0]
    assert f"unit '{key}' of locale.yml" in lines[0] and "{count}" in lines[0], lines[0]


# 6. The original changed after the export


def _git(root, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=root, check=True, capture_output=True)


def test_an_original_edited_after_the_export_leaves_the_translation_stale(tmp_path):
    """The translation follows the text that was exported, not today's: it is stamped with the
    export's digest so the change shows up as stale instead of being silently skipped."""
    root, xlf = _fr_site(tmp_path)
    site_yml = root / "Content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace(
        "locales: [en, es, ar]", "locales: [en, es, ar, fr]"), encoding="utf-8")  # the guide's step 1
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "fr")
    tree = etree.parse(str(xlf))
    page = next(f for f in tree.iter(_N + "file") if f.get("original") == _PAGE)
    exported = page.get("build-num")
    for unit in page.iter(_N + "trans-unit"):
        _set_target(tree, _PAGE, unit.get("id"), unit.find(_N + "source"))
    path = _write(tree, tmp_path / "copied.xlf")
    original = root / "Content" / "en" / _PAGE
    text = original.read_text(encoding="utf-8")
    assert "You can change three main settings:" in text
    original.write_text(text.replace("You can change three main settings:", "You can adjust three settings:"),
                        encoding="utf-8")
    _git(root, "commit", "-qam", "edit tens")
    result = _run("translations", "import", path, root=root)
    written = (root / "Content" / "fr" / _PAGE).read_text(encoding="utf-8")
    assert re.search(rf"^translationOf: {exported}$", written, re.M), "stamped with the export's digest"
    assert "You can change three main settings:" in written, "the exported text, not the new one"
    note = next((line for line in result.stdout.splitlines() if "changed after the export" in line), None)
    assert note and f"Content/en/{_PAGE}" in note and exported in note, result.stdout
    now = re.search(r"now ([0-9a-f]{12})", note)
    assert now and now.group(1) != exported, note
    # fr is still a draft (published: false), as a locale is while it is being translated: the
    # matrix and the diff the note points to must both know its pages.
    problems = []
    diff = _run("translations", "diff", root / "Content" / "fr" / _PAGE, root=root, check=False)
    if diff.returncode != 0 or "{+adjust+}" not in diff.stdout:
        problems.append(f"translations diff Content/fr/{_PAGE}: exit {diff.returncode}\n{diff.stdout}{diff.stderr}")
    report = json.loads(_run("translations", "--json", root=root).stdout)
    row = next(row for row in report["rows"] if row["id"] == "tens")
    if row["locales"].get("fr") != "stale":
        problems.append(f"translations --json: locales {report['locales']}, tens {row['locales']}")
    assert not problems, "\n".join(problems)


# 7. Units without a target


def test_units_without_a_target_keep_the_originals_text_and_are_listed(tmp_path):
    """A partly translated file is normal (a CAT tool's half-done job): what has a target is
    translated, the rest stays English and is named so nobody thinks it is done."""
    root, xlf = _fr_site(tmp_path)
    tree = etree.parse(str(xlf))
    targets = {"title": "Neurostimulation électrique transcutanée (TENS)", "h1": "Ce que c'est",
               "p3": "Vous pouvez régler trois paramètres principaux :"}
    for unit_id, text in targets.items():
        _set_target(tree, _PAGE, unit_id, "").text = text
    page = next(f for f in tree.iter(_N + "file") if f.get("original") == _PAGE)
    all_ids = [unit.get("id") for unit in page.iter(_N + "trans-unit")]
    result = _run("translations", "import", _write(tree, tmp_path / "partial.xlf"), root=root)
    assert re.search(r": 3 current, \d+ to review", result.stdout), result.stdout
    kept = _kept_ids(result.stdout, _PAGE, "the original's text")
    assert kept == [i for i in all_ids if i not in targets], f"kept: {kept}"
    written = (root / "Content" / "fr" / _PAGE).read_text(encoding="utf-8")
    assert 'title: "Neurostimulation électrique transcutanée (TENS)"' in written
    assert "## Ce que c'est" in written and "Vous pouvez régler trois paramètres principaux :" in written
    english = (root / "Content" / "en" / _PAGE).read_text(encoding="utf-8")
    for line in ("TENS stands for **transcutaneous electrical nerve stimulation**.", "## Risks and side effects"):
        assert line in english and line in written, f"{line!r} kept in English"


def test_a_unit_without_a_target_keeps_the_current_translation(tmp_path):
    """In an --all export of es, a target the translator deleted means "no change", not "revert to
    English" and not "rewrite from the export": the Spanish line stays byte for byte."""
    root, _ = _fr_site(tmp_path)
    spanish = tmp_path / "es.xlf"
    _run("translations", "export", "--locale", "es", "--all", "--output", spanish, root=root)
    tree = etree.parse(str(spanish))
    current = (root / "Content" / "es" / _PAGE).read_text(encoding="utf-8")
    kept_lines = {}
    # list2.item3.p1 has an emphasis only the Spanish has; the paragraph with three links links to
    # Spanish anchors.
    for unit_id in ("list2.item3.p1", _unit_id(tree, _PAGE, elements=_THREE_LINKS)):
        unit = _unit(tree, _PAGE, unit_id)
        target = unit.find(_N + "target")
        runs = [target.text or ""] + [child.tail or "" for child in target]
        run = max(runs, key=len).strip()[:40]
        matches = [line for line in current.split("\n") if run in line]
        assert len(matches) == 1, f"{unit_id}: {run!r} is on one line of the Spanish page"
        kept_lines[unit_id] = matches[0]
        unit.remove(target)
    result = _run("translations", "import", _write(tree, tmp_path / "es-kept.xlf"), root=root)
    kept = _kept_ids(result.stdout, _PAGE, "the current translation")
    assert sorted(kept) == sorted(kept_lines), f"kept: {kept}"
    written = (root / "Content" / "es" / _PAGE).read_text(encoding="utf-8")
    for unit_id, line in kept_lines.items():
        assert line in written.split("\n"), f"{unit_id} changed: {line!r}"
