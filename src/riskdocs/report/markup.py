"""User-written Markdown -> safe HTML for the status page.

markdown-it-py with raw HTML off (so `<script>` stays text) and links limited
to http(s), mailto and relative addresses. Images become links to the image,
since the page must not fetch anything from the network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any

from riskdocs.visible import visible_keeping_lines

if TYPE_CHECKING:  # markdown-it is imported on the first note that is not cached
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SAFE_LINK = re.compile(r"^(https?:|mailto:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)


def html_text(value: object) -> str:
    """User text as HTML text or an attribute value: escaped, with its control and
    bidirectional characters visible."""
    return escape(visible_keeping_lines(str(value)))


def safe_link(url: str) -> bool:
    """http(s), mailto, or relative (no scheme before the first / ? #)."""
    return bool(_SAFE_LINK.match(url.strip()))


@cache
def _renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_link)
    return md


def _image_as_link(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    alt = token.content or "image"
    return f'<a href="{html_text(token.attrGet("src") or "")}">image: {html_text(alt)}</a>'


TOP_HEADING = 3  # a note sits in a section, whose heading is an h2


def render_markdown(text: str) -> str:
    """HTML for a Markdown body; nothing in it can run script or load a resource.

    Headings are renumbered so a note never breaks the page's outline: the note's
    shallowest level becomes h3, the next h4 and so on, with no level skipped (a note
    that starts at `##`, or jumps from `#` to `###`, still reads in order).
    """
    if not text.strip():
        return ""
    tokens = _renderer().parse(visible_keeping_lines(text))
    opened = sorted({int(t.tag[1]) for t in tokens if t.type == "heading_open"})
    level = {used: min(TOP_HEADING + rank, 6) for rank, used in enumerate(opened)}
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{level[int(token.tag[1])]}"
    return str(_renderer().renderer.render(tokens, _renderer().options, {}))
