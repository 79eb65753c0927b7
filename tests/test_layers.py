"""The package's modules import only downwards, and never in a circle.

Every import counts, also those inside functions (the lazy ones): a lazy
import that runs back up is still a dependency that runs back up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "selvhjelp_cli"

# Lowest first. A module may import from its own layer or any layer below it.
LAYERS = [
    {"selvhjelp_cli", "i18n", "errors", "words", "language", "console", "resources"},
    {"dates", "files", "source", "splice", "districts"},
    {"model", "findings", "directory"},
    {"rules", "rules.*", "validation", "loader", "meetings", "render", "letterhead", "editor", "resolver"},
    {"checker", "documents", "init_group", "schema", "life", "overview", "publish"},
    {"report", "spreadsheet", "views", "views.*", "usage", "helppage"},
    {"cli", "app", "app.*"},  # the two doors
    {"entry", "__main__"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "selvhjelp_cli"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("selvhjelp_cli"):
            if node.module == "selvhjelp_cli":
                # `from selvhjelp_cli import districts` names a module; `__version__` is the package.
                found.update(a.name if (PACKAGE / f"{a.name}.py").exists() or (PACKAGE / a.name).is_dir()
                             else "selvhjelp_cli" for a in node.names)
            else:
                found.add(node.module.removeprefix("selvhjelp_cli."))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("selvhjelp_cli.") for a in node.names if a.name.startswith("selvhjelp_cli"))
    return found


GRAPH = {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def _layer(module: str) -> int:
    for number, members in enumerate(LAYERS):
        if module in members or any(m.endswith(".*") and module.startswith(m[:-1]) for m in members):
            return number
    raise AssertionError(f"{module} has no layer in tests/test_layers.py; add it where it belongs")


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_run_downwards(module):
    upward = sorted(d for d in GRAPH[module] if d != module and _layer(d) > _layer(module))
    assert not upward, f"{module} imports from a higher layer: {upward}"


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


def test_rules_know_nothing_of_the_cli_and_the_cli_nothing_of_yaml():
    for module, deps in GRAPH.items():
        if module.startswith("rules"):
            assert not deps & {"cli", "entry", "usage", "report", "console"} and not any(
                d.startswith("views") for d in deps), module
    cli_source = (PACKAGE / "cli.py").read_text(encoding="utf-8")
    assert "import yaml" not in cli_source and "ruamel" not in cli_source
    assert not GRAPH["cli"] & {"source", "validation"}
