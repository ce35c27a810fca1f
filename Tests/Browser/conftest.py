"""Shared fixtures: the built site served on 127.0.0.1, and headless Chromium."""
import functools
import http.server
import os
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

SITE = os.environ.get("SPINESITE_BROWSER_SITE", ".build/browser-site")


@pytest.fixture(scope="session")
def base_url():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=SITE)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def make_browser(width, javascript=True):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},900"):
        options.add_argument(argument)
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
