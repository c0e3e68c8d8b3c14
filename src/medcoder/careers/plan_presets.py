"""Ready-made plans taken from the articles' advice, to start from and edit.

Each preset cites the article section it follows. Start profiles are illustrative people, not
claims: a newcomer with no credential, or a certified coder of a few years.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel

from medcoder.careers.plan_steps import PlanStep
from medcoder.careers.plans import Plan
from medcoder.errors import InvalidInput
from medcoder.wages.estimate import Profile

ARTICLE_1 = "Medical Coding Salary & Career Outlook in 2026"
ARTICLE_2 = "What Is Medical Coding Salary? Complete Guide to Career Earnings"


class PresetInfo(BaseModel):
    key: str
    name: str
    description: str
    follows: str
    plan: Plan


def _step(year: int, action: str, **fields: object) -> PlanStep:
    return PlanStep.model_validate({"year": year, "action": action, **fields})


@lru_cache(maxsize=1)
def _presets() -> dict[str, PresetInfo]:
    presets = [
        PresetInfo(
            key="certify-specialise-advance",
            name="Certify, specialise, advance",
            description=(
                "Year 1–2 pass the CPC; years 2–5 add a risk-adjustment credential and go remote; "
                "from year 5 earn the CPMA and move into auditing."
            ),
            follows=f"{ARTICLE_1} — How to Maximize Your Medical Coding Salary",
            plan=Plan(
                name="Certify, specialise, advance",
                start=Profile(years=0, credentials=[]),
                steps=[
                    _step(1, "earn_credential", credential="CPC", training="program"),
                    _step(3, "earn_credential", credential="CRC"),
                    _step(3, "change_specialty", specialty="risk adjustment"),
                    _step(3, "go_remote"),
                    _step(5, "earn_credential", credential="CPMA"),
                    _step(6, "move_role", role="auditor"),
                ],
            ),
        ),
        PresetInfo(
            key="risk-adjustment",
            name="Risk adjustment track",
            description=(
                "A certified coder adds the CRC, moves to risk adjustment (HCC) and works remotely."
            ),
            follows=f"{ARTICLE_1} — The Highest-Paying Niche: Risk Adjustment (HCC) Coding",
            plan=Plan(
                name="Risk adjustment track",
                start=Profile(years=2, credentials=["CPC"]),
                steps=[
                    _step(1, "earn_credential", credential="CRC"),
                    _step(2, "change_specialty", specialty="risk adjustment"),
                    _step(2, "go_remote"),
                ],
            ),
        ),
        PresetInfo(
            key="inpatient-ccs",
            name="Inpatient CCS track",
            description=(
                "An uncertified coder studies for AHIMA's CCS and moves to hospital inpatient "
                "coding."
            ),
            follows=f"{ARTICLE_1} — Medical Coding Salary by Specialty (Inpatient, CCS)",
            plan=Plan(
                name="Inpatient CCS track",
                start=Profile(years=1, credentials=[], setting="physician_offices"),
                steps=[
                    _step(1, "earn_credential", credential="CCS", training="program"),
                    _step(2, "change_setting", setting="hospitals"),
                    _step(2, "change_specialty", specialty="inpatient"),
                ],
            ),
        ),
        PresetInfo(
            key="cdi-move",
            name="Move into CDI",
            description=(
                "An experienced CPC earns the CCDS and moves into clinical documentation "
                "improvement."
            ),
            follows=f"{ARTICLE_1} — Alternative Career Paths from Medical Coding (CDI)",
            plan=Plan(
                name="Move into CDI",
                start=Profile(years=5, credentials=["CPC"]),
                steps=[
                    _step(1, "earn_credential", credential="CCDS"),
                    _step(3, "move_role", role="cdi"),
                ],
            ),
        ),
        PresetInfo(
            key="management",
            name="Supervisor, then manager",
            description="A senior coder is promoted to supervisor and later to coding manager.",
            follows=f"{ARTICLE_2} — Career Advancement and Salary Growth",
            plan=Plan(
                name="Supervisor, then manager",
                start=Profile(years=6, credentials=["CPC"]),
                steps=[
                    _step(2, "move_role", role="supervisor"),
                    _step(6, "move_role", role="manager"),
                ],
            ),
        ),
    ]
    return {preset.key: preset for preset in presets}


def list_presets() -> list[PresetInfo]:
    return list(_presets().values())


def get_preset(key: str) -> Plan:
    presets = _presets()
    if key not in presets:
        raise InvalidInput("preset", f"unknown plan preset {key!r}", allowed=list(presets))
    return presets[key].plan.model_copy(deep=True)
