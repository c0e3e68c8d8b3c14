"""Flashcard pages: decks with due counts, the review screen, retention setting, Anki export.

The review screen is plain forms (show the answer is a link, each rating a button), so it works
without JavaScript; ``cards.js`` adds Space to show and 1–4 to rate.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcoder.errors import InvalidInput
from medcoder.study import flashcards, practice
from medcoder.study.anki import deck_package_bytes
from medcoder.web.auth import CurrentUserDep
from medcoder.web.deps import SessionDep
from medcoder.web.pages.study import render

router = APIRouter(include_in_schema=False)


def _decks_page(
    request: Request,
    session: SessionDep,
    user_id: int,
    *,
    errors: dict[str, str] | None = None,
    retention_text: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    retention = flashcards.get_desired_retention(session, user_id)
    return render(
        request,
        "cards.html",
        {
            "decks": practice.deck_overview(session, user_id),
            "retention": retention_text if retention_text is not None else f"{retention:.2f}",
            "retention_range": flashcards.RETENTION_RANGE,
            "errors": errors or {},
        },
        status=status,
    )


@router.get("/study/cards", response_class=HTMLResponse)
def decks(request: Request, session: SessionDep, user: CurrentUserDep) -> HTMLResponse:
    return _decks_page(request, session, user.id)


@router.post("/study/cards/settings")
def save_retention(
    request: Request,
    session: SessionDep,
    user: CurrentUserDep,
    desired_retention: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    try:
        try:
            value = float(desired_retention)
        except ValueError:
            raise InvalidInput("desired_retention", "type a number such as 0.90") from None
        flashcards.set_desired_retention(session, user.id, value)
    except InvalidInput as error:
        return _decks_page(
            request,
            session,
            user.id,
            errors={error.field: error.message},
            retention_text=desired_retention,
            status=422,
        )
    return RedirectResponse("/study/cards", status_code=303)


@router.get("/study/cards/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    session: SessionDep,
    user: CurrentUserDep,
    deck: Annotated[str | None, Query(max_length=64)] = None,
    show: Annotated[int, Query(ge=0, le=1)] = 0,
    last: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    deck = deck or None
    due = practice.cards_to_review(session, user.id, deck=deck)
    return render(
        request,
        "review.html",
        {
            "deck": deck,
            "card": due[0] if due else None,
            "remaining": len(due),
            "show": bool(show),
            "ratings": flashcards.RATINGS,
            "last": last,
        },
    )


@router.post("/study/cards/review")
def rate(
    session: SessionDep,
    user: CurrentUserDep,
    card_id: Annotated[str, Form(max_length=128)],
    rating: Annotated[int, Form(ge=1, le=4)],
    deck: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    card = practice.find_card(card_id)
    outcome = practice.rate_card(session, user.id, card.id, rating, deck=card.deck)
    query = urlencode(
        {"deck": deck, "last": outcome.rating_label} if deck else {"last": outcome.rating_label}
    )
    return RedirectResponse(f"/study/cards/review?{query}", status_code=303)


@router.get("/study/cards/{deck}/export.apkg")
def export(deck: str) -> Response:
    body = deck_package_bytes(deck, practice.deck_cards(deck))
    return Response(
        body,
        media_type="application/octet-stream",
        headers={"content-disposition": f'attachment; filename="medcoder-{deck}.apkg"'},
    )
