"""The comparison page (docs/compare.md, docs/javascripts/compare.js): sorting numbers as numbers,
filtering, the view kept in the address and restored from it, and all of it from the keyboard."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .harness import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (ROOT / "docs/compare.md").is_file(), reason="no comparison page (docs/compare.md) yet"),
]

PREFIX = {"en": "", "zh": "zh/"}

VISIBLE_ROWS = """table => [...table.tBodies[0].rows].filter(row => !row.hidden).map(row => ({
  id: row.id, context: Number(row.dataset.context), input: row.dataset.input, plan: row.dataset.plan,
  currency: row.dataset.currency, capabilities: row.dataset.capabilities.split(" "), terms: row.dataset.terms,
}))"""


def rows(page) -> list[dict]:
    return page.locator("#cmp-table").evaluate(VISIBLE_ROWS)


def open_compare(page, lang: str = "en", query: str = ""):
    page.goto(PREFIX[lang] + "compare/" + query)
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    return page


def sort_button(page, key: str):
    return page.locator(f'button.cmp-sort[data-sort="{key}"]')


def aria_sort(page, key: str):
    return page.locator(f'#cmp-table th[data-sort="{key}"]').get_attribute("aria-sort")


def shown_count(page) -> str:
    return page.locator("#cmp-count").inner_text()


def wait_for_rows(page, count: int) -> None:
    page.wait_for_function("n => [...document.querySelectorAll('#cmp-table tbody tr')].filter(r => !r.hidden).length"
                           " === n", arg=count)


def state(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sorting_by_context_window_sorts_numbers_as_numbers(page, lang):
    open_compare(page, lang)
    total = len(rows(page))
    sort_button(page, "context").click()
    values = [row["context"] for row in rows(page)]
    assert len(values) == total
    assert values == sorted(values), "context windows not in ascending numeric order"
    assert sorted(values) != sorted(values, key=str), "the catalog cannot tell numeric from text order"
    assert aria_sort(page, "context") == "ascending"
    assert state(page)["sort"] == ["context"]
    sort_button(page, "context").click()
    assert [row["context"] for row in rows(page)] == sorted(values, reverse=True)
    assert aria_sort(page, "context") == "descending" and state(page)["dir"] == ["desc"]


def test_sorting_by_input_price_sorts_within_a_currency(page):
    open_compare(page)
    sort_button(page, "input").click()
    ordered = rows(page)
    priced = [row for row in ordered if row["plan"] == "free" or row["input"]]
    assert ordered[:len(priced)] == priced, "rows without an input price must come last"
    usd = [float(row["input"]) for row in priced if row["currency"] == "USD" and row["plan"] == "per-token"]
    assert usd == sorted(usd) and len(usd) > 10
    assert sorted(usd) != sorted(usd, key=str), "the catalog cannot tell numeric from text order"
    free = [index for index, row in enumerate(priced) if row["plan"] == "free"]
    first_usd = next(index for index, row in enumerate(priced) if row["currency"] == "USD")
    assert all(index < first_usd for index in free), "free models count as the cheapest"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_filters_narrow_the_table_and_reset_restores_it(page, lang):
    open_compare(page, lang)
    total = len(rows(page))
    page.locator("#cmp-cap-vision").check()
    page.locator("#cmp-context").select_option("128000")
    page.locator("#cmp-q").fill("llama")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'llama'")
    shown = rows(page)
    assert 0 < len(shown) < total
    for row in shown:
        assert "vision" in row["capabilities"] and row["context"] >= 128_000 and "llama" in row["terms"], row["id"]
    assert str(len(shown)) in shown_count(page) and str(total) in shown_count(page)
    assert state(page) == {"cap": ["vision"], "ctx": ["128000"], "q": ["llama"]}
    page.locator("#cmp-q").fill("no-such-model-anywhere")
    wait_for_rows(page, 0)
    assert page.locator("#cmp-empty").is_visible()
    page.locator("#cmp-reset").click()
    wait_for_rows(page, total)
    assert not page.locator("#cmp-empty").is_visible()
    assert urlsplit(page.url).query == ""


def test_maximum_input_price_keeps_free_and_cheaper_models_in_that_currency(page):
    open_compare(page)
    page.locator("#cmp-currency").select_option("USD")
    page.locator("#cmp-max-input").fill("0.5")
    page.wait_for_function("() => new URLSearchParams(location.search).get('maxin') === '0.5'")
    shown = rows(page)
    assert shown
    for row in shown:
        assert row["plan"] == "free" or (row["currency"] == "USD" and float(row["input"]) <= 0.5), row["id"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_address_keeps_the_view_and_restores_it(browse, lang):
    page = open_compare(browse(), lang)
    page.locator("#cmp-cap-reasoning").check()
    page.locator("#cmp-q").fill("qwen")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'qwen'")
    sort_button(page, "context").click()
    sort_button(page, "context").click()
    view = [row["id"] for row in rows(page)]
    assert view and state(page) == {"cap": ["reasoning"], "q": ["qwen"], "sort": ["context"], "dir": ["desc"]}
    shared = page.url

    # A reader who opens the shared link, in a browser of their own, sees the same view.
    other = browse()
    other.goto(shared)
    other.wait_for_selector("#cmp-table[data-ready]", state="attached")
    assert [row["id"] for row in rows(other)] == view
    assert other.locator("#cmp-q").input_value() == "qwen"
    assert other.locator("#cmp-cap-reasoning").is_checked() and not other.locator("#cmp-cap-vision").is_checked()
    assert aria_sort(other, "context") == "descending"
    assert other.url == shared


def test_a_hand_written_address_is_applied_and_unknown_values_ignored(page):
    open_compare(page, "en", "?ctx=200000&sort=max-output&dir=desc&vendor=no-such-vendor&sort=nonsense")
    shown = rows(page)
    assert shown and all(row["context"] >= 200_000 for row in shown)
    assert page.locator("#cmp-vendor").input_value() == ""  # a vendor the page does not offer: any


def test_sorting_and_filtering_work_from_the_keyboard(page):
    open_compare(page)
    total = len(rows(page))
    page.locator("#cmp-q").focus()
    page.keyboard.type("llama")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'llama'")
    narrowed = len(rows(page))
    assert 0 < narrowed < total

    def tab_to(selector: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{selector} cannot be reached with Tab")

    tab_to("#cmp-cap-vision")
    page.keyboard.press("Space")
    page.wait_for_function("() => new URLSearchParams(location.search).get('cap') === 'vision'")
    assert all("vision" in row["capabilities"] for row in rows(page))
    tab_to('button.cmp-sort[data-sort="context"]')
    page.keyboard.press("Enter")
    assert aria_sort(page, "context") == "ascending"
    page.keyboard.press("Space")
    assert aria_sort(page, "context") == "descending"
    values = [row["context"] for row in rows(page)]
    assert values == sorted(values, reverse=True)
