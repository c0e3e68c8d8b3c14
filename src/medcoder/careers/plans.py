"""Career plans: a start profile plus dated steps, simulated year by year against doing nothing.

How a year is simulated (documented so every number can be traced):

- Experience grows by one year per simulated year (plus any "gain years" step).
- While the person codes, the pay band (low/median/high) is ``estimate_salary`` for the profile
  of that year: BLS OEWS percentiles plus the articles' cited effects.
- A credential step means studying during that year: its costs fall in that year and its pay
  effect starts the next year. Costs are the cited training range for the chosen route plus the
  exam fee (entered, or the cited third-party CPC fee); study time is the cited 6–18 months.
- Moving up the ladder (auditor, supervisor, manager, director) applies the cited promotion
  raise (15–30 %, midpoint for the median) to the current median; moving to an alternative career
  (CDI, revenue cycle, …) uses that career's cited pay range. Pay in those roles is then held
  level in dollars (the articles give no growth rate), scaled only if the person relocates.
- Going remote adds the cited commute savings ($3,000–$8,000 a year) when the start was not remote.
- The "do nothing" baseline keeps the start profile and only gains experience. The difference,
  year by year, is discounted to a net present value at the stated rate (end-of-year flows).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from medcoder.careers.plan_roles import resolve_role
from medcoder.careers.plan_steps import (
    PendingCredential,
    PersonState,
    PlanStep,
    apply_steps,
    changed,
    pay_band,
)
from medcoder.careers.roi import (
    CPC_RENEWAL_CEUS,
    CostRange,
    check_rate,
    commute_savings,
    npv,
    payback_months,
)
from medcoder.errors import InvalidInput
from medcoder.wages.estimate import Profile, estimate_salary
from medcoder.wages.provenance import SourceRef


class Plan(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    description: str = ""
    start: Profile
    steps: list[PlanStep] = Field(default_factory=list, max_length=30)
    annual_ceu_cost: float | None = Field(
        default=None,
        ge=0,
        le=10_000,
        description="Continuing-education cost per year (no default).",
    )
    annual_dues: float | None = Field(
        default=None, ge=0, le=5_000, description="Membership dues per year once credentialed."
    )


class YearResult(BaseModel):
    year: int
    role: str
    low: float
    median: float
    high: float
    basis: str
    costs: float
    study_months_low: float
    study_months_high: float
    commute_savings: float
    cumulative_earnings: float
    baseline_low: float
    baseline_median: float
    baseline_high: float
    gain_vs_baseline: float


class CredentialPayback(BaseModel):
    credential: str
    year: int
    cost_low: float
    cost_high: float
    annual_gain: float
    payback_months: float | None
    cost_notes: list[str]


class PlanResult(BaseModel):
    name: str
    description: str
    discount_rate: float
    years: list[YearResult]
    total_earnings: float
    baseline_total_earnings: float
    total_costs: float
    npv_vs_baseline: float
    npv_low: float
    npv_high: float
    paybacks: list[CredentialPayback]
    notes: list[str]
    sources: list[SourceRef]


def _check_plan(plan: Plan, years: int) -> None:
    if not 1 <= years <= 40:
        raise InvalidInput("years", f"simulate 1 to 40 years, got {years}")
    for step in plan.steps:
        if step.year > years:
            raise InvalidInput(
                "steps",
                f"a {step.action} step in year {step.year} falls after the last simulated "
                f"year ({years})",
            )
        if step.action == "move_role":
            resolve_role(step.role or "")


def _payback(pending: PendingCredential, profile: Profile) -> CredentialPayback:
    # The credential is credited with the specialty move made while studying for it (a CRC
    # with the switch to risk adjustment): the estimator counts the two together, never twice.
    without = [c for c in profile.credentials if c != pending.credential]
    before = changed(profile, credentials=without, specialty=pending.specialty_before)
    gain = estimate_salary(profile).median - estimate_salary(before).median
    middle = (pending.cost_low + pending.cost_high) / 2
    return CredentialPayback(
        credential=pending.credential,
        year=pending.year,
        cost_low=pending.cost_low,
        cost_high=pending.cost_high,
        annual_gain=round(gain, 2),
        payback_months=payback_months(middle, gain),
        cost_notes=pending.notes,
    )


def simulate_plan(plan: Plan, *, years: int = 10, discount_rate: float = 0.05) -> PlanResult:
    """Simulate ``plan`` for ``years`` years and compare it with doing nothing."""
    check_rate(discount_rate)
    _check_plan(plan, years)
    state = PersonState(plan.start)
    start_years = plan.start.years
    commute = commute_savings()
    sources: list[SourceRef] = []
    pending: list[PendingCredential] = []
    paybacks: list[CredentialPayback] = []
    rows: list[YearResult] = []
    flows: dict[str, list[float]] = {"low": [], "mid": [], "high": []}
    cumulative = 0.0
    credentialed = False
    for year in range(1, years + 1):
        # Credentials studied for last year count from this year on.
        ready = [p for p in pending if p.year < year]
        pending = [p for p in pending if p.year >= year]
        for item in ready:
            if item.credential not in state.profile.credentials:
                state.profile = changed(
                    state.profile, credentials=[*state.profile.credentials, item.credential]
                )
            credentialed = True
        steps = [step for step in plan.steps if step.year == year]
        c_low, c_high, s_low, s_high = apply_steps(state, steps, year, start_years, pending)
        profile = state.profile_for(year, start_years)
        paybacks.extend(_payback(item, profile) for item in ready)
        coder_low, coder_mid, coder_high, coder_sources = pay_band(profile)
        sources.extend(coder_sources)
        if state.role is not None and state.role_band is not None:
            low, median, high = state.role_band
            role, basis = state.role.title, state.role.basis
        else:
            low, median, high = coder_low, coder_mid, coder_high
            role, basis = "Medical coder", "estimate_salary for this year's profile"
        base_profile = plan.start.model_copy(update={"years": min(start_years + year - 1, 50.0)})
        b_low, b_mid, b_high, _ = pay_band(base_profile)
        remote_now = profile.work_model == "remote" and plan.start.work_model != "remote"
        saved = (commute.low, commute.midpoint, commute.high) if remote_now else (0.0, 0.0, 0.0)
        upkeep = (plan.annual_dues or 0.0) + (plan.annual_ceu_cost or 0.0)
        dues = upkeep if credentialed else 0.0
        c_low, c_high = c_low + dues, c_high + dues
        c_mid = (c_low + c_high) / 2
        cumulative += median
        flows["mid"].append(median - c_mid + saved[1] - b_mid)
        flows["low"].append(low - c_high + saved[0] - b_mid)
        flows["high"].append(high - c_low + saved[2] - b_mid)
        rows.append(
            YearResult(
                year=year, role=role, low=round(low), median=round(median), high=round(high),
                basis=basis, costs=round(c_mid, 2), study_months_low=s_low,
                study_months_high=s_high, commute_savings=saved[1],
                cumulative_earnings=round(cumulative), baseline_low=round(b_low),
                baseline_median=round(b_mid), baseline_high=round(b_high),
                gain_vs_baseline=round(flows["mid"][-1], 2),
            )
        )  # fmt: skip
    notes = _notes(plan, state, commute)
    return PlanResult(
        name=plan.name,
        description=plan.description,
        discount_rate=discount_rate,
        years=rows,
        total_earnings=round(cumulative),
        baseline_total_earnings=round(sum(row.baseline_median for row in rows)),
        total_costs=round(sum(row.costs for row in rows), 2),
        npv_vs_baseline=round(npv(flows["mid"], discount_rate), 2),
        npv_low=round(npv(flows["low"], discount_rate), 2),
        npv_high=round(npv(flows["high"], discount_rate), 2),
        paybacks=paybacks,
        notes=notes,
        sources=list(dict.fromkeys(sources)),
    )


def _notes(plan: Plan, state: PersonState, commute: CostRange) -> list[str]:
    notes = [
        "Credentials: costs fall in the year of study; the pay effect starts the next year.",
        "NPV discounts end-of-year differences from the do-nothing baseline's median; the low "
        "(high) NPV takes the plan's low (high) pay with the high (low) costs.",
    ]
    if state.role is not None:
        notes.append(
            f"{state.role.title}: {state.role.basis}; pay is held level in dollars after the move "
            "because the articles give no growth rate for it."
        )
    if any(s.action == "earn_credential" for s in plan.steps):
        notes.append(f"Keeping a credential: {CPC_RENEWAL_CEUS}.")
        if plan.annual_dues is None:
            notes.append("Membership dues are not counted: enter annual_dues to include them.")
        if plan.annual_ceu_cost is None:
            notes.append("CEU costs are not counted: enter annual_ceu_cost to include them.")
    if any(s.action == "go_remote" for s in plan.steps):
        notes.append(f"Commute savings: {commute.citation}")
    return notes


class PlanComparison(BaseModel):
    """Several plans simulated over the same years, for side-by-side charts."""

    years: int
    discount_rate: float
    plans: list[PlanResult]
    sources: list[SourceRef]


def simulate_plans(
    plans: list[Plan], *, years: int = 10, discount_rate: float = 0.05
) -> PlanComparison:
    if not 1 <= len(plans) <= 5:
        raise InvalidInput("plans", f"simulate 1 to 5 plans at a time, got {len(plans)}")
    results = [simulate_plan(plan, years=years, discount_rate=discount_rate) for plan in plans]
    sources = [source for result in results for source in result.sources]
    return PlanComparison(
        years=years,
        discount_rate=discount_rate,
        plans=results,
        sources=list(dict.fromkeys(sources)),
    )
