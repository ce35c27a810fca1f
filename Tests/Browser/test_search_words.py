"""Parity: Templates/assets/search-words.js in Chromium, with the site's WebAssembly stemmers, turns
text into the same terms as the reference pipeline with libstemmer 2.2.0 (search_words.py), word for
word, on thousands of words of the site's content (en, es with and without accents, ar) and on
generated German and French; and without a stemmer it still folds and normalises."""
import base64
import ctypes
import os

import pytest
import Stemmer
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import search_words
from search_words import content_text, generated

STEMMERS = "Templates/stemmers"

# Runs SpinesiteWords.load(URL) and terms(TEXT) in the page; a stemmer given as bytes goes through a blob: URL.
TERMS = """
var url = arguments[0], wasm = arguments[1], text = arguments[2], done = arguments[3];
if (wasm) {
  var bytes = Uint8Array.from(atob(wasm), function (c) { return c.charCodeAt(0); });
  url = URL.createObjectURL(new Blob([bytes], {type: "application/wasm"}));
}
SpinesiteWords.load(url).then(function (words) { done(words.terms(text)); });
"""


@pytest.fixture(scope="module")
def search_page(scripted, base_url):
    scripted.get(base_url + "/en/search/")
    WebDriverWait(scripted, 10).until(lambda d: d.execute_script("return !!window.SpinesiteWords"))
    scripted.set_script_timeout(60)
    return scripted


def site_stemmer(driver, base_url, locale):
    """The stemmer URL the locale's search page names."""
    driver.get(base_url + f"/{locale}/search/")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.SpinesiteWords"))
    return driver.find_element(By.CSS_SELECTOR, "form.search-form").get_attribute("data-stemmer")


def browser_terms(driver, text, url="", algorithm=None):
    wasm = ""
    if algorithm:
        with open(os.path.join(STEMMERS, algorithm + ".wasm"), "rb") as file:
            wasm = base64.b64encode(file.read()).decode()
    return driver.execute_async_script(TERMS, url, wasm, text)


def assert_same(found, expected, minimum):
    assert len(expected) >= minimum, f"only {len(expected)} words compared"
    differences = [(i, f, e) for i, (f, e) in enumerate(zip(found, expected)) if f != e]
    assert len(found) == len(expected), (len(found), len(expected))
    assert differences == [], f"{len(differences)} differences, the first: {differences[:10]}"


@pytest.mark.parametrize("locale,algorithm,variant", [
    ("en", "english", None),
    ("es", "spanish", None),
    ("es", "spanish", search_words.without_accents),
    ("ar", "arabic", None),
    ("ar", "arabic", search_words.with_harakat),
])
def test_the_site_stemmer_agrees_with_libstemmer_on_the_content(search_page, base_url, locale, algorithm, variant):
    url = site_stemmer(search_page, base_url, locale)
    assert url.endswith(".wasm") and f"stemmer-{algorithm}." in url, url
    text = content_text(locale)
    if variant:
        text = variant(text)
    expected = search_words.terms(text, algorithm)
    assert_same(browser_terms(search_page, text, url=url), expected, minimum=3000)
    # The stemmer stems: the terms differ from the unstemmed ones.
    assert expected != search_words.terms(text, None)


@pytest.mark.parametrize("algorithm,roots,endings", [
    ("german", search_words.GERMAN_ROOTS, search_words.GERMAN_ENDINGS),
    ("french", search_words.FRENCH_ROOTS, search_words.FRENCH_ENDINGS),
])
def test_the_stemmers_agree_with_libstemmer_on_generated_words(search_page, algorithm, roots, endings):
    text = generated(roots, endings)
    assert_same(browser_terms(search_page, text, algorithm=algorithm),
                search_words.terms(text, algorithm), minimum=800)


def test_every_algorithm_agrees_on_its_own_words(search_page):
    """Every module built, on the site's words of all languages: no stemmer traps or misreads memory."""
    text = " ".join(content_text(locale)[:20000] for locale in ("en", "es", "ar"))
    for name in sorted(os.listdir(STEMMERS)):
        algorithm = name[:-len(".wasm")]
        assert_same(browser_terms(search_page, text, algorithm=algorithm),
                    search_words.terms(text, algorithm), minimum=3000)


def test_without_a_stemmer_words_are_folded_and_normalised_but_not_stemmed(search_page):
    text = "Stimulating ESTIMULACIÓN e\u0301lectrique الأَلَم ـعلاج Σίσυφος 42"
    assert browser_terms(search_page, text) == [
        "stimulating", "estimulacion", "electrique", "الالم", "علاج", "σισυφος", "42"]
    assert browser_terms(search_page, text) == search_words.terms(text, None)


def test_a_stemmer_that_fails_to_load_leaves_words_unstemmed(search_page):
    assert browser_terms(search_page, "Stimulating pains", url="/assets/no-such-stemmer.wasm") == [
        "stimulating", "pains"]


def test_tokens_give_the_utf16_offsets_of_each_word(search_page, base_url):
    site_stemmer(search_page, base_url, "en")
    tokens = search_page.execute_async_script(
        "var done = arguments[0];"
        "SpinesiteWords.load(document.querySelector('form.search-form').dataset.stemmer)"
        ".then(function (words) { done(words.tokens('¿Dolor? 😀 Stimulating—pain')); });")
    assert tokens == [
        {"start": 1, "end": 6, "term": "dolor"},
        {"start": 11, "end": 22, "term": "stimul"},
        {"start": 23, "end": 27, "term": "pain"},
    ]


def test_pystemmer_is_debian_libstemmer():
    """The reference stems as Debian 12's libstemmer0d, which the build links, does."""
    try:
        library = ctypes.CDLL("libstemmer.so.0d")
    except OSError:
        pytest.skip("libstemmer0d is not installed (Scripts/install-deps.sh build installs it)")
    library.sb_stemmer_new.restype = ctypes.c_void_p
    library.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    library.sb_stemmer_stem.restype = ctypes.c_char_p
    library.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    words = sorted(set(search_words.words(" ".join(content_text(locale) for locale in ("en", "es", "ar")))))
    for algorithm in Stemmer.algorithms():
        debian = library.sb_stemmer_new(algorithm.encode(), b"UTF_8")
        assert debian, algorithm
        python = Stemmer.Stemmer(algorithm)
        for word in words:
            encoded = word.lower().encode()
            assert library.sb_stemmer_stem(debian, encoded, len(encoded)).decode() == python.stemWord(word.lower())
