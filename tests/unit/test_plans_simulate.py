"""Plan simulation: costs, credential timing, promotions, NPV and payback, checked by hand."""

from __future__ import annotations

import pytest

from medcoder.careers.plan_presets import get_preset, list_presets
from medcoder.careers.plan_steps import PlanStep
from medcoder.careers.plans import Plan, simulate_plan, simulate_plans
from medcoder.careers.roi import npv, payback_months
from medcoder.errors import InvalidInput
from medcoder.wages.estimate import Profile, estimate_salary

NEWCOMER = Profile(years=0, credentials=[], area="Texas")


def plan(*steps: PlanStep, start: Profile = NEWCOMER, **extra: object) -> Plan:
    return Plan.model_validate({"name": "test", "start": start, "steps": list(steps), **extra})


def step(year: int, action: str, **fields: object) -> PlanStep:
    return PlanStep.model_validate({"year": year, "action": action, **fields})


def test_doing_nothing_matches_the_baseline_exactly() -> None:
    result = simulate_plan(plan(), years=3)
    assert [row.gain_vs_baseline for row in result.years] == [0, 0, 0]
    assert result.npv_vs_baseline == 0
    assert result.total_earnings == result.baseline_total_earnings


def test_cpc_by_program_costs_the_cited_midpoint_plus_the_cited_exam_fee() -> None:
    result = simulate_plan(plan(step(1, "earn_credential", credential="CPC", training="program")))
    # program $1,000–$15,000 (midpoint 8,000) + CPC exam fee 399 (third-party figure)
    assert result.years[0].costs == 8_399
    assert (result.paybacks[0].cost_low, result.paybacks[0].cost_high) == (1_399, 15_399)
    # study time: the cited 6–18 months
    assert (result.years[0].study_months_low, result.years[0].study_months_high) == (6, 18)


def test_a_credential_pays_from_the_year_after_it_is_studied_for() -> None:
    result = simulate_plan(plan(step(1, "earn_credential", credential="CPC")), years=3)
    year1, year2, _ = result.years
    assert year1.median == year1.baseline_median
    with_cpc = estimate_salary(NEWCOMER.model_copy(update={"years": 1, "credentials": ["CPC"]}))
    assert year2.median == round(with_cpc.median)
    assert year2.median > year2.baseline_median


def test_payback_is_cost_over_the_credentials_monthly_gain() -> None:
    result = simulate_plan(plan(step(1, "earn_credential", credential="CPC")), years=3)
    payback = result.paybacks[0]
    middle = (payback.cost_low + payback.cost_high) / 2  # self-study 500–3,000 + 399 = 2,149
    assert middle == 2_149
    assert payback.payback_months == payback_months(middle, payback.annual_gain)
    assert payback.annual_gain > 0


def test_npv_discounts_the_yearly_gains_at_the_stated_rate() -> None:
    result = simulate_plan(
        plan(step(1, "earn_credential", credential="CPC")), years=5, discount_rate=0.08
    )
    gains = [row.gain_vs_baseline for row in result.years]
    assert result.npv_vs_baseline == pytest.approx(npv(gains, 0.08), abs=0.05)
    assert result.npv_low <= result.npv_vs_baseline <= result.npv_high


def test_promotion_applies_the_cited_15_to_30_percent_raise() -> None:
    start = Profile(years=6, credentials=["CPC"], area="Texas")
    result = simulate_plan(plan(step(2, "move_role", role="supervisor"), start=start), years=3)
    coder = estimate_salary(start.model_copy(update={"years": 7})).median
    supervisor = result.years[1]
    assert supervisor.role == "Coding supervisor"
    assert (supervisor.low, supervisor.median, supervisor.high) == (
        round(coder * 1.15),
        round(coder * 1.225),
        round(coder * 1.30),
    )


def test_alternative_career_uses_its_cited_range() -> None:
    start = Profile(years=5, credentials=["CPC"])
    result = simulate_plan(plan(step(1, "move_role", role="cdi"), start=start), years=2)
    cdi = result.years[0]
    assert (cdi.low, cdi.median, cdi.high) == (70_000, 82_500, 95_000)


def test_going_remote_adds_the_cited_commute_savings() -> None:
    start = Profile(years=3, credentials=["CPC"], work_model="onsite")
    result = simulate_plan(plan(step(1, "go_remote"), start=start), years=1)
    assert result.years[0].commute_savings == 5_500  # midpoint of $3,000–$8,000


def test_dues_are_counted_only_when_entered() -> None:
    without = simulate_plan(plan(step(1, "earn_credential", credential="CPC")), years=2)
    assert any("dues are not counted" in note for note in without.notes)
    with_dues = simulate_plan(
        plan(step(1, "earn_credential", credential="CPC"), annual_dues=200), years=2
    )
    assert with_dues.years[1].costs == without.years[1].costs + 200


def test_a_step_after_the_last_year_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        simulate_plan(plan(step(12, "go_remote")), years=10)
    assert caught.value.field == "steps"


def test_unknown_role_and_credential_are_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        simulate_plan(plan(step(1, "move_role", role="astronaut")))
    assert caught.value.field == "role"
    with pytest.raises(ValueError, match="unknown credential"):
        step(1, "earn_credential", credential="XYZ")


def test_every_preset_simulates_and_beats_doing_nothing() -> None:
    comparison = simulate_plans([get_preset(p.key) for p in list_presets()])
    assert len(comparison.plans) == 5
    for result in comparison.plans:
        assert len(result.years) == 10
        assert result.npv_vs_baseline > 0, result.name


def test_unknown_preset_lists_the_allowed_keys() -> None:
    with pytest.raises(InvalidInput) as caught:
        get_preset("get-rich")
    assert caught.value.allowed is not None and "risk-adjustment" in caught.value.allowed


def test_relocating_prices_the_following_years_in_the_new_area() -> None:
    start = Profile(years=3, credentials=["CPC"], area="Mississippi")
    result = simulate_plan(plan(step(2, "relocate", area="California"), start=start), years=2)
    in_california = estimate_salary(start.model_copy(update={"years": 4, "area": "California"}))
    assert result.years[1].median == round(in_california.median)
    assert result.years[1].median > result.years[1].baseline_median


def test_ceu_costs_are_a_user_input_counted_once_credentialed() -> None:
    base = plan(step(1, "earn_credential", credential="CPC"))
    without = simulate_plan(base, years=2)
    assert any("36 CEUs every two years" in note for note in without.notes)
    with_ceus = simulate_plan(base.model_copy(update={"annual_ceu_cost": 300}), years=2)
    assert with_ceus.years[0].costs == without.years[0].costs
    assert with_ceus.years[1].costs == without.years[1].costs + 300
