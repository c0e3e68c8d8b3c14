"""HCPCS Level II codes and modifiers (CMS January 2026 file), read once from the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from medcoder.codes.normalize import compact
from medcoder.errors import InvalidInput
from medcoder.sources import data_file

HCPCS_SOURCE_KEY = "hcpcs_2026_jan"
HCPCS_CODE_SET = "HCPCS Level II January 2026"

# CMS's coverage codes, in our words.
COVERAGE_LABELS = {
    "C": "Carrier judgment: the Medicare contractor decides coverage",
    "D": "Special coverage instructions apply",
    "I": "Not payable by Medicare (another code or no Medicare benefit)",
    "M": "Not covered by Medicare",
    "S": "Not covered by Medicare by statute",
}
ACTION_LABELS = {
    "A": "Added",
    "B": "Changed in payment and description",
    "C": "Description changed",
    "D": "Discontinued",
    "F": "Changed in coverage and payment",
    "N": "No change",
    "P": "Payment changed",
    "R": "Reactivated",
    "S": "Short description changed",
    "T": "Miscellaneous change",
}


class HcpcsCode(BaseModel):
    code: str
    long_description: str
    short_description: str
    kind: Literal["procedure", "modifier"]
    coverage: str
    coverage_label: str
    betos: str
    add_date: dt.date | None
    effective_date: dt.date | None
    termination_date: dt.date | None
    action_code: str
    action_label: str
    code_set: str = HCPCS_CODE_SET


def _date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.datetime.strptime(text, "%Y%m%d").date() if text else None


@lru_cache(maxsize=1)
def _rows() -> dict[str, dict[str, str]]:
    """Raw CSV rows by code; models are made on demand (9,000 at once cost half a second)."""
    text = data_file(HCPCS_SOURCE_KEY).read_text(encoding="utf-8")
    return {
        row["code"].strip().upper(): row for row in csv.DictReader(io.StringIO(text, newline=""))
    }


def _record(code: str, row: dict[str, str]) -> HcpcsCode:
    coverage = row["coverage_code"].strip()
    action = row["action_code"].strip()
    return HcpcsCode(
        code=code,
        long_description=row["long_description"].strip(),
        short_description=row["short_description"].strip(),
        kind="modifier" if row["record_type"] == "modifier" else "procedure",
        coverage=coverage,
        coverage_label=COVERAGE_LABELS.get(coverage, ""),
        betos=row["betos"].strip(),
        add_date=_date(row["add_date"]),
        effective_date=_date(row["action_effective_date"]),
        termination_date=_date(row["termination_date"]),
        action_code=action,
        action_label=ACTION_LABELS.get(action, ""),
    )


def hcpcs_exists(code: str) -> bool:
    return compact(code) in _rows()


def get_hcpcs(code: str) -> HcpcsCode:
    key = compact(code)
    row = _rows().get(key)
    if row is None:
        nearby = sorted(c for c in _rows() if c[:3] == key[:3])[:5]
        raise InvalidInput(
            "code", f"{key!r} is not a code in {HCPCS_CODE_SET}", suggestions=nearby or None
        )
    return _record(key, row)


def iter_hcpcs() -> Iterator[HcpcsCode]:
    return (_record(code, row) for code, row in _rows().items())
