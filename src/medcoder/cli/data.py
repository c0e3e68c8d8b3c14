"""``medcoder sources`` and ``medcoder data …``: the bundled datasets and their refresh."""

from __future__ import annotations

import typer
from rich.console import Console

from medcoder.cli.output import JSON_HELP, emit, table
from medcoder.sources import load_sources, verify_sources

data_app = typer.Typer(help="Bundled data: verify and refresh from publishers' files.")


def sources(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """List every bundled dataset with publisher, release, licence and hash."""
    rows = [source.to_dict() for source in load_sources().values()]

    def render(out: Console) -> None:
        out.print(
            table(
                "Bundled data sources",
                ["key", "publisher", "release", "licence", "sha256"],
                [
                    [r["key"], r["publisher"], r["release"], r["licence"], r["sha256"][:12]]
                    for r in rows
                ],
            )
        )

    emit({"sources": rows}, as_json=as_json, render=render)


@data_app.command("verify")
def verify(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """Re-hash every bundled file against SOURCES.toml."""
    verify_sources()
    count = len(load_sources())
    emit(
        {"verified": count},
        as_json=as_json,
        render=lambda out: out.print(f"{count} bundled files match SOURCES.toml"),
    )


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)
    app.add_typer(data_app, name="data")
