"""Percentile band chart: a line from the 10th to the 90th percentile, a box from the 25th to
the 75th, and a tick at the median; several rows share one axis so places compare at a glance."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from medcoder.web.charts.svg import ACCENT, BAND, INK, LINE, MUTED, line, money, rect, svg, text

WIDTH = 400
MARGIN = 14
ROW_HEIGHT = 100
AXIS_HEIGHT = 30
BOX_HEIGHT = 22
BOX_TOP = 38  # below the row title and the median label
LABEL_GAP = 8
CHAR_WIDTH = 7.2  # average advance of a 13 px system-font character, digits included


@dataclass(frozen=True, slots=True)
class Band:
    """One place's annual wage percentiles; any of them may be unpublished (None)."""

    label: str
    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None

    def values(self) -> list[float]:
        figures = (self.p10, self.p25, self.median, self.p75, self.p90)
        return [value for value in figures if value is not None]

    def describe(self) -> str:
        if not self.values():
            return f"{self.label}: not published."
        return (
            f"{self.label}: 10th percentile {money(self.p10)}, 25th {money(self.p25)}, "
            f"median {money(self.median)}, 75th {money(self.p75)}, 90th {money(self.p90)}."
        )


def _axis(bands: list[Band]) -> tuple[float, float, float]:
    """Lower bound, upper bound and tick step, rounded to whole $10,000s."""
    values = [value for band in bands for value in band.values()] or [0.0, 10_000.0]
    low = math.floor(min(values) / 10_000) * 10_000
    high = math.ceil(max(values) / 10_000) * 10_000
    if high <= low:
        high = low + 10_000
    step = 10_000 * math.ceil((high - low) / 10_000 / 5)
    high = low + step * math.ceil((high - low) / step)
    return float(low), float(high), float(step)


def _left(x: float, content: str, anchor: str) -> tuple[float, float]:
    """Where a label anchored at ``x`` would start, and how wide it is."""
    width = len(content) * CHAR_WIDTH
    return {"start": x, "middle": x - width / 2, "end": x - width}[anchor], width


def place(spans: list[tuple[float, float]], width: float = WIDTH) -> list[float]:
    """Left edges for labels sharing one line, given as (wanted left, width) left to right:
    pushed apart so none overlap, and pulled in so none leave the drawing."""
    lefts: list[float] = []
    for index, (wanted, _size) in enumerate(spans):
        floor = lefts[-1] + spans[index - 1][1] + LABEL_GAP if lefts else MARGIN
        lefts.append(max(wanted, floor))
    ceiling = width - MARGIN
    for index in range(len(lefts) - 1, -1, -1):
        lefts[index] = min(lefts[index], ceiling - spans[index][1])
        ceiling = lefts[index] - LABEL_GAP
    return lefts


def _labels(y: float, wanted: list[tuple[float, str, str]], fill: str = MUTED) -> list[str]:
    """Draw (x, text, anchor) labels on one line without overlaps."""
    lefts = place([_left(x, content, anchor) for x, content, anchor in wanted])
    return [text(left, y, item[1], fill=fill) for left, item in zip(lefts, wanted, strict=True)]


def _fit(content: str) -> str:
    """Shorten a row title to the drawing's width; the full title stays in the <desc>."""
    most = int((WIDTH - 2 * MARGIN) / (CHAR_WIDTH * 1.05))
    return content if len(content) <= most else content[: most - 1].rstrip() + "…"


def _row(band: Band, top: float, scale: Callable[[float], float]) -> list[str]:
    parts = [text(MARGIN, top + 14, _fit(band.label), font_weight="700")]
    if not band.values():
        parts.append(text(MARGIN, top + 40, "Not published by BLS for this area.", fill=MUTED))
        return parts
    box_top = top + BOX_TOP
    mid = box_top + BOX_HEIGHT / 2
    if band.p10 is not None and band.p90 is not None:
        parts.append(line(scale(band.p10), mid, scale(band.p90), mid, INK, 2))
        for end in (band.p10, band.p90):
            parts.append(line(scale(end), mid - 7, scale(end), mid + 7, INK, 2))
    if band.p25 is not None and band.p75 is not None:
        width = scale(band.p75) - scale(band.p25)
        parts.append(rect(scale(band.p25), box_top, width, BOX_HEIGHT, BAND, stroke=ACCENT))
    if band.median is not None:
        x = scale(band.median)
        parts.append(line(x, box_top - 4, x, box_top + BOX_HEIGHT + 4, ACCENT, 4))
        parts += _labels(box_top - 7, [(x, f"median {money(band.median)}", "middle")], INK)
    below = box_top + BOX_HEIGHT + 16
    # 25th reads leftwards and 75th rightwards from the box; 10th and 90th on the next line.
    for y, figures in (
        (below, ((band.p25, "25th", "end", -3), (band.p75, "75th", "start", 3))),
        (below + 16, ((band.p10, "10th", "middle", 0), (band.p90, "90th", "middle", 0))),
    ):
        wanted = [
            (scale(value) + nudge, f"{name} {money(value)}", anchor)
            for value, name, anchor, nudge in figures
            if value is not None
        ]
        parts += _labels(y, wanted)
    return parts


def percentile_bands(chart_id: str, bands: list[Band], *, title: str) -> Markup:
    """One row per band on a shared dollar axis, with every figure also in the ``<desc>``."""
    low, high, step = _axis(bands)

    def scale(value: float) -> float:
        return MARGIN + (value - low) / (high - low) * (WIDTH - 2 * MARGIN)

    parts: list[str] = []
    for index, band in enumerate(bands):
        parts.extend(_row(band, index * ROW_HEIGHT, scale))
    axis_y = len(bands) * ROW_HEIGHT + 4
    parts.append(line(MARGIN, axis_y, WIDTH - MARGIN, axis_y, LINE))
    tick_values = [low + step * i for i in range(int(round((high - low) / step)) + 1)]
    for tick in tick_values:
        parts.append(line(scale(tick), axis_y, scale(tick), axis_y + 5, MUTED))
    parts += _labels(
        axis_y + 18, [(scale(tick), f"${tick / 1000:.0f}k", "middle") for tick in tick_values]
    )
    desc = (
        "Annual wage percentiles: the line spans the 10th to the 90th percentile, the box the "
        "25th to the 75th, the thick tick marks the median. "
        + " ".join(band.describe() for band in bands)
    )
    height = len(bands) * ROW_HEIGHT + AXIS_HEIGHT
    return svg(chart_id, WIDTH, height, title, desc, parts)
