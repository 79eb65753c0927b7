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
from selvhjelp_cli.core.i18n import _, ngettext
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
        both = join(_("«{names}»").format(names=names[i]) for i in (exact or starts))
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
    return _("La til «{name}» i gruppa.").format(name=name)


def offered_join_day(group, today: date) -> date | None:
    """The first meeting offered to someone added now: today, once the group has started (else its first meeting)."""
    return today if today > group.schedule.first_meeting else None


def age_notice(group, name: str, born: int | date | None, adult: bool | None, joined: date | None, today: date):
    """What `check` would say at once about a participant's age, as a Finding (rule adult), or None."""
    from selvhjelp_cli.groupfile.model import age_known_on
    from selvhjelp_cli.rules.findings import Finding

    starts = joined or group.schedule.first_meeting
    if (isinstance(born, int) and born > today.year) or (isinstance(born, date) and born > today):
        return Finding("adult", "warning", _("Fødselsåret for {name} er etter i dag. Sjekk det.").format(name=name))
    if age_known_on(born, True if adult else None, starts) is False:
        return Finding("adult", "error", _("{name} er under 18 år ved sitt første møte ({joined}). "
                                           "Alle deltakere må være "
                                           "voksne.").format(name=name, joined=short_date(starts)))
    return None


def sign(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if day < group.joined_on(person):
        raise UserError(_("{name} ble med {joined_on}, og underskriften kan ikke være eldre enn "
                          "det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    if person.left is not None and day > person.left:
        raise UserError(_("{name} sluttet {left} og kan ikke skrive under etter det.").format(
            name=person.name, left=short_date(person.left)))
    again = person.declaration_signed is not None
    file.set(("participants", index), "declaration_signed", day)
    if again:
        return _("{name} skrev under på nytt {day}.").format(name=person.name, day=short_date(day))
    return _("{name} skrev under {day}.").format(name=person.name, day=short_date(day))


def signing_day(group, today: date) -> date:
    """The day a signature form suggests: the first meeting until the group has started (a
    declaration is signed there), then today. Always a day the signature is accepted for."""
    return max(today, group.schedule.first_meeting)


def sign_all(file: GroupFile, day: date) -> str:
    """Everyone who takes part on that day and has not signed yet signed the declaration then
    (at the first meeting, say)."""
    group = file.group
    unsigned = [(i, p) for i, p in enumerate(group.participants) if p.declaration_signed is None
                and (p.left is None or p.left >= day)]
    ready = [(i, p) for i, p in unsigned if group.joined_on(p) <= day]
    if group.ended is not None and day > group.ended:
        raise UserError(_("Datoen ({day}) er etter at gruppa ble avsluttet ({ended}).").format(
            day=short_date(day), ended=short_date(group.ended)))
    if not ready:
        if not unsigned:
            raise UserError(_("Alle deltakerne har alt skrevet under."))
        first = min(group.joined_on(p) for _i, p in unsigned)
        raise UserError(_("Ingen kan skrive under {day}: De som ikke har skrevet under ennå, begynner {first}.").format(
            day=short_date(day), first=short_date(first)))
    for index, _person in ready:
        file.set(("participants", index), "declaration_signed", day)
    return ngettext("{names} skrev under {day}.", "{count} deltakere skrev under {day}: {names}.", len(ready)).format(
        count=len(ready), names=join(person.name for _i, person in ready), day=short_date(day))


# What a correction leaves as it is.
KEEP = object()


def edit_participant(file: GroupFile, name: str, *, new_name: str | None = None, born=KEEP, adult=KEEP,
                     joined=KEEP, signed=KEEP, left=KEEP) -> str:
    """Correct what the file says about a participant, with the same checks as adding.

    A value of None takes a date out (not signed, not left, the group's first meeting); a
    birth year replaces «18 or older» and the other way round. The person keeps their place."""
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    final_name = person.name if new_name is None else " ".join(new_name.split())
    if final_name.casefold() != person.name.casefold() and any(
            other.name.casefold() == final_name.casefold() for other in group.participants):
        raise UserError(_("Det finnes alt en deltaker som heter «{name}». Bruk et annet navn, for eksempel med "
                          "initial.").format(name=final_name))
    final_born = person.born if born is KEEP else born
    final_adult = person.adult if adult is KEEP else adult
    if born is not KEEP and born is not None and adult is KEEP:
        final_adult = None  # a birth year says it all
    if adult is True and born is KEEP:
        final_born = None  # «18 or older», and no age stored
    if born is not KEEP or adult is not KEEP:
        check_age(final_born, final_adult)
    final_joined = person.joined if joined is KEEP else joined
    if joined is not KEEP and joined is not None:
        within_groups_time(group, joined, _("Datoen deltakeren begynner"))
    starts = max(final_joined, group.schedule.first_meeting) if final_joined else group.schedule.first_meeting
    final_signed = person.declaration_signed if signed is KEEP else signed
    final_left = person.left if left is KEEP else left
    if final_signed is not None and final_signed < starts:
        raise UserError(_("Taushetserklæringen kan ikke være skrevet under ({signed}) før deltakeren begynner "
                          "({starts}).").format(signed=short_date(final_signed), starts=short_date(starts)))
    if final_left is not None and final_left < starts:
        raise UserError(_("{name} begynte {joined_on} og kan ikke slutte før det.").format(
            name=final_name, joined_on=short_date(starts)))
    if final_left is not None and final_signed is not None and final_signed > final_left:
        raise UserError(_("{name} sluttet {left} og kan ikke skrive under etter det.").format(
            name=final_name, left=short_date(final_left)))
    wanted = {"name": final_name, "born": final_born, "adult": True if final_adult else None,
              "joined": final_joined, "declaration_signed": final_signed, "left": final_left}
    now = {"name": person.name, "born": person.born, "adult": True if person.adult else None,
           "joined": person.joined, "declaration_signed": person.declaration_signed, "left": person.left}
    if person.adult is False and final_adult is None:
        now["adult"] = False  # `adult: false` goes, with the age it is replaced by
    told = []
    where = ("participants", index)
    for key, value in wanted.items():
        if value == now[key] and not (key == "adult" and now[key] is False):
            continue
        if value is None:
            file.unset(where, key)
        else:
            file.set(where, key, value)
        told.append(_corrected(key, value))
    if not told:
        raise UserError(_("Det er ingenting å rette: Gruppefilen sier det samme om «{name}» fra før.").format(
            name=person.name))
    return _("Rettet «{name}»: {changes}.").format(name=final_name, changes=join(t for t in told if t))


def _corrected(key: str, value) -> str:
    """One corrected fact, in words: «født 1999», «skrev under 14.1.2027», «ikke sluttet»."""
    if key == "name":
        return _("navnet er «{name}»").format(name=value)
    if key == "born":
        return _("født {born}").format(born=value if isinstance(value, int) else short_date(value)) if value else ""
    if key == "adult":
        return _("fylt 18 år") if value else ""
    if key == "joined":
        return _("første møte {day}").format(day=short_date(value)) if value else _("første møte er gruppas første")
    if key == "declaration_signed":
        return _("skrev under {day}").format(day=short_date(value)) if value else _("har ikke skrevet under")
    return _("sluttet {day}").format(day=short_date(value)) if value else _("har ikke sluttet")


def leave(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if person.left is not None:
        raise UserError(_("{name} sluttet alt {left}.").format(name=person.name, left=short_date(person.left)))
    if day < group.joined_on(person):
        raise UserError(_("{name} begynte {joined_on} og kan ikke slutte før "
                          "det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    file.set(("participants", index), "left", day)
    return _("{name} sluttet {day}.").format(name=person.name, day=short_date(day))


def remove_participant(file: GroupFile, name: str) -> str:
    """Someone added by mistake: gone from the file, as if never added (someone who stopped `leave`s)."""
    index = find_participant(file.group, name)
    person = file.group.participants[index]
    file.remove(("participants", index))
    return _("Fjernet «{name}» fra gruppefilen.").format(name=person.name)


def still_in_history(count: int, name: str) -> str:
    """What the person who removed someone should know: the name is still in the earlier versions."""
    return ngettext("«{name}» står fortsatt i {count} tidligere utgave av filen i angre-historikken, slik at "
                    "fjerningen kan angres.",
                    "«{name}» står fortsatt i {count} tidligere utgaver av filen i angre-historikken, slik at "
                    "fjerningen kan angres.", count).format(name=name, count=count)


def forgotten(count: int, name: str) -> str:
    return ngettext("«{name}» er tatt ut av angre-historikken ({count} tidligere utgave er slettet).",
                    "«{name}» er tatt ut av angre-historikken ({count} tidligere utgaver er slettet).",
                    count).format(name=name, count=count)
