"""Horizontal bar chart with the label above each bar, so long names fit on a phone."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from medcoder.web.charts.svg import ACCENT, LINE, MUTED, money, nice_ceiling, rect, svg, text

WIDTH = 420
MARGIN = 14
ROW_HEIGHT = 40
VALUE_ROOM = 70  # space right of the longest bar for its value label


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None
    highlight: bool = False


def bar_chart(chart_id: str, bars: list[Bar], *, title: str, what: str) -> Markup:
    """Bars scaled from zero (so lengths compare honestly); unpublished values say so in words.

    ``what`` names the measure for the description, e.g. "annual median wage".
    """
    published = [bar.value for bar in bars if bar.value is not None]
    maximum = nice_ceiling(max(published)) if published else 1.0
    usable = WIDTH - 2 * MARGIN - VALUE_ROOM
    parts: list[str] = []
    for index, bar in enumerate(bars):
        top = index * ROW_HEIGHT
        parts.append(
            text(MARGIN, top + 14, bar.label, font_weight="700" if bar.highlight else "400")
        )
        if bar.value is None:
            parts.append(text(MARGIN, top + 32, "not published", fill=MUTED))
            continue
        length = bar.value / maximum * usable
        parts.append(rect(MARGIN, top + 20, usable, 14, "#f6f8fa", stroke=LINE))
        parts.append(rect(MARGIN, top + 20, length, 14, ACCENT if bar.highlight else "#4a86c5"))
        parts.append(text(MARGIN + length + 6, top + 32, money(bar.value)))
    desc = f"{what.capitalize()}: " + "; ".join(f"{bar.label} {money(bar.value)}" for bar in bars)
    return svg(chart_id, WIDTH, max(len(bars), 1) * ROW_HEIGHT + 6, title, desc + ".", parts)
