"""Study dashboard (``/study``) and the forms that start practice exams and quizzes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcoder.errors import InvalidInput
from medcoder.study import exams, practice
from medcoder.study.blueprint import EXAM_MINUTES, EXAM_QUESTIONS, PASS_FRACTION
from medcoder.study.questions import CONTENT_AREAS
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep
from medcoder.web.pages.study_charts import line_chart
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)


def render(
    request: Request, name: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, f"study/{name}", context, status_code=status)


def _dashboard(
    request: Request,
    session: SessionDep,
    user_id: int,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    report = practice.progress_for(session, user_id)
    attempts = exams.list_attempts(session, user_id)
    chart = line_chart(
        "exam-history",
        [point.score * 100 for point in report.exams],
        target=PASS_FRACTION * 100,
        target_label=f"pass mark {PASS_FRACTION:.0%}",
        title="Practice exam scores over time",
        what="practice exam scores",
        fmt=lambda value: f"{value:.0f}%",
        y_max=100,
    )
    return render(
        request,
        "dashboard.html",
        {
            "report": report,
            "open_attempts": [a for a in attempts if a.submitted_at is None],
            "recent_attempts": [a for a in attempts if a.submitted_at is not None][:10],
            "chart": chart,
            "areas": CONTENT_AREAS,
            "exam_questions": EXAM_QUESTIONS,
            "exam_minutes": EXAM_MINUTES,
            "pass_fraction": PASS_FRACTION,
            "errors": errors or {},
            "form": form or {},
        },
        status=status,
    )


@router.get("/study", response_class=HTMLResponse)
def dashboard(request: Request, session: SessionDep, user: CurrentUserDep) -> HTMLResponse:
    return _dashboard(request, session, user.id)


@router.post("/study/exams")
def start_exam(
    request: Request,
    session: SessionDep,
    user: CurrentUserDep,
    count: Annotated[str, Form(max_length=8)] = str(EXAM_QUESTIONS),
) -> Response:
    try:
        if not count.strip().isdigit():
            raise InvalidInput("count", "type a whole number of questions")
        state = practice.create_exam(session, user.id, count=int(count))
    except InvalidInput as error:
        form = {"count": count}
        return _dashboard(
            request, session, user.id, errors={error.field: error.message}, form=form, status=422
        )
    return RedirectResponse(f"/study/attempts/{state.id}", status_code=303)


@router.post("/study/quizzes")
def start_quiz(
    request: Request,
    session: SessionDep,
    user: CurrentUserDep,
    area: Annotated[str, Form(max_length=64)] = "",
    quiz_count: Annotated[str, Form(max_length=8)] = "10",
) -> Response:
    try:
        if not quiz_count.strip().isdigit():
            raise InvalidInput("quiz_count", "type a whole number of questions")
        state = practice.create_quiz(session, user.id, area=area, count=int(quiz_count))
    except InvalidInput as error:
        field = "quiz_count" if error.field == "count" else error.field
        form = {"area": area, "quiz_count": quiz_count}
        return _dashboard(
            request, session, user.id, errors={field: error.message}, form=form, status=422
        )
    return RedirectResponse(f"/study/attempts/{state.id}", status_code=303)
