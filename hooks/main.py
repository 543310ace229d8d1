"""MkDocs hooks: load the catalog, add generated provider pages, expand markers.

Only events live here, each a few lines; the work is in the `catalog`, `render` and `docsite`
packages beside this file. static-i18n builds once per language (the Chinese build runs nested in
the English build's `on_post_build`, on the same config), so every event below runs once per
language and module state persists between the two.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import catalog as catalog_loader
from docsite import (ahead, changepage, comparison_files, exports, generated, interface, modelpages, navigation,
                     notfound, pages, preview, rendercache, searchindex, searchlanguages, staging, templatecache,
                     untranslated)
from docsite.languages import folder as site_folder
from render import changes, markers, model_page, provider

state: dict = {}


def _lang(config) -> str:
    # theme["language"] is only right in page events; the plugin knows the language of this build.
    return config.plugins["i18n"].current_language


def _languages(config) -> tuple[list[str], str]:
    i18n = config.plugins["i18n"]
    if state.get("languages_of") is not i18n:  # asked by every page event: made once per loaded config
        state["languages_of"], state["languages"] = i18n, ([lang.locale for lang in i18n.config.languages],
                                                            i18n.default_language)
    return state["languages"]


# Hooks ---------------------------------------------------------------------------------------------

def on_startup(command, dirty):
    staging.plan(state, command, dirty)
    ahead.plan(state, command, dirty)  # a first `mkdocs build` makes the catalog's tables on a second core
    preview.plan(state, command, dirty)  # scripts/serve: a saved file rebuilds only the pages it feeds


def on_serve(server, config, builder):
    preview.quicken(state, server)
    return server


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        state["catalog"] = catalog_loader.load_cached(root / "data", root)
    except catalog_loader.CatalogError as error:
        raise PluginError(str(error)) from None
    state["root"] = root
    navigation.prune_when_large(config, state["catalog"])
    restored = rendercache.restore(state["catalog"], root)  # tables and texts an earlier build made from it
    state["today"] = exports.build_day()  # the radar's "today"; SOURCE_DATE_EPOCH sets it (tests, reproducible builds)
    ahead.start(state, config, restored)
    staging.stage(state, config)  # the build writes into a temporary folder until it has all succeeded
    if preview.active(state) and not config.plugins["i18n"].building:
        preview.decide(state, config)


def on_files(files, config):
    # Runs before static-i18n's on_files (priority -100), so it sorts our pages by language too.
    languages, default = _languages(config)
    state["generated"] = generated.add_generated_pages(files, state["catalog"], config, languages, default)
    state["change_pages"] = changepage.add_pages(files, config, languages, default)
    state["model_pages"] = generated.add_model_pages(files, state["catalog"], config, languages, default)
    state["mirrors"] = untranslated.add_english_mirrors(files, config)
    return files


@event_priority(-110)
def on_nav(nav, config, files):
    # After static-i18n has rebuilt the navigation for this language, before any page is converted.
    interface.localize(config, state["catalog"], _lang(config), _languages(config)[0])
    if preview.active(state):
        preview.mark(state, files, state["catalog"], _lang(config))
    nav = modelpages.index_only(nav, state["catalog"], _lang(config))
    return navigation.group_providers(nav, state["catalog"], _lang(config))


def on_env(env, config, files):
    # Material's templates stay compiled between builds and serve rebuilds (docsite/templatecache.py).
    templatecache.use(env, state["root"])
    return env


def on_page_read_source(page, config):
    if page.file.src_uri in state["mirrors"]:
        return (Path(config.docs_dir) / state["mirrors"][page.file.src_uri]).read_text(encoding="utf-8")
    if page.file.src_uri in state["change_pages"]:
        return changes.render_page(state["catalog"], state["change_pages"][page.file.src_uri], state["today"])
    if page.file.src_uri in state["model_pages"]:
        return modelpages.markdown(state["catalog"], state["model_pages"][page.file.src_uri])
    entry = state["generated"].get(page.file.src_uri)
    if entry is None:
        return None
    provider_id, lang = entry
    return provider.render_page(state["catalog"], state["catalog"].provider(provider_id), lang)


def on_page_markdown(markdown, page, config, files):
    ahead.collect(state)
    lang, src = _lang(config), page.file.src_uri
    try:
        pages.check_provider_page(state["catalog"], src, markdown, src in state["generated"])
        preview.remember_markers(state, src, markdown)
        expanded = markers.expand(markdown, state["catalog"], lang)
    except (markers.MarkerError, pages.PageError) as error:
        raise PluginError(f"docs/{src}: {error}") from None
    exports.remember_page(state, page, lang, markdown, config)  # for llms.txt, written after all builds
    pages.describe(page, state["catalog"], lang)  # search engines show a provider's own summary
    expanded = changepage.dress(page, expanded, state, lang, _languages(config)[1], config)
    if src in state["model_pages"]:
        page.edit_url = modelpages.edit_url(config, state["catalog"], state["model_pages"][src])
        modelpages.describe(page, state["catalog"], state["model_pages"][src])
        return expanded
    if src in state["generated"]:
        page.edit_url = pages.data_edit_url(config, state["catalog"].provider(state["generated"][src][0]))
        return expanded
    if src in state["change_pages"]:
        return expanded
    if src in state["mirrors"]:
        page.edit_url = pages.docs_edit_url(config, state["mirrors"][src])
    _, default = _languages(config)
    return untranslated.with_notice(expanded, page, state["catalog"], lang, default, Path(config.docs_dir),
                                    state["mirrors"])


def on_page_context(context, page, config, nav):
    # Each language searches its own index: overrides/main.html asks this folder for it.
    context["search_folder"] = site_folder(_lang(config), _languages(config)[1])
    preview.remember_title(state, page)
    return context


def on_template_context(context, template_name, config):
    # The same for pages rendered from a template alone (404.html).
    context["search_folder"] = site_folder(_lang(config), _languages(config)[1])
    return context


def on_post_page(output, page, config):
    ahead.collect(state)
    # The comparison and model tables join their pages only now, past Markdown and search indexing.
    output = model_page.fill_slot(output, state["catalog"], _lang(config))
    output = changes.fill_slots(output, state["catalog"], _lang(config))
    return comparison_files.fill_page(output, page, state["catalog"], _lang(config))


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        notfound.reset_language_menu(config)
    return template


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        notfound.remember(state, _lang(config), output)
    return output


@event_priority(-200)
def on_post_build(config):
    # After static-i18n's on_post_build, which runs the other languages' builds nested inside it.
    # Each build writes 404.html to the site root, so the last language would win: put each
    # language's page where it belongs once all builds are done. The exports need every language.
    if config.plugins["i18n"].building:
        return
    if not preview.focused(state):  # a focused preview rebuild leaves the catalog-wide files as they were
        ahead.collect(state, wait=True)
        _write_catalog_files(config)
    if preview.active(state):
        preview.finish(state, Path(config.site_dir))


def _write_catalog_files(config) -> None:
    languages, default = _languages(config)
    notfound.write_all(state, Path(config.site_dir), default)
    exports.write_all(state, config, languages, default)
    comparison_files.minify_script(Path(config.site_dir), Path(config.docs_dir))
    changepage.write_feeds(state["catalog"], state.get("site_text", {}), config,
                           [lang for lang in languages if lang in state.get("pages", {})], default)
    modelpages.write_data(state["catalog"], Path(config.site_dir), list(state.get("pages", {})), default)
    merged = searchlanguages.merged_index(Path(config.site_dir))
    if merged is not None:
        # One search entry per model, so that a model id finds the pages that list it; then one index per
        # language, with glossary terms and provider aliases (docsite/searchlanguages.py).
        searchindex.add_model_entries(merged, state["catalog"], languages, default)
        searchlanguages.split_index(Path(config.site_dir), state["catalog"], languages, default, merged)
    rendercache.save(state["catalog"], state["root"], state.get("serving", False))
    staging.publish(state, config)


def on_build_error(error):
    ahead.discard(state)
    staging.discard(state)
