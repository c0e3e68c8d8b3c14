"""The salary estimator: an OEWS base adjusted by cited factors, each with its dollar effect.

Method (docs/methodology.md has the long form):

1. Base: the OEWS May 2025 median of 29-2072 in the most specific area with published
   percentiles (metro -> state -> national; the fallback is reported).
2. Experience: years -> a percentile position implied by the articles' experience bands, read off
   that area's own percentile curve.
3. Work setting: the national industry median over the national cross-industry median.
4. Credentials, specialty, work model: conservative premiums from the articles' claims.

Every step is a non-negative multiplier or a non-decreasing curve, so more years or one more
credential can never lower the estimate.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from medcoder.wages.areas import Area, all_areas, national, resolve_area, state_by_postal
from medcoder.wages.claims import CLAIMS_KEY, article_title, get_claim
from medcoder.wages.credentials import credential
from medcoder.wages.oews import CROSS_INDUSTRY, MEDICAL_RECORDS_SPECIALISTS, OEWS_KEY, load_oews
from medcoder.wages.premiums import (
    SPECIALTIES,
    certification_premium,
    experience_anchors,
    experience_percentile,
    national_percentiles,
    percentile_points,
    resolve_specialty,
    second_credential_premium,
    specialty_premium,
    wage_at,
)

# The profile lives in profile.py; re-exported here because callers import it with the estimator.
from medcoder.wages.profile import MAX_YEARS as MAX_YEARS
from medcoder.wages.profile import Profile as Profile
from medcoder.wages.profile import WorkModel as WorkModel
from medcoder.wages.profile import make_profile as make_profile
from medcoder.wages.provenance import SourceRef, source_ref
from medcoder.wages.work_settings import WorkSetting, resolve_setting

ROUND_TO = 10  # dollars; BLS rounds annual wages to the nearest ten


class Factor(BaseModel):
    name: str
    effect: float
    detail: str
    source: str
    claim_ids: list[str] = Field(default_factory=list)


class SalaryEstimate(BaseModel):
    low: float
    median: float
    high: float
    factors: list[Factor]
    area_requested: Area
    area_used: Area
    fallback_note: str | None
    setting: WorkSetting | None
    specialty: str | None
    percentile: float
    profile: Profile
    sources: list[SourceRef]


def _published_points(area: Area) -> list[tuple[float, float]] | None:
    row = load_oews().get(MEDICAL_RECORDS_SPECIALISTS, area.code, CROSS_INDUSTRY)
    if row is None:
        return None
    points = percentile_points(row.value)
    return points if len(points) == 5 else None


def area_with_wages(area: Area) -> tuple[Area, list[tuple[float, float]], str | None]:
    """The requested area, or the nearest one up the chain (metro -> state -> national)."""
    chain = [area]
    if area.kind in ("metro", "nonmetro"):
        state = state_by_postal(area.postal or "") or next(
            (
                a
                for a in all_areas().values()
                if a.kind == "state" and a.state_code == area.state_code
            ),
            None,
        )
        if state is not None:
            chain.append(state)
    if area.kind != "national":
        chain.append(national())
    for candidate in chain:
        points = _published_points(candidate)
        if points is not None:
            note = None
            if candidate != area:
                note = (
                    f"OEWS May 2025 publishes no wage percentiles for medical records "
                    f"specialists in {area.name}; used {candidate.name} instead."
                )
            return candidate, points, note
    raise AssertionError("the national row always has published percentiles")


def _setting_ratio(setting: WorkSetting) -> tuple[float, str]:
    release = load_oews()
    nation = release.get(MEDICAL_RECORDS_SPECIALISTS, "0000000", CROSS_INDUSTRY)
    row = release.get(MEDICAL_RECORDS_SPECIALISTS, "0000000", setting.naics)
    if row is None or nation is None:
        return 1.0, f"OEWS publishes no national estimate for NAICS {setting.naics}; no change"
    for figure in ("annual_median", "annual_mean"):
        ours, overall = row.value(figure), nation.value(figure)
        if ours is not None and overall:
            label = figure.replace("annual_", "")
            return ours / overall, (
                f"national {label} in {setting.naics_title} (NAICS {setting.naics}) "
                f"${ours:,.0f} vs ${overall:,.0f} across industries"
            )
    return 1.0, f"OEWS publishes no wage for NAICS {setting.naics}; no change"


def _rounded(value: float) -> float:
    return float(round(value / ROUND_TO) * ROUND_TO)


def _credential_multiplier(codes: list[str]) -> tuple[float, str, list[str]]:
    """Multiplier for the certification level, relative to a coder with one full credential."""
    kinds = {credential(code).kind for code in codes}
    premium = certification_premium()
    uncertified = 1 / (1 + premium.fraction)
    if kinds & {"core", "specialty"}:
        # The articles' CPC ranges straddle the OEWS median, so it is read as a certified coder's.
        return 1.0, "holds a full coding credential: the OEWS median's reference", ["a1-cert-cpc"]
    if "apprentice" in kinds:
        # No article prices CCA or CPC-A; counted as halfway between none and certified.
        multiplier = (1 + uncertified) / 2
        return (
            multiplier,
            "apprentice credential: half the uncertified discount",
            [premium.claim.id],
        )
    return (
        uncertified,
        f"uncertified: certified coders earn {premium.fraction:.1%} more",
        [premium.claim.id],
    )


def _extra_premiums(codes: list[str]) -> list[float]:
    """Each full credential beyond the first adds the second-credential premium, halving."""
    full = [c for c in codes if credential(c).kind in ("core", "specialty")]
    step = second_credential_premium().fraction
    return [step / 2**index for index in range(max(len(full) - 1, 0))]


def estimate_salary(profile: Profile) -> SalaryEstimate:
    """Estimate annual pay for ``profile``: a median, a 25th-75th style range, and its factors."""
    requested = resolve_area(profile.area)
    setting = resolve_setting(profile.setting) if profile.setting else None
    specialty = resolve_specialty(profile.specialty) if profile.specialty else None
    used, points, note = area_with_wages(requested)
    oews_cite = f"BLS OEWS May 2025, 29-2072, {used.name}"
    steps: list[tuple[str, float, str, str, list[str]]] = []

    base = wage_at(50.0, points)
    steps.append(("Market median", base, f"OEWS median annual wage in {used.name}", oews_cite, []))

    percentile = experience_percentile(profile.years)
    value = wage_at(percentile, points)
    anchor_ids = [c.id for a in experience_anchors() for c in a.claims]
    steps.append(
        (
            "Experience",
            value,
            f"{profile.years:g} years ~ the {percentile:.0f}th percentile (national placement "
            "of the articles' experience bands), read on this area's curve",
            f"Claims {', '.join(anchor_ids)} placed on {oews_cite}",
            anchor_ids,
        )
    )
    if setting is not None:
        ratio, detail = _setting_ratio(setting)
        value *= ratio
        steps.append(
            (
                f"Work setting: {setting.name}",
                value,
                detail,
                "BLS OEWS May 2025, national industry estimates",
                [],
            )
        )

    multiplier, detail, ids = _credential_multiplier(profile.credentials)
    value *= multiplier
    steps.append(("Certification", value, detail, _cite(ids), ids))

    extras = _extra_premiums(profile.credentials)
    spec = specialty_premium(specialty) if specialty else None
    spec_fraction = spec.fraction if spec else 0.0
    combined = max(spec_fraction, extras[0] if extras else 0.0) + sum(extras[1:])
    if spec is not None and specialty is not None:
        steps.append(
            (
                f"Specialty: {specialty}",
                value * (1 + spec_fraction),
                f"+{spec_fraction:.1%}: {spec.detail}",
                _cite([spec.claim.id]),
                [spec.claim.id],
            )
        )
    if extras:
        second = second_credential_premium()
        added = combined - spec_fraction
        detail = (
            f"{len(extras)} beyond the first: +{added:.1%} (each worth half the one before; "
            f"{second.detail})"
            if added > 0
            else "already covered by the specialty premium (one claim is never counted twice)"
        )
        steps.append(
            (
                "Additional credentials",
                value * (1 + combined),
                detail,
                _cite([second.claim.id, "a1-cert-cpc"]),
                [second.claim.id, "a1-cert-cpc"],
            )
        )
    value *= 1 + combined
    if profile.work_model is not None:
        remote = get_claim("a1-remote-pay-effect")
        steps.append(
            (
                f"Work model: {profile.work_model}",
                value,
                "no pay difference: the article finds no remote penalty and no figure for an "
                "on-site premium",
                _cite([remote.id]),
                [remote.id],
            )
        )
    return _assemble(profile, requested, used, note, setting, specialty, percentile, points, steps)


def _cite(claim_ids: list[str]) -> str:
    """ "Article title, section (claim id)" for each claim, joined."""
    parts = []
    for claim_id in claim_ids:
        claim = get_claim(claim_id)
        parts.append(f"{article_title(claim.article)}, {claim.section} ({claim.id})")
    return "; ".join(parts)


def _assemble(
    profile: Profile,
    requested: Area,
    used: Area,
    note: str | None,
    setting: WorkSetting | None,
    specialty: str | None,
    percentile: float,
    points: list[tuple[float, float]],
    steps: list[tuple[str, float, str, str, list[str]]],
) -> SalaryEstimate:
    # Effects are differences of rounded running totals, so they add up to the median exactly.
    factors, previous = [], 0.0
    for name, running, detail, source, ids in steps:
        total = _rounded(running)
        factors.append(
            Factor(name=name, effect=total - previous, detail=detail, source=source, claim_ids=ids)
        )
        previous = total
    median = previous
    p25, p50, p75 = points[1][1], points[2][1], points[3][1]
    return SalaryEstimate(
        low=_rounded(median * p25 / p50),
        median=median,
        high=_rounded(median * p75 / p50),
        factors=factors,
        area_requested=requested,
        area_used=used,
        fallback_note=note,
        setting=setting,
        specialty=specialty,
        percentile=round(percentile, 1),
        profile=profile,
        sources=[source_ref(OEWS_KEY, f"29-2072, {used.name}"), source_ref(CLAIMS_KEY)],
    )


def allowed_specialties() -> list[str]:
    return list(SPECIALTIES)


def national_distribution() -> list[tuple[float, float]]:
    return national_percentiles()
