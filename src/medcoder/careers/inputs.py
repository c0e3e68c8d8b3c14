"""Turning files and flags (YAML plans, offer lists, ``--offer k=v,…``) into validated models.

pydantic's ValidationError becomes the project's InvalidInput naming the first bad field by its
path (``offers.1.base``), so the CLI, API and pages report it the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from medcoder.careers.offers import Offer
from medcoder.careers.plans import Plan
from medcoder.errors import InvalidInput

Model = TypeVar("Model", bound=BaseModel)


def invalid_from(error: ValidationError, prefix: str = "") -> InvalidInput:
    first = error.errors()[0]
    path = ".".join(str(part) for part in first.get("loc", ()))
    field = ".".join(part for part in (prefix, path) if part) or prefix or "input"
    message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    return InvalidInput(field, message)


def validate_as(model: type[Model], data: Any, field: str) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise invalid_from(error, field) from None


def read_yaml(path: Path, field: str) -> Any:
    """Parse a YAML (or JSON) file, with errors naming ``field``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(field, f"no such file: {str(path)!r}") from None
    except UnicodeDecodeError:
        raise InvalidInput(field, f"{str(path)!r} is not UTF-8 text") from None
    except OSError as error:  # a folder, or a file we may not read
        raise InvalidInput(field, f"cannot read {str(path)!r}: {error.strerror}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InvalidInput(field, f"{str(path)!r} is not valid YAML: {error}") from None
    except RecursionError:
        raise InvalidInput(
            field, f"{str(path)!r} is nested too deeply to be a plan or offer"
        ) from None


def model_list(model: type[Model], data: Any, key: str) -> list[Model]:
    """A list of ``model`` from ``data``: a list, or a mapping holding the list under ``key``."""
    if isinstance(data, dict) and key in data:
        data = data[key]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise InvalidInput(key, f"expected a list of {key}")
    return [validate_as(model, item, f"{key}.{index}") for index, item in enumerate(data)]


def parse_key_values(text: str, field: str) -> dict[str, str]:
    """``"name=A; base=52000; location=Austin"`` -> a mapping (values stay text for pydantic).

    Pairs are separated by semicolons because metro names contain commas.
    """
    pairs: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(
                field, f"expected key=value pairs separated by semicolons, got {part!r}"
            )
        pairs[key.strip().replace("-", "_")] = value.strip()
    return pairs


def plans_from_request(*, presets: list[str], file: Path | None) -> list[Plan]:
    """Plans named by preset keys and/or read from a YAML file (one plan or a list)."""
    from medcoder.careers.plan_presets import get_preset

    plans = [get_preset(key) for key in presets]
    if file is not None:
        plans.extend(model_list(Plan, read_yaml(file, "file"), "plans"))
    if not plans:
        raise InvalidInput("preset", "give --preset KEY or --file plan.yaml")
    return plans


def offers_from_request(*, file: Path | None, flags: list[str]) -> list[Offer]:
    """Offers from a YAML file and/or ``--offer "name=A; base=…"`` flags."""
    offers: list[Offer] = []
    if file is not None:
        offers.extend(model_list(Offer, read_yaml(file, "file"), "offers"))
    for index, flag in enumerate(flags):
        offers.append(validate_as(Offer, parse_key_values(flag, "offer"), f"offer.{index}"))
    return offers
