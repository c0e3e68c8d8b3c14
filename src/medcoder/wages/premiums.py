"""Pay effects derived from the articles' claims, each picked conservatively and cited.

Where several claims speak to the same effect, the smallest one is used (the least the articles
agree on), and only that claim is cited, so no claim is ever added twice. All numbers here are
computed from ``data/claims/seed_articles.yaml`` at run time, never typed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from medcoder.errors import InvalidInput
from medcoder.wages.claims import Claim, get_claim, list_claims
from medcoder.wages.oews import CROSS_INDUSTRY, MEDICAL_RECORDS_SPECIALISTS, load_oews

# The articles' "general coding" pay that specialty ranges are measured against, per article:
# the first article's general-outpatient range, the second article's national median.
GENERAL_CODING_BASELINE = {
    "salary-outlook-2026": "a1-specialty-general-outpatient",
    "what-is-coding-salary": "a2-national-median",
}
# Claim ids for the multi-credential premium: the article's "CPC + specialty" row over "CPC".
CPC_CLAIM = "a1-cert-cpc"
SECOND_CREDENTIAL_CLAIMS = ("a1-cert-cpc-specialty", "a1-cert-cpc-ccs")

SPECIALTIES: dict[str, tuple[str, ...]] = {
    "general outpatient": ("general", "outpatient", "general coding"),
    "emergency department": ("emergency", "ed", "emergency medicine", "er"),
    "surgery/orthopedics": ("surgery", "surgical", "orthopedics", "orthopaedics", "ortho"),
    "cardiology": ("cardio", "cardiac"),
    "radiology": ("interventional radiology",),
    "OB/GYN": ("obgyn", "ob-gyn", "obstetrics", "gynecology"),
    "anesthesia": ("anaesthesia", "pain management"),
    "inpatient (hospital)": ("inpatient", "hospital", "drg"),
    "risk adjustment/HCC": ("risk adjustment", "hcc", "risk-adjustment", "ra"),
    "auditing": ("audit", "auditor", "compliance auditing"),
    "oncology": ("hematology", "oncology coding"),
}


@dataclass(frozen=True, slots=True)
class Premium:
    """A fractional pay effect (0.16 = 16 %) and the claim it came from."""

    fraction: float
    claim: Claim
    detail: str


def _normal(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip().casefold())


@lru_cache(maxsize=1)
def _specialty_names() -> dict[str, str]:
    """Normalised name or alias -> canonical specialty name."""
    return {
        _normal(alias): name for name, aliases in SPECIALTIES.items() for alias in (name, *aliases)
    }


def resolve_specialty(text: str) -> str:
    found = _specialty_names().get(_normal(text))
    if found is not None:
        return found
    raise InvalidInput("specialty", f"unknown specialty {text!r}", allowed=list(SPECIALTIES))


@lru_cache(maxsize=1)
def certification_premium() -> Premium:
    """Certified over uncertified pay: the smallest percentage any article claims."""
    candidates = [c for c in list_claims(topic="certification_premium") if c.unit == "percent"]
    chosen = min(candidates, key=lambda c: c.midpoint or 0.0)
    others = sorted({f"{c.midpoint:g}%" for c in candidates if c is not chosen})
    return Premium(
        fraction=(chosen.midpoint or 0.0) / 100,
        claim=chosen,
        detail=f"smallest of the claimed premiums (others: {', '.join(others)})",
    )


@lru_cache(maxsize=1)
def second_credential_premium() -> Premium:
    """A second credential over a CPC alone, from the first article's certification table."""
    cpc = get_claim(CPC_CLAIM).midpoint or 1.0
    options = [(get_claim(i).midpoint or cpc) / cpc - 1 for i in SECOND_CREDENTIAL_CLAIMS]
    index = min(range(len(options)), key=options.__getitem__)
    return Premium(
        fraction=options[index],
        claim=get_claim(SECOND_CREDENTIAL_CLAIMS[index]),
        detail=f"midpoint over the CPC-only midpoint (${cpc:,.0f}); smaller of "
        + " and ".join(f"{o:.1%}" for o in options),
    )


@cache
def specialty_premium(specialty: str) -> Premium:
    """A specialty's pay over general coding: the smallest premium across the articles' claims."""
    name = resolve_specialty(specialty)
    options: list[tuple[float, Claim]] = []
    for claim in list_claims(topic="specialty"):
        if _normal(claim.subject).startswith(_normal(name).split("/")[0].split(" (")[0]):
            if claim.unit == "percent":
                options.append(((claim.midpoint or 0.0) / 100, claim))
            elif claim.unit == "USD/year" and claim.article in GENERAL_CODING_BASELINE:
                baseline = get_claim(GENERAL_CODING_BASELINE[claim.article]).midpoint or 1.0
                options.append(((claim.midpoint or baseline) / baseline - 1, claim))
    if not options:
        raise InvalidInput("specialty", f"no article gives a figure for {name!r}")
    fraction, claim = min(options, key=lambda option: option[0])
    return Premium(
        fraction=max(fraction, 0.0),
        claim=claim,
        detail=f"smallest of {len(options)} claimed premium(s) over general coding",
    )


def national_percentiles(soc: str = MEDICAL_RECORDS_SPECIALISTS) -> list[tuple[float, float]]:
    row = load_oews().get(soc, "0000000", CROSS_INDUSTRY)
    assert row is not None, "the extract always has the national row"
    return percentile_points(row.value)


def percentile_points(value_of: Callable[[str], float | None]) -> list[tuple[float, float]]:
    """[(10, p10), (25, p25), (50, median), (75, p75), (90, p90)] from a row's ``value``."""
    names = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")
    points = [
        (pct, value_of(name))
        for pct, name in zip((10.0, 25.0, 50.0, 75.0, 90.0), names, strict=True)
    ]
    return [(pct, float(wage)) for pct, wage in points if wage is not None]


def percentile_of(wage: float, points: list[tuple[float, float]]) -> float:
    """Where ``wage`` falls in a distribution, interpolating linearly; clamped to 10..90."""
    if wage <= points[0][1]:
        return points[0][0]
    for (p0, w0), (p1, w1) in zip(points, points[1:], strict=False):
        if wage <= w1:
            return p0 + (p1 - p0) * (wage - w0) / (w1 - w0) if w1 > w0 else p0
    return points[-1][0]


def wage_at(percentile: float, points: list[tuple[float, float]]) -> float:
    """The wage at ``percentile`` (clamped to the published 10..90 range), interpolated."""
    if percentile <= points[0][0]:
        return points[0][1]
    for (p0, w0), (p1, w1) in zip(points, points[1:], strict=False):
        if percentile <= p1:
            return w0 + (w1 - w0) * (percentile - p0) / (p1 - p0)
    return points[-1][1]


@dataclass(frozen=True, slots=True)
class ExperienceAnchor:
    years: float
    percentile: float
    claims: tuple[Claim, ...]


@lru_cache(maxsize=1)
def experience_anchors() -> tuple[ExperienceAnchor, ...]:
    """Years -> national percentile, from the articles' experience bands (averaged by band).

    Each band's midpoint is placed in the national OEWS distribution; bands are matched across
    articles by order (entry, mid, senior) and their years and percentiles averaged. Percentiles
    are forced non-decreasing so more experience never lowers the estimate.
    """
    points = national_percentiles()
    by_article: dict[str, list[Claim]] = {}
    for claim in list_claims(topic="experience"):
        if claim.years_low is not None and claim.value_high is not None:
            by_article.setdefault(claim.article, []).append(claim)
    bands = [sorted(claims, key=lambda c: c.years_low or 0.0) for claims in by_article.values()]
    anchors: list[ExperienceAnchor] = []
    for position in range(min(len(band) for band in bands)):
        group = tuple(band[position] for band in bands)
        years = [
            (c.years_low or 0.0)
            if c.years_high is None
            else ((c.years_low or 0.0) + c.years_high) / 2
            for c in group
        ]
        pcts = [percentile_of(c.midpoint or 0.0, points) for c in group]
        floor = anchors[-1].percentile if anchors else 0.0
        anchors.append(
            ExperienceAnchor(
                years=sum(years) / len(years),
                percentile=max(floor, sum(pcts) / len(pcts)),
                claims=group,
            )
        )
    return tuple(anchors)


def experience_percentile(years: float) -> float:
    """Piecewise-linear between the anchors, flat before the first and after the last."""
    anchors = experience_anchors()
    if years <= anchors[0].years:
        return anchors[0].percentile
    for a, b in zip(anchors, anchors[1:], strict=False):
        if years <= b.years:
            return a.percentile + (b.percentile - a.percentile) * (years - a.years) / (
                b.years - a.years
            )
    return anchors[-1].percentile
