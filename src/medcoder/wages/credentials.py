"""The coding credentials a profile may list, and how the estimator groups them.

- ``core``: a full coding credential (CPC, CCS, ...). The OEWS median is read as the pay of a
  coder holding one (the articles' certified ranges straddle it).
- ``apprentice``: an entry credential (CCA, CPC-A) that a full credential supersedes.
- ``specialty``: a credential on top of the core one (CRC, CPMA, CEDC, ...).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

CredentialKind = Literal["none", "apprentice", "core", "specialty"]


class Credential(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    body: str
    kind: CredentialKind


def _c(code: str, name: str, body: str, kind: CredentialKind) -> Credential:
    return Credential(code=code, name=name, body=body, kind=kind)


CREDENTIALS: tuple[Credential, ...] = (
    _c("none", "No credential", "—", "none"),
    _c("CCA", "Certified Coding Associate", "AHIMA", "apprentice"),
    _c("CPC-A", "Certified Professional Coder – Apprentice", "AAPC", "apprentice"),
    _c("CPC", "Certified Professional Coder", "AAPC", "core"),
    _c("CCS", "Certified Coding Specialist", "AHIMA", "core"),
    _c("CCS-P", "Certified Coding Specialist – Physician-based", "AHIMA", "core"),
    _c("COC", "Certified Outpatient Coder", "AAPC", "core"),
    _c("CIC", "Certified Inpatient Coder", "AAPC", "core"),
    _c("RHIT", "Registered Health Information Technician", "AHIMA", "core"),
    _c("RHIA", "Registered Health Information Administrator", "AHIMA", "core"),
    _c("CRC", "Certified Risk Adjustment Coder", "AAPC", "specialty"),
    _c("CPMA", "Certified Professional Medical Auditor", "AAPC", "specialty"),
    _c("CDIP", "Certified Documentation Integrity Practitioner", "AHIMA", "specialty"),
    _c("CCDS", "Certified Clinical Documentation Specialist", "ACDIS", "specialty"),
    _c("CEDC", "Certified Emergency Department Coder", "AAPC", "specialty"),
    _c("COSC", "Certified Orthopaedic Surgery Coder", "AAPC", "specialty"),
    _c("CCC", "Certified Cardiology Coder", "AAPC", "specialty"),
    _c("CIRCC", "Certified Interventional Radiology Cardiovascular Coder", "AAPC", "specialty"),
    _c("COBGC", "Certified Obstetrics Gynecology Coder", "AAPC", "specialty"),
    _c("CANPC", "Certified Anesthesia and Pain Management Coder", "AAPC", "specialty"),
    _c("CGSC", "Certified General Surgery Coder", "AAPC", "specialty"),
    _c("CEMC", "Certified Evaluation and Management Coder", "AAPC", "specialty"),
    _c("CHONC", "Certified Hematology and Oncology Coder", "AAPC", "specialty"),
    _c("CPEDC", "Certified Pediatrics Coder", "AAPC", "specialty"),
    _c("CFPC", "Certified Family Practice Coder", "AAPC", "specialty"),
    _c("CGIC", "Certified Gastroenterology Coder", "AAPC", "specialty"),
    _c("CUC", "Certified Urology Coder", "AAPC", "specialty"),
    _c("CPCD", "Certified Professional Coder in Dermatology", "AAPC", "specialty"),
    _c("CASCC", "Certified Ambulatory Surgery Center Coder", "AAPC", "specialty"),
    _c("CRHC", "Certified Rural Health Clinic Coder", "AAPC", "specialty"),
)

BY_CODE = {credential.code.upper(): credential for credential in CREDENTIALS}
ALLOWED_CREDENTIALS: list[str] = [credential.code for credential in CREDENTIALS]


def normalise_credential(text: str) -> str | None:
    """The canonical code for ``text`` ("cpc" -> "CPC", "CPC A" -> "CPC-A"), else None."""
    key = text.strip().upper().replace("_", "-").replace(" ", "-")
    if key in ("", "NONE", "NO", "NO-CREDENTIAL"):
        return "none"
    found = BY_CODE.get(key)
    return found.code if found else None


def credential(code: str) -> Credential:
    return BY_CODE[code.upper()]


def full_credentials(codes: list[str]) -> list[str]:
    """The core and specialty credentials in ``codes`` (those that count towards pay)."""
    return [code for code in codes if credential(code).kind in ("core", "specialty")]
