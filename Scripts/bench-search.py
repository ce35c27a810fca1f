#!/usr/bin/env python3
"""Search benchmark (`make bench`, Scripts/bench.sh): one engine at a time on one built site.

    python3 Scripts/bench-search.py SITE [--engine pagefind|spinesite] [--locale en] [--queries 60]
                                         [--depth 100] [--every-result]

For each engine: the index's size (files, bytes, gzipped bytes) and build time; the bytes a reader's
Chromium transfers for a one-word and a three-word query (the gzipped size of every script, index
part and excerpt the query fetched: Pagefind's own files are gzipped already, so they count as they
are; the page's HTML, stylesheets and pictures are not counted); and recall: of words sampled from
page bodies (deterministic), the share of queries whose results include the page the word came
from, among the first `--depth` results (100; the same cut for both engines, so that a common word on
a big site costs spinesite's page at most ten "More results" clicks) and among the first ten (pages
compared by path: `page_path`), and how many results a query returned.

Pagefind (PyPI `pagefind[bin]`, in .build/venv-bench) indexes the built HTML after the build, into
SITE/pagefind/, and is queried through its own UI (`PagefindUI.triggerSearch`) on a page this script
adds, and through its JavaScript API for recall (every match, in its order). spinesite's index is
the build's own; its search page is queried as a reader links it, `/<locale>/search/?q=WORDS`, and
for recall read as a reader pages through it: the first ten, then "More results" clicked until the
sampled page is shown, `--depth` results are shown or the button is gone (with --every-result, until
it is gone).
"""
import argparse
import functools
import glob
import gzip
import html.parser
import http.server
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ONE_WORD = "stimulation"
THREE_WORDS = "nerve pain relief"
SKIPPED = {"about", "after", "again", "their", "there", "these", "those", "which", "while", "would",
           "could", "should", "other", "where", "being", "through"}


# --- the site ------------------------------------------------------------------------------------------

class BodyText(html.parser.HTMLParser):
    """The words of a page's <main> paragraphs and list items (its body: not its navigation, nor
    its asides, whose related-topic list quotes other pages' descriptions)."""

    def __init__(self):
        super().__init__()
        self.depth = {"main": 0, "p": 0, "li": 0, "nav": 0, "aside": 0}
        self.words = []

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1

    def handle_endtag(self, tag):
        if tag in self.depth and self.depth[tag]:
            self.depth[tag] -= 1

    def handle_data(self, data):
        outside = self.depth["nav"] or self.depth["aside"]
        if self.depth["main"] and (self.depth["p"] or self.depth["li"]) and not outside:
            self.words += [word for word in data.split() if word.isalpha()]


def page_path(url):
    """A result's or a sample's page, as both engines are compared: the URL's path alone (no host,
    query or fragment: a glossary entry is its glossary page), percent-decoded, `index.html` dropped,
    ending in a slash."""
    path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
    if path.endswith("/index.html"):
        path = path[:-len("index.html")]
    return path if path.endswith("/") else path + "/"


def topic_pages(site, locale):
    """The locale's content pages: index.html files below a section (two levels or more)."""
    pages = []
    for path in sorted(glob.glob(os.path.join(site, locale, "*", "*", "index.html"))):
        relative = os.path.relpath(path, site)
        if "/search/" not in "/" + relative and "/glossary/" not in "/" + relative:
            pages.append(page_path("/" + relative))
    return pages


def sample_queries(site, locale, count, seed=28):
    """`count` (word, page) pairs: a page drawn at random (fixed seed), then a word of 5 letters or
    more from its body."""
    rng = random.Random(seed)
    pages = topic_pages(site, locale)
    queries = []
    while len(queries) < count:
        page = rng.choice(pages)
        parser = BodyText()
        with open(os.path.join(site, page.lstrip("/"), "index.html"), encoding="utf-8") as file:
            parser.feed(file.read())
        words = sorted({w.lower() for w in parser.words if len(w) >= 5 and w.lower() not in SKIPPED})
        if words:
            queries.append((rng.choice(words), page))
    return queries


def gzipped_size(path):
    with open(path, "rb") as file:
        data = file.read()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 9, mtime=0))


def folder_stats(paths):
    return {"files": len(paths), "bytes": sum(os.path.getsize(p) for p in paths),
            "gzipped": sum(gzipped_size(p) for p in paths)}


# --- a browser on the served site ----------------------------------------------------------------------

class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes each path asked for: what a query fetched, its workers' fetches too."""

    requested = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        RecordingHandler.requested.append(urllib.parse.urlparse(self.path).path)
        super().do_GET()


def serve(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RecordingHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.set_script_timeout(120)
    return driver


NOT_COUNTED = (".html", "/", ".css", ".ico", ".png", ".svg", ".jpg", ".webp", ".woff2")


def transferred(driver, site, url, done):
    """Loads `url` with an empty cache until `done(driver)`, then sums the gzipped size of every file
    the query fetched, from the page's scripts and their workers alike (read from the site's files):
    all but the HTML page, its stylesheets and its pictures."""
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    RecordingHandler.requested.clear()
    driver.get(url)
    WebDriverWait(driver, 60).until(done)
    time.sleep(1)  # late fetches (excerpts) settle
    total, files = 0, []
    for path in list(RecordingHandler.requested):
        local = os.path.join(site, urllib.parse.unquote(path).lstrip("/"))
        if not path.endswith(NOT_COUNTED) and os.path.isfile(local):
            size = gzipped_size(local)
            total += size
            files.append((path, size))
    return {"bytes": total, "requests": len(files), "files": files}


# --- Pagefind ------------------------------------------------------------------------------------------

def pagefind_binary():
    if os.environ.get("PAGEFIND"):
        return os.environ["PAGEFIND"]
    found = glob.glob(os.path.join(os.path.dirname(__file__), "..", ".build", "venv-bench", "lib", "python3*",
                                   "site-packages", "pagefind_bin", "pagefind"))
    if not found:
        sys.exit("bench-search: Pagefind not found in .build/venv-bench (Scripts/install-deps.sh bench)")
    return found[0]


PAGEFIND_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind</title>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css"></head>
<body><div id="search"></div>
<script src="/pagefind/pagefind-ui.js"></script><script src="bench.js"></script></body></html>
"""
PAGEFIND_SCRIPT = """
var query = new URLSearchParams(location.search).get("q");
var ui = new PagefindUI({element: "#search", showSubResults: false, showImages: false});
if (query) { ui.triggerSearch(query); }
"""
PAGEFIND_RESULTS = """
var word = arguments[0], done = arguments[arguments.length - 1];
window.pagefindLoaded = window.pagefindLoaded || import("/pagefind/pagefind.js").then(async function (pagefind) {
  await pagefind.init();
  return pagefind;
});
window.pagefindLoaded.then(function (pagefind) { return pagefind.search(word); })
  .then(function (search) { done(search.results.map(function (result) { return result.id; })); })
  .catch(function (error) { done({error: String(error)}); });
"""


def pagefind_index(site):
    if os.environ.get("BENCH_SEARCH_KEEP_INDEX") and os.path.isdir(os.path.join(site, "pagefind")):
        paths = [p for p in glob.glob(os.path.join(site, "pagefind", "**"), recursive=True) if os.path.isfile(p)]
        return folder_stats(paths)  # BENCH_SEARCH_KEEP_INDEX: reuse an index already built (no build time)
    started = time.perf_counter()
    subprocess.run([pagefind_binary(), "--site", site, "--output-subdir", "pagefind", "--silent"], check=True)
    seconds = time.perf_counter() - started
    paths = [p for p in glob.glob(os.path.join(site, "pagefind", "**"), recursive=True) if os.path.isfile(p)]
    return dict(folder_stats(paths), seconds=seconds)


def pagefind_page_ids(site):
    """Each page's URL by Pagefind's result id (its fragment's name)."""
    ids = {}
    for path in glob.glob(os.path.join(site, "pagefind", "fragment", "*.pf_fragment")):
        with gzip.open(path) as file:
            data = file.read()
        ids[os.path.basename(path)[:-len(".pf_fragment")]] = json.loads(data[data.index(b"{"):])["url"]
    return ids


def pagefind(site, locale, queries, driver, base, depth):
    index = pagefind_index(site)
    print(f"  (Pagefind index: {index})", file=sys.stderr, flush=True)
    os.makedirs(os.path.join(site, "pagefind-bench"), exist_ok=True)
    with open(os.path.join(site, "pagefind-bench", "index.html"), "w", encoding="utf-8") as file:
        file.write(PAGEFIND_PAGE.format(lang=locale))
    with open(os.path.join(site, "pagefind-bench", "bench.js"), "w", encoding="utf-8") as file:
        file.write(PAGEFIND_SCRIPT)

    def shown(d):  # the results' excerpts loaded (no placeholder left), or none found
        return d.execute_script(
            "var message = document.querySelector('.pagefind-ui__message');"
            "return !!(document.querySelector('.pagefind-ui__result-link')"
            " && !document.querySelector('.pagefind-ui__loading, .pagefind-ui__result-link:not([href])'))"
            " || !!(message && /^No results/.test(message.textContent))")

    queries_bytes = {}
    for label, words in (("one word", ONE_WORD), ("three words", THREE_WORDS)):
        url = f"{base}/pagefind-bench/?q={urllib.parse.quote(words)}"
        queries_bytes[label] = transferred(driver, site, url, shown)
        print(f"  ({label}: {queries_bytes[label]['bytes']} bytes)", file=sys.stderr, flush=True)
    driver.get(base + "/pagefind-bench/")
    found = {}
    for word in sorted({word for word, _ in queries}):
        found[word] = driver.execute_async_script(PAGEFIND_RESULTS, word)
        if isinstance(found[word], dict):
            sys.exit("bench-search: Pagefind's API failed: " + found[word]["error"])
    urls = pagefind_page_ids(site)
    results = {}
    for word, ids in found.items():
        pages = [page_path(urls[i]) for i in ids]
        results[word] = (pages, len(pages), True)
    return index, queries_bytes, recall(queries, results, depth)


# --- spinesite -----------------------------------------------------------------------------------------

def spinesite_index(site, index_glob):
    """spinesite's index: the files `index_glob` names under SITE (the build wrote them; its time is
    the build's indexing stage, from `spinesite build --timings`, which bench.sh prints)."""
    paths = [p for p in glob.glob(os.path.join(site, index_glob), recursive=True) if os.path.isfile(p)]
    return folder_stats(paths)


def spinesite_shown(driver):
    """The search page has answered: the first results are in the list (the status line speaks
    before their excerpts arrive), or none were found."""
    return driver.execute_script(
        "var status = document.querySelector('.search-status');"
        "var text = status && status.textContent.trim();"
        "return !!text && (!!document.querySelector('.search-results > li')"
        " || text === status.getAttribute('data-no-results'))")


SPINESITE_NEXT = """
var from = arguments[0], done = arguments[arguments.length - 1];
var list = document.querySelector(".search-results"), more = document.querySelector(".search-more");
function answer() {
  done({links: Array.from(list.children).slice(from).map(function (item) { return item.querySelector("a").href; }),
        end: more.hidden, status: document.querySelector(".search-status").textContent.trim()});
}
if (from === 0 || more.hidden) { return answer(); }
var started = Date.now();
more.click();
(function arrived() {
  if (list.children.length > from) { return answer(); }
  if (Date.now() - started > 60000) { return done({error: "no more results 60 s after a click"}); }
  setTimeout(arrived, 2);
})();
"""


def announced_count(status, shown, end):
    """The number of results the status line announces ("1,929 pages match."), or, when it has no
    digits ("one page" in words), the number shown once the list is complete."""
    digits = "".join(c for c in status if c.isdigit())
    if digits:
        return int(digits)
    if not end:
        sys.exit(f"bench-search: spinesite's status line {status!r} holds no count")
    return shown


def spinesite_results(driver, base, locale, word, wanted, every_result, depth):
    """The results the search page shows for `word`, in its order, and how many it has: the first
    ten, then "More results" clicked (a batch is added at once, when all its excerpts are in) until
    the page hides it, or, unless `every_result`, until every page in `wanted` is shown (the rest
    cannot change whether they are found: the list is ranked before the first ten are shown)."""
    driver.get(f"{base}/{locale}/search/?q={urllib.parse.quote(word)}")
    WebDriverWait(driver, 60).until(spinesite_shown)
    links, seen = [], set()
    while True:
        answer = driver.execute_async_script(SPINESITE_NEXT, len(links))
        if "error" in answer:
            sys.exit(f"bench-search: spinesite's search page, {word!r}, {len(links)} results shown: {answer['error']}")
        batch = [page_path(link) for link in answer["links"]]
        links += batch
        seen.update(batch)
        if answer["end"] or (not every_result and (wanted <= seen or len(links) >= depth)):
            break
    count = announced_count(answer["status"], len(links), answer["end"])
    if answer["end"] and count != len(links):
        sys.exit(f"bench-search: spinesite's search page, {word!r}: {len(links)} results shown in all,"
                 f" where its status line says {answer['status']!r}")
    return links, count, answer["end"]


def spinesite(site, locale, queries, driver, base, index_glob, every_result, depth):
    index = spinesite_index(site, index_glob)
    queries_bytes = {}
    for label, words in (("one word", ONE_WORD), ("three words", THREE_WORDS)):
        url = f"{base}/{locale}/search/?q={urllib.parse.quote(words)}"
        queries_bytes[label] = transferred(driver, site, url, spinesite_shown)
    results = {}
    for word in sorted({w for w, _ in queries}):
        wanted = {page for w, page in queries if w == word}
        results[word] = spinesite_results(driver, base, locale, word, wanted, every_result, depth)
    return index, queries_bytes, recall(queries, results, depth)


# --- the figures ---------------------------------------------------------------------------------------

def recall(queries, results, depth):
    """The share of queries whose results hold their page, anywhere and among the first ten, and how
    many results a query has. `results`: by word, the pages listed in the engine's order (complete,
    or as far as spinesite's page was read), their number in all, and whether the list is complete.
    Distinct pages are counted only from complete lists (spinesite lists each glossary entry on its
    own: all of them are one page)."""
    anywhere = sum(page in results[word][0][:depth] for word, page in queries)
    top = sum(page in results[word][0][:10] for word, page in queries)
    counts = sorted(results[word][1] for word, _ in queries)
    complete = all(results[word][2] for word, _ in queries)
    return {"queries": len(queries), "anywhere": anywhere / len(queries), "top10": top / len(queries), "depth": depth,
            "pages": len({page for _, page in queries}), "mean": sum(counts) / len(counts),
            "median": counts[len(counts) // 2],
            "distinct": sum(len(set(results[word][0])) for word, _ in queries) / len(queries) if complete else None,
            "missed": sorted({(word, page) for word, page in queries if page not in results[word][0][:depth]})}


def report(engine, index, queries_bytes, found):
    print(f"{engine}:")
    seconds = f", built in {index['seconds']:.2f} s" if "seconds" in index else ""
    print(f"  index: {index['files']} files, {index['bytes'] / 1000:.1f} KB, "
          f"{index['gzipped'] / 1000:.1f} KB gzipped{seconds}")
    for label, measured in queries_bytes.items():
        print(f"  {label} query: {measured['bytes'] / 1000:.1f} KB gzipped in {measured['requests']} requests")
        for path, size in measured["files"]:
            print(f"      {size / 1000:7.1f} KB  {path}")
    print(f"  recall ({found['queries']} words from the bodies of {found['pages']} pages):"
          f" {found['anywhere']:.0%} in the first {found['depth']} results, {found['top10']:.0%} in the first ten")
    distinct = f" ({found['distinct']:.1f} distinct pages)" if found["distinct"] is not None else ""
    print(f"  results per query: {found['mean']:.1f} on average{distinct}, median {found['median']}")
    for word, page in found["missed"]:
        print(f"  ({word!r} did not find {page})", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--engine", choices=["pagefind", "spinesite"], default="pagefind")
    parser.add_argument("--locale", default="en")
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--spinesite-index", default="assets/search/**",
                        help="the glob, under SITE, of spinesite's index files")
    parser.add_argument("--depth", type=int, default=100,
                        help="recall counts a page found among this many first results, for both engines")
    parser.add_argument("--every-result", action="store_true",
                        help="spinesite: click \"More results\" to the end for every word, not only until its"
                             " pages are shown (same recall; checks the count its page announces; slow)")
    arguments = parser.parse_args()
    queries = sample_queries(arguments.site, arguments.locale, arguments.queries)
    server, base = serve(arguments.site)
    driver = browser()
    try:
        if arguments.engine == "pagefind":
            report("Pagefind", *pagefind(arguments.site, arguments.locale, queries, driver, base, arguments.depth))
        else:
            report("spinesite", *spinesite(
                arguments.site, arguments.locale, queries, driver, base, arguments.spinesite_index,
                arguments.every_result, arguments.depth))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
