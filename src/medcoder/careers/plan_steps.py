"""The steps of a career plan and how each one changes the person being simulated.

``apply_steps`` is called once per simulated year with that year's steps; it returns the costs
and study time the steps bring, and queues credentials (their pay effect starts the next year).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from medcoder.careers.plan_roles import RoleBand, resolve_role
from medcoder.careers.roi import (
    CostRange,
    TrainingRoute,
    exam_fee,
    promotion_raise,
    study_time,
    training_cost,
)
from medcoder.wages.credentials import ALLOWED_CREDENTIALS, normalise_credential
from medcoder.wages.estimate import Profile, estimate_salary, make_profile
from medcoder.wages.provenance import SourceRef

StepAction = Literal[
    "earn_credential",
    "gain_years",
    "change_setting",
    "change_specialty",
    "move_role",
    "relocate",
    "go_remote",
]
REQUIRED_FIELD: dict[str, str] = {
    "earn_credential": "credential",
    "gain_years": "years",
    "change_setting": "setting",
    "change_specialty": "specialty",
    "move_role": "role",
    "relocate": "area",
}


class PlanStep(BaseModel):
    year: int = Field(
        ge=1, le=40, description="Simulated year in which the step happens (1 = first)."
    )
    action: StepAction
    credential: str | None = None
    training: TrainingRoute = "self_study"
    exam_fee: float | None = Field(default=None, ge=0, le=5_000)
    years: float | None = Field(default=None, gt=0, le=40)
    setting: str | None = None
    specialty: str | None = None
    role: str | None = None
    area: str | None = None

    @model_validator(mode="after")
    def _has_its_field(self) -> PlanStep:
        needed = REQUIRED_FIELD.get(self.action)
        if needed and not getattr(self, needed):
            raise ValueError(f"a {self.action} step needs {needed}")
        if self.credential is not None:
            code = normalise_credential(self.credential)
            if code is None or code == "none":
                raise ValueError(
                    f"unknown credential {self.credential!r}; allowed: "
                    + ", ".join(c for c in ALLOWED_CREDENTIALS if c != "none")
                )
            self.credential = code
        return self


class PersonState:
    """The person in a given year of the plan."""

    def __init__(self, start: Profile) -> None:
        self.profile = start.model_copy(deep=True)
        self.extra_years = 0.0
        self.role: RoleBand | None = None
        self.role_band: tuple[float, float, float] | None = None
        self.pending_credentials: list[str] = []

    def profile_for(self, year: int, start_years: float) -> Profile:
        years = min(start_years + (year - 1) + self.extra_years, 50.0)
        return self.profile.model_copy(update={"years": years})


def changed(profile: Profile, **changes: object) -> Profile:
    """A copy of ``profile`` with ``changes``, validated (unknown credentials are refused)."""
    return make_profile(**{**profile.model_dump(), **changes})


def pay_band(profile: Profile) -> tuple[float, float, float, list[SourceRef]]:
    estimate = estimate_salary(profile)
    return estimate.low, estimate.median, estimate.high, list(estimate.sources)


def credential_costs(step: PlanStep) -> tuple[float, float, list[str], CostRange]:
    notes = []
    low = high = 0.0
    training = training_cost(step.training)
    if training is not None:
        low, high = training.low, training.high
        notes.append(training.citation)
    fee = exam_fee(step.credential or "", step.exam_fee)
    if fee is None:
        notes.append(
            f"No exam fee counted for {step.credential}: the articles give none; enter it."
        )
    else:
        low, high = low + fee[0], high + fee[0]
        notes.append(fee[1])
    return low, high, notes, study_time()


class PendingCredential(BaseModel):
    credential: str
    year: int
    specialty_before: str | None
    cost_low: float
    cost_high: float
    notes: list[str]


def move_role(state: PersonState, step: PlanStep, current_median: float) -> None:
    role = resolve_role(step.role or "")
    if role.kind == "promotion":
        raise_range = promotion_raise()
        low = current_median * (1 + raise_range.low / 100)
        high = current_median * (1 + raise_range.high / 100)
        state.role_band = (low, current_median * (1 + raise_range.midpoint / 100), high)
    else:
        state.role_band = (role.low, (role.low + role.high) / 2, role.high)
    state.role = role


def relocate(state: PersonState, step: PlanStep, profile: Profile) -> None:
    if state.role_band is not None:
        # Roles beyond the estimator follow coder pay from one area to the other.
        before = estimate_salary(profile).median
        after = estimate_salary(changed(profile, area=step.area)).median
        state.role_band = tuple(value * after / before for value in state.role_band)  # type: ignore[assignment]
    state.profile = changed(state.profile, area=step.area)


def apply_steps(
    state: PersonState,
    steps: list[PlanStep],
    year: int,
    start_years: float,
    pending: list[PendingCredential],
) -> tuple[float, float, float, float]:
    """Apply one year's steps; return (cost low, cost high, study months low, high)."""
    costs_low = costs_high = study_low = study_high = 0.0
    specialty_before = state.profile.specialty
    for step in steps:
        profile = state.profile_for(year, start_years)
        if step.action == "earn_credential" and step.credential:
            estimate_salary(changed(profile, credentials=[*profile.credentials, step.credential]))
            low, high, notes, months = credential_costs(step)
            costs_low, costs_high = costs_low + low, costs_high + high
            study_low, study_high = study_low + months.low, study_high + months.high
            pending.append(
                PendingCredential(
                    credential=step.credential,
                    year=year,
                    specialty_before=specialty_before,
                    cost_low=low,
                    cost_high=high,
                    notes=[*notes, months.citation],
                )
            )
        elif step.action == "gain_years" and step.years:
            state.extra_years += step.years
        elif step.action == "change_setting":
            state.profile = changed(state.profile, setting=step.setting)
        elif step.action == "change_specialty":
            state.profile = changed(state.profile, specialty=step.specialty)
        elif step.action == "relocate":
            relocate(state, step, profile)
        elif step.action == "go_remote":
            state.profile = changed(state.profile, work_model="remote")
        elif step.action == "move_role":
            current = state.role_band[1] if state.role_band else estimate_salary(profile).median
            move_role(state, step, current)
    return costs_low, costs_high, study_low, study_high
