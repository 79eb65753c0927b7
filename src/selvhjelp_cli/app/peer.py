"""Whose program is at the other end of a connection to the app.

On a shared computer another user can reach 127.0.0.1 too, and a cookie can
leak to another program on another port (cookies are not kept apart by port).
So a connection is refused when the kernel says its other end belongs to
another OS user. The kernel knows the owner of every loopback socket: Linux
says so in /proc/net/tcp (read directly, it is quick); on Windows and macOS
psutil finds the process that holds the client's port and its user.

A connection is refused only when its owner is known to be someone else; when
the owner cannot be found at all (a system that hides it), the session cookie
alone decides, as before.
"""

from __future__ import annotations

import os
import sys


def _linux_owner(client_port: int, server_port: int, tables: tuple[str, ...] = ("/proc/net/tcp", "/proc/net/tcp6")
                 ) -> int | None:
    """The uid owning the socket 127.0.0.1:client_port → server_port, from /proc/net/tcp(6)."""
    import re

    # One search over the table instead of splitting every line: it is read on every request.
    # A line: "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid ...".
    line = re.compile(rf"^ *\d+: [0-9A-F]+:{client_port:04X} [0-9A-F]+:{server_port:04X} (?:\S+ +){{4}}(\d+) ",
                      re.MULTILINE)
    for table in tables:
        try:
            with open(table, encoding="ascii") as handle:
                found = line.search(handle.read())
        except (OSError, ValueError):
            continue
        if found:
            return int(found.group(1))
    return None


def _psutil_owner(client_port: int, server_port: int) -> str | None:
    """The user name of the process holding the client's end of the connection, by psutil."""
    try:
        import psutil
    except ImportError:
        return None
    try:
        connections = psutil.net_connections(kind="tcp")
    except (psutil.AccessDenied, OSError):
        connections = []
        for process in psutil.process_iter():  # macOS: only our own processes' sockets can be read
            try:
                connections.extend((c, process.pid) for c in process.net_connections(kind="tcp"))
            except (psutil.AccessDenied, psutil.NoSuchProcess, OSError):
                continue
        connections = [c._replace(pid=pid) for c, pid in connections]
    for connection in connections:
        if connection.laddr and connection.raddr and connection.laddr.port == client_port \
                and connection.raddr.port == server_port and connection.pid:
            try:
                return psutil.Process(connection.pid).username()
            except (psutil.AccessDenied, psutil.NoSuchProcess):
                return "?"  # a process we may not look at is another user's
    return None


def _current_user() -> str | None:
    try:
        import psutil

        return psutil.Process().username()
    except Exception:  # noqa: BLE001 - without psutil there is no name to compare with
        return None


def is_ours(client: tuple[str, int] | None, server_port: int) -> bool:
    """False when the other end of the connection belongs to another OS user."""
    if not client or client[0] not in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
        return True  # the server listens on loopback only; this is a test client, not a socket
    client_port = int(client[1])
    if sys.platform.startswith("linux"):
        # The kernel takes a few milliseconds to write out each table: only the one the address is in.
        owner = _linux_owner(client_port, server_port,
                             ("/proc/net/tcp",) if client[0] == "127.0.0.1" else ("/proc/net/tcp6",))
        return owner is None or owner == os.geteuid()
    owner_name = _psutil_owner(client_port, server_port)
    return owner_name is None or owner_name == _current_user()
