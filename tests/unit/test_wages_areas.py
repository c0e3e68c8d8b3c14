"""Resolving what people type into OEWS areas."""

from __future__ import annotations

import pytest

from medcoder.errors import InvalidInput
from medcoder.wages.areas import list_metros, list_states, resolve_area, search_areas


@pytest.mark.parametrize("text", [None, "", "US", "national", "United States"])
def test_empty_or_national_words_resolve_to_the_nation(text: str | None) -> None:
    assert resolve_area(text).kind == "national"


@pytest.mark.parametrize("text", ["TX", "tx", "Texas", "  TEXAS "])
def test_a_state_resolves_by_name_or_postal_code_in_any_case(text: str) -> None:
    area = resolve_area(text)
    assert (area.name, area.kind, area.postal, area.code) == ("Texas", "state", "TX", "4800000")


def test_washington_means_the_state_and_dc_means_the_district() -> None:
    assert resolve_area("Washington").postal == "WA"
    assert resolve_area("DC").name == "District of Columbia"
    assert resolve_area("Washington DC").name == "District of Columbia"


def test_a_metro_resolves_by_full_or_partial_name() -> None:
    full = resolve_area("Boston-Cambridge-Newton, MA-NH")
    assert resolve_area("Boston") == full
    assert (full.kind, full.code, full.postal) == ("metro", "0014460", "MA")


def test_a_nonmetropolitan_area_is_its_own_kind() -> None:
    assert resolve_area("Northern Vermont nonmetropolitan area").kind == "nonmetro"


def test_an_unknown_area_suggests_the_closest_names() -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_area("Bostn")
    assert caught.value.field == "area"
    assert caught.value.suggestions is not None
    assert caught.value.suggestions[0] == "Boston-Cambridge-Newton, MA-NH"
    assert len(caught.value.suggestions) == 3


def test_an_ambiguous_partial_name_lists_the_candidates() -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_area("Portland")
    assert caught.value.suggestions == [
        "Portland-South Portland, ME",
        "Portland-Vancouver-Hillsboro, OR-WA",
    ]


def test_states_include_dc_and_the_territories_bls_publishes() -> None:
    names = [area.name for area in list_states()]
    assert len(names) == 54
    assert {"District of Columbia", "Guam", "Puerto Rico", "Virgin Islands"} <= set(names)


def test_metros_of_a_state_include_those_that_cross_into_it() -> None:
    names = [area.name for area in list_metros("NH")]
    assert "Boston-Cambridge-Newton, MA-NH" in names
    assert "Manchester-Nashua, NH" in names
    assert all(area.kind in ("metro", "nonmetro") for area in list_metros("NH"))


def test_listing_metros_of_something_that_is_not_a_state_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        list_metros("Boston")
    assert caught.value.field == "state"


def test_autocomplete_puts_states_first_and_returns_at_most_ten() -> None:
    names = [area.name for area in search_areas("new")]
    assert names[:4] == ["New Hampshire", "New Jersey", "New Mexico", "New York"]
    assert len(search_areas("a")) == 10
