"""Glossary pages (/concepts, /concepts/{slug}) and the plain-words Q&A page (/ask).

Concept bodies are small Markdown written by us; ``render_markdown`` turns the few constructs we
use (headings, lists, tables, bold, italics, code, internal links, [n] citations) into HTML and
escapes everything else, so no raw HTML from any source reaches the page.
"""

from __future__ import annotations

import html
import re
from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from medcoder.errors import InvalidInput, NotFound
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)

_CODE_SPAN = re.compile(r"`([^`]+)`")
# Only links inside the app: the pages must never point at external URLs.
_LINK = re.compile(r"\[([^\]]+)\]\(((?:/|#)[^)\s]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?![\s*])(.+?)(?<![\s*])\*(?![*\w])")
_CITATION = re.compile(r"\[(\d{1,2})\](?!\()")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*]|(\d+)\.)\s+(.*)$")


def _inline(text: str, *, citations: bool) -> str:
    parts = []
    for index, piece in enumerate(_CODE_SPAN.split(text)):
        if index % 2:
            parts.append(f"<code>{html.escape(piece)}</code>")
            continue
        escaped = html.escape(piece, quote=False)
        escaped = _LINK.sub(lambda m: f'<a href="{html.escape(m[2])}">{m[1]}</a>', escaped)
        escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
        escaped = _ITALIC.sub(r"<em>\1</em>", escaped)
        if citations:
            escaped = _CITATION.sub(r'<a class="cite" href="#passage-\1">[\1]</a>', escaped)
        parts.append(escaped)
    return "".join(parts)


def _table(rows: list[str], *, citations: bool) -> str:
    cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows]
    body = [row for row in cells[1:] if not all(set(cell) <= set("-: ") for cell in row)]
    head = "".join(f'<th scope="col">{_inline(c, citations=citations)}</th>' for c in cells[0])
    lines = [f"<div class='table-wrap'><table><thead><tr>{head}</tr></thead><tbody>"]
    for row in body:
        row_cells = "".join(f"<td>{_inline(c, citations=citations)}</td>" for c in row)
        lines.append(f"<tr>{row_cells}</tr>")
    lines.append("</tbody></table></div>")
    return "".join(lines)


def render_markdown(text: str, *, citations: bool = False, heading_offset: int = 1) -> Markup:
    """Our small Markdown → safe HTML; ``heading_offset`` shifts ### under the page's h1."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False
    table: list[str] = []

    def flush() -> None:
        nonlocal ordered
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph), citations=citations)}</p>")
            paragraph.clear()
        if items:
            tag = "ol" if ordered else "ul"
            rendered = "".join(f"<li>{_inline(item, citations=citations)}</li>" for item in items)
            out.append(f"<{tag}>{rendered}</{tag}>")
            items.clear()
        if table:
            out.append(_table(table, citations=citations))
            table.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        heading, bullet = _HEADING.match(line), _BULLET.match(line)
        if not line.strip():
            flush()
        elif line.lstrip().startswith("|"):
            if not table:
                flush()
            table.append(line)
        elif heading:
            flush()
            level = min(6, max(2, len(heading[1]) - 2 + heading_offset))
            out.append(f"<h{level}>{_inline(heading[2], citations=citations)}</h{level}>")
        elif bullet:
            if paragraph or table or (items and ordered != bool(bullet[1])):
                flush()
            ordered = bool(bullet[1])
            items.append(bullet[2])
        elif items and raw.startswith(" "):
            items[-1] += " " + line.strip()
        else:
            if items or table:
                flush()
            paragraph.append(line.strip())
    flush()
    return Markup("\n".join(out))


def _render(
    request: Request, name: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/concepts", response_class=HTMLResponse)
def concept_list(request: Request, q: str = "") -> HTMLResponse:
    from medcoder.codes.glossary import list_concepts, search_concepts

    everything = list_concepts()
    groups = [(group, list(members)) for group, members in groupby(everything, lambda c: c.group)]
    hits = search_concepts(q[:200], limit=10) if q.strip() else []
    context = {"groups": groups, "count": len(everything), "q": q, "hits": hits}
    return _render(request, "concepts/list.html", context)


@router.get("/concepts/{slug}", response_class=HTMLResponse, response_model=None)
def concept_page(request: Request, slug: str) -> HTMLResponse | RedirectResponse:
    from medcoder.codes.glossary import get_concept

    try:
        concept = get_concept(slug)
    except NotFound:
        return _render(request, "concepts/not_found.html", {"slug": slug}, status=404)
    if concept.slug != slug:  # an alias ("drug-units"): send the reader to the one true address
        return RedirectResponse(concept.url, status_code=308)
    see_also = [get_concept(other) for other in concept.see_also]
    context = {"concept": concept, "body": render_markdown(concept.body), "see_also": see_also}
    return _render(request, "concepts/detail.html", context)


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, q: str = "") -> HTMLResponse:
    from medcoder.codes.ask import answer_question
    from medcoder.codes.llm import chat_client_from_settings

    context: dict[str, Any] = {"q": q, "answer": None, "error": None, "text": None}
    context["passage_html"] = {}
    if q:
        try:
            llm = chat_client_from_settings(request.app.state.settings)
            answer = answer_question(q, llm=llm)
        except InvalidInput as error:
            context["error"] = error
            return _render(request, "concepts/ask.html", context, status=422)
        context["answer"] = answer
        context["text"] = render_markdown(answer.text, citations=True)
        # Glossary and guideline passages are our Markdown; code notes are shown as written.
        context["passage_html"] = {
            p.number: render_markdown(p.text) for p in answer.passages if p.kind != "code_note"
        }
    return _render(request, "concepts/ask.html", context)
