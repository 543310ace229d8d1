"""The language switcher lands on the same page in the other language, and back."""

from __future__ import annotations

import pytest

from .harness import ROOT
from .reader import assert_on, switch_language

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
OTHER = {"en": "zh", "zh": "en"}


def generated_provider(site) -> str:
    """A provider whose page comes from its YAML alone (no docs/providers/<id>.md)."""
    ids = sorted(path.stem for path in (ROOT / "data/providers").glob("*.yaml")
                 if not (ROOT / "docs/providers" / f"{path.stem}.md").exists()
                 and (site / "providers" / path.stem / "index.html").is_file())
    assert ids, "no generated provider page in the built site"
    return ids[0]


def round_trip(page, path: str, start: str) -> None:
    """From `path` in `start`, switch to the other language and back, checking where the reader lands."""
    other = OTHER[start]
    page.goto(PREFIX[start] + path)
    heading = page.locator("article h1").first.inner_text()
    switch_language(page, other)
    assert_on(page, PREFIX[other] + path, other)
    if path.startswith("providers/"):
        assert page.locator("article h1").first.inner_text() == heading  # provider names are not translated
    switch_language(page, start)
    assert_on(page, PREFIX[start] + path, start)


@pytest.mark.parametrize("start", ["en", "zh"])
def test_switcher_on_the_groq_page_goes_to_the_other_language_and_back(page, start):
    round_trip(page, "providers/groq/", start)


@pytest.mark.parametrize("start", ["en", "zh"])
def test_switcher_on_a_generated_provider_page_goes_to_the_other_language_and_back(page, site, start):
    round_trip(page, f"providers/{generated_provider(site)}/", start)


def test_switcher_on_the_home_page(page):
    round_trip(page, "", "en")
