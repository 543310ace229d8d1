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

from .text import llms_text


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
    """`- [Title](url): description`; title and description come escaped (text.llms_text)."""
    return f"- [{one_line(title)}]({url})" + (f": {one_line(description)}" if description else "")


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


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _code_span(escaped: str) -> str:
    """`<code>` content as a Markdown code span, fenced with more backticks than it holds."""
    text = html.unescape(escaped).replace("|", "\\|")  # a pipe would still split a table row
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if text.startswith("`") or text.endswith("`") else f"{fence}{text}{fence}"


def _entity(match: re.Match) -> str:
    """An entity decoded, unless its character is markup: catalog text escaped for a page must not
    become a tag or a link here (`&#60;script&#62;` stays text as `\\<script\\>`)."""
    return llms_text(html.unescape(match[0])) or match[0]


def _target(escaped: str) -> str:
    """An href as a Markdown link target: characters that would end or split it percent-encoded."""
    return re.sub(r"[\s()<>\[\]`\\]", lambda match: f"%{ord(match[0]):02X}", html.unescape(escaped))


def plain_markdown(markdown: str, resolve: Callable[[str], str]) -> str:
    """Page Markdown for reading as text: our HTML reduced to Markdown, entities decoded except where
    they stand for markup, and every link target passed through `resolve` to become absolute."""
    text = _BUTTON.sub("", _EMPTY_ANCHOR.sub("", _EMPTY_DIV.sub("", markdown)))
    text = _CODE.sub(lambda match: _code_span(match[1]), text)
    text = _ANCHOR.sub(lambda match: f"[{match[2]}]({_target(match[1])})", text)
    text = _ENTITY.sub(_entity, _WRAPPER.sub("", _BREAK.sub(" — ", _STRONG.sub(r"**\1**", text))))
    return _LINK.sub(lambda match: f"]({resolve(match['target'])})", text)
