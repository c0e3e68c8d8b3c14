"""Web latency under a bounded local load, against a FastAPI hello-world measured in the same run.

    python benchmarks/bench_web.py [--duration 10] [--connections 16]

Starts ``medcoder serve`` and a hello-world FastAPI app (uvicorn, same log level, one worker each)
on free loopback ports, then drives each target for a fixed duration at a fixed concurrency with
``wrk`` when it is installed (else an asyncio httpx client) and prints p50, p99 and requests/s,
plus each target's ratio to the hello-world baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ESTIMATE_PATH = (
    "/api/v1/estimate?years=5&credential=CPC&credential=CRC"
    "&specialty=risk+adjustment&area=Texas&setting=hospitals&work_model=remote"
)
TARGETS = (
    ("hello-world (baseline)", "hello", "/"),
    ("GET /api/v1/estimate", "medcoder", ESTIMATE_PATH),
    ("GET /states/TX", "medcoder", "/states/TX"),
)


@dataclass(frozen=True)
class Result:
    name: str
    p50_ms: float
    p99_ms: float
    requests_per_second: float
    errors: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_hello_server(port: int) -> None:
    """The baseline: the smallest FastAPI app, served exactly like ``medcoder serve`` serves."""
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/")
    def hello() -> dict[str, str]:
        return {"hello": "world"}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info", proxy_headers=False)


def start(argv: list[str], base_url: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{argv} exited with {process.returncode}")
        try:
            httpx.get(base_url + "/", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"{argv} did not answer within 60 s")


def _wrk_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"unexpected wrk latency {text!r}")
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[match.group(2)]
    return float(match.group(1)) * factor


def run_wrk(name: str, url: str, duration: int, connections: int) -> Result:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if not (p50 and p99 and rps):
        raise RuntimeError(f"could not read wrk output:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return Result(
        name,
        _wrk_ms(p50.group(1)),
        _wrk_ms(p99.group(1)),
        float(rps.group(1)),
        int(errors.group(1)) if errors else 0,
    )


async def _httpx_load(url: str, duration: int, connections: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status_code >= 400

        await asyncio.gather(*(worker() for _ in range(connections)))
    return latencies, errors


def run_httpx(name: str, url: str, duration: int, connections: int) -> Result:
    latencies, errors = asyncio.run(_httpx_load(url, duration, connections))
    cuts = statistics.quantiles(latencies, n=100)
    return Result(name, cuts[49], cuts[98], len(latencies) / duration, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    parser.add_argument("--hello-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.hello_server:
        run_hello_server(args.hello_server)
        return

    data_dir = tempfile.mkdtemp(prefix="medcoder-bench-")
    env = {**os.environ, "MEDCODER_DATA_DIR": data_dir}
    env.pop("MEDCODER_DATABASE_URL", None)
    ports = {"hello": free_port(), "medcoder": free_port()}
    base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    commands = {
        "hello": [
            sys.executable,
            str(Path(__file__).resolve()),
            "--hello-server",
            str(ports["hello"]),
        ],
        "medcoder": [sys.executable, "-m", "medcoder", "serve", "--port", str(ports["medcoder"])],
    }
    processes = [start(commands[name], base[name], env) for name in ("hello", "medcoder")]
    tool = "wrk" if shutil.which("wrk") else "httpx"
    runner = run_wrk if tool == "wrk" else run_httpx
    try:
        results = []
        for name, server, path in TARGETS:
            url = base[server] + path
            status = httpx.get(url, timeout=30).status_code  # also warms caches
            if status != 200:
                raise RuntimeError(f"{url} answered {status}; fix it before benchmarking")
            results.append(runner(name, url, args.duration, args.connections))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=15)
        shutil.rmtree(data_dir, ignore_errors=True)

    print(
        f"load: {tool}, {args.connections} connections, {args.duration} s per target, "
        f"loopback, 1 uvicorn worker each, {os.cpu_count()} CPUs"
    )
    baseline = results[0]
    header = f"{'target':<24}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}{'err':>5}"
    print(header + f"{'p50 ×':>8}{'p99 ×':>8}{'req/s ×':>9}")
    for result in results:
        print(
            f"{result.name:<24}{result.p50_ms:>9.2f}{result.p99_ms:>9.2f}"
            f"{result.requests_per_second:>9.0f}{result.errors:>5}"
            f"{result.p50_ms / baseline.p50_ms:>8.1f}{result.p99_ms / baseline.p99_ms:>8.1f}"
            f"{result.requests_per_second / baseline.requests_per_second:>9.2f}"
        )


if __name__ == "__main__":
    main()
