"""The folder's groups as an office sees them, the contact points, and the public list.

The list is the overview `check` makes of the folder – the same rows the
spreadsheet holds – sorted and filtered by the address (so it works without
script), with what needs following up said in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from selvhjelp_cli.app.pages import download
from selvhjelp_cli.core.i18n import N_, _, current, translate

if TYPE_CHECKING:
    from selvhjelp_cli.app.pages import Site

# The list's filters, as they read in the address (?vis=) and on the page.
FILTERS = {"alle": N_("Alle"), "oppfolging": N_("Må følges opp"), "planlagt": N_("Planlagt"),
           "i-gang": N_("I gang"), "opphold": N_("Opphold"), "avsluttet": N_("Avsluttet")}
PAGE_SIZE = 100
# The list answers within this many seconds; a folder still being read then shows how far it has come.
FIRST_ANSWER = 0.1
# A folder of this few files is read before the first answer, however long it takes (a starter's folder).
SMALL_FOLDER = 100
_FILTER_STATUS = {"planlagt": "planned", "i-gang": "running", "opphold": "paused", "avsluttet": "ended"}
# The columns the list can be sorted by (?sorter=), with what they sort on.
SORTS = {
    "gruppe": lambda row: (row.group or row.path).casefold(),
    "fylke": lambda row: (row.county or "").casefold(),
    "kontaktpunkt": lambda row: (row.office_name or "").casefold(),
    "aktive": lambda row: row.active if row.active is not None else -1,
    "neste": lambda row: row.next_meeting.toordinal() if row.next_meeting else 10**7,
    "status": lambda row: row.status,
    "feil": lambda row: (-row.errors, -row.warnings),
}
_PUBLISHED = {"html": "apne-grupper.html", "json": "apne-grupper.json"}


def routes(site: Site) -> list[Route]:
    pages = OfficePages(site)
    site.start_reading = pages.start_reading
    return [
        Route("/", pages.groups, methods=["GET"]),
        Route("/overview.xlsx", pages.spreadsheet, methods=["GET"]),
        Route("/progress", pages.progress, methods=["GET"]),
        Route("/find", pages.find, methods=["GET"]),
        Route("/publish", pages.publish, methods=["GET", "POST"]),
        Route("/declaration.{format}", pages.blank_declaration, methods=["GET"]),
    ]


class OfficePages:
    def __init__(self, site: Site) -> None:
        self.site = site
        # What the list made of one overview (its sorted lists, its pages), kept until the overview changes.
        self._kept_for: Any = None
        self._chosen_lists: dict[tuple[str, str], list] = {}
        self._pages: dict[tuple, str] = {}

    def start_reading(self) -> None:
        """Begin reading a starter's folder for the list, without waiting: the app does this while the browser
        starts, so the first page is ready, or well on its way, when the browser asks for it. A large folder
        is read from the first page on: a reading beside it would slow the page that says how far it has
        come, and a second or two ahead matters little in a reading of many seconds."""
        files = self.site.listing()
        if files is not None and len(files) <= SMALL_FOLDER:
            self._survey(files, 0, patient=False)

    def overview(self, wait: float | None = None):
        """The folder's group files (and status files), directly in it, as `check` sees them, with their rows:
        (run, rows, directory); None while a large folder is still being read after `wait` seconds.

        Kept while no file's size or time changed, so the list is quick to show again; the day counts too
        (a meeting passes), and the directory (an office drops its list into the folder)."""
        return self._survey(self.site.listing(), wait)

    def _survey(self, files: list[tuple[str, int, int]] | None, wait: float | None, *, patient: bool = True):
        from selvhjelp_cli.app.templates import environment

        environment()  # the templates ready before a long reading begins beside the page
        today = self.site.today()
        key = (today, current(), None if files is None else tuple(files), self.site.directory_stamp())

        def make(progress):
            # Which file is the office's directory is part of the reading: it means looking into every file.
            return self._make(today, files, self.site.directory(files or []), progress)

        total = len(files or ())
        value, (_done, total) = self.site.survey.get(key, total, make, wait=wait)
        if value is None and patient and total <= SMALL_FOLDER:
            value, _progress = self.site.survey.get(key, total, make, wait=None)
        return value

    def _make(self, today, files, directory, progress):
        from selvhjelp_cli.offices.overview import row
        from selvhjelp_cli.rules.checker import check_folder

        # A file's result holds for its version, on this day, in this language: only changed files are
        # read again (a folder of thousands, one file saved); on a new day or in another language only the
        # rules run again. Only the survey's one thread comes here.
        day = (today, current())
        known = self.site.known
        if known.get("day") != day or len(known) > 100_000:
            known.clear()
            known["day"] = day
        groups = self.site.groups
        run = check_folder(self.site.folder, today, files, known=known, groups=groups, progress=progress)
        for gone in groups.keys() - set(files or ()):  # versions of files since changed or removed
            del groups[gone]
        table = []
        for result in run.files:  # a row holds for its file's result, on this day, with this directory
            held = known.get(("row", id(result)))
            if held is None or held[0] is not result or held[1] is not directory:
                held = (result, directory, row(result, today, directory))
                known[("row", id(result))] = held
            table.append(held[2])
        return run, table, directory

    async def groups(self, request: Request) -> HTMLResponse:
        found = await run_in_threadpool(self.overview, FIRST_ANSWER)
        if found is None:
            done, total, _finished = self.site.survey.progress()
            # «See whether the list is ready» asks for the same list again: the same filter, order and page.
            again = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return self.site.render(request, "reading.html.j2", done=done, total=total, again=again)
        run, table, directory = found
        if self._kept_for is not found or len(self._pages) > 64:
            self._kept_for, self._chosen_lists, self._pages = found, {}, {}
        shown = request.query_params.get("vis", "alle")
        shown = shown if shown in FILTERS else "alle"
        order = request.query_params.get("sorter", "gruppe")
        order = order if order in SORTS else "gruppe"
        pairs = self._chosen(run, table, shown, order)
        # A national folder holds thousands: a page of them at a time, so the list comes at once.
        pages = max(1, -(-len(pairs) // PAGE_SIZE))
        asked = request.query_params.get("side", "1")
        wanted = asked.isascii() and asked.isdigit() and 0 < len(asked) < 7 and int(asked) > 0
        page = min(int(asked), pages) if wanted else 1
        # The same overview, asked the same way, is the same page: kept, so a warm list is not rendered again.
        key = (shown, order, page, current())
        if key not in self._pages:
            first = (page - 1) * PAGE_SIZE
            entries = [self._entry(result, row) for result, row in pairs[first:first + PAGE_SIZE]]
            counts = {"oppfolging": len(self._chosen(run, table, "oppfolging", order))}
            self._pages[key] = self.site.page(
                "groups.html.j2", here=request.url.path, entries=entries, total=len(table), notice=None,
                filters=FILTERS, shown=shown, order=order, counts=counts, matching=len(pairs), page=page, pages=pages,
                first=first + 1, last=first + len(entries), closed_offices=any(r.office_closed for r in table),
                directory=directory)
        return HTMLResponse(self._pages[key])

    def _chosen(self, run, table, shown: str, order: str) -> list:
        """The (result, row) pairs a filter shows, in the order asked: kept with the overview's pages (groups()
        starts afresh when the overview changes), so paging through thousands does not sort them again."""
        key = (shown, order)
        if key not in self._chosen_lists:
            pairs = list(zip(run.files, table, strict=True))
            if shown == "oppfolging":
                pairs = [(result, row) for result, row in pairs if row.needs_follow_up]
            elif shown in _FILTER_STATUS:
                pairs = [(result, row) for result, row in pairs if row.status == _FILTER_STATUS[shown]]
            pairs.sort(key=lambda pair: SORTS[order](pair[1]))
            self._chosen_lists[key] = pairs
        return self._chosen_lists[key]

    async def progress(self, request: Request) -> Response:
        """How far the reading of the folder has come, for the reading page's script."""
        from starlette.responses import JSONResponse

        done, total, finished = self.site.survey.progress()
        return JSONResponse({"done": done, "total": total, "finished": finished,
                             "text": reading_text(done, total)})

    def _entry(self, result, row) -> dict[str, Any]:
        from selvhjelp_cli.calendar.meetings import STATUS_WORDS
        from selvhjelp_cli.offices.spreadsheet import office_cell

        state = _("ugyldig fil") if row.status == "invalid" else translate(STATUS_WORDS[row.status])
        return {"row": row, "stem": self.site.stem_of(result.path), "file": self.site.relative(result.path),
                "problems": [] if result.valid else result.findings, "state": state, "office": office_cell(row),
                "follow_up": row.follow_up_words()}

    async def spreadsheet(self, request: Request) -> Response:
        def make() -> bytes:
            from selvhjelp_cli.offices.spreadsheet import overview_xlsx

            _run, table, _directory = self.overview()
            return overview_xlsx(table)

        content = await run_in_threadpool(make)
        return download(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        _("oversikt") + ".xlsx")

    # -- who covers a place ----------------------------------------------------------

    async def find(self, request: Request) -> HTMLResponse:
        return await run_in_threadpool(self._find, request, request.query_params.get("place", ""))

    def _find(self, request: Request, place: str) -> HTMLResponse:
        from selvhjelp_cli.places.resolver import resolve

        directory = self.site.directory()
        result = resolve(directory, "place", place) if place.strip() else None
        return self.site.render(request, "find.html.j2", place=place, result=result, directory=directory)

    # -- the public list -------------------------------------------------------------

    async def publish(self, request: Request) -> Response:
        form = await self.site.form(request) if request.method == "POST" else None
        return await run_in_threadpool(self._publish, request, form)

    def _publish(self, request: Request, form: dict | None) -> Response:
        from selvhjelp_cli.app.page_data import publish_view
        from selvhjelp_cli.offices import publish as listing

        run, _table, directory = self.overview()
        today = self.site.today()
        selection = listing.select(run, directory)
        if form is not None:
            kind = form.get("format", "")
            if kind not in _PUBLISHED:
                return self.site.message(404, "missing")
            # Handed to the browser to save where the person chooses: never into the folder with the names.
            if kind == "json":
                return download(listing.to_json(selection), "application/json; charset=utf-8", _PUBLISHED[kind])
            return download(listing.to_html(selection, today, directory), "text/html; charset=utf-8",
                            _PUBLISHED[kind])
        return self.site.render(request, "publish.html.j2", view=publish_view(selection), published=_PUBLISHED)

    async def blank_declaration(self, request: Request) -> Response:
        from selvhjelp_cli.app.group_pages import GroupPages
        from selvhjelp_cli.documents.contents import BLANK_COPIES

        raw = request.query_params.get("blank", "8").strip()
        low, high = BLANK_COPIES
        if not raw.isdigit() or not low <= int(raw) <= high:  # as the command line refuses --blank
            return self.site.failed(request, _("Kunne ikke lage dokumentet"),
                                    _("Skriv et helt tall fra {low} til {high}.").format(low=low, high=high))
        return await run_in_threadpool(GroupPages(self.site).make_document, request, None, "declaration",
                                       request.path_params["format"], int(raw))


def reading_text(done: int, total: int) -> str:
    from selvhjelp_cli.core.words import digits

    return _("{done} av {total} filer er lest.").format(done=digits(done), total=digits(total))
