"""scripts/serve as a contributor runs it: a saved provider file or page rebuilds only what it feeds.

One real `scripts/serve` (English only, `mkdocs serve --dirty` with our focused rebuilds) on a copy of the
project; each test saves a file and reads the served site and the server's log.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

sys.path.insert(0, str(ROOT / "bench"))
import serve_rebuild  # noqa: E402  (the benchmark's own server helpers: a free port, a forgiving fetch)

PRICE = "price: {currency: USD, input: 0.15, output: 0.6, cache_read: 0.075}"  # a Groq model's, once in the file


def wait_until(condition, what: str, limit: float = 120) -> None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {limit} s")


class Server:
    """A running scripts/serve: its address, its log and the site folder it serves from."""

    def __init__(self, project: Path, log: Path):
        self.port = serve_rebuild.free_port()
        self.project, self.log_path = project, log
        env = {key: value for key, value in os.environ.items() if key != "DOCS_BUILD_ZH"}
        self.process = subprocess.Popen([str(project / "scripts/serve"), "-a", f"127.0.0.1:{self.port}"], cwd=project,
                                        env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))
        wait_until(lambda: "</html>" in self.page("providers/groq/"), "the first build", 300)

    def page(self, path: str) -> str:
        """A served file, without the numbers of the live-reload script the server adds to every page."""
        return re.sub(r"livereload\(\d+, \d+\)", "livereload()", serve_rebuild.fetch(f"http://127.0.0.1:{self.port}/{path}"))

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def rebuilds(self) -> int:
        return self.log().count("Documentation built in")

    def save(self, relative: str, text: str, until: str) -> str:
        """Write a file, wait until the server's log says `until` (a pattern) and return what it logged since."""
        before = len(self.log())
        time.sleep(1.1)  # a file time apart from the last build's output
        (self.project / relative).write_text(text, encoding="utf-8")
        wait_until(lambda: re.search(until, self.log()[before:]), f"{until!r} after saving {relative}")
        return self.log()[before:]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    (project / "scripts").symlink_to(ROOT / "scripts")
    (project / ".venv").symlink_to(ROOT / ".venv")
    running = Server(project, project.parent / "serve.log")
    yield running
    running.process.terminate()
    running.process.wait(timeout=30)


def preview_lines(said: str) -> list[str]:
    return re.findall(r"Preview: rebuilt .*", said)


def test_a_saved_provider_file_rebuilds_the_pages_it_feeds(server):
    groq = server.project / "data/providers/groq.yaml"
    original, index = groq.read_text(encoding="utf-8"), server.page("search/search_index.json")
    assert original.count(PRICE) == 1 and index
    try:
        said = server.save("data/providers/groq.yaml", original.replace(PRICE, PRICE.replace("0.15", "0.1234")),
                           until=r"Preview: rebuilt .*providers/groq\.md")
        line = preview_lines(said)[-1]
        # Its own page first, then the pages that list every provider, then its models' pages.
        assert line.startswith("Preview: rebuilt 19 page(s): providers/groq.md, compare.md, glossary.md, index.md, "
                               "models/index.md, providers/index.md, task-cost.md, models/"), line
        assert "providers/openai.md" not in line and "contributing.md" not in line
        assert "0.1234" in server.page("providers/groq/") and "0.1234" in server.page("compare/models.json")
        assert "0.1234" in server.page("models/gpt-oss-120b/")
        # The search index stays the last full one, not an index of the rebuilt pages alone.
        assert server.page("search/search_index.json") == index
        assert "dirty" not in said  # MkDocs' warning gives way to ours
    finally:
        server.save("data/providers/groq.yaml", original, until=r"Preview: rebuilt .*providers/groq\.md")


def test_a_saved_page_rebuilds_that_page_alone(server):
    page = server.project / "docs/contributing.md"
    original = page.read_text(encoding="utf-8")
    try:
        said = server.save("docs/contributing.md", original + "\nA sentence saved under the preview.\n",
                           until=r"Preview: rebuilt .*contributing\.md")
        assert preview_lines(said)[-1].startswith("Preview: rebuilt 1 page(s): contributing.md. ")
        assert "A sentence saved under the preview." in server.page("contributing/")
        # The other pages keep their titles in the navigation, though they were not read again.
        assert ">Compare models<" in server.page("contributing/").replace("\n", "").replace("  ", "")
    finally:
        server.save("docs/contributing.md", original, until=r"Preview: rebuilt .*contributing\.md")


def test_a_broken_provider_file_is_reported_and_the_last_build_stays(server):
    groq = server.project / "data/providers/groq.yaml"
    original = groq.read_text(encoding="utf-8")
    before = server.page("providers/groq/")
    try:
        said = server.save("data/providers/groq.yaml", original.replace(PRICE, PRICE.replace("input:", "input: :")),
                           until=r"ERROR(.|\n)*rebuild")
        assert re.search(r"data/providers/groq\.yaml:\d+:\d+: models\[\d+\]\.price\.input: YAML syntax error", said)
        # (MkDocs' server now holds requests until a build succeeds.)
    finally:
        # Back as it was at the last good build: nothing to rebuild.
        said = server.save("data/providers/groq.yaml", original, until=r"Preview: nothing changed")
    assert not preview_lines(said) and server.page("providers/groq/") == before


def test_a_changed_config_rebuilds_everything(server):
    config = server.project / "mkdocs.yml"
    said = server.save("mkdocs.yml", config.read_text(encoding="utf-8"), until="Documentation built in")
    assert not preview_lines(said) and "Preview: nothing changed" not in said


def test_a_page_that_comes_or_goes_rebuilds_everything(server):
    # Bedrock and Groq serve gpt-oss-safeguard-20b; named as another model, its page goes, and with it
    # an entry of every page's navigation data.
    groq = server.project / "data/providers/groq.yaml"
    original = groq.read_text(encoding="utf-8")
    assert original.count("  model: gpt-oss-safeguard-20b\n") == 1
    try:
        renamed = original.replace("  model: gpt-oss-safeguard-20b\n", "  model: gpt-oss-safeguard-20b-tuned\n")
        said = server.save("data/providers/groq.yaml", renamed, until="Documentation built in")
        assert not preview_lines(said) and "Preview: nothing changed" not in said, said[-2000:]
    finally:
        said = server.save("data/providers/groq.yaml", original, until="Documentation built in")
    assert not preview_lines(said)
