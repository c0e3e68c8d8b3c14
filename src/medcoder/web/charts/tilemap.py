"""US tile-grid map: one square per state (plus DC and territories) coloured by a value.

A tile grid keeps small states as visible as large ones, and needs no map geometry file. Tiles
link to the state's page for mouse and touch users; they stay out of the tab order because the
table printed under the map carries the same links for keyboard and screen-reader users.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from medcoder.web.charts.svg import INK, MUTED, money, money_short, rect, svg, text

# (column, row) of each tile; the usual layout of US tile-grid maps, territories along the bottom.
GRID: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (11, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2),
    "WI": (7, 2), "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4),
    "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5),
    "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "GU": (1, 7), "TX": (4, 7), "FL": (9, 7), "PR": (11, 7), "VI": (11, 6),
}  # fmt: skip

# Sequential blues, light to dark; label colour chosen per fill for WCAG AA contrast.
PALETTE = ("#deebf7", "#b3d3ec", "#6baed6", "#2171b5", "#08306b")
LABEL_ON = (INK, INK, INK, "#ffffff", "#ffffff")
MISSING = "#eeeeee"
TILE = 40
GAP = 4
MARGIN = 4
LEGEND_HEIGHT = 64


@dataclass(frozen=True, slots=True)
class MapTile:
    postal: str
    name: str
    value: float | None
    href: str


def quantile_breaks(values: list[float], classes: int = len(PALETTE)) -> list[float]:
    """Upper bounds of each colour class, so each class holds about the same number of tiles."""
    ordered = sorted(values)
    if not ordered:
        return []
    return [
        ordered[min(len(ordered) - 1, (len(ordered) * k) // classes)] for k in range(1, classes)
    ]


def colour_class(value: float, breaks: list[float]) -> int:
    return sum(1 for bound in breaks if value >= bound)


def tile_map(chart_id: str, tiles: list[MapTile], *, title: str, measure: str) -> Markup:
    """Tiles coloured into quintiles of the published values, with a legend of the ranges."""
    published = [tile.value for tile in tiles if tile.value is not None]
    breaks = quantile_breaks(published)
    parts: list[str] = []
    for tile in tiles:
        if tile.postal not in GRID:
            continue
        column, row = GRID[tile.postal]
        x, y = MARGIN + column * (TILE + GAP), MARGIN + row * (TILE + GAP)
        if tile.value is None:
            fill, ink = MISSING, INK
        else:
            index = colour_class(tile.value, breaks)
            fill, ink = PALETTE[index], LABEL_ON[index]
        parts.append(
            f'<a href="{escape(tile.href)}" tabindex="-1" class="tile" '
            f'data-postal="{escape(tile.postal)}">'
            f"<title>{escape(tile.name)}: {escape(money(tile.value))}</title>"
            + rect(x, y, TILE, TILE, fill, rx="3")
            + text(
                x + TILE / 2, y + 17, tile.postal, fill=ink, font_weight="700", text_anchor="middle"
            )
            + text(
                x + TILE / 2,
                y + 32,
                money_short(tile.value),
                fill=ink,
                font_size="10",
                text_anchor="middle",
            )
            + "</a>"
        )
    width = MARGIN * 2 + 12 * (TILE + GAP)
    legend_top = MARGIN + 8 * (TILE + GAP) + 6
    parts.extend(_legend(legend_top, published, breaks, measure))
    ranked = sorted((t for t in tiles if t.value is not None), key=lambda t: -(t.value or 0))
    desc = (
        f"Tile map of {measure} by state. Highest: "
        + ", ".join(f"{t.name} {money(t.value)}" for t in ranked[:5])
        + ". Lowest: "
        + ", ".join(f"{t.name} {money(t.value)}" for t in ranked[-5:])
        + ". The table below lists every state."
    )
    return svg(chart_id, width, legend_top + LEGEND_HEIGHT, title, desc, parts)


def _legend(top: float, published: list[float], breaks: list[float], measure: str) -> list[str]:
    parts = [text(MARGIN, top + 12, f"{measure.capitalize()} (each colour ≈ one fifth of states)")]
    if not published:
        return parts
    bounds = [min(published), *breaks, max(published)]
    swatch = 94
    for index, colour in enumerate(PALETTE):
        x = MARGIN + index * (swatch + 4)
        low, high = bounds[index], bounds[index + 1]
        parts.append(rect(x, top + 20, swatch, 14, colour, stroke="#8c959f"))
        parts.append(
            text(x, top + 50, f"{money_short(low)}–{money_short(high)}", font_size="11", fill=MUTED)
        )
    x = MARGIN + len(PALETTE) * (swatch + 4)
    parts.append(rect(x, top + 20, 24, 14, MISSING, stroke="#8c959f"))
    parts.append(text(x, top + 50, "n/a", font_size="11", fill=MUTED))
    return parts
