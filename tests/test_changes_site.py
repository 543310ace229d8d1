"""The change page, its Atom feeds and the retirement radar on the built site, in both languages; and a hand
edit recorded, committed and built from a shallow clone (as CI and forks check out)."""

from __future__ import annotations

import datetime
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

import catalog
from checks.__main__ import main as check_main
from conftest import ROOT, copy_project
from docsite.exports import build_day
from render import changes, feed, radar
from render.models import model_anchor
from sitecheck import Page, resolve

CATALOG = catalog.load(ROOT / "data", ROOT)
LANG_ROOT = {"en": "", "zh": "zh/"}
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]


def page(site: Path, lang: str, path: str) -> Page:
    return Page(site / LANG_ROOT[lang] / path / "index.html")


def feed_links(built: Page) -> list[str]:
    return re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)"', built.source)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_change_page_links_every_entry_to_the_model_row(site, lang):
    built = page(site, lang, "changes")
    sections = changes.by_provider(CATALOG)
    assert {f"changes-{provider.id}" for provider, _ in sections} <= built.ids
    targets = {}
    for link in built.links:
        href = link.get("href", "")
        if "#model-" in href:
            target, fragment = resolve(site, built.path, href), href.split("#", 1)[1]
            targets.setdefault(target, set()).add(fragment)
    assert targets, "entries link to model rows"
    for target, fragments in targets.items():
        assert fragments <= Page(target).ids, (target, sorted(fragments - Page(target).ids)[:3])
        assert f"/{LANG_ROOT[lang]}providers/" in "/" + target.relative_to(site).as_posix()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_change_page_switches_language_and_is_in_the_sitemap(site, lang):
    other = "zh" if lang == "en" else "en"
    built = page(site, lang, "changes")
    assert resolve(site, built.path, built.switcher()[other]) == site / LANG_ROOT[other] / "changes/index.html"
    assert f"{LANG_ROOT[lang]}changes/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_radar_on_the_page_lists_what_the_data_says_for_the_build_day(site, lang):
    built = page(site, lang, "changes")
    upcoming, recent = radar.radar(CATALOG, build_day())
    radar_part = built.source.split('id="changes-', 1)[0]
    for item in upcoming + recent:
        assert f"#{model_anchor(item.provider, item.model)}" in radar_part, item.model.id
    listed = re.findall(r'#(model-[^"]+)"', radar_part)
    expected = {model_anchor(item.provider, model) for item in upcoming + recent
                for model in (item.model, item.replacement()) if model}
    assert set(listed) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feeds_parse_as_atom_for_the_catalog_and_each_provider(site, lang):
    folder = site / LANG_ROOT[lang] / "changes"
    whole = feedparser.parse((folder / changes.FEED).read_bytes())
    assert not whole.bozo and whole.version == "atom10"
    assert len(whole.entries) == min(len(CATALOG.changes), feed.ENTRY_LIMIT)
    assert whole.feed.language == lang
    for provider, entries in changes.by_provider(CATALOG):
        parsed = feedparser.parse((folder / changes.provider_feed(provider.id)).read_bytes())
        assert not parsed.bozo, provider.id
        assert len(parsed.entries) == min(len(entries), feed.ENTRY_LIMIT)
        assert all(provider.title(lang) in entry.title for entry in parsed.entries)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_heads_link_the_feeds_that_exist(site, lang):
    for path, count in (("", 1), ("changes", 1), ("providers/groq", 2), ("providers/deepseek", 2)):
        built = page(site, lang, path)
        hrefs = feed_links(built)
        assert len(hrefs) == count, path
        for href in hrefs:
            assert resolve(site, built.path, href).is_file(), (path, href)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_pages_carry_the_radar_notice_of_their_models(site, lang):
    upcoming, recent = radar.radar(CATALOG, build_day())
    on_radar = {item.provider.id for item in upcoming + recent}
    for provider in CATALOG.providers:
        built = page(site, lang, f"providers/{provider.id}")
        assert ("admonition warning" in built.source) == (provider.id in on_radar), provider.id


# A fresh shallow clone ---------------------------------------------------------------------------

def build(project: Path, site: Path, day: str) -> subprocess.CompletedProcess:
    """The strict build, with the radar's day fixed through SOURCE_DATE_EPOCH."""
    epoch = int(datetime.datetime.fromisoformat(day + "T12:00:00+00:00").timestamp())
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          capture_output=True, text=True, env=env, cwd=project)


def hand_edit(project: Path) -> None:
    """Groq's Llama 3.3 70B repriced, and Llama 3.1 8B deprecated for retirement on 2027-01-15."""
    groq = project / "data/providers/groq.yaml"
    text = groq.read_text(encoding="utf-8")
    text = text.replace("  price: {currency: USD, input: 0.59, output: 0.79}",
                        "  price: {currency: USD, input: 0.65, output: 0.79}", 1)
    instant = text.index("- id: llama-3.1-8b-instant\n")
    text = text[:instant] + text[instant:].replace(
        "  status: active\n", "  status: deprecated\n  deprecated: 2027-01-15\n  replacement: openai/gpt-oss-20b\n", 1)
    groq.write_text(text, encoding="utf-8")


def test_a_hand_edit_recorded_shows_up_when_built_from_a_shallow_clone(tmp_path, capsys):
    origin = copy_project(tmp_path / "origin")
    subprocess.run(["git", "init", "-q", str(origin)], check=True)
    subprocess.run([*GIT, "-C", str(origin), "add", "."], check=True)
    subprocess.run([*GIT, "-C", str(origin), "commit", "-q", "-m", "base"], check=True)
    hand_edit(origin)
    assert check_main(["--root", str(origin), "diff", "HEAD", "--record", "--date", "2026-12-10"]) == 0
    subprocess.run([*GIT, "-C", str(origin), "commit", "-q", "-am", "Groq: price and deprecation"], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(clone)], check=True)
    result = build(clone, tmp_path / "site", "2026-12-12")
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    for lang, event, notice in (("en", "Deprecated (2027-01-15)", "retires on 2027-01-15"),
                                ("zh", "已弃用（2027-01-15）", "将于 2027-01-15 下线")):
        source = page(site, lang, "changes").source
        groq_section = html.unescape(source.split('id="changes-groq"', 1)[1].split('id="changes-', 1)[0])
        assert groq_section.index("$0.59 → $0.65") < groq_section.index("2026-11-30")  # newest above the seed
        assert event in groq_section
        entries = feedparser.parse((site / LANG_ROOT[lang] / "changes/feeds/groq.xml").read_bytes()).entries
        assert entries[0].updated.startswith("2026-12-10")
        assert any("$0.59 → $0.65" in entry.summary for entry in entries[:2])
        radar_part = page(site, lang, "changes").source.split('id="changes-', 1)[0]
        assert "#model-groq-llama-3.1-8b-instant" in radar_part and "#model-groq-openai-gpt-oss-20b" in radar_part
        assert notice in page(site, lang, "providers/groq").text


def test_the_change_rows_stay_out_of_the_search_index(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    change_docs = [doc for doc in index["docs"] if doc["location"].split("#")[0] in ("changes/", "zh/changes/")]
    assert change_docs, "the page itself (title, radar) is searchable"
    assert not any("→" in doc["text"] for doc in change_docs)
