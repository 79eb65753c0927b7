"""The overview an office keeps of its groups: one row per group file.

Where, which office, how many take part, when the next meeting is and how the
group is doing – never who takes part. The text table, the JSON entries and
the CSV file of `check` all come from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from selvhjelp_cli.core.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from selvhjelp_cli.places.contacts import Directory
    from selvhjelp_cli.rules.checker import CheckRun, FileResult

STATUSES = ("planned", "running", "paused", "ended")
CSV_COLUMNS = ("path", "group", "county", "office", "mode", "active", "next_meeting", "status", "errors", "warnings")


@dataclass(frozen=True)
class Row:
    path: str
    group: str | None
    county: str | None  # the county's name today
    office: str | None  # the office's id in the directory
    office_name: str | None
    mode: str | None
    active: int | None
    next_meeting: date | None
    status: str  # one of STATUSES, or "invalid" for a file that could not be read
    errors: int
    warnings: int
    office_closed: bool = False  # the office is one of the district offices of 2019, closed in 2023
    # The rules that need following up (errors first, then warnings no decision covers), by id.
    follow_up: tuple[str, ...] = ()
    reported: date | None = None  # for a group known from its status file: the day the file was made

    def fields(self) -> dict:
        """The overview fields of a JSON file entry."""
        document = {"county": self.county, "office": self.office, "mode": self.mode, "active": self.active,
                    "next_meeting": self.next_meeting.isoformat() if self.next_meeting else None,
                    "status": self.status, "office_closed": self.office_closed, "follow_up": list(self.follow_up)}
        if self.reported is not None:
            document["source"] = "status-file"
            document["reported"] = self.reported.isoformat()
        return document

    @property
    def needs_follow_up(self) -> bool:
        return self.status == "invalid" or bool(self.errors or self.warnings)

    def follow_up_words(self) -> list[str]:
        """What needs following up, in words: the rules' titles («under 18», «leder», «betaling» …)."""
        from selvhjelp_cli.core.i18n import translate
        from selvhjelp_cli.rules import get_rule

        return [translate(rule.TITLE) for rule in map(get_rule, self.follow_up) if rule is not None]

    def csv_values(self) -> list[str]:
        values = [self.path, self.group, self.county, self.office, self.mode, self.active,
                  self.next_meeting.isoformat() if self.next_meeting else None, self.status, self.errors,
                  self.warnings]
        return ["" if v is None else str(v) for v in values]


def row(result: FileResult, today: date, directory: Directory) -> Row:
    from selvhjelp_cli.calendar.meetings import next_meeting, status
    from selvhjelp_cli.places.resolver import offices_for_group

    errors, warnings = result.count("error"), result.count("warning")
    if not result.valid:
        return Row(result.path, None, None, None, None, None, None, None, "invalid", errors, warnings)
    follow_up = tuple(dict.fromkeys(
        f.rule for severity in ("error", "warning") for f in result.findings
        if f.severity == severity and not f.acknowledged and f.rule != "invalid"))
    if result.status is not None:
        reported = result.status.group
        offices = offices_for_group(directory, reported.county, reported.municipality)
        return Row(result.path, reported.name, today_county(reported.county, reported.municipality),
                   offices[0].id if offices else None, offices[0].office if offices else None, reported.mode,
                   result.status.counts.active, reported.next_meeting, reported.status, errors, warnings,
                   office_closed=bool(offices) and directory.builtin, follow_up=follow_up,
                   reported=result.status.made)
    group = result.group
    offices = offices_for_group(directory, group.county, group.municipality)
    state = status(group, today)
    upcoming = next_meeting(group, today) if state != "ended" else None
    return Row(result.path, group.name, today_county(group.county, group.municipality),
               offices[0].id if offices else None, offices[0].office if offices else None, group.mode,
               len(group.active_participants(today)), upcoming, state, errors, warnings,
               office_closed=bool(offices) and directory.builtin, follow_up=follow_up)


def today_county(given: str, municipality: str | None) -> str:
    """A county as it is named today: an older name becomes the county its municipality lies in now."""
    from selvhjelp_cli.places import districts, registers

    found = districts.find_county(given)
    county = found[0].name if found else given
    if found and found[0].era != "2024" and municipality:
        # An older county name is shown as the county the municipality lies in today.
        places = districts.find_municipality(municipality)
        if len(places) == 1 and not places[0].former:
            county = registers.county_2024(places[0].county).name
    elif found and found[0].era != "2024":
        # Hordaland is Vestland today; Viken, split three ways, stays Viken.
        from collections import Counter

        now = Counter(registers.county_2024(registers.municipalities()[n].county).name
                      for n in registers.county_municipalities(found[0]))
        name, count = now.most_common(1)[0]
        county = name if count >= 0.9 * sum(now.values()) else county
    return county


def rows(run: CheckRun, directory: Directory) -> list[Row]:
    return [row(result, run.today, directory) for result in run.files]


def survey(paths: list[str], today: date, directory: Callable[[], Directory], *, office: str | None = None,
           with_rows: bool | str = True) -> tuple[CheckRun, list[Row]]:
    """Every group file in the paths checked, with its overview row (only the office's, with `office`).

    `directory` gives the directory when rows need it (the check of one file never does: the offices'
    data is not even loaded). `with_rows` may be "several": rows only when there is more than one file."""
    from selvhjelp_cli.rules.checker import check_paths

    run = check_paths(paths, today)
    wanted = with_rows is True or office is not None or (with_rows == "several" and len(run.files) > 1)
    table = rows(run, directory()) if wanted else []
    if office is not None:
        run, table = keep_office(run, table, directory(), office)
    return run, table


def keep_office(run: CheckRun, table: list[Row], directory: Directory, office: str):
    """Only the groups whose office is `office` (an id in the directory)."""
    from dataclasses import replace

    from selvhjelp_cli.core.errors import UserError, did_you_mean

    # Ids are matched in any case: «Sandnes» and «sandnes» are the same office.
    known = {c.id.casefold(): c.id for c in directory.contacts}
    office = known.get(office.casefold(), office)
    if directory.contact(office) is None:
        import difflib

        ids = [c.id for c in directory.contacts]
        close = difflib.get_close_matches(office, ids, n=3, cutoff=0.5)
        shown = office if len(office) <= 40 else office[:40] + "…"
        raise UserError(_("Det finnes ikke noe kontor med id-en «{shown}» i katalogen.{suggestion} "
                        "Se «selvhjelp find-district --all».").format(shown=shown, suggestion=did_you_mean(close)))
    kept = [(result, row) for result, row in zip(run.files, table, strict=True) if row.office == office]
    return replace(run, files=[result for result, _unused in kept]), [row for _unused, row in kept]


def strict_reason(run: CheckRun) -> str | None:
    """Why --strict failed when there are no errors: the warnings no one has set aside."""
    if any(result.count("error") or not result.valid for result in run.files):
        return None
    warnings = sum(result.count("warning") for result in run.files)
    if not warnings:
        return None
    return ngettext("Avslutter med kode 1 fordi du brukte --strict, og det er én advarsel som gruppa ikke har "
                    "bestemt noe om. Rett den, eller legg inn gruppas beslutning («selvhjelp decision add»).",
                    "Avslutter med kode 1 fordi du brukte --strict, og det er {count} advarsler som gruppa ikke har "
                    "bestemt noe om. Rett dem, eller legg inn gruppas beslutning («selvhjelp decision add»).",
                    warnings).format(count=warnings)
