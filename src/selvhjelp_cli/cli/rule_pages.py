"""`selvhjelp rules`: the table of rules, or one rule explained."""

from __future__ import annotations

from selvhjelp_cli.cli.console import make_console, printable
from selvhjelp_cli.core.errors import UserError, did_you_mean
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import SEVERITY_LABEL

_SEVERITY_TITLE = {"error": N_("krav (feil)"), "warning": N_("anbefaling (advarsel)"), "info": N_("info")}


def print_rules() -> None:
    from rich.table import Table

    from selvhjelp_cli.rules import all_rules

    table = Table(title=_("Reglene som «selvhjelp check» bruker"), title_justify="left")
    table.add_column(_("Regel"), no_wrap=True)
    table.add_column(_("Type"), no_wrap=True)
    table.add_column(_("Slår ut når"))
    for rule in all_rules():
        table.add_row(rule.ID, _(SEVERITY_LABEL[rule.SEVERITY]), _(rule.SUMMARY))
    console = make_console()
    console.print(table)
    console.print(_("Skriv «selvhjelp rules REGEL» for å se hvorfor rammene sier det de sier."))


def print_rule(rule_id: str) -> None:
    import difflib

    from rich.text import Text

    from selvhjelp_cli.rules import RULE_IDS, get_rule, is_requirement

    rule = get_rule(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, RULE_IDS, n=1)
        hint = did_you_mean(close) or _(" Se «selvhjelp rules» for alle reglene.")
        raise UserError(_("Det finnes ingen regel som heter "
                          "«{rule_id}».{hint}").format(rule_id=printable(rule_id), hint=hint))
    console = make_console()
    title = (
        _("krav (advarsel)")
        if is_requirement(rule) and rule.SEVERITY == "warning"
        else _(_SEVERITY_TITLE[rule.SEVERITY])
    )
    console.print(Text(f"{rule.ID} – {title}", style="bold"))
    console.print(Text(_(rule.SUMMARY)))
    console.print()
    # The explanation is wrapped in the source; the terminal wraps it again at its own width.
    paragraphs = _(rule.EXPLANATION).strip().split("\n\n")
    console.print(Text("\n\n".join(" ".join(p.split()) for p in paragraphs)))
    if rule.SEVERITY == "warning" and not is_requirement(rule):
        console.print()
        if rule.ID == "closed-group":
            console.print(Text(_("Har gruppa bestemt sammen å ta inn nye deltakere, skriv det under «decisions» med "
                               "«rule: closed-group», datoen og en kort merknad.")))
        else:
            console.print(Text(_("Har gruppa sammen bestemt å gjøre det annerledes, skriv det under «decisions» "
                               "med «rule: {ID}», datoen og en kort merknad.").format(ID=rule.ID)))
