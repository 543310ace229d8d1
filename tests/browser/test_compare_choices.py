"""The comparison's task chooser and custom counts (the cost column prices what the reader chooses, and the
address keeps it), picking models for the side-by-side view, and price blocks with a source of their own."""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlsplit

import pytest

import catalog
from catalog.specs import CURRENCIES
from render import comparison, comparison_data
from render.comparison_columns import profile_cost_lines
from render.cost import PRICED, task_costs
from render.models import model_anchor

from .harness import ROOT
from .reader import axe_violations
from .test_compare import SHAPE, open_compare, records, rows, shown_ids, sort_button, state

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (ROOT / "docs/compare.md").is_file(), reason="no comparison page (docs/compare.md) yet"),
]

CATALOG = catalog.load(ROOT / "data", ROOT)
MODELS = {"cmp-" + model_anchor(provider, model).removeprefix("model-"): model for provider in CATALOG.providers
          for model in provider.models}
PROFILE = next(profile for profile in CATALOG.task_profiles if profile is not CATALOG.default_profile)


def model_of(page, row_id: str):
    """The catalog model behind a row of the page."""
    return MODELS[row_id]


def cost_cells(page) -> dict:
    """Each shown row's cost cell as its lines (a note after a tab, as the data writes it)."""
    return page.locator("#cmp-table").evaluate("""table => {
        const at = [...table.tHead.rows[0].cells].findIndex(cell => cell.dataset.sort === "task-cost");
        return Object.fromEntries([...table.tBodies[0].rows].map(row => [row.id,
          [...row.cells[at].childNodes].reduce((lines, node) => {
            if (node.nodeName === "BR") lines.push("");
            else if (node.nodeName === "SMALL") lines[lines.length - 1] += "\\t" + node.textContent;
            else lines[lines.length - 1] += node.textContent;
            return lines; }, [""]).map(line => line.replace(/ \\t/, "\\t")).join("\\n")]));
    }""")


def expected_cells(page, profile, lang: str) -> dict:
    return {row_id: "\n".join(profile_cost_lines(CATALOG, model_of(page, row_id), profile, lang))
            for row_id in shown_ids(page)}


def heading(page) -> str:
    return page.locator('#cmp-table th[data-sort="task-cost"]').inner_text().strip(" ↕▲▼")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_choosing_a_profile_prices_it_names_it_and_keeps_it_in_the_address(browse, lang):
    page = open_compare(browse(), lang)
    assert CATALOG.default_profile.name(lang) in heading(page)
    page.locator("#cmp-task").select_option(PROFILE.id)
    page.wait_for_function("id => new URLSearchParams(location.search).get('task') === id", arg=PROFILE.id)
    assert PROFILE.name(lang) in heading(page)
    assert cost_cells(page) == expected_cells(page, PROFILE, lang)
    sort_button(page, "task-cost").click()
    firsts = [task_costs(model_of(page, row["id"]), PROFILE)[0] for row in rows(page)]
    numbered = [cost for cost in firsts if cost.kind in (PRICED, "free")]
    assert firsts[:len(numbered)] == numbered, "rows without a number come last"
    groups = [CURRENCIES.index(cost.currency) if cost.kind == PRICED else 0 for cost in numbered]
    assert groups == sorted(groups), "each currency sorts apart, never converted"
    for group in set(groups):
        amounts = [cost.amount or 0.0 for cost, at in zip(numbered, groups) if at == group]
        assert amounts == sorted(amounts)
    assert cost_cells(page) == expected_cells(page, PROFILE, lang)
    assert state(page)["task"] == [PROFILE.id] and state(page)["sort"] == ["task-cost"]

    other = browse(page.url.split("#")[0])  # a fresh reader opens the shared link
    other.wait_for_selector("#cmp-table[data-ready]", state="attached")
    assert other.locator("#cmp-task").input_value() == PROFILE.id and PROFILE.name(lang) in heading(other)
    assert shown_ids(other) == shown_ids(page)[:len(shown_ids(other))]
    assert cost_cells(other) == expected_cells(other, PROFILE, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_custom_counts_start_from_the_profile_price_the_task_and_are_kept_in_the_address(browse, lang):
    page = open_compare(browse(), lang, f"?task={PROFILE.id}")
    assert not page.locator("#cmp-custom").is_visible()
    page.locator("#cmp-task").select_option("custom")
    assert page.locator("#cmp-custom").is_visible()
    assert page.locator("#cmp-sent").input_value() == str(PROFILE.prompt_tokens)  # started from the profile
    page.locator("#cmp-sent").fill("300000")
    page.locator("#cmp-req").fill("3")
    page.wait_for_function("() => new URLSearchParams(location.search).get('sent') === '300000'")
    custom = dataclasses.replace(PROFILE, requests=3, prompt_tokens=300_000)
    assert heading(page).endswith(CATALOG.label("cmp_task_custom", lang))
    assert cost_cells(page) == expected_cells(page, custom, lang)
    assert state(page)["task"] == ["custom"] and state(page)["req"] == ["3"]

    other = browse(page.url.split("#")[0])
    other.wait_for_selector("#cmp-table[data-ready]", state="attached")
    assert other.locator("#cmp-sent").input_value() == "300000" and other.locator("#cmp-custom").is_visible()
    assert cost_cells(other) == expected_cells(other, custom, lang)

    # More tokens read from and written to the cache than are sent: said so, and no amount shown.
    page.locator("#cmp-cached").fill("100")
    page.locator("#cmp-written").fill("5")
    page.locator("#cmp-custom-error").wait_for()
    assert set(cost_cells(page).values()) == {"—"}
    page.locator("#cmp-written").fill("0")
    page.locator("#cmp-custom-error").wait_for(state="hidden")
    assert cost_cells(page) == expected_cells(page, dataclasses.replace(custom, cache_read_percent=100,
                                                                        cache_write_tokens=0), lang)
    page.locator("#cmp-task").select_option(CATALOG.default_profile.id)  # back to the page's own costs
    page.wait_for_function("() => !new URLSearchParams(location.search).has('task')")
    assert "sent" not in state(page) and not page.locator("#cmp-custom").is_visible()


def served_rows(page) -> list[tuple[str, str]]:
    """(row id, served model) of the shown rows, one row per served model."""
    seen, result = set(), []
    for row_id in shown_ids(page):
        entry = records(page)[row_id]
        serves = entry["serves"] or entry["page"][0]  # 0: the slug of its model page
        if serves not in seen:
            seen.add(serves)
            result.append((row_id, serves))
    return result


def tick(page, row_id: str):
    return page.locator(f'[id="{row_id}"] .cmp-pick input')


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_picking_models_links_to_the_side_by_side_view(browse, lang):
    page = open_compare(browse(), lang)
    bar, link = page.locator("#cmp-picked"), page.locator("#cmp-picked-link")
    assert not bar.is_visible()
    picks = served_rows(page)[:4]
    tick(page, picks[0][0]).check()
    assert bar.is_visible() and not link.is_visible()  # one model: nothing to compare yet
    tick(page, picks[1][0]).check()
    tick(page, picks[2][0]).check()
    slugs = [slug for _, slug in picks[:3]]
    assert state(page)["pick"] == [",".join(slugs)]
    assert tick(page, picks[3][0]).is_disabled()  # three at most
    assert link.get_attribute("href") == "../models/?compare=" + ",".join(slugs) + "#compare"
    tick(page, picks[2][0]).uncheck()
    assert not tick(page, picks[3][0]).is_disabled() and state(page)["pick"] == [",".join(slugs[:2])]
    shared = page.url.split("#")[0]

    other = browse(shared)
    other.wait_for_selector("#cmp-table[data-ready]", state="attached")
    assert tick(other, picks[0][0]).is_checked() and tick(other, picks[1][0]).is_checked()
    other.locator("#cmp-picked-link").click()
    other.wait_for_selector("#compare table")
    assert parse_qs(urlsplit(other.url).query)["compare"] == [",".join(slugs[:2])]
    assert other.locator("#compare table thead th").count() == 3

    page.locator("#cmp-picked-clear").click()
    assert not bar.is_visible() and "pick" not in state(page) and not tick(page, picks[0][0]).is_checked()


def test_a_hand_written_pick_keeps_only_models_the_page_knows(page):
    open_compare(page)
    first = served_rows(page)[0]
    open_compare(page, "en", f"?pick=no-such-model,{first[1]},{first[1]}")
    assert tick(page, first[0]).is_checked()
    assert state(page)["pick"] == [first[1]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_price_block_from_its_own_page_names_that_page(page, lang):
    rows_with_sources = [(provider, model, price) for provider in CATALOG.providers for model in provider.models
                         for price in model.prices if price.source is not None and price.source != model.source]
    provider, model, price = rows_with_sources[0]
    open_compare(page, lang)
    page.locator("#cmp-q").fill(model.id)
    page.wait_for_function("() => new URLSearchParams(location.search).has('find')")
    row = next(row_id for row_id in shown_ids(page) if records(page)[row_id]["model"] == model.id
               and CATALOG.providers[records(page)[row_id]["provider"]].id == provider.id)
    link = page.locator(f'[id="{row}"] a[href="{price.source.url}"]')
    assert link.inner_text() == price.source.title(lang)
    said = link.locator("xpath=..").inner_text()
    assert said == CATALOG.label("row_price_source", lang).format(currency=price.currency,
                                                                  source=price.source.title(lang))
    # The script built the row (it is far past the first page) exactly as the server builds rows.
    entry = next(item for item in comparison_data.records(CATALOG, lang) if "cmp-" + item.anchor == row)
    served = page.evaluate("""([html, shape]) => {
        const table = new DOMParser().parseFromString("<table><tbody>" + html + "</tbody></table>", "text/html");
        return (new Function("return " + shape))()(table.querySelector("tbody")); }""",
                           [comparison.render_row(CATALOG, entry, lang), SHAPE])
    built = page.locator(f'[id="{row}"]').evaluate(f"row => ({SHAPE})({{children: [row]}})")
    assert built == served


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_custom_counts_and_picks_have_no_serious_accessibility_violation(browse, lang, scheme):
    page = open_compare(browse(color_scheme=scheme), lang, "?task=custom&cached=100&written=5")
    page.locator("#cmp-custom-error").wait_for()  # the counts, their error and the bar are all shown
    for row_id, _ in served_rows(page)[:2]:
        tick(page, row_id).check()
    assert page.locator("#cmp-picked-link").is_visible()
    page.add_style_tag(content=".md-typeset .cmp-table tbody tr { content-visibility: visible !important; }")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
