"""The program's entry point: run(argv), the one place errors become messages.

Every command line goes through run(). It answers two questions people wait
for without loading Typer at all (the version, the plain forms of "who
covers this place?", and starting the app: Typer validates every option
through pydantic, about 70 ms before a command even starts); everything else
goes to cli.invoke().
Whatever happens below, run() prints one clear message and returns an exit
code: a UserError, a mistake on the command line, Ctrl+C or a termination
signal, output that cannot be written, or, as a last line of defence, a bug.
"""

from __future__ import annotations

import errno
import os
import sys

from selvhjelp_cli.core.errors import ExitCode, OutputFailed, UserError
from selvhjelp_cli.core.i18n import N_, _

_PLACE_OPTIONS = ("--county", "--municipality", "--postcode")

# The test suite sets this, so that a bug fails its test instead of becoming
# the polite last-resort message users see.
RAISE_UNEXPECTED = False


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. A BaseException, so that no `except Exception`
    on the way up can swallow it and every `finally` (temporary files) runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _plain_find_district(args: list[str]) -> dict[str, str] | None:
    """The options of `find-district QUERY|--county X [--directory F] [--format F]` and siblings, or None
    for anything the quick path does not read (Typer then reads it, and says what is wrong)."""
    options: dict[str, str] = {}
    index = 0
    while index < len(args):
        if not args[index].startswith("-"):
            if "place" in options:
                return None
            options["place"] = args[index]
            index += 1
            continue
        name, equals, value = args[index].partition("=")
        if not equals:
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 1
        if name not in (*_PLACE_OPTIONS, "--format", "--directory") or name.removeprefix("--") in options \
                or value.startswith("-"):
            return None
        options[name.removeprefix("--")] = value
        index += 1
    if options.get("format", "text") not in ("text", "json"):
        return None
    return options


def _plain_app(args: list[str]) -> dict[str, str] | None:
    """The options of `app [FOLDER] [--port N] [--no-browser] [--lang L] [--directory F]`, or None for
    anything else (Typer then reads it, and says what is wrong)."""
    options: dict[str, str] = {}
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--no-browser" and "no-browser" not in options:
            options["no-browser"] = ""
            index += 1
            continue
        if not arg.startswith("-"):
            if "folder" in options:
                return None
            options["folder"] = arg
            index += 1
            continue
        name, equals, value = arg.partition("=")
        if not equals:
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 1
        if name not in ("--port", "--lang", "--directory") or name.removeprefix("--") in options \
                or not value or value.startswith("-"):
            return None
        options[name.removeprefix("--")] = value
        index += 1
    port = options.get("port")
    if port is not None and not (port.isascii() and port.isdigit() and int(port) <= 65535):
        return None
    return options


def quick(argv: list[str]) -> int | None:
    """The exit code if a quick path answered, or None to go through Typer."""
    if argv == ["--version"]:
        from selvhjelp_cli import __version__

        print(f"selvhjelp {__version__}")
        return ExitCode.OK
    if argv[:1] == ["find-district"]:
        options = _plain_find_district(argv[1:])
        if options is None:
            return None
        from selvhjelp_cli.cli.find_answer import answer_district, one_place

        try:
            chosen = one_place(options, show_all=False)
        except UserError:
            return None
        if chosen is None:
            return None
        kind, value = chosen
        found = answer_district(kind, value, options.get("format", "text"), options.get("directory"))
        return ExitCode.OK if found else ExitCode.FINDINGS
    if argv[:1] == ["app"]:  # what the double-click and the README start: the first page comes sooner
        options = _plain_app(argv[1:])
        if options is None:
            return None
        from selvhjelp_cli.core.language import parse_language

        try:
            language = parse_language(options["lang"]) if "lang" in options else None
        except ValueError:
            return None
        from selvhjelp_cli.app.server import serve

        return serve(options.get("folder"), port=int(options["port"]) if "port" in options else None,
                     open_browser="no-browser" not in options, language=language, directory=options.get("directory"))
    return None


def _refuse_undecodable(argv: list[str]) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates; they would
    # fail later, in a file or a terminal, far from their cause.
    for number, arg in enumerate(argv, start=1):
        if any("\udc80" <= char <= "\udcff" for char in arg):
            raise UserError(_("Argument nr. {number} på kommandolinjen er ikke gyldig UTF-8-tekst. "
                            "Sjekk tegnsettingen i terminalen (den skal være UTF-8).").format(number=number))


_SOMETHING_PREVENTED = N_("Noe hindret skrivingen.")
_OUTPUT_ERRORS = {
    errno.ENOSPC: N_("Disken er full."),
    errno.EBADF: N_("Standard ut er lukket."),
    errno.EIO: N_("Det oppsto en inn/ut-feil."),
    errno.EACCES: N_("Du har ikke lov til å skrive dit."),
}


def _error(message: str, *, prefix: bool = True) -> None:
    from selvhjelp_cli.cli.console import printable

    try:
        line = _("Feil: {message}").format(message=printable(message)) if prefix else printable(message)
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit code is all that is left


def _silence_stdout() -> None:
    """After a write to stdout failed, make the interpreter's last flush quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _output_failed(error: OSError) -> int:
    if error.errno == errno.EPIPE:
        # The reader (`| head`) has all it wanted: end quietly, as Unix tools do.
        _silence_stdout()
        return ExitCode.BROKEN_PIPE
    _silence_stdout()
    reason = _(_OUTPUT_ERRORS.get(error.errno or 0, _SOMETHING_PREVENTED))
    _error(_("Kunne ikke skrive til skjermen (standard ut). {reason}").format(reason=reason))
    return ExitCode.USAGE


def _interrupted() -> None:
    """Ctrl+C or SIGTERM: say what is true, which may be that a file was saved just before."""
    files = sys.modules.get("selvhjelp_cli.core.files")
    written = files.saved() if files is not None else []
    if written:
        from selvhjelp_cli.cli.console import printable

        _error(_("Avbrutt, men dette var alt lagret: {paths}.").format(
            paths=", ".join(printable(path) for path in written)), prefix=False)
    else:
        _error(_("Avbrutt. Ingenting er lagret."), prefix=False)


def run(argv: list[str]) -> int:
    """Run the program with these arguments; returns the exit code."""
    from selvhjelp_cli.core.i18n import set_language

    set_language()
    if "selvhjelp_cli.core.files" in sys.modules:  # only when a run in this process already loaded it
        sys.modules["selvhjelp_cli.core.files"].forget_saved()
    try:
        try:
            _refuse_undecodable(argv)
            code = quick(argv)
            if code is None:
                from selvhjelp_cli.cli.main import invoke

                code = invoke(argv)
            if code == ExitCode.INTERRUPTED:  # Typer's answer to Ctrl+C
                _interrupted()
            sys.stdout.flush()  # a full disk or a closed pipe shows here, while we can still say so
            return int(code)
        except UserError as error:
            for line in error.lines():
                _error(line)
            return ExitCode.USAGE
        except KeyboardInterrupt:
            _interrupted()
            return ExitCode.INTERRUPTED
        except Terminated as signal:
            _interrupted()
            return 128 + signal.signum
        except OutputFailed as failure:
            return _output_failed(failure.error)
    except OSError as error:
        # Files are read and written through UserError; an OSError here comes
        # from writing to standard output (or printing a message about it).
        return _output_failed(error)
    except Exception as error:
        if RAISE_UNEXPECTED:
            raise
        # Only the kind of error is shown: its text could hold data from a group file.
        _error(_("selvhjelp stoppet uventet ({__name__}). Ingen filer er endret. "
               "Meld gjerne fra til utviklerne av selvhjelp (se README) og fortell hva du "
               "gjorde.").format(__name__=type(error).__name__))
        return ExitCode.USAGE


class _ClosedStream:
    """Stands in for a standard output the shell closed (`>&-`): writing to it
    fails like writing to a closed descriptor, so run() can say so."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, _text) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self):
        return self


def prepare_process() -> None:
    """What only a real process needs: safe streams and signals that clean up."""
    import signal

    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        # A console or pipe that cannot show a character (cp1252, latin-1)
        # gets an escape for it instead of failing mid-report.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    if getattr(sys.stdout, "write_through", False):
        # PYTHONUNBUFFERED would send every fragment of a report as a write
        # of its own; a report goes out whole at the end (prompts flush first).
        sys.stdout.reconfigure(write_through=False)  # type: ignore[union-attr]

    def terminate(signum, _frame):
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), terminate)


def main() -> None:
    prepare_process()
    sys.exit(run(sys.argv[1:]))


def app_main() -> None:
    """`selvhjelp-app`: the app on the default folder, as a double-click starts it (no console on Windows)."""
    prepare_process()
    sys.exit(run(["app"]))
