"""llms.txt and llms-full.txt for one language, following the llms.txt convention (llmstxt.org).

llms.txt is an H1 with the site name, a `>` summary, a short paragraph, then H2 sections of
`- [Title](url): description` lines; a section named `Optional` holds what a reader with little room
may skip. llms-full.txt carries every page's Markdown in the same order, with links made absolute and
the HTML our renderers add for the browser (anchors, copy buttons, tags) reduced to Markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class PageEntry:
    """One page as the llms files list it."""

    title: str
    url: str
    description: str | None
    markdown: str  # already plain: see plain_markdown


@dataclass(frozen=True)
class SiteText:
    """What heads both files in one language."""

    name: str
    summary: str
    about: str


def one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def link_line(title: str, url: str, description: str | None) -> str:
    """`- [Title](url): description`, with brackets in the title escaped so the link holds."""
    label = re.sub(r"([\[\]])", r"\\\1", one_line(title))
    return f"- [{label}]({url})" + (f": {one_line(description)}" if description else "")


def render_index(site: SiteText, sections: list[tuple[str, list[tuple[str, str, str | None]]]]) -> str:
    """llms.txt: sections of (title, url, description) links, in the order given; empty sections are left out."""
    blocks = [f"# {one_line(site.name)}", f"> {one_line(site.summary)}", one_line(site.about)]
    for heading, links in sections:
        if links:
            blocks.append(f"## {heading}\n\n" + "\n".join(link_line(*link) for link in links))
    return "\n\n".join(blocks) + "\n"


def render_full(site: SiteText, pages: list[PageEntry]) -> str:
    """llms-full.txt: the site's heading, then each page under its own H1 with its address."""
    blocks = [f"# {one_line(site.name)}", f"> {one_line(site.summary)}"]
    for page in pages:
        body = re.sub(r"\A\s*# [^\n]*\n", "", page.markdown).strip()
        blocks.append(f"---\n\n# {one_line(page.title)}\n\nURL: {page.url}\n\n{body}")
    return "\n\n".join(blocks) + "\n"


# HTML the renderers put into Markdown for the browser, and what it becomes in plain Markdown.
_EMPTY_ANCHOR = re.compile(r'<span id="[^"]*"></span>')
_BUTTON = re.compile(r"<button\b[^>]*>.*?</button>", re.S)
_CODE = re.compile(r"<code>(.*?)</code>", re.S)
_ANCHOR = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_BREAK = re.compile(r"\s*<br\s*/?>\s*")
_WRAPPER = re.compile(r"</?(?:span|small|div)\b[^>]*>")
_EMPTY_DIV = re.compile(r"<div\b[^>]*></div>\n*")  # a slot a script fills in the browser
_STRONG = re.compile(r"<strong\b[^>]*>(.*?)</strong>", re.S)
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")


def plain_markdown(markdown: str, resolve: Callable[[str], str]) -> str:
    """Page Markdown for reading as text: our HTML reduced to Markdown, entities decoded (a table
    pipe stays escaped), and every link target passed through `resolve` to become absolute."""
    text = _BUTTON.sub("", _EMPTY_ANCHOR.sub("", _EMPTY_DIV.sub("", markdown)))
    text = _CODE.sub(lambda match: f"`{html.unescape(match[1].replace('&#124;', '&#92;&#124;'))}`", text)
    text = _ANCHOR.sub(lambda match: f"[{match[2]}]({html.unescape(match[1])})", text)
    text = _WRAPPER.sub("", _BREAK.sub(" — ", _STRONG.sub(r"**\1**", text)))
    text = html.unescape(text.replace("&#124;", "\\|"))
    return _LINK.sub(lambda match: f"]({resolve(match['target'])})", text)
