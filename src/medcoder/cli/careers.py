"""Command group registered on the root app (filled in by its capability)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    del app
