"""Exports for tools and AI assistants: the JSON catalog against its published schema and back into the
catalog's own objects, llms.txt and llms-full.txt in both languages, and the page that documents them."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest

import catalog
from catalog import specs
from catalog.entities import (ClineSettings, Endpoint, Guide, Link, Model, Price, Provider, Source, TaskProfile,
                              Term, Text, Tier, Upstream, Vendor)
from conftest import ROOT
from docsite.exports import Urls
from render import cost, llms
from render.text import inline, llms_text
from sitecheck import Page, resolve

CATALOG = catalog.load(ROOT / "data", ROOT)
SCHEMA = json.loads((ROOT / "schemas/catalog-export.schema.json").read_text(encoding="utf-8"))
LANG_ROOT = {"en": "", "zh": "zh/"}


@pytest.fixture(scope="module")
def export(site) -> dict:
    return json.loads((site / "api/catalog.v1.json").read_text(encoding="utf-8"))


# The JSON catalog ----------------------------------------------------------------------------------

def test_export_validates_against_the_published_schema(site, export):
    published = json.loads((site / "api/catalog.v1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    validator = jsonschema.Draft202012Validator(published, format_checker=checker)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(export)]
    assert not errors, "\n".join(errors[:20])
    assert {key: value for key, value in published.items() if key != "$id"} == \
           {key: value for key, value in SCHEMA.items() if key != "$id"}  # the repo's schema, as published
    assert export["$schema"] == published["$id"] and published["$id"].endswith("/api/catalog.v1.schema.json")
    assert re.fullmatch(r"1\.\d+", export["format_version"])
    datetime.date.fromisoformat(export["generated"])


def test_schema_enums_are_the_validators_values():
    defs = SCHEMA["$defs"]
    assert defs["kind"]["enum"] == list(specs.PROVIDER_KINDS)
    assert defs["capability"]["enum"] == list(specs.CAPABILITIES)
    assert defs["status"]["enum"] == list(specs.STATUSES)
    assert defs["plan"]["enum"] == list(specs.PLANS)
    assert defs["currency"]["enum"] == list(specs.CURRENCIES)
    assert defs["task_cost"]["properties"]["kind"]["enum"] == [cost.PRICED, cost.TOO_LARGE, *specs.PLANS]


def test_schema_rejects_what_the_catalog_forbids(export):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    model = export["models"][0]
    for broken in ({**model, "context": "131K"}, {**model, "surprise": 1},
                   {**model, "price": {**model["price"], "plan": "free", "input": 1}}):
        assert not validator.is_valid({**export, "models": [broken]})


def _text(value) -> Text | None:
    return Text(**value) if value is not None else None


def _day(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value is not None else None


def _price(value, sources: dict) -> Price:
    if value["plan"] != "per-token":
        return Price(plan=value["plan"])
    source = sources[value["source_id"]] if value["source_id"] else None
    return Price("per-token", value["currency"], value["input"], value["output"], value["cache_read"],
                 value["cache_write"], tuple(Tier(**tier) for tier in value["tiers"]), source)


def _model(value, vendors, sources) -> Model:
    source = sources[value["source_id"]]
    assert source.url == value["source"]
    prices = [_price(block, sources) for block in value["prices"]]
    assert prices[0] == _price(value["price"], sources)
    return Model(value["id"], value["name"], value["model"], vendors[value["vendor"]],
                 vendors.get(value["base_vendor"]),
                 value["endpoint"], value["context"], value["max_output"], prices[0], tuple(prices[1:]),
                 tuple(value["capabilities"]), value["status"], _day(value["deprecated"]), _day(value["retired"]),
                 value["replacement"], _text(value["description"]), value["upstream_id"], source,
                 _day(value["verified"]), line=0)


def _sources(value) -> dict:
    return {item["id"]: Source(item["id"], item["url"], _text(item["titles"]), _day(item["date"]))
            for item in value["sources"]}


def _upstream(value) -> Upstream:
    return Upstream(value["models_dev"], value["cline"],
                    {key: _upstream(item) for key, item in value["endpoints"].items()})


def _provider(value, models) -> Provider:
    cline = value["cline"]
    return Provider(
        value["id"], value["file"], value["name"], _text(value["local_name"]), value["kind"], _text(value["summary"]),
        value["website"], value["console_url"], value["api_key_url"], value["pricing_url"], value["models_url"],
        value["docs_url"],
        tuple(Endpoint(item["id"], item["url"], item["region"], _text(item["label"]), item["console"],
                       item["api_key_url"]) for item in value["endpoints"]),
        value["openai_compatible"],
        ClineSettings(cline["provider"], cline["key_field"], cline["base_url_field"], cline["model_field"],
                      tuple(cline["settings"]), tuple(cline["env"]), cline["default_model"], cline["live_models"],
                      _text(cline["live_models_note"])),
        tuple(map(_text, value["key_steps"])), tuple(map(_text, value["setup_steps"])),
        tuple(Link(_text(item["title"]), item["url"], item["url_zh"]) for item in value["links"]),
        tuple(map(_text, value["tips"])), tuple(map(_text, value["notes"])),
        _upstream(value["upstream"]),
        tuple(_sources(value).values()), _day(value["verified"]), models,
        tuple(value["aliases"]))


def test_export_round_trips_to_the_catalog(export):
    """Rebuilt from the JSON alone, every provider, model and field equals what the loader made."""
    vendors = {item["id"]: Vendor(item["id"], _text(item["name"]), item["website"]) for item in export["vendors"]}
    assert vendors == CATALOG.vendors
    providers = tuple(_provider(item, tuple(_model(model, vendors, _sources(item)) for model in export["models"]
                                            if model["provider"] == item["id"])) for item in export["providers"])
    expected = tuple(dataclasses.replace(provider, models=tuple(dataclasses.replace(model, line=0)
                                                                 for model in provider.models))
                     for provider in CATALOG.providers)
    assert providers == expected
    guides = {kind: Guide(_text(item["heading"]), tuple(map(_text, item["key_steps"])),
                          tuple(map(_text, item["setup_steps"]))) for kind, item in export["guides"].items()}
    assert guides == CATALOG.guides
    assert tuple(Term(item["en"], item["zh"], _text(item["note"])) for item in export["glossary"]) == CATALOG.glossary


def _profile(item) -> TaskProfile:
    fields = {key: value for key, value in item.items() if key != "cache_read_tokens"}  # derived: checked below
    profile = TaskProfile(**{**fields, **{key: _text(item[key]) for key in ("name", "description", "basis")}})
    assert profile.cache_read_tokens == item["cache_read_tokens"]
    return profile


def test_export_holds_the_task_profiles_and_every_models_cost_per_task(export):
    profiles = tuple(_profile(item) for item in export["task_profiles"]["profiles"])
    assert profiles == CATALOG.task_profiles
    assert export["task_profiles"]["default"] == CATALOG.default_profile.id
    models = iter(export["models"])
    for provider in CATALOG.providers:
        for model in provider.models:
            exported = next(models)["task_costs"]
            for profile in CATALOG.task_profiles:
                expected = [(item.kind, item.currency, item.tier) for item in cost.task_costs(model, profile)]
                assert [(item["kind"], item["currency"], item["tier"]) for item in exported[profile.id]] == expected
                amounts = [item.amount for item in cost.task_costs(model, profile)]
                assert [item["amount"] for item in exported[profile.id]] == [
                    pytest.approx(amount, abs=1e-6) if amount is not None else None for amount in amounts]


def test_export_links_lead_to_the_pages_in_each_language(site, export):
    site_url = export["$schema"].removesuffix("api/catalog.v1.schema.json")
    for model in export["models"][:: max(1, len(export["models"]) // 40)]:
        for lang, url in model["page"].items():
            path, anchor = url.removeprefix(site_url).split("#")
            assert path.startswith(LANG_ROOT[lang]) and anchor in Page(site / path / "index.html").ids, url
        path, anchor = model["comparison"]["zh"].removeprefix(site_url).split("#")
        # The page holds a first page of rows; the script brings any row of its models.json into view.
        document = json.loads((site / path / "models.json").read_text(encoding="utf-8"))
        anchors = {"cmp-" + row[document["fields"].index("anchor")] for row in document["rows"]}
        assert path == "zh/compare/" and anchor in anchors


def test_served_models_hold_every_entry_once_and_link_their_pages(site, export):
    entries = sorted((m["provider"], m["id"], m["endpoint"] or "") for m in export["models"])
    served = {item["id"]: item for item in export["served_models"]}
    listed = sorted((e["provider"], e["id"], e["endpoint"] or "") for item in served.values() for e in item["entries"])
    assert listed == entries
    by_model = {}
    for model in export["models"]:
        by_model.setdefault(model["model"], set()).add(model["provider"])
    site_url = export["$schema"].removesuffix("api/catalog.v1.schema.json")
    for model_id, item in served.items():
        assert set(item["providers"]) == by_model[model_id]
        assert (item["page"] is not None) == (len(item["providers"]) >= 2), model_id
        for lang, url in (item["page"] or {}).items():
            assert (site / url.removeprefix(site_url) / "index.html").is_file(), url


# llms.txt and llms-full.txt ------------------------------------------------------------------------

def pages_of(site: Path, lang: str) -> set[str]:
    """Site-relative URLs of every page built in one language (404 pages are not pages to list)."""
    found = set()
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix() + "/" if path.parent != site else ""
        in_zh = url.startswith("zh/")
        if (lang == "zh") == in_zh and not url.startswith(("assets/", "search/")):
            found.add(url)
    return found


@pytest.mark.parametrize("lang, name", [("en", "# Cline Provider Guide"), ("zh", "# Cline 服务商指南")])
def test_llms_txt_lists_every_page_of_its_language(site, lang, name):
    text = (site / LANG_ROOT[lang] / "llms.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == name and lines[2].startswith("> ")
    links = re.findall(r"^- \[.*?\]\((\S+)\)(?:: \S.*)?$", text, re.M)
    site_url = re.search(r"\((\S+?)api/catalog\.v1\.json\)", text)[1]
    listed = {url.removeprefix(site_url) for url in links}
    assert pages_of(site, lang) <= listed, pages_of(site, lang) - listed
    assert all(heading.startswith("## ") for heading in re.findall(r"^#+ .*", text, re.M)[1:])
    assert "## Optional" in text and "api/catalog.v1.schema.json" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_llms_txt_describes_every_hand_written_and_provider_page(site, lang):
    text = (site / LANG_ROOT[lang] / "llms.txt").read_text(encoding="utf-8")
    described = re.findall(r"^- \[[^\]]+\]\(\S+/(?:zh/)?(?:providers/[^/]+/|compare/|exports/)\): \S", text, re.M)
    assert len(described) >= len(CATALOG.providers) + 2


@pytest.mark.parametrize("lang, words", [
    ("en", ["URL: ", "Why Groq is fast", "TruePoint", "| Model ID | Vendor |"]),
    ("zh", ["URL: ", "Groq 为什么快", "TruePoint", "| 模型 ID | 厂商 |"])])
def test_llms_full_holds_page_text_as_markdown(site, lang, words):
    text = (site / LANG_ROOT[lang] / "llms-full.txt").read_text(encoding="utf-8")
    for word in words:
        assert word in text, word
    for url in pages_of(site, lang):
        assert re.search(rf"^URL: \S+/{re.escape(url)}$", text, re.M), url
    assert "<button" not in text and "<span id=" not in text and "&#" not in text
    # Each model's row in its provider's table (they lead to its comparison row); the comparison has no table here.
    rows = [line for line in text.splitlines() if line.startswith("| `") and "/compare/#cmp-" in line]
    assert len(rows) == sum(len(p.models) for p in CATALOG.providers)


def test_nothing_is_written_into_docs(site):
    assert not list((ROOT / "docs").rglob("llms*.txt")) and not (ROOT / "docs/api").exists()


# Pure parts ----------------------------------------------------------------------------------------

def test_links_become_absolute_addresses():
    urls = Urls("https://example.org/docs", "en")
    page = type("P", (), {"url": "zh/providers/groq/", "file": type("F", (), {"src_uri": "providers/groq.zh.md"})})()
    assert urls.resolve("zh", page, "/compare.md#cmp-x") == "https://example.org/docs/zh/compare/#cmp-x"
    assert urls.resolve("zh", page, "index.md") == "https://example.org/docs/zh/providers/"
    assert urls.resolve("zh", page, "../glossary.md") == "https://example.org/docs/zh/glossary/"
    assert urls.resolve("zh", page, "#model-groq-x") == "https://example.org/docs/zh/providers/groq/#model-groq-x"
    assert urls.resolve("en", page, "https://groq.com/") == "https://groq.com/"


@pytest.mark.parametrize("page_url", ["", "zh/", "providers/groq/", "zh/models/gpt-oss-120b/", "404.html"])
def test_relative_links_resolve_as_urljoin_does(page_url):
    """The shortcut for relative paths (and its remembered joins) gives what urllib would, from any page."""
    urls = Urls("https://example.org/docs/", "en")
    targets = ["../../compare/#cmp-a", "../../compare/#cmp-b", "models.json", "../", "..", ".", "./x/?y=1#z",
               "../../../../above/", "a/../b/", "x.xml", "feeds/groq.xml", "?compare=a#compare", "#top", ""]
    for target in targets:
        assert urls._relative(page_url, target) == urljoin("https://example.org/docs/" + page_url, target), target


def test_plain_markdown_drops_browser_html():
    cell = ('| <span id="model-a"></span><code>a&#124;b</code><button class="md-clipboard" title="x"></button>'
            '<br><small>[Compare](/compare.md#cmp-a "t")</small> | x&#58;y |')
    assert llms.plain_markdown(cell, lambda target: "https://s/" + target.lstrip("/")) == \
        "| `a\\|b` — [Compare](https://s/compare.md#cmp-a) | x:y |"
    assert llms.link_line(llms_text("A [beta]"), "https://s/a/", "One\nline.") == \
        "- [A \\[beta\\]](https://s/a/): One line."


def test_plain_markdown_keeps_escaped_catalog_text_inert():
    """Entities that a page needed for catalog text become backslash escapes, never tags or links."""
    escaped = inline("<img src=x onerror=alert(1)> [x](javascript:alert(1)) `sh`")
    plain = llms.plain_markdown(escaped, lambda target: target)
    assert plain == "\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) \\`sh\\`"


# The page that documents the exports ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exports_page_links_to_files_that_exist(site, lang):
    page = Page(site / LANG_ROOT[lang] / "exports/index.html")
    files = [link["href"] for link in page.links if (link.get("href") or "").endswith((".json", ".txt", ".xml"))]
    assert len(files) == 7
    for href in files:
        assert resolve(site, page.path, href).is_file(), href
    assert "curl" in page.text and "jq" in page.text


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_the_documented_jq_example_runs_on_the_export(site):
    program = re.search(r"jq -r '(.*?)'\n", (ROOT / "docs/exports.md").read_text(encoding="utf-8"), re.S)[1]
    result = subprocess.run(["jq", "-r", program, str(site / "api/catalog.v1.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(row) == 3 for row in rows)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_llms_full_points_at_the_change_record_instead_of_copying_it(site, lang):
    text = (site / LANG_ROOT[lang] / "llms-full.txt").read_text(encoding="utf-8")
    page_url = next(line.removeprefix("URL: ") for line in text.splitlines()
                    if line.startswith("URL: ") and line.endswith("/changes/"))
    body = text.split(f"URL: {page_url}\n\n", 1)[1].split("\n\n---", 1)[0]
    assert body.count("\n") == 0 and f"{page_url}feed.xml" in body, body[:300]
