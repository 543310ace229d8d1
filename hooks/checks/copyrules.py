"""Copy rules that autocorrect does not know: where "the table below" may stand, no space after
Chinese punctuation, Chinese list separators and the glossary's chosen terms.

Plain functions over text, shared by the source check (checks/chinese.py) and the check of the
built site (checks/site_copy.py), so that a rule means the same in both places.
"""

from __future__ import annotations

import re

# A reference to the table that follows, and to one that precedes. The English pattern names what a
# sentence points at ("the prices below"), so that "below zero" or "below 24 GB" stay allowed.
TABLE_BELOW = {"zh": re.compile(r"下表"),
               "en": re.compile(r"\b(?:table|prices?|figures|limits|windows) below\b", re.IGNORECASE)}
TABLE_ABOVE = {"zh": re.compile(r"上表"),
               "en": re.compile(r"\b(?:table|prices?|figures|limits|windows) above\b", re.IGNORECASE)}

# Provider fields by where a provider page shows them (render/provider.py SECTIONS): the model table
# comes after the introduction and the key steps, and before everything else.
BEFORE_MODEL_TABLE = ("summary", "key_steps")
AFTER_MODEL_TABLE = ("live_models_note", "setup_steps", "tips", "notes", "links")

# Full-width punctuation that ends a clause; Chinese sets no space after it, also not after a bold
# lead-in ("**已经付费。** 直接……" in Markdown, "。</strong> 直接" in HTML).
_SPACE_AFTER_STOP = re.compile(r"[。！？；：，、](?:\*\*|</strong>|</em>)?[ \t\u3000]+(?=[^\s|])")
# Two inline code spans joined by a half-width comma: a Chinese list takes 、.
_LATIN_LIST = re.compile(r"`[^`\n]+`\)?, \[?`|</code>(?:</a>)?, (?:<a [^>]*>)?<code>")


def direction_problems(text: str, lang: str, table_before: bool, table_after: bool) -> list[str]:
    """A reference to a table in a direction where there is none."""
    problems = []
    if not table_after:
        problems += [f"{match.group()!r} points down, but no table follows"
                     for match in TABLE_BELOW[lang].finditer(text) if not _quoted(text, match)]
    if not table_before:
        problems += [f"{match.group()!r} points up, but no table comes before"
                     for match in TABLE_ABOVE[lang].finditer(text) if not _quoted(text, match)]
    return problems


def _quoted(text: str, match: re.Match) -> bool:
    """The words are mentioned in quotes (as in a style guide), not used."""
    return text[match.start() - 1:match.start()] in "“\"" and text[match.end():match.end() + 1] in "”\"" \
        and match.start() > 0 and match.end() < len(text)


def spacing_problems(text: str) -> list[str]:
    """A space after Chinese punctuation, or a list of code spans joined with a half-width comma."""
    problems = [f"space after {match.group()[0]!r} in {_around(text, match)!r}: Chinese sets none"
                for match in _SPACE_AFTER_STOP.finditer(text)]
    problems += [f"list joined with ', ' in {_around(text, match)!r}: a Chinese list takes 、"
                 for match in _LATIN_LIST.finditer(text)]
    return problems


def term_problems(text: str, glossary) -> list[str]:
    """Words the glossary rejects for a concept, except inside the phrases it keeps (such as AWS 账户)."""
    problems = []
    for term in glossary:
        rest = text
        for phrase in term.keep:
            rest = rest.replace(phrase, "")
        problems += [f"{word!r}: the glossary says {term.zh!r} ({term.en})" for word in term.avoid if word in rest]
    return problems


# How a link title says that the page it leads to is in the other language: one form per language,
# at the end of the title, inside the link text.
ENGLISH_ONLY = "（英文）"
CHINESE_ONLY = "(in Chinese)"
_OTHER_MARKERS = {"zh": re.compile(r"[（(](?:[^（）()]*[，,、]\s*)?(?:英文版?|English)[）)]"),
                  "en": re.compile(r"\((?:[^()]*[,;]\s*)?(?:in )?Chinese(?: only)?\)")}
_MARKER_OUTSIDE_LINK = re.compile(r"\]\([^)\s]+\)（英文）")


def link_title_problems(title_en: str, title_zh: str, chinese_edition: bool) -> list[str]:
    """A link title's language marker: （英文） / (in Chinese) at the end, and none for a Chinese edition."""
    problems = []
    for lang, title, marker in (("zh", title_zh, ENGLISH_ONLY), ("en", title_en, CHINESE_ONLY)):
        rest = title[:-len(marker)] if title.endswith(marker) else title
        if _OTHER_MARKERS[lang].search(rest):
            problems.append(f"{title!r}: mark the page's language as {marker!r} at the end of the title")
    if chinese_edition and title_zh.endswith(ENGLISH_ONLY):
        problems.append(f"{title_zh!r} links the Chinese edition (url_zh): drop {ENGLISH_ONLY!r}")
    if title_zh == title_en:
        problems.append(f"{title_zh!r}: the Chinese title is the English one; translate it")
    return problems


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def label_problems(text_en: str, text_zh: str) -> list[str]:
    """Interface labels (in bold) that one language names and the other does not: both name the same."""
    english, chinese = set(_BOLD.findall(text_en)), set(_BOLD.findall(text_zh))
    return [f"**{label}** is bold only in the {lang} text: name the same interface labels in both"
            for lang, labels in (("English", english - chinese), ("Chinese", chinese - english))
            for label in sorted(labels)]


def page_link_problems(text: str) -> list[str]:
    """In Markdown: （英文） written after a link instead of at the end of its text."""
    return [f"{_around(text, match)!r}: put （英文） inside the link text, as catalog links do"
            for match in _MARKER_OUTSIDE_LINK.finditer(text)]


def _around(text: str, match: re.Match) -> str:
    return text[max(0, match.start() - 8):match.end() + 8]
