"""Writing files safely: atomically, never over an existing file without
--force, never onto anything but a regular file, and readable by the owner
alone when the file holds names."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import threading
import unicodedata
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, ClassVar

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import N_, _

if TYPE_CHECKING:
    import jinja2

STDOUT = "-"


def slug(text: str, fallback: str = "gruppe") -> str:
    """A file-name-safe form of a group name: 'Torsdagsgruppa Ås' -> 'torsdagsgruppa-aas'."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or fallback


_EXISTS = N_("Filen finnes allerede. Bruk --force hvis du vil skrive over den.")
_FOLDER = N_("Dette er en mappe. Oppgi et filnavn.")
_SPECIAL = N_("Dette er ikke en vanlig fil (men for eksempel en enhet eller en rørledning). Oppgi et annet filnavn.")


def refuse_existing(path: str, force: bool) -> None:
    """Stop before any work if the target cannot or may not be written."""
    if path == STDOUT:
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        raise UserError(_("Kan ikke se om filen finnes."), path=path) from None
    if stat.S_ISDIR(mode):
        raise UserError(_(_FOLDER), path=path)
    if not force:
        raise UserError(_(_EXISTS), path=path)
    if not stat.S_ISREG(mode):
        # --force means "replace my file", never "write into this device".
        raise UserError(_(_SPECIAL), path=path)


_WRITE_ERRORS = {
    getattr(errno, name): message
    for name, message in (
        ("ENOSPC", N_("Disken er full, så filen ble ikke skrevet.")),
        ("EDQUOT", N_("Du har brukt opp lagringsplassen din, så filen ble ikke skrevet.")),
        ("EACCES", N_("Du har ikke lov til å skrive i denne mappen.")),
        ("EPERM", N_("Du har ikke lov til å skrive i denne mappen.")),
        ("EROFS", N_("Mappen ligger på en disk som bare kan leses.")),
        ("ENAMETOOLONG", N_("Filnavnet er for langt.")),
    )
    if hasattr(errno, name)  # Windows lacks some of them
}


def _write_error(error: OSError, path: str) -> UserError:
    return UserError(_(_WRITE_ERRORS.get(error.errno, _COULD_NOT_WRITE)), path=path)


_COULD_NOT_WRITE = N_("Kunne ikke skrive filen.")


_TMP_PREFIX, _TMP_SUFFIX = ".selvhjelp-", ".tmp"
# The files this run has written in full; an interruption after that must not say «nothing was saved».
_saved: list[str] = []
# Files being replaced right now: (as shown, the real path, a digest of the new bytes). A signal can
# arrive between the replace and the note that it happened; the file itself then tells.
_replacing: list[tuple[str, str, str]] = []


def saved() -> list[str]:
    """What this run has already written (for the message when it is interrupted)."""
    done = list(_saved)
    for shown, target, written in list(_replacing):
        try:
            with open(target, "rb") as handle:
                if digest(handle.read()) == written and shown not in done:
                    done.append(shown)
        except OSError:
            continue
    return done


def forget_saved() -> None:
    """A new run (run() in one process, as the tests do) starts with nothing written."""
    _saved.clear()
    _replacing.clear()


def runtime_folder(name: str) -> str | None:
    """A folder of this user's own for what a run leaves for the next (locks, the running app's
    address): in the user's runtime or cache folder, never the person's folder and never a shared
    temporary folder, so that nothing is left lying beside their group files or for others to see."""
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    folder = os.path.join(base, "selvhjelp", name)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        return None  # someone else's: the compare-before-replace still guards the file
    return folder


def compiled_templates() -> jinja2.BytecodeCache | None:
    """Where Jinja keeps the templates' bytecode between runs (compiling them took longer than rendering a
    page): the user's own cache folder, checked against each template's source and Jinja's and Python's
    versions; None when there is no such folder."""
    import jinja2

    folder = runtime_folder("templates")
    return jinja2.FileSystemBytecodeCache(folder) if folder else None


def _lock_folder() -> str | None:
    """Where lock files go (they never hold data)."""
    return runtime_folder("locks")


class folder_lock:  # noqa: N801 - used as a function: `with folder_lock(folder):`
    """Only one selvhjelp at a time writes into a folder (an edit's read, change and
    write; a document's temporary file): across processes by a lock on a file of
    the user's own, and across threads of one process (the app) by a lock in
    memory. Re-entrant in one thread. The lock file never holds data."""

    _guard = threading.Lock()
    _threads: ClassVar[dict[str, threading.RLock]] = {}
    # lock path -> (open file, depth), for the thread that holds it
    _files: ClassVar[dict[str, tuple[BinaryIO | None, int]]] = {}

    def __init__(self, folder: str, timeout: float = 30.0) -> None:
        self.folder = folder
        self.timeout = timeout
        self.path: str | None = None

    def _busy(self) -> UserError:
        return UserError(_("En annen selvhjelp skriver i denne mappen nå. Prøv igjen om litt."), path=self.folder)

    def __enter__(self) -> folder_lock:
        import hashlib
        import time

        key = hashlib.sha256(os.path.normcase(os.path.realpath(self.folder)).encode("utf-8", "surrogatepass"))
        name = key.hexdigest()[:32] + ".lock"
        with self._guard:
            in_memory = self._threads.setdefault(name, threading.RLock())
        if not in_memory.acquire(timeout=self.timeout):
            raise self._busy()
        self.path = name
        held = self._files.get(name)
        if held is not None:
            self._files[name] = (held[0], held[1] + 1)
            return self
        handle = None
        where = _lock_folder()
        if where is not None:
            try:
                handle = open(os.path.join(where, name), "a+b")
            except OSError:
                handle = None
        deadline = time.monotonic() + self.timeout
        while handle is not None:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() > deadline:
                    handle.close()
                    in_memory.release()
                    self.path = None
                    raise self._busy() from None
                time.sleep(0.02)
        self._files[name] = (handle, 1)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.path is None:
            return
        handle, depth = self._files[self.path]
        if depth > 1:
            self._files[self.path] = (handle, depth - 1)
        else:
            del self._files[self.path]
            if handle is not None:
                try:
                    _unlock(handle)
                finally:
                    handle.close()
        self._threads[self.path].release()
        self.path = None


if sys.platform == "win32":  # pragma: no cover - tested on Windows only
    import msvcrt

    def _lock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _clean_leftovers(folder: str) -> None:
    """Temporary files of a run that was killed (SIGKILL, a power cut) hold the
    same names as the file would have: remove them. Called under folder_lock,
    so no other run of ours is still writing one."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(_TMP_PREFIX) and name.endswith(_TMP_SUFFIX):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and (not hasattr(os, "geteuid") or info.st_uid == os.geteuid()):
                    os.unlink(path)
            except OSError:
                continue


def _temporary(folder: str) -> tuple[int, str]:
    """A new temporary file in folder, (descriptor, path)."""
    import secrets

    while True:
        path = os.path.join(folder, f"{_TMP_PREFIX}{secrets.token_hex(6)}{_TMP_SUFFIX}")
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), path
        except FileExistsError:
            continue


def write_output(path: str, content: bytes | str, *, force: bool = False, private: bool = False,
                 mode: int | None = None) -> None:
    """Write content to path ('-' is standard output).

    The file appears whole or not at all. With private=True it is created with
    mode 0600, because it holds the names of people in a self-help group;
    `mode` keeps the mode of a file being replaced (never wider than it was).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    refuse_existing(path, force)
    if not os.path.isdir(folder):
        raise UserError(_("Mappen finnes ikke."), path=path)
    with folder_lock(folder):
        _clean_leftovers(folder)
        _write_new(data, target, folder, shown=path, force=force, private=private, mode=mode)


def _write_new(data: bytes, target: str, folder: str, *, shown: str, force: bool, private: bool,
               mode: int | None, owner: tuple[int, int] | None = None, expected: bytes | None = None) -> None:
    tmp = None
    try:
        # Named before it exists, so that whatever stops us (an error, Ctrl+C,
        # SIGTERM) the finally below removes it: it holds the same names as the file.
        fd, tmp = _temporary(folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if owner is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, *owner)
            except OSError:
                pass  # only root can give a file away; for anyone else it is theirs already
        replacing = (shown, target, digest(data))
        _replacing.append(replacing)
        try:
            if expected is not None:
                _unchanged_since_read(target, expected, shown)
                os.replace(tmp, target)
            else:
                _move_into_place(tmp, target, force=force, shown=shown)
        except Exception:
            _replacing.remove(replacing)
            raise
        # A signal (BaseException) leaves `replacing` listed: saved() then asks the file.
        _saved.append(shown)
        _replacing.remove(replacing)
        del _saved[:-100]  # a long-running app writes many files; only the last ones can matter
    except FileNotFoundError as error:
        if tmp is None:
            raise UserError(_("Mappen finnes ikke."), path=shown) from None
        raise _write_error(error, shown) from None
    except OSError as error:
        raise _write_error(error, shown) from None
    finally:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)


class ChangedSinceRead(Exception):
    """The file is not what the edit read: someone else changed it meanwhile."""


def digest(raw: bytes) -> str:
    """What a page carries in its forms to tell whether the file changed since it was shown."""
    import hashlib

    return hashlib.sha256(raw).hexdigest()[:32]


class ChangedSinceShown(UserError):
    """The file is no longer what the person saw when they asked for the change: nothing is saved."""

    def __init__(self, path: str) -> None:
        super().__init__(_("Filen er endret etter at siden ble vist, så ingenting er lagret. Se over filen slik den "
                           "er nå, og gjør endringen på nytt."), path=path)


def _unchanged_since_read(target: str, expected: bytes, shown: str) -> None:
    try:
        with open(target, "rb") as handle:
            now = handle.read(len(expected) + 1)
    except FileNotFoundError:
        raise UserError(_("Filen ble slettet mens den ble endret, så ingenting er lagret."), path=shown) from None
    if now != expected:
        raise ChangedSinceRead


def replace_edited(path: str, data: bytes, *, expected: bytes, force: bool = False) -> None:
    """Replace a group file with its edited text: the file the path leads to (a
    symbolic link is followed), atomically, with its mode and owner, and only if
    it still holds `expected` (ChangedSinceRead otherwise)."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise UserError(_("Filen ble slettet mens den ble endret, så ingenting er lagret."), path=path) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(_(_SPECIAL), path=path)
    if not force and not info.st_mode & stat.S_IWUSR:
        raise UserError(_("Filen er skrivebeskyttet. Bruk --force hvis du vil endre den likevel."), path=path)
    with folder_lock(folder):
        _clean_leftovers(folder)
        _write_new(data, target, folder, shown=path, force=True, private=True, mode=stat.S_IMODE(info.st_mode),
                   owner=(info.st_uid, info.st_gid), expected=expected)


def _move_into_place(tmp: str, target: str, *, force: bool, shown: str) -> None:
    if force:
        refuse_existing(shown, force)  # still a regular file, or gone
        os.replace(tmp, target)
        return
    # link() refuses to replace an existing file, so a file that appeared
    # since we looked is not lost either.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise UserError(_(_EXISTS), path=shown) from None
    except OSError:
        if os.path.lexists(target):
            raise UserError(_(_EXISTS), path=shown) from None
        os.replace(tmp, target)  # file systems without hard links
