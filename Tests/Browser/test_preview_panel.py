"""The preview's warnings panel in Chromium: `spinesite serve` on a copy of the basic fixture
with one misspelled front-matter key."""
import os
import re
import shutil
import signal
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_accessibility import axe_violations

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPINESITE = os.path.join(REPOSITORY, ".build", "debug", "spinesite")
PANEL = "spinesite-warnings"


@pytest.fixture(scope="module")
def preview():
    folder = tempfile.mkdtemp(prefix="spinesite-panel-")
    shutil.copytree(os.path.join(REPOSITORY, "Tests", "Fixtures", "basic", "Content"), os.path.join(folder, "Content"))
    shutil.copytree(os.path.join(REPOSITORY, "Templates"), os.path.join(folder, "Templates"))
    page = os.path.join(folder, "Content", "en", "guides", "first.md")
    with open(page, encoding="utf-8") as file:
        text = file.read()
    with open(page, "w", encoding="utf-8") as file:
        file.write(text.replace("\ndescription:", "\nsumary: \"<b>typo</b>\"\ndescription:", 1))
    process = subprocess.Popen([SPINESITE, "serve", "--root", folder, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port = None
    for line in process.stdout:
        if line.startswith("Serving "):
            port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        if line.startswith("Built "):
            break
    assert port, "spinesite serve did not start"
    yield f"http://127.0.0.1:{port}", folder
    process.send_signal(signal.SIGINT)
    process.wait(timeout=15)
    shutil.rmtree(folder, ignore_errors=True)


def open_panel(driver, url):
    driver.get(url)
    driver.execute_script("sessionStorage.clear()")
    driver.get(url)
    return WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, PANEL))


def test_the_panel_lists_the_pages_warnings_and_the_sites_total(scripted, preview):
    base, _ = preview
    panel = open_panel(scripted, base + "/docs/en/guides/first/")
    text = panel.text
    assert re.match(r"\d+ warnings on this page, \d+ in the site", text), text
    assert "/Content/en/guides/first.md\n" in text
    assert "unknown key 'sumary' is ignored" in text
    assert scripted.find_elements(By.CSS_SELECTOR, f"#{PANEL} b") == [], "content is text, never markup"
    assert panel.get_attribute("lang") == "en"
    # The fixture's own task-list checkboxes have no labels; the panel itself must have no violation.
    assert axe_violations(scripted, context={"include": [f"#{PANEL}"]}) == [], "the panel is accessible"
    other = open_panel(scripted, base + "/docs/en/")
    assert "sumary" not in other.text, "another page shows its own warnings and the site's total"


def test_the_panel_is_dismissed_from_the_keyboard_and_stays_dismissed(scripted, preview):
    base, _ = preview
    panel = open_panel(scripted, base + "/docs/en/guides/first/")
    button = panel.find_element(By.TAG_NAME, "button")
    assert button.text == "Dismiss"
    button.send_keys(Keys.ENTER)
    assert scripted.find_elements(By.ID, PANEL) == []
    scripted.refresh()
    scripted.execute_script("return new Promise(r => setTimeout(r, 500))")
    assert scripted.find_elements(By.ID, PANEL) == [], "dismissed until the warnings change"
    panel = open_panel(scripted, base + "/docs/en/guides/first/")
    panel.find_element(By.TAG_NAME, "button").send_keys(Keys.ESCAPE)
    assert scripted.find_elements(By.ID, PANEL) == [], "Escape closes it too"


def test_the_panel_is_never_written_to_a_built_file(preview):
    _, folder = preview
    for parent, _, names in os.walk(os.path.join(folder, ".spinesite-cache", "preview")):
        for name in names:
            with open(os.path.join(parent, name), "rb") as file:
                assert b"__spinesite" not in file.read(), os.path.join(parent, name)
