"""A bounded load generator and fault harness for a real ``medcoder serve`` on loopback.

Simulated users mix page views, code searches, salary estimates and quiz answers. Every answer the
server acknowledges (HTTP 200) is recorded, so after the run the database can be checked to hold
exactly those answers — also after the server was SIGKILLed or PostgreSQL restarted under it.
Runs stop by themselves: a fixed duration and a fixed request budget, whichever comes first.
Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy import create_engine, text
from tests.support.server import LiveServer

PAGES = ["/", "/states", "/states/TX", "/codes?q=diabetes", "/concepts/excludes1", "/estimate"]
SEARCHES = ["htn", "heart attack", "broken wrist", "E11.9", "copd", "uti", "flu shot", "chf"]
ESTIMATE = "/api/v1/estimate?years={years}&credential=CPC&area=Texas&work_model=remote"
ACTIONS = [("page", 3), ("search", 3), ("estimate", 2), ("answer", 4)]


class Server(LiveServer):
    """A server on ``database_url`` (single-user mode) that can be killed and restarted."""

    def __init__(self, database_url: str, *, port: int | None = None) -> None:
        self.data_dir = tempfile.mkdtemp(prefix="medcoder-load-")
        self.database_url = database_url
        env = {
            **os.environ,
            "MEDCODER_DATA_DIR": self.data_dir,
            "MEDCODER_DATABASE_URL": database_url,
            "MEDCODER_MULTI_USER": "false",
        }
        super().__init__(env, port=port)


@dataclass
class LoadResult:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    unavailable: int = 0  # connection refused/reset while the server was down on purpose
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # (attempt id, question number) -> option text the server acknowledged last
    acknowledged: dict[tuple[int, int], str] = field(default_factory=dict)
    # answers sent after the last acknowledgement whose response never came (server killed,
    # connection lost): the database may hold one of them, committed just before the failure
    unacknowledged: dict[tuple[int, int], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )
    elapsed: float = 0.0

    def percentile(self, kind: str | None, q: float) -> float:
        values = sorted(v for k, vs in self.latencies.items() if kind in (None, k) for v in vs)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(q * len(values)))]

    def summary(self) -> dict[str, object]:
        all_latencies = [v for vs in self.latencies.values() for v in vs]
        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "unavailable": self.unavailable,
            "throughput_rps": round(self.requests / self.elapsed, 1) if self.elapsed else 0.0,
            "p50_ms": round(statistics.median(all_latencies) * 1000, 2) if all_latencies else None,
            "p99_ms": round(self.percentile(None, 0.99) * 1000, 2),
            "by_kind": {
                kind: {
                    "count": len(values),
                    "p50_ms": round(statistics.median(values) * 1000, 2),
                    "p99_ms": round(self.percentile(kind, 0.99) * 1000, 2),
                }
                for kind, values in sorted(self.latencies.items())
            },
            "answers_acknowledged": len(self.acknowledged),
        }


class _Budget:
    def __init__(self, duration: float, max_requests: int) -> None:
        self.deadline = time.monotonic() + duration
        self.left = max_requests

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


async def _user(
    client: httpx.AsyncClient,
    number: int,
    budget: _Budget,
    result: LoadResult,
    seed: int,
    server_down: Callable[[], bool],
) -> None:
    rng = random.Random(seed * 1000 + number)
    attempt: dict[str, object] | None = None
    kinds = [kind for kind, weight in ACTIONS for _ in range(weight)]
    while budget.take():
        kind = rng.choice(kinds)
        started = time.perf_counter()
        try:
            if kind == "answer" and attempt is None:
                response = await client.post(
                    "/api/v1/study/quizzes", json={"area": "icd10cm", "count": 10, "seed": number}
                )
                if response.status_code == 201:
                    attempt = response.json()
            elif kind == "answer" and attempt is not None:
                question = rng.randrange(1, int(str(attempt["total"])) + 1)
                letter = rng.choice("ABCD")
                key = (int(str(attempt["id"])), question)
                options = attempt["questions"][question - 1]["options"]  # type: ignore[index]
                result.unacknowledged[key].append(options["ABCD".index(letter)])
                response = await client.post(
                    f"/api/v1/study/attempts/{attempt['id']}/answers",
                    json={"number": question, "choice": letter, "seconds": 5},
                )
                if response.status_code == 200:
                    state = response.json()
                    result.acknowledged[key] = state["questions"][question - 1]["chosen"]
                    result.unacknowledged[key].clear()
            elif kind == "page":
                response = await client.get(rng.choice(PAGES))
            elif kind == "search":
                response = await client.get(
                    "/api/v1/codes/search", params={"q": rng.choice(SEARCHES), "limit": 10}
                )
            else:
                response = await client.get(ESTIMATE.format(years=rng.randrange(0, 30)))
        except httpx.TransportError as error:
            if server_down():
                result.unavailable += 1
                await asyncio.sleep(0.05)
            else:
                result.errors.append(f"{kind}: {type(error).__name__}: {error}")
            continue
        result.requests += 1
        result.latencies[kind].append(time.perf_counter() - started)
        if response.status_code >= 400 and not (server_down() and response.status_code >= 500):
            result.errors.append(f"{kind}: HTTP {response.status_code} {response.text[:200]}")


async def _run(
    base_url: str,
    users: int,
    duration: float,
    max_requests: int,
    seed: int,
    server_down: Callable[[], bool],
) -> LoadResult:
    result = LoadResult()
    budget = _Budget(duration, max_requests)
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:
        await asyncio.gather(
            *(_user(client, n, budget, result, seed, server_down) for n in range(users))
        )
    result.elapsed = time.monotonic() - started
    return result


def run_load(
    base_url: str,
    *,
    users: int = 16,
    duration: float = 10.0,
    max_requests: int = 5000,
    seed: int = 0,
    server_down: Callable[[], bool] = lambda: False,
) -> LoadResult:
    # A thread of its own, so the event loop never meets one the caller already runs (Playwright's
    # sync API keeps a loop alive in the main thread for the whole test session).
    box: list[LoadResult] = []
    worker = threading.Thread(
        target=lambda: box.append(
            asyncio.run(_run(base_url, users, duration, max_requests, seed, server_down))
        ),
        name="medcoder-load",
    )
    worker.start()
    worker.join()
    if not box:
        raise RuntimeError("the load run failed; see the traceback above")
    return box[0]


def stored_answers(database_url: str) -> dict[tuple[int, int], str]:
    """Every answered question in the database: (attempt id, number) -> chosen option text."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT attempt_id, position, chosen FROM study_answers "
                    "WHERE chosen IS NOT NULL"
                )
            ).all()
    finally:
        engine.dispose()
    return {(int(row[0]), int(row[1])): str(row[2]) for row in rows}


def integrity_problems(database_url: str) -> list[str]:
    """SQLite's own integrity and foreign-key checks; on PostgreSQL, orphaned answers."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                status = connection.execute(text("PRAGMA integrity_check")).scalar()
                problems = [] if status == "ok" else [str(status)]
                problems += [str(r) for r in connection.execute(text("PRAGMA foreign_key_check"))]
                return problems
            orphans = connection.execute(
                text(
                    "SELECT count(*) FROM study_answers a LEFT JOIN study_attempts t "
                    "ON a.attempt_id = t.id WHERE t.id IS NULL"
                )
            ).scalar()
            return [f"{orphans} orphaned answers"] if orphans else []
    finally:
        engine.dispose()


def missing_acknowledged(result: LoadResult, stored: dict[tuple[int, int], str]) -> list[str]:
    """Acknowledged answers the database lost. A later answer to the same question that was sent
    but never acknowledged may legitimately have replaced one (it committed, then the reply was
    lost); anything else is a loss."""
    return [
        f"attempt {key[0]} question {key[1]}: acknowledged {value!r}, stored {stored.get(key)!r}"
        for key, value in result.acknowledged.items()
        if stored.get(key) != value and stored.get(key) not in result.unacknowledged.get(key, [])
    ]


def report(name: str, result: LoadResult, stored: dict[tuple[int, int], str]) -> dict[str, object]:
    summary = {"scenario": name, **result.summary(), "answers_stored": len(stored)}
    print(json.dumps(summary, indent=2))
    return summary
