"""Career ladder & outlook: the articles' ladder and alternative careers beside OEWS pay for the
occupations they map to, and the BLS 2024-34 projections with the drivers the articles name."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from medcoder.errors import InvalidInput
from medcoder.web.charts import Band, percentile_bands
from medcoder.web.pages.salary import render, wage_band

router = APIRouter(include_in_schema=False)


@router.get("/careers", response_class=HTMLResponse)
def careers(request: Request) -> HTMLResponse:
    return render(request, "salary/careers.html", _careers_context())


@lru_cache(maxsize=1)  # the bundled figures cannot change while the server runs
def _careers_context() -> dict[str, Any]:
    from medcoder.careers.ladder import alternative_careers, career_ladder
    from medcoder.careers.outlook import outlook
    from medcoder.wages.claims import claim_conflicts, list_claims

    ladder = career_ladder()
    alternatives = alternative_careers()
    occupations = {step.official.soc: step.official for step in ladder.levels}
    for step in alternatives.careers:
        occupations.setdefault(step.official.soc, step.official)
    bands: list[Band] = [wage_band(figures.title, figures) for soc, figures in occupations.items()]
    chart = percentile_bands(
        "careers-bands",
        bands,
        title="National annual wage percentiles of the occupations careers map to, May 2025",
    )
    outlooks = []
    for soc in occupations:
        try:
            outlooks.append(outlook(soc))
        except InvalidInput:  # no 2024-34 projection for this SOC in the extract
            continue
    return {
        "ladder": ladder,
        "alternatives": alternatives,
        "chart": chart,
        "outlooks": outlooks,
        "coder_outlook": outlook(),
        "outlook_claims": claim_conflicts(topic="outlook"),
        "drivers": [c for c in list_claims(topic="outlook") if c.value_low is None],
    }
