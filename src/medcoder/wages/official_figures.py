"""The official figure a claim points at: OEWS May 2025 or Employment Projections 2024-34."""

from __future__ import annotations

from medcoder.wages.areas import resolve_area
from medcoder.wages.claims import OfficialFigureRef
from medcoder.wages.oews import CROSS_INDUSTRY, FIGURES, OEWS_KEY, load_oews
from medcoder.wages.provenance import SourceRef, source_ref

# Figures that come from the projections rather than OEWS.
PROJECTION_FIGURES = {
    "change_percent": "projected change 2024-34 (%)",
    "openings_annual": "annual openings 2024-34",
    "employment_2024": "employment 2024",
}


def official_figure(ref: OfficialFigureRef) -> tuple[float, str, SourceRef] | None:
    """(value, label, source) for ``ref``, or None when the release publishes no such figure."""
    if ref.figure in PROJECTION_FIGURES:
        from medcoder.careers.outlook import EP_KEY, projection

        projected = projection(ref.soc)
        value = float(getattr(projected, ref.figure))
        label = f"BLS Employment Projections: {projected.title}, {PROJECTION_FIGURES[ref.figure]}"
        return value, label, source_ref(EP_KEY, f"SOC {ref.soc}")
    if ref.figure not in FIGURES:
        return None
    area = resolve_area(ref.area)
    row = load_oews().get(ref.soc, area.code, ref.industry or CROSS_INDUSTRY)
    if row is None:
        return None
    published = row.value(ref.figure)
    if published is None:
        return None
    where = area.name if ref.industry is None else f"{area.name}, {row.industry_name}"
    label = f"OEWS May 2025: {row.occupation_name}, {where}, {ref.figure.replace('_', ' ')}"
    return published, label, source_ref(OEWS_KEY, f"SOC {ref.soc}, {where}")
