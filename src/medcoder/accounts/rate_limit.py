"""Sliding-window limits on log-in and sign-up attempts, kept in memory per server process."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

# Keys whose events have all expired are dropped when looked at; once this many keys are held,
# a record() also sweeps every key, so memory stays bounded by the traffic of one window.
SWEEP_AT = 10_000


class RateLimiter:
    """Allow at most ``limit`` events per key within ``window`` seconds."""

    def __init__(
        self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        events = self._events.get(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if not events:
            # Forget idle keys, so a flood of made-up usernames cannot grow memory without bound.
            self._events.pop(key, None)
        return events

    def blocked_for(self, key: str) -> float:
        """Seconds until ``key`` may try again; 0 when it may now."""
        with self._lock:
            now = self.clock()
            events = self._prune(key, now)
            if len(events) < self.limit:
                return 0.0
            return max(0.0, events[0] + self.window - now)

    def record(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            if len(self._events) >= SWEEP_AT:
                for stale in list(self._events):
                    self._prune(stale, now)
            events = self._prune(key, now)
            events.append(now)
            self._events[key] = events

    def tracked_keys(self) -> int:
        """How many keys hold events now (for tests and monitoring)."""
        with self._lock:
            return len(self._events)

    def reset(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)
