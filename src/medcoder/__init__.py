"""medcoder: salary and career intelligence plus CPC exam prep for medical coders.

The public library API is the sorted ``__all__`` below; a test checks it is sorted and that every
name resolves. Names are imported on first use (PEP 562), so ``import medcoder`` — and with it
every CLI command — does not pay for loading polars, the code index or the web stack up front.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Claim": "medcoder.wages.claims",
    "DataIntegrityError": "medcoder.errors",
    "InvalidInput": "medcoder.errors",
    "MarketWages": "medcoder.wages.market",
    "NotFound": "medcoder.errors",
    "Offer": "medcoder.careers.offers",
    "OfferComparison": "medcoder.careers.offers",
    "Outlook": "medcoder.careers.outlook",
    "Plan": "medcoder.careers.plans",
    "PlanResult": "medcoder.careers.plans",
    "Profile": "medcoder.wages.estimate",
    "SalaryEstimate": "medcoder.wages.estimate",
    "Settings": "medcoder.settings",
    "Source": "medcoder.sources",
    "alternative_careers": "medcoder.careers.ladder",
    "answer_question": "medcoder.codes.ask",
    "career_ladder": "medcoder.careers.ladder",
    "compare_offers": "medcoder.careers.offers",
    "compare_purchasing_power": "medcoder.wages.cost_of_living",
    "estimate_salary": "medcoder.wages.estimate",
    "explain": "medcoder.codes.concepts_explain",
    "get_hcpcs": "medcoder.codes.hcpcs",
    "get_icd10": "medcoder.codes.icd10",
    "get_settings": "medcoder.settings",
    "list_claims": "medcoder.wages.claims",
    "load_sources": "medcoder.sources",
    "lookup_code": "medcoder.codes.lookup",
    "market_wages": "medcoder.wages.market",
    "normalize_code": "medcoder.codes.normalize",
    "outlook": "medcoder.careers.outlook",
    "rank_metros": "medcoder.wages.market",
    "rank_states": "medcoder.wages.market",
    "remote_arbitrage": "medcoder.wages.cost_of_living",
    "resolve_area": "medcoder.wages.areas",
    "search_codes": "medcoder.codes.search",
    "search_concepts": "medcoder.codes.glossary",
    "simulate_plan": "medcoder.careers.plans",
    "verify_sources": "medcoder.sources",
}

__all__ = [
    "Claim",
    "DataIntegrityError",
    "InvalidInput",
    "MarketWages",
    "NotFound",
    "Offer",
    "OfferComparison",
    "Outlook",
    "Plan",
    "PlanResult",
    "Profile",
    "SalaryEstimate",
    "Settings",
    "Source",
    "__version__",
    "alternative_careers",
    "answer_question",
    "career_ladder",
    "compare_offers",
    "compare_purchasing_power",
    "estimate_salary",
    "explain",
    "get_hcpcs",
    "get_icd10",
    "get_settings",
    "list_claims",
    "load_sources",
    "lookup_code",
    "market_wages",
    "normalize_code",
    "outlook",
    "rank_metros",
    "rank_states",
    "remote_arbitrage",
    "resolve_area",
    "search_codes",
    "search_concepts",
    "simulate_plan",
    "verify_sources",
]

if TYPE_CHECKING:
    from medcoder.careers.ladder import alternative_careers, career_ladder
    from medcoder.careers.offers import Offer, OfferComparison, compare_offers
    from medcoder.careers.outlook import Outlook, outlook
    from medcoder.careers.plans import Plan, PlanResult, simulate_plan
    from medcoder.codes.ask import answer_question
    from medcoder.codes.concepts_explain import explain
    from medcoder.codes.glossary import search_concepts
    from medcoder.codes.hcpcs import get_hcpcs
    from medcoder.codes.icd10 import get_icd10
    from medcoder.codes.lookup import lookup_code
    from medcoder.codes.normalize import normalize_code
    from medcoder.codes.search import search_codes
    from medcoder.errors import DataIntegrityError, InvalidInput, NotFound
    from medcoder.settings import Settings, get_settings
    from medcoder.sources import Source, load_sources, verify_sources
    from medcoder.wages.areas import resolve_area
    from medcoder.wages.claims import Claim, list_claims
    from medcoder.wages.cost_of_living import compare_purchasing_power, remote_arbitrage
    from medcoder.wages.estimate import Profile, SalaryEstimate, estimate_salary
    from medcoder.wages.market import MarketWages, market_wages, rank_metros, rank_states


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'medcoder' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
