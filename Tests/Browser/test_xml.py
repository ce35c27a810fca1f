"""sitemap.xml and every SVG of the built site parse as XML."""
import os
import re
import xml.etree.ElementTree as ElementTree

from conftest import SITE

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def built_files(suffix):
    for folder, _, files in os.walk(SITE):
        for name in files:
            if name.endswith(suffix):
                yield os.path.join(folder, name)


def test_sitemap_is_xml_with_every_listed_page():
    tree = ElementTree.parse(os.path.join(SITE, "sitemap.xml"))
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [element.text for element in tree.getroot().iter(namespace + "loc")]
    assert len(locations) >= 15
    assert all(location.startswith("https://") for location in locations)


def test_every_svg_parses_as_xml():
    count = 0
    for path in list(built_files(".svg")) + list(built_files(".html")):
        with open(path, encoding="utf-8") as file:
            text = file.read()
        pieces = [text] if path.endswith(".svg") else SVG.findall(text)
        for piece in pieces:
            try:
                ElementTree.fromstring(piece)
            except ElementTree.ParseError as error:
                raise AssertionError(f"{path}: SVG is not XML: {error}") from error
            count += 1
    assert count >= 20, f"only {count} SVGs found; the explainer pages should hold many"
