"""The guard (app/guard.py): every check on its own, and in order in front of the app."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from selvhjelp_cli.app.guard import cookies_of, form_token, headers_of, same_origin, same_secret

from .conftest import BASE_URL, PORT, app_client, shown

# -- each check on its own ---------------------------------------------------------------


@pytest.mark.parametrize(("given", "expected", "same"), [
    ("abc", "abc", True), ("abd", "abc", False), ("", "abc", False), (None, "abc", False), ("abc", None, False),
    ("é", "abc", False), ("\udcff", "abc", False), ("a" * 10_000, "a" * 10_000, False),  # longer than any token
])
def test_secrets_are_compared_as_bytes_and_never_raise(given, expected, same):
    assert same_secret(given, expected) is same


@pytest.mark.parametrize("header", [
    'prefs={"a":1}; selvhjelp-8123=ØKT', "x=a b; selvhjelp-8123=ØKT", "é; selvhjelp-8123=ØKT",
    'selvhjelp-8123=ØKT; "b', "a\\b=1;selvhjelp-8123=ØKT", "selvhjelp-8123=ØKT; selvhjelp-8123=ANNEN",
    'selvhjelp-8123="ØKT"',
])
def test_another_programs_odd_cookie_never_hides_ours(header):
    assert cookies_of(header)["selvhjelp-8123"] == "ØKT"


def test_a_repeated_host_or_origin_is_never_ours():
    headers = headers_of({"headers": [(b"host", b"127.0.0.1:8123"), (b"host", b"127.0.0.1:8123")]})
    assert headers["host"] == "\0"


@pytest.mark.parametrize(("headers", "same"), [
    ({"sec-fetch-site": "same-origin", "origin": BASE_URL}, True),
    ({"sec-fetch-site": "none"}, True),
    ({"sec-fetch-site": "same-origin", "origin": "http://evil.example"}, False),  # the Origin still counts
    ({"sec-fetch-site": "cross-site", "origin": BASE_URL}, False),
    ({"origin": BASE_URL}, True),
    ({}, False),
])
def test_same_origin(headers, same):
    assert same_origin(headers, {BASE_URL}) is same


@pytest.mark.parametrize(("content_type", "body", "token"), [
    ("application/x-www-form-urlencoded", b"csrf=T&name=Ola", "T"),
    ("application/x-www-form-urlencoded; charset=utf-8", b"name=x&csrf=T", "T"),
    ("application/x-www-form-urlencoded", b"csrf=T&csrf=U", None),  # two tokens: neither
    ("multipart/form-data; boundary=x", b"--x\r\n", None),  # the app's own forms never send this
    ("text/plain", b"csrf=T", None),
    ("application/x-www-form-urlencoded", b"&".join([b"a=1"] * 2000) + b"&csrf=T", None),
])
def test_the_form_token_is_read_from_the_apps_own_kind_of_form_only(content_type, body, token):
    assert form_token({"content-type": content_type}, body) == token


# -- in front of the app -------------------------------------------------------------------

def test_without_the_secret_every_page_is_refused_with_how_to_open_it(folder):
    client, guard, _site = app_client(folder)
    for path in ("/", "/g/torsdagsgruppa", "/g/torsdagsgruppa/declaration.pdf", "/static/app.css", "/overview.xlsx"):
        answer = client.get(path)
        assert answer.status_code == 403
        assert "Åpne selvhjelp på nytt fra snarveien" in answer.text and "Ola" not in answer.text
        assert "<style>" in answer.text  # styled without asking for anything else, and nothing live on it
        assert "Lukk selvhjelp" not in answer.text and "Hovedmeny" not in answer.text


def test_the_secret_works_once_and_leaves_the_address(folder):
    client, guard, _site = app_client(folder)
    secret = guard.launch_secret
    first = client.get(f"/?secret={secret}", follow_redirects=False)
    cookie = first.headers["set-cookie"]
    assert first.status_code == 303 and first.headers["location"] == "/"
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and f"selvhjelp-{PORT}=" in cookie
    assert secret not in cookie
    other = TestClient(guard, base_url=BASE_URL)  # a browser that never had the cookie
    assert other.get(f"/?secret={secret}", follow_redirects=False).status_code == 403  # spent
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("secret", ["wrong", "%C3%A9", "%FF", "x" * 5000, "%00"])
def test_a_wrong_or_odd_secret_is_refused_with_the_refusal_page_never_a_500(folder, secret):
    client, guard, _site = app_client(folder)
    answer = client.get(f"/?secret={secret}", follow_redirects=False)
    assert answer.status_code == 403 and "Åpne appen på nytt" in answer.text
    assert "default-src 'self'" in answer.headers["content-security-policy"]


@pytest.mark.parametrize("cookie", ["guess", "é", "ø" * 3000, '"quoted"'])
def test_a_wrong_or_odd_cookie_is_refused(folder, cookie):
    client, guard, _site = app_client(folder)
    answer = client.get("/", headers={"cookie": f"selvhjelp-{PORT}={cookie}".encode()})  # raw UTF-8 bytes
    assert answer.status_code == 403 and "content-security-policy" in answer.headers


def test_another_programs_cookie_does_not_lock_the_person_out(app):
    client, guard = app
    ours = client.cookies.get(f"selvhjelp-{PORT}")
    answer = TestClient(guard, base_url=BASE_URL).get("/", headers={"cookie": f'prefs={{"a":1}}; x=a b; '
                                                                              f'selvhjelp-{PORT}={ours}'})
    assert answer.status_code == 200


@pytest.mark.parametrize("token", ["", "wrong", "é", "ø" * 3000])
def test_a_change_without_the_pages_token_is_refused_by_the_guard_for_every_route(app, folder, token):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    for path in ("/g/torsdagsgruppa/group/end", "/g/torsdagsgruppa/participant/add", "/new", "/publish", "/quit",
                 "/g/torsdagsgruppa/history/clear", "/g/torsdagsgruppa/nothing/here"):
        answer = client.post(path, data={"csrf": token, "date": "2027-01-20", "confirm": "ja"},
                             headers={"origin": BASE_URL, "sec-fetch-site": "same-origin"}, follow_redirects=False)
        assert answer.status_code == 403 and "ingenting er endret" in answer.text, path
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_a_form_of_another_kind_or_too_large_is_refused(app, folder):
    client, guard = app
    headers = {"origin": BASE_URL, "sec-fetch-site": "same-origin"}
    multipart = client.post("/g/torsdagsgruppa/group/end", files={"x": ("a", b"b")}, data={"csrf": guard.csrf},
                            headers=headers, follow_redirects=False)
    assert multipart.status_code == 403
    large = client.post(
        "/g/torsdagsgruppa/group/end",
        content=b"csrf=" + guard.csrf.encode() + b"&x=" + b"a" * 2_000_000,
        headers={**headers, "content-type": "application/x-www-form-urlencoded"},
    )
    assert large.status_code == 403


@pytest.mark.parametrize("host", ["evil.example:8123", "127.0.0.1:9999", "localhost", "", "127.0.0.1"])
def test_another_host_header_is_refused_before_anything(app, host):
    client, guard = app
    answer = client.get("/", headers={"host": host})
    assert answer.status_code == 421
    assert "Torsdagsgruppa" not in answer.text


def test_localhost_by_name_is_the_app_too(app):
    client, guard = app
    assert client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200


@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example", "sec-fetch-site": "cross-site"},
    {"origin": "http://evil.example"},
    {"origin": "http://evil.example", "sec-fetch-site": "same-origin"},
    {"sec-fetch-site": "cross-site"},
    {"sec-fetch-site": "same-site"},
    {},  # neither header: not a browser page of ours
])
def test_a_change_from_another_origin_is_refused_and_changes_nothing(app, folder, headers):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    answer = client.post("/g/torsdagsgruppa/group/end",
                         data={"csrf": guard.csrf, "shown": shown(client, "torsdagsgruppa"), "date": "2027-01-20",
                               "confirm": "ja"}, headers=headers, follow_redirects=False)
    assert answer.status_code == 403 and "kom ikke fra selvhjelp selv" in answer.text
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_every_answer_carries_the_safety_headers(app):
    client, guard = app
    for path in ("/", "/g/torsdagsgruppa", "/new", "/find?place=Bryne", "/publish", "/nowhere"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "style-src 'self' 'sha256-" in headers["content-security-policy"]  # the page's own styles only
        assert headers["cache-control"] == "no-store"
        assert headers["referrer-policy"] == "same-origin" and headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in headers


def test_the_inline_styles_are_exactly_those_the_policy_allows(app):
    import base64
    import hashlib
    import re

    client, guard = app
    page = client.get("/")
    style = re.search(r"<style>(.*?)</style>", page.text, re.S).group(1)
    allowed = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{allowed}'" in page.headers["content-security-policy"]


def test_only_requests_that_pass_count_as_use(app, monkeypatch):
    client, guard = app
    guard.last_request = 0.0
    client.get("/", headers={"host": "evil.example"})  # refused: the idle clock goes on
    TestClient(guard, base_url=BASE_URL).get("/")  # no cookie: refused
    assert guard.last_request == 0.0
    client.get("/")
    assert guard.last_request > 0.0


def test_another_os_users_connection_is_refused_even_with_the_cookie(folder):
    refused = []
    client, guard, _site = app_client(folder, peer_is_ours=lambda client, port: refused.append(client) or False)
    client.get("/?secret=" + guard.launch_secret)
    answer = client.get("/g/torsdagsgruppa")
    assert answer.status_code == 403 and "annen bruker" in answer.text and "Ola" not in answer.text
    assert refused


def test_a_second_start_gets_a_new_launch_address_only_with_the_reopen_key(folder):
    client, guard, _site = app_client(folder)
    first = guard.launch_secret
    refused = client.post("/launch", headers={"x-selvhjelp-reopen": "wrong"})
    assert refused.status_code == 403 and guard.launch_secret == first
    answer = client.post("/launch", headers={"x-selvhjelp-reopen": guard.reopen_key})
    assert answer.status_code == 200 and answer.text == guard.launch_address() and guard.launch_secret != first
    assert client.get(answer.text.split(BASE_URL)[1], follow_redirects=False).status_code == 303


# -- the guard in front of a bare app: what passes reaches it whole ----------------------------

class Echo:
    """An ASGI app that answers with what it was sent: the method, the path and the whole body."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            self.calls.append({"type": scope["type"]})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.calls.append({"path": scope["path"], "body": body})
        headers = [(b"content-type", b"text/plain"), (b"cache-control", b"private")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body or scope["path"].encode()})


def bare():
    from selvhjelp_cli.app.guard import Guard

    echo = Echo()
    guard = Guard(echo, port=PORT, language="nb", peer_is_ours=lambda client, port: True,
                  refused=lambda status, reason, language: (reason.encode(), "text/plain"))
    client = TestClient(guard, base_url=BASE_URL)
    assert client.get("/?secret=" + guard.launch_secret, follow_redirects=False).status_code == 303
    return client, guard, echo


FORM = {"content-type": "application/x-www-form-urlencoded", "origin": BASE_URL}


def test_a_change_that_passes_reaches_the_app_with_its_whole_form():
    client, guard, echo = bare()
    body = f"csrf={guard.csrf}&name=Kari+N.&note=" + "x" * 5000
    answer = client.post("/g/x/participant/add", content=body.encode(), headers=FORM)
    assert answer.status_code == 200 and answer.content == body.encode() and echo.calls[-1]["body"] == body.encode()


def test_a_form_up_to_the_limit_passes_and_one_byte_more_is_refused():
    limit = 1_000_000  # far more than any form of the app sends
    client, guard, echo = bare()
    start = f"csrf={guard.csrf}&x=".encode()
    full = start + b"a" * (limit - len(start))
    assert client.post("/change", content=full, headers=FORM).status_code == 200
    assert client.post("/change", content=full + b"a", headers=FORM).status_code == 403


def test_a_form_of_a_thousand_fields_passes_and_more_is_refused():
    client, guard, echo = bare()
    fields = "&".join(f"f{n}=1" for n in range(999))
    assert client.post("/change", content=f"csrf={guard.csrf}&{fields}".encode(), headers=FORM).status_code == 200
    assert client.post("/change", content=f"csrf={guard.csrf}&{fields}&g=1".encode(), headers=FORM).status_code == 403


def test_a_form_with_the_token_twice_is_refused_even_if_one_is_blank():
    client, guard, echo = bare()
    assert client.post("/change", content=f"csrf=&csrf={guard.csrf}".encode(), headers=FORM).status_code == 403


async def _through(guard, scope, chunks):
    sent, replies = list(chunks), []

    async def receive():
        return sent.pop(0) if sent else {"type": "http.disconnect"}

    async def send(message):
        replies.append(message)

    await guard(scope, receive, send)
    return replies


def _scope(guard, method="POST", path="/change", body_type=b"application/x-www-form-urlencoded"):
    cookie = f"{guard.cookie}={guard.session}".encode()
    return {"type": "http", "method": method, "path": path, "query_string": b"", "client": ("127.0.0.1", 5000),
            "headers": [(b"host", f"127.0.0.1:{PORT}".encode()), (b"origin", BASE_URL.encode()),
                        (b"cookie", cookie), (b"content-type", body_type)]}


def test_a_form_sent_in_pieces_is_read_whole_and_given_again_to_the_app():
    import asyncio

    _client, guard, echo = bare()
    pieces = [{"type": "http.request", "body": f"csrf={guard.csrf}".encode(), "more_body": True},
              {"type": "http.request", "body": b"&name=Kari", "more_body": False}]
    replies = asyncio.run(_through(guard, _scope(guard), pieces))
    assert replies[0]["status"] == 200 and echo.calls[-1]["body"] == f"csrf={guard.csrf}&name=Kari".encode()


def test_a_browser_that_goes_away_mid_form_changes_nothing():
    import asyncio

    _client, guard, echo = bare()
    pieces = [{"type": "http.request", "body": f"csrf={guard.csrf}".encode(), "more_body": True}]  # then gone
    calls = len(echo.calls)
    replies = asyncio.run(_through(guard, _scope(guard), pieces))
    assert replies[0]["status"] == 403 and len(echo.calls) == calls


def test_what_is_not_a_request_goes_straight_through():
    import asyncio

    _client, guard, echo = bare()
    asyncio.run(_through(guard, {"type": "lifespan"}, []))
    assert echo.calls[-1] == {"type": "lifespan"}


def test_the_page_language_is_remembered_from_the_chooser_but_not_from_a_document_s_language():
    client, guard, echo = bare()
    chosen = client.get("/?lang=en")
    assert f"{guard.language_cookie}=en" in chosen.headers["set-cookie"]
    assert "HttpOnly" not in chosen.headers["set-cookie"]  # the page reads nothing, but it is no secret
    document = client.get("/g/x/poster.pdf?lang=nn")
    assert "set-cookie" not in document.headers
    assert "set-cookie" not in client.get("/?lang=sv").headers


def test_language_of_takes_the_chooser_then_the_remembered_then_the_app_s():
    from selvhjelp_cli.app.guard import language_of

    assert language_of({"lang": ["nn"]}, {}, "/", "nb", "c") == ("nn", "nn")
    assert language_of({}, {"c": "en"}, "/", "nb", "c") == ("en", None)
    assert language_of({}, {"c": "xx"}, "/", "nb", "c") == ("nb", None)
    assert language_of({"lang": ["en"]}, {"c": "nn"}, "/g/x/poster.pdf", "nb", "c") == ("nn", None)


def test_the_app_s_own_headers_win_and_the_rest_are_added_once():
    client, guard, echo = bare()
    answer = client.get("/")
    assert answer.headers["cache-control"] == "private"  # the app's own, not a second one
    assert answer.headers["x-frame-options"] == "DENY" and answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers.get_list("cache-control") == ["private"]


def test_without_inline_styles_the_policy_allows_none():
    from selvhjelp_cli.app.guard import security_headers

    policy = dict(security_headers())[b"content-security-policy"].decode()
    assert "style-src" not in policy and "sha256-None" not in policy
    assert "style-src 'self' 'sha256-abc'" in dict(security_headers("abc"))[b"content-security-policy"].decode()


def test_a_repeated_header_is_joined_and_a_quoted_cookie_unquoted():
    scope = {"headers": [(b"Cookie", b"a=1"), (b"cookie", b"b=2"), (b"Accept", b"x")]}
    assert headers_of(scope) == {"cookie": "a=1; b=2", "accept": "x"}
    assert cookies_of(' a = "b c" ; d=""; e="f') == {"a": "b c", "d": "", "e": '"f'}


def test_opening_the_app_and_a_second_start_count_as_use(monkeypatch):
    from selvhjelp_cli.app import guard as guard_module

    clock = [1000.0]
    monkeypatch.setattr(guard_module.time, "monotonic", lambda: clock[0])
    _client, guard, _echo = bare()
    assert guard.last_request == 1000.0
    clock[0] = 2000.0
    client = TestClient(guard, base_url=BASE_URL)
    client.get("/?secret=" + guard.new_launch_address().split("secret=")[1], follow_redirects=False)
    assert guard.last_request == 2000.0
    clock[0] = 3000.0
    client.post("/launch", headers={"X-Selvhjelp-Reopen": guard.reopen_key})
    assert guard.last_request == 3000.0


def test_a_form_is_given_again_once_then_the_request_goes_on():
    import asyncio

    from selvhjelp_cli.app.guard import replay

    async def underneath():
        return {"type": "http.disconnect"}

    async def read_twice():
        again = replay(b"csrf=x", underneath)
        return await again(), await again()

    first, second = asyncio.run(read_twice())
    assert first == {"type": "http.request", "body": b"csrf=x", "more_body": False}
    assert second == {"type": "http.disconnect"}


def test_a_guard_made_plainly_checks_the_peer_itself_and_counts_from_its_start(monkeypatch):
    from selvhjelp_cli.app import guard as guard_module
    from selvhjelp_cli.app import peer

    monkeypatch.setattr(guard_module.time, "monotonic", lambda: 500.0)
    plain = guard_module.Guard(Echo(), port=PORT, language="nb", refused=lambda *a: (b"", "text/plain"))
    assert plain.peer_is_ours is peer.is_ours and plain.last_request == 500.0
    policy = dict(plain.headers)[b"content-security-policy"].decode()
    assert "style-src" not in policy  # no inline styles were named, so none are allowed


def test_a_secret_longer_than_any_token_is_refused_unread():
    assert same_secret("a" * 200, "a" * 200) and not same_secret("a" * 201, "a" * 201)
