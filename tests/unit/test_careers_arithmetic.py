"""Hand-checked arithmetic behind plans, offers and roster pricing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcoder.careers.percentile import compa_ratio, percentile_expr, percentile_position
from medcoder.careers.roi import npv, payback_months
from medcoder.errors import InvalidInput

WAGES = (30_000.0, 40_000.0, 50_000.0, 60_000.0, 80_000.0)


def test_salary_forty_percent_between_p25_and_median_sits_at_the_35th_percentile() -> None:
    assert percentile_position(44_000, WAGES).value == 35.0


def test_salary_halfway_between_p75_and_p90_sits_at_82_5() -> None:
    assert percentile_position(70_000, WAGES).value == 82.5


def test_published_points_are_returned_exactly() -> None:
    assert [percentile_position(w, WAGES).value for w in WAGES] == [10, 25, 50, 75, 90]


def test_outside_the_published_range_is_reported_without_a_number() -> None:
    assert percentile_position(29_999, WAGES).model_dump() == {"value": None, "label": "<10"}
    assert percentile_position(80_001, WAGES).model_dump() == {"value": None, "label": ">90"}


def test_an_unpublished_point_is_spanned_by_its_neighbours() -> None:
    # p25 missing: 35,000 is a quarter of the way from p10 (30,000) to p50 (50,000): 10 + 10 = 20.
    assert percentile_position(35_000, (30_000, None, 50_000, 60_000, 80_000)).value == 20.0


def test_fewer_than_two_published_points_is_unknown() -> None:
    assert percentile_position(35_000, (None, None, 50_000, None, None)).label == "unknown"


def test_national_oews_median_is_the_50th_percentile() -> None:
    from medcoder.wages.market import market_wages

    market = market_wages()
    wages = (
        market.annual_p10,
        market.annual_p25,
        market.annual_median,
        market.annual_p75,
        market.annual_p90,
    )
    assert wages == (37_000, 43_490, 51_140, 64_820, 81_150)
    assert percentile_position(51_140, wages).value == 50.0


def test_compa_ratio_divides_salary_by_market_median() -> None:
    assert compa_ratio(46_026, 51_140) == 0.9
    assert compa_ratio(50_000, None) is None


def test_npv_discounts_end_of_year_flows() -> None:
    # 1000/1.1 + 1000/1.21 = 909.09 + 826.45
    assert npv([1_000, 1_000], 0.10) == pytest.approx(1_735.54, abs=0.01)
    assert npv([1_000, 1_000], 0.0) == 2_000


def test_npv_refuses_an_absurd_discount_rate() -> None:
    with pytest.raises(InvalidInput) as caught:
        npv([1_000], 0.9)
    assert caught.value.field == "discount_rate"


def test_payback_is_cost_over_monthly_gain_rounded_up() -> None:
    # 1,899 / (6,000 / 12) = 3.798 months -> 3.8
    assert payback_months(1_899, 6_000) == 3.8
    assert payback_months(399, 0) is None


@settings(max_examples=200, deadline=None)
@given(
    salary=st.floats(min_value=10_000, max_value=150_000),
    start=st.floats(min_value=20_000, max_value=40_000),
    gaps=st.lists(st.floats(min_value=0, max_value=20_000), min_size=4, max_size=4),
)
def test_vectorised_percentile_matches_the_scalar_one(
    salary: float, start: float, gaps: list[float]
) -> None:
    import polars as pl

    wages = [start]
    for gap in gaps:
        wages.append(wages[-1] + gap)
    frame = pl.DataFrame({"salary": [salary], **{f"w{i}": [w] for i, w in enumerate(wages)}})
    vector = frame.select(percentile_expr("salary", [f"w{i}" for i in range(5)]))[0, 0]
    assert vector == percentile_position(salary, wages).value
