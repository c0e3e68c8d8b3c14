"""``medcoder sources`` and ``medcoder data …``: the bundled datasets and their refresh."""

from __future__ import annotations

from pathlib import Path

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


@data_app.command("refresh")
def refresh(
    source_dir: Path = typer.Option(
        ...,
        "--from",
        help="Folder with BLS oe.data.0.Current, oe.area, oe.industry, oe.occupation.",
    ),
    out: Path | None = typer.Option(
        None, "--out", help="CSV to write (default: the bundled OEWS extract)."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Rebuild the OEWS extract from BLS flat files; print its sha256 for SOURCES.toml."""
    from medcoder.sources import data_file
    from medcoder.wages.refresh import refresh_extract

    target = out if out is not None else Path(str(data_file("oews_may2025")))
    result = refresh_extract(source_dir, target)

    def render(console: Console) -> None:
        console.print(f"wrote {result.rows} rows to {result.path}")
        console.print(f"sha256 {result.sha256}")
        console.print("update src/medcoder/data/SOURCES.toml:")
        console.print(result.sources_toml, markup=False)

    emit(result.model_dump(mode="json"), as_json=as_json, render=render)


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)
    app.add_typer(data_app, name="data")
