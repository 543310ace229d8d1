"""Synthetic projects for the benchmark: N providers × M models, valid and bilingual, built on the fly.

A synthetic project is the real config, hooks, templates and shared data (vendors, labels, guides,
glossary) with generated provider files and a minimal set of hand-written pages, so the real hooks do
all of their work. The baseline is the same pages with every marker already expanded, written as
plain Markdown, built without our hooks.
"""

from __future__ import annotations

import datetime
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VENDORS = ("meta", "openai", "deepseek", "alibaba-cloud", "moonshot-ai", "mistral", "google", "anthropic")
CAPABILITIES = ("vision", "prompt-cache", "reasoning", "tools")

HOME = {
    "en": "# Synthetic catalog\n\nA benchmark site.\n\n<!-- catalog:stats -->\n",
    "zh": "# 合成目录\n\n用于基准测试的站点。\n\n<!-- catalog:stats -->\n",
}
INDEX = {
    "en": "# Providers\n\n<!-- catalog:providers-index -->\n",
    "zh": "# 服务商\n\n<!-- catalog:providers-index -->\n",
}


def price(number: int):
    """Dollars; every tenth model is billed in yuan too (mainland-China accounts), as some real ones are."""
    step = 1 + number % 40
    usd = {"currency": "USD", "input": round(0.05 * step, 2), "output": round(0.2 * step, 2)}
    if number % 10:
        return usd
    return [usd, {"currency": "CNY", "input": round(usd["input"] * 7, 2), "output": round(usd["output"] * 7, 2)}]


def model(provider: int, number: int) -> dict:
    """One synthetic model; numbers vary so that sorting and formatting do real work."""
    context = 8192 * (1 + (provider * 7 + number * 13) % 128)
    return {
        "id": f"lab-{number % 8}/model-{provider}-{number}",
        "name": f"Model {provider}.{number}",
        "model": f"model-{number}",  # every provider serves the same 30 models: one model page each
        "vendor": VENDORS[number % len(VENDORS)],
        "context": context,
        "max_output": min(context, 4096 * (1 + number % 8)),
        "price": price(number),
        "capabilities": [cap for index, cap in enumerate(CAPABILITIES) if (provider + number) >> index & 1],
        "status": "active",
        "description": {"en": f"Synthetic model {number} of provider {provider}, for timing builds.",
                        "zh": f"第 {provider} 家服务商的第 {number} 个合成模型，用于测量构建时间。"},
        "verified": datetime.date(2026, 11, 28),
    }


def provider(number: int, models: int) -> dict:
    return {
        "name": f"Provider {number}",
        "kind": "cloud-api",
        "summary": {"en": f"Synthetic provider number {number}.", "zh": f"第 {number} 家合成服务商。"},
        "website": f"https://provider-{number}.example.com/",
        "api_key_url": f"https://provider-{number}.example.com/keys",
        "cline": {"provider": f"Provider {number}", "key_field": f"Provider {number} API Key", "model_field": "Model",
                  **({"default_model": f"lab-0/model-{number}-0"} if models else {})},
        "tips": [{"en": "Pick the cheapest model that fits your task.", "zh": "选择能完成任务的最便宜的模型。"}],
        "sources": {"models": {"url": f"https://provider-{number}.example.com/models",
                               "title": {"en": f"Provider {number} models", "zh": f"第 {number} 家服务商的模型列表"}}},
        "models_source": "models",
        "verified": datetime.date(2026, 11, 28),
        "models": [model(number, index) for index in range(models)],
    }


def make_project(target: Path, providers: int, models: int) -> Path:
    """Write a buildable project with `providers` generated provider files into `target`."""
    if target.exists():
        shutil.rmtree(target)
    for part in ("hooks", "overrides", "schemas"):  # schemas: the build publishes the export's schema
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "data", target / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (target / "data/providers").mkdir()
    for number in range(providers):
        text = yaml.safe_dump(provider(number, models), allow_unicode=True, sort_keys=False)
        (target / f"data/providers/provider-{number}.yaml").write_text(text, encoding="utf-8")
    docs = target / "docs"
    for folder in ("assets", "stylesheets", "javascripts"):
        if (ROOT / "docs" / folder).is_dir():
            shutil.copytree(ROOT / "docs" / folder, docs / folder)
    write_pages(docs, {"index": HOME, "providers/index": INDEX})
    # catalog-wide pages scale with the catalog too; the comparison links to the exports page
    for name in ("compare.md", "compare.zh.md", "exports.md", "exports.zh.md"):
        if (ROOT / "docs" / name).is_file():
            shutil.copy2(ROOT / "docs" / name, docs / name)
    # Model tables link to the task-cost page; its worked examples use a provider the catalog has.
    for name in ("task-cost.md", "task-cost.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        for marker, provider_id in (("task-example", "anthropic"), ("task-example-yuan", "deepseek")):
            text = text.replace(f"catalog:{marker} {provider_id}", f"catalog:{marker} provider-0")
        (docs / name).write_text(text, encoding="utf-8")
    return target


def write_pages(docs: Path, pages: dict) -> None:
    for name, texts in pages.items():
        for lang, text in texts.items():
            path = docs / (f"{name}.md" if lang == "en" else f"{name}.{lang}.md")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def make_baseline(project: Path, target: Path) -> Path:
    """The same pages as plain Markdown (markers expanded by our renderers), built without hooks."""
    sys.path.insert(0, str(project / "hooks"))
    import catalog
    from docsite.exports import build_day
    from render import changes, markers, model_index, model_page, provider as provider_page
    from render.served import with_pages

    loaded = catalog.load(project / "data", project)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "overrides", target / "overrides")
    shutil.copytree(project / "docs", target / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - hooks/main.py\n", "")
    (target / "mkdocs.yml").write_text(config.replace("  - data\n  - hooks\n", "  - docs\n"), encoding="utf-8")
    for path in (target / "docs").rglob("*.md"):
        lang = "zh" if path.name.endswith(".zh.md") else "en"
        path.write_text(markers.expand(path.read_text(encoding="utf-8"), loaded, lang), encoding="utf-8")
    for entry in loaded.providers:
        for lang in ("en", "zh"):
            page = markers.expand(provider_page.render_page(loaded, entry, lang), loaded, lang)
            name = f"{entry.id}.md" if lang == "en" else f"{entry.id}.zh.md"
            (target / "docs/providers" / name).write_text(page, encoding="utf-8")
    (target / "docs/models").mkdir(exist_ok=True)
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):  # the model pages and their index, as the hooks add them
        (target / f"docs/models/index{suffix}").write_text(model_index.render_index(loaded, lang), encoding="utf-8")
        for served in with_pages(loaded):
            (target / f"docs/models/{served.slug}{suffix}").write_text(model_page.render_page(loaded, served, lang),
                                                                       encoding="utf-8")
        # The change page, which the model pages' price history links to
        (target / f"docs/changes{suffix}").write_text(changes.render_page(loaded, lang, build_day()), encoding="utf-8")
    return target
