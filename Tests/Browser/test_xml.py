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


def test_the_sitemap_index_and_each_locales_sitemap_are_xml():
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ElementTree.parse(os.path.join(SITE, "sitemap.xml")).getroot()
    assert index.tag == namespace + "sitemapindex"
    sitemaps = [element.text for element in index.iter(namespace + "loc")]
    assert [location.rsplit("/", 2)[-2] for location in sitemaps] == ["en", "es", "ar"]
    locations = []
    for sitemap in sitemaps:
        path = os.path.join(SITE, *sitemap.split("/")[-2:])
        locations += [element.text for element in ElementTree.parse(path).getroot().iter(namespace + "loc")]
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
