"""Practice exam attempts on SQLite and PostgreSQL: answers, resume, timing, scoring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from medcoder.errors import InvalidInput, NotFound
from medcoder.store.engine import make_engine, make_session_factory
from medcoder.study import exams
from tests.integration.study_fixtures import FakeClock, StudyStore, make_questions, open_store


@pytest.fixture
def store(database_url: str) -> Iterator[StudyStore]:
    yield from open_store(database_url)


def test_an_exam_attempt_stores_its_questions_seed_and_a_240_minute_deadline(
    store: StudyStore,
) -> None:
    clock = FakeClock()
    state = exams.start_attempt(
        store.session,
        store.user_id,
        kind="exam",
        questions=make_questions(100),
        seed=7,
        minutes=240,
        clock=clock,
    )
    assert state.total == 100
    assert state.seed == 7
    assert (state.deadline - state.started_at).total_seconds() == 240 * 60
    assert state.seconds_left == 240 * 60
    assert [q.number for q in state.questions] == list(range(1, 101))
    assert state.answered == 0


def test_answers_and_flags_survive_a_new_session_on_a_new_engine(
    store: StudyStore, database_url: str
) -> None:
    clock = FakeClock()
    state = exams.start_attempt(
        store.session,
        store.user_id,
        kind="exam",
        questions=make_questions(5),
        seed=1,
        clock=clock,
    )
    clock.advance(seconds=50)
    exams.answer_question(store.session, store.user_id, state.id, 2, "B", clock=clock)
    exams.flag_question(store.session, store.user_id, state.id, 3, flagged=True, clock=clock)

    # A "server restart": a brand-new engine and session read the attempt back.
    engine = make_engine(database_url)
    with make_session_factory(engine)() as fresh:
        resumed = exams.attempt_state(fresh, store.user_id, state.id, clock=clock)
    engine.dispose()
    assert resumed.questions[1].chosen == "right B2"
    assert resumed.questions[1].seconds_spent == 50
    assert resumed.flagged == [3]
    assert resumed.answered == 1
    assert resumed.submitted is False


def test_an_answer_after_the_deadline_is_refused_and_the_attempt_is_submitted(
    store: StudyStore,
) -> None:
    clock = FakeClock()
    state = exams.start_attempt(
        store.session,
        store.user_id,
        kind="quiz",
        questions=make_questions(2),
        seed=1,
        minutes=1,
        clock=clock,
    )
    clock.advance(seconds=30)
    exams.answer_question(store.session, store.user_id, state.id, 1, "B", clock=clock)
    clock.advance(seconds=31)
    with pytest.raises(InvalidInput) as refused:
        exams.answer_question(store.session, store.user_id, state.id, 2, "B", clock=clock)
    assert refused.value.field == "attempt"
    result = exams.attempt_result(store.session, store.user_id, state.id, clock=clock)
    assert result.correct == 1
    assert result.submitted_at == state.deadline


def test_scoring_passes_at_70_of_100_and_fails_at_69(store: StudyStore) -> None:
    for right, passed in ((70, True), (69, False)):
        clock = FakeClock()
        state = exams.start_attempt(
            store.session,
            store.user_id,
            kind="exam",
            questions=make_questions(100),
            seed=right,
            clock=clock,
        )
        for number in range(1, 101):
            choice = "B" if number <= right else "A"
            exams.answer_question(
                store.session, store.user_id, state.id, number, choice, seconds=60, clock=clock
            )
        result = exams.submit_attempt(store.session, store.user_id, state.id, clock=clock)
        assert (result.correct, result.passed) == (right, passed)
        assert result.average_seconds == 60


def test_results_split_by_area_and_tagged_misses_rank_by_cost(store: StudyStore) -> None:
    clock = FakeClock()
    questions = make_questions(3, area="icd10cm") + make_questions(2, area="anatomy")
    state = exams.start_attempt(
        store.session, store.user_id, kind="exam", questions=questions, seed=3, clock=clock
    )
    for number, choice in enumerate(["B", "A", "A", "B", "C"], start=1):
        exams.answer_question(store.session, store.user_id, state.id, number, choice, clock=clock)
    exams.submit_attempt(store.session, store.user_id, state.id, clock=clock)
    exams.tag_miss(store.session, store.user_id, state.id, 2, "lookup", clock=clock)
    exams.tag_miss(store.session, store.user_id, state.id, 3, "lookup", clock=clock)
    result = exams.tag_miss(store.session, store.user_id, state.id, 5, "careless", clock=clock)

    by_area = {score.area: (score.correct, score.total) for score in result.by_area}
    assert by_area == {"icd10cm": (1, 3), "anatomy": (1, 2)}
    assert [(cost.tag, cost.misses) for cost in result.misses_by_tag[:2]] == [
        ("lookup", 2),
        ("careless", 1),
    ]
    assert result.items[0].links[0].href == "/codes/E11.9"
    assert result.items[0].links[1].href == "/concepts/excludes1"
    with pytest.raises(InvalidInput):
        exams.tag_miss(store.session, store.user_id, state.id, 1, "lookup", clock=clock)


def test_another_users_attempt_is_not_found(store: StudyStore) -> None:
    clock = FakeClock()
    state = exams.start_attempt(
        store.session,
        store.user_id,
        kind="quiz",
        questions=make_questions(2),
        seed=1,
        clock=clock,
    )
    with pytest.raises(NotFound):
        exams.attempt_state(store.session, store.other_user_id, state.id, clock=clock)
    with pytest.raises(NotFound):
        exams.answer_question(store.session, store.other_user_id, state.id, 1, "B", clock=clock)
    assert exams.list_attempts(store.session, store.other_user_id, clock=clock) == []


def test_a_choice_must_be_a_letter_or_an_option(store: StudyStore) -> None:
    clock = FakeClock()
    state = exams.start_attempt(
        store.session,
        store.user_id,
        kind="quiz",
        questions=make_questions(1),
        seed=1,
        clock=clock,
    )
    with pytest.raises(InvalidInput) as bad:
        exams.answer_question(store.session, store.user_id, state.id, 1, "E", clock=clock)
    assert bad.value.field == "choice"
    by_text = exams.answer_question(
        store.session, store.user_id, state.id, 1, "wrong C1", clock=clock
    )
    assert by_text.questions[0].chosen == "wrong C1"
