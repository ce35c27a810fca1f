"""Shared fixtures: built sites served on 127.0.0.1, and headless Chromium."""
import functools
import http.server
import os
import re
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

SITE = os.environ.get("SPINESITE_BROWSER_SITE", ".build/browser-site")
HOSTILE_SITE = os.environ.get("SPINESITE_HOSTILE_SITE", ".build/browser-hostile")
PSEUDO_SITE = os.environ.get("SPINESITE_PSEUDO_SITE", ".build/browser-pseudo")
SCREENSHOTS = ".build/screenshots"
AXE = ".build/axe-core/axe.min.js"


class StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built folder as a static host would: the site's own 404.html with status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.exists(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as file:
            body = file.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def shipped_policy():
    """The Content-Security-Policy of Scripts/deploy/nginx.conf, read from the file itself."""
    with open(os.path.join("Scripts", "deploy", "nginx.conf"), encoding="utf-8") as file:
        match = re.search(r'map \$uri \$spinesite_csp \{\s*default "([^"]+)";', file.read())
    assert match, "nginx.conf defines $spinesite_csp in one map"
    return match.group(1)


class PolicySiteHandler(StaticSiteHandler):
    """Sends every response with nginx.conf's Content-Security-Policy and nosniff, as nginx does."""

    policy = None

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()


def serve(folder, handler_class=StaticSiteHandler):
    handler = functools.partial(handler_class, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url():
    server = serve(SITE)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def policy_url():
    """The real site, served with the shipped Content-Security-Policy."""
    PolicySiteHandler.policy = shipped_policy()
    server = serve(SITE, PolicySiteHandler)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def hostile_url():
    server = serve(HOSTILE_SITE)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def pseudo_url():
    """The real site with the pseudo-translated locale qps-ploc (Scripts/pseudo-site.sh)."""
    server = serve(PSEUDO_SITE)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def make_browser(width, javascript=True):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="session")
def browser():
    driver = make_browser(1280, javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def phone():
    driver = make_browser(390)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def scripted():
    """A desktop browser with JavaScript on (the pulse explainer's controls)."""
    driver = make_browser(1280)
    yield driver
    driver.quit()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs_stemmer: looks up a word whose stem differs from it (search-words.js must stem)")
