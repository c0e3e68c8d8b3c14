"""Sources & methodology: every bundled dataset with its provenance, and the estimator method.

The method is ``docs/methodology.md``, rendered by the shared small Markdown renderer
(``medcoder.web.markdown``) with its ``#`` headings placed under the page's own title.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from medcoder.sources import load_sources
from medcoder.web.markdown import render_markdown
from medcoder.web.pages.salary import render

router = APIRouter(include_in_schema=False)

# A wheel carries the file inside the package (pyproject's force-include maps docs/methodology.md to
# medcoder/docs/methodology.md); an editable install or a source checkout reads docs/ at the root.
PACKAGED_METHODOLOGY = "docs/methodology.md"
REPOSITORY_METHODOLOGY = Path(__file__).resolve().parents[4] / "docs" / "methodology.md"


def read_methodology(package: Traversable | None = None) -> str | None:
    """The Markdown of docs/methodology.md, or None when neither copy is installed."""
    packaged = (package or files("medcoder")).joinpath(PACKAGED_METHODOLOGY)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    if REPOSITORY_METHODOLOGY.is_file():
        return REPOSITORY_METHODOLOGY.read_text(encoding="utf-8")
    return None


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    text = read_methodology()
    method = render_markdown(text, top_heading=1) if text is not None else None
    context = {"sources": list(load_sources().values()), "method": method}
    return render(request, "salary/sources.html", context)
