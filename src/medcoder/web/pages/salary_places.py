"""Pay by place: the state map and table, one page per state, one page per metro area."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from medcoder.errors import InvalidInput
from medcoder.web.charts import MapTile, percentile_bands, tile_map
from medcoder.web.pages.salary import not_found, render, wage_band

router = APIRouter(include_in_schema=False)

TOP_COUNT = 10
BOTTOM_COUNT = 5


@router.get("/states", response_class=HTMLResponse)
def states(request: Request, by: str = "median") -> HTMLResponse:
    error = None
    try:
        context = _states_context(by)
    except InvalidInput as problem:
        error = problem.message
        context = _states_context("median")
    return render(
        request,
        "salary/states.html",
        {**context, "error": error},
        status_code=422 if error else 200,
    )


# The bundled release cannot change while the server runs, so each page's figures are worked
# out once per process; only the HTML is rendered per request.
@lru_cache(maxsize=4)
def _states_context(by: str) -> dict[str, Any]:
    from medcoder.wages.claims import claim_conflicts
    from medcoder.wages.market import rank_states

    ranked = rank_states(by=by)
    published = [entry for entry in ranked if entry.value is not None]
    tiles = [
        MapTile(
            postal=entry.area.postal or "",
            name=entry.area.name,
            value=entry.value,
            href=f"/states/{entry.area.postal}",
        )
        for entry in ranked
    ]
    measure = f"annual {by} wage"
    return {
        "by": by,
        "ranked": ranked,
        "top": published[:TOP_COUNT],
        "bottom": published[-BOTTOM_COUNT:][::-1],
        "map": tile_map(
            "state-map", tiles, title=f"Annual {by} wage by state, May 2025", measure=measure
        ),
        "claims": claim_conflicts(topic="state_top") + claim_conflicts(topic="state_bottom"),
    }


def _wages_or_none(area_name: str) -> Any:
    from medcoder.wages.market import market_wages

    try:
        return market_wages(area=area_name)
    except InvalidInput:  # BLS publishes no row for this area
        return None


@router.get("/states/{postal}", response_class=HTMLResponse)
def state(request: Request, postal: str) -> HTMLResponse:
    context = _state_context(postal.upper()) if len(postal) == 2 else None
    if context is None:
        return not_found(request, "state", postal, back="/states", back_label="All states")
    return render(request, "salary/place.html", context)


@lru_cache(maxsize=64)
def _state_context(postal: str) -> dict[str, Any] | None:
    from medcoder.wages.areas import state_by_postal
    from medcoder.wages.cost_of_living import rpp_for_area
    from medcoder.wages.market import market_wages, rank_metros

    area = state_by_postal(postal)
    if area is None:
        return None
    wages = _wages_or_none(area.name)
    nation = market_wages()
    bands = [wage_band(area.name, wages)] if wages else []
    chart = percentile_bands(
        "state-band",
        [*bands, wage_band("United States", nation)],
        title=f"Annual wage percentiles in {area.name} and nationally, May 2025",
    )
    return {
        "area": area,
        "wages": wages,
        "nation": nation,
        "chart": chart,
        "metros": rank_metros(area.postal or area.name),
        "rpp": rpp_for_area(area),
    }


@router.get("/metros/{area_code}", response_class=HTMLResponse)
def metro(request: Request, area_code: str) -> HTMLResponse:
    context = _metro_context(area_code)
    if context is None:
        return not_found(request, "metro area", area_code, back="/states", back_label="All states")
    return render(request, "salary/place.html", context)


@lru_cache(maxsize=256)
def _metro_context(area_code: str) -> dict[str, Any] | None:
    from medcoder.wages.areas import all_areas, state_by_postal
    from medcoder.wages.cost_of_living import rpp_for_area
    from medcoder.wages.market import market_wages

    area = all_areas().get(area_code)
    if area is None or area.kind not in ("metro", "nonmetro"):
        return None
    wages = _wages_or_none(area.name)
    nation = market_wages()
    states = [found for postal in area.postals if (found := state_by_postal(postal))]
    bands = [wage_band(area.name, wages)] if wages else []
    bands += [wage_band(s.name, w) for s in states if (w := _wages_or_none(s.name))]
    chart = percentile_bands(
        "metro-band",
        [*bands, wage_band("United States", nation)],
        title=f"Annual wage percentiles in {area.name}, its state and nationally, May 2025",
    )
    return {
        "area": area,
        "wages": wages,
        "nation": nation,
        "chart": chart,
        "states": states,
        "metros": None,
        "rpp": rpp_for_area(area),
    }
