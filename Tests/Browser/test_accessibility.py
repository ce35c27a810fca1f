"""axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every kind of page in every locale."""
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import AXE
from pages import all_pages

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(driver, context=None, private_languages=()):
    """WCAG A/AA violations on the page, or within `context` (an axe context such as {"include": [...]}).

    `private_languages` are primary subtags axe should accept in `lang` (html-lang-valid, valid-lang):
    BCP 47 reserves qaa–qtz for private use, as in the pseudo-locale `qps-ploc`, but axe's list of
    languages (ISO 639) lacks them. Every other language is still checked."""
    with open(AXE, encoding="utf-8") as file:
        driver.execute_script(file.read())
    driver.set_script_timeout(30)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "if (arguments[2].length) axe.configure({checks: [{id: 'valid-lang', options: {"
        "  attributes: ['lang', 'xml:lang'], value: axe.utils.validLangs().concat(arguments[2])}}]});"
        "axe.run(arguments[1] || document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations), e => done(String(e)));",
        TAGS,
        context,
        list(private_languages),
    )
    assert not isinstance(result, str), result
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result
    ]


@pytest.mark.parametrize("kind,locale,path", all_pages())
def test_no_axe_violations(scripted, base_url, kind, locale, path):
    scripted.get(base_url + path)
    if kind == "explainer":
        WebDriverWait(scripted, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-pulse-ready]"))
    violations = axe_violations(scripted)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_no_axe_violations_with_search_results_shown(scripted, base_url):
    scripted.get(base_url + "/es/search/")
    field = scripted.find_element(By.CSS_SELECTOR, "input[type=search]")
    field.send_keys("estimulacion")
    WebDriverWait(scripted, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    assert axe_violations(scripted) == []


def test_no_axe_violations_on_a_phone(phone, base_url):
    phone.get(base_url + "/ar/therapies/pnt/")
    assert axe_violations(phone) == []


@pytest.fixture()
def dark(scripted):
    """The scripted browser with the reader's system asking for a dark colour scheme."""
    scripted.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    yield scripted
    scripted.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("kind,locale,path", all_pages())
def test_no_axe_violations_in_the_dark_scheme(dark, base_url, kind, locale, path):
    dark.get(base_url + path)
    assert dark.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    if kind != "content-report":  # the editors' report has its own light stylesheet
        background = dark.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(20, 25, 31)", "the dark scheme applies"
    if kind == "explainer":
        WebDriverWait(dark, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-pulse-ready]"))
        # The explainer's figures draw with the scheme's colours: their text is light on dark.
        fill = dark.execute_script("return getComputedStyle(document.querySelector('.pulse-svg text')).fill")
        assert fill == "rgb(227, 233, 239)", fill
    violations = axe_violations(dark)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
