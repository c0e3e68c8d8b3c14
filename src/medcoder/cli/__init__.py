"""The ``medcoder`` command line: one Typer app, one module per command group.

Each group module exposes ``register(app)``; heavy imports (polars, FastAPI, the code index) stay
inside the commands so that ``medcoder --help`` and quick look-ups start fast.
"""

from __future__ import annotations

import importlib
import sys

import typer

from medcoder.cli.output import report_invalid_input
from medcoder.errors import DataIntegrityError, InvalidInput, NotFound

app = typer.Typer(
    name="medcoder",
    help="Salary and career intelligence and CPC exam prep for medical coders.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_GROUPS = (
    "medcoder.cli.wages",
    "medcoder.cli.careers",
    "medcoder.cli.codes",
    "medcoder.cli.explain",
    "medcoder.cli.study",
    "medcoder.cli.data",
    "medcoder.cli.serve",
)

for _module in COMMAND_GROUPS:
    importlib.import_module(_module).register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m medcoder``."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        app(args=args, standalone_mode=True)
    except InvalidInput as error:
        report_invalid_input(error, as_json="--json" in args)
        raise SystemExit(2) from None
    except NotFound as error:
        report_invalid_input(
            InvalidInput(error.what, f"not found: {error.key}"), as_json="--json" in args
        )
        raise SystemExit(2) from None
    except DataIntegrityError as error:
        # Refuse rather than print numbers from a file that is not the published release.
        sys.stderr.write(f"error: {error}\n")
        raise SystemExit(3) from None
