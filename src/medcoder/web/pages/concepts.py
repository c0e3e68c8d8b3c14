"""Glossary pages (/concepts, /concepts/{slug}) and the plain-words Q&A page (/ask).

Concept bodies are small Markdown written by us, rendered to safe HTML by
``medcoder.web.markdown.render_markdown`` (shared with the /sources methodology page).
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from medcoder.errors import InvalidInput, NotFound
from medcoder.web.markdown import render_markdown
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)


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
