"""The bundled BLS OEWS May 2025 extract, read once and kept with BLS's own semantics.

BLS marks figures it does not publish with ``-`` (not released) or ``*`` (not available) and
figures at or above its top-coding bound with ``#``. Those marks must never become zeros: every
figure is an :class:`Estimate` with a status, and a top-coded figure keeps its lower bound.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput
from medcoder.sources import data_file

OEWS_KEY = "oews_may2025"
CROSS_INDUSTRY = "000000"
NATIONAL_AREA = "0000000"
MEDICAL_RECORDS_SPECIALISTS = "29-2072"

EstimateStatus = Literal["published", "not_released", "not_available", "top_coded"]

# BLS's top-coding bounds for the May 2025 release (footnote 5).
TOP_CODED_HOURLY = 115.00
TOP_CODED_ANNUAL = 239_200.0

FIGURES = (
    "employment",
    "employment_rse_pct",
    "hourly_mean",
    "annual_mean",
    "wage_rse_pct",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
)

_MARKS: dict[str, EstimateStatus] = {"-": "not_released", "*": "not_available", "#": "top_coded"}


class Estimate(BaseModel):
    """One published figure, or the reason BLS did not publish it."""

    model_config = ConfigDict(frozen=True)

    value: float | None
    status: EstimateStatus

    @property
    def published(self) -> bool:
        return self.status == "published"


def top_code_bound(figure: str) -> float | None:
    if figure.startswith("annual_"):
        return TOP_CODED_ANNUAL
    if figure.startswith("hourly_"):
        return TOP_CODED_HOURLY
    return None


def parse_estimate(raw: str, figure: str) -> Estimate:
    """Read one CSV cell. An empty cell (BLS publishes no LQ nationally) is ``not_available``."""
    text = raw.strip()
    if not text:
        return Estimate(value=None, status="not_available")
    status = _MARKS.get(text)
    if status == "top_coded":
        return Estimate(value=top_code_bound(figure), status=status)
    if status is not None:
        return Estimate(value=None, status=status)
    return Estimate(value=float(text.replace(",", "")), status="published")


@dataclass(frozen=True, slots=True)
class OewsRow:
    """One published OEWS row: an occupation in an area and industry, raw cells kept as text."""

    area_type: str
    area_code: str
    state_code: str
    area_name: str
    industry_code: str
    industry_name: str
    soc_code: str
    occupation_name: str
    cells: dict[str, str]
    footnotes: dict[str, str] = field(default_factory=dict)

    def estimate(self, figure: str) -> Estimate:
        return parse_estimate(self.cells[figure], figure)

    def value(self, figure: str) -> float | None:
        """The figure as a number (a top-coded figure gives its lower bound), else None."""
        return self.estimate(figure).value


def _parse_footnotes(text: str) -> dict[str, str]:
    # "01:8;02:8" -> {"employment": "8", "employment_rse_pct": "8"}: datatype number -> footnote.
    notes: dict[str, str] = {}
    for part in filter(None, text.split(";")):
        datatype, _, code = part.partition(":")
        index = int(datatype) - 1
        if 0 <= index < len(FIGURES):
            notes[FIGURES[index]] = code
    return notes


@dataclass(frozen=True, slots=True)
class OewsRelease:
    """All rows of the extract, indexed by (soc, area_code, industry_code)."""

    rows: tuple[OewsRow, ...]
    index: dict[tuple[str, str, str], OewsRow]
    footnote_texts: dict[str, str]

    def get(self, soc: str, area_code: str, industry: str = CROSS_INDUSTRY) -> OewsRow | None:
        return self.index.get((soc, area_code, industry))

    def occupations(self) -> dict[str, str]:
        """SOC code -> BLS title, in code order."""
        titles = {row.soc_code: row.occupation_name for row in self.rows}
        return dict(sorted(titles.items()))

    def industries(self, soc: str) -> Iterator[OewsRow]:
        """National rows by industry for ``soc`` (the cross-industry row excluded)."""
        for row in self.rows:
            if row.soc_code == soc and row.area_type == "N" and row.industry_code != CROSS_INDUSTRY:
                yield row

    def cross_industry(self, soc: str, area_type: str) -> Iterator[OewsRow]:
        for row in self.rows:
            if (
                row.soc_code == soc
                and row.area_type == area_type
                and row.industry_code == CROSS_INDUSTRY
            ):
                yield row

    def footnote_text(self, code: str) -> str | None:
        return self.footnote_texts.get(code.lstrip("0") or "0")


def read_release(csv_text: str, footnote_texts: dict[str, str]) -> OewsRelease:
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader)
    at = {name: header.index(name) for name in header}
    first, last = at[FIGURES[0]], at[FIGURES[-1]]
    # Plain csv.reader with column positions: about twice as fast as DictReader on a cold start.
    rows = [
        OewsRow(
            area_type=cells[at["area_type"]],
            area_code=cells[at["area_code"]],
            state_code=cells[at["state_code"]],
            area_name=cells[at["area_name"]],
            industry_code=cells[at["industry_code"]],
            industry_name=cells[at["industry_name"]],
            soc_code=cells[at["soc_code"]],
            occupation_name=cells[at["occupation_name"]],
            cells=dict(zip(FIGURES, cells[first : last + 1], strict=True)),
            footnotes=_parse_footnotes(cells[at["footnotes"]]) if cells[at["footnotes"]] else {},
        )
        for cells in reader
        if cells
    ]
    index = {(row.soc_code, row.area_code, row.industry_code): row for row in rows}
    return OewsRelease(rows=tuple(rows), index=index, footnote_texts=footnote_texts)


@lru_cache(maxsize=1)
def load_oews() -> OewsRelease:
    """The bundled May 2025 extract, parsed once per process."""
    csv_text = data_file(OEWS_KEY).read_text(encoding="utf-8")
    footnotes = json.loads(data_file("oews_footnotes").read_text(encoding="utf-8"))
    return read_release(csv_text, footnotes)


def check_occupation(soc: str) -> str:
    """Return ``soc`` if the extract has it, else raise InvalidInput listing the codes it has."""
    code = soc.strip()
    occupations = load_oews().occupations()
    if code not in occupations:
        allowed = [f"{key} ({title})" for key, title in occupations.items()]
        raise InvalidInput("occupation", f"unknown SOC code {soc!r}", allowed=allowed)
    return code
