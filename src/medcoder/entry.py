"""The ``medcoder`` console entry point.

``medcoder codes lookup CODE --json`` is answered here without loading the command-line framework:
coders call it from scripts, once per code, so its start-up time is the whole cost. It prints
exactly what the Typer command prints; anything else, including every error, goes to the full CLI.
"""

from __future__ import annotations

import sys


def _fast_lookup(args: list[str]) -> bool:
    if len(args) != 4 or args[:2] != ["codes", "lookup"] or args[3] != "--json":
        return False
    code = args[2]
    if code.startswith("-"):
        return False
    from medcoder.codes.lookup import lookup_code
    from medcoder.errors import InvalidInput
    from medcoder.jsontext import to_json_text

    try:
        detail = lookup_code(code)
    except InvalidInput:
        return False  # the full CLI reports it, with its exit code and error object
    sys.stdout.write(to_json_text(detail.model_dump(mode="json")))
    return True


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if _fast_lookup(args):
        return
    from medcoder.cli import main as cli_main

    cli_main(args)
