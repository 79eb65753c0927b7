"""The house: rooms (folders) that import only downwards, never in a circle,
and modules that keep their private names to themselves.

Every import counts, also those inside functions (the lazy ones): a lazy
import that runs back up is still a dependency that runs back up.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "selvhjelp_cli"

# The rooms, lowest first. A module may import from its own room or any room below it.
LAYERS = [
    {"selvhjelp_cli", "core"},  # knows nothing of groups
    {"places"},  # counties, municipalities, postcodes, the directory
    {"groupfile"},  # the group file as data
    {"calendar"},  # the meetings
    {"rules"},  # the framework, and the check that runs it
    {"documents"},  # what is printed
    {"editing", "offices"},  # changes that lose nothing; what offices see
    {"app"},  # door two: the browser
    {"cli"},  # door one: the command line (it starts door two)
    {"entry", "__main__"},  # run(): errors become messages and exit codes
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "selvhjelp_cli"


def _is_module(dotted: str) -> bool:
    path = PACKAGE.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or path.is_dir()


def _imports(path: Path) -> dict[str, set[str]]:
    """Each module imported from the package, with the names taken from it."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("selvhjelp_cli"):
            base = node.module.removeprefix("selvhjelp_cli").removeprefix(".")
            for alias in node.names:
                dotted = f"{base}.{alias.name}" if base else alias.name
                if _is_module(dotted):  # `from selvhjelp_cli.places import districts` names a module
                    found.setdefault(dotted, set())
                else:
                    found.setdefault(base or "selvhjelp_cli", set()).add(alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("selvhjelp_cli."):
                    found.setdefault(alias.name.removeprefix("selvhjelp_cli."), set())
    return found


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
IMPORTS = {name: _imports(path) for name, path in MODULES.items()}
GRAPH = {name: set(found) for name, found in IMPORTS.items()}


def _room(module: str) -> str:
    return module.split(".", 1)[0]


def _layer(module: str) -> int:
    for number, rooms in enumerate(LAYERS):
        if _room(module) in rooms:
            return number
    raise AssertionError(f"{module} is in no room of tests/test_layers.py; add its folder where it belongs")


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_run_downwards(module):
    upward = sorted(d for d in GRAPH[module] if _layer(d) > _layer(module))
    assert not upward, f"{module} imports from a higher room: {upward}"


def test_no_import_cycles():
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for dep in sorted(GRAPH.get(module, ())):
            if dep == module:
                continue
            if state.get(dep) == "open":
                raise AssertionError("import cycle: " + " -> ".join([*trail, module, dep]))
            if dep not in state:
                visit(dep, [*trail, module])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [])


def test_every_folder_is_a_room_with_a_place_in_the_house():
    rooms = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    placed = set().union(*LAYERS)
    assert rooms <= placed, rooms - placed
    top_modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert top_modules <= placed, f"modules outside any room: {top_modules - placed}"


def test_one_module_per_name():
    names = Counter(path.stem for path in PACKAGE.rglob("*.py") if path.stem != "__init__")
    twice = sorted(name for name, count in names.items() if count > 1)
    assert not twice, f"two modules share a name: {twice}"


def _private(name: str) -> bool:
    # `_` is gettext by convention, and `__version__` the package's own: neither is private.
    return name.startswith("_") and name != "_" and not name.startswith("__")


def test_no_private_name_crosses_a_module():
    """No `from module import _name` and no `module._name` for a module of the package."""
    crossings = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported_modules: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("selvhjelp_cli"):
                base = node.module.removeprefix("selvhjelp_cli").removeprefix(".")
                for alias in node.names:
                    dotted = f"{base}.{alias.name}" if base else alias.name
                    if _is_module(dotted):
                        imported_modules.add(alias.asname or alias.name)
                    elif _private(alias.name):
                        crossings.append(f"{module}: from {node.module} import {alias.name}")
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in imported_modules and _private(node.attr)):
                crossings.append(f"{module}: {node.value.id}.{node.attr}")
    assert not crossings, "\n".join(crossings)


def test_rules_know_nothing_of_the_doors_and_the_cli_nothing_of_yaml():
    for module, deps in GRAPH.items():
        if _room(module) in ("rules", "groupfile", "calendar", "places", "core"):
            assert not {d for d in deps if _room(d) in ("cli", "app", "entry")}, module
    for module, path in MODULES.items():
        if _room(module) == "cli":
            source = path.read_text(encoding="utf-8")
            assert "import yaml" not in source and "ruamel" not in source, module
            assert not GRAPH[module] & {"core.source", "groupfile.validation"}, module


def test_no_module_is_longer_than_a_reader_can_hold():
    long = {module: n for module, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, long
