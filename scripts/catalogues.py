"""The message catalogues: extract, update and compile them with Babel.

    python scripts/catalogues.py            # extract, update nn and en, compile
    python scripts/catalogues.py --check    # exit 1 if anything is out of date (the test suite does the same)

Messages are the bokmål text in the code (`_()`, `N_()`, `ngettext()`), the
help texts and metavariables of the commands (read from the Typer app, since
they are keyword arguments Babel cannot see), and the notice of the built-in
directory. `locale/selvhjelp.pot` lists them; `locale/<lang>/LC_MESSAGES/
selvhjelp.po` holds the translations and `.mo` the compiled form the program
reads.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
TRANSLATED = ("nn", "en")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
_PLURALS = {"nn": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);"}


def template() -> Catalog:
    sys.path.insert(0, str(ROOT / "src"))
    import yaml
    from typer.main import get_command

    from selvhjelp_cli.cli.helppage import help_texts
    from selvhjelp_cli.cli.main import app

    catalog = Catalog(project="selvhjelp", locale="nb", fuzzy=False)
    source = ROOT / "src" / "selvhjelp_cli"
    for filename, lineno, message, comments, context in extract_from_dir(
            source, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        catalog.add(message, locations=[(f"src/selvhjelp_cli/{filename}", lineno)], auto_comments=comments,
                    context=context)
    # The app's pages and the group file's comments: _() and ngettext() in Jinja templates.
    jinja = {"trim_blocks": "true", "lstrip_blocks": "true"}
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / "templates", method_map=[("app/**.j2", "jinja2.ext:babel_extract"),
                                            ("group.yaml.j2", "jinja2.ext:babel_extract"),
                                            ("publish.html.j2", "jinja2.ext:babel_extract")],
            keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            options_map={"app/**.j2": jinja, "group.yaml.j2": jinja, "publish.html.j2": jinja}):
        catalog.add(message, locations=[(f"templates/{filename}", lineno)], auto_comments=comments,
                    context=context)
    from selvhjelp_cli.groupfile.schema import schema_texts

    for text in schema_texts():
        if text not in catalog:
            catalog.add(text, locations=[("src/selvhjelp_cli/groupfile/schema.py", 0)], auto_comments=["JSON Schema"])
    for text in help_texts(get_command(app)):
        if text not in catalog:
            catalog.add(text, locations=[("src/selvhjelp_cli/cli/main.py", 0)], auto_comments=["help page"])
    register = yaml.safe_load((ROOT / "data" / "districts.yaml").read_text(encoding="utf-8"))
    about = register["directory"]
    catalog.add(about["notice"], locations=[("data/districts.yaml", 0)], auto_comments=["built-in directory notice"])
    for county in register["counties"]:
        for note in county.get("notes") or ():
            catalog.add(note, locations=[("data/districts.yaml", 0)], auto_comments=[f"note on {county['name']}"])
    return catalog


def _pot_text(catalog: Catalog) -> bytes:
    # omit_header leaves out the creation date and Babel's version: the .pot
    # changes only when a message does.
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, sort_output=True, width=100, include_lineno=False)
    return out.getvalue()


def updated(language: str, pot: Catalog) -> Catalog:
    path = LOCALE / language / "LC_MESSAGES" / "selvhjelp.po"
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=language)
    else:
        catalog = Catalog(locale=language)
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.project, catalog.version = "selvhjelp", "1"
    catalog.fuzzy = False
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, width=100, omit_header=False, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


# Header fields that change what the program shows. Every other field
# (Generated-By, dates, translator) carries a tool version or a time, and a new
# Babel release must not make a complete catalogue look stale.
_MEANINGFUL_HEADERS = ("Plural-Forms", "Content-Type", "Language")


def meaning(catalog: Catalog) -> dict:
    """What a catalogue tells the program: messages, translations, plurals, flags."""
    messages = {}
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        messages[(message.context, message.id)] = (tuple(strings), message.fuzzy,
                                                   tuple(sorted(f for f in message.flags if f != "fuzzy")))
    headers = dict(catalog.mime_headers)
    return {"messages": messages, "headers": {key: headers.get(key) for key in _MEANINGFUL_HEADERS}}


def mo_meaning(data: bytes) -> dict:
    """What a compiled catalogue holds, read back as the program reads it."""
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(data))
    entries = dict(translations._catalog)
    header = entries.pop("", "")
    headers = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    plural = headers.get("Plural-Forms", "")
    return {"entries": entries, "plural": plural}


def po_meaning(catalog: Catalog) -> dict:
    """Equal to mo_meaning of a .mo that holds exactly this .po's messages."""
    return mo_meaning(mo_bytes(catalog))


def problems() -> list[str]:
    """What is out of date or missing; empty when the catalogues are complete and compiled."""
    found = []
    pot = template()
    if (LOCALE / "selvhjelp.pot").read_bytes() != _pot_text(pot):
        found.append("locale/selvhjelp.pot is out of date: run python scripts/catalogues.py")
    for language in TRANSLATED:
        path = LOCALE / language / "LC_MESSAGES" / "selvhjelp.po"
        catalog = _read(path, language)
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id}
        for missing in sorted(wanted - ids):
            found.append(f"{language}: not in the catalogue: {missing[:70]!r}")
        for extra in sorted(ids - wanted):
            found.append(f"{language}: no longer used: {extra[:70]!r}")
        for message in catalog:
            if not message.id:
                continue
            shown = (message.id if isinstance(message.id, str) else message.id[0])[:70]
            if message.fuzzy:
                found.append(f"{language}: fuzzy: {shown!r}")
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings):
                found.append(f"{language}: untranslated: {shown!r}")
            expected = _fields(message.id if isinstance(message.id, str) else message.id[1])
            for string in strings:
                # A singular may say the number in words («én advarsel») and leave out {count}.
                spared = {"count"} if isinstance(message.id, tuple) else set()
                if string and not (expected - spared <= _fields(string) <= expected):
                    found.append(f"{language}: placeholders differ: {shown!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo_meaning(mo.read_bytes()) != po_meaning(catalog):
            found.append(f"{language}: {mo.relative_to(ROOT)} is not compiled from the .po: run python "
                         f"scripts/catalogues.py")
    return found


def _read(path: Path, language: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=language)


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _fields(text: str) -> set[str]:
    import string

    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = problems()
        print("\n".join(found) or "catalogues complete")
        return 1 if found else 0
    pot = template()
    LOCALE.mkdir(exist_ok=True)
    _write_if_changed(LOCALE / "selvhjelp.pot", _pot_text(pot))
    for language in TRANSLATED:
        catalog = updated(language, pot)
        folder = LOCALE / language / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po, mo = folder / "selvhjelp.po", folder / "selvhjelp.mo"
        # Rewrite only what changed in meaning, so that running the script with
        # another Babel leaves a complete tree clean.
        if not po.exists() or meaning(_read(po, language)) != meaning(catalog):
            po.write_bytes(po_bytes(catalog))
        if not mo.exists() or mo_meaning(mo.read_bytes()) != po_meaning(catalog):
            mo.write_bytes(mo_bytes(catalog))
        untranslated = sum(
            1 for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
        )
        print(f"{language}: {len(catalog)} messages, {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
