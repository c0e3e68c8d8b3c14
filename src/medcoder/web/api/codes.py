"""JSON API for ICD-10-CM and HCPCS Level II codes: search, look-up, chapters and blocks.

Each route parses its query, calls one function of ``medcoder.codes`` and returns its pydantic
result; InvalidInput becomes a 422 naming the field (web/errors.py).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from medcoder.codes.icd10 import BlockSummary, Chapter, ChapterDetail
from medcoder.codes.lookup import CodeDetail
from medcoder.codes.refresh import CodeSetInfo
from medcoder.codes.search import MAX_LIMIT, SearchHit

router = APIRouter(tags=["codes"])


class FullCode(BaseModel):
    code: str
    seventh: str
    full_code: str
    description: str
    code_set: str


@router.get("/codes/search", response_model=list[SearchHit])
def search(
    q: Annotated[
        str, Query(description="Words, an abbreviation, a lay term or a code prefix.")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most results to return.")] = 10,
    billable_only: Annotated[bool, Query(description="Only billable codes.")] = False,
    chapter: Annotated[int | None, Query(ge=1, le=22, description="ICD-10-CM chapter.")] = None,
    code_set: Annotated[
        Literal["icd10cm", "hcpcs"] | None, Query(description="Restrict to one code set.")
    ] = None,
) -> list[SearchHit]:
    """Codes in the order a coder would pick them; an empty query returns []."""
    from medcoder.codes.search import search_codes

    return search_codes(
        q, limit=limit, billable_only=billable_only, chapter=chapter, code_set=code_set
    )


@router.get("/codes/code-set", response_model=CodeSetInfo)
def code_set() -> CodeSetInfo:
    """Which ICD-10-CM release (fiscal year) the app serves, and how many codes it holds."""
    from medcoder.codes.refresh import served_code_set

    return served_code_set()


@router.get("/codes/chapters", response_model=list[Chapter])
def chapters() -> list[Chapter]:
    """The 22 chapters of ICD-10-CM."""
    from medcoder.codes.icd10 import icd10_chapters

    return icd10_chapters()


@router.get("/codes/chapters/{number}", response_model=ChapterDetail)
def chapter(number: Annotated[int, Path(description="Chapter number, 1–22.")]) -> ChapterDetail:
    """One chapter with its notes and blocks (code ranges)."""
    from medcoder.codes.icd10 import icd10_chapter

    return icd10_chapter(number)


@router.get("/codes/blocks/{code_range}", response_model=BlockSummary)
def block(
    code_range: Annotated[str, Path(description="Block range, e.g. E08-E13.")],
) -> BlockSummary:
    """One block with its notes and categories."""
    from medcoder.codes.icd10 import icd10_block

    return icd10_block(code_range)


@router.get("/codes/{code}/full-code", response_model=FullCode)
def full_code(
    code: str, seventh: Annotated[str, Query(description="The 7th character, e.g. A.")]
) -> FullCode:
    """Build the billable 7-character code, padding with the placeholder X where needed."""
    from medcoder.codes.icd10 import build_full_code, get_icd10

    full = build_full_code(code, seventh)
    record = get_icd10(full)
    return FullCode(
        code=code,
        seventh=seventh,
        full_code=full,
        description=record.description,
        code_set=record.code_set,
    )


@router.get("/codes/{code}", response_model=CodeDetail)
def lookup(
    code: Annotated[str, Path(description="ICD-10-CM or HCPCS code: E11.9, e119, J1100.")],
) -> CodeDetail:
    """Everything about one code: notes, 7th characters, HCC mappings, HCPCS details."""
    from medcoder.codes.lookup import lookup_code

    return lookup_code(code)
