"""`spinesite serve` over real HTTP: files, types, 404, traversal, HEAD,
conditional GET, live reload, the error page and a clean Ctrl-C."""
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time

from conftest import REPOSITORY, request

REPOSITORY_FIXTURE = os.path.join(REPOSITORY, "Tests", "Fixtures", "basic")


def test_pages_and_assets_with_their_types(preview):
    status, headers, body = request(preview.port, "/docs/en/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert b"<h1" in body
    css = re.search(rb'href="(/docs/assets/style\.[0-9a-f]+\.css)"', body)
    assert css, "the page links its stylesheet under the site's base path"
    status, headers, _ = request(preview.port, css.group(1).decode())
    assert status == 200 and headers["content-type"] == "text/css; charset=utf-8"
    for path, expected in [("/docs/sitemap.xml", "application/xml"), ("/docs/robots.txt", "text/plain; charset=utf-8")]:
        status, headers, _ = request(preview.port, path)
        assert (status, headers["content-type"]) == (200, expected), path


def test_folders_serve_index_html_and_gain_their_slash(preview):
    status, headers, _ = request(preview.port, "/docs/en")
    assert status == 301 and headers["location"] == "/docs/en/"
    assert request(preview.port, "/docs")[1]["location"] == "/docs/"
    assert request(preview.port, "/docs/en/")[2] == request(preview.port, "/docs/en/index.html")[2]
    assert request(preview.port, "/en/")[0] == 404, "only under the base path, as on the host"


def test_missing_pages_get_the_sites_404_page_with_status_404(preview):
    status, headers, body = request(preview.port, "/docs/en/no-such-page/")
    assert status == 404
    assert headers["content-type"].startswith("text/html")
    with open(preview.built("404.html"), "rb") as file:
        assert file.read().split(b"</body>")[0] in body


def test_paths_outside_the_site_are_refused(preview):
    secret = preview.path("Content", "site.yml")
    os.symlink(secret, preview.built("leak.yml"))
    os.symlink(preview.path("Content"), preview.built("leak"))
    for path in [
        "/docs/../Content/site.yml", "/docs/%2e%2e/Content/site.yml", "/../Content/site.yml", "/%2E%2E%2FContent%2Fsite.yml",
        "/docs/en/..%2f..%2fContent/site.yml", "/docs/en/%2e%2e/%2e%2e/Content/site.yml", "/docs/..%5cContent%5csite.yml",
        "/docs/%252e%252e/Content/site.yml", "/docs/leak.yml", "/docs/leak/site.yml", "/docs/en/%00.html", "//etc/passwd", "/docs//etc/passwd",
    ]:
        status, _, body = request(preview.port, path)
        assert status == 404, path
        assert b"baseURL" not in body, path


def test_head_has_the_headers_of_get_and_no_body(preview):
    _, get_headers, get_body = request(preview.port, "/docs/en/")
    status, headers, body = request(preview.port, "/docs/en/", method="HEAD")
    assert status == 200 and body == b""
    assert headers["content-length"] == str(len(get_body)) == get_headers["content-length"]
    assert headers["etag"] == get_headers["etag"]


def test_conditional_get_answers_304(preview):
    _, headers, _ = request(preview.port, "/docs/en/")
    assert request(preview.port, "/docs/en/", headers={"If-None-Match": headers["etag"]})[0] == 304
    assert request(preview.port, "/docs/en/", headers={"If-Modified-Since": headers["last-modified"]})[0] == 304
    assert request(preview.port, "/docs/en/", headers={"If-None-Match": '"other"'})[0] == 200
    assert request(preview.port, "/docs/en/", headers={"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"})[0] == 200


def test_only_loopback_by_default(preview):
    assert any("http://127.0.0.1:" in line for line in preview.lines)
    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    for address in [a for a in addresses if ":" not in a and not a.startswith("127.")]:
        with socket.socket() as client:
            client.settimeout(2)
            assert client.connect_ex((address, preview.port)) != 0, f"reachable on {address}"


class EventStream:
    """Reads `/__spinesite/events` on a thread, collecting event names."""

    def __init__(self, port):
        self.events = []
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.socket.sendall(f"GET /__spinesite/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                            "Accept: text/event-stream\r\n\r\n".encode())
        self.connected = threading.Event()
        threading.Thread(target=self.read, daemon=True).start()
        assert self.connected.wait(10), "the event stream did not open"

    def read(self):
        buffer = b""
        try:
            while True:
                chunk = self.socket.recv(4096)
                if not chunk:
                    return
                buffer += chunk
                if b": connected" in buffer:
                    self.connected.set()
                self.events = re.findall(rb"event: (\w+)", buffer)
        except OSError:
            return

    def wait_for(self, count, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if len(self.events) >= count:
                return
            time.sleep(0.05)
        raise AssertionError(f"{len(self.events)} events, expected {count}")


def test_a_saved_page_rebuilds_and_reloads_open_pages(preview):
    status, _, body = request(preview.port, "/docs/en/")
    assert b"/__spinesite/live-reload.js" in body, "the preview adds the reload script"
    with open(preview.built("en", "index.html"), "rb") as file:
        assert b"__spinesite" not in file.read(), "built files never carry it"
    assert request(preview.port, "/__spinesite/live-reload.js")[1]["content-type"].startswith("text/javascript")
    stream = EventStream(preview.port)
    page = next(path for path in sorted(glob.glob(preview.path("Content", "en", "guides", "*.md"))) if not path.endswith("_index.md"))
    unrelated = preview.built("en", "index.html")
    unrelated_stamp = os.stat(unrelated).st_mtime_ns
    with open(page, "a", encoding="utf-8") as file:
        file.write("\nA sentence added while previewing.\n")
    stream.wait_for(1)
    site_page = preview.built("en", "guides", os.path.basename(page)[:-3], "index.html")
    with open(site_page, encoding="utf-8") as file:
        assert "A sentence added while previewing." in file.read()
    # Incremental: the page and the pages showing its body (a stale translation, borrowed copies).
    preview.wait_for_line(lambda line: line.startswith("Built ") and " change(s) " in line, start=0)
    rebuilt = next(line for line in preview.lines if line.startswith("Built ") and " change(s) " in line)
    rendered = int(re.search(r": (\d+) rendered", rebuilt).group(1))
    assert 1 <= rendered <= 3, rebuilt
    assert "(body edit)" in rebuilt, "the watcher named the file, so the last build was patched: " + rebuilt
    assert os.stat(unrelated).st_mtime_ns == unrelated_stamp, "the home page shows no body: not rewritten"


def test_a_build_error_shows_in_the_browser_until_fixed(preview):
    stream = EventStream(preview.port)
    broken = preview.path("Content", "en", "broken.md")
    with open(broken, "w", encoding="utf-8") as file:
        file.write("---\ntitle: \"Broken\"\n---\n\nText.\n")
    stream.wait_for(1)
    status, _, body = request(preview.port, "/docs/en/")
    assert status == 500
    assert b"Content/en/broken.md:2:1: error: front matter: &#39;description&#39; is missing" in body
    assert b"/__spinesite/live-reload.js" in body, "the error page reloads itself"
    assert b"Fix each problem below and save: the preview rebuilds, and this page reloads" in body
    assert b"last good build" not in body, "the page says what to do, not what happened before"
    assert request(preview.port, "/docs/en/")[0] == 500
    os.remove(broken)
    stream.wait_for(2)
    assert request(preview.port, "/docs/en/")[0] == 200
    assert preview.process.poll() is None, "the server kept running"


def test_ctrl_c_stops_cleanly_even_with_pages_open(preview):
    stream = EventStream(preview.port)
    page = next(path for path in sorted(glob.glob(preview.path("Content", "en", "guides", "*.md"))) if not path.endswith("_index.md"))
    with open(page, "a", encoding="utf-8") as file:
        file.write("\nSaved just before Ctrl-C.\n")
    stream.wait_for(1)
    started = time.time()
    assert preview.stop(signal.SIGINT) == 0
    assert time.time() - started < 10
    assert glob.glob(preview.path(".spinesite-cache", ".preview.*")) == [], "no staging folder left behind"
    # Cache files are written after each build returns; the server waits for them before it exits.
    assert glob.glob(preview.path(".spinesite-cache", "*", "build.bin")), "the last build's record is on disk"


def tree(folder):
    """Every file below `folder` with its bytes and modification time."""
    found = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            file = os.path.join(parent, name)
            with open(file, "rb") as handle:
                found[os.path.relpath(file, folder)] = (handle.read(), os.stat(file).st_mtime_ns)
    return found


def test_the_preview_never_touches_site():
    from conftest import Preview, SPINESITE
    built = {}

    def build_site(server):
        subprocess.run([SPINESITE, "build", "--root", server.folder, "--quiet"], check=True)
        built.update(tree(server.path("Site")))

    preview = Preview("Tests/Fixtures/basic", before_start=build_site)
    try:
        assert built and not any(path.startswith("en/draft/") for path in built)
        assert request(preview.port, "/docs/en/draft/")[0] == 200, "drafts show in the preview"
        assert os.path.exists(preview.built("en", "draft", "index.html"))
        stream = EventStream(preview.port)
        with open(preview.path("Content", "en", "draft.md"), "a", encoding="utf-8") as file:
            file.write("\nA sentence saved while previewing.\n")
        stream.wait_for(1)
        assert preview.stop(signal.SIGINT) == 0
        assert tree(preview.path("Site")) == built, "Site/ is byte for byte and stamp for stamp as before"
    finally:
        preview.close()


def test_serve_refuses_to_write_site():
    from conftest import SPINESITE
    result = subprocess.run([SPINESITE, "serve", "--root", REPOSITORY_FIXTURE, "--output", os.path.join(REPOSITORY_FIXTURE, "Site")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "serve never writes Site/" in result.stderr


def test_serve_without_the_preview_program_says_how_to_build_it(tmp_path):
    """`make site` builds only `spinesite`; `serve` then names the missing program and the command
    that builds it, instead of failing obscurely."""
    from conftest import SPINESITE
    alone = tmp_path / "spinesite"
    shutil.copy(SPINESITE, alone)
    result = subprocess.run([str(alone), "serve", "--root", REPOSITORY_FIXTURE, "--port", "0"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"no {tmp_path / 'spinesite-preview'}" in result.stderr
    assert "make serve" in result.stderr and "--product spinesite-preview" in result.stderr


def test_each_build_prints_its_warning_count_and_the_new_warnings(preview):
    first = next(line for line in preview.lines if line.startswith("Built "))
    total = int(re.search(r"; (\d+) warnings", first).group(1))
    page = preview.path("Content", "en", "guides", "first.md")
    with open(page, encoding="utf-8") as file:
        text = file.read()
    with open(page, "w", encoding="utf-8") as file:
        file.write(text.replace("\ndescription:", "\nsumary: \"A typo\"\ndescription:", 1))
    start = len(preview.lines)
    preview.wait_for_line(lambda line: line.startswith("Built ") and "change(s)" in line)
    assert preview.lines[-1].endswith(f"; {total + 1} warnings (1 new)"), preview.lines[-1]
    preview.wait_for_line(lambda line: "warning:" in line)
    assert preview.lines[-1].endswith("Content/en/guides/first.md:3:1: warning: front matter: unknown key 'sumary' is ignored")
    with open(page, "a", encoding="utf-8") as file:
        file.write("\nAnother sentence.\n")
    preview.wait_for_line(lambda line: line.startswith("Built ") and "change(s)" in line)
    assert preview.lines[-1].endswith(f"; {total + 1} warnings"), "the known warning is not repeated"
    assert sum("'sumary'" in line for line in preview.lines[start:]) == 1, "printed once, when it was new"


def test_the_preview_works_on_a_fresh_clone():
    """`make serve` in a fresh clone: no --root, and no `.spinesite-cache/preview` until the first
    build makes it, so the server must place its relative output folder before it exists."""
    from conftest import Preview
    preview = Preview("", arguments=[])
    try:
        assert request(preview.port, "/")[0] == request(preview.port, "/en/")[0] == 200, "the home pages"
        status, _, body = request(preview.port, "/en/low-back-pain/")
        assert status == 200 and b"<h1" in body, "a topic page"
        with open(preview.path("Content", "en", "low-back-pain.md"), "a", encoding="utf-8") as file:
            file.write("\nA sentence saved in a fresh clone.\n")
        preview.wait_for_line(lambda line: line.startswith("Built ") and "change(s)" in line)
        status, _, body = request(preview.port, "/en/low-back-pain/")
        assert status == 200 and b"A sentence saved in a fresh clone." in body, "and after a save"
    finally:
        preview.close()
