"""axe-core (pinned in package.json, installed by npm ci, injected from node_modules/) finds no serious
or critical violation on the main pages, in both languages and both colour schemes."""

from __future__ import annotations

import pytest

from .harness import ROOT
from .reader import axe_violations

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
PAGES = ["", "providers/", "providers/groq/", "changes/"]
PAGES += ["compare/"] if (ROOT / "docs/compare.md").is_file() else []


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_serious_accessibility_violation(page, lang, path):
    page.goto(PREFIX[lang] + path)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_serious_accessibility_violation_in_dark_mode(browse, lang):
    page = browse(PREFIX[lang] + "providers/groq/", color_scheme="dark")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
