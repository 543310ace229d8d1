"""Where a model appears, it leads to its own page when it has one (issue 17): the search entries, the change
page's rows and radar, and the provider rows in llms-full.txt, in both languages. Provider tables, the comparison
page and the export are checked in test_model_pages.py and test_exports.py."""

from __future__ import annotations

import re

import pytest

import catalog
from conftest import ROOT
from render.comparison_data import ordered_rows
from render.models import model_anchor
from render.served import served_models, served_of
from sitecheck import resolve, search_index

CATALOG = catalog.load(ROOT / "data", ROOT)
LANG_ROOT = {"en": "", "zh": "zh/"}
OSS = served_models(CATALOG)["gpt-oss-120b"]
MODEL_LINK = re.compile(r'<small class="model-page-link"><a href="([^"]+)"')


def ids_of(site, location: str) -> set[str]:
    page = site / location.split("#")[0] / "index.html"
    return set(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_model_with_a_page_is_found_there_under_every_id_it_goes_by(site, lang):
    docs = search_index(site, lang)["docs"]
    page = f"{LANG_ROOT[lang]}models/{OSS.slug}/"
    on_page = {doc["title"]: doc for doc in docs if doc["location"].startswith(page + "#model-")}
    assert set(on_page) == {model.id for _, model in OSS.entries}
    groq = on_page["openai/gpt-oss-120b"]  # one entry for the id four providers share, naming all four
    sharing = [provider.title(lang) for provider, model in OSS.entries if model.id == "openai/gpt-oss-120b"]
    assert len(sharing) > 1 and all(name in groq["text"] for name in sharing)
    assert not any(doc["location"].startswith(f"{LANG_ROOT[lang]}providers/groq/#model-groq-openai-gpt-oss-120b")
                   for doc in docs)  # the provider row is no longer a search entry of its own
    # Material groups a page's entries under its first one: the model entries follow the page's own.
    positions = [at for at, doc in enumerate(docs) if doc["location"].startswith(page)]
    assert docs[positions[0]]["location"] == page and positions == list(range(positions[0], positions[-1] + 1))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_model_entry_leads_to_a_row_that_exists(site, lang):
    entries = [doc for doc in search_index(site, lang)["docs"] if "#model-" in doc["location"]]
    pages: dict[str, set] = {}
    for doc in entries:
        page = doc["location"].split("#")[0]
        assert doc["location"].split("#")[1] in pages.setdefault(page, ids_of(site, page)), doc["location"]
    single = next(model for _, model in (item.entries[0] for item in served_models(CATALOG).values()
                                         if not item.has_page))
    assert any(doc["title"] == single.id and "/models/" not in "/" + doc["location"] for doc in entries)
    assert len({doc["location"] for doc in entries}) == len(entries)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_change_page_rows_link_the_model_page_where_it_has_one(site, lang):
    page = site / LANG_ROOT[lang] / "changes/index.html"
    source = page.read_text(encoding="utf-8")
    links = MODEL_LINK.findall(source)
    for href in links:
        assert resolve(site, page, href).is_file(), href
    # One link per recorded change of a listed model that has a page, and per such model on the radar.
    rows = [line for line in source.split("<tr>") if "#model-" in line]
    with_page = [row for row in rows if "model-page-link" in row]
    assert len(links) == len(with_page) and len(with_page) >= sum(
        1 for change in CATALOG.changes if change.model() and served_of(CATALOG, change.model()).has_page)
    groq_oss = next(row for row in rows if 'href="../providers/groq/#model-groq-openai-gpt-oss-120b"' in row)
    assert f'href="../models/{OSS.slug}/"' in groq_oss


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_llms_full_points_at_the_comparison_data_and_keeps_every_row_with_its_model_page(site, lang):
    text = (site / LANG_ROOT[lang] / "llms-full.txt").read_text(encoding="utf-8")
    base = re.search(r"^URL: (\S+?)(?:zh/)?compare/$", text, re.M).group(1)
    start = text.index(f"URL: {base}{LANG_ROOT[lang]}compare/")
    comparison = text[start:text.index("\n---\n", start)]
    assert f"]({base}{LANG_ROOT[lang]}compare/models.json)" in comparison
    assert not [line for line in comparison.splitlines() if line.startswith("| ")]  # no table of its own
    # Every row is in its provider's section, leading to the comparison and to the model's page when it has one.
    lines = {}
    for line in text.splitlines():
        for anchor in re.findall(r"/compare/#cmp-([^)\s]+)\)", line):
            lines.setdefault(anchor, line)
    for provider, model in ordered_rows(CATALOG, lang):
        row = lines[model_anchor(provider, model).removeprefix("model-")]
        served = served_of(CATALOG, model)
        assert (f"]({base}{LANG_ROOT[lang]}models/{served.slug}/)" in row) == served.has_page, row
