"""BEA 2024 regional price parities mapped onto OEWS areas, and the purchasing-power arithmetic."""

from __future__ import annotations

import pytest

from medcoder.errors import InvalidInput
from medcoder.wages.areas import resolve_area
from medcoder.wages.cost_of_living import (
    compare_purchasing_power,
    equivalent_amount,
    remote_arbitrage,
    rpp_for_area,
)


def test_fifty_thousand_in_texas_buys_what_57038_buys_in_california() -> None:
    result = compare_purchasing_power(50_000, "Texas", "California")
    assert result.from_rpp.rpp == 97.057
    assert result.to_rpp.rpp == 110.720
    # 50,000 × 110.720 / 97.057 = 57,038.65 (hand-checked)
    assert result.equivalent == pytest.approx(57_038.65, abs=0.01)
    assert result.difference == pytest.approx(7_038.65, abs=0.01)
    assert {source.key for source in result.sources} == {"rpp_state"}


def test_equivalent_amount_is_symmetric_round_trip() -> None:
    there = equivalent_amount(50_000, 97.057, 110.720)
    assert equivalent_amount(there, 110.720, 97.057) == pytest.approx(50_000)


def test_nation_is_priced_at_one_hundred() -> None:
    figure = rpp_for_area(resolve_area(None))
    assert figure is not None and figure.rpp == 100.0 and figure.kind == "national"


def test_metro_area_maps_to_its_cbsa_in_the_bea_msa_table() -> None:
    area = resolve_area("Abilene, TX")
    assert area.code == "0010180"
    figure = rpp_for_area(area)
    assert figure is not None
    assert (figure.geo_fips, figure.kind, figure.rpp) == ("10180", "metro", 90.364)


def test_nonmetro_area_uses_the_states_nonmetropolitan_portion_and_says_so() -> None:
    figure = rpp_for_area(resolve_area("Northwest Alabama nonmetropolitan area"))
    assert figure is not None
    assert (figure.geo_fips, figure.rpp) == ("01999", 83.231)
    assert figure.note is not None and "nonmetropolitan portion" in figure.note


def test_puerto_rico_has_no_price_parity_and_comparisons_say_which_field() -> None:
    assert rpp_for_area(resolve_area("Puerto Rico")) is None
    with pytest.raises(InvalidInput) as caught:
        compare_purchasing_power(50_000, "Texas", "PR")
    assert caught.value.field == "to_area"


@pytest.mark.parametrize("amount", [0, -5, 20_000_000])
def test_amount_must_be_positive_and_sane(amount: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        compare_purchasing_power(amount, "Texas", "California")
    assert caught.value.field == "amount"


def test_remote_coder_paid_on_california_scale_living_in_mississippi() -> None:
    result = remote_arbitrage("California", "Mississippi", 60_000)
    # 60,000 × 110.720 / 86.953 = 76,399.89
    assert result.equivalent_in_pay_area == pytest.approx(76_399.89, abs=0.01)
    assert result.gain_vs_living_in_pay_area == pytest.approx(16_399.89, abs=0.01)
    # 60,000 × 100 / 86.953 = 69,002.79 in national-average prices
    assert result.national_dollars == pytest.approx(69_002.79, abs=0.01)


def test_remote_arbitrage_defaults_to_the_pay_areas_oews_median() -> None:
    result = remote_arbitrage("California", "Texas")
    assert result.salary == 61_810
    assert "oews_may2025" in {source.key for source in result.sources}
