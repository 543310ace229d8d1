"""The retirement radar: models retiring soon or retired lately, relative to a given day (the build's)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from catalog.entities import Catalog, Model, Provider

from .memo import per_catalog
from .models import model_anchor
from .served import page_link
from .text import code, fill, inline

WINDOW_DAYS = 90
UP = "../"  # from the change page (changes/) to the root of the language's site, for HTML links


@dataclass(frozen=True)
class Retirement:
    """One model on the radar: the day it retires or retired, and what to use instead."""

    provider: Provider
    model: Model
    date: datetime.date

    def replacement(self) -> Model | None:
        return next((model for model in self.provider.models if model.id == self.model.replacement), None)


def _retirement_day(model: Model) -> datetime.date | None:
    # `deprecated:` is the day a deprecated model will be retired; `retired:` the day it was.
    return model.retired if model.status == "retired" else model.deprecated if model.status == "deprecated" else None


def radar(catalog: Catalog, today: datetime.date, days: int = WINDOW_DAYS) -> tuple[list, list]:
    """(upcoming: retiring after today within `days`, soonest first; recent: retired on a day within
    `days` before today, or today, latest first)."""
    upcoming, recent = [], []
    for provider in catalog.providers:
        for model in provider.models:
            day = _retirement_day(model)
            if day is None or abs((day - today).days) > days:
                continue
            (upcoming if day > today else recent).append(Retirement(provider, model, day))
    upcoming.sort(key=lambda item: item.date)
    recent.sort(key=lambda item: item.date, reverse=True)
    return upcoming, recent


def model_link(provider: Provider, model: Model, on_provider_page: bool = False) -> str:
    """The model id linking to its row on the provider page (from that page, or from any other page)."""
    page = "" if on_provider_page else f"/providers/{provider.id}.md"
    return f"[{code(model.id)}]({page}#{model_anchor(provider, model)})"


def _table(catalog: Catalog, items: list, lang: str) -> str:
    keys = ("radar_col_provider", "radar_col_model", "radar_col_date", "radar_col_replacement")
    lines = ["| " + " | ".join(inline(catalog.label(key, lang)) for key in keys) + " |", "|---|---|---|---|"]
    for item in items:
        replacement = item.replacement()
        model = model_link(item.provider, item.model) + page_link(catalog, item.model, lang, UP)
        lines.append(f"| {inline(item.provider.title(lang))} | {model} | "
                     f"{item.date.isoformat()} | "
                     f"{model_link(item.provider, replacement) if replacement else '—'} |")
    return "\n".join(lines)


@per_catalog
def _radar(catalog: Catalog, day: str) -> tuple[list, list]:
    """radar() once per catalog and day: each provider page asks for its notice."""
    return radar(catalog, datetime.date.fromisoformat(day))


def render_radar(catalog: Catalog, lang: str, today: datetime.date) -> str:
    """The radar section of the change page: both windows, each a table or a sentence saying it is empty."""
    upcoming, recent = radar(catalog, today)
    values = {"days": str(WINDOW_DAYS), "today": today.isoformat()}
    blocks = [f"## {inline(catalog.label('radar_title', lang))}", fill(catalog.label("radar_intro", lang), values)]
    for key, items in (("upcoming", upcoming), ("recent", recent)):
        blocks.append(f"### {fill(catalog.label('radar_' + key, lang), values)}")
        blocks.append(_table(catalog, items, lang) if items else inline(catalog.label(f"radar_none_{key}", lang)))
    return "\n\n".join(blocks)


def _notice_line(catalog: Catalog, item: Retirement, key: str, lang: str) -> str:
    # One template per case: the languages join the replacement differently (a new sentence, or after ，).
    values = {"model": model_link(item.provider, item.model, True), "date": item.date.isoformat()}
    replacement = item.replacement()
    if replacement:
        key, values["replacement"] = key + "_replaced", model_link(item.provider, replacement, True)
    return fill(catalog.label(key, lang), values)


def provider_notice(catalog: Catalog, provider: Provider, lang: str, today: datetime.date) -> str:
    """An admonition for a provider page naming its models on the radar; empty when there are none."""
    if not catalog.has_provider(provider.id) or catalog.provider(provider.id) is not provider:  # from elsewhere (tests)
        return _notice(catalog, provider, lang, radar(catalog, today))
    return _provider_notice(catalog, provider.id, lang, today.isoformat())


@per_catalog
def _provider_notice(catalog: Catalog, provider_id: str, lang: str, day: str) -> str:
    """provider_notice by provider id and ISO date, plain values that decide it with the catalog."""
    return _notice(catalog, catalog.provider(provider_id), lang, _radar(catalog, day))


def _notice(catalog: Catalog, provider: Provider, lang: str, found: tuple[list, list]) -> str:
    upcoming, recent = found
    lines = [_notice_line(catalog, item, "radar_notice_upcoming", lang) for item in upcoming
             if item.provider is provider]
    lines += [_notice_line(catalog, item, "radar_notice_recent", lang) for item in recent if item.provider is provider]
    if not lines:
        return ""
    more = fill(catalog.label("radar_notice_more", lang),
                {"link": f"[{inline(catalog.label('changes_title', lang))}](/changes.md)"})
    body = "\n".join(f"    - {line}" for line in lines)
    return f'!!! warning "{inline(catalog.label("radar_notice_title", lang))}"\n\n{body}\n\n    {more}\n'
