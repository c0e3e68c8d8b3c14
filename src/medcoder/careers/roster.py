"""Roster market pricing: every employee's pay against the OEWS market for their job and area.

The work is vectorised: the distinct (occupation, area, setting) combinations of a roster are few,
so the market percentiles are looked up once per combination with the wages functions, and then
joined onto all rows with polars. Row problems (a salary that is not a number, an unknown area,
a duplicate id…) go to an error report naming the row and column; good rows are still priced and
nothing is dropped silently: every input row is either priced or in the error report.

Market figures: the OEWS percentiles of the employee's occupation in their area. OEWS publishes
work-setting figures only nationally, so with both an area and a setting the area percentiles are
scaled, point by point, by the setting's national percentile over the national cross-industry
percentile (the same idea the salary estimator uses for settings). Where OEWS publishes no figure
the row is priced with ``missing_data`` set rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import polars as pl
from pydantic import BaseModel

from medcoder.careers.percentile import (
    percentile_expr,
)
from medcoder.careers.roster_io import (
    OutputFormat,
    ProgressCallback,
    output_kind,
    read_roster,
    write_errors,
    write_frames,
)
from medcoder.careers.roster_market import (
    MARKET_COLUMNS,
    MarketKey,
    credential_problem,
    market_table,
    resolve_title,
)
from medcoder.errors import InvalidInput
from medcoder.wages.areas import all_areas, resolve_area
from medcoder.wages.provenance import SourceRef, source_ref
from medcoder.wages.work_settings import resolve_setting

BATCH_ROWS = 200_000
ERROR_COLUMNS = pl.Schema(
    {"row": pl.Int64(), "column": pl.String(), "value": pl.String(), "message": pl.String()}
)
HISTOGRAM_EDGES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3)


class CompaBin(BaseModel):
    label: str
    count: int


class RosterSummary(BaseModel):
    rows_read: int
    rows_priced: int
    rows_with_errors: int
    errors: int
    under_market: int
    below_p25: int
    above_p90: int
    missing_data: int
    median_compa_ratio: float | None
    compa_histogram: list[CompaBin]
    sources: list[SourceRef]


class PricedRoster(BaseModel):
    summary: RosterSummary
    rows: list[dict[str, object]]
    errors: list[dict[str, object]]


def _number(column: str) -> pl.Expr:
    cleaned = pl.col(column).str.strip_chars().str.replace_all(r"[$,]", "")
    return cleaned.cast(pl.Float64, strict=False)


def _lookup_problems(frame: pl.DataFrame, column: str, problems: dict[str, str]) -> pl.DataFrame:
    """Row errors for values of ``column`` that a look-up refused (value -> message)."""
    if not problems:
        return pl.DataFrame(schema=ERROR_COLUMNS)
    refused = pl.DataFrame({column: list(problems), "message": list(problems.values())})
    return (
        frame.select("row", column)
        .join(refused, on=column, how="inner")
        .select("row", pl.lit(column).alias("column"), pl.col(column).alias("value"), "message")
    )


@lru_cache(maxsize=1)
def _exact_area_names() -> dict[str, str]:
    """Area names and postal codes that ``resolve_area`` would match exactly, for a fast path.

    Only names that belong to one area are kept; anything else goes through ``resolve_area``.
    """
    names: dict[str, list[str]] = {}
    for area in all_areas().values():
        names.setdefault(area.name.casefold(), []).append(area.code)
        if area.kind == "state" and area.postal:
            names.setdefault(area.postal.casefold(), []).append(area.code)
    return {name: codes[0] for name, codes in names.items() if len(codes) == 1}


class _Resolver:
    """Resolve each distinct area, setting, title and credential once per run."""

    def __init__(self) -> None:
        self.areas: dict[str, str | None] = {}
        self.settings: dict[str, str | None] = {}
        self.titles: dict[str, str] = {}
        self.credentials: dict[str, str | None] = {}
        self.refused: dict[str, dict[str, str]] = {}

    def _refuse(self, column: str, value: str, error: InvalidInput) -> None:
        self.refused.setdefault(column, {})[value] = error.describe().partition(": ")[2]

    def area(self, value: str) -> None:
        if value not in self.areas:
            exact = _exact_area_names().get(" ".join(value.split()).casefold())
            if exact is not None:
                self.areas[value] = exact
                return
            try:
                self.areas[value] = resolve_area(value).code
            except InvalidInput as error:
                self.areas[value] = None
                self._refuse("area", value, error)

    def setting(self, value: str) -> None:
        if value not in self.settings:
            try:
                self.settings[value] = resolve_setting(value).key if value.strip() else ""
            except InvalidInput as error:
                self.settings[value] = None
                self._refuse("setting", value, error)

    def credential_list(self, value: str) -> None:
        if value not in self.credentials:
            problem = credential_problem(value)
            self.credentials[value] = problem
            if problem:
                self.refused.setdefault("credentials", {})[value] = problem

    def resolve(self, frame: pl.DataFrame) -> None:
        for value in frame["area"].fill_null("").unique().to_list():
            self.area(value)
        for value in frame["setting"].fill_null("").unique().to_list():
            self.setting(value)
        for value in frame["credentials"].fill_null("").unique().to_list():
            self.credential_list(value)
        for value in frame["title"].fill_null("").unique().to_list():
            if value not in self.titles:
                self.titles[value] = resolve_title(value)

    def problems(self, frame: pl.DataFrame) -> list[pl.DataFrame]:
        filled = frame.with_columns(pl.col("area", "setting", "credentials").fill_null(""))
        return [
            _lookup_problems(filled, column, refused) for column, refused in self.refused.items()
        ]


def _blank(column: str) -> pl.Expr:
    return pl.col(column).is_null() | (pl.col(column).str.strip_chars() == "")


# (column, message, condition): every check a row can fail, evaluated in one polars pass.
def _checks() -> list[tuple[str, str, pl.Expr]]:
    salary, years = pl.col("_salary"), pl.col("_years")
    return [
        ("id", "missing id", _blank("id")),
        ("id", "duplicate id: an earlier row has the same id",
         pl.col("id").is_not_null() & ~pl.col("id").is_first_distinct()),
        ("salary", "missing salary", _blank("salary")),
        ("salary", "not a number (expected annual pay such as 52000)",
         ~_blank("salary") & salary.is_null()),
        ("salary", "must be a yearly amount between 0 and 5,000,000",
         salary.is_not_null() & ((salary <= 0) | (salary > 5_000_000))),
        ("years", "not a number of years", ~_blank("years") & years.is_null()),
        ("years", "years of experience must be between 0 and 60",
         years.is_not_null() & ((years < 0) | (years > 60))),
        ("area", "missing area (use a state, metro area or 'US')", _blank("area")),
    ]  # fmt: skip


def validate(frame: pl.DataFrame, resolver: _Resolver) -> pl.DataFrame:
    """One error row per (row, column) problem in ``frame``."""
    checks = _checks()
    flags = [condition.alias(f"_check{n}") for n, (_, _, condition) in enumerate(checks)]
    # Keep only failing rows (few) with their values, so the per-check filters below are cheap.
    failed = (
        frame.lazy().with_columns(flags).filter(pl.any_horizontal(pl.col("^_check.*$"))).collect()
    )
    found = [
        failed.filter(pl.col(f"_check{n}")).select(
            "row",
            pl.lit(column).alias("column"),
            pl.col(column).alias("value"),
            pl.lit(message).alias("message"),
        )
        for n, (column, message, _) in enumerate(checks)
    ]
    found.extend(resolver.problems(frame))
    return pl.concat([f.cast(ERROR_COLUMNS) for f in found]).unique().sort("row", "column")


def _keys(frame: pl.DataFrame, resolver: _Resolver) -> pl.DataFrame:
    """Add the market key columns (occupation, area_code, setting_key) to valid rows."""
    return frame.with_columns(
        pl.col("title").fill_null("").replace_strict(resolver.titles).alias("occupation"),
        pl.col("area").replace_strict(resolver.areas, return_dtype=pl.String).alias("area_code"),
        pl.col("setting")
        .fill_null("")
        .replace_strict(resolver.settings, return_dtype=pl.String)
        .alias("setting_key"),
    )


def price_frame(frame: pl.DataFrame, market: pl.DataFrame) -> pl.DataFrame:
    """Join market figures onto keyed rows and add percentile, compa-ratio and flags."""
    priced = frame.join(market, on=["occupation", "area_code", "setting_key"], how="left")
    salary = pl.col("_salary")
    wages = [f"market_{name}" for name in ("p10", "p25", "median", "p75", "p90")]
    return priced.with_columns(
        percentile_expr("_salary", wages).alias("percentile"),
        (salary / pl.col("market_median")).round(3).alias("compa_ratio"),
        (salary < pl.col("market_p25")).fill_null(False).alias("below_p25"),
        (salary > pl.col("market_p90")).fill_null(False).alias("above_p90"),
        pl.any_horizontal(pl.col(name).is_null() for name in wages).alias("missing_data"),
    ).with_columns(
        pl.when(pl.col("missing_data"))
        .then(pl.lit("unknown"))
        .when(salary < pl.col("market_p10"))
        .then(pl.lit("<10"))
        .when(salary > pl.col("market_p90"))
        .then(pl.lit(">90"))
        .otherwise(pl.col("percentile").round(0).cast(pl.Int64).cast(pl.String))
        .alias("percentile_label")
    )


def _histogram(ratios: pl.Series) -> list[CompaBin]:
    values = ratios.drop_nulls()
    edges = HISTOGRAM_EDGES
    bins = [CompaBin(label=f"<{edges[0]:.1f}", count=int((values < edges[0]).sum()))]
    for low, high in zip(edges, edges[1:], strict=False):
        count = int(((values >= low) & (values < high)).sum())
        bins.append(CompaBin(label=f"{low:.1f}–{high:.1f}", count=count))
    bins.append(CompaBin(label=f"≥{edges[-1]:.1f}", count=int((values >= edges[-1]).sum())))
    return bins


class RosterRun:
    """A validated roster whose priced rows come out batch by batch (for progress and streaming).

    ``summary()`` is complete once ``batches()`` has been consumed.
    """

    def __init__(self, frame: pl.DataFrame, *, batch_rows: int = BATCH_ROWS) -> None:
        resolver = _Resolver()
        resolver.resolve(frame)
        self.columns = [c for c in frame.columns if c != "row"] + [
            "occupation", *MARKET_COLUMNS, "percentile", "percentile_label", "compa_ratio",
            "below_p25", "above_p90", "missing_data",
        ]  # fmt: skip
        # Parse the numbers once; the checks and the pricing both read these columns.
        frame = frame.with_columns(
            _number("salary").alias("_salary"), _number("years").alias("_years")
        )
        self.errors = validate(frame, resolver)
        rejected = self.errors.select("row").unique()
        self.good = _keys(frame.join(rejected, on="row", how="anti"), resolver)
        keys = self.good.select("occupation", "area_code", "setting_key").unique()
        self.market = market_table([MarketKey(*key) for key in keys.iter_rows()])
        self.rows_read = frame.height
        self.batch_rows = batch_rows
        self._ratios: list[pl.Series] = []
        self._flags = {"below_p25": 0, "above_p90": 0, "missing_data": 0}

    def batches(self, progress: ProgressCallback | None = None) -> Iterator[pl.DataFrame]:
        total = self.good.height
        for start in range(0, max(total, 1), self.batch_rows):
            chunk = self.good.slice(start, self.batch_rows)
            priced = price_frame(chunk, self.market)
            self._ratios.append(priced["compa_ratio"])
            for flag in self._flags:
                self._flags[flag] += int(priced[flag].sum())
            if progress is not None:
                progress(min(start + self.batch_rows, total), total)
            yield priced.select(self.columns)

    def summary(self) -> RosterSummary:
        ratios = pl.concat(self._ratios) if self._ratios else pl.Series([], dtype=pl.Float64)
        median = ratios.median()
        errors = self.errors
        return RosterSummary(
            rows_read=self.rows_read,
            rows_priced=self.good.height,
            rows_with_errors=errors["row"].n_unique() if errors.height else 0,
            errors=errors.height,
            under_market=int((ratios < 1).sum()),
            below_p25=self._flags["below_p25"],
            above_p90=self._flags["above_p90"],
            missing_data=self._flags["missing_data"],
            median_compa_ratio=round(float(median), 3) if isinstance(median, int | float) else None,
            compa_histogram=_histogram(ratios),
            sources=[source_ref("oews_may2025", "annual wage percentiles by occupation and area")],
        )

    def result(self) -> PricedRoster:
        rows = [row for batch in self.batches() for row in batch.to_dicts()]
        return PricedRoster(summary=self.summary(), rows=rows, errors=self.errors.to_dicts())


def start_run(data: bytes, name: str, *, batch_rows: int = BATCH_ROWS) -> RosterRun:
    """Read and validate a roster file's bytes; price it by iterating ``run.batches()``."""
    return RosterRun(read_roster(data, name), batch_rows=batch_rows)


def price_roster(
    path: Path,
    *,
    out: Path | None = None,
    errors_out: Path | None = None,
    progress: ProgressCallback | None = None,
    batch_rows: int = BATCH_ROWS,
) -> PricedRoster | RosterSummary:
    """Price the roster file at ``path``.

    With ``out``, the priced rows are written there batch by batch (CSV, XLSX or JSON by
    extension; atomically) and the summary is returned; without it, everything is returned.
    """
    out_kind: OutputFormat | None = output_kind(out.name) if out is not None else None
    if errors_out is not None:
        output_kind(errors_out.name, "errors")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput("file", f"cannot read {str(path)!r}: {error.strerror}") from None
    run = start_run(data, path.name, batch_rows=batch_rows)
    if out is None or out_kind is None:
        return run.result()
    write_frames(run.batches(progress), out, out_kind)
    if errors_out is not None:
        write_errors(run.errors, errors_out)
    return run.summary()
