"""One search entry per model and language, so a model id typed into the search box finds the pages
that list it.

Material's search splits an id such as `llama-3.3-70b-versatile` into words (llama, 3.3, 70b,
versatile), matches any of them and ranks by how often a page uses them: a page that mentions
"Llama 3.3" a dozen times outranked the one page that lists the exact id. An entry titled with the
id (titles weigh 1000 times the text) puts the pages that list the model first. A model that several
providers serve has its own page listing all of them: its entries lead there, one per id it goes by, to
the first row with that id; any other model's entry leads to its row on its provider's page.
"""

from __future__ import annotations

from catalog.entities import Catalog, Model, Provider
from render.models import model_anchor
from render.memo import per_catalog
from render.served import remembered, served_of
from render.text import html_text

from . import languages


def page_location(provider_id: str, lang: str, default: str) -> str:
    return languages.folder(lang, default) + f"providers/{provider_id}/"


def model_page_location(slug: str, lang: str, default: str) -> str:
    return languages.folder(lang, default) + f"models/{slug}/"


@per_catalog
def entry_rows(catalog: Catalog, lang: str, default: str) -> dict[str, list[tuple[Provider, Model]]]:
    """Entry location -> the rows it stands for: one row of a provider page, or every row of a model page that
    goes by one id (the entry leads to the first of them)."""
    rows: dict[str, list] = {}
    for provider in catalog.providers:
        for model in provider.models:
            served = served_of(catalog, model)
            if served.has_page:
                first = _first_rows(served)[model.id]
                location = model_page_location(served.slug, lang, default) + f"#{model_anchor(*first)}"
            else:
                location = page_location(provider.id, lang, default) + f"#{model_anchor(provider, model)}"
            rows.setdefault(location, []).append((provider, model))
    return rows


@remembered
def _first_rows(served) -> dict:
    """Model id -> the first of the model page's rows that goes by it (a page of 100 rows asked 100 times)."""
    first: dict = {}
    for entry in served.entries:
        first.setdefault(entry[1].id, entry)
    return first


def model_entries(catalog: Catalog, lang: str, default: str) -> dict[str, list[dict]]:
    """Page location -> its model entries: titled with the id, the model's name and providers as text."""
    return {page: [{"location": location, "title": title, "text": text} for location, title, text in entries]
            for page, entries in _model_entries(catalog, lang, default)}


@per_catalog
def _model_entries(catalog: Catalog, lang: str, default: str) -> tuple:
    """model_entries as plain tuples ((page, ((location, title, text), ...)), ...), which can be saved."""
    entries: dict[str, list] = {}
    for location, rows in entry_rows(catalog, lang, default).items():
        providers = ", ".join(dict.fromkeys(provider.title(lang) for provider, _ in rows))
        # Material shows titles and texts of the index as HTML, so catalog text is escaped for it.
        model = rows[0][1]
        entries.setdefault(location.split("#")[0], []).append(
            (location, html_text(model.id), html_text(f"{model.name} · {providers}")))
    return tuple((page, tuple(items)) for page, items in entries.items())


def add_model_entries(index: dict, catalog: Catalog, languages: list[str], default: str) -> None:
    """Put the model entries into the merged index (static-i18n's, of all languages), after each provider
    page's own entries.

    Material groups a page's sections under the first entry of that page, so the new entries follow
    the page's entries; pages that are not in the index (not built) get none.
    """
    present = {doc["location"] for doc in index["docs"]}
    extra: dict[str, list[dict]] = {}
    for lang in languages:
        for page, entries in model_entries(catalog, lang, default).items():
            extra[page] = [entry for entry in entries if entry["location"] not in present]
    docs, last_of_page = [], {}
    for doc in index["docs"]:
        docs.append(doc)
        last_of_page[doc["location"].split("#")[0]] = len(docs)
    for page, at in sorted(last_of_page.items(), key=lambda item: -item[1]):
        docs[at:at] = extra.get(page, [])
    index["docs"] = docs
