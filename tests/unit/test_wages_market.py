"""Market wages and rankings from the bundled OEWS May 2025 extract."""

from __future__ import annotations

import pytest

from medcoder.errors import InvalidInput
from medcoder.wages.market import (
    limit_ranking,
    market_wages,
    rank_metros,
    rank_states,
    setting_wages,
)
from medcoder.wages.work_settings import WORK_SETTINGS, resolve_setting


def test_national_wages_expose_the_published_figures() -> None:
    wages = market_wages()
    assert (wages.annual_median, wages.annual_mean, wages.employment) == (51_140, 56_790, 194_720)
    assert (wages.annual_p10, wages.annual_p90) == (37_000, 81_150)
    assert wages.status["annual_median"] == "published"
    # BLS publishes no location quotient for the nation as a whole.
    assert wages.location_quotient is None
    assert wages.status["location_quotient"] == "not_available"


def test_texas_percentiles_match_the_release() -> None:
    wages = market_wages(area="TX")
    assert [
        wages.annual_p10,
        wages.annual_p25,
        wages.annual_median,
        wages.annual_p75,
        wages.annual_p90,
    ] == [34_440, 39_470, 48_860, 63_970, 78_390]
    assert wages.employment == 17_210
    assert wages.location_quotient == 0.98


def test_boston_metro_percentiles_match_the_release() -> None:
    wages = market_wages(area="Boston")
    assert wages.area.kind == "metro"
    assert [wages.annual_p10, wages.annual_median, wages.annual_p90] == [45_540, 60_460, 82_260]
    assert wages.hourly_median == 29.07


def test_hospitals_mean_comes_from_the_national_industry_row() -> None:
    wages = market_wages(setting="hospitals")
    assert wages.industry_code == "622000"
    assert wages.annual_mean == 61_920
    assert wages.setting is not None and wages.setting.naics == "622000"


def test_json_has_the_documented_keys_and_nulls_with_status() -> None:
    data = market_wages(area="Elmira").to_json()
    for key in (
        "occupation", "area", "setting", "employment", "annual_mean", "annual_p10",
        "annual_p25", "annual_median", "annual_p75", "annual_p90", "hourly_median", "sources",
    ):  # fmt: skip
        assert key in data
    assert data["annual_median"] is None
    assert data["status"]["annual_median"] == "not_released"
    assert data["employment"] == 80
    assert any("Estimate not released" in note for note in data["notes"])


def test_vermont_employment_is_not_released_but_its_wages_are() -> None:
    wages = market_wages(area="VT")
    assert wages.employment is None and wages.status["employment"] == "not_released"
    assert wages.annual_median == 57_560


def test_area_and_setting_together_are_refused_naming_the_rule() -> None:
    with pytest.raises(InvalidInput) as caught:
        market_wages(area="TX", setting="hospitals")
    assert caught.value.field == "setting"
    assert "only nationally" in caught.value.message


def test_unknown_setting_is_refused_with_the_allowed_keys() -> None:
    with pytest.raises(InvalidInput) as caught:
        market_wages(setting="space station")
    assert caught.value.field == "setting"
    assert caught.value.allowed == [setting.key for setting in WORK_SETTINGS]


def test_an_area_without_a_row_for_the_occupation_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        market_wages(area="Virgin Islands")
    assert caught.value.field == "area"


def test_every_work_setting_maps_to_an_industry_the_extract_publishes() -> None:
    published = {wages.industry_code for wages in setting_wages()}
    assert published == {setting.naics for setting in WORK_SETTINGS}


def test_settings_resolve_by_alias() -> None:
    assert resolve_setting("Physician Offices").naics == "621100"
    assert resolve_setting("insurance companies").key == "insurance_carriers"


def test_state_ranking_by_median_starts_with_dc_and_ends_with_the_unpublished() -> None:
    ranked = rank_states()
    assert len(ranked) == 54
    assert (ranked[0].area.name, ranked[0].value, ranked[0].rank) == (
        "District of Columbia",
        72_040,
        1,
    )
    assert ranked[-1].area.name == "Virgin Islands"
    assert ranked[-1].value is None and ranked[-1].rank is None
    values = [entry.value for entry in ranked if entry.value is not None]
    assert values == sorted(values, reverse=True)


def test_state_ranking_by_mean_differs_from_by_median() -> None:
    by_mean = rank_states(by="mean")
    assert by_mean[0].value == by_mean[0].annual_mean
    assert by_mean[0].area.name == "District of Columbia"
    assert by_mean[0].value == 80_250


def test_ranking_by_something_else_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        rank_states(by="mode")
    assert caught.value.field == "by"


def test_metro_ranking_in_new_hampshire_puts_boston_first() -> None:
    ranked = rank_metros("NH")
    assert ranked[0].area.name == "Boston-Cambridge-Newton, MA-NH"
    assert len(ranked) == 5


def test_bottom_n_skips_the_unpublished() -> None:
    bottom = limit_ranking(rank_states(), bottom=2)
    assert [entry.area.name for entry in bottom] == ["Guam", "Puerto Rico"]


def test_top_and_bottom_together_are_refused() -> None:
    with pytest.raises(InvalidInput):
        limit_ranking(rank_states(), top=1, bottom=1)
