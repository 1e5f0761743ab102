"""Security headers and bounds on every response, as plain ASGI middleware.

Nothing on a page comes from outside the server (no CDN, no fonts, no
analytics), so the Content-Security-Policy allows only this origin, and only
for styles, the one small script and form submissions. The answers live in the
address, so no address is sent on as a referrer and no page is stored in a cache.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
NO_STORE = (b"cache-control", b"no-store")  # pages carry a person's answers
STATIC_CACHE = (b"cache-control", b"public, max-age=3600")


class SecurityHeaders:
    """Adds the headers above to every HTTP response; a page that fails has already
    been answered with a plain page (status 500), and its error is logged in one
    line, never as a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"
                ]
                headers += [*HEADERS, STATIC_CACHE if static else NO_STORE]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:  # the page said so already (status 500); Starlette re-raises
            import logging

            where = scope.get("path", "")
            logging.getLogger("uvicorn.error").error(
                "a page failed: %s %s: %s: %s", scope.get("method"), where, type(exc).__name__, exc
            )
