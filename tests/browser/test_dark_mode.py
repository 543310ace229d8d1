"""The palette button switches to dark mode, and the choice survives a reload and a language switch."""

from __future__ import annotations

import pytest

from .reader import color_scheme, switch_language, toggle_palette

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}


def background_luminance(page) -> float:
    rgb = page.evaluate(
        """() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)""")
    return sum(rgb) / (3 * 255)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dark_mode_toggles_and_persists(page, lang):
    other = "zh" if lang == "en" else "en"
    page.goto(PREFIX[lang] + "providers/groq/")
    assert color_scheme(page) == "default" and background_luminance(page) > 0.9  # the browser prefers light
    for _ in range(3):  # system preference -> light -> dark
        if color_scheme(page) == "slate":
            break
        toggle_palette(page)
    assert color_scheme(page) == "slate"
    assert background_luminance(page) < 0.3
    page.reload()
    assert color_scheme(page) == "slate", "dark mode forgotten on reload"
    switch_language(page, other)
    assert color_scheme(page) == "slate", "dark mode forgotten in the other language"
    page.goto(PREFIX[other] + "glossary/")
    assert color_scheme(page) == "slate" and background_luminance(page) < 0.3
    while color_scheme(page) == "slate":  # and back
        toggle_palette(page)
    page.reload()
    assert color_scheme(page) != "slate"
