"""Turn domain errors into JSON bodies that name the offending field."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from medcoder.errors import InvalidInput, NotFound


def error_body(field: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"field": field, "message": message, **extra}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InvalidInput)
    async def _invalid(_request: Request, error: InvalidInput) -> JSONResponse:
        return JSONResponse({"error": error.to_dict()}, status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, error: NotFound) -> JSONResponse:
        return JSONResponse(error_body(error.what, f"not found: {error.key}"), status_code=404)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = []
        for item in error.errors():
            location = [str(part) for part in item.get("loc", ()) if part != "body"]
            problems.append({"field": ".".join(location[1:] or location), "message": item["msg"]})
        first = problems[0] if problems else {"field": "request", "message": "invalid request"}
        return JSONResponse(
            error_body(first["field"], first["message"], problems=problems), status_code=422
        )
