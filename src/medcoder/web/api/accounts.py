"""Accounts over JSON: sign up, log in, log out, who am I."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, Field

from medcoder.web.account_flow import log_in, log_out, sign_up
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep

router = APIRouter(prefix="/auth", tags=["accounts"])


class Credentials(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)


class UserPublic(BaseModel):
    id: int
    username: str


@router.post("/signup", response_model=UserPublic, status_code=201)
def signup(
    body: Credentials, request: Request, response: Response, session: SessionDep
) -> UserPublic:
    user = sign_up(request, response, session, body.username, body.password)
    return UserPublic(id=user.id, username=user.username)


@router.post("/login", response_model=UserPublic)
def login(
    body: Credentials, request: Request, response: Response, session: SessionDep
) -> UserPublic:
    user = log_in(request, response, session, body.username, body.password)
    if user is None:
        raise HTTPException(status_code=401, detail="wrong username or password")
    return UserPublic(id=user.id, username=user.username)


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, session: SessionDep) -> None:
    log_out(request, response, session)


@router.get("/me", response_model=UserPublic)
def me(user: CurrentUserDep) -> UserPublic:
    return UserPublic(id=user.id, username=user.username)
