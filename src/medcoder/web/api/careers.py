"""JSON API routes for this capability."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
