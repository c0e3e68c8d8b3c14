"""Write ``constraints.txt``: exact versions of every package medcoder[test] pulls in.

Run after changing dependencies (``python scripts/lock.py``); ``scripts/test`` installs with
``-c constraints.txt`` so CI and every developer test the same versions, and the audit checks them.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root: str, extras: set[str]) -> dict[str, str]:
    pinned: dict[str, str] = {}
    queue: list[tuple[str, set[str]]] = [(root, extras)]
    while queue:
        name, wanted_extras = queue.pop()
        dist = metadata.distribution(name)
        key = canonical(dist.metadata["Name"])
        if key != canonical(root):
            pinned[key] = dist.version
        for raw in dist.requires or []:
            requirement = Requirement(raw)
            environment = {"extra": ""}
            active = requirement.marker is None or requirement.marker.evaluate(environment)
            for extra in wanted_extras:
                if requirement.marker is not None and requirement.marker.evaluate({"extra": extra}):
                    active = True
            if not active or canonical(requirement.name) in pinned:
                continue
            try:
                metadata.distribution(requirement.name)
            except metadata.PackageNotFoundError:
                continue
            queue.append((requirement.name, set(requirement.extras)))
    return pinned


def main() -> None:
    pins = closure("medcoder", {"test"})
    lines = [
        "# Exact versions of medcoder[test] and everything it pulls in; made by scripts/lock.py.",
        *(f"{name}=={version}" for name, version in sorted(pins.items())),
    ]
    (ROOT / "constraints.txt").write_text("\n".join(lines) + "\n")
    print(f"constraints.txt: {len(pins)} packages")


if __name__ == "__main__":
    main()
