"""llms.txt and llms-full.txt of one language, from the pages that language's build rendered.

Guides (hand-written pages) come first in build order, then providers grouped by kind as in the
navigation, then the model pages, then the data files; the `Optional` section points at the full text and the other
languages' lists. Descriptions are the pages' front-matter `description:` or the provider summary.
"""

from __future__ import annotations

import html
from types import SimpleNamespace

from catalog.entities import Catalog
from catalog.specs import PROVIDER_KINDS
from render import changes, comparison, llms, markers, model_page
from render.memo import per_catalog
from render.text import collation_key, fill, llms_text, substitute

from . import exports  # exports imports this module too: its names are looked up at call time
from .pages import provider_id_of

INDEX, FULL = "llms.txt", "llms-full.txt"
MODELS = "models"  # the group of the model pages and their index


def comparison_pointer(catalog: Catalog, lang: str) -> str:
    """The comparison in the full text: where its rows are, instead of a table that repeats every provider's
    models table (almost a fifth of the file, and as long again to render)."""
    return fill(catalog.label("llms_comparison", lang), {"data": f"[{comparison.DATA_FILE}]({comparison.DATA_FILE})"})


# No script runs in the full text: the comparison's table would be the provider tables again.
PLAIN_MARKERS = {"comparison": comparison_pointer}


def page_entry(catalog: Catalog, page, markdown: str, lang: str, urls) -> tuple[str | None, llms.PageEntry]:
    """One page as the llms files list it, and its group: the provider kind, or None for a guide."""
    provider_id = provider_id_of(page.file.src_uri)
    provider = catalog.provider(provider_id) if provider_id else None
    description = llms_text(provider.summary(lang)) if provider else page.meta.get("description")
    if description and not provider and page.file.src_uri.startswith("models/"):
        # Set escaped for the page's <meta> (docsite/modelpages.py): back to text, then to llms text.
        description = llms_text(html.unescape(description))
    if page.file.src_uri.split(".")[0] == changes.PAGE.removesuffix(".md"):
        return None, llms.PageEntry(llms_text(html.unescape(page.title)), urls.site_url + page.url, description,
                                    change_pointer(catalog, urls.site_url + page.url, lang))
    plain = plain_text(catalog, page.file.src_uri, page.url, markdown, page.markdown, lang, urls.site_url,
                       urls.default)
    title = llms_text(provider.title(lang) if provider else html.unescape(page.title))
    group = provider.kind if provider else MODELS if page.file.src_uri.startswith("models/") else None
    return group, llms.PageEntry(title, urls.site_url + page.url, description, plain)


@per_catalog
def plain_text(catalog: Catalog, src_uri: str, url: str, markdown: str, converted: str, lang: str, site_url: str,
               default: str) -> str:
    """A page's text for llms-full.txt, from its source Markdown and the Markdown the build converted (markers
    expanded, notices added): a function of these, the catalog and where the site lives."""
    # Only a page with the comparison is expanded again, from its source, to put the pointer in its place.
    plain_table = "comparison" in markers.sections_in(markdown)
    expanded = markers.expand(markdown, catalog, lang, PLAIN_MARKERS) if plain_table else converted
    expanded = model_page.fill_markdown_slot(expanded, catalog, lang)  # a model page's table, as Markdown
    urls, place = exports.Urls(site_url, default), SimpleNamespace(url=url, file=SimpleNamespace(src_uri=src_uri))
    return llms.plain_markdown(expanded, lambda target: urls.resolve(lang, place, target))


def change_pointer(catalog: Catalog, page_url: str, lang: str) -> str:
    """The change page's text in llms-full.txt: one line pointing at the page and its feed (the whole record,
    a sixth of the file and growing with every sync, would crowd out the pages a tool reads it for)."""
    values = {"page": page_url, "feed": page_url + changes.FEED}
    return substitute(llms_text(catalog.label("llms_changes", lang)), values)


def grouped(entries: list) -> list[tuple[str | None, list[llms.PageEntry]]]:
    """Guides in build order, then each provider kind's pages by title, then the model pages by title."""
    groups = [(None, [entry for group, entry in entries if group is None])]
    for kind in (*PROVIDER_KINDS, MODELS):
        members = sorted((entry for group, entry in entries if group == kind),
                         key=lambda entry: collation_key(entry.title.replace("\\", "")))  # titles are escaped
        groups.append((kind, members))
    return groups


def render(state: dict, lang: str, languages: list[str], urls, data_urls: dict) -> dict[str, str]:
    """{file name: text} for this language's folder of the site."""
    catalog = state["catalog"]
    label = lambda key: llms_text(catalog.label(key, lang))  # noqa: E731
    name, summary = state["site_text"][lang]
    site = llms.SiteText(name, summary, label("llms_about"))
    entries = [page_entry(catalog, page, markdown, lang, urls) for page, markdown in state["pages"][lang].values()]
    groups = grouped(entries)
    sections = [(label("llms_guides") if kind is None else label("nav_models") if kind == MODELS
                 else label("kind_" + kind.replace("-", "_") + "_plural"),
                 [(entry.title, entry.url, entry.description) for entry in members]) for kind, members in groups]
    sections.append((label("llms_data"), [(label("llms_catalog"), data_urls["catalog"], label("llms_catalog_about")),
                                          (label("llms_schema"), data_urls["schema"], label("llms_schema_about"))]))
    # "Optional" is the convention's own section name, kept in English in every language.
    optional = [(label("llms_full"), urls.page(lang, FULL), label("llms_full_about"))]
    optional += [(label("llms_other"), urls.page(other, INDEX), label("llms_other_about"))
                 for other in languages if other != lang]  # two languages: "the other" names itself
    sections.append(("Optional", optional))
    pages = [entry for _, members in groups for entry in members]
    return {INDEX: llms.render_index(site, sections), FULL: llms.render_full(site, pages)}
