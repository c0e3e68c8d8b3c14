"""Printing for every command: JSON when asked, Rich tables otherwise, one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from medcoder.errors import InvalidInput
from medcoder.jsontext import to_json_text

JSON_HELP = "Print JSON instead of a table."


def console() -> Console:
    return Console(soft_wrap=False)


def print_json(data: Any) -> None:
    sys.stdout.write(to_json_text(data))


def emit(data: Any, *, as_json: bool, render: Callable[[Console], None]) -> None:
    """Print ``data`` as JSON, or call ``render`` to draw it for a person."""
    if as_json:
        print_json(data)
    else:
        render(console())


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    grid = Table(title=title, title_justify="left")
    for column in columns:
        grid.add_column(column)
    for row in rows:
        grid.add_row(*("—" if cell is None else str(cell) for cell in row))
    return grid


def money(value: float | None) -> str:
    return "—" if value is None else f"${value:,.0f}"


def report_invalid_input(error: InvalidInput, *, as_json: bool) -> None:
    """One clear line on stderr; with ``--json`` also an error object on stdout."""
    sys.stderr.write(f"error: {error.describe()}\n")
    if as_json:
        print_json({"error": error.to_dict()})
