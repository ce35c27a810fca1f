"""Every page of the real site under the Content-Security-Policy that
Scripts/deploy/nginx.conf sends (read from that file, so the two cannot drift):
no violation, and the pages' scripts still work."""
import os
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SITE, make_browser
from pages import all_pages

# Runs before any script of each document: the policy does not apply to it.
LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber + " " + (event.sample || ""));
});
"""


@pytest.fixture(scope="module")
def watched():
    """Chromium with JavaScript on, recording each document's policy violations."""
    driver = make_browser(1280)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTENER})
    yield driver
    driver.quit()


def violations(driver):
    """This document's violations, and those the console reported (any document since the last call)."""
    # Fetches (the search index, the explainer's states) finish after `load`.
    time.sleep(0.3)
    found = driver.execute_script("return window.__violations || []")
    console = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    return found + console


def test_the_policy_is_enforced_and_violations_are_seen(watched, policy_url):
    watched.get(policy_url + "/en/")
    watched.get_log("browser")
    watched.execute_script("document.body.setAttribute('style', 'color: red')")
    script = watched.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = 1'; "
        "document.body.appendChild(s); return window.__ran")
    assert script is None, "an inline script ran"
    found = violations(watched)
    assert any("style-src" in line for line in found), found
    assert any("script-src" in line for line in found), found


def every_page():
    """Each kind of page (pages.py: home, section, topic, explainer, glossary, search, 404, the root, the
    content report…), then every other HTML file of the built site (alias pages, when a site has them)."""
    kinds = [path for _, _, path in all_pages()]
    others = []
    for folder, _, files in os.walk(SITE):
        for name in files:
            if name.endswith(".html"):
                path = "/" + os.path.relpath(os.path.join(folder, name), SITE).replace("index.html", "")
                if path not in kinds:
                    others.append(path)
    return kinds + sorted(others)


@pytest.mark.parametrize("path", every_page())
def test_every_page_loads_without_a_violation(watched, policy_url, path):
    watched.get_log("browser")
    watched.get(policy_url + path)
    assert watched.title, f"{path} loaded"
    assert violations(watched) == [], path


def test_the_explainer_and_search_work_under_the_policy(watched, policy_url):
    watched.get(policy_url + "/en/therapies/tens/")
    WebDriverWait(watched, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-pulse-ready]"))
    watched.get(policy_url + "/en/search/")
    form = watched.find_element(By.CSS_SELECTOR, "form.search-form")
    WebDriverWait(watched, 10).until(lambda d: form.is_displayed())
    form.find_element(By.ID, "search-input").send_keys("TENS")
    WebDriverWait(watched, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results a"))
    assert violations(watched) == []


def test_the_stemmer_compiles_under_the_policy_and_eval_stays_blocked(watched, policy_url):
    """'wasm-unsafe-eval' lets the search page's WebAssembly stemmer compile, and nothing more."""
    watched.get(policy_url + "/en/search/")
    watched.get_log("browser")
    terms = watched.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "var url = document.querySelector('form.search-form').dataset.stemmer;"
        "SpinesiteWords.load(url).then(function (words) { done(words.terms('Stimulating stimulation')); });")
    assert terms == ["stimul", "stimul"]
    assert not [line for line in violations(watched) if "wasm" in line.lower()]
    # A string timer runs as the page's own code (DevTools' calls are exempt from the policy).
    watched.execute_script("setTimeout('window.__evaluated = 1', 0)")
    found = violations(watched)
    assert watched.execute_script("return window.__evaluated") is None, "eval ran"
    assert any("eval" in line for line in found), found
