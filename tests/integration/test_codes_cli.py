"""``medcoder codes ...`` end to end: the JSON contract, batch search, errors, and refresh."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import run_cli as run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "icd10_refresh"


def test_lookup_json_has_every_field_of_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "codes", "lookup", "e119", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["code"], data["billable"], data["kind"]) == ("E11.9", True, "icd10cm")
    assert data["code_set"] == "ICD-10-CM FY2026, April 1, 2026 update"
    record = data["icd10"]
    for field in (
        "chapter", "block", "path", "children", "inclusion_terms", "includes", "excludes1",
        "excludes2", "code_first", "use_additional_code", "code_also", "notes",
        "seventh_characters", "seventh_character_note", "code_set",
    ):  # fmt: skip
        assert field in record
    assert {(m["model"], m["hcc"]) for m in data["hcc"] if m["payment_year"] == 2026} >= {
        ("CMS-HCC Model V24", "HCC19"),
        ("CMS-HCC Model V28", "HCC38"),
    }


def test_lookup_prints_notes_and_hcc_for_a_person(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "codes", "lookup", "J44.9")
    assert code == 0
    assert "J44.9" in out and "HCC280" in out
    assert "From J44 — code also: type of asthma, if applicable (J45.-)" in out


def test_a_bad_code_exits_2_naming_the_nearest_valid_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "codes", "lookup", "E11.99", "--json")
    assert code == 2
    assert err.startswith("error: code:") and "E11.9" in err
    assert json.loads(out)["error"]["suggestions"] == ["E11.9"]


def test_search_json_is_an_array_in_rank_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "codes", "search", "heart attack", "--limit", "3", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert len(hits) == 3
    assert hits[0]["code"] == "I21.9"
    assert {"code", "description", "billable", "code_set"} <= set(hits[0])


def test_batch_search_prints_one_array_per_query_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("htn\npink eye\n\nS52.5\n")
    code, out, err = run(capsys, "codes", "search", "--batch", str(batch), "--limit", "2", "--json")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 4
    results = [json.loads(line) for line in lines]
    assert results[0][0]["code"] == "I10"
    assert results[1][0]["code"] == "H10.30"
    assert results[2] == []
    assert results[3][0]["code"] == "S52.5"


def test_search_filters_and_bad_code_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys, "codes", "search", "walker", "--code-set", "hcpcs", "--billable-only", "--json"
    )
    assert code == 0
    assert all(hit["code_set"] == "hcpcs" and hit["billable"] for hit in json.loads(out))
    code, _out, err = run(capsys, "codes", "search", "walker", "--code-set", "cpt")
    assert code == 2 and "code_set" in err


def test_chapters_list_and_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "codes", "chapters", "--json")
    assert code == 0 and len(json.loads(out)) == 22
    code, out, _err = run(capsys, "codes", "chapters", "19", "--json")
    assert code == 0
    assert json.loads(out)["blocks"][0]["code_range"] == "S00-S09"


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of its own, so a refresh here never changes what other tests see."""
    from medcoder.codes.refresh import _forget_open_indexes
    from medcoder.settings import get_settings

    monkeypatch.setenv("MEDCODER_CACHE_DIR", str(tmp_path))
    get_settings.cache_clear()
    _forget_open_indexes()
    yield tmp_path
    monkeypatch.delenv("MEDCODER_CACHE_DIR")
    get_settings.cache_clear()
    _forget_open_indexes()


def test_refresh_serves_a_newer_release_and_its_index_terms_become_searchable(
    capsys: pytest.CaptureFixture[str], own_cache: Path
) -> None:
    code, out, err = run(
        capsys,
        "codes", "refresh",
        "--tabular", str(FIXTURES / "icd10cm_tabular_2027.xml"),
        "--index", str(FIXTURES / "icd10cm_index_2027.xml"),
        "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["fiscal_year"] == "2027"
    code, out, _err = run(capsys, "codes", "lookup", "E11.Z", "--json")
    assert code == 0
    assert json.loads(out)["code_set"].startswith("ICD-10-CM FY2027")
    code, out, _err = run(capsys, "codes", "search", "zebra stripe", "--json")
    assert json.loads(out)[0]["code"] == "E11.Z"
    code, out, _err = run(capsys, "codes", "refresh")
    assert "FY2027" in out and "refreshed" in out
    code, out, _err = run(capsys, "codes", "refresh", "--bundled", "--json")
    assert json.loads(out)["code_set"] == "ICD-10-CM FY2026, April 1, 2026 update"
