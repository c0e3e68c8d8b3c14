"""Interactive API documentation (Swagger UI) served from vendored files, so it works offline.

FastAPI's built-in ``/docs`` loads Swagger UI from a CDN; this route serves the same UI from
``static/vendor/swagger-ui`` instead (see the README there for the pinned release).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

SWAGGER_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>medcoder API · interactive documentation</title>
  <link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">
  <link rel="stylesheet" href="/static/css/api-docs.css">
</head>
<body>
  <p class="api-docs-nav">
    <a href="/">medcoder</a> · JSON API v1 · schema: <a href="/api/v1/openapi.json">openapi.json</a>
  </p>
  <div id="swagger-ui"><noscript>The interactive documentation needs JavaScript; the schema
    itself is at /api/v1/openapi.json.</noscript></div>
  <script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
  <script src="/static/js/swagger-init.js"></script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    return HTMLResponse(SWAGGER_PAGE)
