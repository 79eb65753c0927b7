"""Whose program is at the other end (app/peer.py): another OS user's connection is told apart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from types import SimpleNamespace

import pytest

from selvhjelp_cli.app import peer


def _listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    return sock


def test_our_own_connection_is_ours():
    server = _listener()
    client = socket.create_connection(server.getsockname())
    accepted, address = server.accept()
    try:
        assert peer.is_ours(address, server.getsockname()[1])
    finally:
        for sock in (client, accepted, server):
            sock.close()


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0, reason="needs Linux and root to be "
                                                                                      "another user")
def test_another_users_connection_is_not_ours():
    server = _listener()
    port = server.getsockname()[1]
    code = ("import os, socket, sys, time; os.setgid(65534); os.setuid(65534); "
            f"s = socket.create_connection(('127.0.0.1', {port})); sys.stdout.write('ok\\n'); sys.stdout.flush(); "
            "sys.stdin.read()")
    # The system's Python: another user may not read the one the tests run in (under /root, say).
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    child = subprocess.Popen([python, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    server.settimeout(30)  # only a child that never connects waits this long
    try:
        accepted, address = server.accept()
        assert child.stdout.readline().strip() == "ok"
        assert peer._linux_owner(address[1], port) == 65534
        assert not peer.is_ours(address, port)
        accepted.close()
    finally:
        child.stdin.close()
        child.wait(timeout=10)
        server.close()


def test_a_client_that_is_no_socket_is_left_to_the_cookie():
    assert peer.is_ours(None, 1) and peer.is_ours(("testclient", 50000), 1)


def test_elsewhere_psutil_names_the_owner(monkeypatch):
    """Windows and macOS: the process holding the client's port, by psutil."""
    connection = SimpleNamespace(laddr=SimpleNamespace(port=40000), raddr=SimpleNamespace(port=28411), pid=4321)
    owners = {4321: "annen"}

    class Process:
        def __init__(self, pid=None):
            self.pid = pid

        def username(self):
            return owners.get(self.pid, "meg")

    fake = SimpleNamespace(net_connections=lambda kind: [connection], Process=Process,
                           AccessDenied=PermissionError, NoSuchProcess=LookupError, process_iter=list)
    monkeypatch.setitem(sys.modules, "psutil", fake)
    monkeypatch.setattr(peer.sys, "platform", "win32")
    assert not peer.is_ours(("127.0.0.1", 40000), 28411)
    owners[4321] = "meg"
    assert peer.is_ours(("127.0.0.1", 40000), 28411)
    assert peer.is_ours(("127.0.0.1", 40001), 28411)  # not found: the cookie decides
