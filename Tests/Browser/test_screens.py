"""Screenshots of home, a topic and the explainer in en, es and ar at phone and
desktop widths (written to .build/screenshots/), each checked for horizontal overflow."""
import base64
import os

import pytest

from conftest import SCREENSHOTS
from pages import PAGES, SCREENSHOT_KINDS

CASES = [(kind, locale, width) for kind in SCREENSHOT_KINDS for locale in ("en", "es", "ar") for width in (390, 1280)]


@pytest.mark.parametrize("kind,locale,width", CASES)
def test_screenshot_has_no_horizontal_overflow(phone, scripted, base_url, kind, locale, width):
    driver = phone if width == 390 else scripted
    driver.get(base_url + PAGES[kind][locale])
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    os.makedirs(SCREENSHOTS, exist_ok=True)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path = os.path.join(SCREENSHOTS, f"{kind}-{locale}-{width}.png")
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    assert os.path.getsize(path) > 10_000, "a real, non-empty screenshot"
    assert overflow <= 0, f"{PAGES[kind][locale]} at {width}px is {overflow}px wider than the screen"
