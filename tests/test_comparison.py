"""The comparison page of the real site, in both languages: every model with the catalog's numbers,
unique anchors, deep links both ways, and a complete table without JavaScript."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import catalog
from conftest import ROOT
from render.models import comparison_anchor, model_anchor
from render.text import collation_key, money, tokens
from sitecheck import Page, resolve, search_index

CATALOG = catalog.load(ROOT / "data", ROOT)
ALL_MODELS = [(provider, model) for provider in CATALOG.providers for model in provider.models]
LANG_ROOT = {"en": "", "zh": "zh/"}


class ComparisonTable(HTMLParser):
    """Rows of #cmp-table: their attributes, the text of each cell and the links in each cell."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, dict] = {}
        self._row = self._cell = None
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and (attributes.get("id") or "").startswith("cmp-"):
            self._row = {"attrs": attributes, "cells": [], "links": []}
            self.rows[attributes["id"]] = self._row
        elif tag == "td" and self._row is not None:
            self._cell = []
            self._row["cells"].append(self._cell)
            self._row["links"].append([])
        elif tag == "a" and self._row is not None:
            self._row["links"][-1].append(attributes["href"])
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def cell(self, anchor: str, index: int) -> str:
        return "".join(self.rows[anchor]["cells"][index]).strip()


def compare_page(site: Path, lang: str) -> Path:
    return site / LANG_ROOT[lang] / "compare/index.html"


@pytest.fixture(scope="module")
def tables(site):
    return {lang: ComparisonTable(compare_page(site, lang).read_text(encoding="utf-8")) for lang in LANG_ROOT}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_catalog_model_has_one_row(tables, lang):
    expected = [comparison_anchor(provider, model) for provider, model in ALL_MODELS]
    assert len(expected) == len(set(expected)), "two models share a comparison anchor"
    assert sorted(tables[lang].rows) == sorted(expected)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rows_show_and_carry_the_catalog_numbers(tables, lang):
    table = tables[lang]
    for provider, model in ALL_MODELS:
        anchor = comparison_anchor(provider, model)
        attrs = table.rows[anchor]["attrs"]
        assert (attrs["data-context"], attrs["data-max-output"]) == (str(model.context), str(model.max_output)), anchor
        shown = (table.cell(anchor, 3), table.cell(anchor, 4))
        assert shown == (tokens(model.context), tokens(model.max_output)), anchor
        assert attrs["data-model"] == model.id and attrs["data-plan"] == model.price.plan
        if model.price.plan == "per-token":
            currency = model.price.currency
            base = model.price.tiers[0] if model.price.tiers else model.price  # a tier per line, smallest first
            assert float(attrs["data-input"]) == base.input and float(attrs["data-output"]) == base.output, anchor
            assert attrs["data-currency"] == currency
            assert table.cell(anchor, 5).split()[0] == money(base.input, currency), anchor
            assert table.cell(anchor, 6).split()[0] == money(base.output, currency), anchor
        assert attrs["data-capabilities"].split() == list(model.capabilities)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ids_on_the_page_are_unique(site, lang):
    source = compare_page(site, lang).read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', source)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rows_link_to_the_model_on_its_provider_page(site, tables, lang):
    page = compare_page(site, lang)
    for provider, model in ALL_MODELS:
        href = tables[lang].rows[comparison_anchor(provider, model)]["links"][1][0]
        target = resolve(site, page, href)
        assert target == site / LANG_ROOT[lang] / f"providers/{provider.id}/index.html", href
        assert href.endswith("#" + model_anchor(provider, model))
        assert model_anchor(provider, model) in Page(target).ids


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_pages_link_back_to_their_rows(site, tables, lang):
    for provider in CATALOG.providers:
        page = Page(site / LANG_ROOT[lang] / f"providers/{provider.id}/index.html")
        backlinks = {link["href"] for link in page.links if "#cmp-" in (link.get("href") or "")}
        assert len(backlinks) == len(provider.models), provider.id
        for href in backlinks:
            assert resolve(site, page.path, href) == compare_page(site, lang)
            assert href.split("#")[1] in tables[lang].rows


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_the_table_is_complete_and_the_form_hidden(site, tables, lang):
    source = compare_page(site, lang).read_text(encoding="utf-8")
    assert re.search(r'<form [^>]*id="cmp-filters"[^>]*hidden', source)
    order = list(tables[lang].rows)  # document order, as served
    # Providers by title as the reader's language sorts them (Chinese by pinyin), then model id.
    expected = sorted(ALL_MODELS, key=lambda row: (collation_key(row[0].title(lang)), row[1].id.casefold(),
                                                   row[1].endpoint or ""))
    assert order == [comparison_anchor(provider, model) for provider, model in expected]
    assert re.search(r'<script src="(\.\./)+javascripts/compare\.js"></script>', source)


def test_the_script_is_served_by_the_site_and_holds_no_language(site):
    script = (site / "javascripts/compare.js").read_text(encoding="utf-8")
    assert "replaceState" in script and "aria-sort" in script
    assert not re.search(r"[\u4e00-\u9fff]", script) and "Showing" not in script


def test_search_index_leaves_out_the_table(site):
    docs = search_index(site, "en")["docs"] + search_index(site, "zh")["docs"]
    texts = [doc["text"] for doc in docs if doc["location"].startswith(("compare/", "zh/compare/"))]
    model_id = ALL_MODELS[-1][1].id
    assert texts and not any(model_id in text for text in texts)
