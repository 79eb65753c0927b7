"""What happens to participants, as changes to the group file: they join, are
corrected, sign the declaration, leave, or are removed when added by mistake.

Each function checks the event against the group as the file describes it and
raises UserError (nothing written) if it does not fit; otherwise it changes the
file through editor.GroupFile, which validates again before writing, and
returns one sentence saying what changed. Both doors call these functions and
nothing else decides: the command line and the app give the same answer.
"""

from __future__ import annotations

import difflib
from datetime import date

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.errors import UserError, did_you_mean
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.core.words import join
from selvhjelp_cli.editing.editor import GroupFile
from selvhjelp_cli.editing.life import within_groups_time


def find_participant(group, name: str) -> int:
    """The index of the participant `name` means: the same name in any case, or a unique start of one."""
    wanted = " ".join(name.split()).casefold()
    names = [p.name for p in group.participants]
    exact = [i for i, n in enumerate(names) if n.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    starts = [i for i, n in enumerate(names) if n.casefold().startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    if len(exact) > 1 or len(starts) > 1:
        both = join((_("«{names}»").format(names=names[i]) for i in (exact or starts)))
        raise UserError(_("Flere deltakere passer: {both}. Skriv mer av navnet.").format(both=both))
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if not names:
        raise UserError(_("Gruppa har ingen deltakere ennå. Legg dem til med «selvhjelp participant add»."))
    raise UserError(_("Ingen deltaker heter «{name}».{suggestion}").format(name=name, suggestion=did_you_mean(close)))


def check_age(born: int | date | None, adult: bool | None) -> None:
    """Every participant must be 18 or older, so the file says so for each: a birth year
    or date, or that the person has turned 18 (nothing else stored). Never both."""
    if born is not None and adult:
        raise UserError(_("Oppgi enten fødselsår eller at personen er fylt 18 år, ikke begge."))
    if adult is False:
        raise UserError(_("Alle deltakere i en selvhjelpsgruppe må være fylt 18 år, så ingen er lagt til."))
    if born is None and not adult:
        raise UserError(_("Alle deltakere må være fylt 18 år. Oppgi fødselsåret, eller bekreft at personen er "
                          "fylt 18 år."))


def add_participant(file: GroupFile, name: str, *, born: int | date | None = None, adult: bool | None = None,
                    joined: date | None = None, signed: date | None = None, role: str | None = None) -> str:
    group = file.group
    name = " ".join(name.split())
    if any(p.name.casefold() == name.casefold() for p in group.participants):
        raise UserError(_("Det finnes alt en deltaker som heter «{name}». Bruk et annet navn, for eksempel med "
                          "initial.").format(name=name))
    check_age(born, adult)
    if joined is not None:
        within_groups_time(group, joined, _("Datoen deltakeren begynner"))
    starts = joined or group.schedule.first_meeting
    if signed is not None and signed < starts:
        raise UserError(_("Taushetserklæringen kan ikke være skrevet under ({signed}) før deltakeren begynner "
                        "({starts}).").format(signed=short_date(signed), starts=short_date(starts)))
    file.append("participants", entry=file.entry(name=name, born=born, adult=True if adult else None, joined=joined,
                                                 declaration_signed=signed, role=role))
    file.save()
    return _("La til «{name}» i gruppa.").format(name=name)


def offered_join_day(group, today: date) -> date | None:
    """The first meeting offered to someone added now: today, once the group has started (else its first meeting)."""
    return today if today > group.schedule.first_meeting else None


def age_notice(group, name: str, born: int | date | None, adult: bool | None, joined: date | None, today: date):
    """What `check` would say at once about a participant's age, as a Finding (rule adult), or None."""
    from types import SimpleNamespace

    from selvhjelp_cli.groupfile.model import adult_on
    from selvhjelp_cli.rules.findings import Finding

    starts = joined or group.schedule.first_meeting
    if isinstance(born, int) and born > today.year or isinstance(born, date) and born > today:
        return Finding("adult", "warning", _("Fødselsåret for {name} er etter i dag. Sjekk det.").format(name=name))
    if adult_on(SimpleNamespace(born=born, adult=True if adult else None), starts) is False:
        return Finding("adult", "error", _("{name} er under 18 år ved sitt første møte ({joined}). "
                                           "Alle deltakere må være voksne.").format(name=name, joined=short_date(starts)))
    return None


def sign(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if day < group.joined_on(person):
        raise UserError(_("{name} ble med {joined_on}, og underskriften kan ikke være eldre enn det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    if person.left is not None and day > person.left:
        raise UserError(_("{name} sluttet {left} og kan ikke skrive under etter det.").format(
            name=person.name, left=short_date(person.left)))
    again = person.declaration_signed is not None
    file.set(("participants", index), "declaration_signed", day)
    file.save()
    if again:
        return _("{name} skrev under på nytt {day}.").format(name=person.name, day=short_date(day))
    return _("{name} skrev under {day}.").format(name=person.name, day=short_date(day))


def leave(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if person.left is not None:
        raise UserError(_("{name} sluttet alt {left}.").format(name=person.name, left=short_date(person.left)))
    if day < group.joined_on(person):
        raise UserError(_("{name} begynte {joined_on} og kan ikke slutte før det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    file.set(("participants", index), "left", day)
    file.save()
    return _("{name} sluttet {day}.").format(name=person.name, day=short_date(day))


def remove_participant(file: GroupFile, name: str) -> str:
    """Someone added by mistake: gone from the file, as if never added (someone who stopped `leave`s)."""
    index = find_participant(file.group, name)
    person = file.group.participants[index]
    file.remove(("participants", index))
    file.save()
    return _("Fjernet «{name}» fra gruppefilen.").format(name=person.name)


