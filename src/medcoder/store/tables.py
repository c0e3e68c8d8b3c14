"""Every table the app stores. Migrations in ``migrations/versions`` create them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from medcoder.store.base import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class User(Base):
    """A person using the app. A single-user install has exactly one, named ``local``."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LoginSession(Base):
    """A signed-in browser. Only the SHA-256 of the cookie token is stored, so a leaked database
    does not leak usable sessions."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# Primary keys are 64-bit integers on both SQLite and PostgreSQL; an id outside that range cannot
# exist, and asking the driver for it raises OverflowError instead of "not found".
MAX_ROW_ID = 2**63 - 1


def is_storable_id(value: int) -> bool:
    return 1 <= value <= MAX_ROW_ID
