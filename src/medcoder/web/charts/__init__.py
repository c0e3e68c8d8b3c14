"""Server-rendered SVG charts: no JavaScript, no library, readable without colour.

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states the figures
in words, so a screen reader (or a text browser) gets the same numbers the picture shows. Pages
also print the figures in a table next to each chart.
"""

from __future__ import annotations

from medcoder.web.charts.band import Band, percentile_bands
from medcoder.web.charts.bars import Bar, bar_chart
from medcoder.web.charts.svg import money, money_short
from medcoder.web.charts.tilemap import MapTile, tile_map
from medcoder.web.charts.waterfall import Step, waterfall

__all__ = [
    "Band",
    "Bar",
    "MapTile",
    "Step",
    "bar_chart",
    "money",
    "money_short",
    "percentile_bands",
    "tile_map",
    "waterfall",
]
