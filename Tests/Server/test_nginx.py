"""The shipped nginx configuration (Scripts/deploy/nginx.conf), started by
Debian's nginx on a loopback port against the built site."""
import gzip
import os
import re
import socket
import subprocess
import tempfile
import time

import pytest

from conftest import REPOSITORY, request

SITE = os.path.join(REPOSITORY, ".build", "nginx-site")


@pytest.fixture(scope="module")
def nginx():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="spinesite-nginx-")
    with open(os.path.join(REPOSITORY, "Scripts", "deploy", "nginx.conf"), encoding="utf-8") as file:
        shipped = file.read()
    site = re.sub(r"(?m)^(\s*)listen\s+80;", rf"\1listen 127.0.0.1:{port};", shipped)
    site = re.sub(r"(?m)^(\s*)root\s+\S+;", rf"\1root {SITE};", site)
    assert site != shipped
    config = os.path.join(folder, "nginx.conf")
    with open(config, "w", encoding="utf-8") as file:
        file.write(f"""
daemon off;
user root;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{site}
}}
""")
    check = subprocess.run(["nginx", "-t", "-c", config, "-p", folder], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(["nginx", "-c", config, "-p", folder], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def test_pages_are_served_with_a_short_cache(nginx):
    status, headers, body = request(nginx, "/en/therapies/tens/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert headers["cache-control"] == "public, max-age=300, must-revalidate"
    assert b"<h1>" in body


@pytest.mark.parametrize("path,page", [
    ("/en/no-such-page/", "en/404.html"),
    ("/es/terapias/no-existe/", "es/404.html"),
    ("/ar/x", "ar/404.html"),
    ("/no-such-locale/x", "404.html"),
])
def test_missing_pages_get_their_locales_404_with_status_404(nginx, path, page):
    status, _, body = request(nginx, path)
    assert status == 404
    with open(os.path.join(SITE, page), "rb") as file:
        assert body == file.read()
    assert b'rel="canonical"' not in body, "a 404 page names no canonical URL"


@pytest.mark.parametrize("path", ["/README.md", "/.gitignore", "/.spinesite-output"])
def test_the_output_folders_own_files_are_not_served(nginx, path):
    open(os.path.join(SITE, path.lstrip("/")), "a").close()
    assert request(nginx, path)[0] == 404


@pytest.mark.parametrize("accept,locale", [
    ("es-ES,es;q=0.9,en;q=0.8", "es"),
    ("ar", "ar"),
    ("en-GB,en;q=0.9", "en"),
    ("fr-FR,fr;q=0.9", "en"),
    (None, "en"),
])
def test_the_root_sends_readers_to_their_language(nginx, accept, locale):
    status, headers, _ = request(nginx, "/", headers={"Accept-Language": accept} if accept else None)
    assert status == 302
    assert headers["location"].endswith(f"/{locale}/")
    assert headers["vary"] == "Accept-Language"
    assert os.path.exists(os.path.join(SITE, locale, "index.html")), "only built locales"


def test_hashed_assets_are_cached_for_a_year(nginx):
    assets = os.listdir(os.path.join(SITE, "assets"))
    css = next(name for name in assets if name.startswith("style.") and name.endswith(".css"))
    status, headers, _ = request(nginx, f"/assets/{css}")
    assert status == 200
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("kind", ["html", "css", "js", "json", "xml"])
def test_text_is_gzipped(nginx, kind):
    paths = {"html": "/en/", "xml": "/sitemap.xml"}
    if kind not in paths:
        name = next(n for n in sorted(os.listdir(os.path.join(SITE, "assets"))) if n.endswith("." + kind))
        paths[kind] = f"/assets/{name}"
    status, headers, body = request(nginx, paths[kind], headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("content-encoding") == "gzip", paths[kind]
    assert len(gzip.decompress(body)) > len(body)


def test_svg_is_gzipped(nginx, tmp_path):
    # The real site draws its figures inline; a standalone SVG (an image in content) is also compressed.
    svg = os.path.join(SITE, "assets", "probe.svg")
    with open(svg, "w", encoding="utf-8") as file:
        file.write('<svg xmlns="http://www.w3.org/2000/svg">' + "<rect width='1' height='1'/>" * 50 + "</svg>")
    try:
        status, headers, _ = request(nginx, "/assets/probe.svg", headers={"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-type"] == "image/svg+xml"
        assert headers.get("content-encoding") == "gzip"
    finally:
        os.remove(svg)


def test_content_hashed_media_are_cached_for_a_year(nginx):
    name = sorted(os.listdir(os.path.join(SITE, "media")))[0]
    status, headers, _ = request(nginx, f"/media/{name}")
    assert status == 200
    assert headers["cache-control"] == "public, max-age=31536000, immutable"


def test_a_browsers_request_for_favicon_ico_does_not_404(nginx):
    status, headers, body = request(nginx, "/favicon.ico")
    assert status == 200
    assert body[:4] == b"\x00\x00\x01\x00", "an icon file"
    page = request(nginx, "/en/")[2]
    for link in (b'rel="icon" href="/assets/favicon.', b'rel="apple-touch-icon" href="/assets/apple-touch-icon.'):
        assert link in page


def shipped_policy():
    """The Content-Security-Policy nginx.conf defines once (the browser tests parse it the same way)."""
    with open(os.path.join(REPOSITORY, "Scripts", "deploy", "nginx.conf"), encoding="utf-8") as file:
        match = re.search(r'map \$uri \$spinesite_csp \{\s*default "([^"]+)";', file.read())
    assert match, "nginx.conf defines $spinesite_csp in one map"
    return match.group(1)


def test_the_policy_allows_no_inline_script_plugins_foreign_base_or_framing():
    directives = {part.split()[0]: part.split()[1:] for part in shipped_policy().split(";") if part.strip()}
    # WebAssembly (the search page's stemmer) may compile; JavaScript's eval() may not.
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["img-src"] == ["'self'"], "remote pictures are refused by default"


@pytest.mark.parametrize("path,status", [
    ("/en/", 200),
    ("/en/therapies/tens/", 200),
    ("/", 302),
    ("/en/no-such-page/", 404),
    ("/no-such-locale/x", 404),
    ("/README.md", 404),
    ("/files/share.png", 200),
    ("media", 200),
    ("asset", 200),
])
def test_every_response_carries_the_policy_and_nosniff(nginx, path, status):
    if path == "media":
        path = "/media/" + sorted(os.listdir(os.path.join(SITE, "media")))[0]
    elif path == "asset":
        path = "/assets/" + next(n for n in sorted(os.listdir(os.path.join(SITE, "assets"))) if n.endswith(".css"))
    got, headers, _ = request(nginx, path)
    assert got == status
    assert headers.get("content-security-policy") == shipped_policy(), path
    assert headers.get("x-content-type-options") == "nosniff", path
