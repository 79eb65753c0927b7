"""Plain data from a group file into the typed model, with pydantic's errors
told in Norwegian: one problem per error, each at the line of its key or value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.errors import InvalidFile, Problem, did_you_mean
from selvhjelp_cli.core.i18n import N_, _, ngettext, translate
from selvhjelp_cli.core.source import Path_, SourceMap, unknown_key_message
from selvhjelp_cli.core.words import digits

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

# The keys are English; people who write by hand often use the Norwegian word.
_NORWEGIAN_KEYS = {
    "navn": "name",
    "tema": "theme",
    "språk": "language",
    "sprak": "language",
    "fylke": "county",
    "kommune": "municipality",
    "form": "mode",
    "møtested": "venue",
    "motested": "venue",
    "sted": "venue",
    "adresse": "address",
    "plattform": "platform",
    "lenke": "url",
    "møteplan": "schedule",
    "plan": "schedule",
    "første_møte": "first_meeting",
    "forste_mote": "first_meeting",
    "start": "start",
    "lengde": "duration_minutes",
    "pause": "break_minutes",
    "hver_uke": "every_weeks",
    "lukket": "closed",
    "pris": "fee_nok",
    "egenandel": "fee_nok",
    "igangsettere": "starters",
    "igangsetjarar": "starters",
    "deltakere": "participants",
    "deltakarar": "participants",
    "født": "born",
    "fodt": "born",
    "fødselsår": "born",
    "voksen": "adult",
    "begynte": "joined",
    "signert": "declaration_signed",
    "sluttet": "left",
    "slutta": "left",
    "rolle": "role",
    "beslutninger": "decisions",
    "vedtak": "decisions",
    "regel": "rule",
    "dato": "date",
    "merknad": "note",
    "kontakt": "contact",
    "møter": "meetings",
    "organisasjon": "organisation",
    "avlyst": "cancelled",
    "flyttet": "moved",
    "pauser": "pauses",
    "avsluttet": "ended",
}

_LIST_NOUNS = {"participants": N_("deltaker nr. {number}"), "starters": N_("igangsetter nr. {number}"),
               "decisions": N_("beslutning nr. {number}")}

_TYPE_MESSAGES = {
    "int_parsing": N_("{key} må være et helt tall."),
    "int_type": N_("{key} må være et helt tall."),
    "int_from_float": N_("{key} må være et helt tall."),
    "greater_than_equal": N_("{key} må være minst {ge}."),
    "greater_than": N_("{key} må være større enn {gt}."),
    "less_than_equal": N_("{key} kan være høyst {le}."),
    "bool_parsing": N_("{key} må være true eller false (eller ja/nei)."),
    "bool_type": N_("{key} må være true eller false (eller ja/nei)."),
    "date_text": N_("{key} må være en gyldig dato, for eksempel 2027-01-07."),
    "date_range": N_("{key} må være en dato mellom 1900 og 2100."),
    "control_character": N_("{key} inneholder et linjeskift eller et annet kontrolltegn. Skriv verdien på én linje."),
    "date_parsing": N_("{key} må være en gyldig dato, for eksempel 2027-01-07."),
    "date_from_datetime_parsing": N_("{key} må være en gyldig dato, for eksempel 2027-01-07."),
    "date_type": N_("{key} må være en gyldig dato, for eksempel 2027-01-07."),
    "time_text": N_("{key} må være et klokkeslett, for eksempel 18.00."),
    "time_parsing": N_("{key} må være et klokkeslett, for eksempel 18.00."),
    "time_type": N_("{key} må være et klokkeslett, for eksempel 18.00."),
    "string_too_short": N_("{key} kan ikke være tom."),
    "too_short": N_("{key} kan ikke være tom."),  # what pydantic says of an empty text after stripping
    "string_too_long": N_("{key} er for lang."),
    "string_type": N_("{key} må være tekst, ikke en liste eller tabell."),
    "model_type": N_("{key} må være en tabell med nøkler og verdier (nøkkel: verdi)."),
    "dict_type": N_("{key} må være en tabell med nøkler og verdier (nøkkel: verdi)."),
    "model_attributes_type": N_("{key} må være en tabell med nøkler og verdier (nøkkel: verdi)."),
    "list_type": N_("{key} må være en liste (linjer som begynner med «- »)."),
    "too_long": N_("{key} har for mange oppføringer."),
    "missing": N_("{key} mangler."),
    "unknown_county": N_("Fylket er ukjent. Skriv navnet, nytt eller gammelt (for eksempel «Vestland» eller "
                      "«Hordaland»), eller fylkesnummeret."),
    "unknown_municipality": N_("Kommunen er ukjent."),
    "unknown_rule": N_("Det finnes ingen regel med denne id-en (se «selvhjelp rules»)."),
    "venue_required": N_("En fysisk gruppe trenger «venue» med navnet på stedet (eller sett «mode: digital»)."),
    "online_required": N_("En digital gruppe trenger «online» med plattformen dere bruker."),
    "break_too_long": N_("Pausen må være kortere enn møtet."),
    "left_before_joined": N_("«left» er tidligere enn «joined»."),
    "pause_backwards": N_("Pausen slutter før den begynner («to» er tidligere enn «from»)."),
    "not_a_meeting": N_("Datoen er ikke en møtedato i gruppas plan."),
    "moved_onto_meeting": N_("Møtet kan ikke flyttes til en dag der gruppa alt har møte."),
    "moved_onto_moved": N_("Et annet møte er alt flyttet til denne dagen."),
    "ended_before_start": N_("«ended» er tidligere enn det første møtet."),
    "municipality_elsewhere": N_("{place} ligger i {actual}, ikke i {given}. Rett fylket eller kommunen."),
}


def _child_model(model, field: str):
    """The pydantic model a field holds (directly, in a list, or optional), or None."""
    from typing import get_args

    from pydantic import BaseModel

    info = model.model_fields.get(field)
    pending = [info.annotation] if info is not None else []
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        pending.extend(get_args(annotation))
    return None


def _field_names(root) -> frozenset[str]:
    names: set[str] = set()
    pending = [root]
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        names.update(info.alias for info in model.model_fields.values() if info.alias)
        pending.extend(child for field in model.model_fields if (child := _child_model(model, field)))
    return frozenset(names)


def _describe_key(loc: Path_) -> str:
    """«born» for deltaker nr. 3, or «schedule.start»."""
    if not loc:
        return _("Filen")
    parts: list[str] = []
    owner = ""
    for i, part in enumerate(loc):
        before = loc[i - 1] if i > 0 else None
        if isinstance(part, int) and isinstance(before, str) and before in _LIST_NOUNS:
            owner = _(_LIST_NOUNS[before]).format(number=part + 1)
            parts = []
        elif isinstance(part, str):
            parts.append(part)
    key = ".".join(parts)
    if not key:
        return owner or _("verdien")
    if owner:
        return _("«{key}» for {owner}").format(key=key, owner=owner)
    return _("«{key}»").format(key=key)


def _model_for(loc: Path_, root):
    """The pydantic model whose keys are allowed at this path (for did-you-mean)."""
    current = root
    for part in loc:
        if isinstance(part, str):
            current = _child_model(current, part) or current
    return current


def _problem_for(error: ErrorDetails, source: SourceMap, root, fields: frozenset[str]) -> Problem:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = tuple(p for p in error["loc"] if isinstance(p, int) or p in fields)
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        where = _describe_key(loc)
        where = "" if not loc else _(" under {where}").format(where=where)
        line = source.keys.get((*loc, key), source.position(loc) or (None, None))
        return Problem(unknown_key_message(key, list(_model_for(loc, root).model_fields), where, _NORWEGIAN_KEYS,
                                           _("gruppefilen")), *line)
    if kind == "missing":
        pos = source.position(loc[:-1]) or (None, None)
        return Problem(translate(_TYPE_MESSAGES["missing"]).format(key=_describe_key(loc)), *pos)
    if "field" in ctx:
        loc = (*loc, ctx["field"])
    if "at" in ctx:  # a problem found by a model validator, at a path inside that model
        loc = (*loc, *ctx["at"])
    pos = source.position(loc) or (None, None)
    template = _(_TYPE_MESSAGES.get(kind, _INVALID_VALUE))
    if kind == "literal_error":
        from selvhjelp_cli.core.words import join

        choices = [choice.strip("'") for choice in str(ctx.get("expected", "")).split(" or ")]
        choices = [part.strip(" '") for choice in choices for part in choice.split(",")]
        template = _("{key} må være {choices}.").format(key="{key}", choices=join(choices, style="or"))
    if loc and loc[-1] == "born" and kind not in {"missing"}:
        template = _("{key} må være et fødselsår (for eksempel 1984) eller en dato (1984-05-17).")
    message = template.format(key=_describe_key(loc), **{k: v for k, v in ctx.items() if k != "key"})
    message = message[0].upper() + message[1:]
    return Problem(message + did_you_mean(list(ctx.get("suggestions") or [])), *pos)


def _unknown_rules(data: dict, source: SourceMap) -> list[Problem]:
    """Decisions that name a rule that does not exist, with the nearest id."""
    import difflib

    from selvhjelp_cli.groupfile.rule_ids import RULE_IDS

    decisions = data.get("decisions")
    problems = []
    for index, decision in enumerate(decisions if isinstance(decisions, list) else []):
        rule = decision.get("rule") if isinstance(decision, dict) else None
        if isinstance(rule, str) and rule.strip() and rule.strip() not in RULE_IDS:
            close = difflib.get_close_matches(rule.strip(), RULE_IDS, n=1)
            problems.append(Problem(translate(_TYPE_MESSAGES["unknown_rule"]) + did_you_mean(close),
                                    *(source.position(("decisions", index, "rule")) or (None, None))))
    return problems


_INVALID_VALUE = N_("{key} har en ugyldig verdi.")
MAX_UNKNOWN_SHOWN = 20


def validate_as(root, data: Any, source: SourceMap, problems: list[Problem] | None = None) -> Any:
    """Data as the pydantic model `root`, or InvalidFile with one Norwegian problem per error."""
    from pydantic import ValidationError

    problems = list(problems or [])
    unknown = 0
    try:
        value = root.model_validate(data)
    except ValidationError as exc:
        fields = _field_names(root)
        seen = set(problems)
        for error in exc.errors(include_url=False, include_input=False):
            if error["type"] == "extra_forbidden":
                # A file of thousands of unknown keys (a wrong file, a paste gone
                # astray) shows the first few and counts the rest.
                unknown += 1
                if unknown > MAX_UNKNOWN_SHOWN:
                    continue
            problem = _problem_for(error, source, root, fields)
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if unknown > MAX_UNKNOWN_SHOWN:
            rest = unknown - MAX_UNKNOWN_SHOWN
            problems.append(Problem(ngettext("… og {count} ukjent nøkkel til.", "… og {count} ukjente nøkler til.",
                                             rest).format(count=digits(rest)), problems[-1].line))
        raise InvalidFile(source.path, problems)
    return value


def validate(data: Any, source: SourceMap) -> Any:
    """The group in parsed data, or InvalidFile with every problem found."""
    from selvhjelp_cli.groupfile.model import Group

    path = source.path
    if data is None:
        raise InvalidFile(path, [Problem(_("Filen er tom."), 1)])
    if not isinstance(data, dict):
        raise InvalidFile(path, [Problem(_("En gruppefil må være en tabell med nøkler (version, name, county …), "
                                         "ikke en liste eller en enkelt verdi."), *(source.position(()) or (1, 1)))])
    version = data.get("version")
    if isinstance(version, str) and version.strip() != "1":
        shown = f" {version.strip()}" if version.strip().isdigit() and len(version) < 6 else ""
        raise InvalidFile(path, [Problem(_("Versjon{shown} av filformatet er ukjent. Denne utgaven av selvhjelp "
                                         "leser versjon 1.").format(shown=shown), source.line("version"))])
    return validate_as(Group, data, source, _unknown_rules(data, source))
