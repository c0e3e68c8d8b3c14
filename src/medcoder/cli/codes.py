"""``medcoder codes lookup|search|chapters|refresh``: ICD-10-CM FY2026, HCPCS Level II, CMS-HCC.

Each command parses its arguments, calls one function of ``medcoder.codes`` and prints the result.
The code index is imported inside the commands so ``medcoder --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from medcoder.cli.output import JSON_HELP, emit, print_json, table

if TYPE_CHECKING:
    from medcoder.codes.lookup import CodeDetail
    from medcoder.codes.search import SearchHit

codes_app = typer.Typer(
    help="Look up and search ICD-10-CM FY2026 and HCPCS Level II codes, with CMS-HCC mappings.",
    no_args_is_help=True,
)

NOTE_TITLES = (
    ("inclusion_terms", "Inclusion terms"),
    ("includes", "Includes"),
    ("excludes1", "Excludes1 (never code together)"),
    ("excludes2", "Excludes2 (may code both)"),
    ("code_first", "Code first"),
    ("use_additional_code", "Use additional code"),
    ("code_also", "Code also"),
    ("notes", "Notes"),
)


@codes_app.command("lookup")
def lookup(
    code: str = typer.Argument(
        ..., help="An ICD-10-CM or HCPCS code: E11.9, e119, S52.521A, J1100."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Everything about one code: notes, 7th characters, HCC by payment year, HCPCS details."""
    from medcoder.codes.lookup import lookup_code

    detail = lookup_code(code)
    emit(detail.model_dump(mode="json"), as_json=as_json, render=lambda out: _render(out, detail))


def _render(out: Console, detail: CodeDetail) -> None:
    billable = "billable" if detail.billable else "not billable"
    out.print(f"[bold]{detail.code}[/bold] {detail.description}  ({billable})")
    out.print(f"Code set: {detail.code_set}")
    if detail.icd10 is not None:
        record = detail.icd10
        out.print(f"Chapter {record.chapter.number}: {record.chapter.title}")
        out.print(f"Block {record.block.code_range}: {record.block.title}")
        for ancestor in record.path:
            out.print(f"  ↳ {ancestor.code} {ancestor.description}")
        for field, title in NOTE_TITLES:
            for text in getattr(record, field):
                out.print(f"{title}: {text}")
        for note in record.inherited_notes:
            out.print(f"From {note.source} — {note.kind.replace('_', ' ')}: {note.text}")
        if record.seventh_characters:
            out.print(f"7th characters (defined at {record.seventh_character_source}):")
            for char, meaning in record.seventh_characters.items():
                out.print(f"  {char}  {meaning}")
        if record.children:
            rows = [[c.code, c.description, "yes" if c.billable else "no"] for c in record.children]
            out.print(table("More specific codes", ["code", "description", "billable"], rows))
    if detail.hcpcs is not None:
        record_h = detail.hcpcs
        out.print(f"Kind: {record_h.kind}; short: {record_h.short_description}")
        out.print(f"Coverage {record_h.coverage or '—'}: {record_h.coverage_label or '—'}")
        out.print(
            f"BETOS: {record_h.betos or '—'}; added {record_h.add_date}; "
            f"effective {record_h.effective_date}; terminated {record_h.termination_date or '—'}"
        )
    if detail.hcc:
        rows = [[str(m.payment_year), m.model, m.hcc, m.label] for m in detail.hcc]
        out.print(table("Risk adjustment (HCC)", ["year", "model", "HCC", "label"], rows))


def _hits_table(query: str, hits: list[SearchHit]) -> None:
    rows = [[h.code, h.description, "yes" if h.billable else "no", h.code_set] for h in hits]
    Console(soft_wrap=False).print(
        table(f"Codes for {query!r}", ["code", "description", "billable", "set"], rows)
    )


@codes_app.command("search")
def search(
    query: str | None = typer.Argument(None, help="Words, an abbreviation or a code prefix."),
    batch: Path | None = typer.Option(
        None, "--batch", help="File with one query per line (prints one result list per line)."
    ),
    limit: int = typer.Option(10, "--limit", min=1, max=200, help="How many codes to show."),
    billable_only: bool = typer.Option(False, "--billable-only", help="Only billable codes."),
    chapter: int | None = typer.Option(None, "--chapter", help="ICD-10-CM chapter number 1–22."),
    code_set: str | None = typer.Option(None, "--code-set", help="icd10cm or hcpcs."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Search codes by words, abbreviations (HTN, CHF), lay terms ("pink eye") or code prefix."""
    from medcoder.codes.search import search_codes
    from medcoder.errors import InvalidInput

    options = {
        "limit": limit,
        "billable_only": billable_only,
        "chapter": chapter,
        "code_set": code_set,
    }
    if batch is None:
        if query is None:
            raise InvalidInput("query", "give a query, or --batch FILE with one query per line")
        hits = search_codes(query, **options)  # type: ignore[arg-type]
        data = [hit.model_dump(mode="json") for hit in hits]
        emit(data, as_json=as_json, render=lambda _out: _hits_table(query, hits))
        return
    if not batch.is_file():
        raise InvalidInput("batch", f"no such file: {batch}")
    for line in batch.read_text(encoding="utf-8").splitlines():
        hits = search_codes(line, **options)  # type: ignore[arg-type]
        if as_json:
            sys.stdout.write(
                json.dumps([hit.model_dump(mode="json") for hit in hits], ensure_ascii=False) + "\n"
            )
        else:
            _hits_table(line, hits)


@codes_app.command("chapters")
def chapters(
    number: int | None = typer.Argument(None, help="A chapter number to list its blocks."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """ICD-10-CM chapters, or the blocks of one chapter."""
    from medcoder.codes.icd10 import icd10_chapter, icd10_chapters

    if number is None:
        listing = icd10_chapters()
        rows = [[str(c.number), c.code_range, c.title] for c in listing]
        emit(
            [c.model_dump(mode="json") for c in listing],
            as_json=as_json,
            render=lambda out: out.print(
                table("ICD-10-CM chapters", ["#", "codes", "title"], rows)
            ),
        )
        return
    detail = icd10_chapter(number)
    block_rows = [[b.code_range, b.title] for b in detail.blocks]
    emit(
        detail.model_dump(mode="json"),
        as_json=as_json,
        render=lambda out: out.print(
            table(f"Chapter {detail.number}: {detail.title}", ["block", "title"], block_rows)
        ),
    )


@codes_app.command("refresh")
def refresh(
    tabular: Path | None = typer.Option(
        None, "--tabular", help="CMS ICD-10-CM tabular XML (icd10cm_tabular_YYYY.xml)."
    ),
    index: Path | None = typer.Option(
        None, "--index", help="CMS Alphabetic Index XML (icd10cm_index_YYYY.xml), optional."
    ),
    bundled: bool = typer.Option(False, "--bundled", help="Serve the bundled release again."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Load a newer ICD-10-CM release from CMS files on disk (or show which one is served)."""
    from medcoder.codes.refresh import refresh_code_set, restore_bundled, served_code_set
    from medcoder.settings import get_settings

    cache_dir = get_settings().cache_dir
    if bundled:
        info = restore_bundled(cache_dir=cache_dir)
    elif tabular is not None:
        info = refresh_code_set(tabular, alphabetic_index=index, cache_dir=cache_dir)
    else:
        info = served_code_set()
    if as_json:
        print_json(info.model_dump(mode="json"))
        return
    out = Console(soft_wrap=False)
    out.print(
        f"Serving {info.code_set} ({info.origin}): {info.codes:,} codes, "
        f"{info.billable_codes:,} billable, {info.index_terms:,} index terms."
    )


def register(app: typer.Typer) -> None:
    app.add_typer(codes_app, name="codes")
