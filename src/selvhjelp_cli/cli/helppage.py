"""The --help pages, written by us in the user's language.

Click and Typer write their help frame in English and decorate parameters
with Python types (`<str>`, `<list[str]>`) and ranges. The page is built
here from the command's own attributes instead: the usage line, the
description, the arguments, the options and the subcommands, each text
translated through the catalogues when the page is shown. Click's
HelpFormatter does the wrapping, at the terminal's width.
"""

from __future__ import annotations

from selvhjelp_cli.core.i18n import N_, _

_HELP_OPTION = N_("Vis denne hjelpen og avslutt.")


def _t(text: str | None) -> str:
    return _(text) if text else ""


def _metavar(param) -> str:
    shown = _(param.metavar) if param.metavar else param.name.upper()
    return shown + ("..." if param.nargs != 1 else "")


def _usage_pieces(command, ctx) -> list[str]:
    pieces = []
    if any(p.param_type_name == "option" and not p.hidden for p in command.get_params(ctx)):
        pieces.append(_("[VALG]"))
    for param in command.params:
        if param.param_type_name == "argument" and not param.hidden:
            name = _metavar(param)
            pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(_("KOMMANDO [ARGUMENTER]..."))
    return pieces


def _extra(param) -> str:
    notes = []
    default = param.default
    shows_default = getattr(param, "show_default", None) is not False and not getattr(param, "is_flag", False)
    if shows_default and default is not None and default != () and not callable(default):
        notes.append(_("standard: {value}").format(value=default))
    if param.required and param.param_type_name == "argument":
        notes.append(_("må oppgis"))
    return f"  [{'; '.join(notes)}]" if notes else ""


def _option_record(param, ctx) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts, key=len)) if param.opts else ""
    if param.name == "help":
        return names, _(_HELP_OPTION)
    if not param.is_flag:
        names += " " + _metavar(param)
    return names, _t(param.help) + _extra(param)


def help_page(command, ctx) -> str:
    formatter = ctx.make_formatter()
    formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(command, ctx)), prefix=_("Bruk: "))
    if command.help:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(_(command.help))
    params = command.get_params(ctx)
    arguments = [(_metavar(p), _t(getattr(p, "help", None)) + _extra(p))
                 for p in params if p.param_type_name == "argument" and not p.hidden]
    options = [_option_record(p, ctx) for p in params if p.param_type_name == "option" and not p.hidden]
    if arguments:
        with formatter.section(_("Argumenter")):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(_("Valg")):
            formatter.write_dl(options)
    if hasattr(command, "list_commands"):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, _t(sub.help)))
        if rows:
            with formatter.section(_("Kommandoer")):
                formatter.write_dl(rows)
    return formatter.getvalue().rstrip("\n")


def help_texts(root) -> list[str]:
    """Every text a help page translates, for the catalogues (scripts/catalogues.py and its test)."""
    found: list[str] = [_HELP_OPTION]

    def visit(command) -> None:
        if command.help:
            found.append(command.help)
        for param in command.params:
            if getattr(param, "help", None):
                found.append(param.help)
            if param.metavar:
                found.append(param.metavar)
        for sub in getattr(command, "commands", {}).values():
            visit(sub)

    visit(root)
    return list(dict.fromkeys(found))
