"""Turn what people type for a code (``e119``, `` E11.9 ``, ``j1100``) into its canonical spelling.

ICD-10-CM codes are written with a dot after the third character (``E11.9``); HCPCS Level II codes
(``J1100``) and modifiers (``GT``) never have one. Five characters of the shape letter + four digits
are ambiguous (``J1100`` is a HCPCS drug code, ``J11.00`` an influenza code): they read as HCPCS
when such a HCPCS code exists and as ICD-10-CM otherwise.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s.\-_]+")
ICD10_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$")
HCPCS_SHAPE = re.compile(r"^[A-V][0-9]{4}$")
MODIFIER_SHAPE = re.compile(r"^[0-9A-Z]{2}$")


def compact(text: str) -> str:
    """Upper case with spaces, dots and dashes removed: ``" e11.9 "`` → ``"E119"``."""
    return _SEPARATORS.sub("", text).upper()


def dotted_icd10(compact_code: str) -> str:
    """``E119`` → ``E11.9``; three-character categories keep no dot."""
    if len(compact_code) <= 3:
        return compact_code
    return f"{compact_code[:3]}.{compact_code[3:]}"


def looks_like_code(text: str) -> bool:
    """True when ``text`` is shaped like an ICD-10-CM or HCPCS code (not necessarily a real one)."""
    candidate = compact(text)
    return bool(ICD10_SHAPE.match(candidate) or HCPCS_SHAPE.match(candidate))


def normalize_code(text: str) -> str:
    """The canonical spelling of a code: ``e119`` → ``E11.9``, ``j1100`` → ``J1100``.

    Text that is not shaped like a code comes back upper-cased and compacted, so that callers can
    report it as unknown in the spelling the user will recognise.
    """
    candidate = compact(text)
    explicit_dot = "." in text
    if HCPCS_SHAPE.match(candidate) and not explicit_dot:
        from medcoder.codes.hcpcs import hcpcs_exists

        if hcpcs_exists(candidate):
            return candidate
    if ICD10_SHAPE.match(candidate):
        return dotted_icd10(candidate)
    return candidate
