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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from rca.errors import InvalidInput, WorkspaceError
from rca.i18n import _
from rca.model import SCHEMA_VERSION, Case
from rca.store_backup import corrupt_error, too_new_error
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
    cases: dict[int, Case | None] | None
    """Its cases, validated, by number (shared: never to be changed); None before migration.

    A case this process just wrote is None until it is listed (``WorkspaceFile.cases``): a writer that
    does not list does not pay for validating it again.
    """
    unshared: set[int] = field(default_factory=set)
    """Cases validated by the parse of this snapshot and never handed out yet (see ``take_case``)."""


def _key(info: os.stat_result) -> CacheKey:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _unchanged(previous: Snapshot | None, data: dict[str, Any]) -> dict[int, Case]:
    """The validated cases of ``previous`` whose documents are the same in ``data``.

    After another process saved one case of 500, only that one is validated again (comparing two
    documents is far cheaper than validating one).
    """
    if previous is None or not previous.cases:
        return {}
    old_docs = previous.data.get("cases", {})
    unchanged = {}
    for doc_id, doc in data["cases"].items():
        case = previous.cases.get(int(doc_id))
        if case is not None and old_docs.get(doc_id) == doc:
            unchanged[int(doc_id)] = case
    return unchanged


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

        Raises ``WorkspaceCorrupt`` or ``WorkspaceTooNew`` (see ``store_backup``) for a file that cannot be used.
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
        self._snapshot = self._parse(raw, key, previous=cached)
        return self._snapshot

    def cases(self, snapshot: Snapshot) -> dict[int, Case]:
        """Every case of ``snapshot``, validated (call it under the workspace's mutex)."""
        if snapshot.cases is None:
            return {}
        snapshot.unshared.clear()  # they are handed out now
        for number, case in snapshot.cases.items():
            if case is None:
                snapshot.cases[number] = Case.model_validate(snapshot.data["cases"][str(number)])
        return snapshot.cases  # type: ignore[return-value]  # no None left

    def take_case(self, number: int) -> Case | None:
        """In a transaction: the validated case ``number`` if nobody was given it yet (it is then no longer
        cached), so the case a change works on is not validated twice after another process's write."""
        snapshot = self._snapshot
        if not self.in_transaction or snapshot is None or snapshot.cases is None or number not in snapshot.unshared:
            return None
        snapshot.unshared.discard(number)
        case = snapshot.cases.get(number)
        snapshot.cases[number] = None
        return case

    def _parse(self, raw: bytes, key: CacheKey, previous: Snapshot | None = None) -> Snapshot:
        try:
            data, version = parse_tables(raw)
            if version > SCHEMA_VERSION:
                raise too_new_error(self.path, version)
            known = _unchanged(previous, data)
            cases = check_cases(data, known=known) if version == SCHEMA_VERSION else None
        except FormatProblem as problem:
            raise corrupt_error(self.path, str(problem)) from None
        if cases is None:
            return Snapshot(key, raw, data, version, None)
        return Snapshot(key, raw, data, version, dict(cases), unshared=set(cases) - set(known))

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

    def commit(self, cases: Mapping[int, Case | None], *, all_cases: bool = False) -> None:
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
