"""One group's pages, each for what a person comes to do: the plan and the check,
the participants, the meetings, the printouts. Each form stands next to what it
changes; after a change the page shows what happened at the top (where the eye
is), with «Angre» for it.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from selvhjelp_cli.app.pages import Notice, download
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import N_, _, translate

if TYPE_CHECKING:
    from selvhjelp_cli.app.pages import Site

TABS = (("", N_("Plan og sjekk")), ("participants", N_("Deltakere")), ("meetings", N_("Møter")),
        ("documents", N_("Utskrifter")))
_DOCUMENT_FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8",
                     "md": "text/markdown; charset=utf-8"}
# A document opened in the browser: its own styles inline, its logo as data:, nothing else.
_DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
FORMAT_NAMES = {"pdf": N_("PDF (for utskrift)"), "html": N_("Nettside (for skjermen)"), "md": N_("Ren tekst")}
_HISTORY = ("history/undo", "history/clear", "history/forget")


def routes(site: Site) -> list[Route]:
    pages = GroupPages(site)
    return [
        Route("/g/{stem}", pages.overview, methods=["GET"]),
        Route("/g/{stem}/participants", pages.participants, methods=["GET"]),
        Route("/g/{stem}/meetings", pages.meetings, methods=["GET"]),
        Route("/g/{stem}/documents", pages.documents, methods=["GET"]),
        Route("/g/{stem}/document", pages.choose_document, methods=["GET"]),
        Route("/g/{stem}/calendar.ics", pages.calendar, methods=["GET"]),
        Route("/g/{stem}/status.json", pages.status_file, methods=["GET"]),
        Route("/g/{stem}/{kind}.{format}", pages.document, methods=["GET"]),
        Route("/g/{stem}/{area}/{action}", pages.change, methods=["POST"]),
    ]


class GroupPages:
    def __init__(self, site: Site) -> None:
        self.site = site

    # -- showing -----------------------------------------------------------------

    def _path(self, request: Request) -> tuple[str, str | None]:
        stem = request.path_params["stem"]
        return stem, self.site.group_path(stem)

    async def overview(self, request: Request) -> Response:
        return await self._show(request, "")

    async def participants(self, request: Request) -> Response:
        return await self._show(request, "participants")

    async def meetings(self, request: Request) -> Response:
        return await self._show(request, "meetings")

    async def documents(self, request: Request) -> Response:
        return await self._show(request, "documents")

    async def _show(self, request: Request, tab: str) -> Response:
        stem, path = self._path(request)
        if path is None:
            return self.site.message(404, "missing")
        notice = self.site.take_notice(request)
        return await run_in_threadpool(self.page, request, stem, path, tab, notice=notice)

    def page(self, request: Request, stem: str, path: str, tab: str, *, status: int = 200,
             notice: Notice | None = None, failed: str | None = None, values: dict | None = None,
             errors: dict | None = None, general: str | None = None) -> Response:
        from selvhjelp_cli.app import page_data
        from selvhjelp_cli.core.files import digest
        from selvhjelp_cli.core.source import decode, read_bytes
        from selvhjelp_cli.rules.checker import check_text

        today = self.site.today()
        try:
            raw = read_bytes(path)
            result = check_text(decode(raw, path), path, today)
        except UserError as error:
            return self.site.render(request, "group_invalid.html.j2", 400, stem=stem, file=os.path.basename(path),
                                    problems=[error])
        if result is None or result.loaded is None:
            return self.site.render(request, "group_invalid.html.j2", 400, stem=stem, file=os.path.basename(path),
                                    problems=result.findings if result else [])
        group = result.loaded.group
        values, errors = values or {}, errors or {}

        def val(action: str, key: str, default: Any = "") -> Any:
            """What the person typed into the form that failed (nothing typed is lost), else the default."""
            return values.get(key, default) if failed == action else default

        def err(action: str, key: str) -> str | None:
            return errors.get(key) if failed == action else None

        context: dict[str, Any] = {
            "stem": stem, "file": os.path.basename(path), "name": group.name, "tab": tab, "tabs": TABS,
            "notice": notice, "undo_now": page_data.history_view(path) if notice and notice.undo else None,
            "failed": failed, "values": values, "errors": errors, "general": general, "shown": digest(raw),
            "val": val, "err": err, "today": page_data.typed_date(today), "ended": group.ended is not None,
            "group": group,
        }
        from selvhjelp_cli.editing.participants import signing_day

        if tab == "":
            directory = self.site.directory()
            context |= {"plan": page_data.plan_view(group, today, directory),
                        "exceptions": page_data.exceptions_view(group),
                        "findings": page_data.findings_view(result.findings),
                        "history": page_data.history_view(path)}
        elif tab == "participants":
            editing = request.query_params.get("rett", "")
            people = page_data.participants_view(group, today)
            chosen = int(editing) if editing.isdigit() and int(editing) < len(people) else None
            context |= {"people": people, "editing": people[chosen] if chosen is not None else None,
                        "signing_day": page_data.typed_date(signing_day(group, today)),
                        "unsigned": [p for p in people if not p["signed"] and p["person"].left is None]}
        elif tab == "meetings":
            until = self._until(request, group, today)
            context |= self._meetings(group, today, until)
        else:
            from selvhjelp_cli.documents.contents import KIND_NAMES, kinds_for
            from selvhjelp_cli.documents.document import language_for

            context |= {"kinds": kinds_for(group, today), "document_names": KIND_NAMES,
                        "format_names": FORMAT_NAMES, "document_language": language_for(group),
                        "letterheads": self.site.letterheads()}
        return self.site.render(request, "group.html.j2", status, **context)

    @staticmethod
    def _until(request: Request, group, today: date) -> date:
        from selvhjelp_cli.calendar.meetings import season_end
        from selvhjelp_cli.core.dates import parse_date

        try:
            return parse_date(request.query_params.get("until", ""), strict=True)
        except ValueError:
            return season_end(group, today)

    @staticmethod
    def _meetings(group, today: date, until: date) -> dict[str, Any]:
        from selvhjelp_cli.app import page_data
        from selvhjelp_cli.calendar.meetings import listing

        meetings, _skipped = listing(group, today=today, until=max(until, today), include_cancelled=True)
        upcoming = [m for m in meetings if not m.cancelled]
        return {"meetings": page_data.meetings_view(meetings), "until": until.isoformat(),
                "upcoming": page_data.meetings_view(upcoming), "exceptions": page_data.exceptions_view(group)}

    # -- changing ------------------------------------------------------------------

    async def change(self, request: Request) -> Response:
        from selvhjelp_cli.app.changes import CHANGES

        stem, path = self._path(request)
        action = f"{request.path_params['area']}/{request.path_params['action']}"
        if path is None or (action not in CHANGES and action not in _HISTORY):
            return self.site.message(404, "missing")
        form = await self.site.form(request)
        if action in _HISTORY:
            return await run_in_threadpool(self._history, request, stem, path, action, form)
        return await run_in_threadpool(self._change, request, stem, path, action, form)

    def _change(self, request: Request, stem: str, path: str, action: str, form: dict) -> Response:
        from selvhjelp_cli.app.changes import CHANGES, Invalid
        from selvhjelp_cli.core.files import ChangedSinceShown
        from selvhjelp_cli.editing import history
        from selvhjelp_cli.editing.editor import edit
        from selvhjelp_cli.groupfile.loader import load_group

        tab, build, confirm = CHANGES[action]
        again: dict[str, Any] = {"failed": action, "values": form}
        today = self.site.today()
        try:
            group = load_group(path).group
            change, after = build(form, group, today)
            if confirm and form.get("confirm") != "ja":
                return self._confirm(request, stem, tab, action, form, group)
            said = edit(path, change, shown=form.get("shown") or "")
        except Invalid as invalid:
            return self.page(request, stem, path, tab, status=400, errors=invalid.errors, **again)
        except ChangedSinceShown as error:
            return self.page(request, stem, path, tab, status=409, general=error.message, **again)
        except UserError as error:
            return self.page(request, stem, path, tab, status=400, general=error.message, **again)
        follow = after(group) if after else None
        notice = Notice(said, stem=stem, undo=True)
        if follow is not None:
            notice.text += " " + follow.for_people
            notice.level = follow.severity
        if action == "participant/remove":
            removed = form.get("name", "")
            if history.holding(path, removed):
                notice.forget = removed
        return self._back(stem, tab, notice)

    def _back(self, stem: str, tab: str, notice: Notice) -> Response:
        from urllib.parse import quote

        key = self.site.notice(notice)
        where = f"/g/{quote(stem, safe='')}" + (f"/{tab}" if tab else "")
        return RedirectResponse(f"{where}?done={key}#melding", status_code=303)

    def _confirm(self, request: Request, stem: str, tab: str, action: str, form: dict, group) -> Response:
        """The second step of what cannot be undone lightly: say exactly what will happen, by name or date."""
        from selvhjelp_cli.core.dates import long_date
        from selvhjelp_cli.groupfile.answers import date as day

        if action == "participant/remove":
            question = _("Vil du fjerne «{name}» fra gruppefilen?").format(name=form.get("name", ""))
            detail = _("Fjern bare en som aldri skulle ha vært med. Den som slutter, registrerer du som sluttet, "
                       "så historien stemmer. Du kan angre fjerningen etterpå.")
            button = _("Ja, fjern «{name}»").format(name=form.get("name", ""))
        elif action == "group/end":
            when = long_date(day(form.get("date", ""), self.site.today()))
            question = _("Vil du registrere at {name} sluttet å møtes {day}?").format(name=group.name, day=when)
            detail = _("Da får gruppa ingen flere møter i planen. Filen blir liggende, og du kan angre, eller ta "
                       "sluttdatoen bort igjen senere.")
            button = _("Ja, gruppa sluttet {day}").format(day=when)
        else:
            question = _("Vil du slette hele historikken for angring?")
            detail = _("Da kan ingen av endringene som er gjort så langt, angres.")
            button = _("Ja, slett historikken")
        fields = {key: value for key, value in form.items() if key not in ("csrf", "confirm")}
        return self.site.render(request, "confirm.html.j2", stem=stem, name=group.name, question=question,
                                detail=detail, button=button, action=f"/g/{stem}/{action}", fields=fields,
                                back=f"/g/{stem}" + (f"/{tab}" if tab else ""))

    def _history(self, request: Request, stem: str, path: str, action: str, form: dict) -> Response:
        from selvhjelp_cli.core.files import ChangedSinceShown
        from selvhjelp_cli.editing import history
        from selvhjelp_cli.editing.participants import forgotten
        from selvhjelp_cli.groupfile.loader import load_group

        tab = form.get("back", "") if form.get("back", "") in ("", "participants", "meetings", "documents") else ""
        try:
            if action == "history/undo":
                notice = Notice(history.undo(path, shown=form.get("shown") or ""), stem=stem, undo=True)
            elif action == "history/clear":
                if form.get("confirm") != "ja":
                    return self._confirm(request, stem, tab, action, form, load_group(path).group)
                count = history.clear(path)
                notice = Notice(translate(_("Slettet historikken for angring ({count} tidligere utgaver).")).format(
                    count=count), stem=stem)
            else:
                name = " ".join(form.get("name", "").split())
                if not name:
                    return self.site.message(404, "missing")
                notice = Notice(forgotten(history.forget(path, name), name), stem=stem)
        except ChangedSinceShown as error:
            return self.page(request, stem, path, tab, status=409, general=error.message, failed=action, values=form)
        except UserError as error:
            return self.page(request, stem, path, tab, status=400, general=error.message, failed=action, values=form)
        return self._back(stem, tab, notice)

    # -- documents, the calendar and the status file -----------------------------

    async def choose_document(self, request: Request) -> Response:
        """The document form (GET, so it works without script) sends the person on to the document's address."""
        from urllib.parse import quote, urlencode

        from selvhjelp_cli.documents.contents import DOCUMENT_KINDS

        stem, path = self._path(request)
        query = request.query_params
        kind, output_format = query.get("kind", ""), query.get("format", "pdf")
        if path is None or kind not in DOCUMENT_KINDS or output_format not in _DOCUMENT_FORMATS:
            return self.site.message(404, "missing")
        kept = {key: query[key] for key in ("lang", "letterhead") if query.get(key)}
        tail = f"?{urlencode(kept)}" if kept else ""
        return RedirectResponse(f"/g/{quote(stem, safe='')}/{kind}.{output_format}{tail}", status_code=303)

    async def document(self, request: Request) -> Response:
        _stem, path = self._path(request)
        if path is None:
            return self.site.message(404, "missing")
        return await run_in_threadpool(self.make_document, request, path, request.path_params["kind"],
                                       request.path_params["format"], None)

    def make_document(self, request: Request, path: str | None, kind: str, output_format: str,
                      blank: int | None) -> Response:
        from selvhjelp_cli.core.language import parse_language
        from selvhjelp_cli.documents.contents import DOCUMENT_KINDS, document
        from selvhjelp_cli.documents.document import language_for
        from selvhjelp_cli.documents.letterhead import load_letterhead
        from selvhjelp_cli.documents.render import render_document
        from selvhjelp_cli.groupfile.loader import load_group

        if kind not in DOCUMENT_KINDS or output_format not in _DOCUMENT_FORMATS:
            return self.site.message(404, "missing")
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
                if office not in self.site.letterheads():
                    return self.site.message(404, "missing")
                letterhead = load_letterhead(os.path.join(self.site.folder, office))
            made = document(kind, group, language_for(group, chosen), self.site.today(), blank=blank)
            content = render_document(made, output_format, letterhead=letterhead, notes=[])
        except UserError as error:
            return self.site.failed(request, _("Kunne ikke lage dokumentet"), error.message)
        return download(content, _DOCUMENT_FORMATS[output_format], f"{made.file_stem}.{output_format}",
                        inline=output_format in ("pdf", "html"), policy=_DOCUMENT_POLICY)

    async def calendar(self, request: Request) -> Response:
        stem, path = self._path(request)
        if path is None:
            return self.site.message(404, "missing")
        return await run_in_threadpool(self._calendar, request, path, stem)

    def _calendar(self, request: Request, path: str, stem: str) -> Response:
        from selvhjelp_cli.calendar.meetings import listing, to_ics
        from selvhjelp_cli.documents.document import language_for
        from selvhjelp_cli.groupfile.loader import load_group

        try:
            group = load_group(path).group
        except UserError as error:
            return self.site.failed(request, _("Kunne ikke lage kalenderfilen"), error.message)
        today = self.site.today()
        meetings, _skipped = listing(group, today=today, until=max(self._until(request, group, today), today),
                                     include_cancelled=True)
        content = to_ics(group, meetings, stamp=datetime.now(UTC), language=language_for(group))
        return download(content, "text/calendar; charset=utf-8", f"{stem}.ics")

    async def status_file(self, request: Request) -> Response:
        stem, path = self._path(request)
        if path is None:
            return self.site.message(404, "missing")
        return await run_in_threadpool(self._status_file, request, path, stem)

    def _status_file(self, request: Request, path: str, stem: str) -> Response:
        from selvhjelp_cli.offices.status import make_status, status_file_name

        try:
            text = make_status(path, self.site.today())
        except UserError as error:
            return self.site.failed(request, _("Kunne ikke lage statusfilen"), error.message)
        return download(text, "application/json; charset=utf-8", os.path.basename(status_file_name(path)))
