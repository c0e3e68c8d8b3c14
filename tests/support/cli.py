"""Run the ``medcoder`` CLI in-process, as the console script would, and capture what it prints."""

from __future__ import annotations

import pytest

from medcoder.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``medcoder ARGV...``."""
    try:
        main(list(argv))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
