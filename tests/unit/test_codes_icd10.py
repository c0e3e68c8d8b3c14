"""Facts of the bundled ICD-10-CM FY2026 (April 1, 2026) tabular list, read through our index."""

import pytest

from medcoder.codes.icd10 import (
    billable_descendants,
    build_full_code,
    get_icd10,
    icd10_block,
    icd10_chapter,
    icd10_chapters,
)
from medcoder.codes.index_store import (
    BUNDLED_PACKAGE_VERSION,
    BUNDLED_SHA256,
    bundled_tabular_path,
    file_sha256,
)
from medcoder.codes.tabular import parse_tabular
from medcoder.errors import InvalidInput

CODE_SET = "ICD-10-CM FY2026, April 1, 2026 update"


def test_installed_tabular_xml_is_the_release_we_recorded() -> None:
    from importlib.metadata import version

    assert version("simple-icd-10-cm") == BUNDLED_PACKAGE_VERSION
    assert file_sha256(bundled_tabular_path()) == BUNDLED_SHA256


def test_generated_codes_match_the_cms_code_list_exactly() -> None:
    # The code list shipped beside the XML spells every code, 7-character ones included.
    lines = (bundled_tabular_path().parent / "code-list-April-2026.txt").read_text().split()
    listed = {line for line in lines if "-" not in line and not line.isdigit()}
    parsed = parse_tabular(bundled_tabular_path())
    assert {record.code.replace(".", "") for record in parsed.codes} == listed
    assert len(listed) == 98186
    assert sum(record.billable for record in parsed.codes) == 74719


def test_e11_9_is_billable_with_its_chapter_block_and_path() -> None:
    code = get_icd10("e119")
    assert code.code == "E11.9"
    assert code.description == "Type 2 diabetes mellitus without complications"
    assert code.billable
    assert (code.chapter.number, code.chapter.code_range) == (4, "E00-E89")
    assert code.block.code_range == "E08-E13"
    assert [ancestor.code for ancestor in code.path] == ["E11"]
    assert code.code_set == CODE_SET


@pytest.mark.parametrize(
    ("code", "kind", "text"),
    [
        ("A00.0", "inclusion_terms", "Classical cholera"),
        ("E11", "includes", "diabetes NOS"),
        (
            "E11.9",
            "excludes1",
            "type 2 diabetes mellitus, without complications in remission (E11.A)",
        ),
        (
            "I10",
            "excludes2",
            "essential (primary) hypertension involving vessels of brain (I60-I69)",
        ),
        ("G63", "code_first", "amyloidosis (E85.-)"),
        ("E11", "use_additional_code", "insulin (Z79.4)"),
        ("J44", "code_also", "type of asthma, if applicable (J45.-)"),
        ("B03", "notes", "The classification is maintained for surveillance purposes."),
    ],
)
def test_every_note_type_is_read_from_real_codes(code: str, kind: str, text: str) -> None:
    assert text in getattr(get_icd10(code), kind)


def test_notes_on_ancestors_are_listed_as_inherited() -> None:
    inherited = get_icd10("E11.9").inherited_notes
    assert any(
        n.source == "E11" and n.kind == "includes" and n.text == "diabetes NOS" for n in inherited
    )
    assert any(n.source == "Chapter 4" and n.kind == "excludes1" for n in inherited)


def test_a_category_is_not_billable_and_lists_its_billable_codes() -> None:
    category = get_icd10("E11")
    assert not category.billable
    billable = [ref.code for ref in billable_descendants("E11")]
    assert "E11.9" in billable and "E11.65" in billable
    assert "E11" not in billable and "E11.6" not in billable


def test_seventh_characters_are_inherited_from_the_defining_ancestor() -> None:
    code = get_icd10("S52.521")
    assert not code.billable
    assert code.seventh_character_source == "S52.52"
    assert code.seventh_characters["A"] == "initial encounter for closed fracture"
    assert list(code.seventh_characters) == ["A", "D", "G", "K", "P", "S"]
    full = get_icd10("S52.521A")
    assert full.billable
    assert full.description.endswith(", initial encounter for closed fracture")


@pytest.mark.parametrize(
    ("code", "seventh", "full"),
    [
        ("S52.521", "A", "S52.521A"),
        ("T36.0X1", "a", "T36.0X1A"),
        ("S01.00", "D", "S01.00XD"),
        ("W19", "A", "W19.XXXA"),
    ],
)
def test_full_codes_are_built_with_placeholder_x_padding(
    code: str, seventh: str, full: str
) -> None:
    assert build_full_code(code, seventh) == full
    assert get_icd10(full).billable


def test_a_seventh_character_the_category_does_not_define_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        build_full_code("S52.521", "Z")
    assert caught.value.field == "seventh"
    assert caught.value.allowed == ["A", "D", "G", "K", "P", "S"]


def test_a_seventh_character_needs_the_most_specific_code_first() -> None:
    with pytest.raises(InvalidInput) as caught:
        build_full_code("S01.0", "A")
    assert "S01.00" in (caught.value.suggestions or [])


def test_codes_without_seventh_characters_refuse_one() -> None:
    with pytest.raises(InvalidInput):
        build_full_code("E11.9", "A")


def test_s06_death_codes_take_only_the_initial_encounter() -> None:
    # CMS states this in a note on S06, not in the 7th-character definition.
    assert [child.code for child in get_icd10("S06.327").children] == ["S06.327A"]
    with pytest.raises(InvalidInput):
        build_full_code("S06.327", "D")


def test_unknown_codes_name_the_nearest_real_ones() -> None:
    with pytest.raises(InvalidInput) as caught:
        get_icd10("E11.99")
    assert caught.value.suggestions == ["E11.9"]


def test_chapters_blocks_and_categories() -> None:
    chapters = icd10_chapters()
    assert len(chapters) == 22
    assert chapters[0].code_range == "A00-B99"
    chapter = icd10_chapter(4)
    assert "E08-E13" in [block.code_range for block in chapter.blocks]
    block = icd10_block("e08-e13")
    assert [c.code for c in block.categories] == ["E08", "E09", "E10", "E11", "E13"]
    with pytest.raises(InvalidInput):
        icd10_chapter(23)
