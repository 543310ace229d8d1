"""The "What changed" page: the retirement radar, then every recorded change, by provider, newest first."""

from __future__ import annotations

import datetime
import json
import re

from catalog.entities import Catalog, Change, Provider

from . import changefacts
from .memo import per_catalog
from .models import model_anchor
from .radar import UP, render_radar
from .served import page_link
from .text import attr, code, fill, inline

PAGE = "changes.md"  # docs-relative source of the page (a generated page, see docsite/changepage.py)
RECORD = "data/changes.yaml"  # where the page's entries come from, from the repository root
FEED = "feed.xml"  # the whole catalog's feed, beside the page (changes/feed.xml in each language)


def provider_feed(provider_id: str) -> str:
    """A provider's feed, relative to the change page's folder."""
    return f"feeds/{provider_id}.xml"


def section_anchor(provider: Provider) -> str:
    return f"changes-{provider.id}"


# The tables join the page after Markdown conversion (the `on_post_page` hook), as the model pages' do:
# Markdown had nothing to convert in ~1,600 rows of HTML-safe cells, and re-reading them cost about a
# second per language. The rows stay out of search either way (their section is excluded).
SLOT = '<div class="changes-slot" data-provider="{id}"></div>'
_SLOT = re.compile(r'<div class="changes-slot" data-provider="([a-z0-9-]+)"></div>')


def _model_cell(catalog: Catalog, change: Change, lang: str) -> str:
    model = change.model()
    if model is None:
        return f"{code(change.model_id)} {inline(catalog.label('changes_model_gone', lang))}"
    # The provider page beside this one in the same language folder (directory URLs: changes/ → providers/x/).
    row = f'{UP}providers/{attr(change.provider.id)}/#{attr(model_anchor(change.provider, model))}'
    return f'<a href="{row}">{code(model.id)}</a>' + page_link(catalog, model, lang, UP)


def source_cell(catalog: Catalog, change: Change, lang: str) -> str:
    """The page the entry's facts were taken from, linked, with the date of its snapshot where it has one."""
    source = change.source
    cell = f'<a href="{attr(source.url)}">{inline(source.title(lang))}</a>'
    if source.date:
        cell += " " + fill(catalog.label("source_snapshot", lang), {"date": source.date.isoformat()})
    return cell


def change_row(catalog: Catalog, change: Change, lang: str) -> str:
    """One entry as an HTML table row: date, model, event, facts, source (every cell already HTML-safe:
    escaped text, entities and our tags)."""
    facts = inline(changefacts.summary(catalog, change, lang)) or "—"
    cells = [change.date.isoformat(), _model_cell(catalog, change, lang),
             inline(changefacts.event(catalog, change, lang)), facts, source_cell(catalog, change, lang)]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def change_table(catalog: Catalog, changes: list, lang: str) -> str:
    """A provider's entries as an HTML table, newest first."""
    keys = ("changes_col_date", "changes_col_model", "changes_col_event", "changes_col_facts", "changes_col_source")
    head = "".join(f"<th>{inline(catalog.label(key, lang))}</th>" for key in keys)
    rows = "\n".join(change_row(catalog, change, lang) for change in changes)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"


def _provider_section(catalog: Catalog, provider: Provider, lang: str) -> str:
    feed = (f'<a href="{provider_feed(provider.id)}" type="application/atom+xml">'
            f'{inline(catalog.label("changes_feed", lang))}</a>')
    # Kept out of the search index: hundreds of rows of ids and numbers would outweigh the pages that
    # describe the models (the radar above stays searchable).
    heading = f"## {inline(provider.title(lang))} {{#{section_anchor(provider)} data-search-exclude}}"
    return f"{heading}\n\n{feed}\n\n" + SLOT.format(id=provider.id)


def fill_slots(html: str, catalog: Catalog, lang: str) -> str:
    """A built page with each provider's table of changes in place of its slot; other pages unchanged."""
    if 'class="changes-slot"' not in html:
        return html
    return _SLOT.sub(lambda match: provider_table(catalog, match[1], lang), html)


@per_catalog
def provider_table(catalog: Catalog, provider_id: str, lang: str) -> str:
    """The table of one provider's changes, newest first."""
    return change_table(catalog, [change for change in catalog.changes if change.provider.id == provider_id], lang)


def by_provider(catalog: Catalog) -> list[tuple[Provider, list]]:
    """Providers with recorded changes, in catalog order, each with its changes newest first."""
    return [(provider, [change for change in catalog.changes if change.provider is provider])
            for provider in catalog.providers if any(change.provider is provider for change in catalog.changes)]


def _provider_index(catalog: Catalog, sections: list, lang: str) -> str:
    items = [f"- [{inline(provider.title(lang))}](#{section_anchor(provider)}) — "
             + inline(catalog.label("changes_provider_count", lang).format(count=len(changes)))
             for provider, changes in sections]
    return f"## {inline(catalog.label('changes_by_provider', lang))}\n\n" + "\n".join(items)


def _latest(catalog: Catalog, lang: str) -> str:
    day = catalog.changes[0].date
    latest = [change for change in catalog.changes if change.date == day]
    return fill(catalog.label("changes_latest", lang), {
        "date": day.isoformat(), "models": str(len(latest)),
        "providers": str(len({change.provider.id for change in latest}))})


def render_page(catalog: Catalog, lang: str, today: datetime.date) -> str:
    """The whole page as Markdown."""
    return _render_page(catalog, lang, today.isoformat())


@per_catalog
def _render_page(catalog: Catalog, lang: str, day: str) -> str:
    """render_page for a day written as an ISO date (a plain value, so the result can be saved)."""
    today = datetime.date.fromisoformat(day)
    # Front matter: the description names the page in its head and in llms.txt, as docs pages' do.
    blocks = [f"---\ndescription: {json.dumps(catalog.label('changes_description', lang), ensure_ascii=False)}\n---",
              f"# {inline(catalog.label('changes_title', lang))}", inline(catalog.label("changes_intro", lang))]
    if not catalog.changes:
        blocks += [render_radar(catalog, lang, today), inline(catalog.label("changes_none", lang))]
        return "\n\n".join(blocks) + "\n"
    feed = f'<a href="{FEED}" type="application/atom+xml">{inline(catalog.label("changes_feed", lang))}</a>'
    blocks += [_latest(catalog, lang), fill(catalog.label("changes_feeds", lang), {"feed": feed}),
               render_radar(catalog, lang, today)]
    sections = by_provider(catalog)
    blocks.append(_provider_index(catalog, sections, lang))
    blocks += [_provider_section(catalog, provider, lang) for provider, _ in sections]
    return "\n\n".join(blocks) + "\n"

