"""Mutation testing for the modules whose guards keep edits from losing data.

    python scripts/mutate.py                    # every module below, all its mutants
    python scripts/mutate.py splice guard       # some of them
    python scripts/mutate.py editor --sample 40 --seed 1
    python scripts/mutate.py life --show        # list each surviving mutant

Each mutant is one small change to the module's syntax tree – a comparison turned
round, `and` for `or`, a constant changed, a `not` dropped, a statement removed, a
return value lost – written into a copy of the source tree. The module's mirrored
tests then run against it (tests/test_<module>.py, and the tests named below); a
mutant is killed when they fail (or hang past the time limit), and survives when
they pass. The kill rate is what the README's developer section reports.

Not run in CI: it takes minutes. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# module -> (its source file, the tests that pin it)
MODULES = {
    "splice": ("src/selvhjelp_cli/editing/splice.py", ["tests/test_splice.py"]),
    "editor": ("src/selvhjelp_cli/editing/editor.py", ["tests/test_editor.py"]),
    "life": ("src/selvhjelp_cli/editing/life.py", ["tests/test_life.py"]),
    "guard": ("src/selvhjelp_cli/app/guard.py", ["tests/test_guard.py"]),
}
_ANNOTATIONS = {"annotation", "returns", "type_comment"}
COPIED = ("src", "templates", "data", "locale", "examples", "schema", "tests", "pyproject.toml")
_FLIP_COMPARE = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE,
                 ast.LtE: ast.Gt, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_FLIP_BINARY = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult,
                ast.BitOr: ast.BitAnd, ast.BitAnd: ast.BitOr}


@dataclass(frozen=True)
class Mutant:
    number: int
    line: int
    what: str


class _Mutator(ast.NodeTransformer):
    """Walks the tree; with `target` None it only lists the mutation points, else it applies one."""

    def __init__(self, target: int | None = None, lines: list[str] | None = None) -> None:
        self.target = target
        self.lines = lines or []
        self.found: list[Mutant] = []
        self._docstrings: set[int] = set()

    def _point(self, node: ast.AST, what: str) -> bool:
        line = getattr(node, "lineno", 0)
        if 0 < line <= len(self.lines) and "pragma: no mutate" in self.lines[line - 1]:
            return False  # mutmut's marker: a line whose change changes nothing (a type alias)
        number = len(self.found)
        self.found.append(Mutant(number, getattr(node, "lineno", 0), what))
        return number == self.target

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self._note_docstrings(node)
        return self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        self._note_docstrings(node)
        return self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815 - the name ast.NodeVisitor looks for

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self._note_docstrings(node)
        return self.generic_visit(node)

    def _note_docstrings(self, node: ast.AST) -> None:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._docstrings.add(id(body[0]))

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for index, op in enumerate(node.ops):
            flipped = _FLIP_COMPARE.get(type(op))
            if flipped and self._point(node, f"{type(op).__name__} -> {flipped.__name__}"):
                node.ops[index] = flipped()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        if self._point(node, f"{type(node.op).__name__} -> {other.__name__}"):
            node.op = other()
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        flipped = _FLIP_BINARY.get(type(node.op))
        if flipped and self._point(node, f"{type(node.op).__name__} -> {flipped.__name__}"):
            node.op = flipped()
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._point(node, "not dropped"):
            return node.operand
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, bool):
            if self._point(node, f"{node.value} -> {not node.value}"):
                return ast.copy_location(ast.Constant(not node.value), node)
        elif isinstance(node.value, int) and not isinstance(node.value, bool):
            if self._point(node, f"{node.value} -> {node.value + 1}"):
                return ast.copy_location(ast.Constant(node.value + 1), node)
        elif node.value is None and self._point(node, "None -> True"):
            return ast.copy_location(ast.Constant(True), node)
        return node

    def visit_If(self, node: ast.If) -> ast.AST:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            return node  # imports for the type checker only
        self.generic_visit(node)
        if self._point(node, "if: condition -> False"):
            node.test = ast.copy_location(ast.Constant(False), node.test)
        return node

    def visit_Return(self, node: ast.Return) -> ast.AST:
        self.generic_visit(node)
        returns_something = node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None)
        if returns_something and self._point(node, "return value -> None"):
            node.value = None
        return node

    def generic_visit(self, node: ast.AST) -> ast.AST:
        # A statement removed (replaced by `pass`): raises, calls, assignments. Docstrings are left alone.
        for field, old in ast.iter_fields(node):
            if not isinstance(old, list) or not old or not isinstance(old[0], ast.stmt):
                continue
            new: list[ast.stmt] = []
            for statement in old:
                removable = isinstance(statement, (ast.Raise, ast.Expr, ast.Assign, ast.AugAssign,
                                                   ast.AnnAssign, ast.Delete)) and id(statement) not in self._docstrings
                if removable and not isinstance(statement, ast.AnnAssign) and self._point(
                        statement, f"{type(statement).__name__} removed"):
                    new.append(ast.copy_location(ast.Pass(), statement))
                    continue
                visited = self.visit(statement)
                if visited is None:
                    continue
                new.extend(visited if isinstance(visited, list) else [visited])
            setattr(node, field, new)
        for field, old in ast.iter_fields(node):
            if field in _ANNOTATIONS:
                continue  # never evaluated (from __future__ import annotations): a change there changes nothing
            if isinstance(old, ast.AST):
                setattr(node, field, self.visit(old))
            elif isinstance(old, list) and old and not isinstance(old[0], ast.stmt):
                setattr(node, field, [self.visit(item) if isinstance(item, ast.AST) else item for item in old])
        return node


def mutants_of(source: str) -> list[Mutant]:
    walker = _Mutator(lines=source.splitlines())
    walker.visit(ast.parse(source))
    return walker.found


def mutated(source: str, number: int) -> str:
    tree = ast.parse(source)
    _Mutator(number, source.splitlines()).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


def _copy_tree(into: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, into / name)


def _run_tests(tree: Path, tests: list[str], limit: float) -> tuple[bool, float]:
    """(passed, seconds) for the tests run against the tree's source."""
    environment = {**os.environ, "PYTHONPATH": str(tree / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                               "-p", "no:randomly", *tests], cwd=tree, env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return False, limit  # a hang is a failure the tests noticed
    return done.returncode == 0, time.monotonic() - started


def mutate(name: str, sample: int | None, seed: int, workers: int, show: bool,
           only: set[int] | None = None) -> tuple[int, int]:
    relative, tests = MODULES[name]
    source = (ROOT / relative).read_text(encoding="utf-8")
    everything = mutants_of(source)
    if only:  # the survivors of an earlier run, tried again against new tests (same source, same numbers)
        everything = [mutant for mutant in everything if mutant.number in only]
    chosen = everything if sample is None or sample >= len(everything) else sorted(
        random.Random(seed).sample(everything, sample), key=lambda m: m.number)
    with tempfile.TemporaryDirectory(prefix="selvhjelp-mutants-") as scratch:
        trees = []
        for worker in range(workers):
            tree = Path(scratch) / f"tree{worker}"
            tree.mkdir()
            _copy_tree(tree)
            trees.append(tree)
        passed, baseline = _run_tests(trees[0], tests, 900)
        if not passed:
            raise SystemExit(f"{name}: the tests fail without any mutant; fix them first")
        limit = max(30.0, baseline * 5)
        free = list(trees)
        survivors: list[Mutant] = []

        def attempt(mutant: Mutant) -> None:
            tree = free.pop()
            try:
                (tree / relative).write_text(mutated(source, mutant.number), encoding="utf-8")
                survived, _seconds = _run_tests(tree, tests, limit)
                if survived:
                    survivors.append(mutant)
            finally:
                (tree / relative).write_text(source, encoding="utf-8")
                free.append(tree)

        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(attempt, chosen))
    killed = len(chosen) - len(survivors)
    print(f"{name}: {killed} of {len(chosen)} mutants killed ({100 * killed / max(1, len(chosen)):.1f} %)"
          f"{'' if sample is None else f', a sample of {len(everything)}'}; tests: {', '.join(tests)}")
    if show:
        lines = source.splitlines()
        for mutant in sorted(survivors, key=lambda m: m.number):
            print(f"  survived #{mutant.number} line {mutant.line}: {mutant.what}: "
                  f"{lines[mutant.line - 1].strip()[:90] if mutant.line else ''}")
    return killed, len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=f"among {', '.join(MODULES)} (default: all)")
    parser.add_argument("--sample", type=int, help="mutate only this many, chosen at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    parser.add_argument("--show", action="store_true", help="list the mutants that survived")
    parser.add_argument("--only", help="only these mutants, by number (e.g. 5,7,114): the survivors of a run")
    arguments = parser.parse_args()
    unknown = [name for name in arguments.modules if name not in MODULES]
    if unknown:
        parser.error(f"no such module: {', '.join(unknown)} (choose among {', '.join(MODULES)})")
    for name in arguments.modules or list(MODULES):
        mutate(name, arguments.sample, arguments.seed, arguments.workers, arguments.show,
               {int(number) for number in arguments.only.split(",")} if arguments.only else None)


if __name__ == "__main__":
    main()
