"""The comparison page of the real site, in both languages: every model in its models.json with the
catalog's numbers, the first page of rows in the HTML, unique anchors, deep links both ways, links to
every provider's table without JavaScript, and the script on this page only, minified."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rjsmin
from urllib.parse import unquote

import catalog
from conftest import ROOT
from render.comparison import PAGE_SIZE
from render.models import comparison_anchor
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


def compare_data(site: Path, lang: str) -> dict:
    """models.json beside the page, its rows as dicts keyed by the document's field names."""
    document = json.loads((compare_page(site, lang).parent / "models.json").read_text(encoding="utf-8"))
    document["records"] = [dict(zip(document["fields"], row)) for row in document["rows"]]
    for entry in document["records"]:
        entry["source"] = document["sources"][entry["source"]]  # addresses are listed once
    return document


@pytest.fixture(scope="module")
def tables(site):
    return {lang: ComparisonTable(compare_page(site, lang).read_text(encoding="utf-8")) for lang in LANG_ROOT}


@pytest.fixture(scope="module")
def documents(site):
    return {lang: compare_data(site, lang) for lang in LANG_ROOT}


def expected_order(lang: str) -> list[str]:
    # Providers by title as the reader's language sorts them (Chinese by pinyin), then model id.
    ordered = sorted(ALL_MODELS, key=lambda row: (collation_key(row[0].title(lang)), row[1].id.casefold(),
                                                  row[1].endpoint or ""))
    return [comparison_anchor(provider, model) for provider, model in ordered]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_catalog_model_is_one_record_and_the_page_holds_the_first_ones(documents, tables, lang):
    anchors = ["cmp-" + entry["anchor"] for entry in documents[lang]["records"]]
    assert len(anchors) == len(set(anchors)), "two models share a comparison anchor"
    assert anchors == expected_order(lang)
    assert list(tables[lang].rows) == anchors[:PAGE_SIZE]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_records_and_rows_carry_the_catalog_numbers(documents, tables, lang):
    columns = documents[lang]["columns"]
    records = {"cmp-" + entry["anchor"]: entry for entry in documents[lang]["records"]}
    for provider, model in ALL_MODELS:
        anchor = comparison_anchor(provider, model)
        entry = records[anchor]
        values, cells = dict(zip(columns, entry["sort"])), dict(zip(columns, entry["cells"]))
        assert (values["context"], values["max-output"]) == (model.context, model.max_output), anchor
        assert (cells["context"], cells["max-output"]) == (tokens(model.context), tokens(model.max_output)), anchor
        assert entry["model"] == model.id and entry["plan"] == model.price.plan
        assert entry["source"] == model.source.url and entry["verified"] == model.verified.isoformat()
        if model.price.plan == "per-token":
            base = model.price.tiers[0] if model.price.tiers else model.price  # a tier per line, smallest first
            assert (values["input"], values["output"]) == (base.input, base.output), anchor
            assert entry["currency"] == model.price.currency
            assert cells["input"].split()[0] == money(base.input, model.price.currency), anchor
        assert entry["capabilities"].split() == list(model.capabilities)
        if anchor in tables[lang].rows:  # the first page shows the same lines
            assert tables[lang].cell(anchor, columns.index("context")) == tokens(model.context)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ids_on_the_page_are_unique(site, lang):
    source = compare_page(site, lang).read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', source)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rows_link_to_the_model_on_its_provider_page(site, documents, tables, lang):
    page = compare_page(site, lang)
    providers = documents[lang]["providers"]
    for entry in documents[lang]["records"]:
        # What the script writes, and the first page holds: ../providers/<id>/#model-<anchor>
        href = f"../providers/{providers[entry['provider']][0]}/#model-{entry['anchor']}"
        target = resolve(site, page, href)
        assert "model-" + entry["anchor"] in Page(target).ids, href
        if "cmp-" + entry["anchor"] in tables[lang].rows:
            assert tables[lang].rows["cmp-" + entry["anchor"]]["links"][1][0] == href


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_pages_link_back_to_their_rows(site, documents, lang):
    anchors = {"cmp-" + entry["anchor"] for entry in documents[lang]["records"]}
    for provider in CATALOG.providers:
        page = Page(site / LANG_ROOT[lang] / f"providers/{provider.id}/index.html")
        backlinks = {link["href"] for link in page.links if "#cmp-" in (link.get("href") or "")}
        assert len(backlinks) == len(provider.models), provider.id
        for href in backlinks:
            assert resolve(site, page.path, href) == compare_page(site, lang)
            assert href.split("#")[1] in anchors  # the script brings that row into view


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_javascript_the_first_page_and_every_provider_table(site, lang):
    page = compare_page(site, lang)
    source = page.read_text(encoding="utf-8")
    assert re.search(r'<form [^>]*id="cmp-filters"[^>]*hidden', source)
    noscript = re.search(r"<noscript>(.*?)</noscript>", source, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">', noscript)
    assert len(links) == len([provider for provider in CATALOG.providers if provider.models])
    for href in links:
        path, anchor = href.split("#")
        assert unquote(anchor) in Page(resolve(site, page, path)).ids, href


def test_the_script_loads_on_the_comparison_page_only_and_is_minified(site):
    for lang in LANG_ROOT:
        source = compare_page(site, lang).read_text(encoding="utf-8")
        assert re.search(r'<script src="(\.\./)+javascripts/compare\.js"></script>', source)
        assert "compare.js" not in (site / LANG_ROOT[lang] / "providers/groq/index.html").read_text(encoding="utf-8")
        # The head asks for the very file the table's script fetches, once.
        source_of = re.search(r'data-src="([^"]+)"', source)[1]
        assert re.findall(r'<link rel="preload" href="([^"]+)"', source) == [source_of]
        assert source.index('rel="preload"') < source.index("</head>")
    served = (site / "javascripts/compare.js").read_text(encoding="utf-8")
    # One request: the task-cost formula first, then the comparison script, minified together.
    written = "\n".join((ROOT / "docs/javascripts" / name).read_text(encoding="utf-8")
                        for name in ("taskcost.js", "compare.js"))
    assert served == rjsmin.jsmin(written) and len(served) < 0.7 * len(written)
    assert "TaskCost" in served and not (site / "javascripts/taskcost.js").exists()
    assert "replaceState" in served and "aria-sort" in served
    assert not re.search(r"[\u4e00-\u9fff]", served) and "Showing" not in served


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_data_is_inert_and_in_the_page_language(site, documents, lang):
    text = (compare_page(site, lang).parent / "models.json").read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text
    assert documents[lang]["lang"] == lang
    groq = next(entry for entry in documents[lang]["providers"] if entry[0] == "groq")
    assert groq[1] == CATALOG.provider("groq").title(lang)


def test_search_index_leaves_out_the_table(site):
    docs = search_index(site, "en")["docs"] + search_index(site, "zh")["docs"]
    texts = [doc["text"] for doc in docs if doc["location"].startswith(("compare/", "zh/compare/"))]
    model_id = ALL_MODELS[-1][1].id
    assert texts and not any(model_id in text for text in texts)
