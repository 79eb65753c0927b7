"""Starting and stopping the app (app/server.py): one fixed port when it is free, a second start that
opens the running app, a restart that works at once, the idle stop, and the folder."""

from __future__ import annotations

import http.client
import os
import socket
import stat
import threading
import time
import urllib.parse

import pytest

from selvhjelp_cli.app import server


@pytest.fixture(autouse=True)
def _own_runtime(tmp_path, monkeypatch):
    """Each test's running apps are found in a runtime folder of its own."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    (tmp_path / "run").mkdir()


def _start(folder, capsys=None, **kwargs):
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(server.serve(str(folder), open_browser=False, **kwargs)),
                              daemon=True)
    thread.start()
    return thread, done


def _address(capsys, deadline: float = 20.0) -> str:
    seen = ""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        seen += capsys.readouterr().out
        for line in seen.splitlines():
            if line.startswith("http://127.0.0.1:"):
                return line
        threading.Event().wait(0.05)
    raise AssertionError(f"no address printed: {seen!r}")


def _stop(address: str) -> None:
    # The page's own way out needs the page; for the test, SIGTERM's way: set the server to exit.
    parts = urllib.parse.urlsplit(address)
    connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=5)
    connection.request("GET", f"/?{parts.query}", headers={"Host": f"127.0.0.1:{parts.port}"})
    answer = connection.getresponse()
    cookie = answer.getheader("set-cookie").split(";")[0]
    answer.read()
    page = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=5)
    page.request("GET", "/", headers={"Host": f"127.0.0.1:{parts.port}", "Cookie": cookie})
    body = page.getresponse().read().decode()
    csrf = body.split('name="csrf" value="')[1].split('"')[0]
    quit_ = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=5)
    quit_.request("POST", "/quit", body=f"csrf={csrf}", headers={
        "Host": f"127.0.0.1:{parts.port}", "Cookie": cookie, "Origin": f"http://127.0.0.1:{parts.port}",
        "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded"})
    assert quit_.getresponse().status == 200


def test_the_default_port_is_fixed_when_free_and_a_second_start_opens_the_running_app(tmp_path, capsys, monkeypatch):
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    monkeypatch.setattr(server, "DEFAULT_PORT", port)
    thread, done = _start(tmp_path)
    first = _address(capsys)
    assert f"127.0.0.1:{port}/" in first
    # A second start on the same folder: a new address to the same app, and no second server.
    assert server.serve(str(tmp_path), open_browser=False) == 0
    second = _address(capsys)
    assert f"127.0.0.1:{port}/" in second and second != first
    _stop(second)  # the new address works; the old one does not (one launch address at a time)
    thread.join(15)
    assert done == [0]


def test_a_restart_on_the_same_port_works_at_once(tmp_path, capsys):
    thread, done = _start(tmp_path, port=0)
    address = _address(capsys)
    port = urllib.parse.urlsplit(address).port
    _stop(address)
    thread.join(15)
    assert done == [0]
    # Connections just closed sit in TIME-WAIT; the port is still ours to listen on.
    again, done_again = _start(tmp_path, port=port)
    address = _address(capsys)
    assert urllib.parse.urlsplit(address).port == port
    _stop(address)
    again.join(15)
    assert done_again == [0]


def test_a_second_live_listener_on_a_port_is_refused():
    first = server.bind(0)
    try:
        with pytest.raises(Exception) as refused:
            server.bind(first.getsockname()[1])
        assert "opptatt" in str(refused.value)
    finally:
        first.close()


def test_a_stale_note_of_a_running_app_is_tidied_and_a_new_one_starts(tmp_path, capsys):
    note = server._remember_running(str(tmp_path), 1, "gammel")  # port 1: nothing answers there
    assert note is not None and os.path.exists(note)
    assert stat.S_IMODE(os.stat(note).st_mode) == 0o600
    assert server.running_address(str(tmp_path)) is None
    assert not os.path.exists(note)


def test_app_stops_by_itself_when_idle_and_leaves_no_port_open(tmp_path, capsys):
    thread, done = _start(tmp_path, port=0, idle_seconds=0.4)
    address = _address(capsys)
    thread.join(15)
    assert done == [0]
    port = urllib.parse.urlsplit(address).port
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1)


def test_the_terminal_lines_are_in_the_language_asked_for(tmp_path, capsys):
    thread, done = _start(tmp_path, port=0, language="en", idle_seconds=0.4)
    thread.join(15)
    out = capsys.readouterr().out
    assert "selvhjelp is now running in your browser" in out.replace("\n", " ") or "browser" in out
    assert "kjører" not in out


def test_the_default_folder_is_made_owner_only(tmp_path, monkeypatch):
    monkeypatch.setattr(server, "documents_folder", lambda: str(tmp_path / "Dokumenter"))
    made = server.prepare_folder(None)
    assert made.endswith("Selvhjelp") and stat.S_IMODE(os.stat(made).st_mode) == 0o700


def test_serve_begins_the_reading_before_it_answers(monkeypatch, folder):
    from selvhjelp_cli.app import pages, server

    started = []
    monkeypatch.setattr(pages.Site, "start_reading", property(lambda site: lambda: started.append(site.folder),
                                                              lambda site, value: None), raising=False)

    class Stopped(Exception):
        pass

    def no_server(self, sockets=None):
        raise Stopped

    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", no_server)
    with pytest.raises(Stopped):
        server.serve(str(folder), port=0, open_browser=False)
    assert started == [os.path.realpath(folder)]
