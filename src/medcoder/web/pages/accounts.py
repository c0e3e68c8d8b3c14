"""Log-in, sign-up and log-out pages (multi-user servers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcoder.errors import InvalidInput
from medcoder.web.account_flow import log_in, log_out, sign_up
from medcoder.web.deps import SessionDep
from medcoder.web.templating import templates

router = APIRouter(include_in_schema=False)


def _safe_next(target: str) -> str:
    """Only same-site paths, so a crafted link cannot bounce a user to another site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/study"


def _form_page(
    request: Request,
    name: str,
    *,
    username: str = "",
    errors: dict[str, str] | None = None,
    status: int = 200,
    next_url: str = "/study",
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        f"accounts/{name}.html",
        {
            "username": username,
            "errors": errors or {},
            "next": _safe_next(next_url),
            "multi_user": request.app.state.settings.multi_user,
        },
        status_code=status,
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/study") -> HTMLResponse:
    return _form_page(request, "login", next_url=next)


@router.post("/login")
def login_submit(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    next: Annotated[str, Form(max_length=512)] = "/study",
) -> Response:
    response = RedirectResponse(_safe_next(next), status_code=303)
    try:
        user = log_in(request, response, session, username, password)
    except InvalidInput as error:
        return _form_page(
            request,
            "login",
            username=username,
            errors={error.field: error.message},
            status=422,
            next_url=next,
        )
    except HTTPException as error:
        return _form_page(
            request,
            "login",
            username=username,
            errors={"password": str(error.detail)},
            status=error.status_code,
            next_url=next,
        )
    if user is None:
        return _form_page(
            request,
            "login",
            username=username,
            errors={"password": "wrong username or password"},
            status=401,
            next_url=next,
        )
    return response


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request) -> HTMLResponse:
    return _form_page(request, "signup")


@router.post("/signup")
def signup_submit(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    response = RedirectResponse("/study", status_code=303)
    try:
        sign_up(request, response, session, username, password)
    except InvalidInput as error:
        return _form_page(
            request, "signup", username=username, errors={error.field: error.message}, status=422
        )
    except HTTPException as error:
        return _form_page(
            request,
            "signup",
            username=username,
            errors={"username": str(error.detail)},
            status=error.status_code,
        )
    return response


@router.post("/logout")
def logout_submit(request: Request, session: SessionDep) -> Response:
    response = RedirectResponse("/", status_code=303)
    log_out(request, response, session)
    return response
