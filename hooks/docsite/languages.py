"""Where each language lives in the built site (static-i18n suffix layout)."""

from __future__ import annotations


def folder(lang: str, default: str) -> str:
    """The site folder of a language: "" for the default language, "zh/" for Chinese."""
    return "" if lang == default else f"{lang}/"
