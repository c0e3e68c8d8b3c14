"""Benchmark code search: quality (hit@1, hit@10, MRR) and latency against a baseline.

Run: ``python benchmarks/bench_search.py [--rounds 3] [--json] [--show-misses]``

Results are printed for all queries and per set: "tuned" (the queries the ranker was developed
against), "holdout" and "holdout2" (written later; holdout2 was first measured before any change).

Both rankers answer every query of ``benchmarks/search_eval.yaml`` in the same run:

- medcoder: ``search_codes(query, limit=10)``;
- baseline: every ICD-10-CM and HCPCS code ranked by the share of the query's words found in its
  description (ties in code order), the obvious "grep" a coder might otherwise use.

Latency is per query, in process, after the index is loaded (its load time is printed too).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from medcoder.codes.search import search_codes
from medcoder.codes.search_build import search_index

EVAL_FILE = Path(__file__).with_name("search_eval.yaml")
_WORD = re.compile(r"[a-z0-9]+")


def load_eval() -> list[dict[str, Any]]:
    return list(yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))["queries"])


def eval_set(item: dict[str, Any]) -> str:
    """Which set a query belongs to: "tuned" (the ranker was developed against it), "holdout"
    (written later, then used for general fixes), or a named later held-out set ("holdout2")."""
    if "set" in item:
        return str(item["set"])
    return "holdout" if item["kind"] == "holdout" else "tuned"


def accepted(code: str, answers: list[str]) -> bool:
    for answer in answers:
        answer = str(answer)
        if answer.endswith("*") and code.startswith(answer[:-1]):
            return True
        if code == answer:
            return True
    return False


def first_rank(codes: list[str], answers: list[str]) -> int | None:
    for rank, code in enumerate(codes, start=1):
        if accepted(code, answers):
            return rank
    return None


class Baseline:
    """Rank codes by the share of query words that appear in the description."""

    def __init__(self) -> None:
        index = search_index()
        self.codes = sorted((entry.code, entry.description) for entry in index.entries)
        self.words = [frozenset(_WORD.findall(text.lower())) for _code, text in self.codes]

    def search(self, query: str, limit: int = 10) -> list[str]:
        wanted = set(_WORD.findall(query.lower()))
        if not wanted:
            return []
        scored = [
            (len(wanted & words) / len(wanted), -position)
            for position, words in enumerate(self.words)
        ]
        best = sorted(range(len(scored)), key=lambda i: scored[i], reverse=True)[:limit]
        return [self.codes[i][0] for i in best if scored[i][0] > 0]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(ranker: Any, queries: list[dict[str, Any]], rounds: int) -> list[dict[str, Any]]:
    """Each query's first accepted rank, top codes and timings (ranked once per round)."""
    rows = []
    for item in queries:
        ranker(item["query"])  # warm caches for this query's words
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            codes = ranker(item["query"])
            timings.append(time.perf_counter() - start)
        rows.append({"item": item, "rank": first_rank(codes, item["accept"]), "codes": codes})
        rows[-1]["timings"] = timings
    return rows


def summarize(name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    ranks: list[int | None] = [row["rank"] for row in rows]
    timings = [t for row in rows for t in row["timings"]]
    count = len(ranks)
    return {
        "ranker": name,
        "queries": count,
        "hit@1": sum(1 for r in ranks if r == 1) / count,
        "hit@10": sum(1 for r in ranks if r is not None and r <= 10) / count,
        "mrr": sum(1 / r for r in ranks if r is not None) / count,
        "p50_ms": statistics.median(timings) * 1000,
        "p99_ms": percentile(timings, 0.99) * 1000,
        "misses": [
            {
                "set": eval_set(row["item"]),
                "query": row["item"]["query"],
                "accept": row["item"]["accept"],
                "got": row["codes"][:3],
            }
            for row in rows
            if row["rank"] != 1
        ],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="Timed runs of each query.")
    parser.add_argument("--json", action="store_true", help="Print JSON.")
    parser.add_argument("--show-misses", action="store_true", help="List queries not at rank 1.")
    args = parser.parse_args(argv)
    queries = load_eval()
    start = time.perf_counter()
    search_index()
    load_seconds = time.perf_counter() - start
    baseline = Baseline()
    ours = run(lambda q: [h.code for h in search_codes(q, limit=10)], queries, args.rounds)
    theirs = run(baseline.search, queries, 1)
    results = [summarize("medcoder, all", ours), summarize("baseline, all", theirs)]
    for name in dict.fromkeys(eval_set(item) for item in queries):
        results.append(
            summarize(f"medcoder, {name}", [r for r in ours if eval_set(r["item"]) == name])
        )
        results.append(
            summarize(f"baseline, {name}", [r for r in theirs if eval_set(r["item"]) == name])
        )
    by_kind: dict[str, dict[str, float]] = {}
    for kind in sorted({item["kind"] for item in queries}):
        result = summarize(kind, [row for row in ours if row["item"]["kind"] == kind])
        by_kind[kind] = {
            "queries": result["queries"],
            "hit@1": result["hit@1"],
            "hit@10": result["hit@10"],
        }
    if args.json:
        print(
            json.dumps(
                {"index_load_seconds": load_seconds, "results": results, "by_kind": by_kind},
                indent=2,
            )
        )
        return
    print(f"{len(queries)} queries from {EVAL_FILE.name}; index loaded in {load_seconds:.2f} s")
    print(
        f"{'ranker':22} {'n':>4} {'hit@1':>6} {'hit@10':>7} {'MRR':>6} {'p50 ms':>8} {'p99 ms':>8}"
    )
    for r in results:
        quality = f"{r['hit@1']:6.3f} {r['hit@10']:7.3f} {r['mrr']:6.3f}"
        print(f"{r['ranker']:22} {r['queries']:4d} {quality} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f}")
    print(
        "medcoder by kind: "
        + ", ".join(
            f"{kind} {v['hit@1']:.2f}/{v['hit@10']:.2f} (n={v['queries']})"
            for kind, v in by_kind.items()
        )
    )
    if args.show_misses:
        for miss in results[0]["misses"]:
            got = miss["got"]
            print(
                f"  miss [{miss['set']}]: {miss['query']!r} accept {miss['accept']} got {got}",
                file=sys.stderr,
            )


if __name__ == "__main__":
    main()
