"""Market wages from OEWS: one occupation in one area (or national work setting), and rankings."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from medcoder.errors import InvalidInput
from medcoder.wages.areas import Area, list_metros, list_states, resolve_area
from medcoder.wages.oews import (
    CROSS_INDUSTRY,
    FIGURES,
    MEDICAL_RECORDS_SPECIALISTS,
    OEWS_KEY,
    EstimateStatus,
    OewsRow,
    check_occupation,
    load_oews,
)
from medcoder.wages.provenance import SourceRef, source_ref
from medcoder.wages.work_settings import WorkSetting, resolve_setting

RankBy = Literal["median", "mean"]
RANK_FIELDS: dict[str, str] = {"median": "annual_median", "mean": "annual_mean"}


class Occupation(BaseModel):
    code: str
    title: str


class MarketWages(BaseModel):
    """OEWS figures for one occupation in one area; unpublished figures are null with a status."""

    occupation: Occupation
    area: Area
    setting: WorkSetting | None
    industry_code: str
    industry_name: str
    employment: float | None
    employment_rse: float | None
    annual_mean: float | None
    annual_p10: float | None
    annual_p25: float | None
    annual_median: float | None
    annual_p75: float | None
    annual_p90: float | None
    hourly_mean: float | None
    hourly_p10: float | None
    hourly_p25: float | None
    hourly_median: float | None
    hourly_p75: float | None
    hourly_p90: float | None
    wage_rse: float | None
    jobs_per_1000: float | None
    location_quotient: float | None
    status: dict[str, EstimateStatus]
    notes: list[str]
    sources: list[SourceRef]

    @property
    def wages_published(self) -> bool:
        return self.annual_median is not None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


# MarketWages field -> OEWS figure, where the names differ.
_RENAMED = {"employment_rse": "employment_rse_pct", "wage_rse": "wage_rse_pct"}


def wages_from_row(row: OewsRow, area: Area, setting: WorkSetting | None) -> MarketWages:
    estimates = {name: row.estimate(name) for name in FIGURES}
    notes = sorted(
        {
            f"{figure}: {text}"
            for figure, code in row.footnotes.items()
            if (text := load_oews().footnote_text(code))
        }
    )
    values: dict[str, Any] = {
        field: estimates[_RENAMED.get(field, field)].value
        for field in MarketWages.model_fields
        if _RENAMED.get(field, field) in FIGURES
    }
    detail = f"SOC {row.soc_code}, {row.area_name}, {row.industry_name}"
    return MarketWages(
        occupation=Occupation(code=row.soc_code, title=row.occupation_name),
        area=area,
        setting=setting,
        industry_code=row.industry_code,
        industry_name=row.industry_name,
        status={name: estimate.status for name, estimate in estimates.items()},
        notes=notes,
        sources=[source_ref(OEWS_KEY, detail)],
        **values,
    )


def _missing_row(occupation: str, where: str) -> InvalidInput:
    return InvalidInput("area", f"OEWS May 2025 publishes no estimate for {occupation} in {where}")


def market_wages(
    occupation: str = MEDICAL_RECORDS_SPECIALISTS,
    *,
    area: str | None = None,
    setting: str | None = None,
) -> MarketWages:
    """OEWS wages for ``occupation`` in ``area`` (default national) or in a national ``setting``."""
    soc = check_occupation(occupation)
    place = resolve_area(area)
    release = load_oews()
    if setting:
        if place.kind != "national":
            raise InvalidInput(
                "setting",
                "OEWS publishes work-setting (industry) figures only nationally; "
                "choose an area or a setting, not both",
            )
        chosen = resolve_setting(setting)
        row = release.get(soc, place.code, chosen.naics)
        if row is None:
            raise InvalidInput(
                "setting", f"OEWS May 2025 publishes no estimate for {soc} in {chosen.naics_title}"
            )
        return wages_from_row(row, place, chosen)
    row = release.get(soc, place.code, CROSS_INDUSTRY)
    if row is None:
        raise _missing_row(soc, place.name)
    return wages_from_row(row, place, None)


class RankedArea(BaseModel):
    rank: int | None
    area: Area
    value: float | None
    status: EstimateStatus
    annual_median: float | None
    annual_mean: float | None
    employment: float | None
    location_quotient: float | None


class Ranking(BaseModel):
    occupation: Occupation
    by: RankBy
    areas: list[RankedArea]
    sources: list[SourceRef]


def _check_by(by: str) -> RankBy:
    if by == "median":
        return "median"
    if by == "mean":
        return "mean"
    raise InvalidInput("by", f"cannot rank by {by!r}", allowed=list(RANK_FIELDS))


def _rank(soc: str, areas: list[Area], by: RankBy) -> list[RankedArea]:
    release = load_oews()
    figure = RANK_FIELDS[by]
    entries = []
    for area in areas:
        row = release.get(soc, area.code)
        estimate = row.estimate(figure) if row else None
        entries.append(
            RankedArea(
                rank=None,
                area=area,
                value=estimate.value if estimate else None,
                status=estimate.status if estimate else "not_available",
                annual_median=row.value("annual_median") if row else None,
                annual_mean=row.value("annual_mean") if row else None,
                employment=row.value("employment") if row else None,
                location_quotient=row.value("location_quotient") if row else None,
            )
        )
    # Highest first; unpublished last (alphabetically), never ranked as zero.
    entries.sort(key=lambda e: (e.value is None, -(e.value or 0.0), e.area.name))
    for position, entry in enumerate(entries, start=1):
        if entry.value is not None:
            entry.rank = position
    return entries


def rank_states(
    *, by: str = "median", occupation: str = MEDICAL_RECORDS_SPECIALISTS
) -> list[RankedArea]:
    """Every state, DC and territory, highest annual median (or mean) first; unpublished last."""
    soc = check_occupation(occupation)
    return _rank(soc, list_states(), _check_by(by))


def rank_metros(
    state: str, *, by: str = "median", occupation: str = MEDICAL_RECORDS_SPECIALISTS
) -> list[RankedArea]:
    """Metro and nonmetro areas in ``state``, highest first; unpublished last."""
    soc = check_occupation(occupation)
    ranked_by = _check_by(by)
    return _rank(soc, list_metros(state), ranked_by)


def rank_sources(occupation: str = MEDICAL_RECORDS_SPECIALISTS) -> list[SourceRef]:
    return [source_ref(OEWS_KEY, f"SOC {occupation}, cross-industry, by area")]


def setting_wages(occupation: str = MEDICAL_RECORDS_SPECIALISTS) -> list[MarketWages]:
    """National wages in every work setting the release publishes for ``occupation``."""
    from medcoder.wages.work_settings import WORK_SETTINGS

    soc = check_occupation(occupation)
    nation = resolve_area(None)
    release = load_oews()
    results = []
    for setting in WORK_SETTINGS:
        row = release.get(soc, nation.code, setting.naics)
        if row is not None:
            results.append(wages_from_row(row, nation, setting))
    return results


def limit_ranking(
    ranked: list[RankedArea], *, top: int | None = None, bottom: int | None = None
) -> list[RankedArea]:
    """The ``top`` N of a ranking, or its ``bottom`` N published entries (not both)."""
    if top is not None and bottom is not None:
        raise InvalidInput("top", "use top or bottom, not both")
    for name, count in (("top", top), ("bottom", bottom)):
        if count is not None and count < 1:
            raise InvalidInput(name, f"must be a positive whole number, got {count}")
    if top is not None:
        return ranked[:top]
    if bottom is not None:
        published = [entry for entry in ranked if entry.value is not None]
        return published[-bottom:]
    return ranked


def ranking(
    *,
    state: str | None = None,
    by: str = "median",
    occupation: str = MEDICAL_RECORDS_SPECIALISTS,
    top: int | None = None,
    bottom: int | None = None,
) -> Ranking:
    """States (or, with ``state``, its metros) ranked, limited, with occupation and sources."""
    soc = check_occupation(occupation)
    ranked = (
        rank_states(by=by, occupation=soc)
        if state is None
        else rank_metros(state, by=by, occupation=soc)
    )
    return Ranking(
        occupation=Occupation(code=soc, title=load_oews().occupations()[soc]),
        by=_check_by(by),
        areas=limit_ranking(ranked, top=top, bottom=bottom),
        sources=rank_sources(soc),
    )
