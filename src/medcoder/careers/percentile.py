"""Where a salary sits in a BLS OEWS wage distribution, from its five published percentiles.

BLS publishes the 10th, 25th, 50th, 75th and 90th percentile wages of each occupation and area.
Between two published points we interpolate linearly: a salary 40 % of the way from the 25th
percentile wage to the median sits at the 25 + 0.4 × (50 − 25) = 35th percentile. Outside the
published range nothing can be said beyond "below the 10th" or "above the 90th", so those are
reported as ``"<10"`` and ``">90"`` with no number. Points BLS did not publish are skipped (the
interpolation spans the gap); with fewer than two published points the position is unknown.

Linear interpolation is a simplification: real wage distributions are skewed, so a position between
published points is approximate (typically within a few percentile points).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    import polars as pl

PERCENTILES = (10.0, 25.0, 50.0, 75.0, 90.0)
BELOW_RANGE = "<10"
ABOVE_RANGE = ">90"
UNKNOWN = "unknown"


class PercentilePosition(BaseModel):
    """``value`` is the interpolated percentile (None outside 10–90 or when unknown)."""

    model_config = ConfigDict(frozen=True)

    value: float | None
    label: str


def _published(wages: Sequence[float | None]) -> list[tuple[float, float]]:
    if len(wages) != len(PERCENTILES):
        raise ValueError("expected the p10, p25, p50, p75 and p90 wages")
    return [(p, w) for p, w in zip(PERCENTILES, wages, strict=True) if w is not None]


def percentile_position(salary: float, wages: Sequence[float | None]) -> PercentilePosition:
    """Position of ``salary`` among the p10/p25/p50/p75/p90 ``wages`` (None = not published)."""
    points = _published(wages)
    if len(points) < 2:
        return PercentilePosition(value=None, label=UNKNOWN)
    low_p, low_w = points[0]
    high_p, high_w = points[-1]
    if salary < low_w:
        label = BELOW_RANGE if low_p == PERCENTILES[0] else f"<{low_p:g}"
        return PercentilePosition(value=None, label=label)
    if salary > high_w:
        label = ABOVE_RANGE if high_p == PERCENTILES[-1] else f">{high_p:g}"
        return PercentilePosition(value=None, label=label)
    for (p0, w0), (p1, w1) in zip(points, points[1:], strict=False):
        if w0 <= salary <= w1:
            value = p0 if w1 == w0 else p0 + (salary - w0) / (w1 - w0) * (p1 - p0)
            return PercentilePosition(value=round(value, 1), label=f"{value:.0f}")
    raise AssertionError("published percentile wages are not increasing")  # pragma: no cover


def percentile_expr(salary: str, wage_columns: Sequence[str]) -> pl.Expr:
    """The same interpolation as a polars expression over a frame (None outside 10–90).

    ``wage_columns`` name the p10…p90 columns. Rows with any of them null get null; the roster
    marks those as missing data rather than guessing around the gap.
    """
    import polars as pl

    columns = [pl.col(name) for name in wage_columns]
    value = pl.col(salary)
    expr: pl.Expr = pl.lit(None, dtype=pl.Float64)
    pairs = list(zip(PERCENTILES, columns, strict=True))
    # Build from the top segment down so the first matching segment wins, as in the scalar code.
    for (p0, w0), (p1, w1) in reversed(list(zip(pairs, pairs[1:], strict=False))):
        inside = (value >= w0) & (value <= w1)
        share = pl.when(w1 > w0).then((value - w0) / (w1 - w0)).otherwise(0.0)
        expr = pl.when(inside).then(p0 + share * (p1 - p0)).otherwise(expr)
    return expr.round(1)


def compa_ratio(salary: float, market_median: float | None) -> float | None:
    """Salary divided by the market median (1.00 = paid exactly the median)."""
    if market_median is None or market_median <= 0:
        return None
    return round(salary / market_median, 3)
