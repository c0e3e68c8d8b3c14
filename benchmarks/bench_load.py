"""Long form of the load and fault runs: ``python benchmarks/bench_load.py [--duration 20]``.

Scenarios, each against a real ``medcoder serve`` on loopback with mixed traffic (page views, code
searches, salary estimates, quiz answers) from many simulated users:

  sqlite            steady load on SQLite
  postgresql        steady load on PostgreSQL (a throwaway cluster from Debian's binaries)
  sqlite-sigkill    SIGKILL the server mid-load, restart it, keep going
  postgresql-restart restart PostgreSQL under the running app

Each prints requests, throughput, p50/p99 latency, errors, and answers acknowledged vs stored.
Every run is bounded by duration and request count and stops by itself.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.postgres import PostgresServer, postgres_bin  # noqa: E402

from benchmarks.loadgen import (  # noqa: E402
    PAGES,
    LoadResult,
    Server,
    integrity_problems,
    missing_acknowledged,
    report,
    run_load,
    stored_answers,
)


def warm(server: Server) -> None:
    import httpx

    httpx.post(
        f"{server.base_url}/api/v1/study/quizzes",
        json={"area": "icd10cm", "count": 10},
        timeout=120,
    ).raise_for_status()
    for path in [*PAGES, "/api/v1/codes/search?q=htn", "/api/v1/estimate?years=3"]:
        httpx.get(f"{server.base_url}{path}", timeout=120)


def steady(server: Server, args: argparse.Namespace, name: str) -> bool:
    result = run_load(
        server.base_url, users=args.users, duration=args.duration, max_requests=args.max_requests
    )
    stored = stored_answers(server.database_url)
    report(name, result, stored)
    ok = not result.errors and stored == result.acknowledged
    ok = ok and not integrity_problems(server.database_url)
    print(
        f"{name}: {'OK' if ok else 'FAILED'} (stored == acknowledged: "
        f"{stored == result.acknowledged})"
    )
    return ok


def with_fault(
    server: Server, args: argparse.Namespace, name: str, fault: Callable[[], None]
) -> bool:
    down = threading.Event()
    box: list[LoadResult] = []
    thread = threading.Thread(
        target=lambda: box.append(
            run_load(
                server.base_url,
                users=args.users,
                duration=args.duration,
                max_requests=args.max_requests,
                server_down=down.is_set,
            )
        )
    )
    thread.start()
    time.sleep(args.duration / 3)
    down.set()
    fault()
    time.sleep(1.0)
    down.clear()
    thread.join(timeout=args.duration * 4)
    result = box[0]
    stored = stored_answers(server.database_url)
    report(name, result, stored)
    missing = missing_acknowledged(result, stored)
    problems = integrity_problems(server.database_url)
    ok = not result.errors and not missing and not problems
    print(
        f"{name}: {'OK' if ok else 'FAILED'} (acknowledged answers missing: {len(missing)}, "
        f"integrity problems: {problems or 'none'})"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per scenario")
    parser.add_argument("--users", type=int, default=24, help="simulated users")
    parser.add_argument("--max-requests", type=int, default=50_000, help="request budget")
    args = parser.parse_args()
    results: list[bool] = []
    root = Path(__import__("tempfile").mkdtemp(prefix="medcoder-bench-load-"))

    server = Server(f"sqlite:///{root / 'steady.db'}")
    server.start()
    warm(server)
    results.append(steady(server, args, "sqlite"))
    server.stop()

    server = Server(f"sqlite:///{root / 'kill.db'}")
    server.start()
    warm(server)

    def kill_and_restart() -> None:
        server.kill()
        server.start()

    results.append(with_fault(server, args, "sqlite-sigkill", kill_and_restart))
    server.stop()

    bindir = postgres_bin()
    if bindir is None:
        print("PostgreSQL scenarios skipped: initdb/pg_ctl not installed")
    else:
        cluster = PostgresServer(bindir)
        cluster.init()
        cluster.start()
        try:
            server = Server(cluster.create_database("bench_steady"))
            server.start()
            warm(server)
            results.append(steady(server, args, "postgresql"))
            server.stop()
            server = Server(cluster.create_database("bench_restart"))
            server.start()
            warm(server)

            def restart_postgres() -> None:
                cluster.stop("fast")
                cluster.start()

            results.append(with_fault(server, args, "postgresql-restart", restart_postgres))
            server.stop()
        finally:
            cluster.stop("immediate")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
