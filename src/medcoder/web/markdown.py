"""The one small Markdown renderer behind concept pages, /ask answers and the methodology page.

Everything rendered here is Markdown we write (concept bodies, docs/methodology.md) or an answer
built from it, so a deliberately small subset is enough and needs no new dependency: headings,
paragraphs, bulleted and numbered lists, tables, fenced code, ``**bold**``, ``*italic*`` and
``_italic_``, ``code`` spans, same-site links and, on request, ``[n]`` citations.

Safety: all source text is HTML-escaped before any tag is added, so raw HTML never reaches a
page; only links within the app (``/path`` or ``#anchor``) become links, because the pages must
never point browsers at other sites. Any other link keeps its label and shows its address as code.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Code spans and links are cut out before emphasis runs, so `**x**` in code stays literal and an
# address such as /a_b_c/ is never turned into italics.
_TOKEN = re.compile(r"`(?P<code>[^`]+)`|\[(?P<label>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_SLOT = re.compile("\x00(\\d+)\x00")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_STAR = re.compile(r"(?<![*\w])\*(?![\s*])(.+?)(?<![\s*])\*(?![*\w])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![_\w])_(?![\s_])(.+?)(?<![\s_])_(?![_\w])")
_CITATION = re.compile(r"\[(\d{1,2})\]")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*]|(\d+)\.)\s+(.*)$")
_DELIMITER_CELL = re.compile(r"\s*:?-+:?\s*")


def _escape(text: str) -> str:
    # Quotes stay as typed in text; attribute values are escaped separately, quotes included.
    return html.escape(text, quote=False)


def _is_same_site(target: str) -> bool:
    # "//host" and "/\host" are read by browsers as other sites, so only a single slash counts.
    return target.startswith("#") or (target.startswith("/") and target[1:2] not in ("/", "\\"))


def _emphasis(escaped: str) -> str:
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = _ITALIC_STAR.sub(r"<em>\1</em>", escaped)
    return _ITALIC_UNDERSCORE.sub(r"<em>\1</em>", escaped)


def _inline(text: str, *, citations: bool) -> str:
    """One line of Markdown → HTML: escape first, then add only the tags we generate."""
    pieces: list[str] = []
    text = text.replace("\x00", "")  # the slot marker below; never meaningful in our Markdown

    def cut_out(match: re.Match[str]) -> str:
        if match["code"] is not None:
            piece = f"<code>{_escape(match['code'])}</code>"
        else:
            label, target = _emphasis(_escape(match["label"])), match["target"]
            if _is_same_site(target):
                piece = f'<a href="{html.escape(target)}">{label}</a>'
            else:
                piece = f"{label} (<code>{_escape(target)}</code>)"
        pieces.append(piece)
        return f"\x00{len(pieces) - 1}\x00"

    rendered = _emphasis(_escape(_TOKEN.sub(cut_out, text)))
    if citations:
        rendered = _CITATION.sub(r'<a class="cite" href="#passage-\1">[\1]</a>', rendered)
    return _SLOT.sub(lambda match: pieces[int(match[1])], rendered)


def _table(rows: list[str], *, citations: bool) -> str:
    cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows]
    body = [row for row in cells[1:] if not all(_DELIMITER_CELL.fullmatch(c) for c in row)]
    head = "".join(f'<th scope="col">{_inline(c, citations=citations)}</th>' for c in cells[0])
    lines = [f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>']
    for row in body:
        row_cells = "".join(f"<td>{_inline(c, citations=citations)}</td>" for c in row)
        lines.append(f"<tr>{row_cells}</tr>")
    lines.append("</tbody></table></div>")
    return "".join(lines)


class _Blocks:
    """Collects the open paragraph, list or table and closes it when another block starts."""

    def __init__(self, *, citations: bool) -> None:
        self.citations = citations
        self.out: list[str] = []
        self.paragraph: list[str] = []
        self.items: list[str] = []
        self.ordered = False
        self.table: list[str] = []

    def inline(self, text: str) -> str:
        return _inline(text, citations=self.citations)

    def flush(self) -> None:
        if self.paragraph:
            self.out.append(f"<p>{self.inline(' '.join(self.paragraph))}</p>")
            self.paragraph.clear()
        if self.items:
            tag = "ol" if self.ordered else "ul"
            rendered = "".join(f"<li>{self.inline(item)}</li>" for item in self.items)
            self.out.append(f"<{tag}>{rendered}</{tag}>")
            self.items.clear()
        if self.table:
            self.out.append(_table(self.table, citations=self.citations))
            self.table.clear()

    def code_block(self, lines: list[str]) -> None:
        self.out.append(f"<pre><code>{_escape(chr(10).join(lines))}</code></pre>")


def render_markdown(text: str, *, citations: bool = False, top_heading: int = 3) -> Markup:
    """Our small Markdown → safe HTML.

    ``top_heading`` is the Markdown heading depth that becomes ``<h2>`` (the page's own title is the
    ``<h1>``): concept bodies start at ``###``, docs/methodology.md at ``#``. ``citations`` turns
    ``[n]`` into a link to passage n of an /ask answer.
    """
    blocks = _Blocks(citations=citations)
    fence: list[str] | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if fence is not None:
            if line.lstrip().startswith("```"):
                blocks.code_block(fence)
                fence = None
            else:
                fence.append(line)
            continue
        heading, bullet = _HEADING.match(line), _BULLET.match(line)
        if not line.strip():
            blocks.flush()
        elif line.lstrip().startswith("```"):
            blocks.flush()
            fence = []
        elif line.lstrip().startswith("|"):
            if not blocks.table:
                blocks.flush()
            blocks.table.append(line)
        elif heading:
            blocks.flush()
            level = min(6, max(2, len(heading[1]) - top_heading + 2))
            blocks.out.append(f"<h{level}>{blocks.inline(heading[2])}</h{level}>")
        elif bullet:
            if (
                blocks.paragraph
                or blocks.table
                or (blocks.items and blocks.ordered != bool(bullet[1]))
            ):
                blocks.flush()
            blocks.ordered = bool(bullet[1])
            blocks.items.append(bullet[2])
        elif blocks.items and raw.startswith(" "):
            blocks.items[-1] += " " + line.strip()
        else:
            if blocks.items or blocks.table:
                blocks.flush()
            blocks.paragraph.append(line.strip())
    if fence is not None:  # an unclosed fence still shows its text
        blocks.code_block(fence)
    blocks.flush()
    return Markup("\n".join(blocks.out))
