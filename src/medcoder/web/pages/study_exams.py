"""Exam and quiz pages: one question at a time, palette, flag, submit, results and review.

The server keeps the state and the deadline, so the pages work without JavaScript (``exam.js``
only adds a live countdown and keyboard shortcuts) and resume after the browser is closed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcoder.errors import InvalidInput
from medcoder.study import exams
from medcoder.study.questions import CONTENT_AREAS
from medcoder.study.scoring import MISS_TAGS
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep
from medcoder.web.pages.study import render

router = APIRouter(include_in_schema=False)


def _question_page(
    request: Request,
    session: SessionDep,
    user_id: int,
    attempt_id: int,
    number: int,
    *,
    error: str | None = None,
    status: int = 200,
) -> Response:
    state = exams.attempt_state(session, user_id, attempt_id)
    if state.submitted:
        return RedirectResponse(f"/study/attempts/{attempt_id}/results", status_code=303)
    number = min(max(number, 1), state.total)
    return render(
        request,
        "attempt.html",
        {
            "state": state,
            "question": state.questions[number - 1],
            "number": number,
            "letters": exams.LETTERS,
            "areas": CONTENT_AREAS,
            "error": error,
        },
        status=status,
    )


@router.get("/study/attempts/{attempt_id}", response_class=HTMLResponse)
def attempt_page(
    request: Request,
    attempt_id: int,
    session: SessionDep,
    user: CurrentUserDep,
    q: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    if q is None:
        state = exams.attempt_state(session, user.id, attempt_id)
        unanswered = [question.number for question in state.questions if question.chosen is None]
        q = unanswered[0] if unanswered else 1
    return _question_page(request, session, user.id, attempt_id, q)


def _parse_seconds(seconds: str) -> float | None:
    try:
        value = float(seconds)
    except ValueError:
        return None
    return value if 0 <= value <= 86_400 else None


@router.post("/study/attempts/{attempt_id}/answer")
def answer(
    request: Request,
    attempt_id: int,
    session: SessionDep,
    user: CurrentUserDep,
    number: Annotated[int, Form(ge=1)],
    choice: Annotated[str, Form(max_length=500)] = "",
    seconds: Annotated[str, Form(max_length=16)] = "",
    go: Annotated[str, Form(max_length=8)] = "next",
) -> Response:
    if not choice:
        return _question_page(
            request, session, user.id, attempt_id, number, error="Choose an option.", status=422
        )
    try:
        state = exams.answer_question(
            session, user.id, attempt_id, number, choice, seconds=_parse_seconds(seconds)
        )
    except InvalidInput as error:
        if error.field == "attempt":
            return render(request, "closed.html", {"attempt_id": attempt_id}, status=409)
        return _question_page(
            request, session, user.id, attempt_id, number, error=error.message, status=422
        )
    target = number if go == "stay" else min(number + 1, state.total)
    return RedirectResponse(f"/study/attempts/{attempt_id}?q={target}", status_code=303)


@router.post("/study/attempts/{attempt_id}/flag")
def flag(
    request: Request,
    attempt_id: int,
    session: SessionDep,
    user: CurrentUserDep,
    number: Annotated[int, Form(ge=1)],
    flagged: Annotated[str, Form(max_length=5)] = "true",
) -> Response:
    try:
        exams.flag_question(session, user.id, attempt_id, number, flagged=flagged == "true")
    except InvalidInput:
        return render(request, "closed.html", {"attempt_id": attempt_id}, status=409)
    return RedirectResponse(f"/study/attempts/{attempt_id}?q={number}", status_code=303)


@router.post("/study/attempts/{attempt_id}/submit")
def submit(attempt_id: int, session: SessionDep, user: CurrentUserDep) -> Response:
    exams.submit_attempt(session, user.id, attempt_id)
    return RedirectResponse(f"/study/attempts/{attempt_id}/results", status_code=303)


@router.get("/study/attempts/{attempt_id}/results", response_class=HTMLResponse)
def results(
    request: Request, attempt_id: int, session: SessionDep, user: CurrentUserDep
) -> Response:
    state = exams.attempt_state(session, user.id, attempt_id)
    if not state.submitted:
        return RedirectResponse(f"/study/attempts/{attempt_id}", status_code=303)
    result = exams.attempt_result(session, user.id, attempt_id)
    return render(
        request,
        "results.html",
        {"result": result, "letters": exams.LETTERS, "tags": MISS_TAGS, "areas": CONTENT_AREAS},
    )


@router.post("/study/attempts/{attempt_id}/tag")
def tag(
    attempt_id: int,
    session: SessionDep,
    user: CurrentUserDep,
    number: Annotated[int, Form(ge=1)],
    tag: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    exams.tag_miss(session, user.id, attempt_id, number, tag)
    return RedirectResponse(f"/study/attempts/{attempt_id}/results#q{number}", status_code=303)
