"""The search page: offline, accent-insensitive, and a full topic index without JavaScript."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def test_without_javascript_the_search_page_lists_every_topic(browser, base_url):
    browser.get(base_url + "/es/search/")
    assert not browser.find_element(By.CSS_SELECTOR, "form[role=search]").is_displayed()
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#topics .topic-list a")]
    assert any("TENS" in title for title in titles)


def test_search_ignores_accents_and_shows_sections(scripted, base_url):
    scripted.get(base_url + "/es/search/")
    field = WebDriverWait(scripted, 5).until(lambda d: d.find_element(By.ID, "search-input") if d.find_element(By.ID, "search-input").is_displayed() else None)
    field.send_keys("estimulacion transcutanea")
    WebDriverWait(scripted, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    first = scripted.find_element(By.CSS_SELECTOR, ".search-results li a")
    assert first.get_attribute("href").endswith("/es/terapias/estimulacion-nerviosa-transcutanea/")
    assert "coinciden" in scripted.find_element(By.CSS_SELECTOR, ".search-status").text


def test_search_finds_glossary_terms_and_reports_no_match(scripted, base_url):
    scripted.get(base_url + "/en/search/?q=rheobase")
    WebDriverWait(scripted, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    hrefs = [a.get_attribute("href") for a in scripted.find_elements(By.CSS_SELECTOR, ".search-results li a")]
    assert any("/en/glossary/#" in href for href in hrefs)
    field = scripted.find_element(By.ID, "search-input")
    field.clear()
    field.send_keys("zzzqqq")
    WebDriverWait(scripted, 5).until(lambda d: "No pages match" in d.find_element(By.CSS_SELECTOR, ".search-status").text)
