"""Server-side log-in sessions: a random token in an HttpOnly cookie, its hash in the database."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from medcoder.store.tables import LoginSession

SESSION_LIFETIME = timedelta(days=14)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, user_id: int, *, now: datetime | None = None) -> str:
    """A fresh token for ``user_id``. Called at every log-in, so a pre-set cookie is never reused
    (no session fixation)."""
    now = now or datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    # Expired sessions of this user are useless; drop them here rather than in a cron job.
    session.execute(
        delete(LoginSession).where(LoginSession.user_id == user_id, LoginSession.expires_at <= now)
    )
    session.add(
        LoginSession(
            token_hash=_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.commit()
    return token


def user_id_for_token(session: Session, token: str, *, now: datetime | None = None) -> int | None:
    if not token or len(token) > 128:
        return None
    row = session.scalar(select(LoginSession).where(LoginSession.token_hash == _hash(token)))
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires <= (now or datetime.now(UTC)):
        return None
    return row.user_id


def end_session(session: Session, token: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == _hash(token)))
    session.commit()
