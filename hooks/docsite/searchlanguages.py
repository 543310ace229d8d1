"""One search index per language, with an entry per glossary term and the providers' aliases.

static-i18n merges every language into one `search/search_index.json`, and Material fetches that
one file on every page: a reader on /zh/ got English pages among the first results (and the reverse),
often the same page twice, and downloaded both languages. Once the merged index is written, this
splits it by language folder, `search/` for the default language and `zh/search/` for Chinese;
overrides/main.html points each page's request at its own language's file. Filtering the merged
index in the browser would have kept the download at both languages (measured on the real catalog:
247 KB gzipped, against 108 KB for English and 126 KB for Chinese) and the word weights of both.

Per language, a glossary term gets an entry titled with the term and pointing at its row, ranked
above the pages that merely mention it; a provider's aliases (通义千问, DashScope, Kimi …) and its
name in the other language become the tags of its page's entry, so the names readers type find the
page; and a model's row on its maker's page wins a tie with the rows of its hosts.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

import jieba
import orjson

from catalog.entities import Catalog, Provider
from render.memo import per_catalog
from render.overview import term_anchor
from render.text import html_text

from . import languages as sites
from . import searchindex

# A document boost for glossary entries: a term's own entry must outrank the pages that use the
# word in a heading (Material gives a page's first entry a bonus that its sections lack).
GLOSSARY_BOOST = 3
# The same model is listed by its maker and by every host of it: the maker's row wins a tie ("kimi k2"
# finds Moonshot's rows first), but not over a row that matches better: a host's exact id
# (qwen/qwen3-32b on Groq) scores 1.13 times Alibaba's qwen3-32b, so the boost stays below that.
HOME_BOOST = 1.1
HOME_SHARE = 0.8
TIE_BREAK = 0.05  # at most 2.5 % for a two-word id: it only decides between rows that match alike
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


class _DebugLog(logging.Handler):
    """Hands jieba's records to MkDocs' log at debug level."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger("mkdocs.hooks.jieba").debug(record.getMessage())


def quiet_jieba() -> None:
    """jieba writes its dictionary loading ("Building prefix dict…") straight to stderr, in the middle
    of the build output where contributors look for their errors: send it to `mkdocs build -v` instead.
    Material's search plugin calls the same jieba module, so this quiets its calls too."""
    logger = logging.getLogger("jieba")
    logger.handlers = [_DebugLog()]
    logger.propagate = False


quiet_jieba()


def language_of(location: str, languages: list[str], default: str) -> str:
    """The language whose site folder holds this location (the default language has none)."""
    return next((lang for lang in languages if lang != default and location.startswith(sites.folder(lang, default))),
                default)


def segmented(text: str) -> str:
    """Chinese runs cut into words with jieba and marked by zero-width spaces, as Material indexes pages."""
    return _HAN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group())) + "\u200b", text).strip("\u200b")


def glossary_entries(catalog: Catalog, lang: str, default: str) -> list[dict]:
    """An entry per term: the term in this language, then in the other (the glossary's table shows
    both, and readers type either), and what it means."""
    page = sites.folder(lang, default) + "glossary/"
    return [{"location": f"{page}#{term_anchor(term)}",
             "title": segmented(html_text(term.zh if lang == "zh" else term.en)),
             "text": segmented(html_text(f"{term.en if lang == 'zh' else term.zh} · {term.note(lang)}")),
             "boost": GLOSSARY_BOOST} for term in catalog.glossary]


def provider_names(provider: Provider, lang: str) -> list[str]:
    """The names a reader may type for a provider, besides the page title: its names in the other
    language (DeepSeek on 深度求索's page) and its aliases."""
    names = [provider.name, *(provider.local_name(other) for other in ("en", "zh") if provider.local_name)]
    names += provider.aliases
    return [name for name in dict.fromkeys(names) if name != provider.title(lang)]


def with_aliases(docs: list[dict], catalog: Catalog, lang: str, default: str) -> None:
    """Put each provider's other names into the tags of its page's first entry (tags weigh like titles)."""
    pages = {sites.folder(lang, default) + f"providers/{provider.id}/": provider for provider in catalog.providers}
    for doc in docs:
        provider = pages.get(doc["location"])
        names = provider_names(provider, lang) if provider else []
        if names:
            doc["tags"] = [html_text(name) for name in names]


def row_boosts(catalog: Catalog, lang: str, default: str, separator: str) -> dict[str, float]:
    """{location: boost} of the model entries (see _row_boosts)."""
    return dict(_row_boosts(catalog, lang, default, separator))


@per_catalog
def _row_boosts(catalog: Catalog, lang: str, default: str, separator: str) -> tuple:
    """A boost per model entry (docsite/searchindex.py). A provider whose models are nearly all one vendor's
    (Anthropic, Moonshot AI, Zhipu …) is that vendor's home and answers first for them. Among entries that match
    a typed id equally, the one whose id has fewest words wins: Material weighs every title alike whatever its
    length, so Bedrock's qwen.qwen3-32b-v1:0 tied with Groq's exact qwen/qwen3-32b and came first."""
    homes = {}
    for provider in catalog.providers:
        vendors = Counter(model.vendor.id for model in provider.models)
        home, count = vendors.most_common(1)[0] if vendors else (None, 0)
        homes[provider.id] = home if count >= HOME_SHARE * len(provider.models) else None
    boosts = {}
    for location, rows in searchindex.entry_rows(catalog, lang, default).items():
        provider, model = rows[0]
        words = len([word for word in re.split(separator, model.id) if word])
        boosts[location] = (HOME_BOOST if model.vendor.id == homes[provider.id] else 1) * (1 + TIE_BREAK / words)
    return tuple(boosts.items())


def after_page(docs: list[dict], page: str, entries: list[dict]) -> list[dict]:
    """The entries placed after the page's own entries (Material groups sections under the page's
    first entry); nothing is added for a page that was not built."""
    positions = [at for at, doc in enumerate(docs) if doc["location"].split("#")[0] == page]
    if not positions:
        return docs
    return docs[:positions[-1] + 1] + entries + docs[positions[-1] + 1:]


def language_docs(docs: list[dict], catalog: Catalog, lang: str, default: str, separator: str) -> list[dict]:
    """One language's entries, with provider names, model rows boosted and the glossary terms."""
    with_aliases(docs, catalog, lang, default)
    boosts = row_boosts(catalog, lang, default, separator)
    for doc in docs:
        if doc["location"] in boosts:
            doc["boost"] = boosts[doc["location"]]
        if "\u200b" not in doc["title"] + doc["text"]:  # added by our hooks (model rows), or one word long
            doc.update(title=segmented(doc["title"]), text=segmented(doc["text"]))
    return after_page(docs, sites.folder(lang, default) + "glossary/", glossary_entries(catalog, lang, default))


def merged_index(site_dir: Path) -> dict | None:
    """The index of all languages that static-i18n writes after the last language's build, or None."""
    path = site_dir / "search" / "search_index.json"
    return orjson.loads(path.read_bytes()) if path.is_file() else None


def split_index(site_dir: Path, catalog: Catalog, languages: list[str], default: str,
                merged: dict | None = None) -> dict[str, Path]:
    """Write one index per built language beside its pages (the default language's in place of the merged
    one); returns the files written by language. `merged` is the merged index, when already read."""
    merged = merged_index(site_dir) if merged is None else merged
    if merged is None:
        return {}
    written = {}
    for lang in languages:
        docs = [doc for doc in merged["docs"] if language_of(doc["location"], languages, default) == lang]
        if not docs:
            continue  # a language that was not built (DOCS_BUILD_ZH=false)
        # The default language needs no Chinese segmenter in the browser.
        config = dict(merged["config"], lang=[default]) if lang == default else merged["config"]
        index = {"config": config, "docs": language_docs(docs, catalog, lang, default, config["separator"])}
        path = site_dir / sites.folder(lang, default) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(orjson.dumps(index))
        written[lang] = path
    return written
