"""``medcoder explain TERM`` and ``medcoder ask QUESTION``: the glossary and plain-words Q&A.

Both are top-level commands. Each parses its argument, calls one function of ``medcoder.codes``
and prints the result; the glossary and the code index are imported inside the commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from medcoder.cli.output import JSON_HELP, emit

if TYPE_CHECKING:
    from rich.console import Console

    from medcoder.codes.ask import Answer
    from medcoder.codes.concepts_explain import Explanation


def explain_command(
    term: str = typer.Argument(
        ..., help='A coding term ("excludes1", "mod 59") or a code (E11.22).'
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Explain a coding concept in plain words, or the notes that govern a code."""
    from medcoder.codes.concepts_explain import explain

    explanation = explain(term)
    emit(
        explanation.model_dump(mode="json"),
        as_json=as_json,
        render=lambda out: _render_explanation(out, explanation),
    )


def _render_explanation(out: Console, explanation: Explanation) -> None:
    from rich.markdown import Markdown

    out.print(f"[bold]{explanation.title}[/bold]")
    out.print(explanation.summary)
    out.print(Markdown(explanation.body))
    if explanation.related:
        out.print(
            "See also: " + ", ".join(f"{hit.title} ({hit.url})" for hit in explanation.related)
        )


def ask_command(
    question: str = typer.Argument(..., help='A question, e.g. "can I code E11.9 with E11.65?"'),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Answer a coding question from the glossary, the codes' notes and the guidelines."""
    from medcoder.codes.ask import answer_question
    from medcoder.codes.llm import chat_client_from_settings
    from medcoder.settings import get_settings

    answer = answer_question(question, llm=chat_client_from_settings(get_settings()))
    emit(
        answer.model_dump(mode="json"),
        as_json=as_json,
        render=lambda out: _render_answer(out, answer),
    )


def _render_answer(out: Console, answer: Answer) -> None:
    from rich.markdown import Markdown

    out.print(Markdown(answer.text))
    if answer.llm_note:
        out.print(f"[yellow]{answer.llm_note}[/yellow]")
    if answer.used_llm:
        out.print("(Phrased by the configured language model from the passages below.)")
    for passage in answer.passages:
        out.print(f"[{passage.number}] {passage.title} — {passage.kind} — {passage.url}")


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)
    app.command("ask")(ask_command)
