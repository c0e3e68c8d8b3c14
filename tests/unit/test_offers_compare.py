"""Offer comparison: total pay, cost of living, market percentiles and the negotiation brief."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from medcoder.careers.offers import Offer, compare_offers
from medcoder.errors import InvalidInput

AUSTIN = Offer(
    name="Hospital Austin",
    base=50_000,
    bonus=1_500,
    health_premium_value=6_000,
    retirement_match_pct=4,
    pto_days=20,
    location="Austin",
    setting="hospitals",
    commute_cost=2_500,
)
REMOTE = Offer(
    name="Remote insurer",
    base=56_000,
    retirement_match_pct=3,
    pto_days=15,
    ceu_reimbursement=500,
    work_model="remote",
    location="Mississippi",
    quota_charts_per_hour=12,
)


def test_total_compensation_adds_pay_and_benefits_and_subtracts_commuting() -> None:
    austin, remote = compare_offers([AUSTIN, REMOTE]).offers
    # 50,000 + 1,500 + 6,000 + 4 % × 50,000 − 2,500 commute
    assert austin.total_compensation == 57_000
    # 56,000 + 3 % × 56,000 + 500 CEUs
    assert remote.total_compensation == 58_180


def test_cost_of_living_value_divides_by_the_bea_price_level() -> None:
    austin, remote = compare_offers([AUSTIN, REMOTE]).offers
    assert austin.rpp == 98.066  # Austin-Round Rock-San Marcos MSA, 2024
    assert austin.col_adjusted_value == pytest.approx(57_000 * 100 / 98.066, abs=0.01)
    assert remote.col_adjusted_value == pytest.approx(58_180 * 100 / 86.953, abs=0.01)


def test_offers_are_ranked_by_cost_of_living_value() -> None:
    comparison = compare_offers([AUSTIN, REMOTE])
    assert comparison.best_offer == "Remote insurer"
    assert [o.rank_by_col_value for o in comparison.offers] == [2, 1]


def test_pto_changes_pay_per_day_worked_and_quota_gives_pay_per_chart() -> None:
    austin, remote = compare_offers([AUSTIN, REMOTE]).offers
    assert austin.pay_per_day_worked == round(50_000 / 240, 2)
    # 56,000 / ((260 − 15) days × 8 h × 12 charts)
    assert remote.pay_per_chart == round(56_000 / 23_520, 2) == 2.38
    assert austin.pay_per_chart is None


def test_base_pay_is_placed_in_its_area_and_setting_distribution() -> None:
    austin, remote = compare_offers([AUSTIN, REMOTE]).offers
    # Austin median 48,990, p75 64,100: 50 + 1,010 / 15,110 × 25 = 51.67
    assert austin.area_position.percentile.value == 51.7
    # Hospitals nationally p25 47,370, median 59,120: 25 + 2,630 / 11,750 × 25 = 30.6
    assert austin.setting_position is not None
    assert austin.setting_position.percentile.value == 30.6
    # Mississippi p75 50,500, p90 61,580: 75 + 5,500 / 11,080 × 15 = 82.4
    assert remote.area_position.percentile.value == 82.4


def test_negotiation_brief_cites_the_setting_median_for_an_offer_below_it() -> None:
    brief = compare_offers([AUSTIN, REMOTE]).negotiation
    hospital = [item for item in brief if item.offer == "Hospital Austin" and item.ask == 59_120]
    assert hospital and "OEWS May 2025" in hospital[0].citation
    claims = [item for item in brief if "published claim" in item.citation]
    assert claims, "credential claims are offered as labelled evidence"


def test_an_offer_below_the_area_median_is_told_to_ask_for_the_median() -> None:
    low = AUSTIN.model_copy(update={"name": "Low", "base": 45_000, "setting": None})
    brief = compare_offers([low, REMOTE]).negotiation
    assert any(item.offer == "Low" and item.ask == 48_990 for item in brief)


@pytest.mark.parametrize("count", [1, 6])
def test_two_to_five_offers_are_compared(count: int) -> None:
    offers = [AUSTIN.model_copy(update={"name": f"O{n}"}) for n in range(count)]
    with pytest.raises(InvalidInput) as caught:
        compare_offers(offers)
    assert caught.value.field == "offers"


def test_offers_need_different_names() -> None:
    with pytest.raises(InvalidInput):
        compare_offers([AUSTIN, AUSTIN])


def test_a_remote_offer_cannot_carry_a_commute_cost() -> None:
    with pytest.raises(ValidationError):
        Offer(name="x", base=50_000, work_model="remote", commute_cost=1_000)


def test_a_location_without_a_price_parity_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        compare_offers([AUSTIN, REMOTE.model_copy(update={"location": "Puerto Rico"})])
    assert caught.value.field == "location"
