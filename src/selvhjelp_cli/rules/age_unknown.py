"""Warn when a participant's age cannot be settled from the file."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.groupfile.model import adult_on
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "age-unknown"
SEVERITY: Severity = "warning"
REQUIREMENT = True  # it checks the 18-year requirement, which no group can set aside
SUMMARY = N_("Filen viser ikke om en deltaker har fylt 18 år.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("alder ikke oppgitt")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Kravet om at alle skal ha fylt 18 år, kan bare sjekkes når det står noe om alderen. Skriv fødselsåret "
         "eller fødselsdatoen, eller kryss av for at personen har fylt 18 år hvis dere ikke vil lagre alderen. Et "
         "fødselsår er ikke nok når personen fyller 18 samme år som hun eller han begynner.")
EXPLANATION = N_("""\
Kravet om at alle deltakere skal ha fylt 18 år, kan bare sjekkes når filen sier noe
om alder. Skriv fødselsåret («born: 1984»), hele fødselsdatoen («born: 1984-05-17»),
eller bare «adult: true» hvis dere ikke vil lagre alder i det hele tatt.

Et fødselsår er ikke nok når deltakeren fyller 18 samme år som hun eller han begynner
i gruppa. Da trengs fødselsdatoen eller «adult: true». Dette er et krav og kan ikke
velges bort.
""")


EXAMPLES = (
    Example('participants:\n  - {name: Ada}\n', ("warning",),
            says="Filen sier ikke om Ada har fylt 18 år. Legg til «born» (fødselsår) eller «adult: true»."),
    Example('participants:\n  - {name: Ada, born: 2009}\n', ("warning",),
            says="Fødselsåret alene viser ikke om Ada har fylt 18 år ved sitt første møte (7.1.2027)."),
    Example('participants:\n  - {name: Ada, born: 2008}\n'),
    Example('participants:\n  - {name: Ada, born: 2010}\n'),  # certainly under 18: that is the adult rule's finding
    Example('participants:\n  - {name: Ada, born: 2009, adult: true}\n'),
    Example('participants:\n  - {name: Ada, adult: true}\n'),
    Example('participants:\n  - {name: Ada, born: 2009-12-31}\n'),
    Example('participants:\n  - {name: Ada, left: 2027-02-28}\n'),
)


def check(ctx: Context) -> Iterator[Finding]:
    for index, person in ctx.active():
        joined = ctx.group.joined_on(person)
        if adult_on(person, joined) is not None:
            continue
        if person.born is None:
            message = (_("Filen sier ikke om {name} har fylt 18 år. "
                       "Legg til «born» (fødselsår) eller «adult: true».").format(name=person.name))
            plain = _("Det står ikke om {name} har fylt 18 år. Skriv fødselsåret, eller kryss av for at personen "
                      "har fylt 18 år.").format(name=person.name)
            line = ctx.line("participants", index)
        else:
            message = (_("Fødselsåret alene viser ikke om {name} har fylt 18 år ved sitt første møte "
                       "({joined}). Oppgi hele fødselsdatoen eller «adult: "
                       "true».").format(name=person.name, joined=short_date(joined)))
            plain = _("Fødselsåret alene viser ikke om {name} har fylt 18 år ved sitt første møte ({joined}). Skriv "
                      "hele fødselsdatoen, eller kryss av for at personen har fylt 18 år.").format(
                name=person.name, joined=short_date(joined))
            line = ctx.line("participants", index, "born")
        yield Finding(ID, SEVERITY, message, line=line, plain=plain, who=person.name)
