"""The app's pages: forms in, the CLI's own functions called, HTML out.

Each form field is named as the CLI option it stands for, without the dashes
(`first-meeting`, `born`, `date`), and goes through the parser that option
uses; a change goes through editor.edit() with the digest of the file the
page showed, so a file changed meanwhile is never overwritten. Nothing here
decides what a group may do: life.py, init_group.py and documents.py do.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import LANGUAGES, N_, _, current, translate

_STEM = re.compile(r"[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,199}")
_DOCUMENT_FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
                     "md": "text/markdown; charset=utf-8"}
# A document opened in the browser: its own styles inline, its logo as data:, nothing else.
_DOCUMENT_POLICY = b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
_PUBLISHED = {"html": "apne-grupper.html", "json": "apne-grupper.json"}
_LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}
_STATUS_WORDS = {"planned": N_("Planlagt"), "running": N_("I gang"), "paused": N_("Pause"), "ended": N_("Avsluttet"),
                 "invalid": N_("Ugyldig fil")}
_DOCUMENT_NAMES = {
    "declaration": N_("Taushetserklæring, én side per deltaker"),
    "declaration-sheet": N_("Taushetserklæring, én liste for alle"),
    "framework": N_("Rammene for gruppa"),
    "principles": N_("Prinsippene"),
    "first-meeting": N_("Plan for første møte"),
    "digital": N_("Råd for digitale møter"),
    "registration": N_("Registreringsskjema"),
    "attendance": N_("Oppmøteliste"),
    "poster": N_("Plakat"),
}
_FORMAT_NAMES = {"pdf": N_("PDF (for utskrift)"), "html": N_("HTML (for skjermen)"), "md": N_("Markdown (tekst)")}
_REFUSED = {
    "host": (N_("Feil adresse"), N_("Denne adressen hører ikke til selvhjelp. Åpne appen med adressen "
                                   "«selvhjelp app» skrev ut.")),
    "secret": (N_("Åpne appen på nytt"), N_("Denne fanen har ikke tilgang til selvhjelp. Start appen på nytt "
                                           "(«selvhjelp app» eller snarveien), så åpnes den i nettleseren med "
                                           "tilgang. Adressen med nøkkelen virker bare én gang.")),
    "origin": (N_("Ikke tillatt"), N_("Endringen kom ikke fra selvhjelps egen side, så den er ikke gjort.")),
    "csrf": (N_("Ikke tillatt"), N_("Skjemaet var utløpt eller kom ikke fra selvhjelps egen side, så ingenting er "
                                   "endret. Last inn siden og prøv igjen.")),
    "missing": (N_("Fant ikke siden"), N_("Denne siden finnes ikke. Gå tilbake til gruppene.")),
    "broken": (N_("Noe gikk galt"), N_("selvhjelp kunne ikke vise denne siden, og ingenting er endret. Prøv igjen, "
                                      "og meld gjerne fra til utviklerne hvis det skjer igjen.")),
}


class Pages:
    """The app for one folder: its routes, its templates and the little it remembers."""

    def __init__(self, folder: str, *, today: Callable[[], date] = date.today, stop: Callable[[], None] | None = None):
        self.folder = os.path.realpath(folder)
        self.today = today
        self.stop = stop or (lambda: None)
        self.guard = None  # set by server.build(): the CSRF token lives there
        self._notices: dict[str, str] = {}
        self._overview_cache: dict[tuple, Any] = {}

    # -- the Starlette application -----------------------------------------------

    def routes(self) -> list[Route]:
        return [
            Route("/", self.groups, methods=["GET"]),
            Route("/new", self.new_group, methods=["GET", "POST"]),
            Route("/find", self.find, methods=["GET"]),
            Route("/publish", self.publish, methods=["GET", "POST"]),
            Route("/declaration.{format}", self.blank_declaration, methods=["GET"]),
            Route("/quit", self.quit, methods=["POST"]),
            Route("/static/app.css", self.stylesheet, methods=["GET"]),
            Route("/g/{stem}", self.group, methods=["GET"]),
            Route("/g/{stem}/document", self.choose_document, methods=["GET"]),
            Route("/g/{stem}/calendar.ics", self.calendar, methods=["GET"]),
            Route("/g/{stem}/{kind}.{format}", self.document, methods=["GET"]),
            Route("/g/{stem}/{area}/{action}", self.change, methods=["POST"]),
        ]

    def application(self) -> Starlette:
        return Starlette(routes=self.routes(), exception_handlers={404: self._not_found, 405: self._not_found,
                                                                   Exception: self._broken})

    # -- rendering --------------------------------------------------------------

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        from selvhjelp_cli.app.templates import environment

        language = current()
        page = environment().get_template(template).render(
            lang=language, languages=[(code, _LANGUAGE_NAMES[code]) for code in LANGUAGES],
            here=request.url.path, csrf=self.guard.csrf if self.guard else "", folder=self.folder, **context)
        return HTMLResponse(page, status_code=status)

    def refused_page(self, status: int, reason: str, language: str) -> tuple[bytes, str]:
        """A plain page for a refused request (guard.py), in the page language."""
        from selvhjelp_cli.app.templates import environment

        title, text = _REFUSED[reason]
        page = environment().get_template("message.html.j2").render(
            lang=language, languages=[], here="/", csrf="", folder="", title=translate(title), text=translate(text),
            home=reason in ("origin", "csrf", "missing", "broken"))
        return page.encode("utf-8"), "text/html; charset=utf-8"

    def _message(self, status: int, reason: str) -> HTMLResponse:
        body, _content_type = self.refused_page(status, reason, current())
        return HTMLResponse(body, status_code=status)

    async def _not_found(self, request: Request, _exc) -> HTMLResponse:
        return self._message(404, "missing")

    async def _broken(self, request: Request, exc: Exception) -> HTMLResponse:
        # Only the kind of error is ever said, on the server's side: its text could hold a name.
        import sys

        print(f"selvhjelp app: {type(exc).__name__}", file=sys.stderr)
        return self._message(500, "broken")

    async def stylesheet(self, request: Request) -> Response:
        from selvhjelp_cli.core.resources import templates_dir

        css = (templates_dir() / "app" / "app.css").read_bytes()
        return Response(css, media_type="text/css", headers={"cache-control": "no-cache"})

    # -- forms and files ----------------------------------------------------------

    async def _form(self, request: Request) -> dict[str, str] | None:
        """The posted fields as text, or None when the CSRF token is not the page's."""
        form = await request.form()
        values = {key: value for key, value in form.items() if isinstance(value, str)}
        if self.guard is None or not self.guard.check_csrf(values.get("csrf")):
            return None
        return values

    def group_path(self, stem: str) -> str | None:
        """The group file a stem names: directly in the folder, no way out of it."""
        if not _STEM.fullmatch(stem):
            return None
        for extension in (".yaml", ".yml"):
            path = os.path.join(self.folder, stem + extension)
            if os.path.isfile(path):
                if os.path.commonpath([self.folder, os.path.realpath(path)]) != self.folder:
                    return None  # a symbolic link out of the folder
                return path
        return None

    def _group_of(self, request: Request) -> tuple[str, str | None]:
        """The stem in the address and its group file (None: answer 404)."""
        stem = request.path_params["stem"]
        return stem, self.group_path(stem)

    def _stem_of(self, path: str) -> str | None:
        relative = os.path.relpath(path, self.folder)
        stem, extension = os.path.splitext(relative)
        if os.sep in relative or extension not in (".yaml", ".yml") or not _STEM.fullmatch(stem):
            return None
        return stem

    def notice(self, text: str) -> str:
        key = secrets.token_urlsafe(6)
        self._notices[key] = text
        while len(self._notices) > 50:
            self._notices.pop(next(iter(self._notices)))
        return key

    # -- the groups ------------------------------------------------------------------

    def overview(self):
        """The folder's groups as `check` sees them, rows for the office overview.

        Kept while no group file's size or time changed, so the list is quick
        to show again; the day counts too (a meeting passes)."""
        from selvhjelp_cli.offices.overview import rows
        from selvhjelp_cli.places.directory import active_directory
        from selvhjelp_cli.rules.checker import check_paths

        today = self.today()
        key = (today, current(), _folder_state(self.folder))
        cached = self._overview_cache.get(key)
        if cached is None:
            run = check_paths([self.folder], today)
            cached = (run, rows(run, active_directory()))
            self._overview_cache = {key: cached}
        return cached

    async def groups(self, request: Request) -> HTMLResponse:
        run, table = await run_in_threadpool(self.overview)
        entries = []
        for result, row in zip(run.files, table):
            entries.append({"row": row, "stem": self._stem_of(result.path),
                            "file": os.path.relpath(result.path, self.folder),
                            "problems": [] if result.valid else result.findings,
                            "status": translate(_STATUS_WORDS[row.status])})
        notice = self._notices.pop(request.query_params.get("done", ""), None)
        return self.render(request, "groups.html.j2", entries=entries, notice=notice,
                           blank_formats=_FORMAT_NAMES)

    # -- a new group ---------------------------------------------------------------

    async def new_group(self, request: Request) -> Response:
        if request.method == "GET":
            return self.render(request, "new.html.j2", **self._new_context({}, {}))
        form = await self._form(request)
        if form is None:
            return self._message(403, "csrf")
        return await run_in_threadpool(self._create_group, request, form)

    def _new_context(self, values: dict, errors: dict, general: str | None = None) -> dict:
        from selvhjelp_cli.editing.new import QUESTIONS, field_name
        from selvhjelp_cli.places import registers

        fields = {field_name(q): q for q in QUESTIONS}
        counties = sorted(c.name for c in registers.counties() if c.era == "2024")
        municipalities = sorted({m.name for m in registers.municipalities().values() if not m.former})
        return {"fields": fields, "values": values, "errors": errors, "general": general, "counties": counties,
                "municipalities": municipalities, "translate": translate}

    def _create_group(self, request: Request, form: dict) -> Response:
        from selvhjelp_cli.editing.new import answers_from_form, free_file_name, write_group_file

        today = self.today()
        answers, errors = answers_from_form(form, today)
        if errors:
            return self.render(request, "new.html.j2", 400, **self._new_context(form, errors))
        path = free_file_name(answers["name"], False, self.folder)
        try:
            write_group_file(path, answers, today=today, force=False)
        except UserError as error:
            return self.render(request, "new.html.j2", 400, **self._new_context(form, {}, error.message))
        stem = self._stem_of(path)
        key = self.notice(_("Gruppefilen er laget: {file}. Legg til deltakerne nedenfor.").format(
            file=os.path.basename(path)))
        return RedirectResponse(f"/g/{stem}?done={key}", status_code=303)

    # -- one group -------------------------------------------------------------------

    async def group(self, request: Request) -> Response:
        stem, path = self._group_of(request)
        if path is None:
            return self._message(404, "missing")
        notice = self._notices.pop(request.query_params.get("done", ""), None)
        return await run_in_threadpool(self.group_page, request, stem, path, notice=notice)

    def group_page(self, request: Request, stem: str, path: str, *, status: int = 200, notice: str | None = None,
                   failed: str | None = None, values: dict | None = None, errors: dict | None = None,
                   general: str | None = None) -> HTMLResponse:
        from selvhjelp_cli.app.page_data import group_view
        from selvhjelp_cli.core.source import decode, read_bytes
        from selvhjelp_cli.editing.editor import digest
        from selvhjelp_cli.rules.checker import check_text

        today = self.today()
        try:
            raw = read_bytes(path)
            result = check_text(decode(raw, path), path, today)
        except UserError as error:
            return self.render(request, "group.html.j2", 400, stem=stem, file=os.path.basename(path), view=None,
                               problems=[error], notice=None, failed=None, values={}, errors={}, general=None,
                               shown="")
        from selvhjelp_cli.documents.letterhead import letterheads_in

        view = group_view(result, today, letterheads_in(self.folder)) if result.valid else None
        values, errors = values or {}, errors or {}

        def val(action: str, key: str, default: str = "") -> str:
            """What the person typed into the form that failed (nothing typed is lost), else the default."""
            return values.get(key, default) if failed == action else default

        def err(action: str, key: str) -> str | None:
            return errors.get(key) if failed == action else None

        return self.render(request, "group.html.j2", status, stem=stem, file=os.path.basename(path), view=view,
                           problems=[] if result.valid else result.findings, notice=notice, failed=failed,
                           values=values, errors=errors, general=general, shown=digest(raw), val=val, err=err,
                           document_names=_DOCUMENT_NAMES, format_names=_FORMAT_NAMES,
                           language_names=_LANGUAGE_NAMES)

    async def change(self, request: Request) -> Response:
        from selvhjelp_cli.app.changes import CHANGES

        stem, path = self._group_of(request)
        action = f"{request.path_params['area']}/{request.path_params['action']}"
        if path is None or action not in CHANGES:
            return self._message(404, "missing")
        form = await self._form(request)
        if form is None:
            return self._message(403, "csrf")
        return await run_in_threadpool(self._change, request, stem, path, action, form)

    def _change(self, request: Request, stem: str, path: str, action: str, form: dict) -> Response:
        from selvhjelp_cli.app.changes import CHANGES, Invalid
        from selvhjelp_cli.editing.editor import ChangedSinceShown, edit
        from selvhjelp_cli.groupfile.loader import load_group

        today = self.today()
        again = {"failed": action, "values": form}
        try:
            group = load_group(path).group
            change, after = CHANGES[action](form, group, today)
            said = edit(path, change, shown=form.get("shown") or "")
        except Invalid as invalid:
            return self.group_page(request, stem, path, status=400, errors=invalid.errors, **again)
        except ChangedSinceShown as error:
            return self.group_page(request, stem, path, status=409, general=error.message, **again)
        except UserError as error:
            return self.group_page(request, stem, path, status=400, general=error.message, **again)
        follow = after(group) if after else None
        note = _("Merk: {note}").format(note=follow.message) if follow is not None else None
        key = self.notice(" ".join(part for part in (said, note) if part))
        return RedirectResponse(f"/g/{stem}?done={key}#{action.replace('/', '-')}", status_code=303)

    # -- documents and the calendar file --------------------------------------

    async def choose_document(self, request: Request) -> Response:
        """The document form (GET, so it works without script) sends the person on to the document's address."""
        from urllib.parse import urlencode

        from selvhjelp_cli.documents.contents import DOCUMENT_KINDS

        stem = request.path_params["stem"]
        query = request.query_params
        kind, output_format = query.get("kind", ""), query.get("format", "pdf")
        if self.group_path(stem) is None or kind not in DOCUMENT_KINDS or output_format not in _DOCUMENT_FORMATS:
            return self._message(404, "missing")
        kept = {key: query[key] for key in ("lang", "letterhead") if query.get(key)}
        tail = f"?{urlencode(kept)}" if kept else ""
        return RedirectResponse(f"/g/{stem}/{kind}.{output_format}{tail}", status_code=303)

    async def document(self, request: Request) -> Response:
        stem, path = self._group_of(request)
        if path is None:
            return self._message(404, "missing")
        return await run_in_threadpool(self._document, request, path, request.path_params["kind"],
                                       request.path_params["format"], None)

    async def blank_declaration(self, request: Request) -> Response:
        from selvhjelp_cli.documents.contents import BLANK_COPIES

        raw = request.query_params.get("blank", "8").strip()
        low, high = BLANK_COPIES
        if not raw.isdigit() or not low <= int(raw) <= high:  # as the command line refuses --blank
            return self.render(request, "message.html.j2", 400, title=_("Kunne ikke lage dokumentet"),
                               text=_("Skriv et helt tall fra {low} til {high}.").format(low=low, high=high),
                               home=True)
        return await run_in_threadpool(self._document, request, None, "declaration", request.path_params["format"],
                                       int(raw))

    def _document(self, request: Request, path: str | None, kind: str, output_format: str,
                  blank: int | None) -> Response:
        from selvhjelp_cli.documents.contents import DOCUMENT_KINDS, document
        from selvhjelp_cli.documents.document import language_for
        from selvhjelp_cli.documents.letterhead import letterheads_in, load_letterhead
        from selvhjelp_cli.documents.render import render_document
        from selvhjelp_cli.groupfile.loader import load_group

        if kind not in DOCUMENT_KINDS or output_format not in _DOCUMENT_FORMATS:
            return self._message(404, "missing")
        from selvhjelp_cli.core.language import parse_language

        chosen = request.query_params.get("lang")
        office = request.query_params.get("letterhead")
        try:
            if chosen is not None:
                try:
                    chosen = parse_language(chosen)  # an unknown language is said, as --lang says it
                except ValueError as unknown:
                    raise UserError(str(unknown)) from None
            group = load_group(path).group if path else None
            letterhead = None
            if office:
                if office not in letterheads_in(self.folder):
                    return self._message(404, "missing")
                letterhead = load_letterhead(os.path.join(self.folder, office))
            made = document(kind, group, language_for(group, chosen), self.today(), blank=blank)
            content = render_document(made, output_format, letterhead=letterhead, notes=[])
        except UserError as error:
            return self.render(request, "message.html.j2", 400, title=_("Kunne ikke lage dokumentet"),
                               text=error.message, home=True)
        disposition = "inline" if output_format in ("pdf", "html") else "attachment"
        return Response(content, media_type=_DOCUMENT_FORMATS[output_format], headers={
            "content-disposition": f'{disposition}; filename="{made.file_stem}.{output_format}"',
            "content-security-policy": _DOCUMENT_POLICY.decode()})

    async def calendar(self, request: Request) -> Response:
        stem, path = self._group_of(request)
        if path is None:
            return self._message(404, "missing")
        return await run_in_threadpool(self._calendar, request, path, stem)

    def _calendar(self, request: Request, path: str, stem: str) -> Response:
        from selvhjelp_cli.calendar.meetings import listing, to_ics
        from selvhjelp_cli.documents.document import language_for
        from selvhjelp_cli.groupfile.loader import load_group

        try:
            group = load_group(path).group
        except UserError as error:
            return self.render(request, "message.html.j2", 400, title=_("Kunne ikke lage kalenderfilen"),
                               text=error.message, home=True)
        meetings, _skipped = listing(group, today=self.today(), include_cancelled=True)
        content = to_ics(group, meetings, stamp=datetime.now(timezone.utc), language=language_for(group))
        return Response(content, media_type="text/calendar; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{stem}.ics"'})

    # -- the directory ------------------------------------------------------------------

    async def find(self, request: Request) -> HTMLResponse:
        return await run_in_threadpool(self._find, request, request.query_params.get("place", ""))

    def _find(self, request: Request, place: str) -> HTMLResponse:
        from selvhjelp_cli.places.directory import active_directory
        from selvhjelp_cli.places.resolver import resolve

        directory = active_directory()
        result = None
        error = None
        if place.strip():
            result = resolve(directory, "place", place)  # a name longer than any place is no place
        return self.render(request, "find.html.j2", place=place, result=result, directory=directory, error=error)

    # -- publish -----------------------------------------------------------------------

    async def publish(self, request: Request) -> Response:
        form = None
        if request.method == "POST":
            form = await self._form(request)
            if form is None:
                return self._message(403, "csrf")
        return await run_in_threadpool(self._publish, request, form)

    def _publish(self, request: Request, form: dict | None) -> Response:
        from selvhjelp_cli.app.page_data import publish_view
        from selvhjelp_cli.core.files import write_output
        from selvhjelp_cli.offices import publish as listing
        from selvhjelp_cli.places.directory import active_directory
        from selvhjelp_cli.rules.checker import check_paths

        today = self.today()
        directory = active_directory()
        selection = listing.select(check_paths([self.folder], today), directory)
        said, error = None, None
        if form is not None:
            kind = form.get("format", "")
            if kind not in _PUBLISHED:
                return self._message(404, "missing")
            content = listing.to_json(selection) if kind == "json" else listing.to_html(selection, today, directory)
            target = os.path.join(self.folder, _PUBLISHED[kind])
            try:
                write_output(target, content, force=bool(form.get("force")))
                said = _("Lagret {file} i mappen.").format(file=_PUBLISHED[kind])
            except UserError as refused:
                error = refused.message
        return self.render(request, "publish.html.j2", 400 if error else 200, view=publish_view(selection),
                           said=said, error=error, published=_PUBLISHED)

    # -- stopping ------------------------------------------------------------------------

    async def quit(self, request: Request) -> Response:
        form = await self._form(request)
        if form is None:
            return self._message(403, "csrf")
        from starlette.background import BackgroundTask

        page = self.render(request, "message.html.j2", title=_("selvhjelp er avsluttet"),
                           text=_("Du kan lukke denne fanen. Gruppefilene ligger i {folder}.").format(
                               folder=self.folder), home=False)
        page.background = BackgroundTask(self.stop)
        return page


def _folder_state(folder: str) -> tuple:
    """What changes when any group file in the folder changes: names, sizes and times."""
    state = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                state.append((root, name, info.st_size, info.st_mtime_ns))
    return tuple(state)
