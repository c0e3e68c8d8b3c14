"""Salary pages: overview, work settings and credentials (plus what every salary page shares).

The other salary page groups live beside this module: ``salary_places`` (states and metros),
``salary_estimate``, ``salary_careers`` and ``salary_sources``. Each route calls the wages
capability and renders; no wage figure is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from medcoder.web.charts import Band, Bar, bar_chart, money, money_short, percentile_bands
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)


def count(value: float | None) -> str:
    """``194720.0`` → ``194,720``; unpublished → ``n/a``."""
    return "n/a" if value is None else f"{value:,.0f}"


def number(value: float | None, places: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{places}f}"


def sort_key(value: float | None) -> str:
    """The ``data-sort`` value the table script sorts by (empty = unpublished, sorted last)."""
    return "" if value is None else f"{value:g}"


def hourly(value: float | None) -> str:
    return "n/a" if value is None else f"${value:,.2f}"


def article_title(article_id: str) -> str:
    from medcoder.wages.claims import article_title as title

    return title(article_id)


templates.env.filters.update(
    usd=money,
    usd_short=money_short,
    usd_hourly=hourly,
    count=count,
    number=number,
    sort_key=sort_key,
    article_title=article_title,
)


def render(
    request: Request, name: str, context: Mapping[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, dict(context), status_code=status_code)


def not_found(request: Request, what: str, key: str, *, back: str, back_label: str) -> HTMLResponse:
    context = {"what": what, "key": key, "back": back, "back_label": back_label}
    return render(request, "salary/not_found.html", context, status_code=404)


def wage_band(label: str, wages: Any) -> Band:
    """A chart row from anything with the MarketWages annual percentile fields."""
    return Band(
        label=label,
        p10=wages.annual_p10,
        p25=wages.annual_p25,
        median=wages.annual_median,
        p75=wages.annual_p75,
        p90=wages.annual_p90,
    )


def claim_groups(claims: list[Any]) -> list[dict[str, Any]]:
    """Claims about the same subject side by side; ``conflict`` when they give different figures."""
    groups: dict[str, list[Any]] = {}
    for claim in claims:
        groups.setdefault(claim.subject.casefold(), []).append(claim)
    return [
        {
            "subject": members[0].subject,
            "claims": members,
            "articles": {claim.article for claim in members},
            "conflict": len({claim.describe_value() for claim in members}) > 1,
        }
        for members in groups.values()
    ]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    return render(request, "salary/overview.html", _overview_context())


# Figures from the bundled release never change while the server runs: work them out once.
@lru_cache(maxsize=1)
def _overview_context() -> dict[str, Any]:
    from medcoder.careers.outlook import outlook
    from medcoder.wages.claims import claim_conflicts, list_claims
    from medcoder.wages.market import market_wages

    nation = market_wages()
    chart = percentile_bands(
        "national-band",
        [wage_band("United States, all industries", nation)],
        title="Annual wage percentiles of medical records specialists, May 2025",
    )
    comparisons = [
        *claim_conflicts(topic="national_overview"),
        *claim_conflicts(topic="third_party"),
        *claim_conflicts(topic="outlook"),
    ]
    return {
        "wages": nation,
        "chart": chart,
        "outlook": outlook(),
        "comparisons": comparisons,
        "experience": claim_groups(list_claims(topic="experience")),
        "drivers": list_claims(topic="outlook", subject="drivers"),
    }


@router.get("/settings", response_class=HTMLResponse)
def work_settings(request: Request) -> HTMLResponse:
    return render(request, "salary/settings.html", _work_settings_context())


@lru_cache(maxsize=1)
def _work_settings_context() -> dict[str, Any]:
    from medcoder.wages.claims import list_claims
    from medcoder.wages.market import market_wages, setting_wages

    nation = market_wages()
    rows = sorted(setting_wages(), key=lambda w: -(w.annual_median or 0))
    bars = [Bar("All industries (national)", nation.annual_median, highlight=True)]
    bars += [Bar(w.setting.name if w.setting else w.industry_name, w.annual_median) for w in rows]
    chart = bar_chart(
        "settings-bars",
        bars,
        title="Annual median wage by work setting, May 2025",
        what="annual median wage of medical records specialists by work setting",
    )
    claims: dict[str, list[Any]] = {}
    for claim in list_claims(topic="work_setting"):
        claims.setdefault(claim.setting or "", []).append(claim)
    return {"nation": nation, "rows": rows, "chart": chart, "claims": claims}


@router.get("/credentials", response_class=HTMLResponse)
def credentials(request: Request) -> HTMLResponse:
    return render(request, "salary/credentials.html", _credentials_context())


@lru_cache(maxsize=1)
def _credentials_context() -> dict[str, Any]:
    from medcoder.wages.claims import list_articles, list_claims

    sections = [
        ("specialty", "Pay by specialty", claim_groups(list_claims(topic="specialty"))),
        ("certification", "Pay by credential", claim_groups(list_claims(topic="certification"))),
        (
            "certification_premium",
            "The premium for being certified",
            claim_groups(list_claims(topic="certification_premium")),
        ),
    ]
    return {"sections": sections, "articles": list_articles()}
