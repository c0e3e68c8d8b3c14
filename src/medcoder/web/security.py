"""Security middleware: headers, request-size limit, session cookie, CSRF on form posts.

It is plain ASGI rather than Starlette's BaseHTTPMiddleware because it has to read a form body to
check the CSRF field and then replay the same bytes to the route.

CSRF uses signed double-submit tokens: a random nonce lives in an HttpOnly cookie, and forms carry
``nonce.HMAC(secret, nonce)``; a form post whose field does not match the cookie gets 403.
JSON API requests are exempt: browsers cannot send ``application/json`` cross-site without a CORS
preflight, and the app allows no cross-origin requests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request

from medcoder.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "medcoder_csrf"
SESSION_COOKIE = "medcoder_session"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # No 'unsafe-inline': page styles live in static/css (a test forbids inline styles).
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# Only over HTTPS (MEDCODER_SECURE_COOKIES): browsers then refuse plain HTTP to this host for a
# year, so a network attacker cannot strip TLS on the next visit.
STRICT_TRANSPORT_SECURITY = (b"strict-transport-security", b"max-age=31536000")


def load_secret_key(settings: Settings) -> bytes:
    """The configured key, else one generated once and kept in ``<data_dir>/secret_key``."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = Path(settings.data_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(secrets.token_hex(32))
        temporary.chmod(0o600)
        temporary.replace(path)
    return path.read_text().strip().encode()


def sign(secret: bytes, nonce: str) -> str:
    digest = hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()
    return f"{nonce}.{digest}"


def token_matches(secret: bytes, nonce: str, submitted: str) -> bool:
    return bool(nonce) and hmac.compare_digest(sign(secret, nonce), submitted)


def _cookies(headers: Headers) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is treated as no cookies
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


class UnreadableForm(ValueError):
    """A form body the CSRF check cannot parse (a 400, not a missing token)."""


class SecurityMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        settings: Settings,
        resolve_session: Callable[[str], int | None],
    ) -> None:
        self.app = app
        self.settings = settings
        self.secret = load_secret_key(settings)
        self.resolve_session = resolve_session
        self.headers = [*SECURITY_HEADERS]
        if settings.secure_cookies:
            self.headers.append(STRICT_TRANSPORT_SECURITY)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = _cookies(headers)
        nonce = cookies.get(CSRF_COOKIE, "")
        new_nonce = ""
        if not nonce or len(nonce) > 64:
            nonce = new_nonce = secrets.token_urlsafe(24)
        state = scope.setdefault("state", {})
        state["csrf_token"] = sign(self.secret, nonce)
        session_token = cookies.get(SESSION_COOKIE, "")
        state["session_token"] = session_token
        state["user_id"] = self.resolve_session(session_token) if session_token else None

        declared = headers.get("content-length")
        if declared is not None and not declared.isdigit():
            await self._refuse(scope, send, 400, "content-length", "must be a number of bytes")
            return
        if declared is not None and int(declared) > self.settings.max_upload_bytes:
            await self._too_large(scope, send)
            return

        if declared is None and scope["method"] in UNSAFE_METHODS:
            # A chunked body declares no length: read it here, bounded, instead of letting a
            # route buffer an unlimited stream.
            streamed = await self._read_body(receive)
            if streamed is None:
                await self._too_large(scope, send)
                return
            receive = self._replay(streamed)

        if scope["method"] in UNSAFE_METHODS and self._is_cross_site(headers):
            await self._refuse(scope, send, 403, "origin", "cross-site requests are not accepted")
            return

        if scope["method"] in UNSAFE_METHODS and self._needs_token(scope, headers, cookies):
            body = await self._read_body(receive)
            if body is None:
                await self._too_large(scope, send)
                return
            try:
                submitted = await self._submitted_token(scope, headers, body)
            except UnreadableForm as error:
                await self._refuse(scope, send, 400, "body", f"the form cannot be read: {error}")
                return
            if new_nonce or not token_matches(self.secret, nonce, submitted):
                await self._refuse(
                    scope,
                    send,
                    403,
                    "csrf_token",
                    "the form's security token is missing or expired; reload the page and "
                    "submit again",
                    new_nonce=new_nonce,
                )
                return
            receive = self._replay(body)

        # Static files are the same for everyone, so only pages and API answers are kept private.
        signed_in = state["user_id"] is not None and not str(scope["path"]).startswith("/static/")
        await self.app(scope, receive, self._with_headers(send, new_nonce, signed_in=signed_in))

    @staticmethod
    def _is_cross_site(headers: Headers) -> bool:
        """Browsers label cross-site requests; API clients that are not browsers send neither."""
        if headers.get("sec-fetch-site", "") == "cross-site":
            return True
        origin = headers.get("origin")
        if origin is None or origin == "null":
            return origin == "null"
        host = headers.get("host", "")
        return origin.split("://", 1)[-1].rstrip("/") != host

    @staticmethod
    def _needs_token(scope: Scope, headers: Headers, cookies: dict[str, str]) -> bool:
        """Form posts from pages always; API calls only from a browser holding our cookie."""
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        form_like = content_type in FORM_TYPES or content_type == ""
        if not str(scope.get("path", "")).startswith("/api/"):
            return form_like
        return form_like and CSRF_COOKIE in cookies

    async def _read_body(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.settings.max_upload_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def _submitted_token(self, scope: Scope, headers: Headers, body: bytes) -> str:
        header_token = headers.get("x-csrf-token")
        if header_token:
            return header_token
        content_type = headers.get("content-type", "").lower()
        if content_type.startswith("multipart/form-data"):
            try:
                form = await Request(scope, self._replay(body)).form(max_files=10, max_fields=1000)
            except HTTPException as error:  # no boundary, too many files or fields
                raise UnreadableForm(str(error.detail)) from None
            value = form.get("csrf_token")
            await form.close()
            return value if isinstance(value, str) else ""
        try:
            fields = parse_qs(body.decode("utf-8"), max_num_fields=1000)
        except UnicodeDecodeError:
            raise UnreadableForm("it is not UTF-8 text") from None
        except ValueError:
            raise UnreadableForm("it has more than 1000 fields") from None
        return fields.get("csrf_token", [""])[0]

    @staticmethod
    def _replay(body: bytes) -> Receive:
        sent = False

        async def receive() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return receive

    def _with_headers(self, send: Send, new_nonce: str, *, signed_in: bool) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {name.lower() for name, _ in raw}
                raw.extend(item for item in self.headers if item[0] not in present)
                if signed_in and b"cache-control" not in present:
                    # One person's pages must not be kept by a shared cache or the next user of
                    # this browser (OWASP ASVS 8.2.1); routes may still opt in to caching.
                    raw.append((b"cache-control", b"no-store"))
                if new_nonce:
                    raw.append((b"set-cookie", self._cookie(CSRF_COOKIE, new_nonce).encode()))
                message["headers"] = raw
            await send(message)

        return send_with_headers

    def _cookie(self, name: str, value: str, *, max_age: int | None = None) -> str:
        parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
        if max_age is not None:
            parts.append(f"Max-Age={max_age}")
        if self.settings.secure_cookies:
            parts.append("Secure")
        return "; ".join(parts)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        limit = self.settings.max_upload_bytes
        await self._refuse(scope, send, 413, "body", f"request body is larger than {limit} bytes")

    async def _refuse(
        self,
        scope: Scope,
        send: Send,
        status: int,
        field: str,
        message: str,
        *,
        new_nonce: str = "",
    ) -> None:
        if _wants_page(scope):
            body = _error_page(scope, status, field, message)
            content_type = b"text/html; charset=utf-8"
        else:
            body = json.dumps({"error": {"field": field, "message": message}}).encode()
            content_type = b"application/json"
        headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            *self.headers,
        ]
        if new_nonce:  # so the reloaded form, and the page's own log-out form, carry a good token
            headers.append((b"set-cookie", self._cookie(CSRF_COOKIE, new_nonce).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


REFUSAL_TITLES = {
    "csrf_token": "Please reload the page and try again",
    "origin": "Not allowed",
    "body": "That upload is too large",
}


def _wants_page(scope: Scope) -> bool:
    """A person's browser submitting a page's form gets a page; API clients get JSON."""
    accept = Headers(scope=scope).get("accept", "")
    return not str(scope.get("path", "")).startswith("/api/") and "text/html" in accept


def _error_page(scope: Scope, status: int, field: str, message: str) -> bytes:
    from medcoder.web.templating import templates  # late: it loads the footer's data sources

    title = "That form could not be read" if status == 400 else REFUSAL_TITLES[field]
    page = templates.get_template("error.html").render(
        request=Request(scope), status=status, title=title, message=message
    )
    return page.encode()
