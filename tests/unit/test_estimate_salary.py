"""The salary estimator: base, fallback chain, cited factors, and monotonicity."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcoder.errors import InvalidInput
from medcoder.wages.claims import get_claim
from medcoder.wages.credentials import ALLOWED_CREDENTIALS
from medcoder.wages.estimate import Profile, estimate_salary, make_profile
from medcoder.wages.market import market_wages
from medcoder.wages.premiums import (
    certification_premium,
    experience_anchors,
    second_credential_premium,
    specialty_premium,
)

AREAS = [None, "TX", "Boston", "Elmira", "Vermont", "Virgin Islands"]
SETTINGS = [None, "hospitals", "physician offices", "consulting"]
SPECIALTIES = [None, "risk adjustment", "cardiology", "general outpatient", "auditing"]
profiles = st.builds(
    Profile,
    years=st.floats(min_value=0, max_value=50, allow_nan=False),
    credentials=st.lists(st.sampled_from(ALLOWED_CREDENTIALS), max_size=4, unique=True),
    specialty=st.sampled_from(SPECIALTIES),
    area=st.sampled_from(AREAS),
    setting=st.sampled_from(SETTINGS),
    work_model=st.sampled_from([None, "remote", "hybrid", "onsite"]),
)


def test_the_base_is_the_oews_median_of_the_area() -> None:
    estimate = estimate_salary(Profile(area="TX"))
    assert estimate.factors[0].name == "Market median"
    assert estimate.factors[0].effect == 48_860
    assert estimate.area_used.name == "Texas" and estimate.fallback_note is None


def test_factors_add_up_to_the_median() -> None:
    profile = make_profile(
        years=5, credentials=["CPC", "CRC"], specialty="risk adjustment", area="Texas",
        setting="hospitals", work_model="remote",
    )  # fmt: skip
    estimate = estimate_salary(profile)
    assert sum(f.effect for f in estimate.factors) == estimate.median
    assert estimate.low < estimate.median < estimate.high
    assert all(f.source for f in estimate.factors)
    assert {s.key for s in estimate.sources} == {"oews_may2025", "claims_seed_articles"}


def test_the_range_keeps_the_areas_quartile_spread() -> None:
    estimate = estimate_salary(Profile(years=4, credentials=["CPC"], area="Boston"))
    boston = market_wages(area="Boston")
    assert boston.annual_p25 and boston.annual_median and boston.annual_p75
    assert estimate.low == pytest.approx(
        estimate.median * boston.annual_p25 / boston.annual_median, abs=10
    )
    assert estimate.high == pytest.approx(
        estimate.median * boston.annual_p75 / boston.annual_median, abs=10
    )


def test_a_metro_without_published_wages_falls_back_to_its_state() -> None:
    estimate = estimate_salary(Profile(area="Elmira"))
    assert estimate.area_requested.name == "Elmira, NY"
    assert estimate.area_used.name == "New York"
    assert estimate.fallback_note and "Elmira, NY" in estimate.fallback_note
    assert estimate.factors[0].effect == market_wages(area="NY").annual_median


def test_a_territory_without_any_estimate_falls_back_to_the_nation() -> None:
    estimate = estimate_salary(Profile(area="Virgin Islands"))
    assert estimate.area_used.kind == "national"
    assert estimate.factors[0].effect == 51_140
    assert estimate.fallback_note and "Virgin Islands" in estimate.fallback_note


def test_the_setting_factor_is_the_industry_to_cross_industry_median_ratio() -> None:
    plain = estimate_salary(Profile(credentials=["CPC"]))
    hospital = estimate_salary(Profile(credentials=["CPC"], setting="hospitals"))
    assert hospital.median / plain.median == pytest.approx(59_120 / 51_140, rel=1e-3)


def test_no_credential_costs_the_smallest_claimed_certification_premium() -> None:
    premium = certification_premium()
    assert premium.claim.id == "a1-aapc-certified-premium" and premium.fraction == 0.207
    none = estimate_salary(Profile(credentials=[]))
    cpc = estimate_salary(Profile(credentials=["CPC"]))
    apprentice = estimate_salary(Profile(credentials=["CPC-A"]))
    assert cpc.median / none.median == pytest.approx(1.207, rel=1e-3)
    assert none.median < apprentice.median < cpc.median


def test_a_specialty_premium_is_the_smallest_the_articles_claim() -> None:
    risk = specialty_premium("risk adjustment")
    assert risk.claim.id == "a2-risk-adjustment-premium"
    claim = get_claim("a2-risk-adjustment-premium")
    assert risk.fraction == pytest.approx(
        (claim.value_low or 0) / 200 + (claim.value_high or 0) / 200
    )
    assert specialty_premium("general outpatient").fraction == 0


def test_a_specialty_credential_is_not_counted_twice_with_its_specialty() -> None:
    assert specialty_premium("risk adjustment").fraction > second_credential_premium().fraction
    one = estimate_salary(Profile(credentials=["CPC"], specialty="risk adjustment"))
    two = estimate_salary(Profile(credentials=["CPC", "CRC"], specialty="risk adjustment"))
    assert one.median == two.median


def test_experience_anchors_come_from_both_articles_bands() -> None:
    anchors = experience_anchors()
    assert [a.years for a in anchors] == [1.0, 4.5, 7.0]
    assert all(
        {c.article for c in a.claims} == {"salary-outlook-2026", "what-is-coding-salary"}
        for a in anchors
    )
    assert [a.percentile for a in anchors] == sorted(a.percentile for a in anchors)


def test_the_work_model_cites_the_no_penalty_claim() -> None:
    estimate = estimate_salary(Profile(work_model="remote"))
    factor = estimate.factors[-1]
    assert factor.name == "Work model: remote" and factor.effect == 0
    assert factor.claim_ids == ["a1-remote-pay-effect"]


@settings(max_examples=60, deadline=None)
@given(profile=profiles, extra=st.floats(min_value=0, max_value=50, allow_nan=False))
def test_more_years_never_lower_the_estimate(profile: Profile, extra: float) -> None:
    older = profile.model_copy(update={"years": min(50.0, profile.years + extra)})
    assert estimate_salary(older).median >= estimate_salary(profile).median
    assert estimate_salary(older).low >= estimate_salary(profile).low


@settings(max_examples=60, deadline=None)
@given(profile=profiles, added=st.sampled_from(ALLOWED_CREDENTIALS))
def test_adding_a_credential_never_lowers_the_estimate(profile: Profile, added: str) -> None:
    more = profile.model_copy(update={"credentials": [*profile.credentials, added]})
    assert estimate_salary(more).median >= estimate_salary(profile).median
    assert estimate_salary(more).high >= estimate_salary(profile).high


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"years": -1}, "years"),
        ({"years": 51}, "years"),
        ({"years": math.nan}, "years"),
        ({"credentials": ["CPX"]}, "credentials"),
        ({"work_model": "moon"}, "work_model"),
    ],
)
def test_bad_profiles_are_refused_naming_the_field(fields: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_profile(**fields)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("years", "shown"), [(51, "51"), (-1, "-1"), (math.inf, "inf"), ("lots", "'lots'")]
)
def test_bad_years_say_which_field_and_what_range_is_allowed(years: object, shown: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_profile(years=years)
    assert caught.value.message == f"years of experience must be a number from 0 to 50, not {shown}"


@pytest.mark.parametrize(("typed", "years"), [("3", 3.0), (" 2,5 ", 2.5), (50, 50.0), (0, 0.0)])
def test_years_may_be_typed_as_text_with_a_decimal_comma(typed: object, years: float) -> None:
    assert make_profile(years=typed).years == years


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"area": "Atlantis"}, "area"),
        ({"setting": "moon base"}, "setting"),
        ({"specialty": "dentistry"}, "specialty"),
    ],
)
def test_unknown_area_setting_or_specialty_is_refused(fields: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        estimate_salary(make_profile(**fields))
    assert caught.value.field == field


def test_credentials_are_normalised_and_deduplicated() -> None:
    profile = make_profile(credentials=["cpc", "CPC", "cpc a", "none"])
    assert profile.credentials == ["CPC", "CPC-A", "none"]
    assert make_profile(work_model="On-site").work_model == "onsite"
