"""The negotiation brief for compared offers: market evidence, with sources, for asking for more.

Evidence comes in three kinds, each with its citation: the official OEWS percentiles for the
offer's area and setting (the strongest argument), the competing offers themselves, and the
articles' claims about what credentials are worth (labelled as published claims, not statistics).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from medcoder.careers.roi import CPC_RENEWAL_CEUS
from medcoder.wages.provenance import SourceRef

if TYPE_CHECKING:
    from medcoder.careers.offers import Offer, OfferResult


class EvidenceItem(BaseModel):
    offer: str
    point: str
    ask: float | None
    citation: str


def _market_points(offer: Offer, result: OfferResult) -> list[EvidenceItem]:
    points = []
    area = result.area_position
    if area.median is not None and offer.base < area.median:
        points.append(
            EvidenceItem(
                offer=offer.name,
                point=(
                    f"Base ${offer.base:,.0f} is below the {result.location} median of "
                    f"${area.median:,.0f} for medical records specialists (percentile "
                    f"{area.percentile.label}); ask for at least the median."
                ),
                ask=area.median,
                citation=f"BLS OEWS May 2025, SOC 29-2072, {area.basis}",
            )
        )
    setting = result.setting_position
    if setting is not None and setting.median is not None and offer.base < setting.median:
        points.append(
            EvidenceItem(
                offer=offer.name,
                point=(
                    f"Coders in {setting.basis} earn a median ${setting.median:,.0f}; the offer is "
                    f"at percentile {setting.percentile.label} of that setting."
                ),
                ask=setting.median,
                citation=f"BLS OEWS May 2025, SOC 29-2072, {setting.basis}",
            )
        )
    return points


def _competing_points(offers: list[Offer], results: list[OfferResult]) -> list[EvidenceItem]:
    best = max(results, key=lambda r: r.total_compensation)
    points = []
    for offer, result in zip(offers, results, strict=True):
        gap = best.total_compensation - result.total_compensation
        if result is not best and gap > 0:
            points.append(
                EvidenceItem(
                    offer=offer.name,
                    point=(
                        f"{best.name} is worth ${gap:,.0f} a year more in total compensation; "
                        "a competing offer is the most direct lever."
                    ),
                    ask=round(offer.base + gap, 2),
                    citation="your other offers",
                )
            )
        if offer.ceu_reimbursement == 0 and offer.dues_reimbursement == 0:
            points.append(
                EvidenceItem(
                    offer=offer.name,
                    point=(
                        "No CEU or membership-dues reimbursement: ask for it; keeping a "
                        "credential needs continuing education."
                    ),
                    ask=None,
                    citation=CPC_RENEWAL_CEUS,
                )
            )
    return points


def _claim_points() -> tuple[list[EvidenceItem], list[SourceRef]]:
    from medcoder.wages.claims import article_title, claim_source, list_claims

    claims = list_claims(topic="certification_premium")[:3]
    points = [
        EvidenceItem(
            offer="all",
            point=f"If you hold a credential: {claim.text}",
            ask=None,
            citation=(
                f"{article_title(claim.article)} — {claim.section} (published claim, "
                "not an official statistic)"
            ),
        )
        for claim in claims
    ]
    return points, [claim_source(claim) for claim in claims]


def negotiation_brief(
    offers: list[Offer], results: list[OfferResult]
) -> tuple[list[EvidenceItem], list[SourceRef]]:
    """Evidence for asking more, per offer, strongest (official statistics) first."""
    evidence: list[EvidenceItem] = []
    for offer, result in zip(offers, results, strict=True):
        evidence.extend(_market_points(offer, result))
    evidence.extend(_competing_points(offers, results))
    claims, sources = _claim_points()
    return evidence + claims, sources
