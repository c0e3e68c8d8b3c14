"""The market side of roster pricing: job titles to occupations, and one market table per run.

A roster title is matched to a level of the coding career ladder (by number, "3", or by name,
"Coding Manager"), and the level's OEWS occupation is priced: coders are SOC 29-2072, managers
11-9111 and so on, as ``medcoder.careers.ladder`` maps them. A title that matches no level is
priced as a medical records specialist (29-2072), and the ``occupation`` column shows it.

``price_employee`` prices one person directly, without polars: the per-row path that the
roster benchmark compares the vectorised one against (and a test checks they agree).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import polars as pl

from medcoder.careers.percentile import PercentilePosition, compa_ratio, percentile_position
from medcoder.errors import InvalidInput
from medcoder.wages.areas import all_areas, resolve_area
from medcoder.wages.credentials import normalise_credential
from medcoder.wages.market import MarketWages, wages_from_row
from medcoder.wages.oews import (
    CROSS_INDUSTRY,
    MEDICAL_RECORDS_SPECIALISTS,
    NATIONAL_AREA,
    load_oews,
)
from medcoder.wages.work_settings import resolve_setting

PERCENTILE_FIELDS = ("p10", "p25", "median", "p75", "p90")
MARKET_COLUMNS = (*(f"market_{name}" for name in PERCENTILE_FIELDS), "market_basis")


class MarketKey(NamedTuple):
    occupation: str
    area_code: str
    setting_key: str


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


@lru_cache(maxsize=1)
def _ladder_titles() -> dict[str, str]:
    """Normalised level number and title -> the SOC code the ladder maps that level to."""
    from medcoder.careers.ladder import career_ladder

    titles: dict[str, str] = {}
    for level in career_ladder().levels:
        soc = level.official.soc
        titles[str(level.level)] = soc
        titles[_normal(level.title)] = soc
        for part in level.title.split("/"):
            if len(part.split()) > 1:  # "Entry Coder" from "Junior/Entry Coder", never "Coding"
                titles[_normal(part)] = soc
    return titles


def resolve_title(title: str) -> str:
    """The OEWS occupation a roster title is priced as (29-2072 when no ladder level matches)."""
    return _ladder_titles().get(_normal(title), MEDICAL_RECORDS_SPECIALISTS)


def credential_problem(value: str) -> str | None:
    """Why a "CPC;CRC" cell is not acceptable, or None when every credential is known."""
    names = [part.strip() for part in re.split(r"[;,/|]", value) if part.strip()]
    unknown = [name for name in names if normalise_credential(name) is None]
    if not unknown:
        return None
    return f"unknown credential{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"


def _percentiles(wages: MarketWages) -> list[float | None]:
    return [getattr(wages, f"annual_{name}") for name in PERCENTILE_FIELDS]


@lru_cache(maxsize=4096)
def _lookup(occupation: str, area_code: str, setting_key: str | None) -> MarketWages | None:
    """The OEWS row as ``market_wages`` reports it, found by codes (the roster resolved the
    names already) and remembered: a roster asks for the same few combinations many times."""
    setting = resolve_setting(setting_key) if setting_key else None
    row = load_oews().get(occupation, area_code, setting.naics if setting else CROSS_INDUSTRY)
    return wages_from_row(row, all_areas()[area_code], setting) if row is not None else None


def market_for(key: MarketKey) -> tuple[list[float | None], str]:
    """Market p10…p90 for one (occupation, area, setting), and how they were obtained."""
    area = all_areas()[key.area_code]
    regional = area.kind != "national"
    missing: list[float | None] = [None] * len(PERCENTILE_FIELDS)
    base = _lookup(key.occupation, area.code, None if regional else key.setting_key or None)
    if base is None:
        return missing, f"OEWS publishes no {key.occupation} row for {area.name}"
    values = _percentiles(base)
    basis = f"OEWS May 2025, {key.occupation}, {area.name}"
    if key.setting_key and regional:
        setting_row = _lookup(key.occupation, NATIONAL_AREA, key.setting_key)
        nation = _lookup(key.occupation, NATIONAL_AREA, None)
        if setting_row is None or nation is None:
            return missing, f"OEWS publishes no {key.occupation} figures for {key.setting_key}"
        ratios = [
            s / n if s is not None and n else None
            for s, n in zip(_percentiles(setting_row), _percentiles(nation), strict=True)
        ]
        values = [
            round(v * r) if v is not None and r is not None else None
            for v, r in zip(values, ratios, strict=True)
        ]
        basis += f", scaled by the national {setting_row.industry_name} to all-industry ratio"
    elif key.setting_key:
        basis = f"OEWS May 2025, {key.occupation}, national, {base.industry_name}"
    return values, basis


def market_table(keys: list[MarketKey]) -> pl.DataFrame:
    """One row of market figures per key, ready to join onto the roster."""
    schema: dict[str, type[pl.DataType]] = {
        "occupation": pl.String,
        "area_code": pl.String,
        "setting_key": pl.String,
        **{f"market_{name}": pl.Float64 for name in PERCENTILE_FIELDS},
        "market_basis": pl.String,
    }
    rows = []
    for key in keys:
        wages, basis = market_for(key)
        rows.append({**key._asdict(), **dict(zip(MARKET_COLUMNS, [*wages, basis], strict=True))})
    return pl.DataFrame(rows, schema=schema)


def price_employee(
    *,
    title: str,
    area: str,
    salary: float,
    setting: str | None = None,
    credentials: str | None = None,
) -> dict[str, object]:
    """Price one employee directly (the per-row path the benchmark compares against)."""
    problem = credential_problem(credentials or "")
    if problem:
        raise InvalidInput("credentials", problem)
    setting_key = resolve_setting(setting).key if setting else ""
    key = MarketKey(resolve_title(title), resolve_area(area).code, setting_key)
    wages, basis = market_for(key)
    complete = all(wage is not None for wage in wages)
    position = (
        percentile_position(salary, wages)
        if complete
        else PercentilePosition(value=None, label="unknown")
    )
    p25, p90 = wages[1], wages[4]
    return {
        **dict(zip(MARKET_COLUMNS, [*wages, basis], strict=True)),
        "percentile": position.value,
        "percentile_label": position.label,
        "compa_ratio": compa_ratio(salary, wages[2]),
        "below_p25": p25 is not None and salary < p25,
        "above_p90": p90 is not None and salary > p90,
        "missing_data": not complete,
    }
