"""Candidate codes for generated questions, read once per process from the codes core.

The ICD-10-CM rows come from the served index's search rows (code, description, billable), grouped
by category so that distractors can be siblings. HCPCS and HCC pools are built from the public
``iter_hcpcs`` and ``hcc_mappings``. Everything is sorted so a seeded draw is reproducible.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from medcoder.codes.hcc import hcc_mappings
from medcoder.codes.hcpcs import HcpcsCode, iter_hcpcs
from medcoder.codes.icd10 import default_index
from medcoder.sources import data_file

# Model and payment year the HCC questions ask about: CMS phased V28 in fully for 2026.
HCC_MODEL = "CMS-HCC Model V28"
HCC_PAYMENT_YEAR = 2026

# HCPCS Level II sections with supply, device, orthotic and drug codes.
HCPCS_SUPPLY_SECTIONS = ("A", "E", "J", "L")


@dataclass(frozen=True, slots=True)
class IcdRow:
    code: str
    description: str
    billable: bool

    @property
    def category(self) -> str:
        return self.code[:3]


@lru_cache(maxsize=1)
def icd_rows() -> tuple[IcdRow, ...]:
    rows = default_index().search_rows()
    return tuple(IcdRow(code, description, billable) for code, description, billable, *_ in rows)


@lru_cache(maxsize=1)
def rows_by_category() -> dict[str, tuple[IcdRow, ...]]:
    grouped: dict[str, list[IcdRow]] = defaultdict(list)
    for row in icd_rows():
        grouped[row.category].append(row)
    return {category: tuple(rows) for category, rows in sorted(grouped.items())}


@lru_cache(maxsize=1)
def billable_rows() -> tuple[IcdRow, ...]:
    return tuple(row for row in icd_rows() if row.billable)


@lru_cache(maxsize=1)
def description_counts() -> dict[str, int]:
    """How many ICD-10-CM codes share each (case-folded) description."""
    counts: dict[str, int] = defaultdict(int)
    for row in icd_rows():
        counts[row.description.casefold()] += 1
    return dict(counts)


@lru_cache(maxsize=1)
def seventh_character_bases() -> tuple[str, ...]:
    """Codes whose children are their 7-character codes (e.g. ``S52.301`` for ``S52.301A``)."""
    bases = {row.code[:-1].rstrip("X") for row in icd_rows() if len(row.code) == 8}
    known = {row.code for row in icd_rows()}
    return tuple(sorted(base.rstrip(".") for base in bases if base.rstrip(".") in known))


@lru_cache(maxsize=1)
def hcpcs_supply_codes() -> tuple[HcpcsCode, ...]:
    """Active supply/device/drug codes whose long description is unique in the code set."""
    active = [
        code
        for code in iter_hcpcs()
        if code.kind == "procedure"
        and code.termination_date is None
        and code.code.startswith(HCPCS_SUPPLY_SECTIONS)
    ]
    counts: dict[str, int] = defaultdict(int)
    for code in active:
        counts[code.long_description.casefold()] += 1
    return tuple(
        sorted(
            (code for code in active if counts[code.long_description.casefold()] == 1),
            key=lambda code: code.code,
        )
    )


def hcc_categories_of(code: str) -> list[tuple[str, str]]:
    """(HCC, label) pairs ``code`` maps to in the quizzed model and payment year."""
    return sorted(
        {
            (mapping.hcc, mapping.label)
            for mapping in hcc_mappings(code)
            if mapping.model == HCC_MODEL and mapping.payment_year == HCC_PAYMENT_YEAR
        }
    )


@lru_cache(maxsize=1)
def _model_categories() -> dict[str, frozenset[str]]:
    """Dotless code → the categories (CC numbers) of the quizzed model, from the bundled CMS table.

    Read in one pass: asking ``hcc_mappings`` for each of 74,000 codes would take minutes. The
    chosen question is still checked against ``hcc_mappings`` before it is asked.
    """
    found: dict[str, set[str]] = defaultdict(set)
    text = data_file(f"hcc_dx_{HCC_PAYMENT_YEAR}").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        if row["model_name"] == HCC_MODEL:
            found[row["diagnosis_code"]].add(row["cc"])
    return {code: frozenset(ccs) for code, ccs in found.items()}


@lru_cache(maxsize=1)
def hcc_pools() -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(codes mapping to exactly one HCC, unmapped codes, every (HCC, label) of the model).

    Unmapped codes are kept only from categories where some other code does map, so "it maps to
    no HCC" is a real decision (a sibling of mapped codes), not a giveaway.
    """
    categories = _model_categories()
    single: list[str] = []
    unmapped_candidates: list[str] = []
    mapped_categories: set[str] = set()
    sample_code: dict[str, str] = {}
    for row in billable_rows():
        ccs = categories.get(row.code.replace(".", ""), frozenset())
        if ccs:
            mapped_categories.add(row.category)
            for cc in ccs:
                sample_code.setdefault(cc, row.code)
        if len(ccs) == 1:
            single.append(row.code)
        elif not ccs:
            unmapped_candidates.append(row.code)
    unmapped = [code for code in unmapped_candidates if code[:3] in mapped_categories]
    labels = {pair for code in sample_code.values() for pair in hcc_categories_of(code)}
    return tuple(single), tuple(unmapped), tuple(sorted(labels, key=hcc_number))


def hcc_categories_near(code: str) -> list[tuple[str, str]]:
    """HCCs that other codes of ``code``'s category map to (plausible distractors)."""
    categories = _model_categories()
    wanted = {
        cc
        for row in rows_by_category()[code[:3]]
        if row.code != code
        for cc in categories.get(row.code.replace(".", ""), frozenset())
    }
    _, _, every_hcc = hcc_pools()
    return [pair for pair in every_hcc if pair[0].removeprefix("HCC") in wanted]


def hcc_number(pair: tuple[str, str]) -> int:
    digits = "".join(ch for ch in pair[0] if ch.isdigit())
    return int(digits) if digits else 0
