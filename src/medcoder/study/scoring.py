"""Pure scoring rules of practice exams: pass mark, results by content area, miss tags, links.

Kept free of the database so the 70 % boundary and the per-area arithmetic can be tested on
plain lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel

from medcoder.errors import InvalidInput
from medcoder.study.blueprint import PASS_FRACTION
from medcoder.study.questions import CONTENT_AREAS

MissTag = Literal["careless", "lookup", "knowledge", "time"]
MISS_TAGS: dict[str, str] = {
    "careless": "Careless: knew it, misread or mis-clicked",
    "lookup": "Lookup: could not find the code or note in time",
    "knowledge": "Knowledge: did not know the rule",
    "time": "Time: ran short and guessed",
}


class AreaScore(BaseModel):
    area: str
    label: str
    correct: int
    total: int
    share: float


class TagCost(BaseModel):
    tag: str
    label: str
    misses: int
    share_of_tagged: float


class PageLink(BaseModel):
    href: str
    label: str


def passes(correct: int, total: int, *, pass_fraction: float = PASS_FRACTION) -> bool:
    """True when ``correct`` reaches the pass mark (70 of 100 passes, 69 does not)."""
    if total <= 0:
        return False
    # Compare in integers so 0.7 * 100 floating error cannot move the boundary.
    return correct * 100 >= round(pass_fraction * 100) * total


def check_miss_tag(tag: str) -> MissTag:
    if tag not in MISS_TAGS:
        raise InvalidInput("tag", f"unknown miss tag {tag!r}", allowed=list(MISS_TAGS))
    return tag  # type: ignore[return-value]


def scores_by_area(rows: Iterable[tuple[str, bool]]) -> list[AreaScore]:
    """(area, correct?) pairs summed per area, in the blueprint's area order."""
    correct: dict[str, int] = {}
    total: dict[str, int] = {}
    for area, is_correct in rows:
        total[area] = total.get(area, 0) + 1
        correct[area] = correct.get(area, 0) + int(is_correct)
    return [
        AreaScore(
            area=area,
            label=CONTENT_AREAS.get(area, area),
            correct=correct[area],
            total=total[area],
            share=correct[area] / total[area],
        )
        for area in sorted(total, key=_area_order)
    ]


def _area_order(area: str) -> int:
    keys = list(CONTENT_AREAS)
    return keys.index(area) if area in keys else len(keys)


def tag_costs(tags: Iterable[str | None]) -> list[TagCost]:
    """Misses per tag, the costliest first; untagged misses are left out of the shares."""
    counts = dict.fromkeys(MISS_TAGS, 0)
    for tag in tags:
        if tag in counts:
            counts[tag] += 1
    tagged = sum(counts.values())
    costs = [
        TagCost(
            tag=tag,
            label=MISS_TAGS[tag],
            misses=count,
            share_of_tagged=count / tagged if tagged else 0.0,
        )
        for tag, count in counts.items()
    ]
    return sorted(costs, key=lambda cost: -cost.misses)


def page_links(links: Sequence[str]) -> list[PageLink]:
    """Turn a question's ``links`` ("icd10:E11.9", "concept:excludes1") into page links."""
    pages: list[PageLink] = []
    for link in links:
        kind, _, key = link.partition(":")
        if not key:
            continue
        if kind in {"icd10", "hcpcs", "code"}:
            pages.append(PageLink(href=f"/codes/{key}", label=key))
        elif kind == "concept":
            pages.append(PageLink(href=f"/concepts/{key}", label=key.replace("-", " ")))
    return pages
