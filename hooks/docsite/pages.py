"""Checks and links for provider pages, hand-written or generated."""

from __future__ import annotations

from catalog.entities import Catalog, Provider
from render.markers import sections_in
from render.provider import REQUIRED_SECTIONS, meta_description
from render.text import attr


class PageError(ValueError):
    pass


def provider_id_of(src_uri: str) -> str | None:
    parts = src_uri.split("/")
    if len(parts) != 2 or parts[0] != "providers":
        return None
    stem = parts[1].split(".")[0]
    return None if stem == "index" else stem


def check_provider_page(catalog: Catalog, src_uri: str, markdown: str, is_generated: bool) -> None:
    """A hand-written provider page needs a data file and every required section of the template."""
    provider_id = provider_id_of(src_uri)
    if provider_id is None or is_generated:
        return
    if not catalog.has_provider(provider_id):
        raise PageError(f"there is no data/providers/{provider_id}.yaml for this provider page "
                        "(add the data file, or move the page out of docs/providers/)")
    missing = [section for section in REQUIRED_SECTIONS if section not in sections_in(markdown)]
    if missing:
        example = f"<!-- catalog:{missing[0]} {provider_id} -->"
        raise PageError(f"provider page lacks the section marker(s) {', '.join(missing)} (add e.g. `{example}`)")


def describe(page, catalog: Catalog, lang: str) -> None:
    """A provider page's meta description, from its catalog summary, unless its front matter has one.

    Material writes page.meta.description into the attribute unescaped, so it is escaped here."""
    provider_id = provider_id_of(page.file.src_uri)
    if provider_id is None or "description" in page.meta:
        return
    if catalog.has_provider(provider_id):
        page.meta["description"] = attr(meta_description(catalog.provider(provider_id), lang))


def data_edit_url(config, provider: Provider) -> str | None:
    """Edit link of a generated page: the provider's data file, on the same branch as the docs."""
    return data_file_edit_url(config, provider.file)


def data_file_edit_url(config, file: str) -> str | None:
    """Edit link of a data file (a path from the repository root), on the same branch as the docs."""
    if not config.repo_url or not config.edit_uri:
        return None
    # edit_uri is e.g. "edit/main/docs/": swap the docs folder for the file.
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/").rsplit("/", 1)[0]
    return f"{base}/{file}"


def docs_edit_url(config, src_uri: str) -> str | None:
    """Edit link of a page whose Markdown comes from another docs file (an untranslated page's original)."""
    if not config.repo_url or not config.edit_uri:
        return None
    return config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/" + src_uri
