"""The pulse explainer in a real browser: the controls show the build's numbers.

Expected values come from two places the script does not touch: the state
grid file the build wrote, and the spec's formula Q = I·w for the charge.
"""
import json
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SITE

TENS_EN = "/en/therapies/tens/"
TENS_ES = "/es/terapias/estimulacion-nerviosa-transcutanea/"


def ready(driver, url):
    driver.get(url)
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-pulse-ready]"))
    return driver.find_element(By.CSS_SELECTOR, "[data-pulse-ready]")


def text(element):
    """The element's text as written (WebDriver's .text turns no-break spaces into spaces)."""
    return element.get_attribute("textContent")


def grid_value(explainer, table_name):
    """What the build's state grid holds for the state the controls show."""
    path = explainer.get_attribute("data-pulse-states")
    with open(os.path.join(SITE, path.lstrip("/")), encoding="utf-8") as file:
        grid = json.load(file)
    table = grid["models"][int(explainer.get_attribute("data-pulse-model"))][table_name]
    state = {axis: 0 for axis in grid["axes"]}
    for control in explainer.find_elements(By.CSS_SELECTOR, "[data-axis]"):
        state[control.get_attribute("data-axis")] = int(control.get_attribute("value"))
    index = 0
    for axis in table["axes"]:
        index = index * len(grid["axes"][axis]) + state[axis]
    return table["values"][index], grid["axes"], state


def test_without_javascript_the_preset_is_fully_shown(browser, base_url):
    browser.get(base_url + TENS_EN)
    explainer = browser.find_element(By.CSS_SELECTOR, ".pulse")
    assert not explainer.find_element(By.CSS_SELECTOR, "[data-pulse-controls]").is_displayed()
    assert explainer.find_element(By.CSS_SELECTOR, ".pulse-svg-wave").is_displayed()
    assert text(explainer.find_element(By.CSS_SELECTOR, "[data-q='charge']")) == "2.00\u00a0µC"
    assert "Each phase moves 2.00" in explainer.find_element(By.CSS_SELECTOR, ".pulse-reading").text


def test_only_readers_with_the_sliders_are_told_to_move_them(browser, scripted, base_url):
    browser.get(base_url + TENS_EN)
    intro = browser.find_element(By.CSS_SELECTOR, ".pulse-intro")
    assert "sliders" not in intro.text, "no sliders without the script, so no word of them"
    assert "Every number was computed" in intro.text
    explainer = ready(scripted, base_url + TENS_EN)
    assert "Move the sliders" in explainer.find_element(By.CSS_SELECTOR, ".pulse-intro").text


def test_printed_pages_have_no_sliders(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_EN)
    scripted.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not explainer.find_element(By.CSS_SELECTOR, "[data-pulse-controls]").is_displayed()
        assert not explainer.find_element(By.CSS_SELECTOR, "[data-pulse-hint]").is_displayed()
        assert explainer.find_element(By.CSS_SELECTOR, ".pulse-svg-wave").is_displayed()
    finally:
        scripted.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_moving_a_slider_shows_the_builds_numbers(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_EN)
    amplitude = explainer.find_element(By.CSS_SELECTOR, "[data-axis='amplitude']")
    assert amplitude.is_displayed()
    amplitude.send_keys(Keys.ARROW_RIGHT)
    shown = text(explainer.find_element(By.CSS_SELECTOR, "[data-q='charge']"))
    value, axes, state = grid_value(explainer, "charge")
    assert shown == value + "\u00a0µC"
    current = float(axes["amplitude"][state["amplitude"]])
    width = float(axes["pulseWidth"][state["pulseWidth"]])
    assert abs(float(value) - current * width / 1000) < 0.005 * current * width / 1000
    assert text(explainer.find_element(By.CSS_SELECTOR, "output[data-axis-output='amplitude']")) == f"{current:g}\u00a0mA"
    assert amplitude.get_attribute("aria-valuetext") == f"{current:g}\u00a0mA"
    assert value in text(explainer.find_element(By.CSS_SELECTOR, ".pulse-reading"))


def test_the_waveform_figure_follows_the_slider(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_EN)
    wave = explainer.find_element(By.CSS_SELECTOR, "[data-svg-d='pulsePath']")
    before = wave.get_attribute("d")
    explainer.find_element(By.CSS_SELECTOR, "[data-axis='pulseWidth']").send_keys(Keys.END)
    after = wave.get_attribute("d")
    assert after != before
    assert after == grid_value(explainer, "pulsePath")[0]


def test_spanish_numbers_keep_the_locales_decimal_separator_after_a_change(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_ES)
    decimal = explainer.get_attribute("data-decimal")
    assert decimal == "."  # pinned in Content/es/locale.yml, over CLDR's comma for "es"
    explainer.find_element(By.CSS_SELECTOR, "[data-axis='frequency']").send_keys(Keys.ARROW_LEFT)
    value, _, _ = grid_value(explainer, "rmsCurrent")
    shown = text(explainer.find_element(By.CSS_SELECTOR, "[data-q='rmsCurrent']"))
    assert shown == value.replace(".", decimal) + "\u00a0mA"


def test_controls_are_reachable_by_keyboard(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_EN)
    first = explainer.find_element(By.CSS_SELECTOR, "[data-axis]")
    scripted.execute_script("arguments[0].focus()", first)
    seen = []
    for _ in range(4):
        seen.append(scripted.switch_to.active_element.get_attribute("data-axis"))
        scripted.switch_to.active_element.send_keys(Keys.TAB)
    assert seen == ["amplitude", "pulseWidth", "frequency", "electrode"]
    assert explainer.find_element(By.CSS_SELECTOR, "[aria-live='polite']")


def test_tab_from_the_top_reaches_the_sliders_and_arrow_keys_move_them(scripted, base_url):
    explainer = ready(scripted, base_url + TENS_EN)
    scripted.find_element(By.TAG_NAME, "body").click()
    scripted.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    for presses in range(1, 400):
        scripted.switch_to.active_element.send_keys(Keys.TAB)
        if scripted.switch_to.active_element.get_attribute("data-axis") == "amplitude":
            break
    else:
        raise AssertionError("Tab never reached the amplitude slider")
    slider = scripted.switch_to.active_element
    before_value = int(slider.get_attribute("value"))
    before_charge = text(explainer.find_element(By.CSS_SELECTOR, "[data-q='charge']"))
    slider.send_keys(Keys.ARROW_RIGHT)
    assert int(slider.get_attribute("value")) == before_value + 1
    assert text(explainer.find_element(By.CSS_SELECTOR, "[data-q='charge']")) != before_charge
    slider.send_keys(Keys.ARROW_LEFT)
    assert int(slider.get_attribute("value")) == before_value
    assert text(explainer.find_element(By.CSS_SELECTOR, "[data-q='charge']")) == before_charge
