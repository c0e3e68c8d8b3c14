"""Waterfall chart for a salary estimate: the starting figure, each factor's dollar effect as a
step up (green) or down (red), and the result, one row per step so labels stay readable."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from medcoder.web.charts.svg import (
    ACCENT,
    GAIN,
    LINE,
    LOSS,
    line,
    money,
    rect,
    signed_money,
    svg,
    text,
)

WIDTH = 420
MARGIN = 14
ROW_HEIGHT = 42
BAR_HEIGHT = 16


@dataclass(frozen=True, slots=True)
class Step:
    label: str
    effect: float


def waterfall(
    chart_id: str,
    *,
    start_label: str,
    start: float,
    steps: list[Step],
    end_label: str,
    title: str,
) -> Markup:
    """Start bar, one floating bar per factor, and the total bar; the axis starts at zero."""
    running = start
    levels = [start]
    for step in steps:
        running += step.effect
        levels.append(running)
    end = running
    maximum = max([*levels, 1.0])
    top_of_axis = math.ceil(maximum / 10_000) * 10_000
    usable = WIDTH - 2 * MARGIN - 78

    def x(value: float) -> float:
        return MARGIN + max(value, 0) / top_of_axis * usable

    parts = [_total_row(0, start_label, start, x)]
    level = start
    for index, step in enumerate(steps, start=1):
        top = index * ROW_HEIGHT
        new_level = level + step.effect
        left, right = sorted((x(level), x(new_level)))
        colour = GAIN if step.effect >= 0 else LOSS
        parts.append(text(MARGIN, top + 14, step.label))
        parts.append(line(x(level), top - ROW_HEIGHT + 20, x(level), top + 36, LINE))
        parts.append(rect(left, top + 20, max(right - left, 2), BAR_HEIGHT, colour))
        parts.append(text(right + 6, top + 33, signed_money(step.effect), fill=colour))
        level = new_level
    parts.append(_total_row((len(steps) + 1) * ROW_HEIGHT, end_label, end, x))
    desc = (
        f"{start_label}: {money(start)}. "
        + " ".join(f"{step.label}: {signed_money(step.effect)}." for step in steps)
        + f" {end_label}: {money(end)}."
    )
    height = (len(steps) + 2) * ROW_HEIGHT + 4
    return svg(chart_id, WIDTH, height, title, desc, parts)


def _total_row(top: float, label: str, value: float, x: Callable[[float], float]) -> str:
    return (
        text(MARGIN, top + 14, label, font_weight="700")
        + rect(MARGIN, top + 20, x(value) - MARGIN, BAR_HEIGHT, ACCENT)
        + text(x(value) + 6, top + 33, money(value), font_weight="700")
    )
