"""Estimate my salary: a GET form whose query string is the profile, so every result is a link.

The page parses what was typed, hands it to ``estimate_salary`` and renders the result; bad
input comes back as InvalidInput and is shown next to its field with the typed value kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from medcoder.errors import InvalidInput
from medcoder.web.charts import Step, waterfall
from medcoder.web.pages.salary import render

router = APIRouter(include_in_schema=False)

PROFILE_FIELDS = ("years", "credential", "specialty", "area", "setting", "work_model")
# InvalidInput.field (the Profile's names) -> the form control that shows the message.
FORM_FIELD = {"credentials": "credential", "credential": "credential", "profile": "years"}


def _typed(request: Request) -> dict[str, Any]:
    """What the person sent, exactly as typed, for refilling the form."""
    query = request.query_params
    return {
        "years": query.get("years", ""),
        "credential": [value for value in query.getlist("credential") if value],
        "specialty": query.get("specialty", ""),
        "area": query.get("area", ""),
        "setting": query.get("setting", ""),
        "work_model": query.get("work_model", ""),
    }


def _estimate(typed: dict[str, Any]) -> Any:
    from medcoder.wages.estimate import estimate_salary, make_profile

    profile = make_profile(
        years=typed["years"].strip() or 0.0,  # blank means none yet; Profile checks the rest
        credentials=typed["credential"],
        specialty=typed["specialty"] or None,
        area=typed["area"] or None,
        setting=typed["setting"] or None,
        work_model=typed["work_model"] or None,
    )
    return estimate_salary(profile)


def _suggestion_links(typed: dict[str, Any], field: str, values: list[str]) -> list[dict[str, str]]:
    """Each "did you mean" value as a link that re-runs the estimate with it in place."""
    links = []
    for value in values[:5]:
        query = {**typed, field: value}
        pairs = [
            (k, v) for k, vs in query.items() for v in (vs if isinstance(vs, list) else [vs]) if v
        ]
        links.append({"label": value, "href": "/estimate?" + urlencode(pairs)})
    return links


def _form_options() -> dict[str, Any]:
    from medcoder.wages.areas import list_states
    from medcoder.wages.credentials import CREDENTIALS
    from medcoder.wages.estimate import allowed_specialties
    from medcoder.wages.work_settings import WORK_SETTINGS

    kinds = (
        ("core", "Coding credentials"),
        ("apprentice", "Entry credentials"),
        ("specialty", "Specialty credentials"),
    )
    return {
        "credential_groups": [
            (label, [c for c in CREDENTIALS if c.kind == kind]) for kind, label in kinds
        ],
        "credential_codes": [c.code for c in CREDENTIALS],
        "specialties": allowed_specialties(),
        "settings": WORK_SETTINGS,
        "states": list_states(),
    }


def _chart(result: Any) -> Any:
    first, *rest = result.factors
    return waterfall(
        "estimate-waterfall",
        start_label=first.name,
        start=first.effect,
        steps=[Step(factor.name, factor.effect) for factor in rest],
        end_label="Your estimate (median)",
        title="How the estimate is built, factor by factor",
    )


@router.get("/estimate", response_class=HTMLResponse)
def estimate(request: Request) -> HTMLResponse:
    typed = _typed(request)
    submitted = any(name in request.query_params for name in PROFILE_FIELDS)
    context: dict[str, Any] = {"typed": typed, "result": None, "error": None, **_form_options()}
    if not submitted:
        return render(request, "salary/estimate.html", context)
    try:
        result = _estimate(typed)
    except InvalidInput as problem:
        field = FORM_FIELD.get(problem.field, problem.field)
        context["error"] = {
            "field": field,
            "message": problem.message,
            "allowed": problem.allowed,
            "suggestions": _suggestion_links(typed, field, problem.suggestions or []),
        }
        return render(request, "salary/estimate.html", context, status_code=422)
    context["result"] = result
    context["chart"] = _chart(result)
    context["api_url"] = "/api/v1/estimate?" + str(request.query_params)
    return render(request, "salary/estimate.html", context)
