"""Escaping and number formatting: every catalog string passes through here on its way out.

One function per destination, so a new output picks its rule instead of inventing one:

- `inline`: Markdown text (also inside a table cell or raw HTML), the pages' common case;
- `attr`: an HTML attribute value in double quotes;
- `code`: inline code, inside Markdown or HTML;
- `html_text`: HTML text outside Markdown (navigation titles, search index entries);
- `llms_text`: Markdown read as text by tools (llms.txt), where entities are not decoded.

JSON goes through `json.dumps` and needs nothing more.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from functools import lru_cache

from catalog.templates import PLACEHOLDER

from .memo import per_text

# Characters that Markdown (with our extensions) may read as syntax inside a line or a table cell,
# mapped to numeric entities (str.translate: this runs for every catalog string on every page).
_MARKDOWN_SPECIAL = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]()#+!|<>&~^=:$"})
CURRENCY_SIGNS = {"USD": "$", "CNY": "¥"}


_SPACES = re.compile(r"\s+")
# Web addresses written out in catalog text become links; only the characters a data file's URL may
# hold (catalog/fields.py), so a `)` or `[` ends the link instead of smuggling Markdown into its target.
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")


def _literal(value: str) -> str:
    return value.translate(_MARKDOWN_SPECIAL)


def _link(url: str) -> str:
    trimmed = url.rstrip(".,;:!?)'")
    return f'<a href="{attr(trimmed)}">{_literal(trimmed)}</a>{_literal(url[len(trimmed):])}'


@lru_cache(maxsize=1 << 16)  # the same labels, names and ids come back on every page: ~100,000 calls a build
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


def script_json(document) -> str:
    """A JSON document that stays inert even if a page ever inlines it: no `<`, `>` or `&` survive."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def code(value: str) -> str:
    """Catalog text shown as inline code: HTML, since a Markdown code span could be broken by a `; its
    text as entities, since Markdown still reads `[…](…)` or `*` inside raw HTML."""
    return f"<code>{_literal(_SPACES.sub(' ', value))}</code>"


def html_text(value: str) -> str:
    """Catalog text as HTML text where no Markdown is read (a navigation title, a search entry)."""
    return html.escape(_SPACES.sub(" ", value), quote=True)


# What Markdown readers of the llms files could take as markup; written with a backslash, which
# plain-text Markdown readers understand and which, unlike an entity, no tool decodes into a tag.
_LLMS_SPECIAL = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|&#~!"})


def llms_text(value: str) -> str:
    """Catalog text as literal Markdown in llms.txt and llms-full.txt: one line, no live markup."""
    return _SPACES.sub(" ", value).strip().translate(_LLMS_SPECIAL)


def substitute(template: str, values: dict) -> str:
    """A template's {placeholders} replaced by values as given; other braces stay as written."""
    return PLACEHOLDER.sub(lambda match: values[match[1]], template)


def fill(template: str, values: dict) -> str:
    """Escape a template's own text and put already-rendered values in its {placeholders}; only a
    name in braces is a placeholder (the validator knows which each template receives)."""
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(template):
        parts += [inline(template[last:match.start()]), values[match[1]]]
        last = match.end()
    return "".join(parts + [inline(template[last:])])


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
    return _pinyin_key(name)


@per_text
def _pinyin_key(name: str) -> str:
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
