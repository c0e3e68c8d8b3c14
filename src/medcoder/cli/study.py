"""Study commands: ``exam``, ``quiz``, ``cards`` and ``progress``.

``exam generate`` prints a whole exam; ``exam``/``exam take``, ``quiz`` and ``cards review`` are
interactive (one command per line on stdin) and store everything in the same database as the web
app, so an exam started in the terminal can be finished in the browser and the other way round.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from medcoder.cli.output import JSON_HELP, emit, table

exam_app = typer.Typer(help="CPC practice exams (100 questions, 4 hours, 70% to pass).")
cards_app = typer.Typer(help="Flashcards: FSRS review in the terminal, Anki export.")


@exam_app.callback(invoke_without_command=True)
def exam_default(ctx: typer.Context) -> None:
    """Take a practice exam (the same as ``exam take``)."""
    if ctx.invoked_subcommand is None:
        take_exam(questions=100, seed=None, resume=None)


@exam_app.command("generate")
def generate_exam(
    questions: int = typer.Option(100, "--questions", min=1, max=300, help="Exam length."),
    seed: int = typer.Option(..., "--seed", min=0, help="Same seed, same exam."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Print a complete practice exam with answers and explanations."""
    from medcoder.study.blueprint import EXAM_MINUTES, EXAM_QUESTIONS, PASS_FRACTION
    from medcoder.study.practice import exam_questions

    drawn = exam_questions(questions, seed=seed)
    data = {
        "seed": seed,
        "count": len(drawn),
        "minutes": EXAM_MINUTES * len(drawn) / EXAM_QUESTIONS,
        "pass_fraction": PASS_FRACTION,
        "questions": [question.model_dump(mode="json") for question in drawn],
    }

    def render(out: Console) -> None:
        for number, question in enumerate(drawn, start=1):
            out.print(f"[bold]{number}. [{question.area}][/] {question.stem}")
            for letter, option in zip("ABCD", question.options, strict=True):
                out.print(f"   {letter}. {option}")
            out.print(f"   [green]Answer:[/] {question.answer}\n   {question.explanation}\n")

    emit(data, as_json=as_json, render=render)


@exam_app.command("take")
def take_exam(
    questions: int = typer.Option(100, "--questions", min=1, max=300, help="Exam length."),
    seed: int | None = typer.Option(None, "--seed", min=0, help="Same seed, same exam."),
    resume: int | None = typer.Option(None, "--resume", min=1, help="Attempt id to resume."),
) -> None:
    """Take a timed exam: answer by letter, flag, navigate, submit; resumes an open exam."""
    from medcoder.cli.study_terminal import local_session, print_results, run_attempt
    from medcoder.study import exams, practice

    with local_session() as (session, user_id):
        attempt_id = resume
        if attempt_id is None:
            open_exams = [
                summary
                for summary in exams.list_attempts(session, user_id)
                if summary.kind == "exam" and summary.submitted_at is None
            ]
            if open_exams:
                attempt_id = open_exams[0].id
            else:
                attempt_id = practice.create_exam(session, user_id, count=questions, seed=seed).id
        result = run_attempt(session, user_id, attempt_id)
        if result is not None:
            print_results(result)


def quiz(
    area: str = typer.Option(..., "--area", help="Content area key, e.g. icd10cm."),
    questions: int = typer.Option(10, "--questions", min=1, max=50, help="Quiz length."),
    seed: int | None = typer.Option(None, "--seed", min=0, help="Same seed, same quiz."),
) -> None:
    """A short interactive quiz on one content area."""
    from medcoder.cli.study_terminal import local_session, print_results, run_attempt
    from medcoder.study import practice

    with local_session() as (session, user_id):
        state = practice.create_quiz(session, user_id, area=area, count=questions, seed=seed)
        result = run_attempt(session, user_id, state.id)
        if result is not None:
            print_results(result)


@cards_app.command("review")
def review(
    deck: str | None = typer.Option(None, "--deck", help="Only this deck (default: all)."),
) -> None:
    """Review due flashcards: Enter shows the answer, 1–4 rates it, q stops."""
    from medcoder.cli.study_terminal import local_session, review_cards

    with local_session() as (session, user_id):
        review_cards(session, user_id, deck=deck)


@cards_app.command("decks")
def decks(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Decks with their card, due and new counts."""
    from medcoder.cli.study_terminal import local_session
    from medcoder.study import practice

    with local_session() as (session, user_id):
        summaries = practice.deck_overview(session, user_id)
    rows = [(s.deck, s.cards, s.due, s.new) for s in summaries]
    emit(
        [summary.model_dump(mode="json") for summary in summaries],
        as_json=as_json,
        render=lambda out: out.print(table("Decks", ["Deck", "Cards", "Due", "New"], rows)),
    )


@cards_app.command("export")
def export(
    deck: str = typer.Option(..., "--deck", help="Deck to export."),
    out: Path = typer.Option(..., "--out", help="File to write, ending in .apkg."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Export a deck to an Anki package (.apkg)."""
    from medcoder.study.anki import export_deck
    from medcoder.study.practice import deck_cards

    result = export_deck(deck, deck_cards(deck), out)
    emit(
        result.model_dump(mode="json"),
        as_json=as_json,
        render=lambda console: console.print(f"Wrote {result.notes} notes to {result.path}"),
    )


def progress(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Readiness by content area, streak, due cards and exam history."""
    from medcoder.cli.study_terminal import local_session
    from medcoder.study.practice import progress_for

    with local_session() as (session, user_id):
        report = progress_for(session, user_id)

    def render(out: Console) -> None:
        streak = report.streak
        out.print(
            f"Streak: {streak.current_days} days (longest {streak.longest_days}) · "
            f"cards due: {report.cards_due}"
        )
        rows = [
            (r.label, r.answered, "—" if r.accuracy is None else f"{r.accuracy:.0%}")
            for r in report.readiness
        ]
        out.print(table("Readiness by content area", ["Area", "Answered", "Accuracy"], rows))
        exams = [
            (e.submitted_at.date(), f"{e.correct}/{e.total}", f"{e.score:.0%}")
            for e in report.exams
        ]
        out.print(table("Exam history", ["Date", "Score", "Share"], exams))

    emit(report.model_dump(mode="json"), as_json=as_json, render=render)


def register(app: typer.Typer) -> None:
    app.add_typer(exam_app, name="exam")
    app.add_typer(cards_app, name="cards")
    app.command("quiz")(quiz)
    app.command("progress")(progress)
