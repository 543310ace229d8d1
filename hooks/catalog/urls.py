"""The URL field: strict enough that an address cannot become a second link, a script or a disguise."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import Field, shown

# One pattern for the validator and the JSON Schema: https with a host name (http only for a server on
# this machine), an optional port from 1 to 65535, and a path of printable ASCII without the characters
# that end a Markdown link or an HTML attribute or hide a second link: whitespace < > " ' ` ( ) [ ] { } | \\ ^.
# No `user:pass@` (it disguises the real host): `@` is allowed in the path only.
# A host may start with one `{word}-` for a region the reader fills in (Vertex AI's `{region}-aiplatform…`).
_HOST = r"(?:\{[a-z_]+\}-)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
_LOCAL_HOST = r"(?:localhost|127\.0\.0\.1|\[::1\])"
_PORT = r"(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?"
_PATH = r"(?:[/?#][!#$%&*+,\-./0-9:;=?@A-Z_a-z~]*)?"
URL_PATTERN = f"https://(?:{_HOST}|{_LOCAL_HOST}){_PORT}{_PATH}|http://{_LOCAL_HOST}{_PORT}{_PATH}"
_URL = re.compile(URL_PATTERN)


def url_problem(value: str) -> str:
    """Why a URL that does not match URL_PATTERN is refused, in the contributor's terms."""
    scheme, _, rest = value.partition("://")
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if scheme not in ("https", "http"):
        return "is not an https:// address"
    if scheme == "http" and not re.fullmatch(_LOCAL_HOST + r"(?::\d*)?", authority):
        return "uses http (only a server on this machine, such as http://localhost:11434, may)"
    if "@" in authority:
        return "has a user name or password before the host"
    port = re.search(r"(?<!:):(\d*)$", authority)
    if port and not (port[1].isdigit() and 1 <= int(port[1]) <= 65535):
        return "has an impossible port (1 to 65535)"
    if not re.fullmatch(f"(?:{_HOST}|{_LOCAL_HOST}){_PORT}", authority):
        return "has no valid host name"
    bad = next((char for char in value if not (char.isascii() and char.isprintable()) or char in "<>\"'`()[]{}|\\^ "),
               None)
    if bad is not None:
        return f"contains {bad!r}, which no address in a data file needs (percent-encode it)"
    return "is not a well-formed address"


@dataclass
class Url(Field):
    example: str = "https://console.groq.com/keys"

    def check(self, value, spot):
        hint = f"a full https:// address, e.g. {self.example}"
        if not isinstance(value, str):
            return [spot.problem(f"expected a URL, got {shown(value)}", hint)]
        if len(value) > 2000:
            return [spot.problem(f"URL is {len(value)} characters long", "keep it under 2000 characters")]
        if not _URL.fullmatch(value):
            return [spot.problem(f"{value!r} {url_problem(value)}", hint)]
        return []

    def schema(self):
        return self.described({"type": "string", "maxLength": 2000, "pattern": f"^(?:{URL_PATTERN})$",
                               "examples": [self.example]})
