"""A model's price history on its page: the price changes the change record (data/changes.yaml) holds for
every provider entry that serves it, newest first, as a small table; one line when the record has none."""

from __future__ import annotations

from catalog.entities import Catalog, Change, FactChange

from . import changefacts
from .changes import PAGE as CHANGE_PAGE, source_cell
from .models import model_anchor
from .served import Served
from .text import code, fill, inline

ANCHOR = "price-history"  # the same in both languages, so a link to the section survives a translation
COLUMNS = ("changes_col_date", "col_provider", "changes_col_facts", "changes_col_source")

_CACHE: dict = {}


def is_price(fact: FactChange) -> bool:
    """A price fact: an amount in a currency (input, output, cache, tiers) or the price plan."""
    return fact.currency is not None or fact.fact == "plan"


def price_changes(catalog: Catalog) -> dict[tuple, list[Change]]:
    """{(provider id, model id, endpoint): its changes with a price fact, newest first}, once per catalog."""
    cached = _CACHE.get("catalog")
    if cached is not None and cached[0] is catalog:
        return cached[1]
    index: dict[tuple, list[Change]] = {}
    for change in catalog.changes:  # newest first already (catalog/changelog.py)
        if any(is_price(fact) for fact in change.facts):
            index.setdefault((change.provider.id, change.model_id, change.endpoint), []).append(change)
    _CACHE["catalog"] = (catalog, index)
    return index


def history(catalog: Catalog, served: Served) -> list[tuple]:
    """(change, provider, model) for every recorded price change of the model's entries, newest first; on one
    day, in catalog order. A removed entry is no longer known to serve the model, so it has none here."""
    index = price_changes(catalog)
    rows = [(change, provider, model) for provider, model in served.entries
            for change in index.get((provider.id, model.id, model.endpoint), ())]
    return sorted(rows, key=lambda row: row[0].date, reverse=True)  # stable: same-day rows keep catalog order


def _cells(catalog: Catalog, change: Change, provider, model, lang: str) -> list[str]:
    # The provider links to its entry in the table above (which links on to the provider's own page).
    who = (f'<a href="#{model_anchor(provider, model)}">{inline(provider.title(lang))}</a>'
           f"<br><small>{code(model.id)}</small>")
    added = change.event == "added"
    facts = catalog.label("changes_fact_separator", lang).join(
        changefacts.describe(catalog, fact, lang, added) for fact in change.facts if is_price(fact))
    if added:  # the first price recorded, not a change of one: say so
        facts = catalog.label("fact_line", lang).format(label=changefacts.event(catalog, change, lang), value=facts)
    return [change.date.isoformat(), who, inline(facts), source_cell(catalog, change, lang)]


def table(catalog: Catalog, served: Served, lang: str) -> str:
    """The history as an HTML table (every cell is already HTML-safe: escaped text, entities and our tags)."""
    head = "".join(f"<th>{inline(catalog.label(key, lang))}</th>" for key in COLUMNS)
    rows = ["<tr>" + "".join(f"<td>{cell}</td>" for cell in _cells(catalog, *row, lang)) + "</tr>"
            for row in history(catalog, served)]
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def markdown_table(catalog: Catalog, served: Served, lang: str) -> str:
    """The same table in Markdown, for the text files (llms-full.txt)."""
    header = "| " + " | ".join(inline(catalog.label(key, lang)) for key in COLUMNS) + " |"
    rows = ["| " + " | ".join(_cells(catalog, *row, lang)) + " |" for row in history(catalog, served)]
    return "\n".join([header, "|---|---|---|---|", *rows])


# Like the providers table above it, the table joins the page after Markdown conversion (model_page.fill_slot):
# converting some 350 rows of Markdown per language cost about half a second of every build.
SLOT = '<div class="price-history-slot" data-model="{slug}"></div>'


def render_history(catalog: Catalog, served: Served, lang: str) -> str:
    """The section as Markdown: its heading, then the table's slot, or one line saying the record has none."""
    # Out of the search index: a section of dates and amounts on every model page would answer "price"
    # before the pages about prices.
    heading = f"## {inline(catalog.label('mp_h_history', lang))} {{#{ANCHOR} data-search-exclude}}"
    record = f"[{inline(catalog.label('changes_title', lang))}](/{CHANGE_PAGE})"
    if not history(catalog, served):
        return f"{heading}\n\n" + fill(catalog.label("mp_history_none", lang), {"record": record})
    intro = fill(catalog.label("mp_history_intro", lang), {"record": record})
    return f"{heading}\n\n{intro}\n\n" + SLOT.format(slug=served.slug)
