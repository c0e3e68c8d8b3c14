"""Service metadata: health and the bundled data sources."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from medcoder.sources import load_sources
from medcoder.web.deps import SessionDep

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    status: str
    database: str


@router.get("/health", response_model=Health)
def health(session: SessionDep) -> Health:
    session.execute(text("SELECT 1"))
    return Health(status="ok", database=session.get_bind().dialect.name)


@router.get("/sources")
def sources() -> dict[str, list[dict[str, str]]]:
    """Every bundled dataset: publisher, title, release, URL, retrieved, sha256, licence."""
    return {"sources": [source.to_dict() for source in load_sources().values()]}
