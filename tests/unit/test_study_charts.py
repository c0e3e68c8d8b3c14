"""The study line charts say their figures in words and draw the target line."""

from __future__ import annotations

from medcoder.web.pages.study_charts import line_chart


def test_a_lookup_chart_states_its_figures_and_the_exam_pace() -> None:
    chart = str(
        line_chart(
            "drill",
            [200.0, 150.0, 120.0],
            target=144,
            target_label="exam pace 144 s",
            title="Seconds per lookup",
            what="lookups",
            fmt=lambda value: f"{value:.0f} s",
        )
    )
    assert 'role="img"' in chart and '<title id="drill-title">Seconds per lookup</title>' in chart
    assert "3 lookups; the latest 3: 200 s, 150 s, 120 s. Target: exam pace 144 s." in chart
    assert chart.count("<circle") == 3 and "stroke-dasharray" in chart


def test_an_empty_chart_says_there_is_nothing_yet() -> None:
    chart = str(
        line_chart(
            "exams",
            [],
            target=70,
            target_label="pass mark 70%",
            title="Scores",
            what="practice exam scores",
            fmt=lambda value: f"{value:.0f}%",
            y_max=100,
        )
    )
    assert "No practice exam scores yet. Target: pass mark 70%." in chart
    assert "<circle" not in chart
