"""What stands between a browser and the group files: an ASGI middleware.

The server listens on 127.0.0.1 only, but other programs and other users of the
same machine can reach that address, and a web page anywhere can make the
person's browser send requests to it. So every request must name the app's own
host (DNS rebinding), carry the session cookie that only the launch address
could give (other users), and every change must come from the app's own page
(other sites: Sec-Fetch-Site, Origin, and the CSRF token the page carries).
"""

from __future__ import annotations

import hmac
import secrets
import time
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from selvhjelp_cli.core.i18n import LANGUAGES, in_language

# No page of the app needs anything from anywhere but itself.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    # Not no-referrer: under it Chromium sends «Origin: null» with the app's own forms, and
    # the origin check needs the real one. Same-origin never tells another site anything.
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
)
_SAFE_METHODS = {"GET", "HEAD"}
# ?lang= on these chooses the document's language, not the pages'.
_DOCUMENT_ENDINGS = (".pdf", ".html", ".md", ".ics", ".json")


class Guard:
    """Host check, one-time launch secret → session cookie, same-origin and CSRF for changes,
    the page language per request, and the headers every answer carries."""

    def __init__(self, app, *, port: int, language: str, refused) -> None:
        self.app = app
        self.port = port
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        self.launch_secret: str | None = secrets.token_urlsafe(32)
        self.session = secrets.token_urlsafe(32)
        self.csrf = secrets.token_urlsafe(32)
        # Cookies are not kept apart by port: two apps on one machine need two names.
        self.cookie = f"selvhjelp-{port}"
        self.language_cookie = f"selvhjelp-lang-{port}"
        self.language = language
        self.refused = refused  # (status, reason, language) -> (body bytes, content type)
        self.last_request = time.monotonic()

    def launch_address(self) -> str:
        return f"http://127.0.0.1:{self.port}/?secret={self.launch_secret}"

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.last_request = time.monotonic()
        headers = _headers(scope)
        cookies = _cookies(headers.get("cookie", ""))
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        chosen = query.get("lang", [""])[0]
        chosen = chosen if chosen in LANGUAGES and not scope["path"].endswith(_DOCUMENT_ENDINGS) else None
        remembered = cookies.get(self.language_cookie, "")
        language = chosen or (remembered if remembered in LANGUAGES else self.language)
        extra: list[tuple[bytes, bytes]] = []
        if chosen:  # the page's chooser: remembered for the next pages
            extra.append((b"set-cookie", self._cookie_header(self.language_cookie, language, http_only=False)))

        if headers.get("host") not in self.hosts:
            # Before anything else: a page on another host name that resolves to 127.0.0.1.
            await self._refuse(send, 421, "host", language)
            return
        method = scope["method"]
        secret = query.get("secret", [""])[0]
        if secret and method in _SAFE_METHODS:
            if self.launch_secret and hmac.compare_digest(secret, self.launch_secret):
                self.launch_secret = None  # once: the address may stay in the browser's history
                await _send(send, 303, b"", [(b"location", b"/"),
                                             (b"set-cookie", self._cookie_header(self.cookie, self.session))])
                return
        if not hmac.compare_digest(cookies.get(self.cookie, ""), self.session):
            await self._refuse(send, 403, "secret", language)
            return
        if method not in _SAFE_METHODS and not self._same_origin(headers):
            await self._refuse(send, 403, "origin", language)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                given = {name.lower() for name, _value in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []), *extra,
                                                  *(h for h in SECURITY_HEADERS if h[0] not in given)]}
            await send(message)

        scope.setdefault("state", {})
        scope["state"]["language"] = language
        with in_language(language):
            await self.app(scope, receive, send_with_headers)

    def _same_origin(self, headers: dict) -> bool:
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return False
        origin = headers.get("origin")
        if origin is not None:
            return origin in self.origins
        return site is not None  # neither header: not a browser we can trust to have sent them

    def check_csrf(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(token, self.csrf)

    def _cookie_header(self, name: str, value: str, *, http_only: bool = True) -> bytes:
        flags = "; HttpOnly" if http_only else ""
        return f"{name}={value}; Path=/; SameSite=Strict{flags}".encode("ascii")

    async def _refuse(self, send, status: int, reason: str, language: str) -> None:
        with in_language(language):
            body, content_type = self.refused(status, reason, language)
        await _send(send, status, body, [(b"content-type", content_type.encode("ascii"))])


def _headers(scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        key = name.decode("latin-1").lower()
        if key in found and key != "cookie":
            found[key] = "\0"  # a repeated Host or Origin is never the app's own
        else:
            found[key] = (found[key] + "; " if key in found else "") + value.decode("latin-1")
    return found


def _cookies(header: str) -> dict[str, str]:
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # noqa: BLE001 - a malformed cookie header is no cookie
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


async def _send(send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [*headers, (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
