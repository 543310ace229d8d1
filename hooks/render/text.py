"""Escaping and number formatting: every catalog string passes through here on its way to a page."""

from __future__ import annotations

import html
import json
import math
import os
import re
import string
from functools import lru_cache

# Characters that Markdown (with our extensions) may read as syntax inside a line or a table cell,
# mapped to numeric entities (str.translate: this runs for every catalog string on every page).
_MARKDOWN_SPECIAL = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]()#+!|<>&~^=:$"})
CURRENCY_SIGNS = {"USD": "$", "CNY": "¥"}


_SPACES = re.compile(r"\s+")
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _literal(value: str) -> str:
    return value.translate(_MARKDOWN_SPECIAL)


def _link(url: str) -> str:
    trimmed = url.rstrip(".,;:!?)'")
    return f'<a href="{attr(trimmed)}">{_literal(trimmed)}</a>{_literal(url[len(trimmed):])}'


def inline(value: str) -> str:
    """Catalog text as literal Markdown text: no markup, HTML or table breaks can come through; the
    only links are web addresses written out in the text, and the only emphasis is **bold**, which
    marks a label of Cline's or a console's interface exactly as the reader sees it.

    Entities are used instead of backslashes because they also hold inside raw HTML and table cells.
    """
    value = _SPACES.sub(" ", value)
    if "://" not in value:
        return _bold(value.translate(_MARKDOWN_SPECIAL))
    parts, last = [], 0
    for match in _URL.finditer(value):
        parts += [_literal(value[last:match.start()]), _link(match.group())]
        last = match.end()
    return _bold("".join(parts + [_literal(value[last:])]))


# **Label** after escaping: its text is already literal, so only the <strong> element is new.
_ESCAPED_BOLD = re.compile(r"&#42;&#42;(?!\s)(.+?)(?<!\s)&#42;&#42;")


def _bold(escaped: str) -> str:
    return _ESCAPED_BOLD.sub(r"<strong>\1</strong>", escaped) if "&#42;&#42;" in escaped else escaped


def attr(value: str) -> str:
    """Catalog text for an HTML attribute value in double quotes (also safe inside a table row)."""
    return html.escape(value, quote=True).replace("|", "&#124;")


def plain(value: str) -> str:
    """Catalog text for the comparison's JSON, which the page's script puts in as text (never as HTML)."""
    return _SPACES.sub(" ", value).strip()


def html_text(value: str) -> str:
    """Catalog text placed as HTML text outside Markdown (search entries, the comparison's rows): &, < and >
    as entities."""
    return html.escape(value, quote=False)


def script_json(document) -> str:
    """A JSON document that stays inert even if a page ever inlines it: no `<`, `>` or `&` survive."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def code(value: str) -> str:
    """Catalog text shown as inline code, escaped for HTML (a Markdown code span could be broken by a `)."""
    return f"<code>{html.escape(value, quote=False).replace('|', '&#124;')}</code>"


def fill(template: str, values: dict) -> str:
    """Escape a template's own text and put already-rendered values in its {placeholders}."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(inline(literal))
        if name is not None:
            parts.append(values[name])
    return "".join(parts)


_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _pinyin():
    # Names need single characters only: without the phrase dictionary the import takes a third of
    # the time (0.13 s instead of 0.45 s), and it happens once per process, when a name is Chinese.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    from pypinyin import lazy_pinyin

    return lazy_pinyin


def collation_key(name: str) -> str:
    """How a name sorts: Chinese characters by pinyin, so 阿里云百炼 sorts under A among Latin names."""
    if not _HAN.search(name):
        return name.casefold()
    return "".join(_pinyin()(name)).casefold()


def tokens(count: int) -> str:
    """A token count with thousands separators: 131,072."""
    return f"{count:,}"


def short_tokens(count: int) -> str:
    """A compact token count for summaries: 131K, 1M, 1.05M."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    if count >= 1000:
        return f"{count / 1000:.1f}".rstrip("0").rstrip(".") + "K"
    return str(count)


def money(amount: float, currency: str) -> str:
    """A price with its currency sign and as many decimals as it needs: $0.59, $3, $0.0375."""
    number = f"{amount:.6f}".rstrip("0").rstrip(".")
    if "." in number and len(number.split(".")[1]) == 1:
        number += "0"
    return f"{CURRENCY_SIGNS[currency]}{number}"


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml(value: str) -> str:
    """Catalog text as XML character data or a double-quoted attribute value (the Atom feeds): markup
    characters become entities, and characters XML 1.0 forbids are dropped rather than breaking the feed."""
    return html.escape(_XML_INVALID.sub("", value), quote=True)


def cost(amount: float, currency: str) -> str:
    """A task's cost, rounded for reading: two decimals, or two significant digits below 0.10 ($0.087)."""
    if amount >= 0.1 or amount == 0:
        return f"{CURRENCY_SIGNS[currency]}{amount:.2f}"
    decimals = min(6, 1 - math.floor(math.log10(amount)))
    return f"{CURRENCY_SIGNS[currency]}{amount:.{decimals}f}"
