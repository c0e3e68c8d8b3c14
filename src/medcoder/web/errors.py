"""Turn errors into answers a client can act on.

The JSON API answers ``{"error": {"field", "message", ...}}`` naming the offending field; HTML
pages answer with a page in the site's layout (a person following a stale link should see the
site, not a JSON blob).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from medcoder.errors import InvalidInput, NotFound

API_PREFIX = "/api/"
UNREADABLE_BODY = "There was an error parsing the body"


def error_body(field: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"field": field, "message": message, **extra}}


def _clean(message: str) -> str:
    # pydantic prefixes messages raised by our own validators with "Value error, ".
    return message.removeprefix("Value error, ")


def _wants_page(request: Request) -> bool:
    return not request.url.path.startswith(API_PREFIX)


def _error_page(request: Request, status: int, title: str, message: str) -> Response:
    from medcoder.web.templating import templates

    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": title, "message": message},
        status_code=status,
    )


def _is_disconnect(error: DBAPIError) -> bool:
    text = str(error.orig).lower()
    return any(
        marker in text
        for marker in ("connection", "terminating", "server closed", "shutting down", "starting up")
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InvalidInput)
    async def _invalid(request: Request, error: InvalidInput) -> Response:
        if _wants_page(request):
            return _error_page(request, 422, "That input was not accepted", error.describe())
        return JSONResponse({"error": error.to_dict()}, status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, error: NotFound) -> Response:
        if _wants_page(request):
            return _error_page(request, 404, "Not found", f"No {error.what} {error.key!r} here.")
        return JSONResponse(error_body(error.what, f"not found: {error.key}"), status_code=404)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        unreadable = error.status_code == 400 and error.detail == UNREADABLE_BODY
        if unreadable and not _wants_page(request):
            # FastAPI's answer to a body it could not decode (bad UTF-8, JSON nested too deep).
            message = "the request body is not readable JSON: it must be UTF-8, not deeply nested"
            return JSONResponse(error_body("body", message), status_code=400)
        if _wants_page(request) and error.status_code in {401, 403, 404, 405, 429}:
            titles = {
                401: "Please log in",
                403: "Not allowed",
                404: "Page not found",
                405: "Not allowed",
                429: "Too many attempts",
            }
            response = _error_page(
                request, error.status_code, titles[error.status_code], str(error.detail)
            )
            if error.headers:
                response.headers.update(error.headers)
            return response
        return await http_exception_handler(request, error)

    @app.exception_handler(DBAPIError)
    async def _database_unavailable(request: Request, error: DBAPIError) -> Response:
        # A lost connection (PostgreSQL restarting, say): the transaction was rolled back, nothing
        # was half-written, and the client may simply retry. Other database errors are real bugs.
        if not error.connection_invalidated and not _is_disconnect(error):
            raise error
        message = "the database is briefly unavailable; nothing was saved, please retry"
        response: Response = JSONResponse(error_body("database", message), status_code=503)
        if _wants_page(request):
            response = _error_page(request, 503, "Please try again in a moment", message)
        response.headers["Retry-After"] = "2"
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> Response:
        problems = []
        for item in error.errors():
            if item.get("type") == "json_invalid":
                # Its location is a character offset, not a field: the whole body is at fault.
                problems.append({"field": "body", "message": "the request body is not valid JSON"})
                continue
            location = [str(part) for part in item.get("loc", ()) if part != "body"]
            problems.append(
                {"field": ".".join(location[1:] or location), "message": _clean(item["msg"])}
            )
        first = problems[0] if problems else {"field": "request", "message": "invalid request"}
        if _wants_page(request):
            return _error_page(
                request, 422, "That input was not accepted", f"{first['field']}: {first['message']}"
            )
        return JSONResponse(
            error_body(first["field"], first["message"], problems=problems), status_code=422
        )
