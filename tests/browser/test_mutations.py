"""The browser checks catch what they are for: each test builds a copy of the project with one thing
broken and runs the same check the suite runs against the real site, which must now fail.

- a CDN <script> added through a template override -> the no-third-party-request check fails;
- the search separator without \\u200b -> the Chinese search check fails;
- Material's own search worker instead of ours -> the check that a Chinese query keeps every word fails;
- static-i18n's language switcher turned off -> the switcher round trip fails.
"""

from __future__ import annotations

import re

import pytest

from conftest import copy_project, mkdocs_build

from . import harness
from .test_language import round_trip
from .test_privacy import check_no_third_party_request
from .test_search import check_chinese_term
from .test_search_quality import check_every_word_kept

pytestmark = pytest.mark.browser

CDN_SCRIPT = '<script src="https://cdn.jsdelivr.net/npm/tablesort@5.3.0/dist/tablesort.min.js"></script>'


def build_broken(tmp_path_factory, name: str, breaks) -> str:
    base = tmp_path_factory.mktemp(name)
    project = copy_project(base / "project")
    breaks(project)
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return base / "site"


@pytest.fixture
def serve_broken(tmp_path_factory):
    with_servers = []

    def start(name: str, breaks):
        site = build_broken(tmp_path_factory, name, breaks)
        server = harness.serve(site)
        with_servers.append(server)
        return site, server.__enter__()

    yield start
    for server in with_servers:
        server.__exit__(None, None, None)


def add_cdn_script(project):
    main = project / "overrides/main.html"
    source = main.read_text(encoding="utf-8")
    if "{% block scripts %}" in source:
        source = source.replace("{% block scripts %}", "{% block scripts %}\n  " + CDN_SCRIPT, 1)
    else:
        source += "\n{% block scripts %}\n  " + CDN_SCRIPT + "\n  {{ super() }}\n{% endblock %}\n"
    main.write_text(source, encoding="utf-8")


def drop_zero_width_space_from_separator(project):
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    broken = re.sub(r"(separator: '[^'\n]*?)\\u200b", r"\1", source)
    assert broken != source, "the search separator with \\u200b is no longer in mkdocs.yml"
    config.write_text(broken, encoding="utf-8")


def start_materials_search_worker(project):
    main = project / "overrides/main.html"
    source = main.read_text(encoding="utf-8")
    broken = source.replace("$1search-words.js?material=$2", "$1$2")
    assert broken != source, "overrides/main.html no longer starts search-words.js"
    main.write_text(broken, encoding="utf-8")


def turn_off_language_switcher(project):
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    broken = source.replace("reconfigure_material: true", "reconfigure_material: false")
    assert broken != source, "reconfigure_material: true is no longer in mkdocs.yml"
    config.write_text(broken, encoding="utf-8")


def test_a_cdn_script_is_caught(browse, serve_broken):
    _, url = serve_broken("cdn", add_cdn_script)
    page = browse(base_url=url, checked=False)
    with pytest.raises(AssertionError, match="cdn.jsdelivr.net"):
        check_no_third_party_request(page, "en", pages=["providers/groq/"])
    assert any("cdn.jsdelivr.net" in problem for problem in page.recorder.problems())


def test_a_search_separator_without_zero_width_space_is_caught(browse, serve_broken):
    site, url = serve_broken("separator", drop_zero_width_space_from_separator)
    page = browse(base_url=url, checked=False)
    with pytest.raises(AssertionError):
        check_chinese_term(page, site, "价格")


def test_materials_own_chinese_query_splitting_is_caught(browse, serve_broken):
    site, url = serve_broken("worker", start_materials_search_worker)
    page = browse(base_url=url, checked=False)
    with pytest.raises(AssertionError, match="not searched"):
        check_every_word_kept(page, site, "上下文窗口", ["上下文", "窗口"])


def test_a_disabled_language_switcher_is_caught(browse, serve_broken):
    _, url = serve_broken("switcher", turn_off_language_switcher)
    page = browse(base_url=url, checked=False)
    with pytest.raises(AssertionError, match="language menu"):
        round_trip(page, "providers/groq/", "en")
