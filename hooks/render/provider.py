"""The sections of a provider page. Hand-written pages call them through markers; generated pages
are the same markers under headings from the labels, so both kinds of page render identically."""

from __future__ import annotations

import re

from catalog.entities import Catalog, Endpoint, Provider, Source, Text

from .cost_text import cost_note
from .model_page import SETUP_ANCHOR
from .models import model_anchor, model_table
from .text import code, fill, inline

# Page template: (heading label, marker section) in reading order. A hand-written provider page must
# contain every marker whose section is required.
SECTIONS = (
    ("", "intro"),
    ("", "key-steps"),  # heading comes from the guide of the provider's kind
    ("h_models", "models"),
    ("h_setup", "setup"),
    ("h_features", "features"),
    ("h_tips", "tips"),
    ("h_sources", "sources"),
)
REQUIRED_SECTIONS = ("intro", "key-steps", "models", "setup", "sources")


def ordered_endpoints(provider: Provider, lang: str) -> list[Endpoint]:
    """Mainland-China endpoints first for Chinese readers, last for everyone else."""
    china_first = lang == "zh"
    return sorted(provider.endpoints, key=lambda endpoint: (endpoint.region != "china") if china_first
                  else (endpoint.region == "china"))


def _link(url: str) -> str:
    return f"<{url}>"


def guide_values(catalog: Catalog, provider: Provider, lang: str) -> dict:
    """What a setup-guide template's {placeholders} become for this provider, escaped for Markdown."""
    cline = provider.cline
    endpoints = ordered_endpoints(provider, lang)
    bold = lambda value: f"**{inline(value)}**" if value else None  # noqa: E731
    return {
        "name": inline(provider.title(lang)),
        "provider": bold(cline.provider),
        "key_field": bold(cline.key_field),
        "base_url_field": bold(cline.base_url_field),
        "model_field": bold(cline.model_field),
        "api_key_url": _link(provider.api_key_url) if provider.api_key_url else None,
        "console_url": _link(provider.console_url) if provider.console_url else None,
        "website": _link(provider.website),
        "base_url": code(endpoints[0].url) if endpoints else None,
        "default_model": code(cline.default_model) if cline.default_model else None,
    }


def numbered(steps, values: dict, lang: str) -> str:
    return "\n".join(f"{number}. {fill(step(lang), values)}" for number, step in enumerate(steps, start=1))


def render_intro(catalog: Catalog, provider: Provider, lang: str) -> str:
    label = lambda key: inline(catalog.label(key, lang))  # noqa: E731
    # "Label: value" with the punctuation of the language (a full-width colon in Chinese).
    fact = lambda name, value: "- " + fill(catalog.label("fact_line", lang), {"label": name, "value": value})  # noqa: E731
    facts = [fact(label("fact_website"), _link(provider.website))]
    for key, url in (("fact_console", provider.console_url), ("fact_pricing", provider.pricing_url),
                     ("fact_docs", provider.docs_url)):
        if url:
            facts.append(fact(label(key), _link(url)))
    for endpoint in ordered_endpoints(provider, lang):
        name = inline(endpoint.label(lang)) if endpoint.label else label("region_" + endpoint.region)
        facts.append(fact(fill(catalog.label("fact_base_url", lang), {"endpoint": name}), code(endpoint.url)))
    if provider.openai_compatible is not None:
        facts.append(fact(label("fact_openai"), label("yes" if provider.openai_compatible else "no")))
    facts.append(fact(label("fact_kind"), label("kind_" + provider.kind.replace("-", "_"))))
    return inline(provider.summary(lang)) + "\n\n" + "\n".join(facts)


def render_key_steps(catalog: Catalog, provider: Provider, lang: str) -> str:
    steps = provider.key_steps or catalog.guides[provider.kind].key_steps
    return numbered(steps, guide_values(catalog, provider, lang), lang)


def render_setup(catalog: Catalog, provider: Provider, lang: str) -> str:
    """The setup steps; the first carries the anchor that model pages link to (any page, any heading)."""
    steps = provider.setup_steps or catalog.guides[provider.kind].setup_steps
    return numbered(steps, guide_values(catalog, provider, lang), lang).replace(
        "1. ", f'1. <span id="{SETUP_ANCHOR}"></span>', 1)


def _live_note(catalog: Catalog, provider: Provider, lang: str) -> str:
    cline = provider.cline
    if not cline.live_models:
        return ""
    text = inline(cline.live_models_note(lang)) if cline.live_models_note else ""
    note = fill(catalog.label("live_models", lang), {"name": inline(provider.title(lang)),
                                                     "endpoint": code(cline.live_models)})
    if text:  # joined as the language joins sentences: no space after a Chinese full stop
        note = fill(catalog.label("two_sentences", lang), {"first": note, "second": text})
    return f'!!! info "{inline(catalog.label("live_models_title", lang))}"\n\n    {note}'


def render_models(catalog: Catalog, provider: Provider, lang: str) -> str:
    parts = []
    if provider.models:
        parts.append(fill(catalog.label("two_sentences", lang), {
            "first": inline(catalog.label("price_unit", lang)),
            "second": cost_note(catalog, catalog.default_profile, lang)}))
        groups = [(None, list(provider.models))]
        if any(model.endpoint for model in provider.models):
            groups = [(endpoint, [model for model in provider.models if model.endpoint == endpoint.id])
                      for endpoint in ordered_endpoints(provider, lang)]
        for endpoint, models in groups:
            if not models:
                continue
            if endpoint is not None:
                name = endpoint.label(lang) if endpoint.label else catalog.label("region_" + endpoint.region, lang)
                parts.append(f"**{inline(name)}** ({code(endpoint.url)})")
            parts.append(model_table(catalog, provider, models, lang))
    else:
        parts.append(inline(catalog.label("no_static_models", lang)))
    if provider.models_url:
        parts.append(fill(catalog.label("models_url", lang), {"url": _link(provider.models_url)}))
    live = _live_note(catalog, provider, lang)
    return "\n\n".join(part for part in [*parts, live] if part)


def _model_list(catalog: Catalog, provider: Provider, capability: str, lang: str) -> str:
    """Links to the models with a capability, separated as the language separates list items (、 in Chinese)."""
    models = [model for model in provider.models if model.can(capability)]
    links = (f"[{code(model.id)}](#{model_anchor(provider, model)})" for model in models)
    return catalog.label("list_separator", lang).join(links)


def render_features(catalog: Catalog, provider: Provider, lang: str) -> str:
    """What the data knows about caching, vision and reasoning, one paragraph per capability."""
    if not provider.models:
        return inline(catalog.label("features_live", lang))
    parts = []
    for capability in ("prompt-cache", "vision", "reasoning"):
        models = _model_list(catalog, provider, capability, lang)
        if models:
            key = capability.replace("-", "_")
            parts.append(f"### {inline(catalog.label('cap_' + key, lang))}\n\n"
                         + fill(catalog.label("feature_" + key, lang), {"models": models}))
    return "\n\n".join(parts) or inline(catalog.label("no_features", lang))


def _bullets(texts: tuple[Text, ...], lang: str) -> str:
    return "\n".join(f"- {inline(text(lang))}" for text in texts)


def render_tips(catalog: Catalog, provider: Provider, lang: str) -> str:
    parts = [_bullets(provider.tips, lang)] if provider.tips else []
    if provider.notes:
        notes = "\n".join(f"    {line}" for line in _bullets(provider.notes, lang).splitlines())
        parts.append(f'!!! note "{inline(catalog.label("notes_title", lang))}"\n\n{notes}')
    if provider.links:
        parts.append("\n".join(f"- [{inline(link.title(lang))}]({link.url_for(lang)})" for link in provider.links))
    return "\n\n".join(parts) or inline(catalog.label("no_tips", lang))


def _source_line(catalog: Catalog, source: Source, lang: str) -> str:
    """A source as a link; a snapshot names the day it was taken."""
    line = f"- [{inline(source.title(lang))}]({source.url})"
    if source.date:
        line += " " + fill(catalog.label("source_snapshot", lang), {"date": source.date.isoformat()})
    return line


def render_sources(catalog: Catalog, provider: Provider, lang: str) -> str:
    sources = "\n".join(_source_line(catalog, source, lang) for source in provider.sources)
    verified = fill(catalog.label("verified_on", lang), {"date": provider.verified.isoformat()})
    checked = provider.models_checked()
    if checked is None:
        return f"{sources}\n\n{verified}"
    models = fill(catalog.label("models_checked_on", lang), {"date": checked.isoformat()})
    return f"{sources}\n\n" + fill(catalog.label("two_sentences", lang), {"first": verified, "second": models})


RENDERERS = {
    "intro": render_intro,
    "key-steps": render_key_steps,
    "models": render_models,
    "setup": render_setup,
    "features": render_features,
    "tips": render_tips,
    "sources": render_sources,
}


# Search engines show about 160 characters of a description (Baidu about 80 Chinese ones).
DESCRIPTION_LENGTH = {"en": 160, "zh": 80}
_SENTENCE = re.compile(r".+?(?:[.!?](?= )|[。！？]|$)")


def meta_description(provider: Provider, lang: str) -> str:
    """The page's description for search engines: the summary's first sentences that fit, plain text."""
    limit = DESCRIPTION_LENGTH[lang]
    sentences = [sentence.strip() for sentence in _SENTENCE.findall(" ".join(provider.summary(lang).split()))]
    kept = sentences[0]
    for sentence in sentences[1:]:
        joined = f"{kept} {sentence}" if lang == "en" else kept + sentence
        if len(joined) > limit:
            break
        kept = joined
    return kept if len(kept) <= limit * 1.5 else kept[:limit].rstrip(" ,;:，、；：") + "…"


def render_page(catalog: Catalog, provider: Provider, lang: str) -> str:
    """A complete provider page as Markdown with markers, for providers with no hand-written page."""
    blocks = [f"# {inline(provider.title(lang))}"]
    for heading, section in SECTIONS:
        if section == "key-steps":
            blocks.append(f"## {inline(catalog.guides[provider.kind].heading(lang))}")
        elif heading:
            blocks.append(f"## {inline(catalog.label(heading, lang))}")
        blocks.append(f"<!-- catalog:{section} {provider.id} -->")
    return "\n\n".join(blocks) + "\n"
