"""Search quality on a query set: hit@1, hit@3, other-language and empty results per language.

Used by tests/browser/test_search_quality.py, and on its own to print the figures for a built site:
    .venv/bin/python -m tests.browser.search_quality site/
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import harness
from .reader import search

QUERIES = Path(__file__).with_name("search_queries.yaml")
HOME = {"en": "", "zh": "zh/"}
TOP = 3


@dataclass
class Score:
    """The figures for one language's queries; `misses` says what went wrong, query by query."""

    lang: str
    queries: int = 0
    hit1: int = 0
    hit3: int = 0
    wrong_language: int = 0  # queries with a page of another language among the first three
    empty: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.lang}: {self.queries} queries, hit@1 {self.hit1}/{self.queries} "
                f"({self.hit1 / self.queries:.0%}), hit@3 {self.hit3}/{self.queries} ({self.hit3 / self.queries:.0%}), "
                f"other language in top {TOP}: {self.wrong_language}, no result: {self.empty}")


def query_set() -> dict[str, list[dict]]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def in_language(path: str, lang: str) -> bool:
    return path.startswith("zh/") == (lang == "zh")


def score(page, lang: str, queries: list[dict]) -> Score:
    """Type every query into the search box of the language's home page and score the results."""
    result = Score(lang)
    page.goto(HOME[lang])
    for item in queries:
        top = [hit["path"] for hit in search(page, item["query"])][:TOP]
        result.queries += 1
        result.hit1 += bool(top) and top[0] in item["pages"]
        result.hit3 += any(path in item["pages"] for path in top)
        result.wrong_language += any(not in_language(path, lang) for path in top)
        result.empty += not top
        if not top or top[0] not in item["pages"] or not all(in_language(path, lang) for path in top):
            result.misses.append(f"{item['query']!r}: {top} (wanted {item['pages']})")
    return result


def main(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver, harness.serve(site) as url:
        browser = harness.launch(driver)
        context, _ = harness.new_context(browser, url)
        page = context.new_page()
        for lang, queries in query_set().items():
            result = score(page, lang, queries)
            print(result.line())
            for miss in result.misses:
                print("   ", miss)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
