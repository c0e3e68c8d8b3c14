"""Server-rendered SVG line charts of the study pages: exam scores and seconds per lookup.

Both show a series against a target line (the 70 % pass mark, the exam's 144 s a question), with
the figures in the ``<desc>`` so a screen reader gets the same numbers; the pages print a table
beside each chart as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from medcoder.web.charts.svg import ACCENT, LINE, LOSS, MUTED, line, nice_ceiling, svg, text, ticks

WIDTH = 420
HEIGHT = 220
LEFT = 48
RIGHT = 16
TOP = 16
BOTTOM = 34


def line_chart(
    chart_id: str,
    values: Sequence[float],
    *,
    target: float,
    target_label: str,
    title: str,
    what: str,
    fmt: Callable[[float], str],
    y_max: float | None = None,
) -> Markup:
    """Points in order (1, 2, 3 …) joined by a line, plus a dashed horizontal target line."""
    top = y_max if y_max is not None else nice_ceiling(max([*values, target]) * 1.1)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x_at(index: int) -> float:
        return LEFT + (plot_w * index / max(len(values) - 1, 1) if len(values) > 1 else plot_w / 2)

    def y_at(value: float) -> float:
        return TOP + plot_h * (1 - min(value, top) / top)

    body: list[str] = []
    for tick in ticks(top):
        body.append(line(LEFT, y_at(tick), WIDTH - RIGHT, y_at(tick), LINE))
        body.append(text(LEFT - 6, y_at(tick) + 4, fmt(tick), text_anchor="end", fill=MUTED))
    body.append(
        f'<line x1="{LEFT}" y1="{y_at(target):.1f}" x2="{WIDTH - RIGHT}" y2="{y_at(target):.1f}" '
        f'stroke="{LOSS}" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    body.append(text(WIDTH - RIGHT, y_at(target) - 6, target_label, text_anchor="end", fill=LOSS))
    points = [(x_at(index), y_at(value)) for index, value in enumerate(values)]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{ACCENT}" stroke-width="2.5"/>')
    for x, y in points:
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{ACCENT}"/>')
    body.append(text(LEFT, HEIGHT - 10, "#1", fill=MUTED))
    if len(values) > 1:
        body.append(
            text(WIDTH - RIGHT, HEIGHT - 10, f"#{len(values)}", text_anchor="end", fill=MUTED)
        )
    listed = ", ".join(fmt(value) for value in values[-12:])
    desc = (
        f"{len(values)} {what}; the latest {min(len(values), 12)}: {listed}. "
        f"Target: {target_label}."
        if values
        else f"No {what} yet. Target: {target_label}."
    )
    return svg(chart_id, WIDTH, HEIGHT, title, desc, body)
