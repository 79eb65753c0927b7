"""The app for one folder: what every page shares – the routes, rendering, the refusal
pages, the folder's files and the messages a change leaves for the next page.

The pages themselves are in group_pages.py (one group), office_pages.py (the
folder's groups, the contact points, the public list) and new_group.py. Each form
field is named as the CLI option it stands for, without the dashes, and goes
through the parser that option uses; a change goes through editor.edit() with
the digest of the file the page showed, so a file changed meanwhile is never
overwritten. Nothing here decides what a group may do: the rooms do.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from selvhjelp_cli.app.survey import Survey
from selvhjelp_cli.core.i18n import LANGUAGES, N_, current, translate

STEM = re.compile(r"[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,199}")
LANGUAGE_NAMES = {"nb": "bokmål", "nn": "nynorsk", "en": "English"}
_READ = (".yaml", ".yml", ".json")  # the files the pages read: group files, directories, letterheads, status
_REFUSED = {
    "host": (N_("Feil adresse"), N_("Denne adressen hører ikke til selvhjelp. Åpne selvhjelp på nytt fra "
                                   "snarveien på skrivebordet eller i startmenyen.")),
    "secret": (N_("Åpne appen på nytt"), N_("Denne fanen har ikke tilgang til selvhjelp. Åpne selvhjelp på nytt "
                                           "fra snarveien på skrivebordet eller i startmenyen, så åpnes en ny fane "
                                           "som har tilgang.")),
    "user": (N_("Ikke tillatt"), N_("Denne forbindelsen kommer fra en annen bruker på maskinen. selvhjelp svarer "
                                   "bare den som startet den.")),
    "origin": (N_("Ikke tillatt"), N_("Endringen kom ikke fra selvhjelp selv, så den er ikke gjort.")),
    "csrf": (N_("Ikke tillatt"), N_("Skjemaet var for gammelt eller kom ikke fra selvhjelp, så ingenting er endret. "
                                   "Gå tilbake, last inn siden på nytt og prøv igjen.")),
    "missing": (N_("Fant ikke siden"), N_("Denne siden finnes ikke.")),
    "broken": (N_("Noe gikk galt"), N_("selvhjelp kunne ikke vise denne siden, og ingenting er endret. Prøv igjen, "
                                      "og meld gjerne fra til utviklerne hvis det skjer igjen.")),
    "stopped": (N_("selvhjelp er lukket"), N_("Du kan lukke denne fanen. Gruppefilene er lagret i mappen, og du "
                                             "åpner selvhjelp igjen fra snarveien.")),
}


@dataclass
class Notice:
    """What a change said, for the page the person comes back to."""

    text: str
    level: str = "ok"  # ok, warning or error: how it looks, and whether it is read out at once
    stem: str | None = None  # the group whose change can be undone from the message
    undo: bool = False
    forget: str | None = None  # a removed participant whose name is still in the history


class Site:
    """The app for one folder: its routes, its templates and the little it remembers."""

    def __init__(self, folder: str, *, today: Callable[[], date] = date.today, stop: Callable[[], None] | None = None,
                 directory: str | None = None) -> None:
        from selvhjelp_cli.core.resources import templates_dir

        self.folder = os.path.realpath(folder)
        self.today = today
        self.stop = stop or (lambda: None)
        self.directory_option = directory
        self.guard: Any = None  # set by server.build(): the CSRF token lives there
        self.css = (templates_dir() / "app" / "app.css").read_text(encoding="utf-8")
        self._notices: dict[str, Notice] = {}
        self.survey = Survey()  # the folder's overview, made in the background
        self.start_reading: Callable[[], None] = lambda: None  # set by the list's pages (office_pages.py)
        self._kinds: dict[tuple, bool] = {}
        self._directory_seen: tuple[tuple, str | None] | None = None
        self.known: dict[tuple, Any] = {}  # check_folder's results by file version, for a day and a language
        self.groups: dict[tuple, Any] = {}  # the valid group files as read, by file version, for any day

    # -- the Starlette application -----------------------------------------------

    def own_routes(self) -> list[Route]:
        return [Route("/static/app.css", self.stylesheet, methods=["GET"]),
                Route("/static/reading.js", self.reading_script, methods=["GET"]),
                Route("/quit", self.quit, methods=["POST"])]

    def application(self, routes: list[Route]) -> Starlette:
        return Starlette(routes=[*self.own_routes(), *routes],
                         exception_handlers={404: self._not_found, 405: self._not_found, Exception: self._broken})

    # -- rendering --------------------------------------------------------------

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.page(template, here=request.url.path, **context), status_code=status)

    def page(self, template: str, *, here: str = "/", **context: Any) -> str:
        from selvhjelp_cli.app.templates import environment

        context.setdefault("standalone", False)
        return environment().get_template(template).render(
            lang=current(), languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES], here=here,
            csrf=self.guard.csrf if self.guard else "", folder=self.folder, css=self.css, **context)

    def refused_page(self, status: int, reason: str, language: str) -> tuple[bytes, str]:
        """A page for a refused request (guard.py), in the page language: styled, with nothing live on it."""
        title, text = _REFUSED[reason]
        page = self.page("message.html.j2", title=translate(title), text=translate(text), standalone=True,
                         home=reason in ("origin", "csrf", "missing", "broken"))
        return page.encode("utf-8"), "text/html; charset=utf-8"

    def message(self, status: int, reason: str) -> HTMLResponse:
        body, _content_type = self.refused_page(status, reason, current())
        return HTMLResponse(body, status_code=status)

    def failed(self, request: Request, title: str, text: str, status: int = 400) -> HTMLResponse:
        return self.render(request, "message.html.j2", status, title=title, text=text, home=True)

    async def _not_found(self, request: Request, _exc) -> HTMLResponse:
        return self.message(404, "missing")

    async def _broken(self, request: Request, exc: Exception) -> HTMLResponse:
        # Only the kind of error is ever said, on the server's side: its text could hold a name.
        import sys

        print(f"selvhjelp app: {type(exc).__name__}", file=sys.stderr)
        return self.message(500, "broken")

    async def stylesheet(self, request: Request) -> Response:
        return Response(self.css, media_type="text/css", headers={"cache-control": "no-cache"})

    async def reading_script(self, request: Request) -> Response:
        from selvhjelp_cli.core.resources import templates_dir

        script = (templates_dir() / "app" / "reading.js").read_text(encoding="utf-8")
        return Response(script, media_type="text/javascript", headers={"cache-control": "no-cache"})

    async def quit(self, request: Request) -> Response:
        from starlette.background import BackgroundTask

        page = self.message(200, "stopped")
        page.background = BackgroundTask(self.stop)
        return page

    # -- forms, files and messages ------------------------------------------------

    @staticmethod
    async def form(request: Request) -> dict[str, str]:
        """The posted fields as text (the guard has already checked the form's CSRF token)."""
        form = await request.form()
        return {key: value for key, value in form.items() if isinstance(value, str)}

    def group_path(self, stem: str) -> str | None:
        """The group file a stem names: directly in the folder, no way out of it."""
        if not STEM.fullmatch(stem):
            return None
        for extension in (".yaml", ".yml"):
            path = os.path.join(self.folder, stem + extension)
            if os.path.isfile(path) and self.inside(path):
                return path
        return None

    def inside(self, path: str) -> bool:
        """Whether a file, its symbolic links followed, is directly in the folder: one rule for every page."""
        if os.path.dirname(path) == self.folder and not os.path.islink(path):
            return True  # the folder's own file: no need to resolve every link on the way
        real = os.path.realpath(path)
        return os.path.dirname(real) == self.folder

    def relative(self, path: str) -> str:
        """A path as it reads from the folder; a file directly in it (every group file) is its name."""
        head, name = os.path.split(path)
        return name if head == self.folder else os.path.relpath(path, self.folder)

    def stem_of(self, path: str) -> str | None:
        relative = self.relative(path)
        stem, extension = os.path.splitext(relative)
        if os.sep in relative or extension not in (".yaml", ".yml") or not STEM.fullmatch(stem):
            return None
        return stem

    def directory(self, files: list[tuple[str, int, int]] | None = None):
        """Who covers a place: --directory, else SELVHJELP_DIRECTORY, else a directory file in the folder,
        else the built-in list of 2019. `files`: the folder as files() just saw it."""
        from selvhjelp_cli.core.errors import UserError
        from selvhjelp_cli.places.directory import ENVIRONMENT_VARIABLE, active_directory

        if self.directory_option is None and not os.environ.get(ENVIRONMENT_VARIABLE):
            found = self.directory_in_folder(files)
            if found is not None:
                try:
                    return active_directory(found)
                except UserError:
                    pass  # an office's list with a mistake in it: the built-in list answers, and says its date
        return active_directory(self.directory_option)

    def directory_stamp(self) -> tuple:
        """What decides the directory besides the folder's own files: the file --directory or
        SELVHJELP_DIRECTORY names, as it is now."""
        from selvhjelp_cli.places.directory import ENVIRONMENT_VARIABLE

        named = self.directory_option or os.environ.get(ENVIRONMENT_VARIABLE)
        if not named:
            return ()
        try:
            info = os.stat(named)
        except OSError:
            return (named,)
        return (named, info.st_size, info.st_mtime_ns)

    def directory_in_folder(self, files: list[tuple[str, int, int]] | None = None) -> str | None:
        """A directory file lying in the folder (the newest by its date, if an office left several)."""
        from selvhjelp_cli.places.directory_file import looks_like_directory

        listing = tuple(self.yaml_files(files))
        if self._directory_seen is not None and self._directory_seen[0] == listing:
            return self._directory_seen[1]  # the folder as it was: every page of a large folder asks
        found = [(mtime, path) for path, size, mtime in listing if self._is(looks_like_directory, path, size, mtime)]
        self._directory_seen = (listing, max(found)[1] if found else None)
        return self._directory_seen[1]

    def files(self) -> list[tuple[str, int, int]]:
        """(path, size, time) of the files the pages read directly in the folder – YAML files and status
        files – from one look at it; symbolic links out of the folder left out."""
        return self.listing() or []

    def listing(self) -> list[tuple[str, int, int]] | None:
        """What files() says, or None when the folder cannot be read (the list then says so)."""
        try:
            with os.scandir(self.folder) as listing:
                entries = [entry for entry in listing
                           if not entry.name.startswith(".") and entry.name.lower().endswith(_READ)]
        except OSError:
            return None
        entries.sort(key=attrgetter("name"))
        found = []
        for entry in entries:  # a national folder has thousands: every page looks at each of them
            try:
                if entry.is_symlink() and not self.inside(entry.path):
                    continue
                info = entry.stat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((entry.path, info.st_size, info.st_mtime_ns))
        return found

    def yaml_files(self, files: list[tuple[str, int, int]] | None = None) -> list[tuple[str, int, int]]:
        return [file for file in (self.files() if files is None else files)
                if file[0].lower().endswith((".yaml", ".yml"))]

    def letterheads(self) -> list[str]:
        """The letterhead files in the folder, by name."""
        from selvhjelp_cli.documents.letterhead import is_letterhead

        return [os.path.basename(path) for path, size, mtime in self.yaml_files()
                if self._is(is_letterhead, path, size, mtime)]

    def _is(self, kind: Callable[[str], bool], path: str, size: int, mtime: int) -> bool:
        """Whether a file is of a kind (a letterhead, a directory file), asked once per version of the file:
        a folder of thousands of groups is not read again for every page."""
        key = (kind, path, size, mtime)
        if key not in self._kinds:
            if len(self._kinds) > 100_000:  # versions of files long changed
                self._kinds.clear()
            self._kinds[key] = kind(path)
        return self._kinds[key]

    def notice(self, notice: Notice) -> str:
        key = secrets.token_urlsafe(6)
        self._notices[key] = notice
        while len(self._notices) > 50:
            self._notices.pop(next(iter(self._notices)))
        return key

    def take_notice(self, request: Request) -> Notice | None:
        return self._notices.pop(request.query_params.get("done", ""), None)


def download(content: bytes | str, media_type: str, file_name: str, *, inline: bool = False,
             policy: str | None = None) -> Response:
    """A file to save or open: an ASCII name every browser takes, and the real one as RFC 6266 filename*."""
    from urllib.parse import quote

    from selvhjelp_cli.core.files import slug

    stem, dot, extension = file_name.rpartition(".")
    ascii_name = f"{slug(stem, 'fil')}.{extension}" if dot else slug(file_name, "fil")
    disposition = "inline" if inline else "attachment"
    headers = {"content-disposition": f"{disposition}; filename=\"{ascii_name}\"; "
                                      f"filename*=UTF-8''{quote(file_name, safe='')}"}
    if policy:
        headers["content-security-policy"] = policy
    return Response(content, media_type=media_type, headers=headers)
