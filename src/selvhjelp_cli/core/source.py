"""YAML text to plain data, with the line and column of every key and value.

The YAML is read as a stream of parser events (libyaml's C parser when it is
installed) and built into plain data here, without recursion. That gives us
what `yaml.load` does not: a line for every key and value, duplicate keys as
errors, a bound on depth and alias expansion (a "billion laughs" file stops
after a few thousand nodes), no tags, and no YAML 1.1 guessing: every scalar
stays text and the model decides what it means (validation.py turns the
data into the model and pydantic's errors into Norwegian problems).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import SafeLoader as _PurePythonParser

from selvhjelp_cli.core.errors import InvalidFile, Problem, UserError
from selvhjelp_cli.core.i18n import N_, _

# libyaml's parser where PyYAML was built with it (it stops at a depth of its own), else the pure-Python one.
# Either gives the same events; a parser class is called with the text and asked get_event().
Parser = Any
Mark = Any  # yaml.error.Mark, or libyaml's own: both have line, column and index (0-based)
_Parser: Parser = getattr(getattr(yaml, "_yaml", None), "CParser", _PurePythonParser)

MAX_BYTES = 1_000_000
MAX_DEPTH = 24
MAX_NODES = 20_000

Path_ = tuple[str | int, ...]

_STR_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_CONTAINER_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NULLS = {"", "~", "null", "Null", "NULL"}
# What word processors put around a value instead of "…": English and Norwegian
# Word («» is what Norwegian Word makes of "), and the low-high pairs.
_TYPOGRAPHIC_QUOTES = {("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u201e", "\u201c"), ("\u201d", "\u201d"),
                       ("\u00ab", "\u00bb"), ("\u00bb", "\u00ab"), ("\u201a", "\u2018"), ("\u201e", "\u201d"),
                       ("\u2019", "\u2019"), ("\u201a", "\u2019")}
# A list item typed in a word processor: its bullet or dash («– name: Ola») is not YAML's «-».
_WORD_BULLET = re.compile(r"^([ \t]*)([\u2013\u2014\u2022\u2212])[ \t]+[^\s:#][^:#]*:(?:[ \t]|$)", re.M)


def unknown_key_message(key: str, allowed: Collection[str], where: str, norwegian_keys: dict[str, str],
                        document: str) -> str:
    """«Ukjent nøkkel …»: with the English key when a Norwegian word was used, else the closest key.

    `where` is "" or " under …"; `document` names the file kind («gruppefilen», «katalogen»).
    """
    import difflib

    from selvhjelp_cli.core.errors import did_you_mean

    shown = key if len(key) <= 40 else key[:40] + "…"
    english = norwegian_keys.get(key.casefold().replace(" ", "_"))
    if english in allowed:
        return _("Ukjent nøkkel «{shown}»{where}. Nøklene i {document} er engelske: Denne heter "
                 "«{english}».").format(shown=shown, where=where, document=document, english=english)
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return _("Ukjent nøkkel "
             "«{shown}»{where}.{suggestion}").format(shown=shown, where=where, suggestion=did_you_mean(close))


@dataclass
class SourceMap:
    """Where each key and value of a file stands."""

    path: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Path_) -> tuple[int, int] | None:
        """The value's position, or the nearest enclosing one's."""
        loc = tuple(loc)
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get(())

    def line(self, *loc: str | int) -> int | None:
        pos = self.position(loc)
        return pos[0] if pos else None

    def key_line(self, *loc: str | int) -> int | None:
        """The line of a key, or None if the file does not have it."""
        return self.keys[loc][0] if loc in self.keys else None


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _pos(mark: Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


# What a file too large for its kind is told, by kind (each a whole sentence for the catalogues).
TOO_LARGE = {
    "group": N_("Filen er for stor til å være en gruppefil (over 1 MB)."),
    "directory": N_("Filen er for stor til å være en katalogfil (over 1 MB)."),
    "letterhead": N_("Filen er for stor til å være et brevhode (over 1 MB)."),
    "status": N_("Filen er for stor til å være en statusfil (over 1 MB)."),
}


def read_bytes(path: str, kind: str = "group") -> bytes:
    """The file's bytes, at most MAX_BYTES, or a clear UserError (naming the kind of file it should be)."""
    import stat

    try:
        # A FIFO or a device would block or never end; only regular files are read.
        if not stat.S_ISREG(os.stat(path).st_mode):
            if os.path.isdir(path):
                raise UserError(_("Dette er en mappe, ikke en fil."), path=path)
            raise UserError(_("Dette er ikke en vanlig fil (men for eksempel en enhet eller en rørledning)."),
                            path=path)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        for ending in (".yaml", ".yml"):
            if not path.endswith(ending) and os.path.isfile(path + ending):
                raise UserError(_("Filen finnes ikke. Mente du «{name}»?").format(name=path + ending),
                                path=path) from None
        raise UserError(_("Filen finnes ikke."), path=path) from None
    except PermissionError:
        raise UserError(_("Du har ikke lov til å lese filen."), path=path) from None
    except OSError:
        raise UserError(_("Filen kan ikke leses."), path=path) from None
    if len(raw) > MAX_BYTES:
        raise UserError(_(TOO_LARGE[kind]), path=path)
    return raw


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text without its byte order mark, or InvalidFile naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidFile(path, [Problem(
            _("Filen er ikke lagret som UTF-8. I Notisblokk (Windows): Fil > Lagre som, og velg Koding: UTF-8. "
            "I TextEdit (Mac): Format > Lag ren tekst, og velg Unicode (UTF-8) når du lagrer."), line)]) from None


def read_text(path: str, kind: str = "group") -> str:
    """The file's text: UTF-8, at most MAX_BYTES, or a clear UserError."""
    return decode(read_bytes(path, kind), path)


# libyaml's words for a syntax error (lower case), and what we say instead;
# tests/test_source.py holds a file that produces each of them.
_SYNTAX_MESSAGES = (
    ("tab", N_("Tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom.")),
    ("mapping values are not allowed", N_("Et kolon står på feil sted. Mangler det mellomrom etter kolonet, "
     "eller bør verdien stå i anførselstegn?")),
    ("could not find expected ':'", N_("Det mangler et kolon etter en nøkkel.")),
    ("did not find expected key", N_("Innrykket stemmer ikke med linjene over. Rykk inn med like mange mellomrom "
     "som linjene som hører sammen med denne.")),
    ("did not find expected '-' indicator", N_("Innrykket stemmer ikke med listen over.")),
    ("did not find expected ',' or ']'", N_("En liste i [hakeparenteser] er ikke lukket riktig.")),
    ("did not find expected ',' or '}'", N_("En krøllparentes { } er ikke lukket riktig.")),
    ("found unexpected end of stream", N_("Filen slutter midt i en verdi. Mangler et avsluttende anførselstegn?")),
    ("found unknown escape character", N_("En verdi i doble anførselstegn har en ukjent \\-kode.")),
    ("block sequence entries are not allowed", N_("Et listepunkt (-) står på feil sted.")),
    ("did not find expected node content", N_("Det mangler en verdi her.")),
    ("found incompatible yaml document", N_("Filen oppgir en YAML-versjon verktøyet ikke kan lese.")),
    ("did not find expected alphabetic or numeric "
     "character", N_("Et anker eller alias (&navn, *navn) mangler navnet.")),
    ("did not find expected comment or line break", N_("Etter | eller > kan bare en kommentar stå på samme linje.")),
    ("found unknown directive name", N_("Linjer som begynner med % er ikke tillatt i en gruppefil.")),
    ("found character that cannot start any "
     "token", N_("Et tegn her kan ikke begynne en verdi. Sett verdien i anførselstegn.")),
)


def _line_text(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


_NO_SPACE_AFTER_COLON = re.compile(r"\s*-?\s*[A-Za-z_æøåÆØÅ]+:[^\s:/]")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = column = None
    if mark is not None:
        line, column = _pos(mark)
        # A tab at or before the spot PyYAML complains about is the likely cause.
        if "\t" in _line_text(text, mark.line)[: mark.column + 1]:
            return Problem(_(_SYNTAX_MESSAGES[0][1]), line, column)
        # "name:Ola" is one word to YAML; the error shows on that line or the next.
        for index in (mark.line, mark.line - 1):
            if _NO_SPACE_AFTER_COLON.match(_line_text(text, index)):
                return Problem(_("Det mangler et mellomrom etter kolonet: Skriv «nøkkel: verdi», ikke «nøkkel:verdi»."),
                               index + 1, None)
    problem = (exc.problem or "").lower()  # libyaml names the trouble here; its context never adds a needle
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return Problem(_(message), line, column)
    return Problem(_("YAML-syntaksen er ugyldig her."), line, column)


class _Builder:
    """Turns parser events into plain data (dict, list, str, None) and a SourceMap."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        # Each frame: [container, path, pending key or None, anchor, node count at start]
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.documents = 0

    def _count(self, n: int, mark: Mark) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise _Stop(Problem(_("Filen er for stor eller bruker for mange alias (*navn) til å være en gruppefil."),
                                *_pos(mark)))

    def _place(self, value: Any, mark: Mark) -> Path_ | None:
        """Put a finished value where it belongs; returns its path, or None if it was a key."""
        if not self.stack:
            self.root = value
            self.source.values[()] = _pos(mark)
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            loc = (*path, len(container))
            container.append(value)
            self.source.values[loc] = _pos(mark)
            return loc
        if frame[2] is None:
            if not isinstance(value, str):
                raise _Stop(Problem(_("En nøkkel må være et enkelt ord, ikke en liste eller en tabell."), *_pos(mark)))
            if value in container:
                raise _Stop(Problem(_("Nøkkelen «{value}» står to ganger.").format(value=value), *_pos(mark)))
            frame[2] = value
            self.source.keys[(*path, value)] = _pos(mark)
            return None
        loc = (*path, frame[2])
        container[frame[2]] = value
        # A block mapping or list starts on the line after its key; the key's
        # line is where a reader looks for it.
        is_container = isinstance(value, (dict, list))
        self.source.values[loc] = self.source.keys[loc] if is_container else _pos(mark)
        frame[2] = None
        return loc

    def _path_for_child(self) -> Path_:
        if not self.stack:
            return ()
        container, path, key = self.stack[-1][0], self.stack[-1][1], self.stack[-1][2]
        if isinstance(container, list):
            return (*path, len(container))
        if key is None:
            return (*path, "?")
        return (*path, key)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # most events: asked first
            if event.tag not in _STR_TAGS:
                raise _Stop(Problem(_("YAML-tagger (som !!python/… eller !!binary) er ikke tillatt i en gruppefil."),
                                    *_pos(event.start_mark)))
            self._count(1, event.start_mark)
            plain = event.implicit[0] and event.tag is None
            value = None if plain and event.value in _NULLS else event.value
            if plain and value and len(value) > 1 and (value[0], value[-1]) in _TYPOGRAPHIC_QUOTES:
                value = value[1:-1]  # a word processor's “smart quotes” around the whole value
            self._place(value, event.start_mark)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Stop(Problem(_("Filen inneholder mer enn ett YAML-dokument (---). "
                                    "En gruppefil har bare ett."), *_pos(event.start_mark)))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.tag not in _CONTAINER_TAGS:
                raise _Stop(Problem(_("YAML-tagger (som !!python/… eller !!set) er ikke tillatt i en gruppefil."),
                                    *_pos(event.start_mark)))
            if len(self.stack) >= MAX_DEPTH:
                raise _Stop(Problem(_("Filen er nøstet for dypt til å være en gruppefil."), *_pos(event.start_mark)))
            self._count(1, event.start_mark)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
                raise _Stop(Problem(_("En nøkkel må være et enkelt ord, ikke en liste eller en tabell."),
                                    *_pos(event.start_mark)))
            path = self._path_for_child()
            self._place(container, event.start_mark)
            self.stack.append([container, path, None, event.anchor, self.nodes])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container, _path, _key, anchor, started = self.stack.pop()
            if anchor:
                self.anchors[anchor] = (container, self.nodes - started + 1)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _Stop(Problem(_("Et alias (*navn) viser til et anker som ikke finnes."), *_pos(event.start_mark)))
            value, size = self.anchors[event.anchor]
            self._count(size, event.start_mark)
            self._place(value, event.start_mark)


# Newer libyaml (PyYAML 6.0.2 and later wheels) stops at 1,000 levels in its
# scanner, which looks ahead for keys and so fires before our own depth guard
# sees an event. Its words, lower case:
_LIBYAML_DEPTH = "maximum nesting depth"


def parse(text: str, path: str, *, parser_class: Parser = None) -> tuple[Any, SourceMap]:
    """Plain data and positions from YAML text; InvalidFile on any problem."""
    try:
        return _parse(text, path, parser_class or _Parser)
    except _TooDeep:
        # The pure-Python parser has no limit of its own, so our guard finds
        # the place where the file goes deeper than a group file can.
        return _parse(text, path, _PurePythonParser)


class _TooDeep(Exception):
    pass


def _parse(text: str, path: str, parser_class: Parser) -> tuple[Any, SourceMap]:
    bullet = _WORD_BULLET.search(text)
    if bullet:
        line = text.count("\n", 0, bullet.start()) + 1
        raise InvalidFile(path, [Problem(_("Linjen begynner med «{dash}», som et tekstbehandlingsprogram setter inn. "
                                           "Et listepunkt i gruppefilen begynner med en vanlig bindestrek: «- "
                                           "».").format(
            dash=bullet.group(2)), line, len(bullet.group(1)) + 1)])
    source = SourceMap(path)
    builder = _Builder(source)
    parser = parser_class(text)
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            builder.feed(event)
    except _Stop as stop:
        raise InvalidFile(path, [stop.problem]) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise InvalidFile(path, [Problem(_("Filen inneholder et kontrolltegn som ikke er tillatt."), line)]) from None
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_DEPTH in (exc.problem or "").lower() and parser_class is not _PurePythonParser:
            raise _TooDeep from None
        raise InvalidFile(path, [_syntax_problem(exc, text)]) from None
    finally:
        parser.dispose()
    return builder.root, source
