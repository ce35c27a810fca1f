"""The built site as a reader meets it, in headless Chromium.

Run by `make browser` against a site built into .build/browser-site; the
server and browsers come from conftest.py.
"""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def test_root_sends_readers_to_the_default_language_without_javascript(browser, base_url):
    browser.get(base_url + "/")
    browser.implicitly_wait(2)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.current_url.endswith("/en/")


def test_home_links_through_the_section_to_every_therapy(browser, base_url):
    browser.get(base_url + "/en/")
    browser.find_element(By.LINK_TEXT, "Therapies").click()
    assert browser.current_url.endswith("/en/therapies/")
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".topic-list a")]
    assert len(titles) == 5, "four therapies and the pulse-settings page"
    browser.find_element(By.PARTIAL_LINK_TEXT, "TENS").click()
    assert browser.current_url.endswith("/en/therapies/tens/")
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1


def test_language_switcher_lands_on_the_same_topic(browser, base_url):
    browser.get(base_url + "/en/therapies/tens/")
    browser.find_element(By.CSS_SELECTOR, ".languages a[lang='es']").click()
    assert browser.current_url.endswith("/es/terapias/estimulacion-nerviosa-transcutanea/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == "es"
    assert browser.execute_script("return getComputedStyle(document.documentElement).direction") == "ltr"


def test_arabic_pages_read_right_to_left(browser, base_url):
    browser.get(base_url + "/en/therapies/pnt/")
    browser.find_element(By.CSS_SELECTOR, ".languages a[lang='ar']").click()
    assert browser.current_url.endswith("/ar/therapies/pnt/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # Mirrored layout: the table of contents sits to the right of the text.
    toc = browser.find_element(By.CSS_SELECTOR, ".toc").rect
    prose = browser.find_element(By.CSS_SELECTOR, ".prose").rect
    assert toc["x"] > prose["x"]


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(browser, base_url):
    browser.get(base_url + "/en/therapies/pnt/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    focused.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#main")


def test_every_page_shows_the_disclaimer(browser, base_url):
    for path in ("/en/", "/en/low-back-pain/", "/es/terapias/electroacupuntura/"):
        browser.get(base_url + path)
        assert browser.find_element(By.CSS_SELECTOR, ".disclaimer").is_displayed()


@pytest.mark.parametrize("path", ["/en/", "/en/therapies/tens/", "/es/dolor-lumbar-cronico/", "/ar/therapies/pnt/"])
def test_no_horizontal_overflow_on_a_phone(phone, base_url, path):
    phone.get(base_url + path)
    overflow = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than the screen"


def test_a_borrowed_page_says_it_is_not_yet_translated(browser, base_url):
    browser.get(base_url + "/ar/therapies/pns/")
    notice = browser.find_element(By.CSS_SELECTOR, ".notice")
    assert notice.is_displayed()
    assert browser.execute_script("return arguments[0].closest('[lang]').lang", notice) == "ar", "the notice is in the reader's language"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", notice) == "rtl"
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/en/therapies/pns/"), "the original is the canonical page"


def test_a_missing_address_gets_the_sites_404_page(browser, base_url):
    import urllib.error
    import urllib.request
    try:
        urllib.request.urlopen(base_url + "/en/no-such-page/")
        raise AssertionError("a missing page answered 200")
    except urllib.error.HTTPError as error:
        assert error.code == 404
    browser.get(base_url + "/en/no-such-page/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Page not found"
    assert browser.find_element(By.CSS_SELECTOR, ".disclaimer").is_displayed()


def test_wide_tables_scroll_in_a_region_and_stay_tables(phone, base_url):
    phone.get(base_url + "/es/dolor-lumbar-cronico/")
    region = phone.find_element(By.CSS_SELECTOR, ".prose .table-scroll")
    table = region.find_element(By.TAG_NAME, "table")
    assert phone.execute_script("return getComputedStyle(arguments[0]).display", table) == "table"
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label").startswith("Tabla")
    assert phone.execute_script("return getComputedStyle(arguments[0]).overflowX", region) == "auto"
    # A table wider than the screen scrolls inside the region, not the page.
    phone.execute_script("arguments[0].style.minWidth = '60rem'", table)
    assert phone.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
    assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        "the page itself does not scroll sideways"
