"""medcoder: salary and career intelligence plus CPC exam prep for medical coders.

The public library API is the sorted ``__all__`` below; a test checks it is sorted and that every
name resolves.
"""

from __future__ import annotations

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

__version__ = "0.1.0"

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
