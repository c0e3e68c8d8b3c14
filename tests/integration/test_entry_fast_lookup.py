"""``medcoder codes lookup CODE --json`` answers without the CLI framework, identically."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from medcoder.entry import main
from tests.support.cli import run_cli


@pytest.mark.parametrize("code", ["E11.9", "s52521a", "J1100", "T36.0X1A"])
def test_the_fast_path_prints_exactly_what_the_full_command_prints(
    capsys: pytest.CaptureFixture[str], code: str
) -> None:
    main(["codes", "lookup", code, "--json"])
    fast = capsys.readouterr().out
    exit_code, full, _ = run_cli(capsys, "codes", "lookup", code, "--json")
    assert exit_code == 0
    assert fast == full
    assert json.loads(fast)["code"] == json.loads(full)["code"]


def test_a_bad_code_still_gets_the_cli_error_and_exit_code_2() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "medcoder", "codes", "lookup", "E11.99", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stderr.startswith("error: code")
    assert json.loads(completed.stdout)["error"]["field"] == "code"


def test_the_fast_path_does_not_load_the_cli_framework() -> None:
    probe = (
        "import sys; from medcoder.entry import main; "
        "main(['codes', 'lookup', 'E11.9', '--json']); "
        "print('typer' in sys.modules, 'rich' in sys.modules, file=sys.stderr)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0
    assert completed.stderr.strip() == "False False"
