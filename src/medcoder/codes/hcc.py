"""ICD-10-CM → CMS-HCC (and RxHCC) condition categories by payment year and model version.

The three bundled files map diagnosis codes for payment years 2025–2027; labels come from the 2026
model software, which names every category of every model version in use in those years.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from pydantic import BaseModel

from medcoder.codes.normalize import compact
from medcoder.sources import data_file

PAYMENT_YEARS = (2025, 2026, 2027)


class HccMapping(BaseModel):
    payment_year: int
    model: str
    hcc: str
    label: str


def _label_key(model_name: str, category: str) -> tuple[str, str, str]:
    """Model names like "CMS-HCC ESRD Model V24" or "RxHCC Model V08" → the labels file's keys."""
    version = model_name.split()[-1]
    if model_name.startswith("RxHCC"):
        return ("RxHCC", "R" + version[1:], f"RXHCC{category}")
    domain = "ESRD" if "ESRD" in model_name else "CMS-HCC"
    return (domain, version, f"HCC{category}")


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str, str], str]:
    text = data_file("hcc_labels_2026").read_text(encoding="utf-8")
    return {
        (row["model_domain"], row["model_version"], row["cc"]): row["label"]
        for row in csv.DictReader(io.StringIO(text, newline=""))
    }


@lru_cache(maxsize=len(PAYMENT_YEARS))
def _mapping_text(year: int) -> str:
    return data_file(f"hcc_dx_{year}").read_text(encoding="utf-8")


def _rows_for(year: int, code: str) -> list[tuple[str, str]]:
    """(cc, model name) rows for one code, found by substring search: a look-up must not parse
    155,000 CSV rows (that alone took seconds; finding the lines takes milliseconds)."""
    text = _mapping_text(year)
    needle = f"\n{code},"
    rows = []
    position = text.find(needle)
    while position != -1:
        end = text.find("\n", position + 1)
        line = text[position + 1 : end if end != -1 else len(text)]
        _code, category, model = next(csv.reader([line]))
        rows.append((category, model))
        position = text.find(needle, position + 1)
    return rows


def hcc_mappings(icd_code: str) -> list[HccMapping]:
    """Every model's category for ``icd_code``, newest payment year first; [] if none."""
    code = compact(icd_code)
    if not code:
        return []
    labels = _labels()
    found = []
    for year in PAYMENT_YEARS:
        for category, model in _rows_for(year, code):
            key = _label_key(model, category)
            found.append(
                HccMapping(
                    payment_year=year,
                    model=model,
                    hcc=key[2].replace("RXHCC", "RxHCC"),
                    label=labels.get(key, ""),
                )
            )
    return sorted(found, key=lambda m: (-m.payment_year, m.model))
