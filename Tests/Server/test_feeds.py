"""Each locale's Atom feed, read by a real feed parser (feedparser), and sitemap.xml's dates."""
import os
import re
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SITE = os.path.join(REPOSITORY, ".build", "nginx-site")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("locale", ["en", "es", "ar"])
def test_each_locale_has_a_well_formed_atom_feed_of_its_dated_topics(locale):
    path = os.path.join(SITE, locale, "feed.xml")
    feed = feedparser.parse(path)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id.endswith(f"/{locale}/")
    assert feed.feed.updated_parsed is not None
    assert any(link.rel == "self" and link.href.endswith(f"/{locale}/feed.xml") for link in feed.feed.links)
    assert feed.entries, "the real site's topics carry dates"
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    assert feed.feed.updated_parsed == updated[0], "the feed's date is its newest entry's"
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids), "unique ids"
    for entry in feed.entries:
        assert entry.link == entry.id and f"/{locale}/" in entry.link
        assert entry.title and entry.summary
        page = os.path.join(SITE, entry.link.split("/", 3)[3], "index.html")
        assert os.path.exists(page), page
    # The Atom rules feedparser does not enforce: one id, one updated, an author, per RFC 4287.
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{ATOM}feed" and len(root.findall(f"{ATOM}id")) == 1
    assert len(root.findall(f"{ATOM}updated")) == 1 and root.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in root.findall(f"{ATOM}entry"):
        assert len(entry.findall(f"{ATOM}id")) == 1 and len(entry.findall(f"{ATOM}updated")) == 1


def test_every_page_links_its_locales_feed():
    with open(os.path.join(SITE, "es", "index.html"), encoding="utf-8") as file:
        assert '<link rel="alternate" type="application/atom+xml" title="' in file.read()


def test_the_sitemap_dates_pages_from_their_front_matter():
    root = ElementTree.parse(os.path.join(SITE, "en", "sitemap.xml")).getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    dated = [url for url in root.findall(f"{namespace}url") if url.find(f"{namespace}lastmod") is not None]
    assert dated
    for url in dated:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", url.find(f"{namespace}lastmod").text)
