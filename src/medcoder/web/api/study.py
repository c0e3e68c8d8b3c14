"""JSON API of the study app: exams, quizzes, lookup drills, flashcards, progress.

Every route is scoped to the current user; someone else's attempt or lookup id answers 404,
exactly as an id that does not exist.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field

from medcoder.study import drills, exams, flashcards, practice
from medcoder.study.attempt_models import AttemptResult, AttemptState, AttemptSummary
from medcoder.study.blueprint import EXAM_QUESTIONS
from medcoder.study.progress import StudyProgress
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep

router = APIRouter(prefix="/study", tags=["study"])

AttemptId = Annotated[int, Path(ge=1)]


class ExamRequest(BaseModel):
    count: int = Field(default=EXAM_QUESTIONS, ge=1, le=300, description="Number of questions")
    seed: int | None = Field(default=None, ge=0, description="Same seed, same exam")


class QuizRequest(BaseModel):
    area: str = Field(description="Content area key, e.g. icd10cm")
    count: int = Field(default=10, ge=1, le=practice.MAX_QUIZ_QUESTIONS)
    seed: int | None = Field(default=None, ge=0)


class AnswerRequest(BaseModel):
    number: int = Field(ge=1, description="Question number, from 1")
    choice: str = Field(min_length=1, max_length=500, description="A–D or the option text")
    seconds: float | None = Field(default=None, ge=0, le=86_400)


class FlagRequest(BaseModel):
    number: int = Field(ge=1)
    flagged: bool = True


class TagRequest(BaseModel):
    number: int = Field(ge=1)
    tag: str = Field(description="careless, lookup, knowledge or time")


class DrillRequest(BaseModel):
    seed: int | None = Field(default=None, ge=0)


class DrillAnswerRequest(BaseModel):
    code: str = Field(min_length=1, max_length=32)


class ReviewRequest(BaseModel):
    card_id: str = Field(min_length=1, max_length=128)
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy")
    deck: str | None = None
    duration_ms: int | None = Field(default=None, ge=0)


class StudySettings(BaseModel):
    desired_retention: float = Field(ge=0.70, le=0.99)


@router.post("/exams", status_code=201)
def create_exam(body: ExamRequest, session: SessionDep, user: CurrentUserDep) -> AttemptState:
    return practice.create_exam(session, user.id, count=body.count, seed=body.seed)


@router.post("/quizzes", status_code=201)
def create_quiz(body: QuizRequest, session: SessionDep, user: CurrentUserDep) -> AttemptState:
    return practice.create_quiz(session, user.id, area=body.area, count=body.count, seed=body.seed)


@router.get("/attempts")
def list_attempts(session: SessionDep, user: CurrentUserDep) -> list[AttemptSummary]:
    return exams.list_attempts(session, user.id)


@router.get("/attempts/{attempt_id}")
def get_attempt(attempt_id: AttemptId, session: SessionDep, user: CurrentUserDep) -> AttemptState:
    return exams.attempt_state(session, user.id, attempt_id)


@router.post("/attempts/{attempt_id}/answers")
def answer(
    attempt_id: AttemptId, body: AnswerRequest, session: SessionDep, user: CurrentUserDep
) -> AttemptState:
    return exams.answer_question(
        session, user.id, attempt_id, body.number, body.choice, seconds=body.seconds
    )


@router.post("/attempts/{attempt_id}/flags")
def flag(
    attempt_id: AttemptId, body: FlagRequest, session: SessionDep, user: CurrentUserDep
) -> AttemptState:
    return exams.flag_question(session, user.id, attempt_id, body.number, flagged=body.flagged)


@router.post("/attempts/{attempt_id}/submit")
def submit(attempt_id: AttemptId, session: SessionDep, user: CurrentUserDep) -> AttemptResult:
    return exams.submit_attempt(session, user.id, attempt_id)


@router.get("/attempts/{attempt_id}/results")
def results(attempt_id: AttemptId, session: SessionDep, user: CurrentUserDep) -> AttemptResult:
    return exams.attempt_result(session, user.id, attempt_id)


@router.post("/attempts/{attempt_id}/tags")
def tag(
    attempt_id: AttemptId, body: TagRequest, session: SessionDep, user: CurrentUserDep
) -> AttemptResult:
    return exams.tag_miss(session, user.id, attempt_id, body.number, body.tag)


@router.post("/drills", status_code=201)
def start_drill(
    body: DrillRequest, session: SessionDep, user: CurrentUserDep
) -> drills.DrillLookup:
    return practice.start_drill(session, user.id, seed=body.seed)


@router.get("/drills")
def drill_history(session: SessionDep, user: CurrentUserDep) -> drills.DrillHistory:
    return drills.drill_history(session, user.id)


@router.get("/drills/{lookup_id}")
def get_drill(
    lookup_id: AttemptId, session: SessionDep, user: CurrentUserDep
) -> drills.DrillLookup:
    return drills.get_lookup(session, user.id, lookup_id)


@router.post("/drills/{lookup_id}/answer")
def answer_drill(
    lookup_id: AttemptId, body: DrillAnswerRequest, session: SessionDep, user: CurrentUserDep
) -> drills.DrillLookup:
    return drills.answer_lookup(session, user.id, lookup_id, body.code)


@router.get("/decks")
def decks(session: SessionDep, user: CurrentUserDep) -> list[flashcards.DeckSummary]:
    return practice.deck_overview(session, user.id)


@router.get("/due")
def due(
    session: SessionDep,
    user: CurrentUserDep,
    deck: Annotated[str | None, Query(max_length=64)] = None,
) -> list[flashcards.DueCard]:
    return practice.cards_to_review(session, user.id, deck=deck)


@router.get("/decks/{deck}/export", response_class=Response)
def export_deck(deck: str) -> Response:
    from medcoder.study.anki import deck_package_bytes

    body = deck_package_bytes(deck, practice.deck_cards(deck))
    return Response(
        body,
        media_type="application/octet-stream",
        headers={"content-disposition": f'attachment; filename="medcoder-{deck}.apkg"'},
    )


@router.post("/reviews")
def review(
    body: ReviewRequest, session: SessionDep, user: CurrentUserDep
) -> flashcards.ReviewOutcome:
    return practice.rate_card(
        session, user.id, body.card_id, body.rating, deck=body.deck, duration_ms=body.duration_ms
    )


@router.get("/settings")
def get_settings(session: SessionDep, user: CurrentUserDep) -> StudySettings:
    return StudySettings(desired_retention=flashcards.get_desired_retention(session, user.id))


@router.put("/settings")
def put_settings(body: StudySettings, session: SessionDep, user: CurrentUserDep) -> StudySettings:
    value = flashcards.set_desired_retention(session, user.id, body.desired_retention)
    return StudySettings(desired_retention=value)


@router.get("/progress")
def progress(session: SessionDep, user: CurrentUserDep) -> StudyProgress:
    return practice.progress_for(session, user.id)
