"""Roster pricing: vectorised (polars) against a per-row loop, on the same data in the same run.

Run: ``python benchmarks/bench_roster.py [--rows 1000000] [--loop-rows 2000]``

It builds a synthetic roster CSV in memory (states, metro areas, ladder titles, settings,
credentials and salaries drawn with a fixed seed), then

1. times the vectorised path end to end: parse the CSV bytes, validate, look up the market once
   per (occupation, area, setting) and join, batch by batch;
2. times the per-row path, ``price_employee`` called once per row, on a subsample (running it on
   every row would take minutes), and extrapolates its per-row cost to the full roster.

It prints rows per second for both and the ratio. The loop figure is an extrapolation and is
labelled as one.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time

import polars as pl

from medcoder.careers.roster import start_run
from medcoder.careers.roster_market import price_employee
from medcoder.wages.areas import list_metros, list_states

TITLES = ("Medical Coder", "Certified Coder", "Senior Coder", "Coding Auditor", "Coding Manager")
SETTINGS = ("", "", "", "hospitals", "physician offices", "insurance")
CREDENTIALS = ("", "CPC", "CPC;CRC", "CCS", "CPC;CPMA")


def synthetic_roster(rows: int, seed: int = 2025) -> bytes:
    generator = random.Random(seed)
    states = [area.name for area in list_states() if area.postal not in ("GU", "VI")]
    metros = [area.name for area in list_metros()][:150]
    areas = states + metros
    frame = pl.DataFrame(
        {
            "id": [f"E{n}" for n in range(rows)],
            "title": [generator.choice(TITLES) for _ in range(rows)],
            "area": [generator.choice(areas) for _ in range(rows)],
            "setting": [generator.choice(SETTINGS) for _ in range(rows)],
            "credentials": [generator.choice(CREDENTIALS) for _ in range(rows)],
            "years": [generator.randint(0, 30) for _ in range(rows)],
            "salary": [round(generator.gauss(55_000, 12_000)) for _ in range(rows)],
        }
    ).with_columns(pl.col("salary").clip(lower_bound=20_000))
    buffer = io.BytesIO()
    frame.write_csv(buffer)
    return buffer.getvalue()


def time_vectorised(data: bytes) -> tuple[float, int]:
    started = time.perf_counter()
    run = start_run(data, "roster.csv")
    priced = sum(batch.height for batch in run.batches())
    return time.perf_counter() - started, priced


def time_loop(data: bytes, rows: int) -> float:
    sample = pl.read_csv(io.BytesIO(data), infer_schema=False, n_rows=rows)
    started = time.perf_counter()
    for row in sample.iter_rows(named=True):
        price_employee(
            title=row["title"],
            area=row["area"],
            salary=float(row["salary"]),
            setting=row["setting"] or None,
            credentials=row["credentials"] or None,
        )
    return (time.perf_counter() - started) / rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--loop-rows", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    data = synthetic_roster(args.rows)
    print(f"roster: {args.rows:,} rows, {len(data) / 1e6:.1f} MB of CSV")
    # Warm the OEWS, area and claims caches once, on the first rows (cut at a line end).
    time_vectorised(data[: data.index(b"\n", 10_000) + 1])
    runs = [time_vectorised(data) for _ in range(args.repeats)]
    vector_seconds = statistics.median(seconds for seconds, _ in runs)
    priced = runs[0][1]
    vector_rate = args.rows / vector_seconds
    print(
        f"vectorised: {vector_seconds:.2f} s median of {args.repeats} runs for {args.rows:,} rows "
        f"({priced:,} priced) = {vector_rate:,.0f} rows/s"
    )
    per_row = time_loop(data, args.loop_rows)
    loop_rate = 1 / per_row
    print(
        f"per-row loop (price_employee), measured on {args.loop_rows:,} rows: "
        f"{per_row * 1e3:.3f} ms/row = {loop_rate:,.0f} rows/s; "
        f"EXTRAPOLATED to {args.rows:,} rows: {per_row * args.rows:.0f} s"
    )
    print(f"ratio: vectorised is {vector_rate / loop_rate:,.0f}x faster per row")


if __name__ == "__main__":
    main()
