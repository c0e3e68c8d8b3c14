"""Areas of the OEWS release: the nation, states and territories, metro and nonmetro areas.

``resolve_area`` turns what a person types ("TX", "texas", "Boston") into one :class:`Area`, or an
InvalidInput with "did you mean" suggestions (rapidfuzz) or the list of matching candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput
from medcoder.wages.oews import NATIONAL_AREA, load_oews

AreaKind = Literal["national", "state", "metro", "nonmetro"]

# FIPS state code -> USPS postal code (states, DC and the territories OEWS publishes).
POSTAL_BY_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

NATIONAL_WORDS = {"", "us", "u.s.", "usa", "u.s.a.", "national", "nation", "united states"}
# Common ways of writing the District that do not match the BLS name.
STATE_ALIASES = {"washington dc": "DC", "washington d.c.": "DC", "d.c.": "DC"}
# The longest OEWS area name is 73 characters; anything much longer is not a place name.
MAX_AREA_CHARS = 200


class Area(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    kind: AreaKind
    state_code: str
    postal: str | None

    @property
    def postals(self) -> list[str]:
        """Every state a metro spans ("Boston-Cambridge-Newton, MA-NH" -> MA, NH)."""
        if self.kind != "metro":
            return [self.postal] if self.postal else []
        _, _, suffix = self.name.rpartition(", ")
        return [part for part in suffix.split("-") if part] or ([self.postal or ""])


def _kind(area_type: str, name: str) -> AreaKind:
    if area_type == "N":
        return "national"
    if area_type == "S":
        return "state"
    return "nonmetro" if "nonmetropolitan" in name.lower() else "metro"


@lru_cache(maxsize=1)
def all_areas() -> dict[str, Area]:
    """Every area in the release (any occupation), by BLS area code."""
    areas: dict[str, Area] = {}
    for row in load_oews().rows:
        if row.area_code not in areas:
            areas[row.area_code] = Area(
                code=row.area_code,
                name=row.area_name,
                kind=_kind(row.area_type, row.area_name),
                state_code=row.state_code,
                postal=POSTAL_BY_FIPS.get(row.state_code),
            )
    return areas


def national() -> Area:
    return all_areas()[NATIONAL_AREA]


def list_states() -> list[Area]:
    """States, DC and territories, by name."""
    return sorted((a for a in all_areas().values() if a.kind == "state"), key=lambda a: a.name)


def state_by_postal(postal: str) -> Area | None:
    wanted = postal.upper()
    return next((area for area in list_states() if area.postal == wanted), None)


def list_metros(state: str | None = None) -> list[Area]:
    """Metro and nonmetro areas, by name; with ``state``, those in (or partly in) that state."""
    metros = [a for a in all_areas().values() if a.kind in ("metro", "nonmetro")]
    if state is not None:
        chosen = resolve_area(state, field="state")
        if chosen.kind != "state":
            raise InvalidInput(
                "state",
                f"{state!r} is not a state or territory",
                allowed=[a.postal or a.name for a in list_states()],
            )
        metros = [
            a for a in metros if a.state_code == chosen.state_code or chosen.postal in a.postals
        ]
    return sorted(metros, key=lambda a: a.name)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().casefold())


@lru_cache(maxsize=1)
def _normalised_names() -> tuple[tuple[str, Area], ...]:
    """(normalised name, area) for every area, built once: resolving is on every request's path."""
    return tuple((_normal(area.name), area) for area in all_areas().values())


@lru_cache(maxsize=1)
def _areas_by_name() -> dict[str, list[Area]]:
    by_name: dict[str, list[Area]] = {}
    for name, area in _normalised_names():
        by_name.setdefault(name, []).append(area)
    return by_name


def _suggestions(text: str) -> list[str]:
    from rapidfuzz import fuzz, process, utils

    names = [area.name for area in all_areas().values()]
    matches = process.extract(
        text, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=3
    )
    return [name for name, _score, _index in matches]


def resolve_area(text: str | None, *, field: str = "area") -> Area:
    """National for None/""/"US"; a state by name or postal code; a metro by (partial) name.

    Errors name ``field``, so a form with several areas says which one was wrong.
    """
    if text is not None and len(text) > MAX_AREA_CHARS:
        # Refused before fuzzy matching, whose cost grows with the length of the text.
        raise InvalidInput(
            field, f"is {len(text):,} characters long; an area name has at most {MAX_AREA_CHARS}"
        )
    query = _normal(text or "")
    if query in NATIONAL_WORDS:
        return national()
    postal = STATE_ALIASES.get(query, query.upper() if len(query) == 2 else None)
    if postal is not None:
        found = state_by_postal(postal)
        if found is not None:
            return found
    exact = _areas_by_name().get(query, [])
    if exact:
        # A state and a metro can share a name only in theory; prefer the state.
        return sorted(exact, key=lambda a: a.kind != "state")[0]
    names = _normalised_names()
    partial = [area for name, area in names if area.kind != "national" and query in name]
    if len(partial) == 1:
        return partial[0]
    if partial:
        candidates = sorted(a.name for a in partial)
        raise InvalidInput(
            field,
            f"{text!r} matches {len(candidates)} areas; type more of the name",
            suggestions=candidates[:10],
        )
    raise InvalidInput(
        field,
        f"unknown area {text!r}; use a state name or postal code, or a metro area name",
        suggestions=_suggestions(text or ""),
    )


def search_areas(query: str, *, limit: int = 10) -> list[Area]:
    """Autocomplete: areas whose name starts with, then contains, ``query`` (states first)."""
    wanted = _normal(query)
    if not wanted:
        return list_states()[:limit]
    names = sorted(_normalised_names(), key=lambda pair: (pair[1].kind != "state", pair[1].name))
    starts = [
        area
        for name, area in names
        if name.startswith(wanted) or (area.kind == "state" and area.postal == query.upper())
    ]
    contains = [area for name, area in names if wanted in name and area not in starts]
    return (starts + contains)[:limit]
