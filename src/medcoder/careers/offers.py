"""Compare 2–5 job offers: total compensation, cost-of-living value, market position, and a brief.

Total compensation counts money the offer pays or saves: base + bonus + employer health premium
+ retirement match (percent of base) + CEU/dues reimbursement + code-book budget − the yearly
commute cost. Paid time off is already inside base pay, so it is not added again; instead each
offer shows its pay per day worked, ``base / (260 − PTO days)``, which is what differs. The
cost-of-living value divides total compensation by the BEA price level of the offer's location
(US = 100), giving national-average dollars that can be compared across areas.

Each base salary is placed in the OEWS distribution for medical records specialists in the offer's
area and, when a setting is given, in that setting nationally (see ``careers.percentile``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from medcoder.careers.negotiation import EvidenceItem, negotiation_brief
from medcoder.careers.percentile import PercentilePosition, percentile_position
from medcoder.errors import InvalidInput
from medcoder.wages.areas import resolve_area
from medcoder.wages.cost_of_living import require_rpp
from medcoder.wages.market import MarketWages, market_wages
from medcoder.wages.provenance import SourceRef
from medcoder.wages.work_settings import resolve_setting

WorkModel = Literal["remote", "hybrid", "onsite"]
WORKDAYS_PER_YEAR = 260
HOURS_PER_DAY = 8


class Offer(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    base: float = Field(gt=0, le=1_000_000, description="Base pay per year (USD).")
    bonus: float = Field(default=0, ge=0, le=1_000_000)
    health_premium_value: float = Field(
        default=0, ge=0, le=100_000, description="Employer share of health premiums per year."
    )
    retirement_match_pct: float = Field(default=0, ge=0, le=25, description="Percent of base.")
    pto_days: float = Field(default=0, ge=0, le=100)
    ceu_reimbursement: float = Field(default=0, ge=0, le=50_000)
    dues_reimbursement: float = Field(default=0, ge=0, le=50_000)
    code_book_budget: float = Field(default=0, ge=0, le=50_000)
    quota_charts_per_hour: float | None = Field(default=None, gt=0, le=200)
    work_model: WorkModel = "onsite"
    commute_cost: float = Field(default=0, ge=0, le=100_000, description="Per year (USD).")
    location: str | None = Field(default=None, description="Where the coder would live.")
    setting: str | None = None

    @model_validator(mode="after")
    def _remote_has_no_commute(self) -> Offer:
        if self.work_model == "remote" and self.commute_cost:
            raise ValueError("a fully remote offer has no commute cost")
        return self


class MarketPosition(BaseModel):
    basis: str
    median: float | None
    percentile: PercentilePosition


class OfferResult(BaseModel):
    name: str
    location: str
    total_compensation: float
    components: dict[str, float]
    pay_per_day_worked: float
    pay_per_chart: float | None
    rpp: float
    col_adjusted_value: float
    area_position: MarketPosition
    setting_position: MarketPosition | None
    rank_by_col_value: int


class OfferComparison(BaseModel):
    offers: list[OfferResult]
    best_offer: str
    negotiation: list[EvidenceItem]
    notes: list[str]
    sources: list[SourceRef]


def _position(salary: float, wages: MarketWages, basis: str) -> MarketPosition:
    points = (
        wages.annual_p10,
        wages.annual_p25,
        wages.annual_median,
        wages.annual_p75,
        wages.annual_p90,
    )
    return MarketPosition(
        basis=basis, median=wages.annual_median, percentile=percentile_position(salary, points)
    )


def total_components(offer: Offer) -> dict[str, float]:
    return {
        "base": offer.base,
        "bonus": offer.bonus,
        "health_premium": offer.health_premium_value,
        "retirement_match": round(offer.base * offer.retirement_match_pct / 100, 2),
        "ceu_reimbursement": offer.ceu_reimbursement,
        "dues_reimbursement": offer.dues_reimbursement,
        "code_books": offer.code_book_budget,
        "commute": -offer.commute_cost,
    }


def _evaluate(offer: Offer, sources: list[SourceRef]) -> OfferResult:
    area = resolve_area(offer.location, field="location")
    rpp = require_rpp(area, "location")
    components = total_components(offer)
    total = round(sum(components.values()), 2)
    days_worked = WORKDAYS_PER_YEAR - offer.pto_days
    if days_worked <= 0:
        raise InvalidInput("pto_days", "paid time off must leave some working days in the year")
    area_wages = market_wages(area=area.name)
    setting_position = None
    if offer.setting:
        setting = resolve_setting(offer.setting)
        setting_wages = market_wages(setting=setting.key)
        setting_position = _position(offer.base, setting_wages, f"{setting.name}, national")
        sources.extend(setting_wages.sources)
    sources.extend([rpp.source, *area_wages.sources])
    per_chart = None
    if offer.quota_charts_per_hour:
        per_chart = round(
            offer.base / (days_worked * HOURS_PER_DAY * offer.quota_charts_per_hour), 2
        )
    return OfferResult(
        name=offer.name,
        location=area.name,
        total_compensation=total,
        components=components,
        pay_per_day_worked=round(offer.base / days_worked, 2),
        pay_per_chart=per_chart,
        rpp=rpp.rpp,
        col_adjusted_value=round(total * 100 / rpp.rpp, 2),
        area_position=_position(offer.base, area_wages, area.name),
        setting_position=setting_position,
        rank_by_col_value=0,
    )


def compare_offers(offers: list[Offer]) -> OfferComparison:
    """Evaluate 2–5 offers side by side and rank them by cost-of-living-adjusted value."""
    if not 2 <= len(offers) <= 5:
        raise InvalidInput("offers", f"compare 2 to 5 offers, got {len(offers)}")
    names = [offer.name for offer in offers]
    if len(set(names)) != len(names):
        raise InvalidInput("offers", "give each offer a different name")
    sources: list[SourceRef] = []
    results = [_evaluate(offer, sources) for offer in offers]
    ranked = sorted(results, key=lambda r: -r.col_adjusted_value)
    for position, result in enumerate(ranked, start=1):
        result.rank_by_col_value = position
    notes = [
        "Paid time off is inside base pay; compare pay per day worked instead of adding it.",
        "Cost-of-living value = total compensation × 100 / BEA 2024 price level of the location.",
        "Percentiles interpolate linearly between the OEWS 10th/25th/50th/75th/90th percentile "
        "wages; outside them only '<10' or '>90' can be said.",
    ]
    evidence, brief_sources = negotiation_brief(offers, results)
    return OfferComparison(
        offers=results,
        best_offer=ranked[0].name,
        negotiation=evidence,
        notes=notes,
        sources=list(dict.fromkeys([*sources, *brief_sources])),
    )
