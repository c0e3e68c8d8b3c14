"""Roles a plan can move into beyond coding itself, each with the articles' cited pay range.

The ranges come from ``medcoder.careers.ladder`` (the ladder rungs and alternative careers).

Ladder roles (auditor, supervisor, manager, director) are promotions: a plan applies the cited
15–30 % promotion raise to them, and shows the ladder's cited range beside it. Alternative
careers (CDI, revenue cycle, compliance, education, HIM, consulting) are moves into another
job, priced at their cited range. The ranges are the articles' claims, never official statistics.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput

RoleKind = Literal["promotion", "alternative"]

# role key -> (title, kind, claim id with the cited pay range, extra names people type)
_ROLES: dict[str, tuple[str, RoleKind, str, tuple[str, ...]]] = {
    "auditor": ("Coding auditor", "promotion", "a1-ladder-4-pay", ("auditing", "coding auditor")),
    "supervisor": ("Coding supervisor", "promotion", "a1-ladder-5-pay", ("supervision",)),
    "manager": ("Coding manager", "promotion", "a1-ladder-6-pay", ("management",)),
    "director": ("Director of HIM/coding", "promotion", "a1-ladder-7-pay", ("him director",)),
    "cdi": ("Clinical documentation improvement", "alternative", "a1-alt-cdi",
            ("clinical documentation improvement", "cdi specialist")),
    "revenue_cycle": ("Revenue cycle manager", "alternative", "a1-alt-revenue-cycle",
                      ("revenue cycle", "revenue-cycle")),
    "compliance": ("Compliance officer", "alternative", "a1-alt-compliance",
                   ("compliance officer",)),
    "education": ("Coding educator/trainer", "alternative", "a1-alt-educator",
                  ("educator", "trainer", "coding educator")),
    "him": ("Health information manager", "alternative", "a1-alt-him-manager",
            ("health information management", "him manager")),
    "consulting": ("Medical coding consultant", "alternative", "a1-alt-consultant",
                   ("consultant",)),
}  # fmt: skip


class RoleBand(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    title: str
    kind: RoleKind
    low: float
    high: float
    claim_id: str
    citation: str

    @property
    def basis(self) -> str:
        if self.kind == "promotion":
            return (
                f"cited promotion raise of 15–30 % on the pay before the move (the ladder's cited "
                f"range for this role is ${self.low:,.0f}–${self.high:,.0f}; {self.citation})"
            )
        return f"cited range ${self.low:,.0f}–${self.high:,.0f} ({self.citation})"


@lru_cache(maxsize=1)
def list_roles() -> tuple[RoleBand, ...]:
    from medcoder.careers.ladder import alternative_careers, career_ladder
    from medcoder.wages.claims import article_title

    steps = [*career_ladder().levels, *alternative_careers().careers]
    by_claim = {step.claim.id: step for step in steps}
    roles = []
    for key, (title, kind, claim_id, _aliases) in _ROLES.items():
        claim = by_claim[claim_id].claim
        low = claim.value_low or 0.0
        roles.append(
            RoleBand(
                key=key,
                title=title,
                kind=kind,
                low=low,
                high=claim.value_high if claim.value_high is not None else low,
                claim_id=claim.id,
                citation=f"{article_title(claim.article)} — {claim.section}",
            )
        )
    return tuple(roles)


def resolve_role(text: str) -> RoleBand:
    wanted = text.strip().casefold().replace("-", "_")
    for role in list_roles():
        names = {role.key, role.title.casefold(), *_ROLES[role.key][3]}
        if wanted in names or wanted.replace("_", " ") in names:
            return role
    raise InvalidInput("role", f"unknown role {text!r}", allowed=list(_ROLES))
