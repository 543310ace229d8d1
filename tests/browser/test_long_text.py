"""Long unbroken catalog text (a name without spaces, as a contributor may paste) wraps instead of
making the comparison page, a provider page or a model page scroll sideways, through a cell or a filter's
options."""

from __future__ import annotations

import pytest

from conftest import copy_project, mkdocs_build

from . import harness
from .harness import MOBILE
from .test_mobile import check_no_sideways_scrolling

pytestmark = pytest.mark.browser

LONG_NAME = "Cerebras" + "X" * 72  # the longest provider name the validator takes (80)
LONG_MODEL = "GLM" + "Y" * 117  # the longest model name (120)
LONG_VENDOR = "Meta" + "Z" * 76  # a vendor name is also an option of the comparison's vendor filter


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    """The real site, with a provider, a model and a vendor each named by a single very long word."""
    root = tmp_path_factory.mktemp("long")
    project = copy_project(root / "project")
    cerebras = project / "data/providers/cerebras.yaml"
    text = cerebras.read_text(encoding="utf-8").replace("\nname: Cerebras\n", f"\nname: {LONG_NAME}\n", 1)
    cerebras.write_text(text.replace("name: GLM-4.7", f"name: {LONG_MODEL}", 1), encoding="utf-8")
    vendors = project / "data/vendors.yaml"
    long_meta = f"meta: {{name: {{en: {LONG_VENDOR}, zh: {LONG_VENDOR}}}"
    vendors.write_text(vendors.read_text(encoding="utf-8").replace("meta: {name: {en: Meta, zh: Meta}", long_meta, 1),
                       encoding="utf-8")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    with harness.serve(root / "site") as url:
        yield url


# gpt-oss-120b: Cerebras serves it, so the long name is in its providers table and its price history.
@pytest.mark.parametrize("path", ["compare/", "providers/cerebras/", "zh/compare/", "models/gpt-oss-120b/",
                                  "zh/models/gpt-oss-120b/"])
@pytest.mark.parametrize("viewport", [MOBILE, {"width": 1280, "height": 800}])
def test_long_names_do_not_widen_the_page(browse, long_site, path, viewport):
    page = browse(path, base_url=long_site, viewport=viewport)
    assert LONG_NAME in page.content()
    check_no_sideways_scrolling(page)
