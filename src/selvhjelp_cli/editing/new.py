"""From nothing to a valid, commented group file: questions, flags, the file.

Each question has one parser (groupfile/answers.py) that turns what the user
typed into a value or raises ValueError with a short reason. Flags, prompts and
the app's form go through the same parsers, so a value is checked the same way
however it is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Any

from selvhjelp_cli.core.dates import long_date
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.core.language import parse_language
from selvhjelp_cli.groupfile import answers as parsers


def choices(question: Question, answers: dict) -> list[str]:
    """What `?` lists at a prompt."""
    from selvhjelp_cli.places import districts, registers

    if question.key == "county":
        return sorted(c.name for c in registers.counties() if c.era == "2024")
    if question.key == "municipality":
        counties = districts.find_county(answers.get("county") or "")
        wanted = {counties[0].number} if counties and counties[0].era == "2024" else None
        return sorted(m.name for m in registers.municipalities().values() if wanted is None or m.county in wanted)
    if question.key == "mode":
        return [_("f (fysisk)"), _("d (digital)")]
    if question.key == "language":
        return [_("nb (bokmål)"), _("nn (nynorsk)"), _("en (engelsk)")]
    return []


def parser(question: Question, today: date, answers: dict | None = None):
    """The question's parser, with dates judged from `today` (--today, or the real one)
    and municipalities suggested from the county already answered."""
    if question.parse is parsers.date:
        return partial(parsers.date, today=today)
    if question.parse is parsers.municipality:
        return partial(parsers.municipality, county=(answers or {}).get("county"))
    return question.parse


@dataclass(frozen=True)
class Question:
    key: str
    flag: str
    prompt: str
    parse: Callable[[str], Any]
    default: str | None = None  # shown and used on an empty answer
    required: bool = False  # with --no-input, a missing flag is an error
    note: str | None = None  # a short reason shown before the question
    when: Callable[[dict], bool] = lambda answers: True

    def default_value(self) -> str | None:
        if self.key == "language" and self.default is None:
            from selvhjelp_cli.core.i18n import current

            return current()  # the documents' language follows the language the program speaks
        if self.key == "mode":
            return _(self.default) if self.default else ""  # a word the reader types: «f», «in person»
        return self.default


def _physical(answers: dict) -> bool:
    return answers.get("mode") == "physical"


def _digital(answers: dict) -> bool:
    return answers.get("mode") == "digital"


QUESTIONS = (
    Question("name", "--name", N_("Gruppas navn"), parsers.text, required=True),
    Question("theme", "--theme", N_("Tema (valgfritt)"), parsers.optional_text, default=""),
    Question("county", "--county", N_("Fylke"), parsers.county, required=True),
    Question("municipality", "--municipality", N_("Kommune (valgfritt)"), parsers.municipality, default=""),
    # TRANSLATORS: default: the suggested answer to «Fysisk eller digital gruppe?», a word the reader types.
    Question("mode", "--digital", N_("Fysisk eller digital gruppe? (f/d)"), parsers.mode, default=N_("f")),
    Question(
        "venue_name",
        "--venue",
        N_("Møtested"),
        parsers.text,
        required=True,
        when=_physical,
        note=N_("Frivilligsentraler, bibliotek og kommunale lokaler har ofte gratis rom."),
    ),
    Question(
        "venue_address", "--address", N_("Adresse (valgfritt)"), parsers.optional_text, default="", when=_physical
    ),
    Question(
        "platform", "--platform", N_("Videoverktøy (for eksempel Whereby)"), parsers.text, required=True, when=_digital
    ),
    Question("url", "--url", N_("Lenke til møterommet (valgfritt)"), parsers.optional_text, default="", when=_digital),
    Question(
        "first_meeting",
        "--first-meeting",
        N_("Dato for første møte (for eksempel 7.1.2027)"),
        parsers.date,
        required=True,
    ),
    Question("start", "--start", N_("Klokkeslett"), parsers.clock, default="18:00"),
    Question(
        "duration",
        "--duration",
        N_("Lengde i minutter"),
        parsers.number("duration_minutes"),
        default="120",
        note=N_("Det anbefales to timer. Da får alle tid, og møtet blir forutsigbart."),
    ),
    Question(
        "break_minutes",
        "--break",
        N_("Pause i minutter"),
        parsers.number("break_minutes"),
        default="15",
        note=N_("En pause midt i møtet gir hvile fra samtalen."),
    ),
    Question(
        "every_weeks",
        "--every-weeks",
        N_("Hvor mange uker skal det gå mellom møtene?"),
        parsers.number("every_weeks"),
        default="1",
        note=N_("Det anbefales å møtes hver uke, særlig i starten; senere er annenhver uke vanlig."),
    ),
    Question("starter_name", "--starter", N_("Igangsetterens navn (valgfritt)"), parsers.optional_text, default=""),
    Question(
        "starter_contact",
        "--starter-contact",
        N_("Igangsetterens telefon eller e-post (valgfritt)"),
        parsers.optional_text,
        default="",
        when=lambda a: bool(a.get("starter_name")),
    ),
    Question(
        "starter_meetings",
        "--starter-meetings",
        N_("Hvor mange av de første møtene er igangsetteren med på?"),
        parsers.number("meetings", "Starter"),
        default="3",
        when=lambda a: bool(a.get("starter_name")),
        note=N_("En igangsetter er vanligvis med på 2–5 møter og trekker seg så ut."),
    ),
    Question(
        "language", "--language", N_("Språk for utskrifter og kommentarene i filen (nb, nn eller en)"), parse_language
    ),
)

Ask = Callable[[Question, dict], Any]


def given(*, digital: bool = False, **flags: str | None) -> dict[str, str | None]:
    """The answers a command line gives, as raw text keyed by question: `--venue` makes a
    physical group, `--digital`, `--platform` or `--url` a digital one, and never both."""
    venue = flags.get("venue_name")
    online = digital or flags.get("platform") is not None or flags.get("url") is not None
    if venue is not None and (digital or flags.get("platform") is not None):
        raise UserError(_("Velg enten --venue (fysisk gruppe) eller --digital med --platform."))
    mode = "d" if online else ("f" if venue is not None else None)
    return {**flags, "mode": mode}


def collect(given: dict[str, str | None], ask: Ask | None, today: date | None = None) -> dict[str, Any]:
    """Answers from flags (`given`, raw text) and, for the rest, from `ask`.

    Without `ask` (--no-input), a required value no flag gave is a UserError
    naming the flag to use. Where two offices share the county, the
    municipality decides which, so it is required then.
    """
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        if not question.when(answers):
            continue
        raw = given.get(question.key)
        if question.key == "county" and raw is None and ask is None:
            raw = county_of(given.get("municipality"))  # Haugesund says Rogaland: no need to ask
        if question.key == "municipality" and raw is None and _shared(answers.get("county")):
            question = replace(question, prompt=N_("Kommune"), default=None, required=True,
                               note=N_("Fylket deles mellom flere kontorer; kommunen avgjør hvilket."))
        if raw is not None:
            try:
                answers[question.key] = parser(question, today or date.today(), answers)(raw)
            except ValueError as error:
                raise UserError(f"{question.flag}: {error}") from None
        elif ask is not None:
            answers[question.key] = ask(question, answers)
            while question.required and not answers[question.key]:
                answers[question.key] = ask(question, answers)
        elif question.required:
            reason = _(" Fylket deles mellom flere kontorer, og kommunen avgjør hvilket.") if question.key == \
                "municipality" else ""
            raise UserError(_("Mangler {flag}.{reason} Med --no-input må den oppgis som "
                              "valg.").format(flag=question.flag, reason=reason))
        else:
            answers[question.key] = question.parse(question.default_value() or "")
    return answers


def field_name(question: Question) -> str:
    """The question's field in the app's form: its option without the dashes («first-meeting»)."""
    return question.flag[2:]


# The new-group form's first step: who and where; the second asks only what applies to that.
FIRST_STEP = ("name", "theme", "county", "municipality", "mode")


def county_of(municipality: str | None) -> str | None:
    """The county a municipality lies in today, when its name says so without doubt; else None."""
    if not municipality or not municipality.strip():
        return None
    from selvhjelp_cli.places import districts, registers

    found = [m for m in districts.find_municipality(municipality) if not m.former]
    return registers.county_2024(found[0].county).name if len(found) == 1 else None


def answers_from_form(given: dict[str, str], today: date,
                      only: tuple[str, ...] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """The answers a form gives (fields named as the options, see field_name), and for
    each field that is wrong the same message the questions give. `digital` is a
    checkbox: any value means a digital group. With `only`, just those questions."""
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in QUESTIONS:
        if not question.when(answers) or (only is not None and question.key not in only):
            continue
        field = field_name(question)
        raw = given.get(field) or ""
        if question.key == "mode":
            raw = "d" if raw.strip() else "f"
        if question.key == "county" and not raw.strip():
            raw = county_of(given.get("municipality")) or ""
        shared = question.key == "municipality" and _shared(answers.get("county"))
        if not raw.strip():
            if question.required or shared:
                errors[field] = _("Dette feltet må fylles ut.") + (
                    _(" Fylket deles mellom flere kontorer, og kommunen avgjør hvilket.") if shared else "")
                continue
            raw = question.default_value() or ""
        try:
            answers[question.key] = parser(question, today, answers)(raw)
        except ValueError as error:
            errors[field] = str(error)
    return answers, errors


def _shared(county: str | None) -> bool:
    if not county:
        return False
    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.places.resolver import resolve

    return len(resolve(active_directory(), "county", county).offices) > 1


def confirmation(question: Question, value: Any, today: date) -> str | None:
    """What to tell the user after an answer: the office, the weekday."""
    if question.key == "county":
        from selvhjelp_cli.places.directory import active_directory
        from selvhjelp_cli.places.resolver import office_sentence, resolve

        directory = active_directory()
        return office_sentence(directory, resolve(directory, "county", value).offices, place=value)
    if question.key == "first_meeting":
        ahead = "" if value >= today else _(" Datoen har passert.")
        return _("Det er {value}.{ahead}").format(value=long_date(value), ahead=ahead)
    return None


_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


def free_file_name(name: str, force: bool, folder: str = "") -> str:
    """The default file name from the group name (in `folder`); never one that exists (unless --force)."""
    from selvhjelp_cli.core.files import slug

    base = slug(name)
    if base in _DEVICE_NAMES:
        base += "-gruppe"  # Windows keeps these names for devices, whatever the extension: «con.yaml» is no file
    candidate = os.path.join(folder, f"{base}.yaml")
    number = 2
    while os.path.exists(candidate) and not force:
        candidate = os.path.join(folder, f"{base}-{number}.yaml")
        number += 1
    return candidate


def render_group_file(answers: dict[str, Any], file_name: str, today: date) -> str:
    from selvhjelp_cli.documents.render import render_text

    context = {q.key: answers.get(q.key) for q in QUESTIONS}
    context.update(
        # TT:MM whoever writes the file (init-group, the app, meeting move): one time format.
        start=f"{answers['start'].hour:02d}:{answers['start'].minute:02d}",
        file_name=os.path.basename(file_name),
    )
    from selvhjelp_cli.core.i18n import current, in_language

    # The comments, and the dates in them, are in the language the file is
    # written for (the answer or --language); the keys stay English.
    with in_language(answers.get("language") or current()):
        context["first_meeting_long"] = long_date(answers["first_meeting"])
        context["created"] = long_date(today)
        return render_text("group.yaml.j2", **context)


def write_group_file(path: str, answers: dict[str, Any], *, today: date, force: bool) -> None:
    """Render, prove the result loads as a valid group file, then write it (0600)."""
    from selvhjelp_cli.core.files import write_output
    from selvhjelp_cli.core.source import parse
    from selvhjelp_cli.groupfile.validation import validate

    text = render_group_file(answers, path, today)
    data, source = parse(text, path)
    validate(data, source)  # a template bug must never produce a file check rejects
    write_output(path, text, force=force, private=True)
