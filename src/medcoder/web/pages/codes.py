"""Code browser pages: one search box, code pages with every note, chapter and block navigation.

Each route calls one function of ``medcoder.codes`` and renders it. Pages work as plain GET forms;
a small script in ``codes/search.html`` adds search-as-you-type by fetching ``/codes/_results``.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from medcoder.errors import InvalidInput
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)

NOTE_KINDS = (
    ("inclusion_terms", "Inclusion terms", "Conditions also coded here."),
    ("includes", "Includes", "Further defines what the code covers."),
    ("excludes1", "Excludes1", "Never code these together with this code."),
    ("excludes2", "Excludes2", "Not included here, but both may be coded if both are present."),
    ("code_first", "Code first", "Sequence the underlying condition before this code."),
    ("use_additional_code", "Use additional code", "Add a code for the related detail."),
    ("code_also", "Code also", "Another code may be needed; sequence by circumstances."),
    ("notes", "Notes", ""),
)
# Code references inside note text: "(E11.A)", "(E08.-)", "(P70-P74)", "Z16.-".
_CODE_REFERENCE = re.compile(r"\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(\.-|-)?(?![0-9A-Z])")


def link_codes(text: str) -> Markup:
    """Escape note text and link every code it mentions to that code's page."""

    def link(match: re.Match[str]) -> str:
        code = match.group(1)
        return f'<a href="/codes/{code}">{code}</a>{match.group(2) or ""}'

    return Markup(_CODE_REFERENCE.sub(link, str(escape(text))))


templates.env.filters["link_codes"] = link_codes


def _render(
    request: Request, name: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _concepts(query: str) -> list[Any]:
    """Matching glossary concepts, when the explain capability is installed."""
    if not query.strip() or importlib.util.find_spec("medcoder.codes.glossary") is None:
        return []
    from medcoder.codes.glossary import search_concepts

    return list(search_concepts(query, limit=5))


def _search_context(q: str, billable_only: str, code_set: str, chapter: str) -> dict[str, Any]:
    from medcoder.codes.search import search_codes

    errors: dict[str, str] = {}
    chapter_number: int | None = None
    if chapter.strip():
        if chapter.strip().isdigit() and 1 <= int(chapter) <= 22:
            chapter_number = int(chapter)
        else:
            errors["chapter"] = "Choose a chapter from 1 to 22."
    hits: list[Any] = []
    if q.strip() and not errors:
        try:
            hits = search_codes(
                q,
                limit=25,
                billable_only=bool(billable_only),
                chapter=chapter_number,
                code_set=code_set or None,
            )
        except InvalidInput as error:
            errors[error.field] = error.message
    return {
        "q": q,
        "billable_only": bool(billable_only),
        "code_set": code_set,
        "chapter": chapter,
        "hits": hits,
        "errors": errors,
        "concepts": _concepts(q) if not errors else [],
    }


@router.get("/codes", response_class=HTMLResponse)
def search_page(
    request: Request, q: str = "", billable_only: str = "", code_set: str = "", chapter: str = ""
) -> HTMLResponse:
    from medcoder.codes.icd10 import icd10_chapters
    from medcoder.codes.refresh import served_code_set

    context = _search_context(q[:200], billable_only, code_set, chapter)
    context["chapters"] = icd10_chapters()
    context["served"] = served_code_set()
    status = 422 if context["errors"] else 200
    return _render(request, "codes/search.html", context, status)


@router.get("/codes/_results", response_class=HTMLResponse)
def results_fragment(
    request: Request, q: str = "", billable_only: str = "", code_set: str = "", chapter: str = ""
) -> HTMLResponse:
    context = _search_context(q[:200], billable_only, code_set, chapter)
    return _render(request, "codes/_results.html", context)


@router.get("/codes/chapters/{number}", response_class=HTMLResponse)
def chapter_page(request: Request, number: int) -> HTMLResponse:
    from medcoder.codes.icd10 import icd10_chapter

    try:
        chapter = icd10_chapter(number)
    except InvalidInput as error:
        return _render(request, "codes/not_found.html", {"error": error, "q": ""}, status=404)
    return _render(request, "codes/chapter.html", {"chapter": chapter, "note_kinds": NOTE_KINDS})


@router.get("/codes/blocks/{code_range}", response_class=HTMLResponse)
def block_page(request: Request, code_range: str) -> HTMLResponse:
    from medcoder.codes.icd10 import icd10_block, icd10_chapter

    try:
        block = icd10_block(code_range)
    except InvalidInput as error:
        return _render(request, "codes/not_found.html", {"error": error, "q": ""}, status=404)
    chapter = icd10_chapter(block.chapter)
    context = {"block": block, "chapter": chapter, "note_kinds": NOTE_KINDS}
    return _render(request, "codes/block.html", context)


@router.get("/codes/{code}", response_class=HTMLResponse)
def code_page(request: Request, code: str) -> HTMLResponse:
    from medcoder.codes.icd10 import billable_descendants
    from medcoder.codes.lookup import lookup_code

    try:
        detail = lookup_code(code)
    except InvalidInput as error:
        return _render(request, "codes/not_found.html", {"error": error, "q": code}, status=404)
    billable: list[Any] = []
    if detail.icd10 is not None and not detail.billable:
        billable = billable_descendants(detail.code)
    sevenths: list[tuple[str, str, str | None]] = []
    if detail.icd10 is not None:
        built = {
            child.code[-1]: child.code
            for child in detail.icd10.children
            if len(child.code.replace(".", "")) == 7
        }
        sevenths = [
            (char, meaning, built.get(char))
            for char, meaning in detail.icd10.seventh_characters.items()
        ]
    hcc_years = sorted({m.payment_year for m in detail.hcc}, reverse=True)
    hcc_models = sorted({m.model for m in detail.hcc})
    hcc_grid = {(m.model, m.payment_year): m for m in detail.hcc}
    context = {
        "detail": detail,
        "record": detail.icd10,
        "hcpcs": detail.hcpcs,
        "billable": billable,
        "note_kinds": NOTE_KINDS,
        "hcc_years": hcc_years,
        "hcc_models": hcc_models,
        "hcc_grid": hcc_grid,
        "sevenths": sevenths,
    }
    return _render(request, "codes/code.html", context)
