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

from medcoder.accounts.rate_limit import RateLimiter
from medcoder.accounts.sessions import user_id_for_token
from medcoder.settings import Settings, get_settings
from medcoder.sources import verify_sources
from medcoder.store.engine import make_engine, make_session_factory
from medcoder.store.migrate import upgrade_to_head
from medcoder.web.errors import install_error_handlers
from medcoder.web.security import SecurityMiddleware

API_PREFIX = "/api/v1"

# Each module exposes ``router``. API routers are mounted under API_PREFIX.
API_ROUTERS = (
    "medcoder.web.api.meta",
    "medcoder.web.api.accounts",
    "medcoder.web.api.wages",
    "medcoder.web.api.careers",
    "medcoder.web.api.codes",
    "medcoder.web.api.concepts",
    "medcoder.web.api.study",
    "medcoder.web.api.docs",
)
PAGE_ROUTERS = (
    "medcoder.web.pages.accounts",
    "medcoder.web.pages.salary",
    "medcoder.web.pages.salary_places",
    "medcoder.web.pages.salary_estimate",
    "medcoder.web.pages.salary_careers",
    "medcoder.web.pages.salary_sources",
    "medcoder.web.pages.careers",
    "medcoder.web.pages.codes",
    "medcoder.web.pages.concepts",
    "medcoder.web.pages.study",
    "medcoder.web.pages.study_exams",
    "medcoder.web.pages.study_cards",
    "medcoder.web.pages.study_drills",
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
    app.state.session_factory = session_factory = make_session_factory(engine)
    # Log-in: 5 failures per username and 30 per address in 15 minutes; sign-up: 5 an hour.
    app.state.login_failures_by_user = RateLimiter(5, 15 * 60)
    app.state.login_failures_by_ip = RateLimiter(30, 15 * 60)
    app.state.signups_by_ip = RateLimiter(5, 60 * 60)

    def resolve_session(token: str) -> int | None:
        with session_factory() as session:
            return user_id_for_token(session, token)

    app.add_middleware(SecurityMiddleware, settings=settings, resolve_session=resolve_session)
    install_error_handlers(app)
    static_dir = resources.files("medcoder.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    for module in API_ROUTERS:
        app.include_router(importlib.import_module(module).router, prefix=API_PREFIX)
    for module in PAGE_ROUTERS:
        app.include_router(importlib.import_module(module).router)
    return app
