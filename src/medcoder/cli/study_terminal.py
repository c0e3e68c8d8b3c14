"""Interactive study sessions in the terminal (Rich): exams, quizzes, flashcard review.

They read one command per line from stdin, so they run in any terminal and tests can feed them
input. Every answer is committed before the next prompt, exactly as on the web.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.panel import Panel
from sqlalchemy import select
from sqlalchemy.orm import Session

from medcoder.cli.output import console, table
from medcoder.errors import InvalidInput
from medcoder.store.tables import User
from medcoder.study import exams, practice
from medcoder.study.attempt_models import AttemptResult, AttemptState

LOCAL_USERNAME = "local"
EXAM_HELP = (
    "A–D answer · f flag · n next · p previous · g N go to · l list · s submit · q save and quit"
)
ReadLine = Callable[[], str | None]


def read_stdin_line() -> str | None:
    line = sys.stdin.readline()
    return None if line == "" else line.strip()


@contextmanager
def local_session() -> Iterator[tuple[Session, int]]:
    """A session on the configured database and the local user's id (created on first use)."""
    from medcoder.settings import get_settings
    from medcoder.store.engine import make_engine, make_session_factory
    from medcoder.store.migrate import upgrade_to_head

    engine = make_engine(get_settings().resolved_database_url())
    upgrade_to_head(engine)
    try:
        with make_session_factory(engine)() as session:
            user = session.scalar(select(User).where(User.username == LOCAL_USERNAME))
            if user is None:
                user = User(username=LOCAL_USERNAME)
                session.add(user)
                session.commit()
            yield session, user.id
    finally:
        engine.dispose()


def _clock_text(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _show_question(out: Console, state: AttemptState, number: int) -> None:
    question = state.questions[number - 1]
    flag = " [yellow]⚑ flagged[/]" if question.flagged else ""
    header = (
        f"Question {number} of {state.total} · {question.area} · "
        f"{state.answered} answered · {_clock_text(state.seconds_left)} left{flag}"
    )
    lines = [question.stem, ""]
    for letter, option in zip(exams.LETTERS, question.options, strict=True):
        mark = "●" if option == question.chosen else " "
        lines.append(f"{mark} {letter}. {option}")
    out.print(Panel("\n".join(lines), title=header, title_align="left"))


def _palette(out: Console, state: AttemptState) -> None:
    cells = []
    for question in state.questions:
        mark = "⚑" if question.flagged else ("✓" if question.chosen else "·")
        cells.append(f"{question.number:>3}{mark}")
    out.print(" ".join(cells))


def run_attempt(
    session: Session, user_id: int, attempt_id: int, *, read: ReadLine = read_stdin_line
) -> AttemptResult | None:
    """Drive one attempt until it is submitted (returns results) or the user quits (None)."""
    out = console()
    state = exams.attempt_state(session, user_id, attempt_id)
    unanswered = [q.number for q in state.questions if q.chosen is None]
    number = unanswered[0] if unanswered else 1
    out.print(f"[bold]Attempt {attempt_id}[/] · {EXAM_HELP}")
    shown_at = time.monotonic()
    while not state.submitted:
        _show_question(out, state, number)
        command = read()
        if command is None or command.lower() == "q":
            out.print(f"Saved. Resume with: medcoder exam take --resume {attempt_id}")
            return None
        word, _, rest = command.strip().partition(" ")
        key = word.lower()
        try:
            if key in {"a", "b", "c", "d"}:
                spent = time.monotonic() - shown_at
                state = exams.answer_question(
                    session, user_id, attempt_id, number, key, seconds=spent
                )
                number = min(number + 1, state.total)
                shown_at = time.monotonic()
            elif key == "f":
                flagged = not state.questions[number - 1].flagged
                state = exams.flag_question(session, user_id, attempt_id, number, flagged=flagged)
            elif key == "n":
                number = min(number + 1, state.total)
            elif key == "p":
                number = max(number - 1, 1)
            elif key == "g" and rest.strip().isdigit():
                number = min(max(int(rest), 1), state.total)
            elif key == "l":
                _palette(out, state)
            elif key == "s":
                break
            else:
                out.print(f"[red]Unknown command[/] {command!r}. {EXAM_HELP}")
        except InvalidInput as error:
            out.print(f"[red]{error.describe()}[/]")
            state = exams.attempt_state(session, user_id, attempt_id)
    return exams.submit_attempt(session, user_id, attempt_id)


def print_results(result: AttemptResult) -> None:
    out = console()
    verdict = "[green]PASS[/]" if result.passed else "[red]NOT YET[/]"
    out.print(
        f"Score: {result.correct}/{result.total} ({result.score:.0%}) {verdict} · "
        f"pass mark {result.pass_fraction:.0%} · average {result.average_seconds:.0f} s "
        f"a question (exam pace {result.target_seconds:.0f} s)"
    )
    rows = [(a.label, a.correct, a.total, f"{a.share:.0%}") for a in result.by_area]
    out.print(table("Results by content area", ["Area", "Right", "Of", "Share"], rows))
    misses = [item for item in result.items if not item.correct]
    for item in misses[:10]:
        out.print(
            f"[bold]Q{item.number}[/] you chose {item.chosen or '(blank)'}; "
            f"right: {item.question.answer}\n  {item.question.explanation}"
        )
    if len(misses) > 10:
        out.print(f"… and {len(misses) - 10} more misses: see the review page on the web.")


def review_cards(
    session: Session, user_id: int, *, deck: str | None, read: ReadLine = read_stdin_line
) -> int:
    """Review due cards: Enter shows the back, 1–4 rates it, q stops. Returns cards rated."""
    out = console()
    cards = practice.cards_to_review(session, user_id, deck=deck)
    if not cards:
        out.print("Nothing is due. Come back later.")
        return 0
    out.print(f"{len(cards)} cards to study. Enter shows the answer; 1 Again 2 Hard 3 Good 4 Easy.")
    rated = 0
    for card in cards:
        out.print(Panel(card.front, title=f"{card.deck} · {'new' if card.is_new else 'due'}"))
        if (line := read()) is None or line.lower() == "q":
            break
        out.print(Panel(card.back, title="Answer"))
        while (line := read()) is not None and line not in {"1", "2", "3", "4", "q"}:
            out.print("Rate with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); q stops.")
        if line is None or line == "q":
            break
        outcome = practice.rate_card(session, user_id, card.id, int(line), deck=card.deck)
        out.print(f"{outcome.rating_label}: next due {outcome.next_due:%Y-%m-%d %H:%M} UTC")
        rated += 1
    out.print(f"Rated {rated} cards.")
    return rated
