"""One 404 page per language: the default language's at /404.html, the others' at /<lang>/404.html."""

from __future__ import annotations

from pathlib import Path


def remember(state: dict, lang: str, html: str) -> None:
    state.setdefault("404", {})[lang] = html


def write_all(state: dict, site_dir: Path, default: str) -> None:
    for lang, html in state.get("404", {}).items():
        target = site_dir / "404.html" if lang == default else site_dir / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
