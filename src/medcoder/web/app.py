"""The FastAPI application: HTML pages, the JSON API under /api/v1, and static files.

Routers live one per resource in ``api/`` and one per page group in ``pages/``; this module only
wires them together with the database and the error handlers.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from medcoder.settings import Settings, get_settings
from medcoder.sources import verify_sources
from medcoder.store.engine import make_engine, make_session_factory
from medcoder.store.migrate import upgrade_to_head
from medcoder.web.errors import install_error_handlers

API_PREFIX = "/api/v1"

# Each module exposes ``router``. API routers are mounted under API_PREFIX.
API_ROUTERS = (
    "medcoder.web.api.meta",
    "medcoder.web.api.wages",
    "medcoder.web.api.careers",
    "medcoder.web.api.codes",
    "medcoder.web.api.study",
)
PAGE_ROUTERS = (
    "medcoder.web.pages.salary",
    "medcoder.web.pages.careers",
    "medcoder.web.pages.codes",
    "medcoder.web.pages.study",
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # Refuse to start on corrupt or swapped data rather than serve wrong numbers.
    verify_sources()
    engine = make_engine(settings.resolved_database_url())
    upgrade_to_head(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="medcoder",
        summary="Salary and career intelligence and CPC exam prep for medical coders.",
        version="0.1.0",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    install_error_handlers(app)
    static_dir = resources.files("medcoder.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    for module in API_ROUTERS:
        app.include_router(importlib.import_module(module).router, prefix=API_PREFIX)
    for module in PAGE_ROUTERS:
        app.include_router(importlib.import_module(module).router)
    return app
