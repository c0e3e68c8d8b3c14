"""Hostile uploaded files and output paths: bad encodings, spreadsheet formulas, traversal.

Roster files arrive through the API, the roster page and the CLI; each face must refuse a bad file
naming it, neutralise cells a spreadsheet would run as formulas in every output (CSV, XLSX and the
error report), and never use a file name it was given as a path on the server.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from medcoder.settings import Settings
from tests.integration.hostile_support import MARKET_ROW, csrf_from, error_of
from tests.support.cli import run_cli

FORMULA_START = ("=", "+", "-", "@")


@pytest.mark.parametrize("face", ["api", "page", "cli"])
def test_an_uploaded_csv_that_is_not_utf8_is_refused_naming_the_file(
    client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path, face: str
) -> None:
    data = b"id,title,area,salary\n1,Codeur m\xe9dical,TX,50000\n"
    if face == "cli":
        path = tmp_path / "latin1.csv"
        path.write_bytes(data)
        code, _, err = run_cli(capsys, "roster", "price", str(path))
        assert code == 2 and err.startswith("error: file:") and "UTF-8" in err
        return
    if face == "api":
        response = client.post("/api/v1/roster/price", files={"file": ("r.csv", data)})
        assert response.status_code == 422
        assert error_of(response)["field"] == "file"
        assert "UTF-8" in error_of(response)["message"]
        return
    token = csrf_from(client, "/roster")
    response = client.post("/roster", data={"csrf_token": token}, files={"file": ("r.csv", data)})
    assert response.status_code == 422 and "not UTF-8" in response.text


# --- CSV formula injection in roster outputs ------------------------------------------------

INJECTED = (
    'id,title,area,salary,=HYPERLINK("http://x")\n'
    f"=1+1,{MARKET_ROW},@SUM(A1)\n"
    f"+2,{MARKET_ROW},-3\n"
    "@4,Medical Records Specialists,TX,=9*9,x\n"
).encode()


def assert_no_formulas(cells: list[str]) -> None:
    dangerous = [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert dangerous == []
    assert "'=1+1" in cells and "'@SUM(A1)" in cells and "'-3" in cells


def csv_cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode())) for cell in row]


def xlsx_cells(data: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    return [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_cells_and_headers_are_neutralised_in_api_downloads(
    client: TestClient, kind: str
) -> None:
    response = client.post(
        f"/api/v1/roster/price?format={kind}", files={"file": ("r.csv", INJECTED)}
    )
    assert response.status_code == 200
    cells = csv_cells(response.content) if kind == "csv" else xlsx_cells(response.content)
    assert_no_formulas(cells)
    assert '\'=HYPERLINK("http://x")' in cells


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_in_page_downloads(client: TestClient, kind: str) -> None:
    token = csrf_from(client, "/roster")
    response = client.post(
        "/roster", data={"csrf_token": token, "output": kind}, files={"file": ("r.csv", INJECTED)}
    )
    assert response.status_code == 200
    cells = csv_cells(response.content) if kind == "csv" else xlsx_cells(response.content)
    assert_no_formulas(cells)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_formula_cells_are_neutralised_in_cli_outputs_and_error_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(INJECTED)
    out, errors = tmp_path / f"priced.{kind}", tmp_path / f"errors.{kind}"
    code, _, err = run_cli(
        capsys, "roster", "price", str(source), "--out", str(out), "--errors", str(errors)
    )
    assert code == 0, err
    read = csv_cells if kind == "csv" else xlsx_cells
    assert_no_formulas(read(out.read_bytes()))
    # Row 4's salary "=9*9" is refused, and the report quotes it harmlessly.
    report = read(errors.read_bytes())
    assert "'=9*9" in report and not any(cell.startswith(FORMULA_START) for cell in report)


# --- path traversal in file names -----------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../../../medcoder-evil.csv", "..\\..\\medcoder-evil.csv", "/tmp/medcoder-evil.csv"]
)
def test_an_uploaded_files_name_is_never_used_as_a_server_path(
    client: TestClient, settings: Settings, name: str
) -> None:
    data_dir = Path(settings.data_dir)
    before = sorted(p.name for p in data_dir.rglob("*"))
    roster = f"id,title,area,salary\n1,{MARKET_ROW}\n".encode()
    response = client.post("/api/v1/roster/price", files={"file": (name, roster)})
    assert response.status_code == 200
    assert response.json()["summary"]["rows_priced"] == 1
    assert sorted(p.name for p in data_dir.rglob("*")) == before
    assert not Path("/tmp/medcoder-evil.csv").exists()


def test_an_upload_named_like_a_system_file_is_refused_by_its_extension(
    client: TestClient,
) -> None:
    response = client.post("/api/v1/roster/price", files={"file": ("../../etc/passwd", b"x")})
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "file" and "'passwd'" in error["message"]
    assert "/etc" not in error["message"]


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["roster", "price", "{roster}", "--out", "../no-such-dir/x.csv"], "out"),
        (["roster", "price", "{roster}", "--out", "/dev/null/x.csv"], "out"),
        (["roster", "price", "{roster}", "--errors", "{tmp}/missing/e.csv", "--out", "o.csv"],
         "errors"),
        (["roster", "price", "{roster}", "--out", "{tmp}"], "out"),
        (["cards", "export", "--deck", "modifiers", "--out", "/dev/null/x.apkg"], "out"),
        (["cards", "export", "--deck", "../../etc", "--out", "x.apkg"], "deck"),
    ],
    ids=["out-up-the-tree", "out-under-a-file", "errors-missing-folder", "out-is-a-folder",
         "apkg-under-a-file", "deck-traversal"],
)  # fmt: skip
def test_cli_output_paths_that_cannot_be_written_exit_2_naming_the_option(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    field: str,
) -> None:
    roster = tmp_path / "in.csv"
    roster.write_text(f"id,title,area,salary\n1,{MARKET_ROW}\n")
    monkeypatch.chdir(tmp_path)
    args = [arg.format(roster=roster, tmp=tmp_path) for arg in argv]
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert err.startswith(f"error: {field}:")
    assert not (tmp_path.parent / "no-such-dir").exists()


@pytest.mark.parametrize("command", [["offers", "compare"], ["plan", "simulate", "--file"]])
@pytest.mark.parametrize("content", ["deep", "folder"])
def test_a_plan_or_offer_file_that_cannot_be_read_exits_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], content: str
) -> None:
    path = tmp_path
    if content == "deep":
        path = tmp_path / "deep.yaml"
        path.write_text("[" * 10_000 + "]" * 10_000)
    code, _, err = run_cli(capsys, *command, str(path))
    assert code == 2
    assert err.startswith("error: file:")
    assert ("nested too deeply" if content == "deep" else "Is a directory") in err
