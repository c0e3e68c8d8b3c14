"""Short, bounded forms of the load and fault runs (the long forms are benchmarks/bench_load.py).

A real ``medcoder serve`` on loopback takes mixed traffic; afterwards the database must hold exactly
the answers the server acknowledged — also after SIGKILL mid-load, and after PostgreSQL restarts
under the app.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from benchmarks.loadgen import (
    PAGES,
    LoadResult,
    Server,
    integrity_problems,
    missing_acknowledged,
    run_load,
    stored_answers,
)

from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.load


def warmed(server: Server) -> Server:
    """Make the server build its quiz and search indexes before the measured traffic."""
    httpx.post(
        f"{server.base_url}/api/v1/study/quizzes",
        json={"area": "icd10cm", "count": 10},
        timeout=120,
    ).raise_for_status()
    for path in [*PAGES, "/api/v1/codes/search?q=htn", "/api/v1/estimate?years=3"]:
        httpx.get(f"{server.base_url}{path}", timeout=120).raise_for_status()
    return server


@pytest.fixture
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path_factory.mktemp('load') / 'load.db'}"
    server = Server(url)
    server.start()
    yield warmed(server)
    server.stop()


@pytest.fixture
def postgres_app(postgres_url: str) -> Iterator[Server]:
    server = Server(postgres_url)
    server.start()
    yield warmed(server)
    server.stop()


def assert_exactly_acknowledged(result: LoadResult, database_url: str) -> None:
    assert result.errors == []
    assert result.acknowledged, "the run acknowledged no answers"
    assert stored_answers(database_url) == result.acknowledged
    assert integrity_problems(database_url) == []


def test_mixed_load_on_sqlite_stores_exactly_the_acknowledged_answers(
    sqlite_server: Server,
) -> None:
    result = run_load(sqlite_server.base_url, users=8, duration=5, max_requests=600)
    assert result.requests >= 20
    assert_exactly_acknowledged(result, sqlite_server.database_url)


def test_mixed_load_on_postgresql_stores_exactly_the_acknowledged_answers(
    postgres_app: Server,
) -> None:
    result = run_load(postgres_app.base_url, users=8, duration=5, max_requests=600)
    assert result.requests >= 20
    assert_exactly_acknowledged(result, postgres_app.database_url)


def _in_background(target: object) -> tuple[threading.Thread, list[LoadResult]]:
    box: list[LoadResult] = []
    thread = threading.Thread(target=lambda: box.append(target()))  # type: ignore[operator]
    thread.start()
    return thread, box


def test_sigkill_mid_load_loses_no_acknowledged_answer(sqlite_server: Server) -> None:
    down = threading.Event()
    thread, box = _in_background(
        lambda: run_load(
            sqlite_server.base_url, users=8, duration=8, max_requests=2000, server_down=down.is_set
        )
    )
    time.sleep(2.5)
    down.set()
    sqlite_server.kill()
    sqlite_server.start()
    time.sleep(0.5)
    down.clear()
    thread.join(timeout=60)
    result = box[0]
    assert integrity_problems(sqlite_server.database_url) == []
    assert missing_acknowledged(result, stored_answers(sqlite_server.database_url)) == []
    assert result.unavailable > 0, "the kill should have interrupted some requests"
    assert result.errors == []


def test_postgresql_restart_under_the_app_fails_requests_cleanly_and_keeps_answers(
    postgres_app: Server, postgres_server: PostgresServer
) -> None:
    down = threading.Event()
    thread, box = _in_background(
        lambda: run_load(
            postgres_app.base_url, users=8, duration=8, max_requests=2000, server_down=down.is_set
        )
    )
    time.sleep(2.5)
    down.set()
    postgres_server.stop("fast")
    postgres_server.start()
    time.sleep(1.0)
    down.clear()
    thread.join(timeout=60)
    result = box[0]
    assert result.errors == []
    assert missing_acknowledged(result, stored_answers(postgres_app.database_url)) == []
    assert integrity_problems(postgres_app.database_url) == []
    health = httpx.get(f"{postgres_app.base_url}/api/v1/health", timeout=5)
    assert health.json()["database"] == "postgresql"
