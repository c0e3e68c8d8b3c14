"""Cost of living from BEA Regional Price Parities (RPP) 2024, all items, US = 100.

An RPP says how much more or less a basket of goods and services costs in an area than in the
nation as a whole. Equal purchasing power between two areas is therefore
``amount × RPP(to) / RPP(from)``: $50,000 in Texas (97.057) buys what
50,000 × 110.720 / 97.057 ≈ $57,038 buys in California (110.720).

OEWS areas map onto BEA's tables like this:

- the nation → the US row (100);
- a state (OEWS code ``SS00000``) → the state row ``SS000`` of SARPP;
- a metro area (OEWS code ``00CCCCC``, the 5-digit CBSA code behind two zeros) → the MSA row
  ``CCCCC`` of MARPP;
- an OEWS nonmetropolitan area (a group of rural counties inside one state) → BEA's
  nonmetropolitan portion of that state (``SS999`` of PARPP), the closest published price level.

Puerto Rico, Guam and the Virgin Islands have no RPP: ``rpp_for_area`` returns None for them and
the comparisons raise InvalidInput naming the area.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput
from medcoder.sources import data_file
from medcoder.wages.areas import Area, resolve_area
from medcoder.wages.provenance import SourceRef, source_ref

RPP_YEAR = "2024"
ALL_ITEMS_LINE = "1"
US_FIPS = "00000"

RppKind = Literal["national", "state", "metro", "nonmetro_portion"]


class RppFigure(BaseModel):
    """The 2024 all-items price level of one area, as BEA published it."""

    model_config = ConfigDict(frozen=True)

    geo_fips: str
    bea_name: str
    kind: RppKind
    rpp: float
    year: int = int(RPP_YEAR)
    note: str | None = None
    source: SourceRef


class AreaRpp(BaseModel):
    area: Area
    rpp: RppFigure
    sources: list[SourceRef]


class PurchasingPower(BaseModel):
    amount: float
    from_area: str
    to_area: str
    from_rpp: RppFigure
    to_rpp: RppFigure
    equivalent: float
    difference: float
    percent_difference: float
    explanation: str
    sources: list[SourceRef]


class RemoteArbitrage(BaseModel):
    salary: float
    salary_basis: str
    pay_area: str
    live_area: str
    pay_rpp: RppFigure
    live_rpp: RppFigure
    national_dollars: float
    equivalent_in_pay_area: float
    gain_vs_living_in_pay_area: float
    explanation: str
    sources: list[SourceRef]


def _read_all_items(key: str) -> dict[str, tuple[str, float]]:
    """GeoFIPS -> (BEA name, 2024 all-items RPP) for one BEA table; (NA) cells are skipped."""
    text = data_file(key).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    figures: dict[str, tuple[str, float]] = {}
    for row in reader:
        # The footer lines ("Note: …", "U.S. Bureau of Economic Analysis") have no LineCode.
        if (row.get("LineCode") or "").strip() != ALL_ITEMS_LINE:
            continue
        value = (row.get(RPP_YEAR) or "").strip()
        if not value or value.startswith("("):
            continue
        # BEA writes 0.000 for a portion that does not exist (Delaware, DC and Rhode Island have
        # no nonmetropolitan portion): that is no price level, not a free one.
        if not float(value) > 0:
            continue
        fips = row["GeoFIPS"].strip().strip('"')
        name = row["GeoName"].strip().removesuffix("*").strip()
        figures[fips] = (name, float(value))
    return figures


@lru_cache(maxsize=1)
def load_rpp() -> dict[str, dict[str, tuple[str, float]]]:
    """The three BEA tables (state, MSA, metro/nonmetro portions), read once."""
    return {
        "rpp_state": _read_all_items("rpp_state"),
        "rpp_msa": _read_all_items("rpp_msa"),
        "rpp_portion": _read_all_items("rpp_portion"),
    }


def _figure(key: str, fips: str, kind: RppKind, note: str | None = None) -> RppFigure | None:
    found = load_rpp()[key].get(fips)
    if found is None:
        return None
    name, value = found
    detail = f"{name}, {RPP_YEAR} all items"
    return RppFigure(
        geo_fips=fips,
        bea_name=name,
        kind=kind,
        rpp=value,
        note=note,
        source=source_ref(key, detail),
    )


def rpp_for_area(area: Area) -> RppFigure | None:
    """The BEA 2024 all-items RPP for an OEWS area, or None where BEA publishes none."""
    if area.kind == "national":
        return _figure("rpp_state", US_FIPS, "national")
    if area.kind == "state":
        return _figure("rpp_state", f"{area.state_code}000", "state")
    if area.kind == "metro":
        return _figure("rpp_msa", area.code[-5:], "metro")
    note = (
        f"BEA prices no individual nonmetropolitan OEWS area; this is the nonmetropolitan "
        f"portion of the whole state, used for {area.name}."
    )
    return _figure("rpp_portion", f"{area.state_code}999", "nonmetro_portion", note)


def _as_area(value: Area | str | None, field: str) -> Area:
    return value if isinstance(value, Area) else resolve_area(value, field=field)


def require_rpp(area: Area, field: str) -> RppFigure:
    figure = rpp_for_area(area)
    if figure is None:
        raise InvalidInput(
            field,
            f"BEA publishes no regional price parity for {area.name}; choose a US state, "
            "DC or a metro/nonmetro area in one",
        )
    return figure


def area_rpp(text: str | None) -> AreaRpp:
    """The price level of the area ``text`` names (InvalidInput where BEA has none)."""
    area = resolve_area(text)
    figure = require_rpp(area, "area")
    return AreaRpp(area=area, rpp=figure, sources=[figure.source])


def _check_amount(amount: float, field: str) -> None:
    if not amount > 0 or amount > 10_000_000:
        raise InvalidInput(
            field, f"must be a positive dollar amount up to 10,000,000, got {amount}"
        )


def equivalent_amount(amount: float, from_rpp: float, to_rpp: float) -> float:
    """What ``amount`` spent where prices are ``from_rpp`` is worth where they are ``to_rpp``."""
    return amount * to_rpp / from_rpp


def compare_purchasing_power(
    amount: float, from_area: Area | str | None, to_area: Area | str | None
) -> PurchasingPower:
    """How much is needed in ``to_area`` to buy what ``amount`` buys in ``from_area``."""
    _check_amount(amount, "amount")
    source_area = _as_area(from_area, "from_area")
    target_area = _as_area(to_area, "to_area")
    from_rpp = require_rpp(source_area, "from_area")
    to_rpp = require_rpp(target_area, "to_area")
    equivalent = equivalent_amount(amount, from_rpp.rpp, to_rpp.rpp)
    explanation = (
        f"${amount:,.0f} in {source_area.name} buys what ${equivalent:,.0f} buys in "
        f"{target_area.name} (BEA 2024 price levels {from_rpp.rpp:.3f} and {to_rpp.rpp:.3f}, "
        "US = 100)."
    )
    return PurchasingPower(
        amount=amount,
        from_area=source_area.name,
        to_area=target_area.name,
        from_rpp=from_rpp,
        to_rpp=to_rpp,
        equivalent=round(equivalent, 2),
        difference=round(equivalent - amount, 2),
        percent_difference=round((to_rpp.rpp / from_rpp.rpp - 1) * 100, 2),
        explanation=explanation,
        sources=_unique([from_rpp.source, to_rpp.source]),
    )


def _market_median(area: Area) -> float | None:
    from medcoder.wages.market import market_wages

    try:
        return market_wages(area=area.name).annual_median
    except InvalidInput:
        return None


def remote_arbitrage(
    pay_area: Area | str | None, live_area: Area | str | None, salary: float | None = None
) -> RemoteArbitrage:
    """A remote coder paid on ``pay_area``'s scale but paying ``live_area``'s prices.

    Without ``salary`` the BLS OEWS median for medical records specialists in the pay area is
    used. ``equivalent_in_pay_area`` is what someone living in the pay area would need to earn
    to match the remote coder's standard of living.
    """
    payer = _as_area(pay_area, "pay_area")
    home = _as_area(live_area, "live_area")
    pay_rpp = require_rpp(payer, "pay_area")
    live_rpp = require_rpp(home, "live_area")
    sources = [pay_rpp.source, live_rpp.source]
    if salary is None:
        median = _market_median(payer)
        if median is None:
            raise InvalidInput(
                "salary", f"BLS publishes no median for {payer.name}; enter a salary instead"
            )
        salary = median
        basis = f"BLS OEWS May 2025 median for medical records specialists in {payer.name}"
        sources.append(source_ref("oews_may2025", f"29-2072 annual median, {payer.name}"))
    else:
        _check_amount(salary, "salary")
        basis = "salary entered"
    equivalent = equivalent_amount(salary, live_rpp.rpp, pay_rpp.rpp)
    explanation = (
        f"Paid ${salary:,.0f} on {payer.name}'s scale while living in {home.name}, a remote "
        f"coder lives as well as someone earning ${equivalent:,.0f} in {payer.name}."
    )
    return RemoteArbitrage(
        salary=salary,
        salary_basis=basis,
        pay_area=payer.name,
        live_area=home.name,
        pay_rpp=pay_rpp,
        live_rpp=live_rpp,
        national_dollars=round(salary * 100 / live_rpp.rpp, 2),
        equivalent_in_pay_area=round(equivalent, 2),
        gain_vs_living_in_pay_area=round(equivalent - salary, 2),
        explanation=explanation,
        sources=_unique(sources),
    )


def _unique(sources: list[SourceRef]) -> list[SourceRef]:
    return list(dict.fromkeys(sources))
