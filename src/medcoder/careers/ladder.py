"""The articles' 7-level career ladder and alternative careers, each beside official OEWS pay.

The ranges are the articles' claims. Each rung or career is also mapped to the OEWS occupation
(SOC) that best matches it, with that occupation's national May 2025 figures, so a reader can see
how far the claimed range sits from what BLS measures. Where no SOC fits well, ``match_note``
says so.
"""

from __future__ import annotations

from pydantic import BaseModel

from medcoder.wages.claims import Claim, claim_source, get_claim, list_claims
from medcoder.wages.oews import CROSS_INDUSTRY, NATIONAL_AREA, OEWS_KEY, load_oews
from medcoder.wages.provenance import SourceRef, source_ref

RECORDS = "29-2072"
MANAGERS = "11-9111"
COMPLIANCE = "13-1041"
HIT = "29-9021"
BILLING = "43-3021"

# Ladder claim id -> (SOC, why this SOC).
LADDER_MATCHES: dict[str, tuple[str, str]] = {
    "a1-ladder-1-pay": (RECORDS, "BLS counts coders as medical records specialists."),
    "a1-ladder-2-pay": (RECORDS, "BLS counts coders as medical records specialists."),
    "a1-ladder-3-pay": (RECORDS, "Senior coders are still records specialists; compare p75-p90."),
    "a1-ladder-4-pay": (COMPLIANCE, "Coding audit is compliance work; BLS has no auditor SOC."),
    "a1-ladder-5-pay": (
        RECORDS,
        "BLS has no supervisor occupation for coders; supervisors are reported with the "
        "people they supervise, so compare the upper percentiles.",
    ),
    "a1-ladder-6-pay": (MANAGERS, "BLS files HIM and coding managers under this SOC."),
    "a1-ladder-7-pay": (MANAGERS, "BLS files HIM and coding directors under this SOC."),
}
CAREER_MATCHES: dict[str, tuple[str, str]] = {
    "a1-alt-cdi": (HIT, "CDI specialists are closest to health information technologists."),
    "a1-alt-revenue-cycle": (MANAGERS, "Revenue cycle managers run health-service operations."),
    "a1-alt-compliance": (COMPLIANCE, "Same occupation."),
    "a1-alt-educator": (
        RECORDS,
        "No trainer SOC in the extract; compared with the occupation being taught.",
    ),
    "a1-alt-him-manager": (MANAGERS, "BLS lists health information managers in this SOC."),
    "a1-alt-consultant": (
        RECORDS,
        "Independent consultants are mostly self-employed, which OEWS does not cover; "
        "compared with employed coders.",
    ),
    "a2-related-billing": (BILLING, "Same occupation."),
    "a2-related-hit": (HIT, "Same occupation."),
    "a2-related-records-specialist": (RECORDS, "Same occupation (BLS includes coders in it)."),
}


class OccupationFigures(BaseModel):
    """National OEWS May 2025 figures for one SOC (cross-industry)."""

    soc: str
    title: str
    employment: float | None
    annual_p10: float | None
    annual_p25: float | None
    annual_median: float | None
    annual_p75: float | None
    annual_p90: float | None
    annual_mean: float | None


def occupation_figures(soc: str) -> OccupationFigures:
    row = load_oews().get(soc, NATIONAL_AREA, CROSS_INDUSTRY)
    assert row is not None, f"the extract has a national row for {soc}"
    return OccupationFigures(
        soc=soc,
        title=row.occupation_name,
        employment=row.value("employment"),
        annual_p10=row.value("annual_p10"),
        annual_p25=row.value("annual_p25"),
        annual_median=row.value("annual_median"),
        annual_p75=row.value("annual_p75"),
        annual_p90=row.value("annual_p90"),
        annual_mean=row.value("annual_mean"),
    )


class CareerStep(BaseModel):
    """A ladder rung or an alternative career: the claimed range and the matched OEWS figures."""

    level: int | None
    title: str
    low: float | None
    high: float | None
    qualifier: str | None
    years_low: float | None
    years_high: float | None
    claim: Claim
    official: OccupationFigures
    match_note: str
    sources: list[SourceRef]


class CareerLadder(BaseModel):
    levels: list[CareerStep]
    promotion_raises: list[Claim]
    sources: list[SourceRef]


class AlternativeCareers(BaseModel):
    careers: list[CareerStep]
    sources: list[SourceRef]


def _step(claim: Claim, soc: str, note: str, level: int | None, title: str) -> CareerStep:
    return CareerStep(
        level=level,
        title=title,
        low=claim.value_low,
        high=claim.value_high,
        qualifier=claim.qualifier,
        years_low=claim.years_low,
        years_high=claim.years_high,
        claim=claim,
        official=occupation_figures(soc),
        match_note=note,
        sources=[claim_source(claim), source_ref(OEWS_KEY, f"SOC {soc}, national")],
    )


def career_ladder() -> CareerLadder:
    """The first article's 7-level ladder, each rung with its matched OEWS occupation."""
    levels = []
    for claim_id, (soc, note) in LADDER_MATCHES.items():
        claim = get_claim(claim_id)
        number, _, title = claim.subject.partition(" ")
        levels.append(_step(claim, soc, note, int(number), title))
    return CareerLadder(
        levels=levels,
        promotion_raises=list_claims(topic="promotion_raise"),
        sources=[source_ref("claims_seed_articles"), source_ref(OEWS_KEY, "national")],
    )


def alternative_careers() -> AlternativeCareers:
    """Alternative and related careers the articles name, with matched OEWS figures."""
    careers = [
        _step(get_claim(claim_id), soc, note, None, get_claim(claim_id).subject)
        for claim_id, (soc, note) in CAREER_MATCHES.items()
    ]
    return AlternativeCareers(
        careers=careers,
        sources=[source_ref("claims_seed_articles"), source_ref(OEWS_KEY, "national")],
    )
