"""Jinja2 templates shared by every page, with the data-source footer in their globals."""

from __future__ import annotations

from importlib import resources

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from medcoder.sources import load_sources

templates = Jinja2Templates(directory=str(resources.files("medcoder.web") / "templates"))


def _footer_sources() -> list[dict[str, str]]:
    """One entry per publisher with its distinct releases, in SOURCES.toml order."""
    releases: dict[str, list[str]] = {}
    for source in load_sources().values():
        publisher = source.publisher.split(" (")[0]
        release = source.release.split(" (")[0].split(",")[0].removesuffix(" model software")
        if release not in releases.setdefault(publisher, []):
            releases[publisher].append(release)
    return [
        {"publisher": publisher, "release": "; ".join(items)}
        for publisher, items in releases.items()
    ]


def served_icd10_code_set() -> str:
    """The ICD-10-CM release the code pages answer from (it changes after ``codes refresh``)."""
    from medcoder.codes.icd10 import default_index

    return default_index().code_set


templates.env.globals["icd10_code_set"] = served_icd10_code_set
templates.env.globals["footer_sources"] = _footer_sources()


def csrf_input(request: Request) -> Markup:
    """Hidden CSRF field for every state-changing form (the token is set by web/security.py)."""
    token = getattr(request.state, "csrf_token", "")
    return Markup(f'<input type="hidden" name="csrf_token" value="{escape(token)}">')


templates.env.globals["csrf_input"] = csrf_input
