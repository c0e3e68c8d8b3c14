"""The server refuses to start on a corrupt or swapped bundled data file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import medcoder
from tests.support.postgres import free_port

PACKAGE = Path(medcoder.__file__).resolve().parent


@pytest.mark.parametrize(
    ("relative", "change"),
    [
        ("oews/oews_may2025_medical_coding.csv", lambda data: data.replace(b"51140", b"61140")),
        ("bls_ep/ep_2024-34_medical_coding_extract.csv", lambda data: data[: len(data) // 2]),
    ],
    ids=["edited-figure", "truncated-file"],
)
def test_serve_refuses_to_start_on_a_bundled_file_that_fails_its_hash(
    tmp_path: Path, relative: str, change: object
) -> None:
    copy = tmp_path / "site" / "medcoder"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "data" / relative
    target.write_bytes(change(target.read_bytes()))  # type: ignore[operator]
    env = {**os.environ, "PYTHONPATH": str(copy.parent), "MEDCODER_DATA_DIR": str(tmp_path / "d")}
    completed = subprocess.run(
        [sys.executable, "-m", "medcoder", "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 3
    assert "refusing to start" in completed.stderr
    assert relative in completed.stderr
    assert "does not match" in completed.stderr
