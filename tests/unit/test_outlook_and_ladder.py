"""Outlook 2024-34 from BLS Employment Projections, and the articles' ladder beside OEWS."""

from __future__ import annotations

import pytest

from medcoder.careers.ladder import alternative_careers, career_ladder
from medcoder.careers.outlook import outlook
from medcoder.errors import InvalidInput


def test_outlook_for_medical_records_specialists_matches_the_projections() -> None:
    result = outlook()
    assert (result.employment_2024, result.employment_2034) == (194_800, 208_600)
    assert (result.change, result.change_percent) == (13_800, 7.1)
    assert result.openings_annual == 14_200
    assert result.labor_force_exits_annual + result.occupational_transfers_annual == 12_900
    assert result.median_wage_2024 == 50_250
    assert result.education == "Postsecondary nondegree award"


def test_outlook_is_compared_with_all_occupations() -> None:
    result = outlook()
    assert result.all_occupations_change_percent == 3.1
    assert result.growth_vs_all.startswith("faster than all occupations")
    assert outlook("31-9094").growth_vs_all.startswith("slower")


def test_outlook_carries_the_articles_drivers_as_claims() -> None:
    ids = {claim.id for claim in outlook().claims}
    assert {"a1-outlook-drivers", "a2-outlook-drivers", "a1-outlook-growth"} <= ids
    assert [s.key for s in outlook().sources] == ["ep_2024_34"]


def test_outlook_refuses_codes_without_a_projection() -> None:
    with pytest.raises(InvalidInput) as caught:
        outlook("99-9999")
    assert caught.value.field == "occupation"
    assert caught.value.allowed is not None and len(caught.value.allowed) == 7


def test_all_occupations_grow_at_the_all_occupations_rate() -> None:
    total = outlook("00-0000")
    assert total.change_percent == total.all_occupations_change_percent == 3.1
    assert total.growth_vs_all.startswith("about the same")


def test_the_ladder_has_seven_levels_with_cited_ranges() -> None:
    levels = career_ladder().levels
    assert [level.level for level in levels] == list(range(1, 8))
    assert (levels[0].title, levels[0].low, levels[0].high) == (
        "Junior/Entry Coder",
        38_000,
        44_000,
    )
    assert levels[-1].qualifier == "+" and levels[-1].years_low == 10


def test_managers_and_directors_map_to_health_services_managers() -> None:
    levels = {level.title: level for level in career_ladder().levels}
    manager = levels["Coding Manager"].official
    assert manager.soc == "11-9111"
    assert manager.annual_median == 123_860
    assert levels["Coding Auditor"].official.soc == "13-1041"


def test_alternative_careers_map_to_the_closest_occupations() -> None:
    by_title = {career.title: career.official.soc for career in alternative_careers().careers}
    assert by_title["Compliance Officer"] == "13-1041"
    assert by_title["Clinical Documentation Improvement (CDI)"] == "29-9021"
    assert by_title["medical billing specialist"] == "43-3021"
    assert by_title["Health Information Manager"] == "11-9111"


def test_promotion_raises_travel_with_the_ladder() -> None:
    raise_claim = career_ladder().promotion_raises[0]
    assert (raise_claim.value_low, raise_claim.value_high, raise_claim.unit) == (15, 30, "percent")
