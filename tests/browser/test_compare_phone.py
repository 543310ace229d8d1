"""The comparison page on a phone (375 px): readable text, targets a finger can hit, one scroll area,
nothing sideways, and enough contrast in both colour schemes."""

from __future__ import annotations

import pytest

from .harness import MOBILE, ROOT
from .reader import axe_violations, horizontal_overflow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (ROOT / "docs/compare.md").is_file(), reason="no comparison page (docs/compare.md) yet"),
]

PREFIX = {"en": "", "zh": "zh/"}

# Visible text in a font smaller than 12 px, anywhere on the page the reader can see.
SMALL_TEXT = """() => {
  const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement, text = node.data.trim();
    if (!text || !element || element.closest("script, style, noscript, svg")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= 0 || box.left >= innerWidth) continue;  // not shown
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const size = parseFloat(style.fontSize);
    const name = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
    if (size < 12) found.push(`${size}px ${name}: ${text.slice(0, 30)}`);
  }
  return found;
}"""

# What a finger taps on the comparison: form controls, sort, copy and pager buttons, links in the table,
# the ticks that pick models for the side-by-side view and the bar that links to it.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    "#cmp-filters input, #cmp-filters select, #cmp-filters button, .cmp-sort, .copy-id, .cmp-button, #cmp-table a, "
    + ".cmp-pick, #cmp-picked a, #cmp-picked button")]
  .map(element => [element, element.getBoundingClientRect()])
  .filter(([element, box]) => box.width > 0 && (box.width < 23.9 || box.height < 23.9))
  .map(([element, box]) => `${element.tagName.toLowerCase()}#${element.id}.${[...element.classList].join(".")} `
       + `${box.width.toFixed(1)}×${box.height.toFixed(1)}`)"""

# Boxes inside the page that scroll up and down on their own.
INNER_SCROLLERS = """() => [...document.querySelectorAll(".md-content *")].filter(element => {
  const overflow = getComputedStyle(element).overflowY;
  return (overflow === "auto" || overflow === "scroll") && element.scrollHeight > element.clientHeight + 1;
}).map(element => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`)"""


def open_on_phone(browse, lang: str, **options):
    page = browse(PREFIX[lang] + "compare/", viewport=MOBILE, is_mobile=True, has_touch=True, **options)
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    return page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_phone_layout_is_readable_tappable_and_scrolls_once(browse, lang):
    page = open_on_phone(browse, lang)
    page.locator("#cmp-more").click()  # a second page of rows: the layout holds as the list grows
    assert page.locator("#cmp-table tbody tr").count() > 30
    # Custom task counts shown, and two models picked: the fields and the bar are laid out as well.
    page.locator("#cmp-task").select_option("custom")
    page.locator("#cmp-table tbody tr .cmp-pick").first.tap()
    page.locator("#cmp-table tbody tr .cmp-pick").nth(5).tap()
    assert page.locator("#cmp-custom").is_visible() and page.locator("#cmp-picked-link").is_visible()
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["width"] and not overflow["offenders"], overflow
    assert page.evaluate(INNER_SCROLLERS) == []
    assert page.evaluate(SMALL_TEXT) == []
    assert page.evaluate(SMALL_TARGETS) == []
    # Each model is a card: its cells stack, each under its column's name.
    first = page.locator("#cmp-table tbody tr").first
    label = first.locator("td").nth(3).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label.strip('"') == page.locator('#cmp-table th[data-sort="context"]').inner_text().strip(" ↕▲▼")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_phone_layout_has_enough_contrast_in_both_schemes(browse, lang, scheme):
    page = open_on_phone(browse, lang, color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert page.locator("#cmp-reset").is_visible()  # the form is shown, its buttons included
    # Cards below the screen are not laid out (content-visibility), and axe-core then reads the colours
    # of whatever lies at their stale position (the footer). Colours do not depend on it: lay them out.
    page.add_style_tag(content=".md-typeset .cmp-table tbody tr { content-visibility: visible !important; }")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
