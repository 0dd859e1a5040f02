"""The TinyDB storage of one workspace file.

Reads are cached on the file's identity (inode, mtime in ns, size): a read that finds the file
unchanged costs one ``fstat``. A file that changed is parsed with orjson, its shape checked and every
case validated once; the validated cases are kept with it (``Snapshot.cases``) for fast listing.

Writes only happen inside a transaction (``begin`` / ``commit`` / ``rollback``, run by ``Workspace``
under the inter-process lock): TinyDB's writes are collected in memory and ``commit`` writes the file
once, atomically. ``begin`` re-reads strictly (it compares bytes even when the identity looks the same:
inode numbers are reused and mtime can be coarse), so a change never applies to a stale copy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from rca.errors import InvalidInput, WorkspaceError, WorkspaceTooNew
from rca.i18n import _
from rca.model import SCHEMA_VERSION, Case
from rca.store_backup import corrupt_error
from rca.store_disk import FormatProblem, check_cases, dump_tables, parse_tables, unwritable, write_atomically

CacheKey = tuple[int, int, int]


@dataclass
class Snapshot:
    """The content of the workspace file at one moment."""

    key: CacheKey
    """The file's (inode, mtime in ns, size) when it was read."""
    raw: bytes
    """Its bytes."""
    data: dict[str, Any]
    """Its tables, parsed."""
    version: int
    """Its schema version."""
    cases: dict[int, Case] | None
    """Its cases, validated, by number (shared: never handed out to be changed); None before migration."""


def _key(info: os.stat_result) -> CacheKey:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


class WorkspaceFile(Storage):
    """A TinyDB storage over one workspace file: cached, checked reads; one atomic write per transaction."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._snapshot: Snapshot | None = None
        self._working: dict[str, Any] | None = None
        self._dirty = False
        self.in_transaction = False

    # TinyDB's interface ------------------------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        if self.in_transaction:
            return self._working
        snapshot = self.load()
        return None if snapshot is None else snapshot.data

    def write(self, data: dict[str, Any]) -> None:
        if not self.in_transaction:
            raise RuntimeError("workspace writes happen inside a Workspace transaction")
        self._working = data
        self._dirty = True

    # Reading -----------------------------------------------------------------------------------------

    def load(self, *, strict: bool = False) -> Snapshot | None:
        """The file's content (None when there is no file); parsed again only when the file changed.

        Raises ``WorkspaceCorrupt`` or ``WorkspaceTooNew`` for a file that cannot be used.
        """
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 - fstat and read the same open file
        except FileNotFoundError:
            self._snapshot = None
            return None
        except IsADirectoryError as error:
            raise unwritable(self.path, error) from error
        except OSError as error:
            raise WorkspaceError(
                _("cannot read {path}: {error}", path=self.path, error=error.strerror or error), path=self.path
            ) from error
        with handle:
            key = _key(os.fstat(handle.fileno()))
            cached = self._snapshot
            if cached is not None and cached.key == key and not strict:
                return cached
            raw = handle.read()
        if cached is not None and cached.raw == raw:
            cached.key = key
            return cached
        self._snapshot = None
        self._snapshot = self._parse(raw, key)
        return self._snapshot

    def _parse(self, raw: bytes, key: CacheKey) -> Snapshot:
        try:
            data, version = parse_tables(raw)
            if version > SCHEMA_VERSION:
                raise WorkspaceTooNew(
                    _("workspace {path} was written by a newer rca (schema version {found}; this one knows up "
                      "to {known}); update rca to open it. The file was left as it is.",
                      path=self.path, found=version, known=SCHEMA_VERSION),
                    path=self.path,
                )
            cases = check_cases(data) if version == SCHEMA_VERSION else None
        except FormatProblem as problem:
            raise corrupt_error(self.path, str(problem)) from None
        return Snapshot(key, raw, data, version, cases)

    def forget(self) -> None:
        """Drop the cached content (the next read parses the file)."""
        self._snapshot = None

    # Transactions ------------------------------------------------------------------------------------

    def begin(self) -> Snapshot | None:
        """Start collecting writes, from the file as it is now (read strictly)."""
        if self.in_transaction:
            raise RuntimeError("a workspace change is already running; changes cannot be nested")
        snapshot = self.load(strict=True)
        self._working = None if snapshot is None else snapshot.data
        self._dirty = False
        self.in_transaction = True
        return snapshot

    def replace_working(self, data: dict[str, Any]) -> None:
        """Replace the whole content to write (a migration)."""
        self.write(data)

    def commit(self, cases: Mapping[int, Case], *, all_cases: bool = False) -> None:
        """Write the collected content, if anything changed; ``cases`` are the validated cases written."""
        try:
            if not self._dirty or self._working is None:
                return
            try:
                raw = dump_tables(self._working)
            except orjson.JSONEncodeError as error:
                raise InvalidInput(
                    _("the change holds text that cannot be saved ({error}); retype it without special "
                      "characters. Nothing was saved.", error=error)
                ) from None
            info = write_atomically(self.path, raw)
            previous = self._snapshot.cases if self._snapshot and self._snapshot.cases else {}
            kept = {} if all_cases else previous
            self._snapshot = Snapshot(_key(info), raw, self._working, SCHEMA_VERSION, {**kept, **cases})
            self._dirty = False
        finally:
            self.rollback()

    def rollback(self) -> None:
        """End the transaction without writing."""
        if self._dirty:
            # TinyDB changed the cached tables in place: they no longer match the file.
            self._snapshot = None
        self._working = None
        self._dirty = False
        self.in_transaction = False
