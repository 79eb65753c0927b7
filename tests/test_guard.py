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
