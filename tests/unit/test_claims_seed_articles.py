"""The seed articles' figures as attributed claims, and how they compare with BLS."""

from __future__ import annotations

import pytest

from medcoder.errors import InvalidInput
from medcoder.wages.claims import (
    TOPICS,
    claim_conflicts,
    compare_claim,
    get_claim,
    list_articles,
    list_claims,
)

BRIEF_TOPICS = {
    "national_overview", "experience", "certification", "certification_premium", "state_top",
    "state_bottom", "specialty", "work_setting", "work_model", "remote_share", "career_ladder",
    "alternative_career", "outlook", "training_cost", "training_duration", "promotion_raise",
    "commute_savings", "third_party", "related_career",
}  # fmt: skip


def test_both_articles_are_listed_without_a_url() -> None:
    articles = list_articles()
    assert [a.id for a in articles] == ["salary-outlook-2026", "what-is-coding-salary"]
    assert all(a.url is None for a in articles)


def test_every_topic_of_the_brief_has_claims() -> None:
    assert BRIEF_TOPICS <= set(TOPICS)
    for topic in BRIEF_TOPICS:
        assert list_claims(topic=topic), topic


def test_every_claim_names_an_article_and_section() -> None:
    ids = {a.id for a in list_articles()}
    claims = list_claims()
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.article in ids and claim.section and claim.text


def test_the_first_articles_national_median_is_kept_as_published() -> None:
    claim = get_claim("a1-national-median")
    assert (claim.value_low, claim.unit, claim.topic) == (48_780, "USD/year", "national_overview")


def test_ranges_and_open_ended_figures_keep_their_shape() -> None:
    senior = get_claim("a1-senior")
    assert (senior.value_low, senior.value_high, senior.qualifier) == (58_000, 72_000, "+")
    assert senior.describe_value() == "$58,000–$72,000+"
    duration = get_claim("a2-training-duration")
    assert (duration.value_low, duration.value_high, duration.unit) == (6, 18, "months")


def test_the_articles_top_ten_states_are_all_kept() -> None:
    top = list_claims(topic="state_top", article="salary-outlook-2026")
    assert [c.rank for c in top] == list(range(1, 11))
    assert top[0].subject == "District of Columbia" and top[0].value_low == 65_400
    assert len(list_claims(topic="state_bottom")) == 5


def test_the_articles_disagree_and_both_are_kept() -> None:
    risk = list_claims(topic="specialty", subject="risk adjustment")
    articles = {c.article for c in risk}
    assert articles == {"salary-outlook-2026", "what-is-coding-salary"}


def test_national_median_claim_is_set_beside_the_oews_median() -> None:
    comparison = compare_claim(get_claim("a1-national-median"))
    assert comparison is not None
    assert comparison.official_value == 51_140
    assert comparison.verdict == "below_official"
    assert comparison.difference == 48_780 - 51_140
    assert [s.key for s in comparison.sources] == ["claims_seed_articles", "oews_may2025"]


def test_an_open_ended_claim_agrees_with_any_higher_official_figure() -> None:
    comparison = compare_claim(get_claim("a1-top-10-percent"))
    assert comparison is not None
    assert comparison.official_value == 81_150
    assert comparison.verdict == "within_range"


def test_outlook_claims_are_compared_with_the_projections() -> None:
    growth = compare_claim(get_claim("a1-outlook-growth"))
    openings = compare_claim(get_claim("a1-outlook-openings"))
    assert growth is not None and openings is not None
    assert growth.official_value == 7.1 and growth.verdict == "above_official"
    assert openings.official_value == 14_200


def test_work_setting_claims_compare_with_the_mapped_industry_mean() -> None:
    consulting = compare_claim(get_claim("a2-setting-consulting"))
    assert consulting is not None
    assert consulting.official_value == 48_580
    assert consulting.verdict == "above_official"


def test_claims_without_an_official_counterpart_are_not_compared() -> None:
    assert compare_claim(get_claim("a1-commute-savings")) is None
    assert all(c.claim.compares_to is not None for c in claim_conflicts())


@pytest.mark.parametrize(
    ("field", "kwargs"), [("topic", {"topic": "gossip"}), ("article", {"article": "x"})]
)
def test_unknown_filters_are_refused(field: str, kwargs: dict[str, str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        list_claims(**kwargs)
    assert caught.value.field == field


def test_counts_and_percentages_read_as_the_article_writes_them() -> None:
    assert get_claim("a1-outlook-openings").describe_value() == "~14,800"
    assert get_claim("a2-certified-premium").describe_value() == "20–30%"
    assert get_claim("a1-national-median-hourly").describe_value() == "$23.45"
    assert get_claim("a1-outlook-employment").describe_value() == "~240,000"
    assert get_claim("a1-aapc-certified-premium").describe_value() == "20.7%"


def test_counts_of_a_million_or_more_keep_their_separators() -> None:
    larger = get_claim("a1-outlook-openings").model_copy(update={"value_low": 1_250_000.0})
    assert larger.describe_value() == "~1,250,000"


def test_a_state_the_article_ranks_high_is_shown_below_its_claim() -> None:
    new_jersey = compare_claim(get_claim("a1-state-top-nj"))
    assert new_jersey is not None
    assert new_jersey.official_value == 54_490
    assert new_jersey.verdict == "above_official"
