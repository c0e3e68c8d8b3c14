"""What every chart shares: the accessible ``<svg>`` wrapper, escaping and money formatting."""

from __future__ import annotations

import math
from collections.abc import Iterable

from markupsafe import Markup, escape

# Matches app.css; ink on light fills and white on dark fills both pass WCAG AA contrast.
INK = "#1b1f24"
MUTED = "#57606a"
LINE = "#d0d7de"
ACCENT = "#0b5cad"
BAND = "#9ec5ee"
GAIN = "#1a7f37"
LOSS = "#b42318"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def money(value: float | None) -> str:
    """``51140`` → ``$51,140``; ``None`` → ``n/a`` (an unpublished figure is never shown as 0)."""
    if value is None:
        return "n/a"
    sign = "−" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"


def money_short(value: float | None) -> str:
    """``51140`` → ``$51.1k``: for labels inside small shapes."""
    if value is None:
        return "n/a"
    sign = "−" if value < 0 else ""
    return f"{sign}${abs(value) / 1000:,.1f}k"


def signed_money(value: float) -> str:
    return ("+" if value >= 0 else "") + money(value)


def text(x: float, y: float, content: str, **attributes: str | float) -> str:
    extra = "".join(
        f' {name.replace("_", "-")}="{escape(str(v))}"' for name, v in attributes.items()
    )
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(content)}</text>'


def rect(x: float, y: float, width: float, height: float, fill: str, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", "-")}="{escape(v)}"' for name, v in attributes.items())
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{height:.1f}" '
        f'fill="{fill}"{extra}/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="{width}"/>'
    )


def svg(
    chart_id: str, width: float, height: float, title: str, desc: str, body: Iterable[str]
) -> Markup:
    """The accessible wrapper: role=img, labelled by its title and described by its desc."""
    safe_id = escape(chart_id)
    return Markup(
        f'<svg id="{safe_id}" class="chart-svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="{safe_id}-title {safe_id}-desc" font-family="{FONT}" '
        f'font-size="13" fill="{INK}">'
        f'<title id="{safe_id}-title">{escape(title)}</title>'
        f'<desc id="{safe_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def nice_ceiling(value: float) -> float:
    """Round an axis maximum up to a readable step times a power of ten (51,140 → 60,000)."""
    if value <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def ticks(maximum: float, count: int = 4) -> list[float]:
    return [maximum * index / count for index in range(count + 1)]
