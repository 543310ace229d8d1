"""The change record (data/changes.yaml): how changes are recorded, and what the page, the feeds and the
retirement radar make of them, in both languages. The built site is checked in test_changes_site.py."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

import catalog
from checks import record
from checks.__main__ import main as check_main
from conftest import ROOT
from corpus import CORPUS, GROQ_FIXTURE, base_data
from render import changefacts, changes, feed, radar

TODAY = datetime.date(2026, 12, 1)
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
# Two models of the fixture Groq file on the radar of TODAY: one retiring in 30 days, one retired 10 days ago.
RADAR_EDITS = (
    ("  status: active\n  description: {en: \"Fast inference", "  status: deprecated\n  deprecated: 2026-12-31\n"
     "  replacement: openai/gpt-oss-20b\n  description: {en: \"Fast inference"),
)


def groq_data(tmp_path: Path, groq_text: str | None = None, changes_text: str | None = None) -> Path:
    """A data folder with the shared files, the fixture Groq file (optionally edited) and a change record."""
    data = base_data(tmp_path / "data")
    if groq_text is not None:
        (data / "providers/groq.yaml").write_text(groq_text, encoding="utf-8")
    shutil.copy2(CORPUS / "valid/changes.yaml", data / "changes.yaml")
    if changes_text is not None:
        (data / "changes.yaml").write_text(changes_text, encoding="utf-8")
    return data


def radar_groq() -> str:
    """The fixture Groq file with llama-3.1-8b-instant deprecated (to retire on 2026-12-31, replaced by
    gpt-oss-20b) and kimi-k2-instruct retired on 2026-11-21."""
    text = GROQ_FIXTURE.read_text(encoding="utf-8")
    for old, new in RADAR_EDITS:
        assert old in text
        text = text.replace(old, new, 1)
    kimi = text.index("- id: moonshotai/kimi-k2-instruct\n")
    return text[:kimi] + text[kimi:].replace("  status: active\n", "  status: retired\n  retired: 2026-11-21\n", 1)


@pytest.fixture
def loaded(tmp_path) -> catalog.Catalog:
    data = groq_data(tmp_path, radar_groq())
    return catalog.load(data, data.parent)


# Data rules ----------------------------------------------------------------------------------------

def test_the_real_record_loads_newest_first_with_the_seeded_sync():
    real = catalog.load(ROOT / "data", ROOT)
    assert real.changes, "data/changes.yaml holds the 2026-11-30 sync"
    dates = [change.date for change in real.changes]
    assert dates == sorted(dates, reverse=True)
    seeded = [change for change in real.changes if change.date == datetime.date(2026, 11, 30)]
    assert {change.event for change in seeded} >= {"added", "changed", "retired"}
    # Every entry names its upstream source, and sync entries name the snapshot they came from.
    assert all(change.source in change.provider.sources for change in seeded)
    assert any(change.source.date for change in seeded)


def test_a_catalog_without_a_record_has_no_changes(tmp_path):
    data = groq_data(tmp_path)
    (data / "changes.yaml").unlink()
    assert catalog.load(data, data.parent).changes == ()


def test_an_entry_of_a_provider_file_that_fails_is_not_reported_twice(tmp_path):
    broken = GROQ_FIXTURE.read_text(encoding="utf-8").replace("  context: 262144", "  context: 1K", 1)
    data = groq_data(tmp_path, broken)
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.load(data, data.parent)
    assert [problem.path for problem in caught.value.problems] == ["data/providers/groq.yaml"]


def test_a_record_written_by_hand_with_a_typo_names_file_line_and_field(tmp_path):
    text = (CORPUS / "valid/changes.yaml").read_text(encoding="utf-8").replace("source: pricing", "source: pricng", 1)
    data = groq_data(tmp_path, changes_text=text)
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.load(data, data.parent)
    assert [str(problem) for problem in caught.value.problems] == [
        "data/changes.yaml:7:3: [0].source: 'pricng' is not a key of `sources` in data/providers/groq.yaml — "
        "one of: models, pricing, cline-2026-05, cline-docs, qwen3-32b"]


# Recording -----------------------------------------------------------------------------------------

def test_entries_between_two_catalogs_one_per_model_with_old_and_new(tmp_path, loaded):
    before_data = groq_data(tmp_path / "before")
    before = catalog.load(before_data, before_data.parent)
    found = record.entries(before, loaded, TODAY)
    by_model = {entry["model"]: entry for entry in found}
    assert set(by_model) == {"llama-3.1-8b-instant", "moonshotai/kimi-k2-instruct"}
    assert by_model["llama-3.1-8b-instant"]["event"] == "deprecated"
    assert by_model["moonshotai/kimi-k2-instruct"] | {"facts": None} == {
        "date": TODAY, "provider": "groq", "model": "moonshotai/kimi-k2-instruct", "endpoint": None,
        "event": "retired", "source": "cline-2026-05", "facts": None}


def test_yaml_of_an_entry_keeps_numbers_as_text_and_ids_plain():
    entry = {"date": TODAY, "provider": "groq", "model": "qwen/qwen3-32b", "endpoint": None, "event": "changed",
             "source": "pricing", "facts": [record._fact("input:USD", 0.29, 0.3), record._fact("capabilities", (),
                                                                                             ("tools",))]}
    assert record.as_yaml(entry) == (
        "- date: 2026-12-01\n  provider: groq\n  model: qwen/qwen3-32b\n  event: changed\n  source: pricing\n"
        "  facts:\n    - {fact: input, currency: USD, from: \"0.29\", to: \"0.3\"}\n"
        "    - {fact: capabilities, to: tools}\n")


def git_repo(tmp_path: Path) -> Path:
    """A repository whose data/ holds the fixture Groq file and the corpus record, committed once."""
    repo = tmp_path / "repo"
    groq_data(repo)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "data"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-q", "-m", "base"], check=True)
    return repo


def test_check_diff_record_adds_a_hand_edit_on_top_and_the_record_still_loads(tmp_path, capsys):
    repo = git_repo(tmp_path)
    groq = repo / "data/providers/groq.yaml"
    groq.write_text(groq.read_text(encoding="utf-8").replace(
        "  price: {currency: USD, input: 0.59, output: 0.79}", "  price: {currency: USD, input: 0.65, output: 0.79}"),
        encoding="utf-8")
    assert check_main(["--root", str(repo), "diff", "HEAD", "--record", "--date", "2026-12-02"]) == 0
    assert "recorded 1 entry" in capsys.readouterr().err
    newest = catalog.load(repo / "data", repo).changes[0]
    assert (newest.date, newest.model_id, newest.event) == (datetime.date(2026, 12, 2), "llama-3.3-70b-versatile",
                                                            "changed")
    assert [(fact.fact, fact.currency, fact.before, fact.after) for fact in newest.facts] == [
        ("input", "USD", "0.59", "0.65")]
    text = (repo / "data/changes.yaml").read_text(encoding="utf-8")
    assert text.startswith((CORPUS / "valid/changes.yaml").read_text(encoding="utf-8").split("- date")[0])
    assert text.index("date: 2026-12-02") < text.index("date: 2026-12-01")  # newest first in the file too


# Renderers: the facts, the radar, the page -------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("en", "input price $0.59 → $0.65; capabilities none → Tool use"),
    ("zh", "输入价格 $0.59 → $0.65；能力 无 → 工具调用"),
])
def test_facts_read_old_to_new_in_each_language(loaded, lang, expected):
    change = next(change for change in loaded.changes if change.model_id == "llama-3.3-70b-versatile")
    assert changefacts.summary(loaded, change, lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "context window 131,072; price tiers up to 200K: $3 / $15, above 200K: $6 / $22.50"),
    ("zh", "上下文窗口 131,072；分档价格 不超过 200K：$3 / $15、超过 200K：$6 / $22.50"),
])
def test_a_new_model_shows_its_values_only(loaded, lang, expected):
    change = next(change for change in loaded.changes if change.event == "added")
    assert changefacts.summary(loaded, change, lang) == expected


def test_radar_lists_what_the_data_says_relative_to_the_given_day(loaded):
    upcoming, recent = radar.radar(loaded, TODAY)
    assert [(item.model.id, item.date, item.replacement().id) for item in upcoming] == [
        ("llama-3.1-8b-instant", datetime.date(2026, 12, 31), "openai/gpt-oss-20b")]
    assert [(item.model.id, item.date) for item in recent] == [("moonshotai/kimi-k2-instruct",
                                                                datetime.date(2026, 11, 21))]
    # 91 days on, both have left the window.
    assert radar.radar(loaded, datetime.date(2027, 4, 2)) == ([], [])


@pytest.mark.parametrize("lang, line", [
    ("en", "was retired on 2026-11-21."),
    ("zh", "已于 2026-11-21 下线。"),
])
def test_provider_notice_names_the_models_and_the_replacement(loaded, lang, line):
    notice = radar.provider_notice(loaded, loaded.provider("groq"), lang, TODAY)
    assert notice.startswith('!!! warning "')
    assert line in notice
    assert "[<code>openai/gpt-oss-20b</code>](#model-groq-openai-gpt-oss-20b)" in notice
    assert radar.provider_notice(loaded, loaded.provider("groq"), lang, datetime.date(2027, 6, 1)) == ""


@pytest.mark.parametrize("lang, heading, row", [
    ("en", "## Retirement radar", '<tr><td>2026-12-01</td><td><a href="../providers/groq/#model-groq-llama-3.3-70b-'
                                  'versatile"><code>llama-3.3-70b-versatile</code></a></td><td>Changed</td>'),
    ("zh", "## 下线雷达", '<tr><td>2026-12-01</td><td><a href="../providers/groq/#model-groq-llama-3.3-70b-'
                        'versatile"><code>llama-3.3-70b-versatile</code></a></td><td>变更</td>'),
])
def test_page_has_radar_then_provider_sections_newest_first(loaded, lang, heading, row):
    page = changes.render_page(loaded, lang, TODAY)
    assert heading in page and "{#changes-groq data-search-exclude}" in page
    assert page.index(heading) < page.index("{#changes-groq")
    # The rows join the built page in place of the section's slot, past Markdown (on_post_page).
    slot = changes.SLOT.format(id="groq")
    assert slot in page and "<tr>" not in page
    built = changes.fill_slots(f"<h2>Groq</h2>\n{slot}\n<p>after</p>", loaded, lang)
    assert row in built and built.endswith("</table>\n<p>after</p>")
    # A removed model is named, not linked.
    gone = {"en": "&#40;no longer listed&#41;", "zh": "（已不再列出）"}[lang]
    assert f"<code>mixtral-8x7b-32768</code> {gone}" in built
    assert built.index("<td>2026-12-01</td>") < built.index("<td>2026-11-30</td>")
    assert changes.fill_slots("<p>no slot</p>", loaded, lang) == "<p>no slot</p>"


# Feeds -------------------------------------------------------------------------------------------

def place(lang: str) -> feed.FeedPlace:
    root = "https://example.org/" + ("zh/" if lang == "zh" else "")
    return feed.FeedPlace(lang, "Guide <&>", root + "changes/feed.xml", root + "changes/", root)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feed_is_valid_atom_with_an_entry_per_change(loaded, lang):
    parsed = feedparser.parse(feed.render_feed(loaded, loaded.changes, "Title & <more>", place(lang)))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Title & <more>"
    assert len(parsed.entries) == len(loaded.changes)
    first = parsed.entries[0]
    assert first.link.endswith("providers/groq/#model-groq-llama-3.3-70b-versatile")
    assert first.updated == "2026-12-01T00:00:00Z"
    assert "$0.59 → $0.65" in first.summary
    assert len({entry.id for entry in parsed.entries}) == len(parsed.entries)


def test_hostile_catalog_text_is_escaped_in_the_feed(tmp_path):
    hostile = "Groq pricing</title><script>alert(1)</script> & \x01"
    text = GROQ_FIXTURE.read_text(encoding="utf-8").replace(
        "title: {en: Groq pricing,", f"title: {{en: \"{hostile.replace(chr(1), '')}\",", 1)
    data = groq_data(tmp_path, text)
    loaded = catalog.load(data, data.parent)
    document = feed.render_feed(loaded, loaded.changes, "T", place("en"))
    assert "<script>" not in document
    parsed = feedparser.parse(document)
    assert not parsed.bozo
    assert "Groq pricing</title><script>alert(1)</script> &" in parsed.entries[0].summary
