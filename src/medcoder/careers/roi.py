"""Return on a career move: net present value, payback time, and the cited costs behind them.

Conventions, so the numbers can be checked by hand:

- cash flows are yearly and arrive at the end of each year: year 1 is discounted once,
  ``npv = Σ cash_flow[t] / (1 + rate) ** t`` for t = 1…n;
- payback is the upfront cost divided by the monthly gain in pay (annual gain / 12), in months,
  rounded up to one decimal; no gain means no payback (None).

Costs come from the articles' claims (training programs $1,000–$15,000, self-study $500–$3,000,
6–18 months of study) or, where the articles are silent, from a cited third-party figure (the CPC
exam fee, about $399 for AAPC members) that is labelled as such.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput

TrainingRoute = Literal["program", "self_study", "none"]

# The CPC exam facts gathered for this project cite cpctestprep.com (a third party):
# "fee about $399 for members; check AAPC". Not in the articles, so it is labelled.
CPC_EXAM_FEE = 399.0
CPC_EXAM_FEE_CITATION = (
    "CPC exam fee about $399 for AAPC members, one free retake included (cpctestprep.com, "
    "third party, via medcoder's CPC exam facts; check aapc.com)"
)
CPC_RENEWAL_CEUS = (
    "36 CEUs every two years to keep an AAPC credential (medicoexam.com, third party)"
)
EXAMS_WITH_CITED_FEE = frozenset({"CPC", "CPC-A"})


class CostRange(BaseModel):
    """A cited range of money or time; ``midpoint`` is what a single-number answer uses."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    unit: str
    citation: str

    @property
    def midpoint(self) -> float:
        return (self.low + self.high) / 2


def check_rate(rate: float) -> float:
    if not 0 <= rate <= 0.5:
        raise InvalidInput("discount_rate", f"must be between 0 and 0.5 (0–50 %), got {rate}")
    return rate


def npv(cash_flows: Sequence[float], rate: float) -> float:
    """Net present value of end-of-year ``cash_flows`` (year 1 first) at ``rate`` per year."""
    check_rate(rate)
    return sum(flow / (1 + rate) ** year for year, flow in enumerate(cash_flows, start=1))


def payback_months(cost: float, annual_gain: float) -> float | None:
    """Months of extra pay needed to earn back ``cost``; None when the move pays nothing more."""
    if cost < 0:
        raise InvalidInput("cost", f"must not be negative, got {cost}")
    if annual_gain <= 0:
        return None
    return math.ceil(cost / (annual_gain / 12) * 10) / 10


def _claim_range(topic: str, keyword: str) -> CostRange:
    from medcoder.wages.claims import list_claims

    for claim in list_claims(topic=topic):
        text = f"{claim.subject} {claim.text}".casefold()
        if keyword in text and claim.value_low is not None:
            high = claim.value_high if claim.value_high is not None else claim.value_low
            return CostRange(
                low=claim.value_low,
                high=high,
                unit=claim.unit,
                citation=f"{claim.article}: {claim.text} (claim {claim.id})",
            )
    raise LookupError(f"no {topic!r} claim mentioning {keyword!r} in the bundled articles")


def training_cost(route: TrainingRoute) -> CostRange | None:
    """Cited cost of preparing for a credential by ``route`` (None for "none")."""
    if route == "none":
        return None
    if route == "program":
        return _claim_range("training_cost", "program")
    return _claim_range("training_cost", "self")


def study_time() -> CostRange:
    """Cited time to complete coding training (months)."""
    return _claim_range("training_duration", "")


def promotion_raise() -> CostRange:
    """Cited raise per promotion up the coding ladder (percent)."""
    return _claim_range("promotion_raise", "")


def commute_savings() -> CostRange:
    """Cited yearly savings from not commuting (USD/year)."""
    return _claim_range("commute_savings", "")


def exam_fee(credential: str, entered: float | None) -> tuple[float, str] | None:
    """The exam fee to count: what the user entered, else the cited CPC fee, else nothing."""
    if entered is not None:
        return entered, "exam fee entered"
    if credential.upper() in EXAMS_WITH_CITED_FEE:
        return CPC_EXAM_FEE, CPC_EXAM_FEE_CITATION
    return None
