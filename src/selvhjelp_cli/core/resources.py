"""Access to the data/ and templates/ folders, installed or in a checkout."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def _folder(name: str) -> Traversable:
    # In a wheel the folders are copied into the package; in an editable
    # install they stay at the top of the repository, three levels up.
    packaged = files("selvhjelp_cli") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / name


def data_file(name: str) -> Traversable:
    return _folder("data") / name


def templates_dir() -> Traversable:
    return _folder("templates")


def locale_dir() -> Traversable:
    return _folder("locale")
