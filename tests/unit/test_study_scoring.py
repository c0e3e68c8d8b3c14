"""Pure study rules: the pass mark, miss-tag costs, page links, streaks, readiness windows."""

from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from medcoder.errors import InvalidInput
from medcoder.study.anki import export_deck, stable_id
from medcoder.study.progress import streak_from_days
from medcoder.study.scoring import check_miss_tag, page_links, passes, tag_costs


def test_seventy_percent_passes_and_one_less_fails() -> None:
    assert passes(70, 100)
    assert not passes(69, 100)
    assert passes(7, 10)
    assert not passes(0, 0)


def test_the_costliest_miss_tag_comes_first() -> None:
    costs = tag_costs(["time", "lookup", "time", None, "time"])
    assert (costs[0].tag, costs[0].misses, costs[0].share_of_tagged) == ("time", 3, 0.75)
    assert {cost.tag for cost in costs} == {"careless", "lookup", "knowledge", "time"}


def test_an_unknown_miss_tag_lists_the_allowed_ones() -> None:
    with pytest.raises(InvalidInput) as error:
        check_miss_tag("sleepy")
    assert error.value.allowed == ["careless", "lookup", "knowledge", "time"]


def test_links_point_to_code_and_concept_pages() -> None:
    links = page_links(["icd10:E11.9", "hcpcs:J1100", "concept:code-first", "nonsense"])
    assert [link.href for link in links] == ["/codes/E11.9", "/codes/J1100", "/concepts/code-first"]


def test_a_streak_survives_until_today_is_over() -> None:
    today = date(2026, 3, 10)
    days = [today - timedelta(days=n) for n in (1, 2, 3, 7, 8)]
    streak = streak_from_days(days, today=today)
    assert (streak.current_days, streak.longest_days, streak.active_days) == (3, 3, 5)
    assert streak_from_days(days, today=today + timedelta(days=1)).current_days == 0


@dataclass(frozen=True)
class SampleCard:
    id: str
    deck: str
    front: str
    back: str
    links: tuple[str, ...] = ()


def test_an_exported_deck_opens_as_an_anki_package_with_every_note(tmp_path: Path) -> None:
    cards = [
        SampleCard(f"m-{n}", "modifiers", f"Modifier <{n}>", f"meaning {n}") for n in range(12)
    ]
    export = export_deck("modifiers", cards, tmp_path / "modifiers.apkg")
    with zipfile.ZipFile(export.path or "") as package:
        assert "collection.anki2" in package.namelist()
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        assert db.execute("select count(*) from notes").fetchone() == (12,)
        fields = db.execute("select flds from notes order by id").fetchall()
    assert "Modifier &lt;0&gt;" in fields[0][0]
    assert export.deck_id == stable_id("deck", "modifiers") != stable_id("deck", "anatomy")
    assert 2**30 <= export.deck_id < 2**31
