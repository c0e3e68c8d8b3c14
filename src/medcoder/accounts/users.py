"""Sign-up and log-in."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from medcoder.accounts.passwords import (
    DUMMY_HASH,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
)
from medcoder.errors import InvalidInput
from medcoder.store.tables import User

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
RESERVED_USERNAMES = {"local", "admin", "root"}


def normalize_username(username: str) -> str:
    return username.strip().lower()


def validate_new_account(username: str, password: str) -> str:
    name = normalize_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise InvalidInput(
            "username",
            "use 3–32 characters: letters, digits, dot, dash or underscore, starting with a "
            "letter or digit",
        )
    if name in RESERVED_USERNAMES:
        raise InvalidInput("username", f"{name!r} is reserved; choose another name")
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise InvalidInput(
            "password",
            f"use between {MIN_PASSWORD_LENGTH} and {MAX_PASSWORD_LENGTH} characters",
        )
    if password.lower() == name or password.strip() == "":
        raise InvalidInput("password", "must not be your username or blank")
    return name


def create_user(session: Session, username: str, password: str) -> User:
    name = validate_new_account(username, password)
    user = User(username=name, password_hash=hash_password(password))
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise InvalidInput("username", "is already taken; choose another or log in") from None
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user whose password matches, else None (same work either way)."""
    name = normalize_username(username)
    if len(password) > MAX_PASSWORD_LENGTH:
        return None
    if not USERNAME_PATTERN.fullmatch(name):
        # No account can have this name; asking the database anyway would fail on PostgreSQL
        # for text holding NUL. Do the same work as a wrong password.
        verify_password(DUMMY_HASH, password)
        return None
    user = session.scalar(select(User).where(User.username == name))
    if user is None or user.password_hash is None:
        verify_password(DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        session.commit()
    return user
