"""The hostile fixture (Tests/Fixtures/Hostile): markup and script URLs in every
field a reader sees. Every page opens with no dialog and no console error, and
clicking every link that came from content runs nothing."""
import os

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from conftest import HOSTILE_SITE


def hostile_pages():
    pages = []
    for folder, _, files in os.walk(HOSTILE_SITE):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(folder, name), HOSTILE_SITE)
                pages.append("/" + path.replace("index.html", ""))
    return sorted(pages)


def assert_nothing_ran(driver, where):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise AssertionError(f"{where}: a dialog opened: {text}")
    except NoAlertPresentException:
        pass
    # Network failures (no favicon, an offline external image) are not scripts.
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and entry["source"] != "network"]
    assert errors == [], f"{where}: console errors: {errors}"
    assert driver.execute_script("return document.querySelectorAll('script:not([src]):not([type=\"application/ld+json\"])').length") == 0


def test_the_hostile_site_was_built():
    assert len(hostile_pages()) >= 6


@pytest.mark.parametrize("path", hostile_pages())
def test_no_script_runs(scripted, hostile_url, path):
    scripted.get_log("browser")  # start clean
    scripted.get(hostile_url + path)
    assert_nothing_ran(scripted, path)
    if path.startswith(("/en/", "/es/")):
        assert "<script>alert(1)</script>" in scripted.find_element(By.TAG_NAME, "body").text, "the payload is shown, as text"


def test_clicking_every_content_link_runs_nothing(scripted, hostile_url):
    scripted.get(hostile_url + "/en/xss/")
    links = scripted.find_elements(By.CSS_SELECTOR, ".prose a")
    assert len(links) >= 3
    clicked = 0
    for index in range(len(links)):
        scripted.get(hostile_url + "/en/xss/")
        link = scripted.find_elements(By.CSS_SELECTOR, ".prose a")[index]
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith(("javascript:", "vbscript:", "data:")), href
        if href.startswith("http") and not href.startswith(hostile_url):
            continue  # a real external link; this machine is offline
        scripted.get_log("browser")
        scripted.execute_script("arguments[0].click()", link)
        assert_nothing_ran(scripted, f"link {index} ({href})")
        clicked += 1
    # javascript:, vbscript: and data: links never reach a page: they are build errors (PageURLTests).
    assert clicked >= 1, "the page's own links were clicked"
