"""JSON API for market wages, rankings, the estimator, outlook, claims and the career ladder.

Each route parses its query, calls one capability function and returns its pydantic result.
InvalidInput from the capability becomes a 422 naming the field (web/errors.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from medcoder.careers.ladder import AlternativeCareers, CareerLadder
from medcoder.careers.outlook import Outlook
from medcoder.wages.areas import Area
from medcoder.wages.claims import Article, Claim, ClaimComparison
from medcoder.wages.credentials import Credential
from medcoder.wages.estimate import Profile, SalaryEstimate
from medcoder.wages.market import MarketWages, Ranking
from medcoder.wages.provenance import SourceRef
from medcoder.wages.work_settings import WorkSetting

router = APIRouter(tags=["wages"])

SOC = "29-2072"
Occupation = Annotated[str, Query(description="SOC code, e.g. 29-2072.")]
AreaText = Annotated[str | None, Query(description="State, postal code or metro name.")]
By = Annotated[str, Query(description="median or mean.")]


@router.get("/wages", response_model=MarketWages)
def get_wages(
    occupation: Occupation = SOC, area: AreaText = None, setting: str | None = None
) -> MarketWages:
    """OEWS May 2025 wages in an area, or nationally in a work setting."""
    from medcoder.wages.market import market_wages

    return market_wages(occupation, area=area, setting=setting)


@router.get("/rankings/states", response_model=Ranking)
def get_state_ranking(
    by: By = "median",
    top: int | None = None,
    bottom: int | None = None,
    occupation: Occupation = SOC,
) -> Ranking:
    """States, DC and territories by annual median or mean; unpublished last."""
    from medcoder.wages.market import ranking

    return ranking(by=by, occupation=occupation, top=top, bottom=bottom)


@router.get("/rankings/metros", response_model=Ranking)
def get_metro_ranking(
    state: Annotated[str, Query(description="State name or postal code.")],
    by: By = "median",
    top: int | None = None,
    bottom: int | None = None,
    occupation: Occupation = SOC,
) -> Ranking:
    """Metro and nonmetro areas in a state by annual median or mean."""
    from medcoder.wages.market import ranking

    return ranking(state=state, by=by, occupation=occupation, top=top, bottom=bottom)


class AreaMatches(BaseModel):
    query: str
    areas: list[Area]


@router.get("/areas", response_model=AreaMatches)
def get_areas(q: str = "") -> AreaMatches:
    """Autocomplete: up to 10 areas whose names start with (then contain) ``q``."""
    from medcoder.wages.areas import search_areas

    return AreaMatches(query=q, areas=search_areas(q, limit=10))


@router.get("/estimate", response_model=SalaryEstimate)
def get_estimate(
    years: float = 0.0,
    credential: Annotated[list[str] | None, Query(description="Repeat for each.")] = None,
    specialty: str | None = None,
    area: AreaText = None,
    setting: str | None = None,
    work_model: str | None = None,
) -> SalaryEstimate:
    """Estimate a salary; the profile lives in the query string, so the URL can be shared."""
    from medcoder.wages.estimate import estimate_salary, make_profile

    profile = make_profile(
        years=years,
        credentials=credential or [],
        specialty=specialty,
        area=area,
        setting=setting,
        work_model=work_model,
    )
    return estimate_salary(profile)


@router.post("/estimate", response_model=SalaryEstimate)
def post_estimate(profile: Profile) -> SalaryEstimate:
    """Estimate a salary for a JSON profile."""
    from medcoder.wages.estimate import estimate_salary

    return estimate_salary(profile)


@router.get("/outlook", response_model=Outlook)
def get_outlook(occupation: Occupation = SOC) -> Outlook:
    """Employment Projections 2024-34, compared with all occupations, plus the articles' claims."""
    from medcoder.careers.outlook import outlook

    return outlook(occupation)


class ClaimList(BaseModel):
    articles: list[Article]
    claims: list[Claim]
    sources: list[SourceRef]


@router.get("/claims", response_model=ClaimList)
def get_claims(
    topic: str | None = None, article: str | None = None, subject: str | None = None
) -> ClaimList:
    """Every figure in the two seed articles, attributed to article and section."""
    from medcoder.wages.claims import CLAIMS_KEY, list_articles, list_claims
    from medcoder.wages.provenance import source_ref

    found = list_claims(topic=topic, article=article, subject=subject)
    return ClaimList(articles=list_articles(), claims=found, sources=[source_ref(CLAIMS_KEY)])


@router.get("/claims/comparisons", response_model=list[ClaimComparison])
def get_claim_comparisons(topic: str | None = None) -> list[ClaimComparison]:
    """Claims that name an official figure, beside it, with the gap and a verdict."""
    from medcoder.wages.claims import claim_conflicts

    return claim_conflicts(topic=topic)


@router.get("/careers/ladder", response_model=CareerLadder)
def get_career_ladder() -> CareerLadder:
    """The articles' 7-level ladder, each rung beside its matched OEWS occupation."""
    from medcoder.careers.ladder import career_ladder

    return career_ladder()


@router.get("/careers/alternatives", response_model=AlternativeCareers)
def get_alternative_careers() -> AlternativeCareers:
    """Alternative and related careers with claimed ranges and matched OEWS figures."""
    from medcoder.careers.ladder import alternative_careers

    return alternative_careers()


class SettingList(BaseModel):
    settings: list[WorkSetting]
    wages: list[MarketWages]


@router.get("/settings", response_model=SettingList)
def get_settings_list(occupation: Occupation = SOC) -> SettingList:
    """Work settings, the NAICS industry each maps to, and national wages in each."""
    from medcoder.wages.market import setting_wages
    from medcoder.wages.work_settings import WORK_SETTINGS

    return SettingList(settings=list(WORK_SETTINGS), wages=setting_wages(occupation))


class CredentialList(BaseModel):
    credentials: list[Credential]
    specialties: list[str]
    work_models: list[str]


@router.get("/credentials", response_model=CredentialList)
def get_credentials() -> CredentialList:
    """Credentials, specialties and work models the estimator accepts."""
    from medcoder.wages.credentials import CREDENTIALS
    from medcoder.wages.estimate import allowed_specialties

    return CredentialList(
        credentials=list(CREDENTIALS),
        specialties=allowed_specialties(),
        work_models=["remote", "hybrid", "onsite"],
    )
