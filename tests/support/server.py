"""``medcoder serve`` as a subprocess on a free loopback port, for browser, load and fault tests."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.support.postgres import free_port


class LiveServer:
    def __init__(self, env: dict[str, str], *, port: int | None = None) -> None:
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        # A file, not a pipe: nobody reads the log while tests run, and a full pipe would block
        # the server once its access log passed 64 KiB.
        self.log = Path(tempfile.mkstemp(prefix="medcoder-serve-", suffix=".log")[1])

    def start(self, timeout: float = 60) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "medcoder", "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.log.read_text(errors="replace")
                raise RuntimeError(f"medcoder serve exited early:\n{output}")
            try:
                if httpx.get(f"{self.base_url}/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"medcoder serve did not answer within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers run, as in a power cut or an OOM kill."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
