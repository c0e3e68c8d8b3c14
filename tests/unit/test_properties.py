"""Properties of the core functions that must hold for any input, checked with Hypothesis.

Estimator monotonicity (more years, one more credential) is checked in test_estimate_salary.py;
this file covers the price-parity arithmetic, code normalisation, both searches on arbitrary text
and the roster reader on arbitrary bytes. Examples are bounded and derandomised so the file runs
in well under a minute and fails the same way every time.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medcoder.careers.roster import PricedRoster, start_run
from medcoder.codes.glossary import search_concepts
from medcoder.codes.normalize import normalize_code
from medcoder.codes.search import search_codes
from medcoder.errors import InvalidInput
from medcoder.wages.areas import Area, all_areas
from medcoder.wages.cost_of_living import compare_purchasing_power, rpp_for_area

bounded = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# Any code point except surrogates (which cannot be encoded, so no real request carries them),
# control characters included.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
long_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=5_000, max_size=20_000)
code_like = st.text(st.sampled_from("ABCEJKSTZaejz0123456789. -_x"), max_size=12)


@lru_cache(maxsize=1)
def _priced_areas() -> list[Area]:
    return sorted(
        (area for area in all_areas().values() if rpp_for_area(area) is not None),
        key=lambda area: area.code,
    )


priced_areas = st.deferred(lambda: st.sampled_from(_priced_areas()))
amounts = st.floats(min_value=1_000, max_value=1_000_000, allow_nan=False)


@bounded
@given(amount=amounts, there=priced_areas, back=priced_areas)
def test_converting_an_amount_there_and_back_returns_the_amount(
    amount: float, there: Area, back: Area
) -> None:
    out = compare_purchasing_power(amount, back, there)
    home = compare_purchasing_power(out.equivalent, there, back)
    # Each leg rounds to the cent, and the second leg scales that rounding by at most ~1.5x.
    assert home.equivalent == pytest.approx(amount, abs=0.02)


@bounded
@given(
    amount=amounts, factor=st.floats(min_value=0.01, max_value=9), a=priced_areas, b=priced_areas
)
def test_the_equivalent_amount_scales_linearly_with_the_amount(
    amount: float, factor: float, a: Area, b: Area
) -> None:
    scaled = compare_purchasing_power(amount * factor, a, b)
    single = compare_purchasing_power(amount, a, b)
    assert scaled.equivalent == pytest.approx(single.equivalent * factor, abs=0.01 * factor + 0.01)
    # The percentage difference is a property of the two places, not of the amount.
    assert scaled.percent_difference == single.percent_difference


def test_a_nonmetro_portion_bea_prices_at_zero_has_no_price_parity() -> None:
    # Found by the scaling property: BEA's 0.000 for Delaware's (non-existent) nonmetropolitan
    # portion was read as a price level, and dividing by it raised ZeroDivisionError.
    with pytest.raises(InvalidInput) as caught:
        compare_purchasing_power(1_000, "Sussex Delaware nonmetropolitan area", "TX")
    assert caught.value.field == "from_area"
    figures = [rpp_for_area(area) for area in _priced_areas()]
    assert all(figure is not None and figure.rpp > 0 for figure in figures)


@bounded
@given(text=st.one_of(code_like, any_text))
def test_normalising_a_code_twice_changes_nothing(text: str) -> None:
    try:
        once = normalize_code(text)
    except InvalidInput:
        return
    assert normalize_code(once) == once


@bounded
@given(text=st.one_of(any_text, long_text))
def test_normalising_arbitrary_text_raises_nothing_but_invalid_input(text: str) -> None:
    try:
        result = normalize_code(text)
    except InvalidInput as error:
        assert error.field
        return
    assert isinstance(result, str)


@bounded
@given(text=st.one_of(any_text, long_text, code_like))
def test_code_search_never_raises_on_arbitrary_text(text: str) -> None:
    hits = search_codes(text, limit=10)
    assert len(hits) <= 10
    assert all(hit.code and 0 <= hit.score <= 1.5 for hit in hits)


@bounded
@given(text=st.one_of(any_text, long_text, code_like))
def test_concept_search_never_raises_on_arbitrary_text(text: str) -> None:
    hits = search_concepts(text, limit=5)
    assert len(hits) <= 5


def _priced_or_refused(data: bytes, name: str) -> PricedRoster | InvalidInput:
    try:
        return start_run(data, name).result()
    except InvalidInput as error:
        return error


@bounded
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_as_a_roster_are_refused_with_a_named_field(data: bytes, suffix: str) -> None:
    outcome = _priced_or_refused(data, f"roster{suffix}")
    if isinstance(outcome, InvalidInput):
        assert outcome.field in {"file", "columns"}
        assert outcome.message


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@bounded
@given(
    members=st.dictionaries(
        st.sampled_from(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
        st.binary(max_size=300),
        max_size=3,
    )
)
def test_a_damaged_workbook_is_refused_as_an_unreadable_file(members: dict[str, bytes]) -> None:
    outcome = _priced_or_refused(_zip_of(members), "roster.xlsx")
    assert isinstance(outcome, InvalidInput) and outcome.field == "file"


cells = st.text(st.characters(exclude_categories=["Cs"], exclude_characters='",\r\n'), max_size=20)
rows = st.lists(st.tuples(cells, cells, cells, cells), min_size=1, max_size=8)


@bounded
@given(rows=rows)
def test_a_roster_with_arbitrary_cells_is_priced_row_by_row_or_refused(
    rows: list[tuple[str, str, str, str]],
) -> None:
    text = "id,title,area,salary\n" + "".join(",".join(row) + "\n" for row in rows)
    outcome = _priced_or_refused(text.encode(), "roster.csv")
    if isinstance(outcome, InvalidInput):
        assert outcome.field == "file"
        return
    # Every row read is either priced or named in the error report.
    priced_rows = outcome.summary.rows_priced
    assert priced_rows + outcome.summary.rows_with_errors == outcome.summary.rows_read
