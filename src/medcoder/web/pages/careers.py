"""Career-planning pages: cost of living, plans, offers and roster pricing.

Each route reads the form, calls one capability function and renders. Bad input comes back as
InvalidInput and is shown at the top of the form and next to its field, with what was typed
kept. The plan and offer forms are GET forms, so a result is a link.
"""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from medcoder.errors import InvalidInput
from medcoder.web.charts import Bar, bar_chart
from medcoder.web.pages.careers_forms import (
    OFFER_SLOTS,
    STEP_SLOTS,
    horizon,
    offers_from,
    own_plan,
    typed_offers,
    typed_plan,
)
from medcoder.web.pages.salary import render

router = APIRouter(include_in_schema=False)


def _problem(error: InvalidInput) -> dict[str, Any]:
    return {
        "field": error.field,
        "message": error.message,
        "suggestions": error.suggestions or [],
        "allowed": error.allowed or [],
    }


def _states() -> list[Any]:
    from medcoder.wages.areas import list_states

    return list_states()


@router.get("/cost-of-living", response_class=HTMLResponse)
def cost_of_living(request: Request) -> HTMLResponse:
    from medcoder.wages.cost_of_living import compare_purchasing_power, remote_arbitrage

    query = request.query_params
    typed = {
        name: query.get(name, "")
        for name in ("amount", "from_area", "to_area", "pay_area", "live_area", "salary")
    }
    context: dict[str, Any] = {"typed": typed, "states": _states(), "error": None}
    status = 200
    try:
        if typed["from_area"] or typed["to_area"]:
            amount = _amount(typed["amount"], "amount")
            result = compare_purchasing_power(amount, typed["from_area"], typed["to_area"])
            context["compare"] = result
            context["compare_chart"] = bar_chart(
                "col-chart",
                [
                    Bar(f"In {result.from_area}", result.amount),
                    Bar(f"Same living standard in {result.to_area}", result.equivalent, True),
                ],
                title="Equal purchasing power",
                what="yearly amount",
            )
        if typed["pay_area"] or typed["live_area"]:
            salary = _amount(typed["salary"], "salary") if typed["salary"].strip() else None
            context["remote"] = remote_arbitrage(typed["pay_area"], typed["live_area"], salary)
    except InvalidInput as error:
        context["error"] = _problem(error)
        status = 422
    return render(request, "careers/cost_of_living.html", context, status_code=status)


def _amount(text: str, field: str) -> float:
    try:
        return float(text.replace(",", "").replace("$", "").strip())
    except ValueError:
        raise InvalidInput(field, f"{text!r} is not an amount of dollars") from None


@router.get("/plans", response_class=HTMLResponse)
def plans(request: Request) -> HTMLResponse:
    from medcoder.careers.plan_presets import get_preset, list_presets
    from medcoder.careers.plan_roles import list_roles
    from medcoder.careers.plans import simulate_plans
    from medcoder.web.pages.careers_charts import legend, trajectory_panels

    typed = typed_plan(request.query_params)
    context: dict[str, Any] = {
        "typed": typed,
        "presets": list_presets(),
        "roles": list_roles(),
        "step_slots": STEP_SLOTS,
        "states": _states(),
        "error": None,
        "comparison": None,
    }
    if "years" not in request.query_params:
        return render(request, "careers/plans.html", context)
    try:
        years, rate = horizon(typed)
        chosen = [get_preset(key) for key in typed["presets"]]
        mine = own_plan(typed)
        if mine is not None:
            chosen.append(mine)
        if not chosen:
            raise InvalidInput("preset", "choose at least one ready-made plan or fill in your own")
        comparison = simulate_plans(chosen, years=years, discount_rate=rate)
    except InvalidInput as error:
        context["error"] = _problem(error)
        return render(request, "careers/plans.html", context, status_code=422)
    context["comparison"] = comparison
    context["panels"] = trajectory_panels("plan-chart", comparison.plans)
    context["legend"] = legend()
    return render(request, "careers/plans.html", context)


@router.get("/offers", response_class=HTMLResponse)
def offers(request: Request) -> HTMLResponse:
    from medcoder.careers.offers import compare_offers
    from medcoder.wages.work_settings import WORK_SETTINGS

    typed = typed_offers(request.query_params)
    context: dict[str, Any] = {
        "typed": typed,
        "slots": OFFER_SLOTS,
        "settings": WORK_SETTINGS,
        "states": _states(),
        "error": None,
        "comparison": None,
    }
    if not any(value for offer in typed for value in offer.values()):
        return render(request, "careers/offers.html", context)
    try:
        comparison = compare_offers(offers_from(typed))
    except InvalidInput as error:
        context["error"] = _problem(error)
        return render(request, "careers/offers.html", context, status_code=422)
    context["comparison"] = comparison
    context["chart"] = bar_chart(
        "offers-chart",
        [
            Bar(o.name, o.col_adjusted_value, o.name == comparison.best_offer)
            for o in comparison.offers
        ],
        title="Offers after cost of living (national-average dollars)",
        what="total compensation adjusted for cost of living",
    )
    return render(request, "careers/offers.html", context)


@router.get("/roster", response_class=HTMLResponse)
def roster_form(request: Request) -> HTMLResponse:
    return render(request, "careers/roster.html", {"error": None, "result": None})


@router.post("/roster", response_model=None)
async def roster_upload(
    request: Request,
    file: Annotated[UploadFile, File()],
    output: Annotated[str, Form()] = "page",
) -> Response:
    from medcoder.careers.roster import start_run

    data = await file.read()
    try:
        run = start_run(data, file.filename or "roster")
        if output in ("csv", "xlsx"):
            return _download(run, output)
        result = run.result()
    except InvalidInput as error:
        failed: dict[str, Any] = {"error": _problem(error), "result": None}
        return render(request, "careers/roster.html", failed, status_code=422)
    from medcoder.web.pages.careers_charts import count_bars

    chart = count_bars(
        "roster-chart",
        [(b.label, b.count) for b in result.summary.compa_histogram],
        title="Employees by compa-ratio (salary ÷ market median)",
        what="employees per compa-ratio range",
    )
    context: dict[str, Any] = {
        "error": None,
        "result": result,
        "chart": chart,
        "shown": result.rows[:50],
    }
    return render(request, "careers/roster.html", context)


def _download(run: Any, output: str) -> Response:
    import polars as pl

    from medcoder.careers.roster_io import neutralise_formulas, write_xlsx

    frame = neutralise_formulas(pl.concat(list(run.batches())))
    buffer = io.BytesIO()
    if output == "csv":
        frame.write_csv(buffer)
        media = "text/csv; charset=utf-8"
    else:
        write_xlsx(frame, buffer)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    headers = {"Content-Disposition": f'attachment; filename="priced.{output}"'}
    return Response(buffer.getvalue(), media_type=media, headers=headers)
