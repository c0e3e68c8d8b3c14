"""Career-plan trajectory charts: one small panel per plan, side by side, on a shared scale.

Each panel shows the plan's yearly pay band (low–high, shaded), its median (solid line) and the
do-nothing baseline median (dashed). All panels share one y-axis so their heights compare
honestly. The ``<desc>`` states the numbers in words and the page prints them in a table.
"""

from __future__ import annotations

from markupsafe import Markup

from medcoder.careers.plans import PlanResult
from medcoder.web.charts.svg import (
    ACCENT,
    BAND,
    LINE,
    MUTED,
    line,
    money,
    money_short,
    nice_ceiling,
    rect,
    svg,
    text,
    ticks,
)

WIDTH = 300
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 48, 10, 28, 30


def _scale(maximum: float, years: int) -> tuple[float, float, float]:
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    step = plot_w / max(years - 1, 1)
    return step, plot_h / maximum, plot_h


def _points(values: list[float], step: float, unit: float, plot_h: float) -> str:
    return " ".join(
        f"{LEFT + index * step:.1f},{TOP + plot_h - value * unit:.1f}"
        for index, value in enumerate(values)
    )


def _panel(chart_id: str, result: PlanResult, maximum: float) -> Markup:
    years = result.years
    step, unit, plot_h = _scale(maximum, len(years))
    body: list[str] = []
    for tick in ticks(maximum):
        y = TOP + plot_h - tick * unit
        body.append(line(LEFT, y, WIDTH - RIGHT, y, LINE))
        body.append(text(LEFT - 4, y + 4, money_short(tick), text_anchor="end", fill=MUTED))
    # The band's outline: along the high edge, then back along the low edge.
    upper = _points([row.high for row in years], step, unit, plot_h).split()
    lower = _points([row.low for row in years], step, unit, plot_h).split()
    outline = " ".join(upper + lower[::-1])
    body.append(f'<polygon points="{outline}" fill="{BAND}" opacity="0.7"/>')
    baseline = _points([row.baseline_median for row in years], step, unit, plot_h)
    body.append(
        f'<polyline points="{baseline}" fill="none" stroke="{MUTED}" stroke-width="2" '
        'stroke-dasharray="5 4"/>'
    )
    median = _points([row.median for row in years], step, unit, plot_h)
    body.append(f'<polyline points="{median}" fill="none" stroke="{ACCENT}" stroke-width="2.5"/>')
    for index, row in enumerate(years):
        if len(years) <= 12 or index % 2 == 0:
            x = LEFT + index * step
            body.append(text(x, HEIGHT - BOTTOM + 16, str(row.year), text_anchor="middle"))
    body.append(text(LEFT, 16, result.name, font_weight="700"))
    first, last = years[0], years[-1]
    desc = (
        f"{result.name}: median pay {money(first.median)} in year {first.year}, "
        f"{money(last.median)} in year {last.year} (band {money(last.low)} to "
        f"{money(last.high)}); doing nothing: {money(first.baseline_median)} to "
        f"{money(last.baseline_median)}. Net present value of the difference: "
        f"{money(result.npv_vs_baseline)}."
    )
    return svg(chart_id, WIDTH, HEIGHT, f"Pay trajectory: {result.name}", desc, body)


def trajectory_panels(chart_id: str, results: list[PlanResult]) -> list[Markup]:
    """One accessible SVG per plan, all on the same y-axis."""
    maximum = nice_ceiling(max(row.high for result in results for row in result.years))
    return [_panel(f"{chart_id}-{index}", result, maximum) for index, result in enumerate(results)]


def legend() -> Markup:
    return Markup(
        '<p class="chart-legend">'
        '<span class="swatch-median">━</span> median pay · '
        '<span class="swatch-band">■</span> low–high band · '
        '<span class="swatch-baseline">╌</span> doing nothing (median)</p>'
    )


def count_bars(chart_id: str, bars: list[tuple[str, int]], *, title: str, what: str) -> Markup:
    """Vertical bars of counts (a histogram), each labelled with its count."""
    width, height, bottom, top = 420, 200, 36, 16
    maximum = max((count for _, count in bars), default=0) or 1
    slot = (width - 20) / max(len(bars), 1)
    body = [line(10, height - bottom, width - 10, height - bottom, LINE)]
    for index, (label, count) in enumerate(bars):
        bar_h = count / maximum * (height - bottom - top - 14)
        x = 10 + index * slot
        body.append(rect(x + 4, height - bottom - bar_h, slot - 8, bar_h, ACCENT))
        centre = x + slot / 2
        body.append(text(centre, height - bottom - bar_h - 4, f"{count:,}", text_anchor="middle"))
        body.append(
            text(
                centre, height - bottom + 16, label, text_anchor="middle", font_size=11, fill=MUTED
            )
        )
    desc = f"{what.capitalize()}: " + "; ".join(f"{label}: {count:,}" for label, count in bars)
    return svg(chart_id, width, height, title, desc + ".", body)
