"""JSON API for the glossary and plain-words Q&A: /concepts, /explain, /ask."""

from __future__ import annotations

from itertools import groupby

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from medcoder.codes.ask import MAX_QUESTION_CHARS, Answer, answer_question
from medcoder.codes.concepts_explain import Explanation, explain
from medcoder.codes.glossary import Concept, get_concept, list_concepts
from medcoder.codes.llm import chat_client_from_settings
from medcoder.web.deps import SettingsDep

router = APIRouter(tags=["concepts"])


class ConceptSummary(BaseModel):
    slug: str
    title: str
    summary: str
    url: str


class ConceptGroup(BaseModel):
    group: str
    concepts: list[ConceptSummary]


class ConceptList(BaseModel):
    count: int
    groups: list[ConceptGroup]


class Question(BaseModel):
    question: str = Field(max_length=MAX_QUESTION_CHARS, examples=["when do I use modifier 59?"])


@router.get("/concepts", response_model=ConceptList)
def concepts() -> ConceptList:
    """Every glossary concept, grouped (ICD-10-CM conventions, CPT, HCPCS, payment, workflow)."""
    everything = list_concepts()
    groups = [
        ConceptGroup(
            group=group,
            concepts=[
                ConceptSummary(slug=c.slug, title=c.title, summary=c.summary, url=c.url)
                for c in members
            ],
        )
        for group, members in groupby(everything, key=lambda concept: concept.group)
    ]
    return ConceptList(count=len(everything), groups=groups)


@router.get("/concepts/{slug}", response_model=Concept)
def concept(slug: str) -> Concept:
    """One concept: summary, Markdown body, codes it cites, see-also slugs and aliases."""
    return get_concept(slug)


@router.get("/explain", response_model=Explanation)
def explain_term(
    term: str = Query(..., max_length=200, examples=["excludes1", "mod 59", "E11.22"]),
) -> Explanation:
    """The best concept for a term, or the notes governing a code when the term is a code."""
    return explain(term)


@router.post("/ask", response_model=Answer)
def ask(body: Question, settings: SettingsDep) -> Answer:
    """A cited answer from the glossary, code notes and guidelines (model-phrased if configured)."""
    return answer_question(body.question, llm=chat_client_from_settings(settings))


@router.get("/ask", response_model=Answer)
def ask_get(
    settings: SettingsDep,
    q: str = Query(..., max_length=MAX_QUESTION_CHARS, examples=["can I code E11.9 with E11.65?"]),
) -> Answer:
    """The same as POST /ask, for links and quick tests."""
    return answer_question(q, llm=chat_client_from_settings(settings))
