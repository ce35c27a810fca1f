"""The real site in the pseudo-locale qps-ploc (Scripts/pseudo-site.sh): every page and interface string
exported with --pseudo (accented, about a third longer, in brackets) and imported back. Every page the
locale has must still pass axe-core and fit a 390 px phone screen, and must really be pseudo-translated,
so a failed import cannot pass unnoticed. Screenshots go to .build/screenshots/pseudo-<name>.png."""
import base64
import json
import os
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import AXE, PSEUDO_SITE, SCREENSHOTS
import test_accessibility as accessibility

LOCALE = "qps-ploc"
PHONE = 390

# Letters the pseudo-translation puts in place of plain ASCII ones (Latin-1, Latin Extended A/B, IPA,
# Latin Extended Additional).
ACCENTED = re.compile("[\u00c0-\u024f\u0250-\u02af\u1e00-\u1eff]")

# Pages the walk must find (every kind the locale has), so an empty or partial build fails.
REQUIRED = ("home", "404", "glossary", "search", "therapies", "therapies-tens", "therapies-pulse-parameters")


def locale_pages():
    """(name, path) for every HTML page under the pseudo site's qps-ploc folder, walked on disk."""
    folder = os.path.join(PSEUDO_SITE, LOCALE)
    pages = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories.sort()
        for file in sorted(files):
            if not file.endswith(".html"):
                continue
            relative = os.path.relpath(os.path.join(directory, file), folder).replace(os.sep, "/")
            if file == "index.html":
                folders = relative[: -len("index.html")]
                path = f"/{LOCALE}/{folders}"
                name = folders.strip("/").replace("/", "-") or "home"
            else:
                path = f"/{LOCALE}/{relative}"
                name = relative[: -len(".html")].replace("/", "-")
            pages.append((name, path))
    return pages


PAGES = locale_pages()
CASES = [pytest.param(name, path, id=name) for name, path in PAGES] or [
    pytest.param(None, None, id="no-pages")
]


@pytest.fixture()
def narrow(phone):
    """The phone browser at a true 390 px: headless Chromium will not make a window narrower than 500 px,
    so the viewport is emulated — not as a mobile device, whose viewport would zoom out to fit an
    overflowing page and hide the overflow — with overlay scrollbars, as a phone has."""
    phone.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": PHONE, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    phone.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
    yield phone
    phone.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})
    phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def axe_violations(driver):
    """test_accessibility's check, with the pseudo-locale's private-use subtag accepted in `lang`."""
    return accessibility.axe_violations(driver, private_languages=["qps"])


def open_page(driver, url):
    """Loads a page and waits for what its scripts draw (the pulse explainer's figures)."""
    driver.get(url)
    explainers = len(driver.find_elements(By.CSS_SELECTOR, "[data-pulse-model]"))
    if explainers:
        WebDriverWait(driver, 5).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-pulse-ready]")) == explainers)


def require_page(name):
    assert name is not None, (
        f"no HTML pages under {PSEUDO_SITE}/{LOCALE}/: run Scripts/pseudo-site.sh {PSEUDO_SITE} first")


def test_the_pseudo_locale_has_every_kind_of_page():
    names = {name for name, _ in PAGES}
    missing = [name for name in REQUIRED if name not in names]
    assert not missing, f"{PSEUDO_SITE}/{LOCALE}/ lacks {missing}; found {sorted(names)}"


@pytest.mark.parametrize("name,path", CASES)
def test_pseudo_page_is_pseudo_translated(scripted, pseudo_url, name, path):
    require_page(name)
    open_page(scripted, pseudo_url + path)
    lang = scripted.execute_script("return document.documentElement.getAttribute('lang')")
    assert lang == LOCALE, f"{path}: <html lang={lang!r}>"
    # Interface strings (the skip link is on every page) went through the round trip too.
    skip = scripted.execute_script("return document.querySelector('.skip-link').textContent.trim()")
    assert skip.startswith("[") and ACCENTED.search(skip), f"{path}: skip link {skip!r} is not pseudo-translated"
    headings = scripted.find_elements(By.CSS_SELECTOR, "main h1")
    assert len(headings) == 1, f"{path}: {len(headings)} <h1> in <main>"
    heading = scripted.execute_script("return arguments[0].textContent.trim()", headings[0])
    assert heading.startswith("[") and ACCENTED.search(heading), (
        f"{path}: the heading {heading!r} is not pseudo-translated (was the XLIFF imported?)")


@pytest.mark.parametrize("width", (PHONE, 1280))
@pytest.mark.parametrize("name,path", CASES)
def test_pseudo_page_has_no_axe_violations(narrow, scripted, pseudo_url, name, path, width):
    require_page(name)
    driver = narrow if width == PHONE else scripted
    open_page(driver, pseudo_url + path)
    violations = axe_violations(driver)
    assert violations == [], f"{path} at {width}px:\n" + json.dumps(violations, ensure_ascii=False, indent=1)


# Everything that reaches past the right edge of the viewport, except what is held inside an element
# that scrolls (or clips) sideways on purpose — the wrappers around wide tables (.table-scroll,
# .pulse-table-scroll) and code blocks (`overflow-x: auto`). A scrolling wrapper that itself sticks out
# is reported. Text is measured too (Range rects), so a long word overflowing its box is caught even
# when the box fits.
OFFENDERS = """
const limit = document.documentElement.clientWidth;
// Whether an ancestor that scrolls or clips sideways holds the node in. Only ancestors on the node's
// containing-block chain do: an absolutely positioned box escapes a scrolling wrapper that is not
// positioned, and still widens the page.
const contained = node => {
  let position = node.nodeType === Node.ELEMENT_NODE ? getComputedStyle(node).position : 'static';
  for (let a = node.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
    const style = getComputedStyle(a);
    const transformed = style.transform !== 'none' || style.filter !== 'none';
    const holds = position === 'fixed' ? transformed
      : position === 'absolute' ? style.position !== 'static' || transformed : true;
    if (!holds) continue;
    if (style.overflowX !== 'visible') return true;
    position = style.position;
  }
  return false;
};
const describe = (element, right, text) => ({
  tag: element.tagName.toLowerCase(),
  id: element.id || '',
  class: typeof element.className === 'string' ? element.className : (element.getAttribute('class') || ''),
  text: (text === undefined ? element.textContent : text).replace(/\\s+/g, ' ').trim().slice(0, 80),
  right: Math.round(right * 10) / 10,
});
const found = [];
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  if (box.right > limit + 0.5 && !contained(element)) found.push(describe(element, box.right));
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim() || contained(node)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const right = Math.max(...Array.from(range.getClientRects(), r => r.right), -Infinity);
  if (right > limit + 0.5) found.push(describe(node.parentElement, right, '#text: ' + node.textContent));
}
return {limit: limit, innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, found: found};
"""


def overflow_report(driver, path):
    report = driver.execute_script(OFFENDERS)
    problems = []
    if report["scrollWidth"] > report["innerWidth"]:
        problems.append(
            f"{path}: the page is {report['scrollWidth']}px wide in a {report['innerWidth']}px window")
    if report["found"]:
        lines = [f"  <{o['tag']}" + (f" id={o['id']}" if o["id"] else "")
                 + (f" class={o['class']!r}" if o["class"] else "")
                 + f"> right edge {o['right']}px: {o['text']!r}" for o in report["found"][:25]]
        more = len(report["found"]) - 25
        problems.append(f"{path}: {len(report['found'])} element(s)/text(s) reach past {report['limit']}px:\n"
                        + "\n".join(lines) + (f"\n  … and {more} more" if more > 0 else ""))
    return report, problems


def save_screenshot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path = os.path.join(SCREENSHOTS, f"pseudo-{name}.png")
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    return path


@pytest.mark.parametrize("name,path", CASES)
def test_pseudo_page_fits_a_phone_screen(narrow, pseudo_url, name, path):
    require_page(name)
    phone = narrow
    open_page(phone, pseudo_url + path)
    width = phone.execute_script("return [window.innerWidth, document.documentElement.clientWidth]")
    assert width == [PHONE, PHONE], f"the phone viewport is {PHONE}px wide, not {width}"
    screenshot = save_screenshot(phone, name)
    assert os.path.getsize(screenshot) > 10_000, "a real, non-empty screenshot"
    _, problems = overflow_report(phone, path)
    assert not problems, "\n".join(problems)


def test_pseudo_search_results_fit_a_phone_screen_and_pass_axe(narrow, pseudo_url):
    """Results are drawn by search.js from the locale's index: long pseudo titles and descriptions."""
    phone = narrow
    query = "šţîîɱûûļååţîîööñ"  # "stimulation", as the pseudo-translation spells it
    phone.get(f"{pseudo_url}/{LOCALE}/search/?q={query}")
    WebDriverWait(phone, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
    titles = [a.text for a in phone.find_elements(By.CSS_SELECTOR, ".search-results li a")]
    assert all(title.startswith("[") and ACCENTED.search(title) for title in titles), titles
    status = phone.find_element(By.CSS_SELECTOR, ".search-status").text
    assert status.startswith("[") and ACCENTED.search(status), f"the result count {status!r} is not pseudo-translated"
    save_screenshot(phone, "search-results")
    _, problems = overflow_report(phone, f"/{LOCALE}/search/?q={query}")
    assert not problems, "\n".join(problems)
    violations = axe_violations(phone)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
