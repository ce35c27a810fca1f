"""The search page: full text, stemmed and folded per language, ranked, with excerpts and plural counts.

Tests marked `needs_stemmer` look up words whose Snowball stem differs from the word ("pacemaker" is
indexed as "pacemak"): they pass once search-words.js stems in the browser (helper s28b's WebAssembly
stemmer, issue 28). With the unstemmed stand-in of search-words.js they fail; they are not skipped.
"""
from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_accessibility import axe_violations

needs_stemmer = pytest.mark.needs_stemmer


def open_search(driver, base_url, locale, query):
    """The search page opened at ?q=query, once its status speaks; returns the status text."""
    driver.get(f"{base_url}/{locale}/search/?q={quote(query)}")
    return wait_for_status(driver)


def wait_for_status(driver, previous=None):
    def ready(d):
        text = d.find_element(By.CSS_SELECTOR, ".search-status").text
        shown = d.find_elements(By.CSS_SELECTOR, ".search-results li") or "No" in text or "Ningun" in text
        return text if text and text != previous and shown else None
    return WebDriverWait(driver, 10).until(ready)


def result_urls(driver):
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-results li > a")]


def test_without_javascript_the_search_page_lists_every_topic(browser, base_url):
    browser.get(base_url + "/es/search/")
    assert not browser.find_element(By.CSS_SELECTOR, "form[role=search]").is_displayed()
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#topics .topic-list a")]
    assert any("TENS" in title for title in titles)


@needs_stemmer
@pytest.mark.parametrize("word", ["pacemaker", "pregnancy", "epilepsy", "bleeding"])
def test_words_found_only_in_the_body_find_the_tens_page(scripted, base_url, word):
    open_search(scripted, base_url, "en", word)
    assert any(url.endswith("/en/therapies/tens/") for url in result_urls(scripted)), word


@needs_stemmer
@pytest.mark.parametrize("word", ["marcapasos", "embarazo"])
def test_spanish_body_words_are_found(scripted, base_url, word):
    open_search(scripted, base_url, "es", word)
    assert any("/es/terapias/estimulacion-nerviosa-transcutanea/" in url for url in result_urls(scripted)), word


@pytest.mark.parametrize("word", ["estimulación", "estimulacion", "ESTIMULACIÓN"])
def test_spanish_words_are_found_with_and_without_accents(scripted, base_url, word):
    open_search(scripted, base_url, "es", word)
    assert any("/es/terapias/estimulacion-nerviosa-transcutanea/" in url for url in result_urls(scripted)), word


def test_arabic_body_words_are_found(scripted, base_url):
    # "ارتعاش" (twitching) appears only in the body of the PNT page.
    open_search(scripted, base_url, "ar", "ارتعاش")
    assert any("/ar/therapies/pnt/" in url for url in result_urls(scripted))


@needs_stemmer
def test_arabic_letter_forms_and_stems_match(scripted, base_url):
    # "إرشادات" (guidelines) as typed without its hamza.
    open_search(scripted, base_url, "ar", "ارشادات")
    assert result_urls(scripted)


@needs_stemmer
def test_stemming_finds_other_forms_of_a_word(scripted, base_url):
    open_search(scripted, base_url, "en", "stimulating")
    assert any(url.endswith("/en/therapies/tens/") for url in result_urls(scripted))
    marks = [m.text.lower() for m in scripted.find_elements(By.CSS_SELECTOR, ".search-results mark")]
    assert any(m.startswith("stimulat") and m != "stimulating" for m in marks), marks


def test_a_word_is_not_matched_inside_another(scripted, base_url):
    # Substring matching found "pain" inside "Spain"; whole words only now.
    assert "No pages match" in open_search(scripted, base_url, "en", "ain")
    open_search(scripted, base_url, "en", "pain")
    marks = [m.text.lower() for m in scripted.find_elements(By.CSS_SELECTOR, ".search-results mark")]
    assert marks and all(m.startswith("pain") for m in marks), marks


def test_a_linked_query_opens_with_its_results_and_typing_updates_the_link(scripted, base_url):
    status = open_search(scripted, base_url, "en", "pain")
    field = scripted.find_element(By.ID, "search-input")
    assert field.get_attribute("value") == "pain"
    assert result_urls(scripted)
    field.send_keys(" electrodes")
    wait_for_status(scripted, previous=status)
    WebDriverWait(scripted, 5).until(lambda d: "electrodes" in d.current_url)
    assert "q=pain+electrodes" in scripted.current_url or "q=pain%20electrodes" in scripted.current_url


def test_counts_use_the_plural_rules_of_english(scripted, base_url):
    assert open_search(scripted, base_url, "en", "acupuncturist") == "1 page matches."
    assert open_search(scripted, base_url, "en", "anesthesia") == "2 pages match."


def test_more_words_narrow_the_results(scripted, base_url):
    open_search(scripted, base_url, "en", "pain")
    one = set(result_urls(scripted))
    open_search(scripted, base_url, "en", "pain skin")
    both = set(result_urls(scripted))
    assert both and both <= one and len(both) < len(one)


def test_a_quoted_phrase_matches_as_a_phrase(scripted, base_url):
    open_search(scripted, base_url, "en", "back low")
    words = set(result_urls(scripted))
    open_search(scripted, base_url, "en", '"low back"')
    phrase = set(result_urls(scripted))
    assert phrase and phrase <= words
    open_search(scripted, base_url, "en", '"back low"')
    assert set(result_urls(scripted)) < words


def test_results_show_their_section_and_an_excerpt_with_the_words_marked(scripted, base_url):
    open_search(scripted, base_url, "en", "pain")
    first = scripted.find_element(By.CSS_SELECTOR, ".search-results li")
    excerpt = first.find_element(By.CSS_SELECTOR, ".search-excerpt")
    assert excerpt.find_elements(By.CSS_SELECTOR, "mark")
    assert "pain" in excerpt.text.lower()
    sections = [s.text for s in scripted.find_elements(By.CSS_SELECTOR, ".search-results .search-section")]
    assert any("Therapies" in s for s in sections), sections


def test_the_results_are_operable_from_the_keyboard(scripted, base_url):
    open_search(scripted, base_url, "en", "pain")
    field = scripted.find_element(By.ID, "search-input")
    field.send_keys(Keys.ARROW_DOWN)
    first = scripted.find_element(By.CSS_SELECTOR, ".search-results li > a")
    assert scripted.switch_to.active_element == first
    first.send_keys(Keys.ARROW_UP)
    assert scripted.switch_to.active_element == field


def test_results_are_announced_in_a_live_region(scripted, base_url):
    open_search(scripted, base_url, "en", "pain")
    status = scripted.find_element(By.CSS_SELECTOR, ".search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert "match" in status.text


@pytest.mark.parametrize("locale,query", [("en", "pain"), ("es", "estimulacion"), ("ar", "ارتعاش")])
def test_no_axe_violations_with_results_shown(scripted, base_url, locale, query):
    open_search(scripted, base_url, locale, query)
    assert result_urls(scripted)
    assert axe_violations(scripted) == []


@needs_stemmer
def test_search_finds_glossary_terms_and_reports_no_match(scripted, base_url):
    open_search(scripted, base_url, "en", "rheobase")
    assert any("/en/glossary/#" in href for href in result_urls(scripted))
    field = scripted.find_element(By.ID, "search-input")
    field.clear()
    field.send_keys("zzzqqq")
    WebDriverWait(scripted, 5).until(lambda d: "No pages match" in d.find_element(By.CSS_SELECTOR, ".search-status").text)
