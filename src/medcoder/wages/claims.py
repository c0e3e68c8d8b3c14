"""Published claims: every figure in the two seed articles, attributed, never blended silently.

The articles disagree with each other and with BLS. Each figure is kept as a :class:`Claim` naming
its article and section; :func:`compare_claim` sets a claim beside the official figure it talks
about (OEWS May 2025 or the 2024-34 projections) so the gap is visible.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput
from medcoder.sources import data_file
from medcoder.wages.provenance import SourceRef, source_ref
from medcoder.yaml_data import parse_yaml

CLAIMS_KEY = "claims_seed_articles"

Topic = Literal[
    "national_overview",
    "experience",
    "certification",
    "certification_premium",
    "state_top",
    "state_bottom",
    "specialty",
    "work_setting",
    "work_model",
    "remote_share",
    "career_ladder",
    "alternative_career",
    "outlook",
    "training_cost",
    "training_duration",
    "promotion_raise",
    "commute_savings",
    "third_party",
    "related_career",
    "cost_of_living",
]
TOPICS: tuple[str, ...] = Topic.__args__  # type: ignore[attr-defined]
Unit = Literal["USD/year", "USD/hour", "USD", "percent", "count", "years", "months"]


class Article(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    url: str | None
    note: str


class OfficialFigureRef(BaseModel):
    """Which official figure a claim talks about (area: a state postal code; None = national)."""

    model_config = ConfigDict(frozen=True)

    soc: str
    figure: str
    area: str | None = None
    industry: str | None = None


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    article: str
    section: str
    topic: Topic
    subject: str
    value_low: float | None = None
    value_high: float | None = None
    unit: Unit | None = None
    qualifier: str | None = None
    text: str
    attributed_to: str | None = None
    credential: str | None = None
    setting: str | None = None
    years_low: float | None = None
    years_high: float | None = None
    rank: int | None = None
    compares_to: OfficialFigureRef | None = None

    @property
    def midpoint(self) -> float | None:
        if self.value_low is None:
            return None
        if self.value_high is None:
            return self.value_low
        return (self.value_low + self.value_high) / 2

    def describe_value(self) -> str:
        """The figure as the article gives it, e.g. "$55,000–$72,000+" or "20–25%"."""
        if self.value_low is None:
            return "no figure"
        low, high = self.value_low, self.value_high
        if self.unit in ("USD/year", "USD"):
            text = f"${low:,.0f}" + (f"–${high:,.0f}" if high is not None else "")
        elif self.unit == "USD/hour":
            text = f"${low:,.2f}" + (f"–${high:,.2f}" if high is not None else "")
        else:
            number = _plain_number(low) + (f"–{_plain_number(high)}" if high is not None else "")
            suffix = {"percent": "%", "years": " years", "months": " months"}.get(self.unit or "")
            text = number + (suffix or "")
        return f"{self.qualifier}{text}" if self.qualifier == "~" else text + (self.qualifier or "")


def _plain_number(value: float) -> str:
    """14800 → "14,800", 20.7 → "20.7": separators, no trailing ".0", never "1.2e+06"."""
    if value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


class ClaimSet(BaseModel):
    articles: list[Article]
    claims: list[Claim]


@lru_cache(maxsize=1)
def load_claims() -> ClaimSet:
    raw = parse_yaml(data_file(CLAIMS_KEY).read_text(encoding="utf-8"))
    return ClaimSet.model_validate(raw)


def list_articles() -> list[Article]:
    return list(load_claims().articles)


def article_title(article_id: str) -> str:
    return next(a.title for a in load_claims().articles if a.id == article_id)


def claim_source(claim: Claim) -> SourceRef:
    return source_ref(
        CLAIMS_KEY, f"{article_title(claim.article)} — {claim.section} (claim {claim.id})"
    )


def list_claims(
    *, topic: str | None = None, article: str | None = None, subject: str | None = None
) -> list[Claim]:
    """Claims in article order, filtered by topic, article id and subject (case-insensitive)."""
    claims = load_claims().claims
    if topic:
        if topic not in TOPICS:
            raise InvalidInput("topic", f"unknown topic {topic!r}", allowed=list(TOPICS))
        claims = [c for c in claims if c.topic == topic]
    if article:
        ids = [a.id for a in load_claims().articles]
        if article not in ids:
            raise InvalidInput("article", f"unknown article {article!r}", allowed=ids)
        claims = [c for c in claims if c.article == article]
    if subject:
        wanted = subject.casefold()
        claims = [c for c in claims if wanted in c.subject.casefold()]
    return list(claims)


@lru_cache(maxsize=1)
def _claims_by_id() -> dict[str, Claim]:
    return {claim.id: claim for claim in load_claims().claims}


def get_claim(claim_id: str) -> Claim:
    found = _claims_by_id().get(claim_id)
    if found is not None:
        return found
    raise InvalidInput("claim", f"unknown claim id {claim_id!r}")


Verdict = Literal["matches", "within_range", "above_official", "below_official"]


class ClaimComparison(BaseModel):
    claim: Claim
    official_value: float
    official_label: str
    difference: float
    difference_percent: float
    verdict: Verdict
    sources: list[SourceRef]


def _verdict(claim: Claim, official: float) -> tuple[Verdict, float]:
    """Compare by the claim's range: inside (or within 1% of a single value) is no conflict.

    A "+" qualifier leaves the top open ("$72,000+" agrees with any official figure above it).
    """
    low = claim.value_low or 0.0
    open_top = claim.qualifier == "+"
    high = claim.value_high if claim.value_high is not None else low
    if claim.value_high is None and not open_top and abs(low - official) <= 0.01 * abs(official):
        return "matches", low - official
    if low <= official and (open_top or official <= high):
        return "within_range", (claim.midpoint or low) - official
    if official > high:
        return "below_official", high - official
    return "above_official", low - official


def compare_claim(claim: Claim) -> ClaimComparison | None:
    """The claim beside the official figure it talks about, or None when it names none."""
    ref = claim.compares_to
    if ref is None or claim.value_low is None:
        return None
    from medcoder.wages.official_figures import official_figure

    official = official_figure(ref)
    if official is None:
        return None
    value, label, source = official
    verdict, difference = _verdict(claim, value)
    return ClaimComparison(
        claim=claim,
        official_value=value,
        official_label=label,
        difference=round(difference, 2),
        difference_percent=round(100 * difference / value, 1) if value else 0.0,
        verdict=verdict,
        sources=[claim_source(claim), source],
    )


def claim_conflicts(*, topic: str | None = None) -> list[ClaimComparison]:
    """Every claim that names an official figure, compared with it (conflicts included)."""
    comparisons = (compare_claim(claim) for claim in list_claims(topic=topic))
    return [c for c in comparisons if c is not None]
