"""Start and stop `selvhjelp app`: a server on 127.0.0.1 for the person's own browser.

The socket is bound here, to 127.0.0.1 only (there is no other choice), before
the server starts, so the port is known for the Host check and the address. The
default port is one fixed port (DEFAULT_PORT) when it is free, so that a bookmark
keeps working; a second start on the same folder finds the running app through
an owner-only runtime file and opens it instead of starting another server.
The browser is opened through an owner-only temporary file that sends it on
to the address with the secret (an address given to the browser directly
would be visible to other users in the list of processes). The server stops
from the page, after IDLE_SECONDS without a request that passed the guard, or
on Ctrl+C / SIGTERM, and the program then ends with exit code 0.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from datetime import date

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _

HOST = "127.0.0.1"
IDLE_SECONDS = 4 * 60 * 60
FOLDER_NAME = "Selvhjelp"
# Below the ranges Linux (32768–) and Windows (49152–) hand out for outgoing connections,
# and used by no well-known service.
DEFAULT_PORT = 28411


def documents_folder() -> str:
    """The person's documents folder, as their system names it."""
    if sys.platform == "win32":
        try:
            import ctypes

            # FOLDERID_Documents; it follows a move to OneDrive or another drive.
            guid = (ctypes.c_byte * 16)(*bytes.fromhex("d0 9a d3 fd 8f 23 af 46 ad b4 6c 85 48 03 69 "
                                                       "c7".replace(" ", "")))
            found = ctypes.c_wchar_p()
            if ctypes.windll.shell32.SHGetKnownFolderPath(guid, 0, None, ctypes.byref(found)) == 0:
                path = found.value
                ctypes.windll.ole32.CoTaskMemFree(found)
                if path:
                    return path
        except (OSError, AttributeError, ValueError):
            pass
        return os.path.join(os.path.expanduser("~"), "Documents")
    home = os.path.expanduser("~")
    if sys.platform != "darwin":
        # Linux desktops name it in the person's language (~/Dokumenter); xdg-user-dirs records which.
        try:
            with open(os.path.join(os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config"),
                                   "user-dirs.dirs"), encoding="utf-8") as dirs:
                for line in dirs:
                    if line.startswith("XDG_DOCUMENTS_DIR="):
                        value = line.split("=", 1)[1].strip().strip('"').replace("$HOME", home)
                        if value and os.path.isdir(value):
                            return value
        except OSError:
            pass
    return os.path.join(home, "Documents")


def default_folder() -> str:
    return os.path.join(documents_folder(), FOLDER_NAME)


def prepare_folder(folder: str | None) -> str:
    """The folder to serve: made (owner-only) if it is the default and missing; else it must exist."""
    if folder is None:
        folder = default_folder()
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            raise UserError(_("Kunne ikke lage mappen for gruppefilene."), path=folder) from None
    if not os.path.isdir(folder):
        raise UserError(_("Mappen finnes ikke. Oppgi en mappe som finnes, eller ingen, så brukes {default}.").format(
            default=default_folder()), path=folder)
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        raise UserError(_("Du har ikke lov til å lese og skrive i denne mappen."), path=folder)
    return os.path.realpath(folder)


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1: `port`, or DEFAULT_PORT if it is free (else any free one) when None."""
    if port is None:
        try:
            return _bind(DEFAULT_PORT)
        except OSError:
            port = 0
    try:
        return _bind(port)
    except OSError:
        raise UserError(_("Porten {port} er opptatt. Velg en annen med --port, eller la være, så finner selvhjelp "
                          "en ledig.").format(port=port)) from None


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if sys.platform == "win32":
        # Without it another program could bind the same port over ours.
        sock.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_EXCLUSIVEADDRUSE", socket.SO_REUSEADDR), 1)
    else:
        # A restart right after a stop finds the port in TIME-WAIT; a second live listener is still refused.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(False)
    return sock


# -- the running app, for a second start -----------------------------------------------------

def _running_file(folder: str) -> str | None:
    import hashlib

    from selvhjelp_cli.core.files import runtime_folder

    where = runtime_folder("app")
    if where is None:
        return None
    key = hashlib.sha256(os.path.normcase(os.path.realpath(folder)).encode("utf-8", "surrogatepass")).hexdigest()
    return os.path.join(where, key[:32] + ".json")


def _remember_running(folder: str, port: int, reopen_key: str) -> str | None:
    """Write where the app for this folder runs and how to ask it for an address (owner-only)."""
    import json

    path = _running_file(folder)
    if path is None:
        return None
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({"port": port, "pid": os.getpid(), "reopen": reopen_key}, handle)
    except OSError:
        return None
    return path


def running_address(folder: str) -> str | None:
    """A new launch address from the app already running on this folder for this user, or None."""
    import http.client
    import json

    path = _running_file(folder)
    if path is None or not os.path.exists(path):
        return None
    try:
        info = os.lstat(path)
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return None
        with open(path, encoding="utf-8") as handle:
            known = json.load(handle)
        port, key = int(known["port"]), str(known["reopen"])
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        connection.request("POST", "/launch", headers={"Host": f"{HOST}:{port}", "X-Selvhjelp-Reopen": key})
        answer = connection.getresponse()
        address = answer.read().decode("ascii", "replace")
        connection.close()
    except (OSError, ValueError, KeyError, TypeError, http.client.HTTPException):
        answer = None
    if answer is None or answer.status != 200 or not address.startswith(f"http://{HOST}:"):
        try:
            os.unlink(path)  # an app that stopped without tidying up (a power cut): start a new one
        except OSError:
            pass
        return None
    return address


def build(folder: str, *, port: int, language: str, today=date.today, stop=None, peer_is_ours=None,
          directory: str | None = None):
    """The whole app for a folder, behind its guard: (asgi app, pages)."""
    from selvhjelp_cli.app import group_pages, new_group, office_pages
    from selvhjelp_cli.app.guard import Guard
    from selvhjelp_cli.app.pages import Site

    site = Site(folder, today=today, stop=stop, directory=directory)
    routes = [*office_pages.routes(site), *new_group.routes(site), *group_pages.routes(site)]
    guard = Guard(site.application(routes), port=port, language=language, refused=site.refused_page, css=site.css,
                  peer_is_ours=peer_is_ours)
    site.guard = guard
    return guard, site


def _open_browser(address: str) -> str | None:
    """Open the address in the default browser through an owner-only file; the file's path, to remove later."""
    import tempfile
    import webbrowser
    from html import escape
    from pathlib import Path

    descriptor, path = tempfile.mkstemp(prefix="selvhjelp-", suffix=".html")  # mode 0600
    with os.fdopen(descriptor, "w", encoding="utf-8") as page:
        page.write(f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={escape(address)}">'
                   f'<title>selvhjelp</title><a href="{escape(address)}">selvhjelp</a>\n')
    try:
        webbrowser.open(Path(path).as_uri())
    except Exception:  # noqa: BLE001 - no browser: the address on stdout still works
        pass
    return path


def serve(folder: str | None, *, port: int | None = None, open_browser: bool = True, language: str | None = None,
          idle_seconds: float = IDLE_SECONDS, directory: str | None = None) -> int:
    """Run the app until it is stopped (or open the one already running on the folder); the exit code."""
    import signal

    import uvicorn

    from selvhjelp_cli.core.i18n import current, in_language

    served = prepare_folder(folder)
    spoken = current(language)
    address = running_address(served)
    if address is not None:
        with in_language(spoken):
            _say(_("selvhjelp kjører alt for denne mappen. Åpne denne adressen hvis den ikke åpnet seg selv:"),
                 address)
        redirect = _open_browser(address) if open_browser else None
        if redirect:
            threading.Timer(60, _remove, (redirect,)).start()  # the browser has read it long before
        return 0
    sock = bind(port)
    port = sock.getsockname()[1]

    class _Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            # Stop as asked, without uvicorn raising the signal again afterwards: Ctrl+C is a normal way to stop.
            if self.should_exit and sig == signal.SIGINT:
                self.force_exit = True
            self.should_exit = True

    server: _Server | None = None

    def stop() -> None:
        if server is not None:
            server.should_exit = True

    if directory is not None:
        from selvhjelp_cli.places.directory import active_directory

        active_directory(directory)  # a list that cannot be read stops here, with file and line
    guard, site = build(served, port=port, language=spoken, stop=stop, directory=directory)
    config = uvicorn.Config(guard, log_level="critical", access_log=False, lifespan="off", http="h11",
                            ws="none", loop="asyncio", server_header=False, date_header=False, log_config=None)
    server = _Server(config)

    def watch_idle() -> None:
        while not server.should_exit:
            time.sleep(min(30.0, idle_seconds / 4))
            if time.monotonic() - guard.last_request > idle_seconds:
                server.should_exit = True

    address = guard.launch_address()
    running = _remember_running(served, port, guard.reopen_key)
    with in_language(spoken):
        _say(_("selvhjelp kjører nå i nettleseren. Åpne denne adressen hvis den ikke åpnet seg selv:"), address,
             _("Gruppefilene ligger i {folder}. Stopp med «Lukk selvhjelp» på siden, eller Ctrl+C her.").format(
                 folder=served))
    redirect = _open_browser(address) if open_browser else None
    with in_language(spoken):
        site.start_reading()  # while the browser starts: the first page is the folder's list
    threading.Thread(target=watch_idle, daemon=True, name="selvhjelp-idle").start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        for path in (redirect, running):
            _remove(path)
    with in_language(spoken):
        _say(_("selvhjelp er avsluttet."))
    return 0


def _say(*lines: str) -> None:
    try:
        for line in lines:
            print(line, flush=True)
    except (OSError, ValueError, AttributeError):
        pass  # no console (the double-clicked selvhjelp-app on Windows): the browser opens all the same


def _remove(path: str | None) -> None:
    if path:
        try:
            os.unlink(path)
        except OSError:
            pass
