"""A model's price history on its page (render/price_history.py): the price changes data/changes.yaml records for
every entry that serves the model, newest first, in both languages; one line where the record has none."""

from __future__ import annotations

import dataclasses
import datetime
import html
import re

import pytest

import catalog
from catalog.entities import Change, FactChange
from conftest import ROOT
from render import model_page, price_history
from render.served import Served, served_models, with_pages
from render.text import money
from sitecheck import Page, resolve, search_index

CATALOG = catalog.load(ROOT / "data", ROOT)
OSS = served_models(CATALOG)["gpt-oss-120b"]
LANG_ROOT = {"en": "", "zh": "zh/"}


def entry(served: Served, provider_id: str):
    return next((provider, model) for provider, model in served.entries if provider.id == provider_id)


def change(served: Served, provider_id: str, day: str, event: str, *facts: FactChange) -> Change:
    """A recorded change of one of the model's entries (a source of its provider, the record's own rule)."""
    provider, model = entry(served, provider_id)
    return Change(datetime.date.fromisoformat(day), provider, model.id, model.endpoint, event, provider.sources[0],
                  facts)


def with_changes(*changes: Change) -> catalog.Catalog:
    return dataclasses.replace(CATALOG, changes=tuple(sorted(changes, key=lambda item: item.date, reverse=True)))


def rows(section: str) -> list[str]:
    return [line for line in section.splitlines() if line.startswith("| 2")]


# The section, rendered --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_recorded_groq_price_change_is_a_row_with_old_and_new_price(lang):
    groq = next(item for item in CATALOG.changes if item.provider.id == "groq"
                and item.model_id == "openai/gpt-oss-120b" and any(fact.fact == "output" for fact in item.facts))
    output = next(fact for fact in groq.facts if fact.fact == "output")
    section = html.unescape(price_history.markdown_table(CATALOG, OSS, lang))
    [row] = [line for line in rows(section) if 'href="#model-groq-openai-gpt-oss-120b"' in line]
    name = CATALOG.label("diff_field_output", lang)
    assert f"{name} {money(float(output.before), 'USD')} → {money(float(output.after), 'USD')}" in row
    assert row.startswith(f"| {groq.date.isoformat()} | ") and groq.source.url in row
    # The same entry's other facts (a new max output, tools) are not prices.
    assert CATALOG.label("diff_field_max_output", lang) not in row


def test_rows_are_newest_first_across_providers_and_only_price_facts_count():
    other = next(item for item in with_pages(CATALOG) if item.id != OSS.id)
    record = with_changes(
        change(OSS, "groq", "2026-09-01", "changed", FactChange("input", "USD", "0.2", "0.15")),
        change(OSS, "cerebras", "2026-10-05", "changed", FactChange("output", "USD", "0.8", "0.75")),
        change(OSS, "nebius", "2026-10-07", "changed", FactChange("context", None, "131000", "128000")),
        change(other, other.entries[0][0].id, "2026-10-09", "changed", FactChange("input", "USD", "1", "2")))
    section = price_history.markdown_table(record, OSS, "en")
    assert [row.split(" | ")[0] for row in rows(section)] == ["| 2026-10-05", "| 2026-09-01"]
    assert "Cerebras" in rows(section)[0] and "Groq" in rows(section)[1]


@pytest.mark.parametrize("lang, added", [("en", "Added: input price $0.10"), ("zh", "新增：输入价格 $0.10")])
def test_a_new_entry_shows_its_first_price_as_added(lang, added):
    record = with_changes(change(OSS, "groq", "2026-09-01", "added", FactChange("input", "USD", None, "0.1"),
                                 FactChange("context", None, None, "131072")))
    [row] = rows(html.unescape(price_history.markdown_table(record, OSS, lang)))
    assert added in row and "→" not in row


@pytest.mark.parametrize("lang, line", [("en", "page records no price change of this model yet."),
                                        ("zh", "页面尚未记录这个模型的价格变化。")])
def test_without_a_recorded_price_change_the_section_is_one_line(lang, line):
    record = with_changes(change(OSS, "groq", "2026-09-01", "changed", FactChange("max_output", None, "1", "2")))
    section = price_history.render_history(record, OSS, lang)
    heading, text = section.split("\n\n")
    assert heading.startswith("## ") and "{#price-history data-search-exclude}" in heading
    assert text.endswith(line) and "(/changes.md)" in text and "|" not in text


def test_catalog_text_in_the_history_is_escaped():
    provider, model = entry(OSS, "groq")
    hostile = dataclasses.replace(model, id="x<script>|y")
    served = dataclasses.replace(OSS, entries=((provider, hostile),))
    record = with_changes(Change(datetime.date(2026, 9, 1), provider, hostile.id, None, "changed",
                                 provider.sources[0], (FactChange("input", "USD", "1", "2"),)))
    section = price_history.markdown_table(record, served, "en")
    assert "<script>" not in section and "x&#60;script&#62;&#124;y" in section
    assert all(row.count(" | ") == 3 for row in rows(section))  # four cells: the | in the id did not split one
    table = price_history.table(record, served, "en")
    assert "<script>" not in table and table.count("<td>") == 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_joins_the_page_after_markdown_in_place_of_its_slot(lang):
    section = price_history.render_history(CATALOG, OSS, lang)
    assert "| " not in section and section.endswith(price_history.SLOT.format(slug=OSS.slug))
    built = model_page.fill_slot(f"<article>{section}</article>", CATALOG, lang)
    assert built.endswith(price_history.table(CATALOG, OSS, lang) + "</article>") and "-slot" not in built
    text = model_page.fill_markdown_slot(section, CATALOG, lang)  # llms-full.txt
    assert text.endswith(price_history.markdown_table(CATALOG, OSS, lang))


# The built pages ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_model_page_shows_its_history_linked_to_its_rows_and_the_change_page(site, lang):
    page = Page(site / LANG_ROOT[lang] / "models/gpt-oss-120b/index.html")
    start = page.source.index('id="price-history"')
    history = page.source[start:page.source.index("</table>", start)]
    anchors = re.findall(r'<a href="#([^"]+)">', history)
    assert len(anchors) == len(price_history.history(CATALOG, OSS)) > 0
    assert set(anchors) <= page.ids  # each provider leads to its row of the providers table above
    change_page = re.search(r'<a href="([^"]+)">[^<]+</a>', history).group(1)
    assert resolve(site, page.path, change_page) == site / LANG_ROOT[lang] / "changes/index.html"
    # Dates and amounts would answer "price" before the pages about prices: the section is not indexed.
    locations = [doc["location"] for doc in search_index(site, lang)["docs"]]
    assert not any(location.endswith("#price-history") for location in locations)


def test_a_model_page_without_recorded_price_changes_says_so_in_one_line(site):
    quiet = next(item for item in with_pages(CATALOG) if not any(
        change.provider is provider and change.model_id == model.id and change.endpoint == model.endpoint
        and any(fact.currency or fact.fact == "plan" for fact in change.facts)
        for provider, model in item.entries for change in CATALOG.changes))
    for lang, line in (("en", "records no price change of this model yet."),
                       ("zh", "页面尚未记录这个模型的价格变化。")):
        page = Page(site / LANG_ROOT[lang] / f"models/{quiet.slug}/index.html")
        after = page.source[page.source.index('id="price-history"'):]
        section = after[:after.index("<h2", 1)]
        assert line in html.unescape(re.sub(r"<[^>]+>", "", section)) and "<table>" not in section, quiet.slug
