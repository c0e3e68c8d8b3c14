"""Apply the ICD-10-CM conventions to codes reported together: what do their notes say?

"Can I code E11.9 with E11.65?" is answered by reading each code's notes (and those inherited from
its category, block and chapter) for references that cover the other code: Excludes1, Excludes2,
code first, use additional code, code also. A note references codes as ``E10.-``, ``O24.4-``,
``N18.1-N18.6`` or ``I60-I69``; ``note_covers`` reads those forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcoder.codes.concepts_explain import CodeNote, CodeNotes

_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
# A single code, a code with a trailing "-"/".-" (all codes below it), or a range "A-B".
_REFERENCE = re.compile(rf"\b({_CODE})(?:\s*-\s*({_CODE})\b|\.?-)?")
PAIR_KINDS = ("excludes1", "excludes2", "code_first", "use_additional_code", "code_also")


@dataclass(frozen=True)
class Finding:
    """One sentence about a pair of codes, the codes it cites and the concepts that explain it."""

    text: str
    codes: tuple[str, ...]
    concepts: tuple[str, ...] = ()


def _compact(code: str) -> str:
    return code.replace(".", "").upper()


def note_covers(text: str, code: str) -> bool:
    """True when a note's code references include ``code`` (``E10.-`` covers ``E10.9``)."""
    target = _compact(code)
    for match in _REFERENCE.finditer(text):
        low = _compact(match.group(1))
        high = _compact(match.group(2)) if match.group(2) else low
        if target[: len(low)] >= low and target[: len(high)] <= high:
            return True
    return False


def _where(note: CodeNote, owner: CodeNotes) -> str:
    return "" if note.source == owner.code else f" (written at {note.source})"


def _note_finding(owner: CodeNotes, other: CodeNotes, note: CodeNote) -> Finding:
    where = _where(note, owner)
    quoted = f"“{note.text}”"
    pair = (owner.code, other.code)
    if note.kind == "excludes1":
        return Finding(
            f"{owner.code} has an Excludes1 note{where}, {quoted}, that covers {other.code}: the "
            "two are not reported together, unless the two conditions are unrelated to each other.",
            pair,
            ("excludes1",),
        )
    if note.kind == "excludes2":
        return Finding(
            f"{owner.code} has an Excludes2 note{where}, {quoted}, that covers {other.code}: that "
            f"condition is not part of {owner.code}, so both may be reported when the patient has "
            "both.",
            pair,
            ("excludes2",),
        )
    if note.kind == "code_first":
        return Finding(
            f"{owner.code}'s “code first” note{where}, {quoted}, covers {other.code}: list "
            f"{other.code} before {owner.code}.",
            pair,
            ("code-first",),
        )
    if note.kind == "use_additional_code":
        return Finding(
            f"{owner.code}'s “use additional code” note{where}, {quoted}, covers {other.code}: "
            f"report {other.code} as well, after {owner.code}.",
            pair,
            ("use-additional-code",),
        )
    return Finding(
        f"{owner.code}'s “code also” note{where}, {quoted}, covers {other.code}: both codes may be "
        "needed, in the order the reason for the encounter sets.",
        pair,
        ("code-also",),
    )


def _notes_between(first: CodeNotes, second: CodeNotes) -> list[Finding]:
    findings = []
    for owner, other in ((first, second), (second, first)):
        for note in owner.notes:
            # Chapter-wide Excludes2 lists name whole other chapters ("neoplasms (C00-D49)"):
            # true for every pair across chapters, so they say nothing about this one.
            if note.kind == "excludes2" and note.source.startswith("Chapter"):
                continue
            if note.kind in PAIR_KINDS and note_covers(note.text, other.code):
                findings.append(_note_finding(owner, other, note))
    return findings


def _same_category(first: CodeNotes, second: CodeNotes) -> Finding:
    category = first.code[:3]
    for plain, specific in ((first, second), (second, first)):
        if "without complication" in plain.description.lower():
            return Finding(
                f"{plain.code} ({plain.description}) says there are no complications, while "
                f"{specific.code} ({specific.description}) reports one. The two contradict each "
                f"other: report {specific.code} (with any other documented complication codes) "
                f"and leave out {plain.code}.",
                (plain.code, specific.code),
                ("unspecified-codes", "combination-codes"),
            )
    return Finding(
        f"{first.code} and {second.code} are both in category {category}. Report both only when "
        "each describes a separate documented condition or complication; when one is a less "
        "specific form of the other, keep the specific one.",
        (first.code, second.code),
        ("combination-codes",),
    )


def compare_pair(first: CodeNotes, second: CodeNotes) -> list[Finding]:
    """What the notes of two ICD-10-CM codes say about reporting them together."""
    if first.code == second.code:
        return []
    for parent, child in ((first, second), (second, first)):
        if _compact(child.code).startswith(_compact(parent.code)):
            return [
                Finding(
                    f"{parent.code} is a heading above {child.code}; report only the more specific "
                    f"code ({child.code} if it is billable).",
                    (parent.code, child.code),
                    ("lookup-workflow",),
                )
            ]
    findings = _notes_between(first, second)
    linked_by_notes = bool(findings)
    if not any(f.concepts[0] in ("excludes1", "excludes2") for f in findings):
        findings.append(
            Finding(
                f"No Excludes1 or Excludes2 note on {first.code}, {second.code}, or the "
                "categories, blocks and chapters above them names the other code.",
                (first.code, second.code),
                ("excludes1",),
            )
        )
    if first.code[:3] == second.code[:3]:
        findings.append(_same_category(first, second))
    elif not linked_by_notes and first.block and first.block == second.block:
        findings.append(
            Finding(
                f"{first.code} and {second.code} are in the same block ({first.block}). When one "
                "of them is a combination code that already includes the other's condition, "
                "report only the combination code.",
                (first.code, second.code),
                ("combination-codes",),
            )
        )
    return findings


def compare_codes(codes: list[CodeNotes]) -> list[Finding]:
    """Findings for every pair of ICD-10-CM codes, in the order the codes were named."""
    icd = [notes for notes in codes if notes.code_set.startswith("ICD-10-CM")]
    findings: list[Finding] = []
    for index, first in enumerate(icd):
        for second in icd[index + 1 :]:
            findings.extend(compare_pair(first, second))
    return findings


def describe_notes(notes: CodeNotes) -> str:
    """One paragraph on a single code: its own notes, then how many it inherits and from where."""
    sevenths = [note for note in notes.notes if note.kind == "seventh_characters"]
    billable = "billable" if notes.billable else "not billable: choose a more specific code"
    if sevenths and not notes.billable:
        billable = "not billable until a 7th character is added"
    own = [n for n in notes.notes if n.source == notes.code and n.kind != "seventh_characters"]
    inherited = [
        note
        for note in notes.notes
        if note.source != notes.code and note.kind in PAIR_KINDS + ("includes",)
    ]
    parts = [f"{notes.code} is {notes.description} ({billable}; {notes.code_set})."]
    if own:
        listed = "; ".join(f"{note.label}: {note.text}" for note in own[:5])
        parts.append(f"Its own notes: {listed}.")
    else:
        parts.append("The code itself carries no notes.")
    for note in sevenths:
        parts.append(f"7th characters (defined at {note.source}): {note.text}.")
    if inherited:
        sources = ", ".join(dict.fromkeys(note.source for note in inherited))
        parts.append(
            f"It also inherits {len(inherited)} instructional notes from {sources}; "
            "they apply to it just as much."
        )
    return " ".join(parts)
