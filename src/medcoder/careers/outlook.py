"""Job outlook 2024-34 from the BLS Employment Projections, beside what the articles claim.

The EP extract gives employment in thousands; figures here are converted to people so they read
the same as OEWS employment.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from pydantic import BaseModel

from medcoder.errors import InvalidInput
from medcoder.wages.claims import Claim, list_claims
from medcoder.wages.provenance import SourceRef, source_ref

EP_KEY = "ep_2024_34"
ALL_OCCUPATIONS = "00-0000"
THOUSAND = 1000.0


class Projection(BaseModel):
    """One row of the EP extract (employment and openings in people, not thousands)."""

    soc: str
    title: str
    employment_2024: float
    employment_2034: float
    change: float
    change_percent: float
    self_employed_percent: float
    openings_annual: float
    labor_force_exits_annual: float
    occupational_transfers_annual: float
    median_wage_2024: float
    education: str | None
    work_experience: str | None
    on_the_job_training: str | None


def _people(thousands: str) -> float:
    return float(round(float(thousands) * THOUSAND))


def _text(value: str) -> str | None:
    return None if value.strip() in ("", "—", "-") else value.strip()


@lru_cache(maxsize=1)
def load_projections() -> dict[str, Projection]:
    from medcoder.sources import data_file

    text = data_file(EP_KEY).read_text(encoding="utf-8")
    projections = {}
    for row in csv.DictReader(io.StringIO(text)):
        projections[row["soc_code"]] = Projection(
            soc=row["soc_code"],
            title=row["title"],
            employment_2024=_people(row["employment_2024_thousands"]),
            employment_2034=_people(row["employment_2034_thousands"]),
            change=_people(row["change_numeric_thousands"]),
            change_percent=float(row["change_percent"]),
            self_employed_percent=float(row["pct_self_employed_2024"]),
            openings_annual=_people(row["openings_annual_avg_thousands"]),
            labor_force_exits_annual=_people(row["labor_force_exits_annual_avg_thousands"]),
            occupational_transfers_annual=_people(
                row["occupational_transfers_annual_avg_thousands"]
            ),
            median_wage_2024=float(row["median_annual_wage_2024_usd"]),
            education=_text(row["typical_entry_education"]),
            work_experience=_text(row["work_experience"]),
            on_the_job_training=_text(row["on_the_job_training"]),
        )
    return projections


def projection(soc: str) -> Projection:
    projections = load_projections()
    if soc not in projections:
        allowed = [f"{p.soc} ({p.title})" for p in projections.values()]
        raise InvalidInput("occupation", f"no 2024-34 projection for {soc!r}", allowed=allowed)
    return projections[soc]


class Outlook(BaseModel):
    occupation: str
    title: str
    employment_2024: float
    employment_2034: float
    change: float
    change_percent: float
    openings_annual: float
    labor_force_exits_annual: float
    occupational_transfers_annual: float
    median_wage_2024: float
    education: str | None
    work_experience: str | None
    on_the_job_training: str | None
    all_occupations_change_percent: float
    growth_vs_all: str
    claims: list[Claim]
    sources: list[SourceRef]


def _compare_growth(percent: float, overall: float) -> str:
    # Describe the gap in percentage points rather than BLS's own wording bands.
    gap = percent - overall
    if abs(gap) < 0.5:
        return f"about the same as all occupations ({overall:g}%)"
    direction = "faster" if gap > 0 else "slower"
    return f"{direction} than all occupations ({overall:g}%) by {abs(gap):.1f} points"


def outlook(occupation: str = "29-2072") -> Outlook:
    """Employment Projections 2024-34 for ``occupation``, plus the articles' outlook claims."""
    code = occupation.strip()
    row = projection(code)
    overall = projection(ALL_OCCUPATIONS)
    claims = list_claims(topic="outlook") if code == "29-2072" else []
    return Outlook(
        occupation=row.soc,
        title=row.title,
        employment_2024=row.employment_2024,
        employment_2034=row.employment_2034,
        change=row.change,
        change_percent=row.change_percent,
        openings_annual=row.openings_annual,
        labor_force_exits_annual=row.labor_force_exits_annual,
        occupational_transfers_annual=row.occupational_transfers_annual,
        median_wage_2024=row.median_wage_2024,
        education=row.education,
        work_experience=row.work_experience,
        on_the_job_training=row.on_the_job_training,
        all_occupations_change_percent=overall.change_percent,
        growth_vs_all=_compare_growth(row.change_percent, overall.change_percent),
        claims=claims,
        sources=[source_ref(EP_KEY, f"SOC {row.soc} and all occupations")],
    )
