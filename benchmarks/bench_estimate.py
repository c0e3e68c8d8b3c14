"""Benchmark the salary estimator: one estimate in-process, and the CLI's cold start.

Run: ``python benchmarks/bench_estimate.py [--runs 2000] [--cold-runs 10]``

Both are compared with a baseline measured in the same run: a bare dict lookup of the national
median (in-process), and ``python -c pass`` (whole process).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from medcoder.wages.estimate import estimate_salary, make_profile
from medcoder.wages.oews import load_oews

CLI_ARGS = [
    "estimate", "--years", "5", "--credential", "CPC", "--credential", "CRC",
    "--specialty", "risk adjustment", "--area", "Texas", "--setting", "hospitals",
    "--work-model", "remote", "--json",
]  # fmt: skip


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def cold_start(argv: list[str], runs: int) -> float:
    def run() -> None:
        subprocess.run(argv, check=True, capture_output=True)

    return median_seconds(run, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000, help="in-process repetitions")
    parser.add_argument("--cold-runs", type=int, default=10, help="whole-process repetitions")
    args = parser.parse_args()

    profile = make_profile(
        years=5, credentials=["CPC", "CRC"], specialty="risk adjustment", area="Texas",
        setting="hospitals", work_model="remote",
    )  # fmt: skip
    estimate_salary(profile)  # warm the caches: the extract and claims load once per process
    row = load_oews().get("29-2072", "0000000")
    assert row is not None
    lookup = {"29-2072": row.cells["annual_median"]}

    baseline = median_seconds(lambda: lookup["29-2072"], args.runs)
    single = median_seconds(lambda: estimate_salary(profile), args.runs)
    print(f"in-process, median of {args.runs} runs")
    print(f"  dict lookup of the national median  {baseline * 1e6:10.2f} µs")
    print(f"  estimate_salary(profile)            {single * 1e6:10.2f} µs")
    print(f"  ratio                               {single / baseline:10.0f}x")

    medcoder = shutil.which("medcoder")
    command = [medcoder] if medcoder else [sys.executable, "-m", "medcoder"]
    python_pass = cold_start([sys.executable, "-c", "pass"], args.cold_runs)
    cli = cold_start([*command, *CLI_ARGS], args.cold_runs)
    print(f"whole process, median of {args.cold_runs} runs")
    print(f"  python -c pass                      {python_pass * 1e3:10.1f} ms")
    print(f"  medcoder estimate ... --json        {cli * 1e3:10.1f} ms")
    print(f"  ratio                               {cli / python_pass:10.1f}x")


if __name__ == "__main__":
    main()
