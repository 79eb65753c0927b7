"""What stands between a browser and the group files: an ASGI middleware.

The server listens on 127.0.0.1 only, but other programs and other users of the
same machine can reach that address, and a web page anywhere can make the
person's browser send requests to it. So every request must name the app's own
host (DNS rebinding), come from a program of the person's own (another user of
a shared computer: peer.py), and carry the session cookie that only the launch
address could give; every change must come from the app's own page (other
sites: Sec-Fetch-Site, Origin, and the CSRF token the page carries). Only a
request that passes counts as use (the idle stop).

Each check is a function of its own, tested on its own (tests/test_guard.py);
`Guard.__call__` only puts them in order. Secrets and tokens are compared as
bytes in constant time, so that no value a browser can send (non-ASCII, very
long) does anything but refuse.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from selvhjelp_cli.core.i18n import LANGUAGES, in_language

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

# (status, reason, language) -> (body, content type)
Refused = Callable[[int, str, str], tuple[bytes, str]]  # pragma: no mutate
# (client address, port) -> whether the other end is the same OS user
PeerCheck = Callable[[tuple[str, int] | None, int], bool]  # pragma: no mutate

_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
_SAFE_METHODS = {"GET", "HEAD"}
# ?lang= on these chooses the document's language, not the pages'.
_DOCUMENT_ENDINGS = (".pdf", ".html", ".md", ".ics", ".json", ".xlsx")
# Where a second start of the app asks the running one for a new launch address (server.py).
LAUNCH_PATH = "/launch"
MAX_SECRET = 200  # longer than any token we make; a longer value is refused unread
MAX_FORM = 1_000_000  # far more than any form of the app sends; a larger body is refused, not read on


def security_headers(style_hash: str | None = None) -> tuple[tuple[bytes, bytes], ...]:
    """The headers every answer carries. No page needs anything from anywhere but the app itself;
    with `style_hash` the pages' own inline styles are allowed, and nothing else inline."""
    policy = _POLICY if style_hash is None else f"{_POLICY}; style-src 'self' 'sha256-{style_hash}'"
    return (
        (b"content-security-policy", policy.encode("ascii")),
        # Not no-referrer: under it Chromium sends «Origin: null» with the app's own forms, and
        # the origin check needs the real one. Same-origin never tells another site anything.
        (b"referrer-policy", b"same-origin"),
        (b"x-content-type-options", b"nosniff"),
        (b"cross-origin-resource-policy", b"same-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cache-control", b"no-store"),
        (b"x-frame-options", b"DENY"),
    )



def style_hash(css: str) -> str:
    """The CSP hash of an inline style block with exactly this text."""
    import base64

    return base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


def same_secret(given: str | None, expected: str | None) -> bool:
    """Whether a value from the browser is the secret: as bytes, in constant time, never an error."""
    if not given or not expected or len(given) > MAX_SECRET:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


def headers_of(scope: Scope) -> dict[str, str]:
    """The request's headers by lower-case name; a repeated Host or Origin is never the app's own."""
    found: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        key = name.decode("latin-1").lower()
        if key in found and key != "cookie":
            found[key] = "\0"
        else:
            found[key] = (found[key] + "; " if key in found else "") + value.decode("latin-1")
    return found


def cookies_of(header: str) -> dict[str, str]:
    """The cookies of a Cookie header, pair by pair: one that another program set in a form we cannot
    read (`prefs={"a":1}`, `a b`, `é`) is passed over, never the reason our own is lost."""
    found: dict[str, str] = {}
    for pair in header.split(";"):
        name, equals, value = pair.partition("=")
        name = name.strip()
        if equals and name and name not in found:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            found[name] = value
    return found


def host_is_ours(headers: dict[str, str], hosts: set[str]) -> bool:
    return headers.get("host") in hosts


def same_origin(headers: dict[str, str], origins: set[str]) -> bool:
    """A change from the app's own page: Sec-Fetch-Site same-origin (or none), and Origin ours if given."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is not None:
        return origin in origins
    return site is not None  # neither header: not a browser we can trust to have sent them


def language_of(
    query: dict[str, list[str]], cookies: dict[str, str], path: str, fallback: str, cookie_name: str
) -> tuple[str, str | None]:
    """The page language (chosen now, remembered, or the app's), and the one just chosen, if any."""
    asked = query.get("lang", [""])[0]
    chosen = asked if asked in LANGUAGES and not path.endswith(_DOCUMENT_ENDINGS) else None
    remembered = cookies.get(cookie_name, "")
    return chosen or (remembered if remembered in LANGUAGES else fallback), chosen


async def read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None if it is larger than `limit` (then it is not read further)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def form_token(headers: dict[str, str], body: bytes) -> str | None:
    """The csrf field of a form the app's own pages send (application/x-www-form-urlencoded; no other kind)."""
    if headers.get("content-type", "").split(";")[0].strip().lower() != "application/x-www-form-urlencoded":
        return None
    try:
        values = parse_qs(body.decode("latin-1"), keep_blank_values=True, max_num_fields=1000, encoding="utf-8",
                          errors="replace")
    except ValueError:  # more fields than any form of ours has
        return None
    tokens = values.get("csrf", [])
    return tokens[0] if len(tokens) == 1 else None


def replay(body: bytes, receive: Receive) -> Receive:
    """The body, given again to the app that reads the form after the guard did."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


class Guard:
    """The checks in order: Host, the peer's user, launch secret → session cookie, same origin and CSRF
    for changes; then the page language per request, and the headers every answer carries."""

    def __init__(self, app: ASGIApp, *, port: int, language: str, refused: Refused, css: str | None = None,
                 peer_is_ours: PeerCheck | None = None) -> None:
        self.app = app
        self.port = port
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}
        self.launch_secret: str | None = secrets.token_urlsafe(32)  # pragma: no mutate - any length will do
        # What a second start of the app (the same user: it read the owner-only runtime file) shows to get a
        # new launch address; never in an address, never sent to a browser.
        self.reopen_key = secrets.token_urlsafe(32)  # pragma: no mutate
        self.session = secrets.token_urlsafe(32)  # pragma: no mutate
        self.csrf = secrets.token_urlsafe(32)  # pragma: no mutate
        # Cookies are not kept apart by port: two apps on one machine need two names.
        self.cookie = f"selvhjelp-{port}"
        self.language_cookie = f"selvhjelp-lang-{port}"
        self.language = language
        self.refused = refused  # (status, reason, language) -> (body bytes, content type)
        self.headers = security_headers(style_hash(css) if css is not None else None)
        if peer_is_ours is None:
            from selvhjelp_cli.app.peer import is_ours

            peer_is_ours = is_ours
        self.peer_is_ours: PeerCheck = peer_is_ours
        self.last_request = time.monotonic()

    def launch_address(self) -> str:
        return f"http://127.0.0.1:{self.port}/?secret={self.launch_secret}"

    def new_launch_address(self) -> str:
        """A fresh one-time address for a second start: the earlier one, if unused, stops working."""
        self.launch_secret = secrets.token_urlsafe(32)  # pragma: no mutate
        return self.launch_address()

    def check_csrf(self, token: str | None) -> bool:
        return same_secret(token, self.csrf)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = headers_of(scope)
        cookies = cookies_of(headers.get("cookie", ""))
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        language, chosen = language_of(query, cookies, scope["path"], self.language, self.language_cookie)
        extra: list[tuple[bytes, bytes]] = []
        if chosen:  # the page's chooser: remembered for the next pages
            extra.append((b"set-cookie", self._cookie_header(self.language_cookie, language, http_only=False)))

        if not host_is_ours(headers, self.hosts):
            # Before anything else: a page on another host name that resolves to 127.0.0.1.
            await self._refuse(send, 421, "host", language)
            return
        if not self.peer_is_ours(scope.get("client"), self.port):
            await self._refuse(send, 403, "user", language)
            return
        method = scope["method"]
        if scope["path"] == LAUNCH_PATH and method == "POST":
            await self._launch(send, headers)
            return
        secret = query.get("secret", [""])[0]
        if secret and method in _SAFE_METHODS and same_secret(secret, self.launch_secret):
            self.launch_secret = None  # once: the address may stay in the browser's history
            self.last_request = time.monotonic()
            await self._send(send, 303, b"", [(b"location", b"/"),
                                              (b"set-cookie", self._cookie_header(self.cookie, self.session))])
            return
        if not same_secret(cookies.get(self.cookie), self.session):
            await self._refuse(send, 403, "secret", language)
            return
        if method not in _SAFE_METHODS:
            if not same_origin(headers, self.origins):
                await self._refuse(send, 403, "origin", language)
                return
            # Every change carries the page's CSRF token: checked here, once, for every route.
            body = await read_body(receive, MAX_FORM)
            if body is None or not self.check_csrf(form_token(headers, body)):
                await self._refuse(send, 403, "csrf", language)
                return
            receive = replay(body, receive)
        await self._pass(scope, receive, send, language, extra)

    async def _pass(self, scope: Scope, receive: Receive, send: Send, language: str,
                    extra: list[tuple[bytes, bytes]]) -> None:
        self.last_request = time.monotonic()  # only a request that passed counts as use

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                given = {name.lower() for name, _value in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []), *extra,
                                                  *(h for h in self.headers if h[0] not in given)]}
            await send(message)

        with in_language(language):
            await self.app(scope, receive, send_with_headers)

    async def _launch(self, send: Send, headers: dict[str, str]) -> None:
        if not same_secret(headers.get("x-selvhjelp-reopen"), self.reopen_key):
            await self._send(send, 403, b"", [])
            return
        self.last_request = time.monotonic()
        address = self.new_launch_address().encode("ascii")
        await self._send(send, 200, address, [(b"content-type", b"text/plain; charset=utf-8")])

    def _cookie_header(self, name: str, value: str, *, http_only: bool = True) -> bytes:
        flags = "; HttpOnly" if http_only else ""
        return f"{name}={value}; Path=/; SameSite=Strict{flags}".encode("ascii")

    async def _refuse(self, send: Send, status: int, reason: str, language: str) -> None:
        with in_language(language):
            body, content_type = self.refused(status, reason, language)
        await self._send(send, status, body, [(b"content-type", content_type.encode("ascii"))])

    async def _send(self, send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        await send({"type": "http.response.start", "status": status,
                    "headers": [*headers, (b"content-length", str(len(body)).encode()), *self.headers]})
        await send({"type": "http.response.body", "body": body})
