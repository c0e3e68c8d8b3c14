"""The SVG charts and the Markdown subset behind the salary pages."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from medcoder.web.charts import Band, Bar, MapTile, Step, bar_chart, percentile_bands, tile_map
from medcoder.web.charts import waterfall as waterfall_chart
from medcoder.web.charts.band import LABEL_GAP, MARGIN, WIDTH, place
from medcoder.web.charts.svg import money, money_short, nice_ceiling
from medcoder.web.charts.tilemap import GRID, PALETTE, colour_class, quantile_breaks
from medcoder.web.markdown import render_markdown

TEXAS = Band("Texas", 34_440, 39_470, 48_860, 63_970, 78_390)


def test_money_never_shows_an_unpublished_figure_as_zero() -> None:
    assert money(51_140) == "$51,140"
    assert money(-1_200) == "−$1,200"
    assert money(None) == "n/a"
    assert money_short(48_860) == "$48.9k"


def test_axis_maximum_rounds_up_to_a_readable_step() -> None:
    assert nice_ceiling(51_140) == 60_000
    assert nice_ceiling(63_970) == 80_000
    assert nice_ceiling(224_340) == 250_000
    assert nice_ceiling(9) == 10


def test_band_chart_is_an_accessible_image_stating_every_percentile() -> None:
    svg = str(percentile_bands("tx", [TEXAS], title="Texas wages"))
    assert svg.startswith('<svg id="tx"') and 'role="img"' in svg
    assert 'aria-labelledby="tx-title tx-desc"' in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    assert desc is not None
    for figure in ("$34,440", "$39,470", "$48,860", "$63,970", "$78,390"):
        assert figure in desc.group(1)


def test_band_chart_says_when_a_place_has_no_published_wages() -> None:
    svg = str(
        percentile_bands("x", [Band("Eagle Pass, TX", None, None, None, None, None)], title="t")
    )
    assert "Not published by BLS" in svg


@given(
    st.lists(
        st.tuples(st.floats(-100, WIDTH + 100), st.floats(20, 120)), min_size=1, max_size=3
    ).filter(lambda spans: sum(w for _x, w in spans) + LABEL_GAP * len(spans) < WIDTH - 2 * MARGIN)
)
def test_labels_on_one_line_never_overlap_or_leave_the_chart(
    spans: list[tuple[float, float]],
) -> None:
    lefts = place(spans)
    for index in range(len(lefts) - 1):
        assert lefts[index] + spans[index][1] + LABEL_GAP <= lefts[index + 1] + 1e-9
    assert lefts[0] >= MARGIN - 1e-9
    assert lefts[-1] + spans[-1][1] <= WIDTH - MARGIN + 1e-9


def test_tile_map_splits_states_into_five_similar_sized_colour_classes() -> None:
    values = [float(v) for v in range(40_000, 65_000, 500)]  # 50 values
    breaks = quantile_breaks(values)
    counts = [0] * len(PALETTE)
    for value in values:
        counts[colour_class(value, breaks)] += 1
    assert counts == [10, 10, 10, 10, 10]


def test_tile_map_links_each_tile_and_greys_out_unpublished_states() -> None:
    tiles = [
        MapTile("TX", "Texas", 48_860, "/states/TX"),
        MapTile("CA", "California", 61_810, "/states/CA"),
        MapTile("VI", "Virgin Islands", None, "/states/VI"),
    ]
    svg = str(tile_map("map", tiles, title="Median by state", measure="annual median wage"))
    assert svg.count('class="tile"') == 3
    assert 'href="/states/TX" tabindex="-1"' in svg
    assert "Virgin Islands: n/a" in svg
    assert "Highest: California $61,810, Texas $48,860" in svg


def test_every_state_dc_and_territory_has_its_own_tile() -> None:
    assert len(GRID) == 50 + 1 + 3  # states, DC, Puerto Rico, Guam, Virgin Islands
    assert len(set(GRID.values())) == len(GRID)


def test_waterfall_describes_each_step_and_the_total() -> None:
    svg = str(
        waterfall_chart(
            "w",
            start_label="Market median",
            start=48_860,
            steps=[Step("Experience", 4_740), Step("Remote", -1_000)],
            end_label="Estimate",
            title="t",
        )
    )
    assert "Experience: +$4,740." in svg
    assert "Remote: −$1,000." in svg
    assert "Estimate: $52,600." in svg


def test_bar_chart_scales_from_zero_and_names_unpublished_bars() -> None:
    svg = str(
        bar_chart(
            "b",
            [Bar("Hospitals", 59_120), Bar("Somewhere", None)],
            title="t",
            what="annual median wage",
        )
    )
    assert "Hospitals $59,120; Somewhere n/a" in svg
    assert "not published" in svg


def test_markdown_subset_renders_headings_lists_tables_and_inline_marks() -> None:
    html = str(
        render_markdown(
            "# Method\n\nText with **What might *I* earn?** and `code`.\n\n"
            "- one\n  continued\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "See [the sources](/sources) or [BLS](https://www.bls.gov/).",
            top_heading=1,
        )
    )
    assert "<h2>Method</h2>" in html
    assert "<strong>What might <em>I</em> earn?</strong>" in html
    assert "<li>one continued</li><li>two</li>" in html
    assert '<th scope="col">a</th>' in html and "<td>2</td>" in html
    assert '<a href="/sources">the sources</a>' in html
    assert 'href="https' not in html and "<code>https://www.bls.gov/</code>" in html


def test_markdown_escapes_html_in_the_source() -> None:
    assert "&lt;script&gt;" in str(render_markdown("<script>alert(1)</script>"))
