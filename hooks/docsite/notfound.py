"""One 404 page per language: the default language's at /404.html, the others' at /<lang>/404.html.

The default-language page also holds the other languages' text for hosts that serve only /404.html
(overrides/404.html shows it for missing URLs under /<lang>/).
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from . import languages


def reset_language_menu(config) -> None:
    """Point the language menu of a 404 page at each language's home page.

    static-i18n sets `extra.alternate` for every page as an attribute (which templates read before
    the item) and leaves the last page's links behind. The Chinese build renders its 404 page after
    the English pages, so without this its language menu offered the English build's last page.
    """
    initial = getattr(config.plugins["i18n"], "extra_alternate", None)
    if initial:
        config.extra["alternate"] = config.extra.alternate = deepcopy(initial)


def remember(state: dict, lang: str, html: str) -> None:
    state.setdefault("404", {})[lang] = html


def write_all(state: dict, site_dir: Path, default: str) -> None:
    for lang, html in state.get("404", {}).items():
        target = site_dir / languages.folder(lang, default) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
