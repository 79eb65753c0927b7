"""Runs the rules on group files and applies the group's own decisions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from selvhjelp_cli.errors import UserError
from selvhjelp_cli.findings import SEVERITY_RANK, Context, Finding
from selvhjelp_cli.loader import (
    InvalidFile,
    LoadedGroup,
    is_group_data,
    mentions_group_keys,
    parse,
    read_text,
    validate,
)
from selvhjelp_cli.rules import all_rules, get_rule

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


@dataclass
class FileResult:
    path: str
    loaded: LoadedGroup | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.loaded is not None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity and not f.acknowledged)

    @property
    def acknowledged(self) -> int:
        return sum(1 for f in self.findings if f.acknowledged)

    def exit_code(self, strict: bool = False) -> int:
        if not self.valid:
            return EXIT_INVALID
        if self.count("error") or (strict and self.count("warning")):
            return EXIT_FINDINGS
        return EXIT_OK


@dataclass
class CheckRun:
    files: list[FileResult]
    skipped: list[str]
    today: date

    def exit_code(self, strict: bool = False) -> int:
        return max((f.exit_code(strict) for f in self.files), default=EXIT_OK)


def run_rules(loaded: LoadedGroup, today: date) -> list[Finding]:
    """Every finding for one valid group, with decisions applied, in file order."""
    ctx = Context(loaded.group, loaded.source, today)
    findings = [finding for rule in all_rules() for finding in rule.check(ctx)]
    _apply_decisions(findings, ctx)
    findings.sort(key=lambda f: (f.line or 0, SEVERITY_RANK[f.severity], f.rule))
    return findings


def _apply_decisions(findings: list[Finding], ctx: Context) -> None:
    decisions = [d for d in ctx.group.decisions if d.date <= ctx.today]
    for finding in findings:
        if finding.severity != "warning":
            continue
        finding.acknowledged = any(
            d.rule == finding.rule and (finding.decision_cutoff is None or d.date <= finding.decision_cutoff)
            for d in decisions
        )
    for index, decision in enumerate(ctx.group.decisions):
        if get_rule(decision.rule).SEVERITY == "error":
            findings.append(Finding(
                decision.rule, "info",
                f"Gruppa har registrert en beslutning om «{decision.rule}», men dette er et krav i rammene "
                "og kan ikke settes til side.",
                line=ctx.line("decisions", index, "rule"),
            ))


def check_file(path: str, today: date, *, only_groups: bool = False) -> FileResult | None:
    """The result for one file; None if only_groups and it is some other YAML file."""
    try:
        text = read_text(path)
        try:
            data, source = parse(text, path)
        except InvalidFile:
            if only_groups and not mentions_group_keys(text):
                return None
            raise
        if only_groups and not is_group_data(data):
            return None
        loaded = LoadedGroup(path, validate(data, source), source)
    except InvalidFile as exc:
        return FileResult(path, findings=[Finding("invalid", "error", p.message, p.line, column=p.column)
                                                for p in exc.problems])
    except UserError as exc:
        return FileResult(path, findings=[Finding("invalid", "error", exc.message, exc.line)])
    return FileResult(path, loaded, run_rules(loaded, today))


_SKIP_DIRS = {"node_modules", "__pycache__", "venv"}


def _yaml_files(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        found.extend(os.path.join(root, n) for n in sorted(names) if n.lower().endswith((".yaml", ".yml")))
    return found


def check_paths(paths: list[str], today: date) -> CheckRun:
    """Check files and folders; a file named explicitly is always checked."""
    results: list[FileResult] = []
    skipped: list[str] = []
    for given in paths or ["."]:
        if os.path.isdir(given):
            for path in _yaml_files(given):
                result = check_file(path, today, only_groups=True)
                if result is None:
                    skipped.append(path)
                else:
                    results.append(result)
        else:
            results.append(check_file(given, today))
    return CheckRun(results, skipped, today)
