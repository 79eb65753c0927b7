"""A new group, in two steps that work without script: first who and where (and
whether the group meets in person or on video), then only what applies to that.
The answers go through the questions init-group asks, and the file is the same."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from selvhjelp_cli.app.pages import Notice
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _, translate

if TYPE_CHECKING:
    from selvhjelp_cli.app.pages import Site


def routes(site: Site) -> list[Route]:
    pages = NewGroup(site)
    return [Route("/new", pages.show, methods=["GET", "POST"])]


class NewGroup:
    def __init__(self, site: Site) -> None:
        self.site = site

    async def show(self, request: Request) -> Response:
        if request.method == "GET":
            return self.site.render(request, "new.html.j2", **self.context({}, {}, step=1))
        form = await self.site.form(request)
        return await run_in_threadpool(self._answer, request, form)

    def context(self, values: dict, errors: dict, *, step: int, general: str | None = None) -> dict:
        from selvhjelp_cli.editing.new import FIRST_STEP, QUESTIONS, field_name
        from selvhjelp_cli.places import registers

        fields = {field_name(q): q for q in QUESTIONS}
        first = {field_name(q) for q in QUESTIONS if q.key in FIRST_STEP} | {"digital"}
        counties = sorted(c.name for c in registers.counties() if c.era == "2024")
        municipalities = sorted({m.name for m in registers.municipalities().values() if not m.former})
        return {"fields": fields, "values": values, "errors": errors, "general": general, "counties": counties,
                "municipalities": municipalities, "translate": translate, "step": step,
                "digital": bool(values.get("digital")), "first_fields": sorted(first),
                "error_labels": {key: self._label(fields, key) for key in errors}}

    @staticmethod
    def _label(fields, key: str) -> str:
        """A field's name in the error summary: the question without «(valgfritt)» and examples."""
        question = fields.get(key)
        return translate(question.prompt).split(" (")[0] if question else key

    def _answer(self, request: Request, form: dict) -> Response:
        from selvhjelp_cli.editing.new import FIRST_STEP, answers_from_form, free_file_name, write_group_file

        today = self.site.today()
        step = 2 if form.get("step") == "2" else 1
        _first, errors = answers_from_form(form, today, only=FIRST_STEP)
        if errors:
            return self.site.render(request, "new.html.j2", 400, **self.context(form, errors, step=1))
        if step == 1:
            return self.site.render(request, "new.html.j2", **self.context(form, {}, step=2))
        answers, errors = answers_from_form(form, today)
        if errors:
            return self.site.render(request, "new.html.j2", 400, **self.context(form, errors, step=2))
        path = free_file_name(answers["name"], False, self.site.folder)
        try:
            write_group_file(path, answers, today=today, force=False)
        except UserError as error:
            return self.site.render(request, "new.html.j2", 400, **self.context(form, {}, step=2,
                                                                                 general=error.message))
        from urllib.parse import quote

        stem = self.site.stem_of(path) or ""  # a file it just wrote in its own folder always has one
        key = self.site.notice(Notice(_("Gruppefilen er laget: {file}. Legg til deltakerne her.").format(
            file=os.path.basename(path)), stem=stem))
        return RedirectResponse(f"/g/{quote(stem, safe='')}/participants?done={key}#melding", status_code=303)
