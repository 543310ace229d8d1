"""Every provider and model of the reference (Cline's own tables, tests/fixtures/cline-reference.yaml)
is in the catalog, never deleted (a withdrawn model is retired), and on its provider's page in both
languages. Where a model's numbers still name the reference as their source, they are the reference's."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml

import catalog
from conftest import ROOT
from render.text import money

REFERENCE = yaml.safe_load((ROOT / "tests/fixtures/cline-reference.yaml").read_text(encoding="utf-8"))
# Reference ids that are not valid file names (or read better renamed) -> catalog ids.
CATALOG_ID = {
    "openai-native": "openai",
    "openai": "openai-compatible",
    "nousResearch": "nous-research",
    "lmstudio": "lm-studio",
    "sapaicore": "sap-ai-core",
}
CATALOG = catalog.load(ROOT / "data", ROOT)
PRESENT = {provider.id for provider in CATALOG.providers}


def reference_models(provider: dict) -> list[dict]:
    models = list(provider.get("models") or [])
    for model_set in (provider.get("model_sets") or {}).values():
        models += model_set
    return models


def catalog_id(reference_id: str) -> str:
    return CATALOG_ID.get(reference_id, reference_id)


CASES = [(catalog_id(p["id"]), model) for p in REFERENCE["providers"] for model in reference_models(p)]


def test_every_reference_provider_has_a_data_file():
    missing = sorted(catalog_id(p["id"]) for p in REFERENCE["providers"] if catalog_id(p["id"]) not in PRESENT)
    assert not missing, f"no data/providers/<id>.yaml for: {', '.join(missing)}"


REFERENCE_SOURCE = "cline-2026-05"  # the key of Cline's May 2026 table in the provider files


def matches(model, reference: dict) -> bool:
    if model.source.id != REFERENCE_SOURCE:
        return True  # compared since with a newer source, which the row names
    price = model.price
    if price.plan == "unknown" or price.currency == "CNY":
        # A price the reference gave in the wrong currency: shown in yuan, or left to the price page.
        return model.context == reference["context_window"]
    return _numbers_match(model, reference)


def _numbers_match(model, reference: dict) -> bool:
    # A few reference models have no output limit (Cline sets none); any limit up to the context fits.
    if model.context != reference["context_window"] or model.max_output != reference.get("max_output_tokens",
                                                                                          model.max_output):
        return False
    price = model.price
    if reference.get("cache_read_price", 0) > reference.get("input_price", 0):
        # Cline's table has impossible cache prices for a few models (cache reads dearer than input,
        # or the input price filed as a cache write); the catalog rule cache_read ≤ input refuses
        # them and the provider file explains its correction in a note. Output must still match.
        return price.plan == "per-token" and price.output == reference.get("output_price", 0)
    if price.plan == "subscription":
        # Cline's table carries API list prices for subscription providers (Claude Code, Codex) as a
        # cost estimate; a subscriber pays none of them, and the provider file says so in a note.
        return True
    if price.plan != "per-token":
        # A plan (free, unlisted) stands where the reference has no or zero prices.
        return not reference.get("input_price") and not reference.get("output_price")
    return (price.input == reference.get("input_price", 0) and price.output == reference.get("output_price", 0)
            and price.cache_read == reference.get("cache_read_price", price.cache_read)
            and price.cache_write == reference.get("cache_write_price", price.cache_write))


@pytest.mark.parametrize("provider_id, reference", CASES, ids=[f"{p}:{m['id']}" for p, m in CASES])
def test_reference_model_is_in_the_catalog_with_its_numbers(provider_id, reference):
    if provider_id not in PRESENT:
        pytest.fail(f"provider {provider_id} is not in the catalog yet")
    candidates = [m for m in CATALOG.provider(provider_id).models if m.id == reference["id"]]
    assert candidates, f"{reference['id']} missing from data/providers/{provider_id}.yaml"
    assert any(matches(model, reference) for model in candidates), (
        f"{reference['id']}: catalog {[(m.context, m.max_output, m.price) for m in candidates]} "
        f"vs reference {reference}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reference_models_appear_on_provider_pages(site: Path, lang):
    root = site / ("zh" if lang == "zh" else "")
    missing = []
    for provider_id, reference in CASES:
        page = root / "providers" / provider_id / "index.html"
        # Ids are written with entities for Markdown's special characters (`:` and `[` included); a reader
        # sees the characters, and so does this check.
        text = html.unescape(page.read_text(encoding="utf-8")) if page.is_file() else ""
        if f"<code>{reference['id']}</code>" not in text:
            missing.append(f"{provider_id}:{reference['id']}")
    assert not missing, f"{len(missing)} reference models not shown: {missing[:20]}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_provider_page_has_key_and_setup_steps(site: Path, lang):
    root = site / ("zh" if lang == "zh" else "")
    for provider in CATALOG.providers:
        html = (root / "providers" / provider.id / "index.html").read_text(encoding="utf-8")
        assert html.count("<ol>") >= 2, provider.id  # sign-in or key steps, then Cline configuration


def test_price_formatting_used_by_pages_is_exact():
    assert money(0.075, "USD") == "$0.075" and money(15, "USD") == "$15"
