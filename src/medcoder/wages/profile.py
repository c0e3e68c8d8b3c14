"""The estimator's input: a coder's profile, validated so every face reports the same errors."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from medcoder.errors import InvalidInput
from medcoder.wages.credentials import ALLOWED_CREDENTIALS, normalise_credential

WorkModel = Literal["remote", "hybrid", "onsite"]
MAX_YEARS = 50.0


def years_message(shown: str) -> str:
    """The one wording for a bad ``years``: names the field and the allowed range."""
    return f"years of experience must be a number from 0 to {MAX_YEARS:g}, not {shown}"


def parse_years(value: object) -> float:
    """A number of years (a number, or text such as "3" or "2,5") within 0 to MAX_YEARS."""
    if isinstance(value, str):
        try:
            years = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValueError(years_message(repr(value))) from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        years = float(value)
    else:
        raise ValueError(years_message(repr(value)))
    if not (math.isfinite(years) and 0 <= years <= MAX_YEARS):
        raise ValueError(years_message(f"{years:g}"))
    return years


class Profile(BaseModel):
    """Who the estimate is for. Everything but ``years`` is optional."""

    years: float = Field(default=0.0, ge=0, le=MAX_YEARS, description="Years of coding work.")
    credentials: list[str] = Field(default_factory=list, description="Credential codes, e.g. CPC.")
    specialty: str | None = Field(default=None, description="e.g. risk adjustment, cardiology.")
    area: str | None = Field(default=None, description="State, postal code or metro name.")
    setting: str | None = Field(default=None, description="Work setting, e.g. hospitals.")
    work_model: WorkModel | None = Field(default=None, description="remote, hybrid or onsite.")

    @field_validator("years", mode="before")
    @classmethod
    def _years_in_range(cls, value: object) -> float:
        # Before pydantic's own ge/le check, so every face (CLI, query string, JSON body, form)
        # reports the field and the allowed range rather than "Input should be less than…".
        return parse_years(value)

    @field_validator("credentials")
    @classmethod
    def _known_credentials(cls, values: list[str]) -> list[str]:
        codes: list[str] = []
        for value in values:
            code = normalise_credential(value)
            if code is None:
                raise ValueError(
                    f"unknown credential {value!r}; allowed: {', '.join(ALLOWED_CREDENTIALS)}"
                )
            if code not in codes:
                codes.append(code)
        return codes

    @field_validator("work_model", mode="before")
    @classmethod
    def _work_model(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip().lower().replace("-", "").replace(" ", "")
            return text or None
        return value

    @field_validator("specialty", "area", "setting", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


def make_profile(**fields: Any) -> Profile:
    """Build a Profile, turning validation errors into InvalidInput naming the field."""
    try:
        return Profile(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "profile"
        allowed: list[str] | None = None
        if field == "credentials":
            allowed = ALLOWED_CREDENTIALS
        elif field == "work_model":
            allowed = ["remote", "hybrid", "onsite"]
        message = str(first["msg"]).removeprefix("Value error, ").split("; allowed:")[0]
        raise InvalidInput(field, message, allowed=allowed) from None
