"""The work settings the articles talk about, each mapped to one OEWS national industry (NAICS).

The articles speak of "hospitals", "insurance companies", "consulting firms" and so on; OEWS
publishes national estimates by NAICS industry. Each setting says which industry code stands in
for it and why, so a reader can judge the match.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from medcoder.errors import InvalidInput


class WorkSetting(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    naics: str
    naics_title: str
    note: str
    aliases: tuple[str, ...] = ()


def _setting(
    key: str, name: str, naics: str, naics_title: str, note: str, *aliases: str
) -> WorkSetting:
    return WorkSetting(
        key=key, name=name, naics=naics, naics_title=naics_title, note=note, aliases=aliases
    )


WORK_SETTINGS: tuple[WorkSetting, ...] = (
    _setting(
        "hospitals", "Hospitals", "622000", "Hospitals",
        "All hospitals (general, psychiatric, specialty; any ownership).",
        "hospital", "inpatient", "hospital coding",
    ),
    _setting(
        "physician_offices", "Offices of physicians", "621100", "Offices of Physicians",
        "Physician practices and clinics run by physicians.",
        "physician office", "physician offices", "offices of physicians", "clinic", "clinics",
        "doctor office", "doctors offices",
    ),
    _setting(
        "insurance_carriers", "Insurance companies", "524100", "Insurance Carriers",
        "All insurance carriers; direct health insurers alone are NAICS 524114.",
        "insurance", "insurance company", "insurance companies", "insurer", "payer", "payers",
    ),
    _setting(
        "outpatient_care_centers", "Outpatient care centers", "621400",
        "Outpatient Care Centers",
        "Free-standing outpatient centers (surgery, dialysis, mental health, and others).",
        "outpatient", "outpatient center", "outpatient centers", "ambulatory surgery center",
    ),
    _setting(
        "consulting", "Consulting firms", "541600",
        "Management, Scientific, and Technical Consulting Services",
        "Consulting services; coding audit and consulting firms report here.",
        "consulting firm", "consulting firms", "consultant", "audit firm",
    ),
    _setting(
        "government", "Government", "999000",
        "Federal, State, and Local Government, excluding State and Local Schools and Hospitals "
        "and USPS",
        "Government agencies; public hospitals and schools are counted with hospitals and "
        "education instead.",
        "federal", "federal government", "state government", "public sector", "va",
    ),
    _setting(
        "medical_billing", "Medical billing firms", "541200",
        "Accounting, Tax Preparation, Bookkeeping, and Payroll Services",
        "NAICS classifies medical billing services with accounting and bookkeeping (541219).",
        "billing", "billing company", "billing companies", "medical billing firm",
        "medical billing company", "billing firm",
    ),
    _setting(
        "administrative_support", "Administrative and support services", "561000",
        "Administrative and Support Services",
        "Office administration, staffing agencies and business support services.",
        "admin support", "administrative", "staffing", "staffing agency", "outsourcing",
    ),
    _setting(
        "home_health", "Home health care", "621600", "Home Health Care Services",
        "Home health agencies.",
        "home health care", "home health agency", "home care",
    ),
    _setting(
        "nursing_care", "Nursing care facilities", "623100",
        "Nursing Care Facilities (Skilled Nursing Facilities)",
        "Skilled nursing facilities (long-term care).",
        "nursing home", "nursing homes", "skilled nursing", "snf", "long-term care",
    ),
    _setting(
        "education", "Colleges and universities", "611300",
        "Colleges, Universities, and Professional Schools",
        "Colleges, universities and professional schools (academic medical centres' "
        "university side).",
        "college", "colleges", "university", "universities", "colleges/education",
    ),
    _setting(
        "laboratories", "Medical and diagnostic laboratories", "621500",
        "Medical and Diagnostic Laboratories",
        "Clinical and imaging laboratories.",
        "lab", "labs", "laboratory", "diagnostic laboratory",
    ),
    _setting(
        "health_system_offices", "Health-system head offices", "551100",
        "Management of Companies and Enterprises",
        "Corporate offices of hospital systems and other companies, where centralised coding "
        "teams often sit.",
        "corporate", "head office", "management of companies", "health system",
    ),
)  # fmt: skip


def _normal(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().casefold())


def resolve_setting(text: str) -> WorkSetting:
    """Find a setting by key, name or alias (case-insensitive); unknown -> InvalidInput."""
    wanted = _normal(text)
    for setting in WORK_SETTINGS:
        names = {setting.key, setting.name, setting.naics, *setting.aliases}
        if wanted in {_normal(name) for name in names}:
            return setting
    from rapidfuzz import process

    choices = {s.key: f"{s.name} {' '.join(s.aliases)}" for s in WORK_SETTINGS}
    # Fuzzy matching costs time in the length of the text: a name is never long, so neither is
    # the part compared or quoted back.
    matches = process.extract(wanted[:100], choices, limit=3)
    shown = text if len(text) <= 100 else f"{text[:100]}…"
    raise InvalidInput(
        "setting",
        f"unknown work setting {shown!r}",
        allowed=[s.key for s in WORK_SETTINGS],
        suggestions=[key for _text, _score, key in matches],
    )
