"""Reading the plan and offer forms: what was typed, kept as text, turned into models.

Forms are GET forms (they change nothing), so a filled-in comparison is a link that can be
bookmarked or shared. Field names are flat (``o1_base``, ``s2_action``) so the pages work without
JavaScript.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import QueryParams

from medcoder.careers.inputs import validate_as
from medcoder.careers.offers import Offer
from medcoder.careers.plan_roles import resolve_role
from medcoder.careers.plan_steps import PlanStep
from medcoder.careers.plans import Plan
from medcoder.errors import InvalidInput
from medcoder.wages.estimate import make_profile

OFFER_SLOTS = 5
OFFER_FIELDS = (
    "name", "base", "bonus", "health_premium_value", "retirement_match_pct", "pto_days",
    "ceu_reimbursement", "dues_reimbursement", "code_book_budget", "quota_charts_per_hour",
    "work_model", "commute_cost", "location", "setting",
)  # fmt: skip
STEP_SLOTS = 4
# The one value a step needs, by action (go_remote needs none).
STEP_VALUE = {
    "earn_credential": "credential",
    "gain_years": "years",
    "change_setting": "setting",
    "change_specialty": "specialty",
    "move_role": "role",
    "relocate": "area",
}


def typed_offers(query: QueryParams) -> list[dict[str, str]]:
    return [
        {name: query.get(f"o{slot}_{name}", "") for name in OFFER_FIELDS}
        for slot in range(1, OFFER_SLOTS + 1)
    ]


def offers_from(typed: list[dict[str, str]]) -> list[Offer]:
    """Offers from the filled-in columns; a column with no name and no base pay is skipped."""
    offers = []
    for slot, fields in enumerate(typed, start=1):
        if not fields["name"].strip() and not fields["base"].strip():
            continue
        data = {name: value.strip() for name, value in fields.items() if value.strip()}
        data.setdefault("name", f"Offer {slot}")
        offers.append(validate_as(Offer, data, f"o{slot}"))
    return offers


def typed_plan(query: QueryParams) -> dict[str, Any]:
    return {
        "presets": [key for key in query.getlist("preset") if key],
        "years": query.get("years", "10"),
        "discount_rate": query.get("discount_rate", "5"),
        "name": query.get("name", ""),
        "start_years": query.get("start_years", ""),
        "start_credentials": query.get("start_credentials", ""),
        "start_area": query.get("start_area", ""),
        "start_work_model": query.get("start_work_model", ""),
        "steps": [
            {
                "year": query.get(f"s{slot}_year", ""),
                "action": query.get(f"s{slot}_action", ""),
                "value": query.get(f"s{slot}_value", ""),
            }
            for slot in range(1, STEP_SLOTS + 1)
        ],
    }


def _number(text: str, field: str, default: float) -> float:
    if not text.strip():
        return default
    try:
        return float(text.strip().replace(",", ""))
    except ValueError:
        raise InvalidInput(field, f"{text!r} is not a number") from None


def horizon(typed: dict[str, Any]) -> tuple[int, float]:
    """Years to simulate and the discount rate (typed in percent)."""
    years = _number(typed["years"], "years", 10)
    if not years.is_integer():
        raise InvalidInput("years", "enter a whole number of years")
    return int(years), _number(typed["discount_rate"], "discount_rate", 5) / 100


def own_plan(typed: dict[str, Any]) -> Plan | None:
    """The person's own plan, when they typed a name or any step."""
    steps = [step for step in typed["steps"] if step["action"]]
    if not typed["name"].strip() and not steps:
        return None
    credentials = [c.strip() for c in typed["start_credentials"].replace(";", ",").split(",")]
    start = make_profile(
        years=_number(typed["start_years"], "start_years", 0),
        credentials=[c for c in credentials if c],
        area=typed["start_area"] or None,
        work_model=typed["start_work_model"] or None,
    )
    parsed = []
    for slot, step in enumerate(typed["steps"], start=1):
        if not step["action"]:
            continue
        data: dict[str, Any] = {"year": step["year"] or 1, "action": step["action"]}
        if step["action"] in STEP_VALUE:
            data[STEP_VALUE[step["action"]]] = step["value"].strip() or None
        if step["action"] == "move_role":
            try:
                resolve_role(step["value"])
            except InvalidInput as error:  # shown beside the step row it came from
                raise InvalidInput(f"s{slot}", error.message, allowed=error.allowed) from None
        parsed.append(validate_as(PlanStep, data, f"s{slot}"))
    return validate_as(
        Plan, {"name": typed["name"].strip() or "My plan", "start": start, "steps": parsed}, "plan"
    )
