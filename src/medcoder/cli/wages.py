"""``medcoder wages|rank|estimate|outlook|claims|ladder``: market pay, the estimator, the articles.

Each command parses its flags, calls one capability function and prints the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console

from medcoder.cli.output import JSON_HELP, emit, money, table

if TYPE_CHECKING:
    from medcoder.wages.market import Ranking

DEFAULT_SOC = "29-2072"
OCCUPATION_HELP = "SOC code (29-2072 medical records specialists, 29-9021, 11-9111, ...)."

rank_app = typer.Typer(help="Rank states, or metros within a state, by annual median or mean pay.")


def wages(
    occupation: str = typer.Option(DEFAULT_SOC, "--occupation", help=OCCUPATION_HELP),
    area: str | None = typer.Option(None, "--area", help="State, postal code or metro name."),
    setting: str | None = typer.Option(None, "--setting", help="Work setting (national only)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Market wages from BLS OEWS May 2025: percentiles, mean, employment, LQ."""
    from medcoder.wages.market import market_wages

    result = market_wages(occupation, area=area, setting=setting)

    def render(out: Console) -> None:
        where = result.setting.name if result.setting else result.area.name
        rows = [
            [
                label,
                money(getattr(result, f"annual_{key}")),
                _hourly(getattr(result, f"hourly_{key}")),
            ]
            for key, label in (
                ("p10", "10th percentile"),
                ("p25", "25th percentile"),
                ("median", "Median"),
                ("p75", "75th percentile"),
                ("p90", "90th percentile"),
                ("mean", "Mean"),
            )
        ]
        out.print(table(f"{result.occupation.title} — {where}", ["", "annual", "hourly"], rows))
        out.print(
            f"Employment {_count(result.employment)} (RSE {_pct(result.employment_rse)}), "
            f"wage RSE {_pct(result.wage_rse)}, "
            f"location quotient {_plain(result.location_quotient)}"
        )
        if result.setting:
            out.print(
                f"Setting {result.setting.name} = NAICS {result.setting.naics} "
                f"{result.setting.naics_title}"
            )
        for note in result.notes:
            out.print(f"[dim]{note}[/dim]")
        out.print(f"[dim]Source: {result.sources[0].publisher}, {result.sources[0].release}[/dim]")

    emit(result.to_json(), as_json=as_json, render=render)


def _hourly(value: float | None) -> str:
    return "—" if value is None else f"${value:,.2f}"


def _count(value: float | None) -> str:
    return "not released" if value is None else f"{value:,.0f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def _plain(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _print_ranking(result: Ranking, title: str, as_json: bool) -> None:
    def render(out: Console) -> None:
        rows = [
            [
                e.rank or "—",
                e.area.name,
                money(e.value),
                _count(e.employment),
                _plain(e.location_quotient),
            ]
            for e in result.areas
        ]
        columns = ["rank", "area", f"annual {result.by}", "employment", "LQ"]
        out.print(table(title, columns, rows))

    emit(result.model_dump(mode="json"), as_json=as_json, render=render)


@rank_app.command("states")
def rank_states_command(
    by: str = typer.Option("median", "--by", help="median or mean."),
    top: int | None = typer.Option(None, "--top", help="Only the N highest."),
    bottom: int | None = typer.Option(None, "--bottom", help="Only the N lowest published."),
    occupation: str = typer.Option(DEFAULT_SOC, "--occupation", help=OCCUPATION_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """States, DC and territories by annual median (or mean) pay; unpublished last."""
    from medcoder.wages.market import ranking

    result = ranking(by=by, occupation=occupation, top=top, bottom=bottom)
    _print_ranking(result, f"States by annual {by}, SOC {occupation}", as_json)


@rank_app.command("metros")
def rank_metros_command(
    state: str = typer.Option(..., "--state", help="State name or postal code, e.g. TX."),
    by: str = typer.Option("median", "--by", help="median or mean."),
    top: int | None = typer.Option(None, "--top", help="Only the N highest."),
    bottom: int | None = typer.Option(None, "--bottom", help="Only the N lowest published."),
    occupation: str = typer.Option(DEFAULT_SOC, "--occupation", help=OCCUPATION_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Metro and nonmetro areas in a state by annual median (or mean) pay."""
    from medcoder.wages.market import ranking

    result = ranking(state=state, by=by, occupation=occupation, top=top, bottom=bottom)
    _print_ranking(result, f"Areas in {state} by annual {by}, SOC {occupation}", as_json)


def estimate(
    years: float = typer.Option(0.0, "--years", help="Years of coding experience (0-50)."),
    credential: list[str] = typer.Option([], "--credential", help="Repeat: CPC, CCS, CRC, ..."),
    specialty: str | None = typer.Option(None, "--specialty", help="e.g. risk adjustment."),
    area: str | None = typer.Option(None, "--area", help="State, postal code or metro name."),
    setting: str | None = typer.Option(None, "--setting", help="Work setting, e.g. hospitals."),
    work_model: str | None = typer.Option(None, "--work-model", help="remote, hybrid or onsite."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Estimate a salary from a profile, with every factor's dollar effect and source."""
    from medcoder.wages.estimate import estimate_salary, make_profile

    profile = make_profile(
        years=years,
        credentials=credential,
        specialty=specialty,
        area=area,
        setting=setting,
        work_model=work_model,
    )
    result = estimate_salary(profile)

    def render(out: Console) -> None:
        rows = [
            [f.name, f"{'+' if f.effect > 0 and i else ''}{money(f.effect)}", f.source]
            for i, f in enumerate(result.factors)
        ]
        out.print(table("How the estimate is built", ["factor", "effect", "source"], rows))
        out.print(
            f"[bold]Estimate {money(result.median)}[/bold] "
            f"(range {money(result.low)}–{money(result.high)}) in {result.area_used.name}"
        )
        if result.fallback_note:
            out.print(f"[yellow]{result.fallback_note}[/yellow]")

    emit(result.model_dump(mode="json"), as_json=as_json, render=render)


def outlook(
    occupation: str = typer.Option(DEFAULT_SOC, "--occupation", help=OCCUPATION_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Employment Projections 2024-34, against all occupations, plus the articles' claims."""
    from medcoder.careers.outlook import outlook as get_outlook

    result = get_outlook(occupation)

    def render(out: Console) -> None:
        rows = [
            ["Employment 2024", _count(result.employment_2024)],
            ["Employment 2034", _count(result.employment_2034)],
            ["Change", f"{result.change:+,.0f} ({result.change_percent:+g}%)"],
            ["Growth", result.growth_vs_all],
            ["Openings a year", _count(result.openings_annual)],
            ["Median wage 2024", money(result.median_wage_2024)],
            ["Typical entry education", result.education or "—"],
        ]
        out.print(table(f"Outlook 2024-34: {result.title}", ["", ""], rows))
        for claim in result.claims:
            out.print(f"[dim]Article claim ({claim.id}): {claim.text}[/dim]")

    emit(result.model_dump(mode="json"), as_json=as_json, render=render)


def claims(
    topic: str | None = typer.Option(None, "--topic", help="e.g. certification, state_top."),
    article: str | None = typer.Option(None, "--article", help="Article id."),
    subject: str | None = typer.Option(None, "--subject", help="Words in the subject."),
    compare: bool = typer.Option(
        False, "--compare", help="Only claims with an official figure, side by side."
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Every figure the two seed articles publish, attributed; --compare sets them beside BLS."""
    from medcoder.wages.claims import claim_conflicts, list_articles, list_claims

    found = list_claims(topic=topic, article=article, subject=subject)
    if compare:
        ids = {claim.id for claim in found}
        comparisons = [c for c in claim_conflicts(topic=topic) if c.claim.id in ids]
        data = {"comparisons": [c.model_dump(mode="json") for c in comparisons]}
        rows = [
            [
                c.claim.id,
                c.claim.describe_value(),
                money(c.official_value) if c.official_value > 100 else f"{c.official_value:g}",
                c.verdict,
                f"{c.difference_percent:+g}%",
            ]
            for c in comparisons
        ]
        columns = ["claim", "article says", "official", "verdict", "gap"]
    else:
        data = {
            "articles": [a.model_dump(mode="json") for a in list_articles()],
            "claims": [claim.model_dump(mode="json") for claim in found],
        }
        rows = [[c.id, c.topic, c.subject, c.describe_value(), c.text] for c in found]
        columns = ["id", "topic", "subject", "figure", "what it says"]
    emit(
        data, as_json=as_json, render=lambda out: out.print(table("Article claims", columns, rows))
    )


def ladder(as_json: bool = typer.Option(False, "--json", help=JSON_HELP)) -> None:
    """The articles' career ladder and alternative careers beside matched OEWS occupations."""
    from medcoder.careers.ladder import alternative_careers, career_ladder

    rungs, others = career_ladder(), alternative_careers()
    data = {"ladder": rungs.model_dump(mode="json"), "alternatives": others.model_dump(mode="json")}

    def render(out: Console) -> None:
        columns = ["level", "title", "claimed", "years", "SOC", "OEWS median"]
        rows = [
            [
                s.level,
                s.title,
                s.claim.describe_value(),
                _years(s.years_low, s.years_high),
                s.official.soc,
                money(s.official.annual_median),
            ]
            for s in rungs.levels
        ]
        out.print(table("Career ladder (article claims vs OEWS May 2025)", columns, rows))
        rows = [
            [s.title, s.claim.describe_value(), s.official.soc, money(s.official.annual_median)]
            for s in others.careers
        ]
        out.print(table("Alternative careers", ["career", "claimed", "SOC", "OEWS median"], rows))

    emit(data, as_json=as_json, render=render)


def _years(low: float | None, high: float | None) -> str:
    if low is None:
        return "—"
    return f"{low:g}+" if high is None else f"{low:g}–{high:g}"


def register(app: typer.Typer) -> None:
    app.command("wages")(wages)
    app.add_typer(rank_app, name="rank")
    app.command("estimate")(estimate)
    app.command("outlook")(outlook)
    app.command("claims")(claims)
    app.command("ladder")(ladder)
