"""Lookup drill pages: a scenario, a timer, the code browser beside it, and seconds per lookup."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcoder.errors import InvalidInput
from medcoder.study import drills, practice
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep
from medcoder.web.pages.study import render
from medcoder.web.pages.study_charts import line_chart

router = APIRouter(include_in_schema=False)


@router.get("/study/drills", response_class=HTMLResponse)
def drills_page(request: Request, session: SessionDep, user: CurrentUserDep) -> HTMLResponse:
    history = drills.drill_history(session, user.id)
    chart = line_chart(
        "drill-speed",
        [point.seconds for point in history.points],
        target=history.target_seconds,
        target_label=f"exam pace {history.target_seconds:.0f} s",
        title="Seconds per lookup over time",
        what="lookups",
        fmt=lambda value: f"{value:.0f} s",
    )
    return render(request, "drills.html", {"history": history, "chart": chart})


@router.post("/study/drills")
def start(session: SessionDep, user: CurrentUserDep) -> Response:
    lookup = practice.start_drill(session, user.id)
    return RedirectResponse(f"/study/drills/{lookup.id}", status_code=303)


def _lookup_page(
    request: Request,
    lookup: drills.DrillLookup,
    *,
    typed: str = "",
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return render(
        request, "drill.html", {"lookup": lookup, "typed": typed, "error": error}, status=status
    )


@router.get("/study/drills/{lookup_id}", response_class=HTMLResponse)
def lookup_page(
    request: Request, lookup_id: int, session: SessionDep, user: CurrentUserDep
) -> HTMLResponse:
    return _lookup_page(request, drills.get_lookup(session, user.id, lookup_id))


@router.post("/study/drills/{lookup_id}")
def answer(
    request: Request,
    lookup_id: int,
    session: SessionDep,
    user: CurrentUserDep,
    code: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    try:
        drills.answer_lookup(session, user.id, lookup_id, code)
    except InvalidInput as error:
        lookup = drills.get_lookup(session, user.id, lookup_id)
        return _lookup_page(request, lookup, typed=code, error=error.message, status=422)
    return RedirectResponse(f"/study/drills/{lookup_id}", status_code=303)
