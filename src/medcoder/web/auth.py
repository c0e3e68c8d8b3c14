"""Who is asking: the current user of a request.

On a local single-user install (the default) every request belongs to one implicit user named
``local``, created on first use. With ``MEDCODER_MULTI_USER=true`` requests must carry a valid
session (see ``web/security.py``); user-scoped routes depend on ``CurrentUserDep`` and never take
a user id from the request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from medcoder.store.tables import User
from medcoder.web.deps import SessionDep

LOCAL_USERNAME = "local"


def local_user(session: Session) -> User:
    user = session.scalar(select(User).where(User.username == LOCAL_USERNAME))
    if user is None:
        user = User(username=LOCAL_USERNAME)
        session.add(user)
        try:
            session.commit()
        except IntegrityError:  # another request created it first
            session.rollback()
            user = session.scalars(select(User).where(User.username == LOCAL_USERNAME)).one()
    return user


def session_user(request: Request, session: Session) -> User | None:
    """The user whose session cookie this request carries (multi-user mode), if any."""
    user_id = getattr(request.state, "user_id", None)
    return session.get(User, user_id) if user_id is not None else None


def get_current_user(request: Request, session: SessionDep) -> User:
    if not request.app.state.settings.multi_user:
        return local_user(session)
    user = session_user(request, session)
    if user is None:
        raise HTTPException(status_code=401, detail="log in to use this page")
    return user


CurrentUserDep = Annotated[User, Depends(get_current_user)]
