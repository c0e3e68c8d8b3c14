"""The col, plan, offers and roster commands: JSON, tables and one-line errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import run_cli as run

ROSTER = Path(__file__).resolve().parents[1] / "fixtures" / "roster"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_col_compare_prints_the_sentence_and_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "col", "compare", "--amount", "50000", "--from", "Texas", "--to",
                       "California")  # fmt: skip
    assert code == 0 and "$57,039" in out
    data = run_json(capsys, "col", "compare", "--amount", "50000", "--from", "TX", "--to", "CA")
    assert data["equivalent"] == pytest.approx(57_038.65, abs=0.01)


def test_col_compare_unknown_area_exits_2_naming_the_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "col", "compare", "--amount", "1", "--from", "Narnia", "--to",
                         "CA", "--json")  # fmt: skip
    assert code == 2
    assert err.startswith("error: from_area:")
    assert json.loads(out)["error"]["field"] == "from_area"


def test_col_rpp_and_remote(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "col", "rpp", "--area", "Texas")["rpp"]["rpp"] == 97.057
    remote = run_json(capsys, "col", "remote", "--pay-area", "CA", "--live-area", "MS",
                      "--salary", "60000")  # fmt: skip
    assert remote["equivalent_in_pay_area"] == pytest.approx(76_399.89, abs=0.01)


def test_plan_presets_and_simulate(capsys: pytest.CaptureFixture[str]) -> None:
    keys = [p["key"] for p in run_json(capsys, "plan", "presets")]
    assert "inpatient-ccs" in keys
    data = run_json(capsys, "plan", "simulate", "--preset", "risk-adjustment", "--preset",
                    "cdi-move", "--years", "5", "--discount-rate", "0.04")  # fmt: skip
    assert [len(p["years"]) for p in data["plans"]] == [5, 5]
    assert data["discount_rate"] == 0.04
    code, out, _ = run(capsys, "plan", "simulate", "--preset", "risk-adjustment")
    assert code == 0 and "NPV vs doing nothing" in out and "payback" in out


def test_plan_simulate_reads_a_yaml_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "name: Mine\nstart: {years: 2, credentials: [CPC]}\n"
        "steps:\n  - {year: 2, action: move_role, role: auditor}\n",
        encoding="utf-8",
    )
    data = run_json(capsys, "plan", "simulate", "--file", str(plan))
    assert data["plans"][0]["years"][1]["role"] == "Coding auditor"


def test_plan_simulate_bad_step_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: X\nstart: {years: 1}\nsteps: [{year: 1, action: fly}]\n", "utf-8")
    code, _, err = run(capsys, "plan", "simulate", "--file", str(plan))
    assert code == 2 and "plans.0.steps.0.action" in err
    code, _, err = run(capsys, "plan", "simulate")
    assert code == 2 and "preset" in err


def test_offers_compare_from_flags(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "offers", "compare",
                    "--offer", "name=A; base=50000; location=Texas; setting=hospitals",
                    "--offer", "name=B; base=56000; location=MS; work_model=remote")  # fmt: skip
    assert data["best_offer"] == "B"
    code, out, _ = run(capsys, "offers", "compare", "--offer", "name=A;base=50000;location=TX",
                       "--offer", "name=B;base=52000;location=TX")  # fmt: skip
    assert code == 0 and "Best after cost of living: B" in out


def test_offers_compare_bad_value_names_the_offer_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "offers", "compare", "--offer", "name=A;base=lots",
                       "--offer", "name=B;base=5")  # fmt: skip
    assert code == 2 and "offer.0.base" in err


def test_roster_price_writes_the_file_and_the_error_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out, errors = tmp_path / "priced.xlsx", tmp_path / "errors.csv"
    summary = run_json(capsys, "roster", "price", str(ROSTER / "problems.csv"), "--out", str(out),
                       "--errors", str(errors))  # fmt: skip
    assert (summary["rows_read"], summary["rows_priced"]) == (10, 1)
    assert out.exists()
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 1 + 9


def test_roster_price_bad_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "roster", "price", str(ROSTER / "latin1.csv"))
    assert code == 2 and "not UTF-8" in err
