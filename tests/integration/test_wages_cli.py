"""The wages commands end to end: JSON output, tables, and one-line errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run_cli as run

SAMPLE = Path(__file__).parent.parent / "fixtures" / "oews_flat"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_wages_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "wages")
    for key in (
        "occupation", "area", "setting", "employment", "annual_mean", "annual_p10",
        "annual_p25", "annual_median", "annual_p75", "annual_p90", "hourly_median", "sources",
    ):  # fmt: skip
        assert key in data
    assert (data["annual_median"], data["annual_mean"], data["employment"]) == (
        51140,
        56790,
        194720,
    )


def test_wages_table_shows_the_median_for_a_person(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "wages", "--area", "Texas")
    assert code == 0
    assert "$48,860" in out and "Texas" in out


def test_wages_by_setting(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "wages", "--setting", "hospitals")
    assert data["annual_mean"] == 61920


def test_rank_states_top_three(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "rank", "states", "--top", "3")
    areas = data["areas"]
    assert isinstance(areas, list)
    assert [a["area"]["name"] for a in areas] == ["District of Columbia", "Rhode Island", "Hawaii"]


def test_rank_metros_in_a_state(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rank", "metros", "--state", "NH", "--by", "mean")
    assert code == 0 and "Manchester-Nashua, NH" in out


def test_estimate_json_lists_factors_with_effects_and_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = run_json(
        capsys, "estimate", "--years", "5", "--credential", "CPC", "--credential", "CRC",
        "--specialty", "risk adjustment", "--area", "Texas", "--setting", "hospitals",
        "--work-model", "remote",
    )  # fmt: skip
    assert {"low", "median", "high", "factors", "sources"} <= set(data)
    factors = data["factors"]
    assert isinstance(factors, list)
    assert all({"name", "effect", "source"} <= set(f) for f in factors)
    assert sum(f["effect"] for f in factors) == data["median"]


def test_outlook_claims_and_ladder_answer_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "outlook")["openings_annual"] == 14200
    claims = run_json(capsys, "claims", "--topic", "commute_savings")["claims"]
    assert isinstance(claims, list) and claims[0]["value_high"] == 8000
    compared = run_json(capsys, "claims", "--compare", "--topic", "national_overview")
    assert compared["comparisons"]
    ladder = run_json(capsys, "ladder")["ladder"]
    assert isinstance(ladder, dict) and len(ladder["levels"]) == 7


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["wages", "--area", "Atlantis"], "area"),
        (["wages", "--occupation", "15-1252"], "occupation"),
        (["wages", "--setting", "moon base"], "setting"),
        (["wages", "--area", "TX", "--setting", "hospitals"], "setting"),
        (["rank", "states", "--by", "mode"], "by"),
        (["rank", "states", "--top", "0"], "top"),
        (["rank", "metros", "--state", "Boston"], "state"),
        (["estimate", "--years", "-2"], "years"),
        (["estimate", "--years", "120"], "years"),
        (["estimate", "--credential", "CPX"], "credentials"),
        (["estimate", "--setting", "moon base"], "setting"),
        (["estimate", "--area", "Atlantis"], "area"),
        (["estimate", "--specialty", "dentistry"], "specialty"),
        (["estimate", "--work-model", "moon"], "work_model"),
        (["outlook", "--occupation", "99-9999"], "occupation"),
        (["claims", "--topic", "gossip"], "topic"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(
    capsys: pytest.CaptureFixture[str], argv: list[str], field: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"error: {field}:")
    assert out == ""
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 2
    assert json.loads(out)["error"]["field"] == field


def test_data_refresh_rebuilds_the_sample_and_prints_the_hash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "oews.csv"
    data = run_json(capsys, "data", "refresh", "--from", str(SAMPLE), "--out", str(target))
    assert data["rows"] == 7 and target.is_file()
    assert f'sha256 = "{data["sha256"]}"' in str(data["sources_toml"])


def test_data_refresh_from_a_folder_without_flat_files_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "data", "refresh", "--from", str(tmp_path), "--out", str(tmp_path / "x")
    )
    assert code == 2 and err.startswith("error: from:")
