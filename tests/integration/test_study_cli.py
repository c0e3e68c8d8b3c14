"""The study commands: a complete exam as JSON, interactive quiz/exam fed through stdin, export."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medcoder.cli import app
from medcoder.settings import get_settings
from medcoder.study.blueprint import EXAM_BLUEPRINT, assemble_quiz

runner = CliRunner()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCODER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MEDCODER_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_exam_generate_prints_a_complete_reproducible_exam() -> None:
    first = runner.invoke(app, ["exam", "generate", "--questions", "100", "--seed", "42", "--json"])
    assert first.exit_code == 0, first.output
    exam = json.loads(first.stdout)
    questions = exam["questions"]
    assert len(questions) == 100 and exam["minutes"] == 240
    for question in questions:
        assert {"id", "area", "stem", "options", "answer", "explanation"} <= set(question)
        assert len(question["options"]) == 4 and question["answer"] in question["options"]
    assert {q["area"] for q in questions} == set(EXAM_BLUEPRINT)
    again = runner.invoke(app, ["exam", "generate", "--questions", "100", "--seed", "42", "--json"])
    assert json.loads(again.stdout) == exam


def test_an_interactive_quiz_reads_answers_from_stdin_and_prints_results() -> None:
    expected = assemble_quiz("icd10cm", 2, seed=9)
    letters = ["ABCD"[q.options.index(q.answer)] for q in expected]
    feed = f"{letters[0].lower()}\nf\n{letters[1]}\ns\n"
    result = runner.invoke(
        app, ["quiz", "--area", "icd10cm", "--questions", "2", "--seed", "9"], input=feed
    )
    assert result.exit_code == 0, result.output
    assert "Score: 2/2 (100%)" in result.stdout
    assert "ICD-10-CM" in result.stdout


def test_quitting_an_exam_saves_it_and_exam_take_resumes_it() -> None:
    quit_early = runner.invoke(
        app, ["exam", "take", "--questions", "3", "--seed", "1"], input="a\nq\n"
    )
    assert quit_early.exit_code == 0, quit_early.output
    assert "Resume with: medcoder exam take --resume 1" in quit_early.stdout
    resumed = runner.invoke(app, ["exam"], input="l\nb\ns\n")
    assert "Question 2 of 3" in resumed.stdout, "it resumes at the first unanswered question"
    assert "Score:" in resumed.stdout
    progress = json.loads(runner.invoke(app, ["progress", "--json"]).stdout)
    assert len(progress["exams"]) == 1 and progress["exams"][0]["total"] == 3
    assert sum(area["answered"] for area in progress["readiness"]) == 2


def test_cards_export_writes_an_anki_package_with_every_card(tmp_path: Path) -> None:
    out = tmp_path / "modifiers.apkg"
    result = runner.invoke(
        app, ["cards", "export", "--deck", "modifiers", "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    notes = json.loads(result.stdout)["notes"]
    with zipfile.ZipFile(out) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        assert db.execute("select count(*) from notes").fetchone() == (notes,)


def test_cards_review_rates_cards_from_stdin() -> None:
    result = runner.invoke(app, ["cards", "review", "--deck", "modifiers"], input="\n3\n\n1\nq\n")
    assert result.exit_code == 0, result.output
    assert "Good: next due" in result.stdout and "Again: next due" in result.stdout
    assert "Rated 2 cards." in result.stdout
    decks = json.loads(runner.invoke(app, ["cards", "decks", "--json"]).stdout)
    modifiers = next(deck for deck in decks if deck["deck"] == "modifiers")
    assert modifiers["new"] == modifiers["cards"] - 2
