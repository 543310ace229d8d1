"""Hostile input, property-based: mutate the real data files the way a pull request could and check
the invariants of issue 11 on every case.

- the catalog either loads or raises CatalogError (`scripts/check data` exits 0 or 1): no traceback;
- every problem names a data file and a line inside it;
- what must be refused is refused (tests/hostile.py says which mutations are garbage);
- what is accepted renders in both languages (the build cannot crash where the check passed), and the
  pages' HTML, the search entries and the llms text hold no live markup from the catalog.

The normal suite runs a fixed, bounded set of cases (derandomized). A longer run:
`HOSTILE_FUZZ_EXAMPLES=2000 HOSTILE_FUZZ_SEED=7 .venv/bin/python -m pytest tests/test_hostile_input.py -s`
(a seed draws other cases than the fixed ones); with `HOSTILE_FUZZ_BUILD=1` each case is also checked
by `scripts/check data` and a real `mkdocs build` (about 15 s a case), which must agree with it.
"""

from __future__ import annotations

import collections
import html as html_module
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import catalog
import hostile
from conftest import ROOT, copy_project, mkdocs_build
from docsite.searchindex import model_entries
from render import comparison, comparison_data, llms, markers, provider
from render.text import html_text, llms_text

EXAMPLES = int(os.environ.get("HOSTILE_FUZZ_EXAMPLES", "80"))
REAL_BUILD = os.environ.get("HOSTILE_FUZZ_BUILD") == "1"
SEED = os.environ.get("HOSTILE_FUZZ_SEED")  # unset: the fixed, derandomized cases of the normal suite
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
# Tags and attributes that only a leak could put into a rendered fragment of the catalog.
LIVE_TAGS = {"hostile-x", "script", "img", "iframe", "svg", "style", "object", "embed"}


class LiveMarkup(HTMLParser):
    """Collects markup in HTML that catalog text must never produce: tags, handlers, script links."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            target = (value or "").strip().lower()
            if name.startswith("on") or (name in ("href", "src") and target.startswith(("javascript:", "data:"))):
                self.found.append(f"{tag} {name}={value!r}")


def live_markup(source: str) -> list[str]:
    return LiveMarkup(source).found


def to_html(text: str, extensions=EXTENSIONS) -> str:
    return markdown.markdown(text, extensions=extensions)


def render_everything(loaded: catalog.Catalog) -> list[str]:
    """Render what the build renders from the catalog, in both languages; return every leak found."""
    leaks = []
    for lang in ("en", "zh"):
        pages = [provider.render_page(loaded, entry, lang) for entry in loaded.providers]
        pages.append(markers.expand("<!-- catalog:providers-index -->\n\n<!-- catalog:glossary -->\n\n"
                                    "<!-- catalog:stats -->", loaded, lang))
        for page in pages:
            leaks += live_markup(to_html(page))
            leaks += live_markup(to_html(llms.plain_markdown(page, lambda target: target), extensions=[]))
        every = comparison_data.records(loaded, lang)
        leaks += live_markup(comparison.render_comparison(loaded, every, lang))
        # The script puts the JSON's texts in as text; none may hold a character HTML would read.
        data = comparison_data.render_json(loaded, every, lang)
        leaks += [char for char in "<>&" if char in data]
        for entries in model_entries(loaded, lang, "en").values():
            leaks += [leak for entry in entries for leak in live_markup(entry["title"] + " " + entry["text"])]
        for entry in loaded.providers:  # navigation titles and llms.txt lines
            leaks += live_markup(html_text(entry.title(lang)))
            leaks += live_markup(to_html(f"- [{llms_text(entry.title(lang))}](x): {llms_text(entry.summary(lang))}"))
    return leaks


def problems_point_into_files(error: catalog.CatalogError, data: Path) -> list[str]:
    """Problems that do not name a data file and a line inside it."""
    wrong = []
    for problem in error.problems:
        path = data.parent / problem.path
        if not problem.path.startswith(data.name) or problem.line < 1 or not problem.message:
            wrong.append(str(problem))
        elif path.is_file() and not path.is_symlink() and path.stat().st_size < 10**6:
            lines = path.read_bytes().count(b"\n") + 1
            if problem.line > lines:
                wrong.append(f"{problem} (the file has {lines} lines)")
    return wrong


def judge(data: Path, mutation: hostile.Mutation) -> str:
    """'clean failure' or 'right accept'; an AssertionError for a broken invariant."""
    try:
        loaded = catalog.load(data, data.parent)
    except catalog.CatalogError as error:
        wrong = problems_point_into_files(error, data)
        assert not wrong, f"{mutation}: problems without a file and line: {wrong}"
        return "clean failure"
    assert mutation.expect != hostile.MUST, f"{mutation}: accepted, but it must be refused"
    leaks = render_everything(loaded)
    assert not leaks, f"{mutation}: live markup from the catalog: {leaks[:5]}"
    return "right accept"


def fresh_data(folder: Path, pristine: Path) -> Path:
    """A data folder with the real shared files and a few providers (restored before every case)."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(pristine, folder, symlinks=True)
    return folder


def _copy_special(source: str, target: str) -> None:
    """Copy a data file as it is: a pipe stays a pipe, a huge sparse file stays sparse."""
    status = os.lstat(source)
    if stat.S_ISFIFO(status.st_mode):
        os.mkfifo(target)
    elif status.st_size > 10**6:
        with open(target, "wb") as handle:
            handle.truncate(status.st_size)
    else:
        shutil.copy2(source, target)


def real_check_and_build(data: Path, work: Path) -> tuple[int, int, str]:
    """Exit codes of `scripts/check data` and `mkdocs build --strict` on a project with this data."""
    shutil.rmtree(work, ignore_errors=True)
    project = copy_project(work / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(data, project / "data", symlinks=True, copy_function=_copy_special)
    check = subprocess.run([sys.executable, "-m", "checks", "--root", str(project), "data"], capture_output=True,
                           text=True, cwd=ROOT / "hooks")
    build = mkdocs_build(project, work / "site")
    output = check.stdout + check.stderr + build.stdout + build.stderr
    shutil.rmtree(work)
    return check.returncode, build.returncode, output


def test_mutated_data_is_refused_cleanly_or_rendered_safely(tmp_path):
    pristine = tmp_path / "pristine"
    if REAL_BUILD:
        shutil.copytree(ROOT / "data", pristine)  # the docs' markers need every provider
    else:
        shutil.copytree(ROOT / "data", pristine, ignore=shutil.ignore_patterns("providers", "changes.yaml"))
        (pristine / "providers").mkdir()
        for name in ("groq", "anthropic", "qwen", "vertex", "claude-code", "ollama", "doubao"):
            shutil.copy2(ROOT / f"data/providers/{name}.yaml", pristine / f"providers/{name}.yaml")
    data = tmp_path / "data"
    targets = hostile.shuffled_targets(pristine, 11)
    counts: collections.Counter = collections.Counter()
    start = time.perf_counter()

    @settings(max_examples=EXAMPLES, derandomize=SEED is None, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @seed(int(SEED or 0))
    @given(st.data())
    def case(drawn):
        fresh_data(data, pristine)
        mutation = drawn.draw(hostile.mutations(data, targets))
        try:
            verdict = judge(data, mutation)
        except AssertionError:
            counts["broken invariant"] += 1
            raise
        except Exception:  # anything but CatalogError from the loader, or a crash in a renderer
            counts["traceback"] += 1
            raise
        counts[verdict] += 1
        if REAL_BUILD:
            check, build, output = real_check_and_build(data, tmp_path / "work")
            assert "Traceback" not in output, f"{mutation}: {output[-2000:]}"
            assert check in (0, 1) and (check == 0) == (build == 0), f"{mutation}: check {check}, build {build}"
            assert (check == 0) == (verdict == "right accept"), f"{mutation}: check {check}, judged {verdict}"

    try:
        case()
    finally:
        summary = {"cases": sum(counts.values()), **counts, "seconds": round(time.perf_counter() - start, 1),
                   "real_build": REAL_BUILD}
        print("\nhostile input:", json.dumps(summary))
        report = os.environ.get("HOSTILE_FUZZ_REPORT")
        if report:
            Path(report).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


@pytest.mark.parametrize("payload", hostile.MARKUP)
def test_markup_in_every_text_of_a_provider_stays_text(payload, tmp_path):
    """One payload in every text field of a real provider: accepted (it is valid text) and inert."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (data / "providers").mkdir()
    tree = hostile.yaml.safe_load((ROOT / "data/providers/groq.yaml").read_text(encoding="utf-8"))
    for leaf in hostile.leaves(tree):
        if leaf.kind() == "text" and leaf.key in ("name", "en", "zh", "title", "provider", "key_field", "model_field"):
            node = tree
            for part in leaf.path[:-1]:
                node = node[part]
            node[leaf.path[-1]] = f"{leaf.value} {payload}"
    (data / "providers/groq.yaml").write_text(hostile.yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    assert judge(data, hostile.Mutation("providers/groq.yaml", payload, hostile.MAY)) == "right accept"


PAYLOAD = "<hostile-x onhostile=1> [y](javascript:alert(1)) \" onhostile=\"1"


def _inert_everywhere(site: Path) -> list[str]:
    """Live payload markup in the built site's pages, search index and llms files."""
    found = []
    for page in site.rglob("*.html"):
        found += [f"{page.relative_to(site)}: {leak}" for leak in payload_markup(page.read_text(encoding="utf-8"))]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    found += [f"search {doc['location']}: {leak}" for doc in index["docs"]
              for leak in payload_markup(doc["title"] + " " + doc["text"])]
    for name in ("llms.txt", "llms-full.txt", "zh/llms.txt", "zh/llms-full.txt"):
        found += [f"{name}: {leak}" for leak in payload_markup(to_html((site / name).read_text(encoding="utf-8")))]
    return found


def payload_markup(source: str) -> list[str]:
    """The payload's own tag, handler or script link, live in HTML (pages have scripts of their own)."""
    return [leak for leak in live_markup(source) if "hostile" in leak or "javascript:" in leak]


def test_hostile_names_and_labels_stay_text_in_the_built_site(project, tmp_path):
    """Names in search entries and navigation titles ran script before issue 11; now all are text."""
    cerebras = project / "data/providers/cerebras.yaml"  # a generated page: its title is the name
    text = cerebras.read_text(encoding="utf-8").replace("\nname: Cerebras\n", f"\nname: 'Cerebras {PAYLOAD}'\n", 1)
    text = text.replace("name: GLM-4.7", f"name: 'GLM-4.7 {PAYLOAD}'", 1)
    cerebras.write_text(text, encoding="utf-8")
    labels = project / "data/labels/site.yaml"
    labels.write_text(labels.read_text(encoding="utf-8").replace(
        "kind_cloud_api_plural: {en: Cloud APIs,", f"kind_cloud_api_plural: {{en: 'Cloud APIs {PAYLOAD}',"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site/providers/cerebras/index.html").read_text(encoding="utf-8")
    assert "&lt;hostile-x" in page and PAYLOAD.split()[0] not in page
    assert _inert_everywhere(tmp_path / "site") == []
    # The footer's aria-label names the neighbouring pages escaped once, not as "&amp;lt;".
    labels = [match for path in (tmp_path / "site").rglob("*.html")
              for match in re.findall(r'aria-label="[^"]*hostile[^"]*"', path.read_text(encoding="utf-8"))]
    assert labels and not [label for label in labels if "&amp;" in label], labels[:3]


# Text made of the characters that build markup, so that tags, links and entities come up often.
MARKUP_TEXT = st.lists(st.sampled_from([*"<>&\"'`[]()!*_|\\#{}:/;= xjavscript", "javascript:", "https://a.example/",
                                        "<hostile-x ", "&#60;", "onhostile="]), max_size=30).map("".join)


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(MARKUP_TEXT)
def test_every_escape_leaves_no_markup(text):
    """Each destination's rule in render/text.py, fed arbitrary markup-like text, yields only text
    (and, for `inline`, links to https addresses written out in it)."""
    from render.text import attr, code, inline
    assert not live_markup(html_text(text))
    assert not live_markup(f'<a title="{attr(text)}">x</a>')
    assert not live_markup(to_html(inline(text))) and not live_markup(to_html(code(text)))
    assert not live_markup(to_html(f"| a |\n| - |\n| {inline(text)} |", extensions=["tables"]))
    assert not live_markup(to_html(llms_text(text), extensions=[]))
    assert not live_markup(to_html(llms.plain_markdown(inline(text), lambda target: target), extensions=[]))


def test_model_ids_with_brackets_keep_their_links():
    """`sonnet[1m]` inside a link's text (the features list) or a table cell stays one link with the id."""
    loaded = catalog.load(ROOT / "data", ROOT)
    claude = loaded.provider("claude-code")
    html = to_html(markers.expand(provider.render_page(loaded, claude, "en"), loaded, "en"))
    links = re.findall(r'<a href="#model-claude-code-sonnet-1m-"><code>(.*?)</code></a>', html)
    assert links and {html_module.unescape(text) for text in links} == {"sonnet[1m]"}
    assert "](#model-" not in html and "&amp;#91;" not in html  # no Markdown link left unread
