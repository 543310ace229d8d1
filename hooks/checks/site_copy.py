"""The copy rules on the built site: pages as readers get them, after generated text is joined,
labels are filled and the theme has added its interface.

Text from the catalog, the labels and Material's templates only meets on the built page, so faults
of assembly (a space after 。, a list joined with ", ", English tooltips) show only here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from . import copyrules

# Elements that end a run of text: what a reader sees as one paragraph, item, cell or heading.
_BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "table", "tr", "ul",
           "ol", "blockquote", "figcaption", "summary", "details", "nav", "header", "footer", "button", "label",
           "option", "form", "section", "article", "br"}
_SKIPPED = {"script", "style", "pre", "svg", "template"}
_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Interface text that Material or our templates write in English unless told otherwise.
OWN_INTERFACE = ("Permanent link", "Made with")


class Reading(HTMLParser):
    """A page as a sequence of text blocks, tables and h2 headings, plus its interface strings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str]] = []  # ("text", block) | ("table", "") | ("h2", "")
        self.interface: list[str] = []  # attribute values and text outside the article
        self._text: list[str] = []
        self._skip = 0
        self._article = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skip += 1
        if tag in _BLOCKS:
            self._flush()
        if tag == "article":
            self._article += 1
        if tag in ("table", "h2") and self._article:
            self.events.append((tag, ""))
        if tag == "code":
            self._text.append("`")
        self.interface += [value for name, value in attrs if name in _ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag == "code":
            self._text.append("`")
        if tag in _BLOCKS:
            self._flush()
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        if tag == "article":
            self._article = max(0, self._article - 1)

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        self._text = []
        if text:
            self.events.append(("text", text) if self._article else ("interface", text))
            if not self._article:
                self.interface.append(text)


def read(path: Path) -> Reading:
    reading = Reading()
    reading.feed(path.read_text(encoding="utf-8"))
    reading.close()
    return reading


def direction_problems(reading: Reading, lang: str) -> list[str]:
    """"下表" with no table after it in its section, "上表" with no table before it."""
    events = [event for event in reading.events if event[0] != "interface"]
    # One pass from the end: does a table follow before the next h2? (The comparison page has
    # thousands of text blocks; looking ahead from each would be quadratic.)
    table_ahead, ahead = [False] * len(events), False
    for index in range(len(events) - 1, -1, -1):
        table_ahead[index] = ahead
        ahead = {"table": True, "h2": False}.get(events[index][0], ahead)
    problems, tables_seen = [], 0
    for index, (kind, text) in enumerate(events):
        tables_seen += kind == "table"
        if kind == "text":
            problems += copyrules.direction_problems(text, lang, tables_seen > 0, table_ahead[index])
    return problems


def interface_problems(reading: Reading, english: set[str]) -> list[str]:
    """Interface strings (tooltips, labels, placeholders, footer) still in English on a Chinese page."""
    return sorted({f"interface text {text!r} is English" for text in reading.interface
                   if text in english or any(phrase in text for phrase in OWN_INTERFACE)})


def english_interface() -> set[str]:
    """Material's English interface strings (from its language file) and the ones our templates add."""
    import material

    source = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    pairs = re.findall(r'"([a-z.]+)": "([^"]+)"', source.read_text(encoding="utf-8"))
    words = {value for key, value in pairs if not key.startswith(("language", "direction", "search.config"))
             and re.fullmatch(r"[A-Za-z][A-Za-z ,.'#-]{3,}", value)}
    return words | set(OWN_INTERFACE)


def page_problems(path: Path, lang: str, terms, english: set[str]) -> list[str]:
    """Every finding on one built page."""
    reading = read(path)
    problems = direction_problems(reading, lang)
    if lang == "zh":
        for kind, text in reading.events:
            if kind == "text":
                problems += copyrules.spacing_problems(text) + copyrules.term_problems(text, terms)
        problems += interface_problems(reading, english)
    return problems


def site_problems(site: Path, terms) -> list[str]:
    """Findings on every HTML page of a built site, as path: problem."""
    english, found = english_interface(), []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        lang = "zh" if relative.startswith("zh/") else "en"
        found += [f"site/{relative}: {problem}" for problem in page_problems(path, lang, terms, english)]
    return found
