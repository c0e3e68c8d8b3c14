"""``medcoder col``, ``medcoder plan``, ``medcoder offers`` and ``medcoder roster`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from medcoder.cli.output import JSON_HELP, emit, money, table

col_app = typer.Typer(
    help="Cost of living: BEA regional price parities 2024.", no_args_is_help=True
)
plan_app = typer.Typer(help="Career plans and certification ROI.", no_args_is_help=True)
offers_app = typer.Typer(help="Compare job offers.", no_args_is_help=True)
roster_app = typer.Typer(help="Price a roster of coders against the market.", no_args_is_help=True)


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json")


@col_app.command("compare")
def col_compare(
    amount: float = typer.Option(..., help="Dollars per year in the first area."),
    from_area: str = typer.Option(..., "--from", help="Area the amount is earned in."),
    to_area: str = typer.Option(..., "--to", help="Area to compare with."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """What AMOUNT in one area is worth in another (BEA RPP 2024)."""
    from medcoder.wages.cost_of_living import compare_purchasing_power

    result = compare_purchasing_power(amount, from_area, to_area)
    emit(_dump(result), as_json=as_json, render=lambda c: c.print(result.explanation))


@col_app.command("rpp")
def col_rpp(
    area: str = typer.Option("", help="State, metro area or 'US'."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The 2024 all-items regional price parity of an area (US = 100)."""
    from medcoder.wages.cost_of_living import area_rpp

    result = area_rpp(area)
    figure = result.rpp
    emit(
        _dump(result),
        as_json=as_json,
        render=lambda c: c.print(f"{result.area.name}: {figure.rpp:.3f} ({figure.bea_name}, 2024)"),
    )


@col_app.command("remote")
def col_remote(
    pay_area: str = typer.Option(..., help="Area whose pay scale the employer uses."),
    live_area: str = typer.Option(..., help="Area the coder lives in."),
    salary: float | None = typer.Option(None, help="Salary; default the pay area's OEWS median."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Remote arbitrage: paid on one area's scale, paying another area's prices."""
    from medcoder.wages.cost_of_living import remote_arbitrage

    result = remote_arbitrage(pay_area, live_area, salary)
    emit(_dump(result), as_json=as_json, render=lambda c: c.print(result.explanation))


def _render_plans(console: Console, results: list[Any]) -> None:
    for result in results:
        rows = [
            (r.year, r.role, money(r.low), money(r.median), money(r.high), money(r.costs),
             money(r.baseline_median), money(r.cumulative_earnings))
            for r in result.years
        ]  # fmt: skip
        console.print(
            table(
                result.name,
                ["Year", "Role", "Low", "Median", "High", "Costs", "Baseline", "Cumulative"],
                rows,
            )
        )
        console.print(
            f"NPV vs doing nothing at {result.discount_rate:.1%}: {money(result.npv_vs_baseline)}"
            f" (range {money(result.npv_low)} to {money(result.npv_high)})"
        )
        for payback in result.paybacks:
            months = (
                "never" if payback.payback_months is None else f"{payback.payback_months} months"
            )
            console.print(
                f"  {payback.credential}: +{money(payback.annual_gain)}/yr, payback {months}"
            )


@plan_app.command("simulate")
def plan_simulate(
    preset: list[str] = typer.Option([], help="A preset key (repeat to compare)."),
    file: Path | None = typer.Option(None, help="YAML file with one plan or a list of plans."),
    years: int = typer.Option(10, help="Years to simulate."),
    discount_rate: float = typer.Option(0.05, help="Yearly discount rate for the NPV."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Simulate plans year by year against doing nothing."""
    from medcoder.careers.inputs import plans_from_request
    from medcoder.careers.plans import simulate_plans

    plans = plans_from_request(presets=preset, file=file)
    comparison = simulate_plans(plans, years=years, discount_rate=discount_rate)
    emit(_dump(comparison), as_json=as_json, render=lambda c: _render_plans(c, comparison.plans))


@plan_app.command("presets")
def plan_presets(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """The ready-made plans from the articles."""
    from medcoder.careers.plan_presets import list_presets

    presets = list_presets()
    rows = [(p.key, p.name, p.description) for p in presets]
    emit(
        [_dump(p) for p in presets],
        as_json=as_json,
        render=lambda c: c.print(table("Plan presets", ["Key", "Name", "What"], rows)),
    )


def _render_offers(console: Console, comparison: Any) -> None:
    rows = [
        (o.name, o.location, money(o.total_compensation), money(o.col_adjusted_value),
         o.area_position.percentile.label, o.rank_by_col_value)
        for o in comparison.offers
    ]  # fmt: skip
    console.print(
        table("Offers", ["Offer", "Location", "Total", "COL-adjusted", "Area pct", "Rank"], rows)
    )
    console.print(f"Best after cost of living: {comparison.best_offer}")
    for item in comparison.negotiation:
        console.print(f"- [{item.offer}] {item.point} ({item.citation})", markup=False)


@offers_app.command("compare")
def offers_compare(
    file: Path | None = typer.Argument(None, help="YAML file with a list of 2–5 offers."),
    offer: list[str] = typer.Option(
        [], help='An offer as "name=A; base=52000; location=Texas" (repeat).'
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Compare job offers: total pay, cost of living, market position, negotiation brief."""
    from medcoder.careers.inputs import offers_from_request
    from medcoder.careers.offers import compare_offers

    comparison = compare_offers(offers_from_request(file=file, flags=offer))
    emit(_dump(comparison), as_json=as_json, render=lambda c: _render_offers(c, comparison))


@roster_app.command("price")
def roster_price(
    file: Path = typer.Argument(..., help="Roster CSV or XLSX."),
    out: Path | None = typer.Option(None, help="Write priced rows here (.csv, .xlsx or .json)."),
    errors: Path | None = typer.Option(None, help="Write the row-level error report here."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Price every row of a roster against OEWS market pay."""
    from rich.progress import Progress

    from medcoder.careers.roster import PricedRoster, price_roster

    with Progress(transient=True, disable=as_json) as progress:
        task = progress.add_task("Pricing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = price_roster(file, out=out, errors_out=errors, progress=advance)
    summary = result.summary if isinstance(result, PricedRoster) else result
    body = _dump(result)

    def render(console: Console) -> None:
        console.print(
            f"{summary.rows_priced:,} of {summary.rows_read:,} rows priced; "
            f"{summary.rows_with_errors:,} rows with errors; {summary.under_market:,} under "
            f"market median; {summary.below_p25:,} below the 25th percentile; "
            f"{summary.missing_data:,} without market data."
        )
        if out is not None:
            console.print(f"Wrote {out}")
        elif isinstance(result, PricedRoster) and result.errors:
            for error in result.errors[:20]:
                console.print(f"row {error['row']}, {error['column']}: {error['message']}")

    emit(body, as_json=as_json, render=render)


def register(app: typer.Typer) -> None:
    app.add_typer(col_app, name="col")
    app.add_typer(plan_app, name="plan")
    app.add_typer(offers_app, name="offers")
    app.add_typer(roster_app, name="roster")
