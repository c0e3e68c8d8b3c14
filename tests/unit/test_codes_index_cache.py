"""The cached index: keyed by the source's sha256 and the format version, rebuilt when either
changes; the CMS Alphabetic Index reader; and loading a newer release from disk."""

import shutil
from pathlib import Path

import pytest

from medcoder.codes import index_store
from medcoder.codes.alphabetic_index import parse_alphabetic_index
from medcoder.codes.icd10 import Icd10Index
from medcoder.codes.index_store import IndexSource, ensure_index, file_sha256, served_source
from medcoder.codes.refresh import refresh_code_set, restore_bundled
from medcoder.errors import InvalidInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "icd10_refresh"
TABULAR = FIXTURES / "icd10cm_tabular_2027.xml"
INDEX = FIXTURES / "icd10cm_index_2027.xml"


def _source(path: Path) -> IndexSource:
    return IndexSource(tabular=path, tabular_sha256=file_sha256(path), label="sample")


def test_the_index_is_built_once_and_reused(tmp_path: Path) -> None:
    source = _source(TABULAR)
    first = ensure_index(source, tmp_path)
    built_at = first.stat().st_mtime_ns
    assert ensure_index(source, tmp_path) == first
    assert first.stat().st_mtime_ns == built_at
    index = Icd10Index(first)
    assert index.get("E11.Z").description.startswith("Type 2 diabetes mellitus with sample")
    assert index.build_full_code("T36.0X1", "A") == "T36.0X1A"
    index.close()


def test_a_changed_source_file_builds_a_new_index(tmp_path: Path) -> None:
    copy = tmp_path / "tabular.xml"
    shutil.copyfile(TABULAR, copy)
    old = ensure_index(_source(copy), tmp_path / "cache")
    copy.write_text(
        copy.read_text().replace("Torus fracture of lower end of right radius", "Changed text")
    )
    new = ensure_index(_source(copy), tmp_path / "cache")
    assert new != old
    index = Icd10Index(new)
    assert index.get("S52.521").description == "Changed text"
    index.close()


def test_a_new_format_version_builds_a_new_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _source(TABULAR)
    old = ensure_index(source, tmp_path)
    monkeypatch.setattr(index_store, "FORMAT_VERSION", index_store.FORMAT_VERSION + 1)
    assert ensure_index(source, tmp_path) != old


def test_alphabetic_index_paths_become_terms_for_their_codes() -> None:
    terms = {(term.term, term.code) for term in parse_alphabetic_index(INDEX)}
    assert ("Diabetes, diabetic (mellitus) (sugar)", "E11.9") in terms
    assert (
        "Diabetes, diabetic (mellitus) (sugar), type 2, with, zebra-stripe sample complication",
        "E11.Z",
    ) in terms
    # "S52.52-" means "more characters in the tabular list": the stem is kept.
    assert ("Fracture, traumatic, radius, lower end, torus", "S52.52") in terms


def test_refresh_serves_the_loaded_release_until_the_bundled_one_is_restored(
    tmp_path: Path,
) -> None:
    info = refresh_code_set(TABULAR, alphabetic_index=INDEX, cache_dir=tmp_path)
    assert info.fiscal_year == "2027"
    assert info.code_set.startswith("ICD-10-CM FY2027")
    # 4 index paths end on a code; 11 codes in the XML plus 6 generated 7-character codes.
    assert info.index_terms == 4
    assert (info.codes, info.billable_codes) == (17, 8)
    served = served_source(tmp_path)
    assert served.tabular.parent.parent == tmp_path / "releases"
    index = Icd10Index(ensure_index(served, tmp_path))
    assert index.get("E11.Z").index_terms == [
        "Diabetes, diabetic (mellitus) (sugar), type 2, with, zebra-stripe sample complication"
    ]
    index.close()
    restore_bundled(cache_dir=tmp_path)
    assert served_source(tmp_path).label == "ICD-10-CM FY2026, April 1, 2026 update"


def test_refresh_refuses_files_that_are_not_cms_tabular_xml(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        refresh_code_set(INDEX, cache_dir=tmp_path)
    assert caught.value.field == "tabular"
    with pytest.raises(InvalidInput):
        refresh_code_set(tmp_path / "missing.xml", cache_dir=tmp_path)


def test_an_index_of_an_older_format_is_removed_once_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _source(TABULAR)
    old = ensure_index(source, tmp_path)
    monkeypatch.setattr(index_store, "FORMAT_VERSION", index_store.FORMAT_VERSION + 1)
    new = ensure_index(source, tmp_path)
    assert new.is_file() and not old.exists()
