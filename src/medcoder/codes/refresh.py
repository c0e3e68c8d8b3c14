"""Load a newer CMS ICD-10-CM release from files on disk and serve it instead of the bundled one.

Code sets change every October; the machines this runs on may not reach CMS, so a coder downloads
the release elsewhere and points ``medcoder codes refresh`` at the tabular XML (and, optionally,
the Alphabetic Index XML, whose terms then become searchable). The files are copied into the
cache, so the served code set survives the originals being moved.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from pydantic import BaseModel

from medcoder.codes.icd10 import Icd10Index, default_index, reset_default_index
from medcoder.codes.index_store import (
    SERVED_POINTER,
    IndexSource,
    build_index,
    file_sha256,
)
from medcoder.errors import InvalidInput


class CodeSetInfo(BaseModel):
    code_set: str
    fiscal_year: str
    origin: str  # "bundled" or "refreshed"
    codes: int
    billable_codes: int
    index_terms: int
    tabular_sha256: str


def _root_tag(path: Path) -> str:
    for _event, element in ET.iterparse(path, events=("start",)):
        return str(element.tag)
    return ""


def _check(path: Path, field: str, expected_root: str) -> None:
    if not path.is_file():
        raise InvalidInput(field, f"no such file: {path}")
    try:
        root = _root_tag(path)
    except ET.ParseError as error:
        raise InvalidInput(field, f"{path.name} is not well-formed XML ({error})") from None
    if root != expected_root:
        raise InvalidInput(
            field, f"{path.name} is not a CMS {expected_root} file (its root is <{root}>)"
        )


def _info(index: Icd10Index, origin: str) -> CodeSetInfo:
    counts = index.counts()
    return CodeSetInfo(
        code_set=index.code_set,
        fiscal_year=index.version,
        origin=origin,
        codes=counts["codes"],
        billable_codes=counts["billable"],
        index_terms=counts["index_terms"],
        tabular_sha256=index.tabular_sha256,
    )


def served_code_set() -> CodeSetInfo:
    """Which ICD-10-CM release the app answers from."""
    index = default_index()
    from medcoder.codes.index_store import BUNDLED_SHA256

    return _info(index, "bundled" if index.tabular_sha256 == BUNDLED_SHA256 else "refreshed")


def refresh_code_set(
    tabular: Path, *, alphabetic_index: Path | None = None, cache_dir: Path
) -> CodeSetInfo:
    """Build an index from CMS files and make it the served ICD-10-CM code set."""
    _check(tabular, "tabular", "ICD10CM.tabular")
    if alphabetic_index is not None:
        _check(alphabetic_index, "index", "ICD10CM.index")
    sha = file_sha256(tabular)
    release_dir = cache_dir / "releases" / sha[:16]
    release_dir.mkdir(parents=True, exist_ok=True)
    kept_tabular = release_dir / tabular.name
    shutil.copyfile(tabular, kept_tabular)
    kept_index: Path | None = None
    index_sha = ""
    if alphabetic_index is not None:
        kept_index = release_dir / alphabetic_index.name
        shutil.copyfile(alphabetic_index, kept_index)
        index_sha = file_sha256(kept_index)
    version = ""
    for _event, element in ET.iterparse(kept_tabular, events=("end",)):
        if element.tag == "version":
            version = (element.text or "").strip()
            break
    label = f"ICD-10-CM FY{version} (CMS files {tabular.name})" if version else tabular.name
    source = IndexSource(
        tabular=kept_tabular,
        tabular_sha256=sha,
        label=label,
        alphabetic_index=kept_index,
        index_sha256=index_sha,
    )
    built = build_index(source, cache_dir)
    pointer = {
        "tabular": str(kept_tabular),
        "tabular_sha256": sha,
        "label": label,
        "alphabetic_index": str(kept_index) if kept_index else "",
        "index_sha256": index_sha,
    }
    (cache_dir / SERVED_POINTER).write_text(json.dumps(pointer, indent=2), encoding="utf-8")
    _forget_open_indexes()
    index = Icd10Index(built)
    try:
        return _info(index, "refreshed")
    finally:
        index.close()


def restore_bundled(*, cache_dir: Path) -> CodeSetInfo:
    """Serve the bundled release again."""
    (cache_dir / SERVED_POINTER).unlink(missing_ok=True)
    _forget_open_indexes()
    return served_code_set()


def _forget_open_indexes() -> None:
    from medcoder.codes.search import reset_search_index

    reset_default_index()
    reset_search_index()
