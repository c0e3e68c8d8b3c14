"""Sign-up, log-in and log-out as the pages and the API both run them: rate limits, session
rotation and cookies in one place."""

from __future__ import annotations

import math

from fastapi import HTTPException, Request, Response
from sqlalchemy.orm import Session

from medcoder.accounts.rate_limit import RateLimiter
from medcoder.accounts.sessions import SESSION_LIFETIME, end_session, start_session
from medcoder.accounts.users import (
    authenticate,
    create_user,
    normalize_username,
    validate_new_account,
)
from medcoder.errors import InvalidInput
from medcoder.store.tables import User
from medcoder.web.security import SESSION_COOKIE


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _require_multi_user(request: Request) -> None:
    if not request.app.state.settings.multi_user:
        raise InvalidInput(
            "account",
            "this is a single-user install: no account is needed (set MEDCODER_MULTI_USER=true "
            "on a shared server)",
        )


def _check(limiter: RateLimiter, key: str, what: str) -> None:
    wait = limiter.blocked_for(key)
    if wait > 0:
        raise HTTPException(
            status_code=429,
            detail=f"too many {what}; try again in {math.ceil(wait / 60)} minute(s)",
            headers={"Retry-After": str(math.ceil(wait))},
        )


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    # The same attributes as when it was set, so the browser matches and drops the same cookie.
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.app.state.settings.secure_cookies,
    )


def _rotate_session(request: Request, response: Response, session: Session, user: User) -> None:
    old = getattr(request.state, "session_token", "")
    if old:
        end_session(session, old)
    set_session_cookie(request, response, start_session(session, user.id))


def sign_up(
    request: Request, response: Response, session: Session, username: str, password: str
) -> User:
    _require_multi_user(request)
    limiter: RateLimiter = request.app.state.signups_by_ip
    address = _client_address(request)
    _check(limiter, address, "sign-ups from this address")
    validate_new_account(username, password)
    # Counted before the insert: a sign-up that finds the name taken also tells whether an
    # account exists, so probing names costs the same budget as creating accounts.
    limiter.record(address)
    user = create_user(session, username, password)
    _rotate_session(request, response, session, user)
    return user


def log_in(
    request: Request, response: Response, session: Session, username: str, password: str
) -> User | None:
    _require_multi_user(request)
    by_user: RateLimiter = request.app.state.login_failures_by_user
    by_ip: RateLimiter = request.app.state.login_failures_by_ip
    name, address = normalize_username(username), _client_address(request)
    _check(by_user, name, "failed log-ins for this account")
    _check(by_ip, address, "failed log-ins from this address")
    user = authenticate(session, name, password)
    if user is None:
        by_user.record(name)
        by_ip.record(address)
        return None
    by_user.reset(name)
    _rotate_session(request, response, session, user)
    return user


def log_out(request: Request, response: Response, session: Session) -> None:
    token = getattr(request.state, "session_token", "")
    if token:
        end_session(session, token)
    clear_session_cookie(request, response)
