"""What the render-ahead worker makes (ahead.py), in the order a build wants it: each built language's pages,
then the tables that join them after conversion, then what is written once every language is built.

Each item calls the very function the build calls, with the arguments the build will pass, so its result lands
under the key the build looks up (render/memo.py). A guess that does not match only costs the worker time; it
never changes the site. Tests compare these keys with those a real build uses.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import meta

from catalog.entities import Catalog
from render import changes, markers, model_page, provider, radar
from render.served import with_pages

from . import (changepage, comparison_files, exports, generated, languages, llms_files, modelpages, searchindex,
               searchlanguages)
from .pages import provider_id_of


@dataclass(frozen=True)
class Plan:
    """What the worker needs to know of this build, taken from its config before any page is read."""
    languages: tuple[str, ...]  # built, in build order: the default language first
    default: str
    day: str
    site_url: str
    site_names: dict
    docs_dir: Path
    root: Path
    search_separator: str | None  # the search plugin's, which the search index split uses

    @classmethod
    def of(cls, state: dict, config) -> Plan:
        i18n = config.plugins["i18n"]
        built = [lang for lang in i18n.config.languages if lang.build]
        built.sort(key=lambda lang: lang.locale != i18n.default_language)
        search = config.plugins.get("material/search")
        return cls(tuple(lang.locale for lang in built), i18n.default_language, state["today"].isoformat(),
                   config.site_url or "/", {lang.locale: lang.site_name or config.site_name for lang in built},
                   Path(config.docs_dir), state["root"], search.config.separator if search else None)


BATCH = 25  # calls per handover: the build takes pages a few at a time, not all of a language's at the end


def batches(catalog: Catalog, plan: Plan) -> Iterator[list]:
    """Lists of calls, one list per handover, each made when its turn comes: pages in the order MkDocs
    converts them (hand-written, providers, models), then the tables that join them, then the rest."""
    for lang in plan.languages:
        yield [_expand(catalog, text, lang) for text in _docs_pages(plan.docs_dir, lang, plan.default)]
        yield from _chunks(_expand(catalog, text, lang) for _, text in _provider_pages(catalog, plan, lang))
        yield from _chunks(_expand(catalog, text, lang) for _, text in _model_pages(catalog, plan, lang))
        yield from _chunks([*_tables(catalog, plan, lang, markdown=False), *_radar_pages(catalog, plan, lang)])
    yield _catalog_files(catalog, plan)
    for lang in plan.languages:  # what llms-full.txt wants, once every language is built
        yield from _chunks([*_tables(catalog, plan, lang, markdown=True), *_llms_texts(catalog, plan, lang)])


def _chunks(calls) -> Iterator[list]:
    calls = list(calls)
    for start in range(0, len(calls), BATCH):
        yield calls[start:start + BATCH]


def _expand(catalog: Catalog, text, lang: str):
    """The call that expands a page's markers, given the call that makes (or reads) the page's text."""
    return lambda: markers.expand(as_handed(text()), catalog, lang)


def as_handed(text: str) -> str:
    """A page's text as our on_page_markdown receives it: MkDocs takes off the front matter, then static-i18n's
    own on_page_markdown (1.3, which runs first) joins the lines again with "\n", dropping the last newline."""
    return "\n".join(meta.get_data(text)[0].splitlines())


def _docs_pages(docs_dir: Path, lang: str, default: str) -> list[functools.partial]:
    """Calls reading the hand-written pages in one language: a page's own translation, else its default text
    (static-i18n's fallback, and our untranslated mirrors, give that language the same text)."""
    texts = []
    for path in sorted(docs_dir.rglob("*.md")):
        if len(path.suffixes) > 1:
            continue  # a translation: read through its default page
        translated = path.with_suffix(f".{lang}.md")
        source = translated if lang != default and translated.is_file() else path
        texts.append(functools.partial(source.read_text, encoding="utf-8-sig"))
    return texts


def _provider_pages(catalog: Catalog, plan: Plan, lang: str) -> list[tuple[str, functools.partial]]:
    """(source path, the call that makes its text) of the generated provider pages in one language."""
    written = generated.hand_written_ids(plan.docs_dir)
    return [(generated.provider_page_paths(entry.id, [lang], plan.default)[0],
             functools.partial(provider.render_page, catalog, entry, lang))
            for entry in catalog.providers if entry.id not in written]


def _model_pages(catalog: Catalog, plan: Plan, lang: str) -> list[tuple[str, functools.partial]]:
    """(source path, the call that makes its text) of the models index and the model pages in one language."""
    slugs = ["index", *(item.slug for item in with_pages(catalog))]
    return [(generated.model_page_paths(slug, [lang], plan.default)[0],
             functools.partial(modelpages.markdown, catalog, (slug, lang))) for slug in slugs]


def _radar_pages(catalog: Catalog, plan: Plan, lang: str) -> list:
    """The change page, and the radar's notice that every provider page gets (changepage.dress)."""
    today = datetime.date.fromisoformat(plan.day)
    calls = [_expand(catalog, functools.partial(changes.render_page, catalog, lang, today), lang)]
    notices = [functools.partial(radar.provider_notice, catalog, entry, lang, today) for entry in catalog.providers]
    return calls + notices


def _llms_texts(catalog: Catalog, plan: Plan, lang: str) -> list:
    """llms-full.txt's text of each generated page, from its Markdown as our on_page_markdown leaves it: a
    provider page gets its radar notice (changepage.dress), a model page stays as expanded."""
    urls, today = exports.Urls(plan.site_url, plan.default), datetime.date.fromisoformat(plan.day)
    calls = []
    for src, text in [*_provider_pages(catalog, plan, lang), *_model_pages(catalog, plan, lang)]:
        handed = as_handed(text())
        converted = changepage.with_radar_notice(markers.expand(handed, catalog, lang), catalog,
                                                 provider_id_of(src), lang, today)
        calls.append(functools.partial(llms_files.plain_text, catalog, src, _url(src, lang, plan.default), handed,
                                       converted, lang, urls.site_url, urls.default))
    return calls


def _url(src: str, lang: str, default: str) -> str:
    """The address static-i18n gives a page in the suffix layout, with directory URLs: models/x.zh.md is
    zh/models/x/, models/index.md is models/."""
    stem = src.removesuffix(".md").removesuffix(f".{lang}")
    folder = stem.removesuffix("index") if stem.endswith("/index") else stem + "/"
    return languages.folder(lang, default) + folder


def _tables(catalog: Catalog, plan: Plan, lang: str, markdown: bool) -> list:
    """The tables that join pages after conversion (HTML), or the llms text's copies of them (Markdown)."""
    calls = [functools.partial(model_page.slot_table, catalog, kind, slug, lang, markdown)
             for _, text in _model_pages(catalog, plan, lang) for kind, slug in model_page.slots_in(text())]
    if not markdown:
        calls.append(functools.partial(comparison_files.rendered, catalog, lang))
        calls += [functools.partial(changes.provider_table, catalog, provider_id, lang)
                  for provider_id in sorted(changepage.with_changes(catalog))]
    return calls


def _catalog_files(catalog: Catalog, plan: Plan) -> list:
    """The JSON export, the feeds, the model pages' data and the search entries, made once every language is
    built."""
    urls = exports.Urls(plan.site_url, plan.default)
    schema_text = (plan.root / exports.SCHEMA_SOURCE).read_text(encoding="utf-8")
    calls = [functools.partial(exports.export_files, catalog, schema_text, urls.site_url, urls.default, plan.day)]
    for lang in plan.languages:
        calls += [functools.partial(changepage.feed_files, catalog, lang, plan.site_names[lang], urls.site_url,
                                    plan.default),
                  functools.partial(modelpages.compare_file, catalog, lang),
                  functools.partial(searchindex.model_entries, catalog, lang, plan.default)]
        if plan.search_separator is not None:
            calls.append(functools.partial(searchlanguages.row_boosts, catalog, lang, plan.default,
                                           plan.search_separator))
    return calls
