"""Jinja2 templates shared by every page, with the data-source footer in their globals."""

from __future__ import annotations

from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from medcoder.sources import load_sources

templates = Jinja2Templates(directory=str(resources.files("medcoder.web") / "templates"))


def _footer_sources() -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for source in load_sources().values():
        label = f"{source.publisher.split(' (')[0]} — {source.release}"
        seen.setdefault(label, {"publisher": source.publisher, "release": source.release})
    return list(seen.values())


templates.env.globals["footer_sources"] = _footer_sources()


def csrf_input(request: Request) -> Markup:
    """Hidden CSRF field for every state-changing form (the token is set by web/security.py)."""
    token = getattr(request.state, "csrf_token", "")
    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(token)}">')


templates.env.globals["csrf_input"] = csrf_input
