"""Every HTTP route the app serves, as the security tests see it: method, path, and whether it
needs the current user.

FastAPI 0.165 keeps included routers as lazy branches in ``app.routes``;
``fastapi.routing.iter_route_contexts`` flattens them into the routes requests are matched against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from medcoder.web.auth import get_current_user

PATH_PARAM = re.compile(r"{([^}:]+)(?::[^}]+)?}")


@dataclass(frozen=True)
class RouteInfo:
    method: str
    path: str
    user_scoped: bool

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def params(self) -> list[str]:
        return PATH_PARAM.findall(self.path)

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def changes_state(self) -> bool:
        return self.method in {"POST", "PUT", "PATCH", "DELETE"}


def _calls(dependant: Any) -> Iterator[object]:
    for child in getattr(dependant, "dependencies", []):
        yield child.call
        yield from _calls(child)


def _flat_routes(app: FastAPI) -> Iterator[Any]:
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before 0.165 lists every route directly
        yield from app.routes
        return
    yield from iter_route_contexts(app.routes)


def app_routes(app: FastAPI) -> list[RouteInfo]:
    """Every (method, path) of the app's endpoints; static files and the schema excluded."""
    found: list[RouteInfo] = []
    for route in _flat_routes(app):
        dependant = getattr(route, "dependant", None)
        if dependant is None:  # the /static mount and Starlette's own openapi.json route
            continue
        user_scoped = get_current_user in set(_calls(dependant))
        for method in sorted(route.methods or []):
            if method != "HEAD":
                found.append(RouteInfo(method, str(route.path), user_scoped))
    return found


def fill_path(path: str, values: dict[str, object]) -> str:
    return PATH_PARAM.sub(lambda match: str(values[match.group(1)]), path)
