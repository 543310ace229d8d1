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
PAGE_SIZE = 30  # hooks/render/comparison.py

# Every record of the page's models.json by row id, with its sort values by column key.
RECORDS = """() => fetch("models.json").then(response => response.json()).then(doc => {
  const records = {};
  for (const row of doc.rows) {
    const entry = Object.fromEntries(doc.fields.map((name, index) => [name, row[index]]));
    entry.values = Object.fromEntries(doc.columns.map((key, index) => [key, entry.sort[index]]));
    // what the free-text filter matches: the row's words, its provider's and its vendor's
    entry.terms = [entry.terms, doc.providers[entry.provider][3], doc.vendors[entry.vendor]].join(" ");
    records["cmp-" + entry.anchor] = entry;
  }
  return records;
})"""


def records(page) -> dict:
    if not hasattr(page, "records"):
        page.records = page.evaluate(RECORDS)
    return page.records


def shown_ids(page) -> list[str]:
    return page.locator("#cmp-table").evaluate("table => [...table.tBodies[0].rows].map(row => row.id)")


def rows(page) -> list[dict]:
    """Every row the filters leave, in order: "show more" is pressed until the list ends."""
    more = page.locator("#cmp-more")
    while more.is_visible():
        before = len(shown_ids(page))
        more.click()
        page.wait_for_function("n => document.querySelector('#cmp-table tbody').rows.length > n", arg=before)
    by_id = records(page)
    return [{"id": row_id, "context": by_id[row_id]["values"]["context"], "input": by_id[row_id]["values"]["input"],
             "plan": by_id[row_id]["plan"], "currency": by_id[row_id]["currency"], "inputs": by_id[row_id]["inputs"],
             "capabilities": by_id[row_id]["capabilities"].split(), "terms": by_id[row_id]["terms"]}
            for row_id in shown_ids(page)]


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


def total(page) -> int:
    return len(records(page))


def wait_for_count(page, count: int) -> None:
    """Until the live count says `count` models are left (its words come from the page's template)."""
    page.wait_for_function("""([shown, total]) => { const count = document.querySelector('#cmp-count');
        return count.textContent === count.dataset.template.replace('{shown}', shown).replace('{total}', total); }""",
                           arg=[count, total(page)])


def state(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sorting_by_context_window_sorts_numbers_as_numbers(page, lang):
    open_compare(page, lang)
    sort_button(page, "context").click()
    values = [row["context"] for row in rows(page)]
    assert len(values) == total(page)
    assert values == sorted(values), "context windows not in ascending numeric order"
    assert sorted(values) != sorted(values, key=str), "the catalog cannot tell numeric from text order"
    assert aria_sort(page, "context") == "ascending"
    assert state(page)["sort"] == ["context"]
    sort_button(page, "context").click()
    page.reload()  # the sorted view again, from the address, with all its rows
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
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
    every = total(page)
    page.locator("#cmp-cap-vision").check()
    page.locator("#cmp-context").select_option("128000")
    page.locator("#cmp-q").fill("llama")
    page.wait_for_function("() => new URLSearchParams(location.search).get('find') === 'llama'")
    shown = rows(page)
    assert 0 < len(shown) < every
    for row in shown:
        assert "vision" in row["capabilities"] and row["context"] >= 128_000 and "llama" in row["terms"], row["id"]
    assert str(len(shown)) in shown_count(page) and str(every) in shown_count(page)
    assert state(page) == {"cap": ["vision"], "ctx": ["128000"], "find": ["llama"]}
    page.locator("#cmp-q").fill("no-such-model-anywhere")
    wait_for_count(page, 0)
    assert page.locator("#cmp-empty").is_visible() and shown_ids(page) == []
    page.locator("#cmp-reset").click()
    wait_for_count(page, every)
    assert len(shown_ids(page)) == PAGE_SIZE
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
        assert row["plan"] == "free" or any(currency == "USD" and amount is not None and amount <= 0.5
                                            for currency, amount in row["inputs"]), row["id"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_address_keeps_the_view_and_restores_it(browse, lang):
    page = open_compare(browse(), lang)
    page.locator("#cmp-cap-reasoning").check()
    page.locator("#cmp-q").fill("qwen")
    page.wait_for_function("() => new URLSearchParams(location.search).get('find') === 'qwen'")
    sort_button(page, "context").click()
    sort_button(page, "context").click()
    view = [row["id"] for row in rows(page)]
    assert view and state(page) == {"cap": ["reasoning"], "find": ["qwen"], "sort": ["context"], "dir": ["desc"]}
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
    every = total(page)
    page.locator("#cmp-q").focus()
    page.keyboard.type("llama")
    page.wait_for_function("() => new URLSearchParams(location.search).get('find') === 'llama'")
    narrowed = len(rows(page))
    assert 0 < narrowed < every

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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_holds_a_page_of_rows_and_shows_more_on_request(page, lang):
    open_compare(page, lang)
    first = shown_ids(page)
    assert len(first) == PAGE_SIZE < total(page)
    assert str(total(page)) in shown_count(page)
    page.locator("#cmp-more").click()
    assert shown_ids(page)[:PAGE_SIZE] == first and len(shown_ids(page)) == 2 * PAGE_SIZE
    assert not page.locator("#cmp-earlier").is_visible()


# Each element as tag, sorted attributes and text, so that two trees compare whatever order the
# attributes were written in.
SHAPE = """root => { const shape = node => node.nodeType === 3 ? node.data : [node.tagName,
  [...node.attributes].map(a => a.name + "=" + a.value).sort().join(" "), [...node.childNodes].map(shape)];
  return [...root.children].map(shape); }"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_script_builds_rows_exactly_as_the_server_does(page, lang):
    open_compare(page, lang)
    served = page.evaluate("""async shape => {
        const html = await (await fetch(location.pathname)).text();
        const body = new DOMParser().parseFromString(html, "text/html").querySelector("#cmp-table tbody");
        return (new Function("return " + shape))()(body); }""", SHAPE)
    built = page.locator("#cmp-table tbody").evaluate(SHAPE)
    assert len(served) == PAGE_SIZE and built == served


def row_in_view(page, row_id: str) -> bool:
    return page.evaluate("""id => { const row = document.getElementById(id); if (!row) return false;
        const box = row.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }""", row_id)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("prefix", ["cmp-", "model-"])
def test_a_deep_link_brings_its_row_into_view(page, lang, prefix):
    open_compare(page, lang)
    target = list(records(page))[-3]  # far past the first page
    page.goto(PREFIX[lang] + "compare/#" + prefix + target.removeprefix("cmp-"))
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    page.wait_for_function("id => document.getElementById(id)", arg=target)
    assert row_in_view(page, target) and "cmp-target" in page.locator(f'[id="{target}"]').get_attribute("class")
    assert len(shown_ids(page)) <= PAGE_SIZE and page.locator("#cmp-earlier").is_visible()
    page.locator("#cmp-earlier").click()
    assert target in shown_ids(page) and len(shown_ids(page)) <= 2 * PAGE_SIZE


def test_a_deep_link_from_a_provider_page_lands_on_its_row_in_a_sorted_view(page):
    page.goto("providers/groq/")
    link = page.locator('a[href*="compare/#cmp-groq-"]').last
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    page.wait_for_function("id => document.getElementById(id)", arg=target)
    assert row_in_view(page, target)
    open_compare(page, "en", "?sort=context&dir=desc#" + target)
    page.wait_for_function("id => document.getElementById(id)", arg=target)
    assert row_in_view(page, target) and aria_sort(page, "context") == "descending"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_a_first_page_and_every_provider_table(browse, lang):
    page = browse(PREFIX[lang] + "compare/", java_script_enabled=False)
    assert len(shown_ids(page)) == PAGE_SIZE and not page.locator("#cmp-filters").is_visible()
    assert page.locator("#cmp-table tbody tr").first.is_visible()
    links = page.locator("noscript a, .cmp-nojs a")
    assert links.count() >= 10 and links.first.is_visible()
    links.nth(3).click()
    page.wait_for_load_state("load")
    assert "/providers/" in page.url
    heading = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert page.evaluate("id => !!document.getElementById(id)", heading)
