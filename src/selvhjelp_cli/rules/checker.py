"""Runs the rules on group files and applies the group's own decisions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.errors import ExitCode, InvalidFile, UserError
from selvhjelp_cli.core.i18n import N_, _, translate
from selvhjelp_cli.core.source import parse, read_text
from selvhjelp_cli.groupfile.loader import LoadedGroup, is_group_data, mentions_group_keys
from selvhjelp_cli.groupfile.validation import validate
from selvhjelp_cli.rules import all_rules, get_rule, is_requirement
from selvhjelp_cli.rules.findings import SEVERITY_RANK, Context, Finding

if TYPE_CHECKING:
    from collections.abc import Callable

    from selvhjelp_cli.groupfile.model import Group


@dataclass
class FileResult:
    path: str
    loaded: LoadedGroup | None = None
    findings: list[Finding] = field(default_factory=list)
    status: Any = None  # a status file's contents (groupfile/statusfile.StatusFile): a group reported without names

    @property
    def valid(self) -> bool:
        return self.loaded is not None or self.status is not None

    @property
    def group(self) -> Group:
        """The group of a valid group file (a status file has none: see `status`)."""
        if self.loaded is None:
            raise ValueError("not a valid group file")
        return self.loaded.group

    @property
    def group_name(self) -> str | None:
        if self.loaded is not None:
            return self.loaded.group.name
        return self.status.group.name if self.status is not None else None

    def count(self, severity: str) -> int:
        return sum(f.count for f in self.findings if f.severity == severity and not f.acknowledged)

    @property
    def acknowledged(self) -> int:
        return sum(f.count for f in self.findings if f.acknowledged)

    def exit_code(self, strict: bool = False) -> int:
        if not self.valid:
            return ExitCode.USAGE
        if self.count("error") or (strict and self.count("warning")):
            return ExitCode.FINDINGS
        return ExitCode.OK


@dataclass
class CheckRun:
    files: list[FileResult]
    skipped: list[Skipped]
    today: date

    def exit_code(self, strict: bool = False) -> int:
        return max((f.exit_code(strict) for f in self.files), default=ExitCode.OK)


def _findings(ctx: Context) -> list[Finding]:
    findings = [finding for rule in all_rules() for finding in rule.check(ctx)]
    _apply_decisions(findings, ctx)
    return findings


def run_rules(loaded: LoadedGroup, today: date) -> list[Finding]:
    """Every finding for one valid group, with decisions applied, in file order."""
    findings = _findings(Context(loaded.group, loaded.source, today))
    findings.sort(key=lambda f: (f.line or 0, SEVERITY_RANK[f.severity], f.rule))
    return findings


def findings_for_group(group, today: date) -> list[Finding]:
    """What the rules say about a group without its file (so without lines):
    what a printed document must not contradict."""
    from selvhjelp_cli.core.source import SourceMap

    return _findings(Context(group, SourceMap("<gruppe>"), today))


def _is_requirement(rule_id: str) -> bool:
    rule = get_rule(rule_id)
    return rule is not None and is_requirement(rule)


def _apply_decisions(findings: list[Finding], ctx: Context) -> None:
    decisions = [d for d in ctx.group.decisions if d.date <= ctx.today]
    for finding in findings:
        if finding.severity != "warning" or _is_requirement(finding.rule):
            continue
        covering = [
            d
            for d in decisions
            if d.rule == finding.rule and (finding.decision_cutoff is None or d.date <= finding.decision_cutoff)
        ]
        finding.acknowledged = bool(covering)
        if covering and finding.agreed:
            from selvhjelp_cli.core.dates import short_date

            finding.message = finding.agreed.format(day=short_date(max(d.date for d in covering)))
    for index, decision in enumerate(ctx.group.decisions):
        rule = get_rule(decision.rule)
        if rule is not None and is_requirement(rule):
            findings.append(Finding(
                decision.rule, "info",
                _("Gruppa har registrert en beslutning om «{rule}», men dette er et krav i rammene "
                "og kan ikke velges bort.").format(rule=decision.rule),
                line=ctx.line("decisions", index, "rule"),
                plain=_("Gruppa har registrert en beslutning om kravet «{title}», men et krav i rammene kan ikke "
                        "velges bort.").format(title=translate(rule.TITLE)),
            ))


def check_status_file(path: str) -> FileResult:
    """A status file as a result: its findings by rule, as counted on the day it was made."""
    from selvhjelp_cli.groupfile.statusfile import read_status

    try:
        status = read_status(path)
    except InvalidFile as exc:
        return FileResult(path, findings=[Finding("invalid", "error", p.message, p.line, column=p.column)
                                          for p in exc.problems])
    except UserError as exc:
        return FileResult(path, findings=[Finding("invalid", "error", exc.message, exc.line)])
    findings = []
    for item in status.findings:
        rule = get_rule(item.rule)
        title = translate(rule.TITLE) if rule is not None else item.rule
        findings.append(Finding(item.rule, item.severity, _("{title} ({count} "
                                                            "ganger)").format(title=title, count=item.count)
                                if item.count > 1 else title, count=item.count, acknowledged=item.acknowledged))
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.rule))
    return FileResult(path, findings=findings, status=status)


def check_file(path: str, today: date, *, only_groups: bool = False) -> FileResult | None:
    """The result for one file; None if only_groups and it is some other YAML file."""
    from selvhjelp_cli.groupfile.file_kinds import is_status_file

    if is_status_file(path):
        return check_status_file(path)
    try:
        text = read_text(path)
    except UserError as exc:
        return FileResult(path, findings=[Finding("invalid", "error", exc.message, exc.line)])
    return check_text(text, path, today, only_groups=only_groups)


def check_text(text: str, path: str, today: date, *, only_groups: bool = False) -> FileResult | None:
    """The result for a group file's text (read by the caller, who may need the very bytes checked)."""
    try:
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
# Deeper than this, a folder tree is not a collection of groups but a mistake
# (or a trap); the walk stops there and says so.
MAX_FOLDER_DEPTH = 64


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


_NOT_A_GROUP = N_("ikke en gruppefil")


def _unreadable(path: str) -> FileResult:
    return FileResult(path, findings=[Finding("invalid", "error", _("Mappen kan ikke leses, så filene i den er "
                                                                  "ikke sjekket."))])


def _walk(folder: str, today: date, results: list[FileResult], skipped: list[Skipped]) -> None:
    """Check every group file (and status file) below folder, depth first in name order, without recursion."""
    from selvhjelp_cli.groupfile.file_kinds import STATUS_SUFFIX as SUFFIX
    from selvhjelp_cli.groupfile.file_kinds import is_status_file

    seen: set[tuple[int, int]] = set()
    stack = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                skipped.append(Skipped(current, _("en snarvei fører tilbake til en mappe som alt er sjekket")))
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            results.append(_unreadable(current))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                if entry.name in _SKIP_DIRS:
                    continue
                if depth >= MAX_FOLDER_DEPTH:
                    results.append(FileResult(entry.path, findings=[Finding(
                        "invalid", "error", _("Mappene ligger dypere enn {MAX_FOLDER_DEPTH} nivåer; det som "
                        "ligger her og under, er ikke sjekket.").format(MAX_FOLDER_DEPTH=MAX_FOLDER_DEPTH))]))
                    continue
                folders.append(entry.path)
            elif is_status_file(entry.name):
                stem = entry.name[: -len(SUFFIX)]
                if any(e.name in (stem + ".yaml", stem + ".yml") for e in entries):
                    # The group file itself is here, and it is the truth: the status of it would count it twice.
                    skipped.append(Skipped(entry.path, _("statusfil for en gruppe som har gruppefilen sin her")))
                else:
                    results.append(check_status_file(entry.path))
            elif entry.name.lower().endswith((".yaml", ".yml")):
                if not is_file and os.path.exists(entry.path):
                    skipped.append(Skipped(entry.path, _("ikke en vanlig fil")))
                    continue
                result = check_file(entry.path, today, only_groups=True)
                if result is None:
                    skipped.append(Skipped(entry.path, _(_NOT_A_GROUP)))
                else:
                    results.append(result)
        stack.extend((path, depth + 1) for path in reversed(folders))


def check_folder(folder: str, today: date, files: list[tuple[str, int, int]] | None, *, known: dict | None = None,
                 groups: dict | None = None, progress: Callable[[int], None] | None = None) -> CheckRun:
    """The group files and status files among `files`: the regular files directly in one folder as
    (path, size, time), as the caller has just seen them (the app: no symbolic link out of the folder);
    None when the folder could not be read.

    `known` (the app's) keeps each file's result by its name, size and time, so a folder of thousands
    is read again only where a file changed; whoever keeps it empties it when the day or the language
    changes. `groups` keeps each valid group file as read, by the same key, across days and languages:
    reading is most of the work, and only the rules depend on the day. `progress` hears how many files
    are done, after each."""
    from selvhjelp_cli.groupfile.file_kinds import STATUS_SUFFIX as SUFFIX
    from selvhjelp_cli.groupfile.file_kinds import is_status_file

    if files is None:
        return CheckRun([_unreadable(folder)], [], today)
    results: list[FileResult] = []
    skipped: list[Skipped] = []
    present = {os.path.basename(path) for path, _size, _mtime in files}
    for done, key in enumerate(files, 1):
        path = key[0]
        name = os.path.basename(path)
        if is_status_file(name):
            if not any(other in present for other in (name[: -len(SUFFIX)] + ".yaml",
                                                      name[: -len(SUFFIX)] + ".yml")):
                results.append(_remembered(known, key, partial(check_status_file, path)))
        elif name.lower().endswith((".yaml", ".yml")):
            result = _remembered(known, key, partial(_check_group_file, key, today, groups))
            if result is None:
                skipped.append(Skipped(path, _(_NOT_A_GROUP)))
            else:
                results.append(result)
        if progress is not None:
            progress(done)
    return CheckRun(results, skipped, today)


def _check_group_file(key: tuple[str, int, int], today: date, groups: dict | None) -> FileResult | None:
    path = key[0]
    if groups is not None and key in groups:
        return FileResult(path, groups[key], run_rules(groups[key], today))
    result = check_file(path, today, only_groups=True)
    if groups is not None and result is not None and result.loaded is not None:
        groups[key] = result.loaded
    return result


def _remembered(known: dict | None, key: tuple, check: Callable[[], FileResult | None]) -> Any:
    if known is None:
        return check()
    if key not in known:
        known[key] = check()
    return known[key]


def check_paths(paths: list[str], today: date) -> CheckRun:
    """Check files and folders; a file named explicitly is always checked."""
    results: list[FileResult] = []
    skipped: list[Skipped] = []
    for given in paths or ["."]:
        if os.path.isdir(given):
            _walk(given, today, results, skipped)
        elif (result := check_file(given, today)) is not None:  # never None for a file named explicitly
            results.append(result)
    return CheckRun(results, skipped, today)
