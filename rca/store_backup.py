"""Backups of a workspace: copies beside it (``<name>.backups/``) named with a UTC time stamp.

They are taken only from a file that parses: before a migration, before a restore, and at the start of
a write when the newest one is older than ``Workspace.backup_interval``. The newest ``keep`` are kept.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rca import paths
from rca.errors import NotFound, WorkspaceCorrupt, WorkspaceTooNew
from rca.i18n import _
from rca.model import SCHEMA_VERSION
from rca.store_disk import FormatProblem, checked_version, count_cases, unwritable, write_atomically

_STAMP = "%Y%m%dT%H%M%S.%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\.\d{6})Z\.json$")


@dataclass(frozen=True)
class Backup:
    """One backup file of a workspace."""

    path: Path
    """Where it is."""
    taken_at: datetime
    """When it was taken (UTC, from its name)."""
    size: int
    """Its size in bytes."""
    cases: int | None
    """How many cases it holds; None if it does not parse."""


_counts: dict[tuple[str, int, int], int | None] = {}
"""Case counts of backup files by (path, size, mtime): a backup never changes, so parse it once."""


def _count(path: Path, size: int, mtime_ns: int) -> int | None:
    key = (str(path), size, mtime_ns)
    if key not in _counts:
        try:
            _counts[key] = count_cases(path.read_bytes())
        except OSError:
            _counts[key] = None
    return _counts[key]


def _backup_files(workspace: Path) -> list[tuple[datetime, Path]]:
    """The backups of ``workspace``, newest first, from their names only (no parsing)."""
    folder = paths.backups_dir(workspace)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match and entry.is_file():
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append((taken, Path(entry.path)))
    found.sort(reverse=True)
    return found


def _backups(workspace: Path) -> Iterator[Backup]:
    for taken, path in _backup_files(workspace):
        try:
            info = path.stat()
        except OSError:
            continue
        yield Backup(path, taken, info.st_size, _count(path, info.st_size, info.st_mtime_ns))


def list_backups(workspace: Path) -> list[Backup]:
    """Every backup of ``workspace``, newest first."""
    return list(_backups(workspace))


def newest_backup_time(workspace: Path) -> datetime | None:
    files = _backup_files(workspace)
    return files[0][0] if files else None


def newest_good_backup(workspace: Path) -> Backup | None:
    """The newest backup that this rca can restore (it parses, validates, is not from a newer rca), if any."""
    for backup in _backups(workspace):
        if backup.cases is None:
            continue
        try:
            restorable(backup.path)
        except (NotFound, WorkspaceCorrupt, WorkspaceTooNew):
            continue
        return backup
    return None


def take_backup(workspace: Path, raw: bytes, *, keep: int, now: datetime | None = None) -> Path:
    """Write ``raw`` (the content of ``workspace``, known to parse) as a new backup; keep the newest ``keep``.

    ``WorkspaceUnwritable`` when the backup cannot be written: a change is not made without it.
    """
    folder = paths.backups_dir(workspace)
    taken = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise unwritable(folder / "backup.json", error) from error
    existing = {path for _taken, path in _backup_files(workspace)}
    while True:
        target = folder / f"{workspace.stem}-{taken.strftime(_STAMP)}Z.json"
        if target not in existing and not target.exists():
            break
        taken = taken.replace(microsecond=(taken.microsecond + 1) % 1_000_000)
    write_atomically(target, raw)
    for _taken, old in _backup_files(workspace)[max(keep, 1):]:
        with suppress(OSError):
            old.unlink()
    return target


def set_aside(workspace: Path, raw: bytes, now: datetime | None = None) -> Path:
    """Keep a copy of a workspace that does not parse beside it, as ``<name>.corrupt-<stamp>``."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    target = workspace.with_name(f"{workspace.name}.corrupt-{stamp}Z")
    write_atomically(target, raw)
    return target


def corrupt_error(workspace: Path, problem: str) -> WorkspaceCorrupt:
    """The error for a workspace that does not parse: which file, what is wrong, what to do."""
    backup = newest_good_backup(workspace)
    if backup is None:
        advice = _("There is no good backup to go back to: fix the file by hand, or move it aside to start a "
                   "new workspace.")
    else:
        advice = _("The newest good backup is {backup} (taken {when} UTC); 'rca recover' will restore it.",
                   backup=backup.path, when=backup.taken_at.strftime("%Y-%m-%d %H:%M"))
    message = _("workspace {path} cannot be read: {problem}. The file was left as it is. {advice}",
                path=workspace, problem=problem, advice=advice)
    return WorkspaceCorrupt(message, path=workspace)


def too_new_error(workspace: Path, found: int) -> WorkspaceTooNew:
    """The error for a workspace written by a newer rca: update rca; a backup is named, with what it costs."""
    message = _("workspace {path} was written by a newer rca (schema version {found}; this one knows up to "
                "{known}); update rca to open it. The file was left as it is.",
                path=workspace, found=found, known=SCHEMA_VERSION)
    backup = newest_good_backup(workspace)
    if backup is not None:
        message += " " + _("If it should not have been upgraded: the newest backup this rca can read is {backup} "
                           "(taken {when} UTC); 'rca recover' will restore it, and what was saved with the newer "
                           "rca since then would be lost.",
                           backup=backup.path, when=backup.taken_at.strftime("%Y-%m-%d %H:%M"))
    return WorkspaceTooNew(message, path=workspace)


def restorable(path: Path) -> bytes:
    """The bytes of a backup that can be restored: it parses, validates and is not from a newer rca."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise NotFound(_("cannot read the backup {path}: {error}", path=path, error=error.strerror or error)
                       ) from None
    try:
        version = checked_version(raw)
    except FormatProblem as problem:
        raise WorkspaceCorrupt(_("cannot restore {path}: {problem}; choose another backup",
                                 path=path, problem=problem), path=Path(path)) from None
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNew(_("cannot restore {path}: it was written by a newer rca (schema version {found}); "
                                "update rca first", path=path, found=version), path=Path(path))
    return raw


def keep_before_restore(workspace: Path, *, keep: int) -> None:
    """Before a restore (under the lock): back the current file up, or set it aside if it does not parse."""
    try:
        raw = workspace.read_bytes()
    except FileNotFoundError:
        return
    except OSError as error:
        raise unwritable(workspace, error) from error
    try:
        checked_version(raw)
    except FormatProblem:
        set_aside(workspace, raw)
        return
    take_backup(workspace, raw, keep=keep)
