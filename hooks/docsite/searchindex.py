"""One search entry per model and language, so a model id typed into the search box finds the pages
that list it.

Material's search splits an id such as `llama-3.3-70b-versatile` into words (llama, 3.3, 70b,
versatile), matches any of them and ranks by how often a page uses them: a page that mentions
"Llama 3.3" a dozen times outranked the one page that lists the exact id. An entry titled with the
id (titles weigh 1000 times the text), pointing at the model's row of its provider page, puts the
pages that list the model first, and the result leads the reader straight to the row.
"""

from __future__ import annotations

import json
from pathlib import Path

from catalog.entities import Catalog
from render.models import model_anchor
from render.text import html_text

from . import languages


def page_location(provider_id: str, lang: str, default: str) -> str:
    return languages.folder(lang, default) + f"providers/{provider_id}/"


def model_entries(catalog: Catalog, lang: str, default: str) -> dict[str, list[dict]]:
    """Page location -> an entry per model of that provider page (the row's id and the model's name)."""
    entries = {}
    for provider in catalog.providers:
        page = page_location(provider.id, lang, default)
        # Material shows titles and texts of the index as HTML, so catalog text is escaped for it.
        entries[page] = [{"location": f"{page}#{model_anchor(provider, model)}", "title": html_text(model.id),
                          "text": html_text(f"{model.name} · {provider.title(lang)}")} for model in provider.models]
    return entries


def add_model_entries(site_dir: Path, catalog: Catalog, languages: list[str], default: str) -> None:
    """Rewrite search/search_index.json with the model entries after each provider page's own entries.

    Material groups a page's sections under the first entry of that page, so the new entries follow
    the page's entries; pages that are not in the index (not built) get none. Run after static-i18n
    has written the merged index of all languages.
    """
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
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
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
