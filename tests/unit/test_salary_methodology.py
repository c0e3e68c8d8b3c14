"""The /sources page's method text: found in a wheel (packaged copy) and in a source checkout."""

from __future__ import annotations

import tomllib
from pathlib import Path

from medcoder.web.pages.salary_sources import PACKAGED_METHODOLOGY, read_methodology

ROOT = Path(__file__).resolve().parents[2]


def test_a_source_checkout_reads_docs_methodology() -> None:
    text = read_methodology()
    assert text == (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert text.startswith("# How medcoder estimates a salary")


def test_a_packaged_copy_is_preferred_when_the_package_has_one(tmp_path: Path) -> None:
    packaged = tmp_path / PACKAGED_METHODOLOGY
    packaged.parent.mkdir(parents=True)
    packaged.write_text("# Packaged method\n", encoding="utf-8")
    assert read_methodology(tmp_path) == "# Packaged method\n"


def test_the_wheel_ships_the_methodology_where_the_page_looks_for_it() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    force_include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include == {"docs/methodology.md": f"medcoder/{PACKAGED_METHODOLOGY}"}
