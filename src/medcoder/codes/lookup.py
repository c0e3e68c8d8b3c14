"""One entry point for "what is this code?": ICD-10-CM or HCPCS Level II, with its HCC mappings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from medcoder.codes.hcc import HccMapping, hcc_mappings
from medcoder.codes.hcpcs import HcpcsCode, get_hcpcs, hcpcs_exists
from medcoder.codes.icd10 import IcdCode, default_index
from medcoder.codes.normalize import HCPCS_SHAPE, MODIFIER_SHAPE, compact, dotted_icd10
from medcoder.errors import InvalidInput

# The longest ICD-10-CM code has 7 characters and a HCPCS code 5; allow some slack for typos.
MAX_CODE_CHARS = 16


class CodeDetail(BaseModel):
    code: str
    code_set: str
    kind: Literal["icd10cm", "hcpcs"]
    description: str
    billable: bool
    icd10: IcdCode | None = None
    hcpcs: HcpcsCode | None = None
    hcc: list[HccMapping] = []
    also_matches: list[str] = []


def _icd_detail(record: IcdCode) -> CodeDetail:
    return CodeDetail(
        code=record.code,
        code_set=record.code_set,
        kind="icd10cm",
        description=record.description,
        billable=record.billable,
        icd10=record,
        hcc=hcc_mappings(record.code),
    )


def lookup_code(text: str) -> CodeDetail:
    """Everything we know about one code; unknown codes raise InvalidInput naming the nearest."""
    key = compact(text)
    if not key:
        raise InvalidInput("code", "enter a code, e.g. E11.9 or J1100")
    if len(key) > MAX_CODE_CHARS:
        # Refused before looking for near spellings, whose cost grows with the length of the text.
        raise InvalidInput(
            "code", f"is {len(key):,} characters long; a code has at most {MAX_CODE_CHARS}"
        )
    index = default_index()
    icd_spelling = dotted_icd10(key)
    # "J1100" is both a HCPCS drug code and (as J11.00) an ICD-10-CM code: a dot means ICD.
    wants_icd = "." in text and index.exists(icd_spelling)
    if (HCPCS_SHAPE.match(key) or MODIFIER_SHAPE.match(key)) and not wants_icd:
        if hcpcs_exists(key):
            record = get_hcpcs(key)
            return CodeDetail(
                code=record.code,
                code_set=record.code_set,
                kind="hcpcs",
                description=record.long_description,
                billable=record.termination_date is None and record.kind == "procedure",
                hcpcs=record,
                also_matches=[icd_spelling] if index.exists(icd_spelling) else [],
            )
    if index.exists(icd_spelling):
        return _icd_detail(index.get(icd_spelling))
    suggestions = index.nearest(icd_spelling)
    if HCPCS_SHAPE.match(key) and "." not in text:
        suggestions = _hcpcs_neighbours(key) + suggestions
    raise InvalidInput(
        "code",
        f"{text.strip()!r} is not an ICD-10-CM ({index.code_set}) or HCPCS Level II code",
        suggestions=suggestions[:5],
    )


def _hcpcs_neighbours(key: str) -> list[str]:
    try:
        get_hcpcs(key)
    except InvalidInput as error:
        return list(error.suggestions or [])
    return [key]
