"""Sources & methodology: every bundled dataset with its provenance, and the estimator method.

The method is ``docs/methodology.md`` rendered by a deliberately small Markdown subset (headings,
paragraphs, lists, tables, emphasis, code, links) so the page needs no new dependency.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from medcoder.sources import load_sources
from medcoder.web.pages.salary import render

router = APIRouter(include_in_schema=False)

# docs/ sits at the repository root (and in the sdist); a wheel install has no copy of it.
METHODOLOGY = Path(__file__).resolve().parents[4] / "docs" / "methodology.md"

_INLINE = (
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![*\w])\*([^*\s][^*]*)\*(?!\w)"), r"<em>\1</em>"),
    (re.compile(r"(?<!\w)_([^_\s][^_]*)_(?!\w)"), r"<em>\1</em>"),
)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _inline(source: str) -> str:
    html = str(escape(source))
    for pattern, replacement in _INLINE:
        html = pattern.sub(replacement, html)

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        # Only links within the app become links; the app must not point browsers elsewhere.
        if target.startswith("/") and not target.startswith("//"):
            return f'<a href="{target}">{label}</a>'
        return f"{label} (<code>{target}</code>)"

    return _LINK.sub(link, html)


def _table(lines: list[str]) -> str:
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    header, body = rows[0], [r for r in rows[1:] if not all(re.fullmatch(r":?-+:?", c) for c in r)]
    head = "".join(f'<th scope="col">{_inline(cell)}</th>' for cell in header)
    cells = "".join(
        "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in body
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>"
    return f'<div class="table-wrap">{table}</div>'


def markdown_to_html(text: str) -> Markup:
    """Render the Markdown subset used in docs/ (headings are shifted down one level)."""
    out: list[str] = []
    blocks = re.split(r"\n\s*\n", text.strip())
    for block in blocks:
        lines = block.splitlines()
        first = lines[0]
        if first.startswith("```"):
            body = "\n".join(line for line in lines[1:] if not line.startswith("```"))
            out.append(f"<pre><code>{escape(body)}</code></pre>")
        elif heading := re.match(r"(#{1,5})\s+(.*)", first):
            level = min(len(heading.group(1)) + 1, 6)
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            if lines[1:]:
                out.append(str(markdown_to_html("\n".join(lines[1:]))))
        elif all(line.lstrip().startswith("|") for line in lines):
            out.append(_table(lines))
        elif all(re.match(r"\s*([-*]|\d+\.)\s+|\s{2,}\S", line) for line in lines):
            tag = "ol" if re.match(r"\s*\d+\.", first) else "ul"
            items: list[str] = []
            for line in lines:
                marker = re.match(r"\s*([-*]|\d+\.)\s+(.*)", line)
                if marker:
                    items.append(marker.group(2))
                elif items:
                    items[-1] += " " + line.strip()
            out.append(f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>")
        else:
            out.append(f"<p>{_inline(' '.join(line.strip() for line in lines))}</p>")
    return Markup("\n".join(out))


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    method = None
    if METHODOLOGY.is_file():
        method = markdown_to_html(METHODOLOGY.read_text(encoding="utf-8"))
    context = {"sources": list(load_sources().values()), "method": method}
    return render(request, "salary/sources.html", context)
