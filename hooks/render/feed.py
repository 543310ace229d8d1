"""Atom feeds of recorded catalog changes (RFC 4287), one language each: every catalog string is escaped
for XML on its way in (text.xml)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from catalog.entities import Catalog, Change

from . import changefacts
from .models import model_anchor
from .text import xml

ENTRY_LIMIT = 250  # newest entries per feed: readers poll the whole file, and older news is on the page


@dataclass(frozen=True)
class FeedPlace:
    """Where a feed and the pages it links to live: absolute addresses in the feed's language."""

    lang: str
    site_name: str
    feed_url: str  # the feed itself (rel="self")
    page_url: str  # the change page (rel="alternate")
    language_root: str  # the site root of this language, e.g. https://example.org/zh/


def _day(change: Change) -> str:
    return change.date.isoformat() + "T00:00:00Z"


def _entry_url(change: Change, place: FeedPlace) -> str:
    """The model's row on its provider page, or the change page when the model is no longer listed."""
    model = change.model()
    if model is None:
        return place.page_url + f"#changes-{change.provider.id}"
    return f"{place.language_root}providers/{change.provider.id}/#{model_anchor(change.provider, model)}"


def _entry_id(change: Change, place: FeedPlace) -> str:
    # Stable across builds and unique per language: readers mark entries read by id.
    key = f"{place.language_root}|{change.date}|{change.provider.id}|{change.endpoint}|{change.model_id}|{change.event}"
    return uuid.uuid5(uuid.NAMESPACE_URL, key).urn


def entry(catalog: Catalog, change: Change, place: FeedPlace) -> str:
    """One change as an Atom entry: title, link to the model's row, and the facts as text."""
    lang = place.lang
    title = catalog.label("changes_entry_title", lang).format(
        provider=change.provider.title(lang), model=change.model_id, event=changefacts.event(catalog, change, lang))
    source = change.source.title(lang) + (f" ({change.source.date.isoformat()})" if change.source.date else "")
    facts = changefacts.summary(catalog, change, lang)
    body = f"{facts}\n{catalog.label('changes_col_source', lang)}: {source}" if facts else \
        f"{catalog.label('changes_col_source', lang)}: {source}"
    return (f"  <entry>\n    <id>{_entry_id(change, place)}</id>\n    <title>{xml(title)}</title>\n"
            f"    <updated>{_day(change)}</updated>\n"
            f'    <link rel="alternate" type="text/html" href="{xml(_entry_url(change, place))}"/>\n'
            f'    <link rel="related" href="{xml(change.source.url)}"/>\n'
            f'    <category term="{xml(change.provider.id)}" label="{xml(change.provider.title(lang))}"/>\n'
            f"    <summary>{xml(body)}</summary>\n  </entry>\n")


def render_feed(catalog: Catalog, changes: list, title: str, place: FeedPlace) -> str:
    """A complete Atom document of the newest `ENTRY_LIMIT` changes; `updated` is the newest entry's day, so
    an unchanged record gives an unchanged feed."""
    changes = list(changes)[:ENTRY_LIMIT]
    updated = _day(changes[0]) if changes else "1970-01-01T00:00:00Z"
    subtitle = catalog.label("changes_feed_subtitle", place.lang)
    head = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:lang="{xml(place.lang)}">\n  <id>{xml(place.feed_url)}</id>\n  <title>{xml(title)}</title>\n'
            f"  <subtitle>{xml(subtitle)}</subtitle>\n  <updated>{updated}</updated>\n"
            f"  <author><name>{xml(place.site_name)}</name><uri>{xml(place.language_root)}</uri></author>\n"
            f'  <link rel="self" type="application/atom+xml" href="{xml(place.feed_url)}"/>\n'
            f'  <link rel="alternate" type="text/html" href="{xml(place.page_url)}"/>\n')
    return head + "".join(entry(catalog, change, place) for change in changes) + "</feed>\n"
