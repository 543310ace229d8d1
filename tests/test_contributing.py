"""What contributors' changes look like on the site: hostile catalog text stays text, pages say when
they are not (or no longer) translated, and every page's edit button leads to a file in the repo."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from sitecheck import Page, resolve

HOSTILE = "<script>alert(1)</script> and a | b with `tick`"
HOSTILE_PROVIDER = textwrap.dedent("""\
    name: "Hostile</title><script>alert(1)</script>"
    kind: cloud-api
    summary:
      en: "Summary <script>alert(1)</script> and a | b with `tick`."
      zh: "简介 <script>alert(1)</script> 以及 a | b。"
    website: https://example.com/
    api_key_url: https://example.com/keys
    cline: {provider: "Hostile <i>Cloud</i>", key_field: "Key | field", model_field: Model}
    sources:
      models:
        url: https://example.com/models
        title: {en: "Models <script>alert(2)</script> | list", zh: "模型 <script>alert(2)</script> | 列表"}
    models_source: models
    verified: 2026-11-28
    models:
    - id: hostile-1
      name: "Model <script>alert(1)</script> and a | b with `tick`"
      model: hostile-1
      vendor: meta
      context: 8192
      max_output: 4096
      price: {plan: free}
      capabilities: [vision]
      status: active
      verified: 2026-11-28
      description:
        en: "<script>alert(1)</script> and a | b with `tick`"
        zh: "<script>alert(1)</script> and a | b with `tick`"
    """)


@pytest.fixture(scope="module")
def contributed(tmp_path_factory) -> Path:
    """The project plus what contributors might send: a hostile provider, pages in one language only,
    and an English page changed after its translation."""
    base = tmp_path_factory.mktemp("contributed")
    project = copy_project(base / "project")
    if not (project / "schemas").exists():
        shutil.copytree(ROOT / "schemas", project / "schemas")
    (project / "data/providers/hostile-cloud.yaml").write_text(HOSTILE_PROVIDER, encoding="utf-8")
    (project / "docs/only-english.md").write_text("# Only in English\n\nNo translation yet.\n", encoding="utf-8")
    (project / "docs/only-chinese.zh.md").write_text("# 只有中文\n\n还没有英文版。\n", encoding="utf-8")
    glossary = project / "docs/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nA sentence added after the translation.\n",
                        encoding="utf-8")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return base / "site"


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site, without assets and 404 pages."""
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts and path.name != "404.html")


@pytest.mark.parametrize("lang_root", ["", "zh/"])
def test_hostile_catalog_text_shows_as_text(contributed, lang_root):
    hostile = Page(contributed / lang_root / "providers/hostile-cloud/index.html")
    assert HOSTILE in hostile.text  # the description, as the reader sees it
    row = re.search(r'<tr>(?:(?!<tr>).)*?id="model-hostile-cloud-hostile-1".*?</tr>', hostile.source, re.S).group()
    headings = len(re.findall(r"<th[ >]", re.search(r"<thead>.*?</thead>", hostile.source, re.S).group()))
    assert len(re.findall(r"<td", row)) == headings == 9  # the | did not split a cell
    assert "<code>tick</code>" not in hostile.source  # the backticks did not make code
    assert re.search(r"<title>Hostile&lt;/title&gt;&lt;script&gt;alert\(1\)&lt;/script&gt; - ", hostile.source)


def test_no_page_carries_injected_markup(contributed):
    for path in html_pages(contributed):
        source = path.read_text(encoding="utf-8")
        assert "<script>alert(" not in source and "<i>Cloud</i>" not in source, path


def test_hostile_model_name_is_text_wherever_it_is_shown(contributed):
    name = "Model <script>alert(1)</script> and a | b with `tick`"
    shown = [path for path in html_pages(contributed) if name in Page(path).text]
    if not shown:
        pytest.skip("no page shows this model name (the comparison holds a first page of rows only)")
    for path in shown:
        assert "<script>alert(1)" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang_root", ["", "zh/"])
def test_hostile_model_name_is_inert_text_in_the_comparison_data(contributed, lang_root):
    source = (contributed / lang_root / "compare/models.json").read_text(encoding="utf-8")
    assert "<" not in source and ">" not in source  # inert even if a page ever inlined it
    document = json.loads(source)
    cells = [cell for row in document["rows"] for cell in row[document["fields"].index("cells")]]
    assert any("Model <script>alert(1)</script> and a | b with `tick`" in cell for cell in cells)


@pytest.mark.parametrize("page_path, lang_root, original, words", [
    ("only-english", "zh/", "only-english/index.html", ["尚未翻译", "本页还没有中文版", "英文原文"]),
    ("only-chinese", "", "zh/only-chinese/index.html", ["Not translated yet", "not been translated into English",
                                                        "Chinese original"]),
    ("glossary", "zh/", "glossary/index.html", ["译文可能已过时", "英文原文在翻译之后有过修改"]),
])
def test_page_tells_the_reader_it_is_untranslated_or_outdated(contributed, page_path, lang_root, original, words):
    shown = Page(contributed / lang_root / page_path / "index.html")
    notice = re.search(r'<div class="admonition info">(.*?)</div>', shown.source, re.S).group(1)
    for word in words:
        assert word in notice, word
    link = re.search(r'<a href="([^"]+)" hreflang', notice).group(1)
    assert resolve(contributed, shown.path, link) == contributed / original


def test_translated_and_current_pages_have_no_notice(contributed):
    for path in ("index.html", "zh/index.html", "providers/groq/index.html", "zh/providers/groq/index.html",
                 "glossary/index.html", "zh/providers/hostile-cloud/index.html"):
        text = Page(contributed / path).text
        assert "尚未翻译" not in text and "Not translated yet" not in text
    assert "译文可能已过时" not in Page(contributed / "zh/index.html").text


def edit_target(page: Page) -> str | None:
    """The repository path the page's edit button opens, or None when it has none."""
    for link in page.links:
        if "md-content__button" in (link.get("class") or "") and "/edit/" in (link.get("href") or ""):
            return link["href"].split("/edit/", 1)[1].split("/", 1)[1]
    return None


def test_every_page_of_the_real_site_has_an_edit_button_to_an_existing_file(site):
    for path in html_pages(site):
        target = edit_target(Page(path))
        assert target is not None, path
        assert (ROOT / target).is_file(), (path, target)


@pytest.mark.parametrize("page_path, target", [
    ("only-chinese/index.html", "docs/only-chinese.zh.md"), ("zh/only-english/index.html", "docs/only-english.md"),
    ("zh/providers/hostile-cloud/index.html", "data/providers/hostile-cloud.yaml"),
    ("zh/glossary/index.html", "docs/glossary.zh.md"),
])
def test_edit_button_opens_the_source_of_what_the_page_shows(contributed, page_path, target):
    assert edit_target(Page(contributed / page_path)) == target


@pytest.mark.parametrize("lang_root", ["", "zh/"])
def test_groq_edit_button_points_at_a_file_in_the_repo(site, lang_root):
    target = edit_target(Page(site / lang_root / "providers/groq/index.html"))
    assert target and (ROOT / target).is_file()
