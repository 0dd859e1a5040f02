"""The workspace: every case in one TinyDB JSON file, safe for several writers at once.

Every change is one transaction: take the inter-process lock (``<file>.lock``, with a bounded wait),
re-read the file, apply the change to a fresh copy of the case, validate it, write the whole file
atomically, release. A form that was opened on an older version of a case is merged field by field
(``save_case``) or refused with both texts (``ConflictError``) — never saved over someone else's work.

A file that does not parse is never written; a file from a newer rca is never written; an older one
is migrated after a backup. Reads take no lock (writes replace the file atomically) and skip parsing
when the file has not changed. See ``store_file`` (the TinyDB storage), ``store_disk`` (the format,
atomic writes) and ``store_backup``.
"""

from __future__ import annotations

import getpass
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB

from rca import patch, paths
from rca.errors import ConflictError, InvalidInput, NotFound, WorkspaceUnwritable
from rca.i18n import _
from rca.model import SCHEMA_VERSION, Action, AuditEntry, Case, Method, utc_now
from rca.store_backup import (
    Backup,
    corrupt_error,
    keep_before_restore,
    list_backups,
    newest_backup_time,
    restorable,
    take_backup,
)
from rca.store_disk import (
    FormatProblem,
    check_cases,
    migrated_tables,
    parse_tables,
    stale_temp_files,
    unwritable,
    write_atomically,
)
from rca.store_file import Snapshot, WorkspaceFile
from rca.store_lock import WorkspaceLock
from rca.store_transaction import (
    STORE_FIELDS,
    IdSource,
    Transaction,
    invalid,
    no_case,
    validated,
    without_store_fields,
)

__all__ = ["MIGRATIONS", "Backup", "IdSource", "Workspace", "open_workspace"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""Migrations by the schema version they start from: each takes the whole file's tables at that version
and returns them at the next one (``schema_version`` is set by the runner). None yet: v1 is the first."""

AUDIT_FIELDS_KEPT = 20
"""An audit entry lists at most this many changed fields."""
_CASE_REF = re.compile(r"^(?:C-)?0*([1-9][0-9]*)$", re.IGNORECASE)
_ACTION_REF = re.compile(r"^(?:A-)?0*([1-9][0-9]*)$", re.IGNORECASE)


def _as_text(name: str) -> str:
    """A user name that can be saved: bytes that were not UTF-8 (``--user`` or ``RCA_USER`` from a Latin-1
    terminal arrive as lone surrogates, which no JSON file can hold) are read as Latin-1."""
    if not any("\ud800" <= char <= "\udfff" for char in name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that did not come from undecodable bytes
        return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _login_name() -> str:
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # no login name in this environment (containers, services)
        return "unknown"


class Workspace:
    """The cases of one workspace file (see the module docstring)."""

    backup_interval: timedelta = timedelta(minutes=10)
    """A write first backs the file up when the newest backup is older than this."""
    keep_backups: int = 20
    """How many backups are kept."""

    def __init__(self, path: Path, *, user: str | None = None, lock_timeout: float = 10.0) -> None:
        self.path = Path(path).expanduser()
        self.user = _as_text(user or os.environ.get("RCA_USER", "").strip() or _login_name())
        self.lock_timeout = lock_timeout
        self._file = WorkspaceFile(self.path)
        self._db = TinyDB(storage=lambda: self._file)  # type: ignore[arg-type]  # our storage instance
        self._lock = WorkspaceLock(self.path, user=self.user)
        self._mutex = threading.RLock()
        self._opened = False
        self._swept = False

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}, user={self.user!r})"

    # Opening -----------------------------------------------------------------------------------------

    def open(self) -> Workspace:
        """Check the file (if there is one: it is not created) and migrate it, after a backup, if older."""
        with self._mutex:
            snapshot = self._file.load()
        if snapshot is not None and snapshot.version < SCHEMA_VERSION:
            with self._transaction(opening=True):
                pass  # the transaction migrates an older file
        self._opened = True
        return self

    def exists(self) -> bool:
        return self.path.is_file()

    def _ready(self) -> None:
        """Open (and migrate) the file first if need be, outside the mutex (a migration takes the lock)."""
        if not self._opened:
            self.open()
        with self._mutex:
            snapshot = self._file.load()
        if snapshot is not None and snapshot.cases is None:  # an older file was put in its place
            self.open()

    # Reading -----------------------------------------------------------------------------------------

    def list_cases(self, *, include_archived: bool = True) -> list[Case]:
        """Every case, by number.

        The cases are shared snapshots (listing 500 cases must not validate them again): read them, do not
        change them. Change a case with ``update_case``, or edit ``get_case``'s copy and ``save_case`` it.
        """
        self._ready()
        with self._mutex:  # not while a transaction of another thread changes the tables in place
            snapshot = self._file.load()
            if snapshot is None:
                return []
            cases = self._file.cases(snapshot)
            return [case for _number, case in sorted(cases.items()) if include_archived or not case.archived]

    def get_case(self, case_id: str) -> Case:
        """A copy of one case, yours to change (``C-3``, ``c-3`` and ``3`` all name case 3)."""
        number = self._case_number(case_id)
        self._ready()
        with self._mutex:  # not while a transaction of another thread changes the tables in place
            snapshot = self._file.load()
            if snapshot is None or not snapshot.cases or number not in snapshot.cases:
                raise no_case(self.path, f"C-{number}", list(snapshot.cases or {}) if snapshot else [])
            return Case.model_validate(snapshot.data["cases"][str(number)])

    def find_action(self, action_id: str) -> tuple[Case, Action]:
        """The case holding an action (a copy) and the action (``A-12``, ``a-12`` and ``12`` name A-12)."""
        wanted = self._action_id(action_id)
        for case in self.list_cases():
            if any(action.id == wanted for action in case.actions):
                copy = self.get_case(case.id)
                return copy, copy.action(wanted)
        raise NotFound(_("no action {action} in {path}", action=wanted, path=self.path))

    def all_actions(self) -> list[tuple[Case, Action]]:
        """Every action with its case (shared snapshots, as ``list_cases``), by case then plan order."""
        return [(case, action) for case in self.list_cases() for action in case.actions]

    def backups(self) -> list[Backup]:
        """The backups of this workspace, newest first."""
        return list_backups(self.path)

    # Changing ----------------------------------------------------------------------------------------

    def create_case(self, *, title: str, method: Method | str, build: Callable[[Case, IdSource], object] | None = None,
                    summary: str | None = None) -> Case:
        """A new case ``C-n`` (version 1, created by this user today); ``build`` may fill it in the same change."""
        chosen = method if isinstance(method, Method) else Method.parse(str(method), "method")
        with self._transaction() as transaction:
            number = transaction.next_case_number()
            case_id = f"C-{number}"
            try:
                case = Case(id=case_id, title=title, method=chosen, created_by=self.user, created_on=date.today())
                if build is not None:
                    build(case, transaction.ids)
            except ValidationError as error:
                raise invalid(case_id, error) from None
            return self._insert(transaction, number, case, summary or _("case created"))

    def add_case(self, case: Case, *, summary: str) -> Case:
        """Import a case: its id is kept when free, else it gets a new one; clashing action ids are renewed."""
        incoming = validated(case)
        with self._transaction() as transaction:
            docs = transaction.docs()
            number = incoming.number if str(incoming.number) not in docs else transaction.next_case_number()
            transaction.set_counter("next_case", max(transaction.meta["next_case"], number + 1))
            taken = transaction.action_ids()
            clashing = []
            for action in incoming.actions:
                if action.id in taken:
                    clashing.append(action)
                else:
                    taken.add(action.id)
                    kept = int(action.id.split("-")[1])
                    transaction.set_counter("next_action", max(transaction.meta["next_action"], kept + 1))
            for action in clashing:
                action.id = transaction.ids.next_action_id()
            return self._insert(transaction, number, incoming, summary)

    def update_case(self, case_id: str, change: Callable[[Case, IdSource], object], *, summary: str) -> Case:
        """Change one case in one transaction: ``change`` edits a fresh copy; the result is validated and
        saved with ``version + 1`` and an audit entry. Nothing is written when nothing changed, or when
        ``change`` raises (an ``RcaError`` is passed on as it is)."""
        number = self._case_number(case_id)
        with self._transaction() as transaction:
            edited = transaction.case(number)
            try:
                change(edited, transaction.ids)
            except ValidationError as error:
                raise invalid(edited.id, error) from None
            return self._save(transaction, number, _dumped(edited), summary)

    def update_action(self, action_id: str, change: Callable[[Case, Action], object], *, summary: str) -> Case:
        """Change one action (and its case, if need be) in one transaction, as ``update_case``."""
        wanted = self._action_id(action_id)
        with self._transaction() as transaction:
            number = transaction.case_holding(wanted)
            if number is None:
                raise NotFound(_("no action {action} in {path}", action=wanted, path=self.path))
            edited = transaction.case(number)
            try:
                change(edited, edited.action(wanted))
            except ValidationError as error:
                raise invalid(edited.id, error) from None
            return self._save(transaction, number, _dumped(edited), summary)

    def save_case(self, edited: Case, *, base: Case, summary: str) -> Case:
        """Save a form: the changes from ``base`` to ``edited`` are merged onto the saved case.

        ``ConflictError`` (naming the field, with both texts) when someone changed the same field meanwhile;
        nothing is written then.
        """
        if edited.id != base.id:
            raise InvalidInput(_("{case}: the edited case is not the one that was opened ({base}); nothing was "
                                 "saved", case=edited.id, base=base.id), field="id")
        number = self._case_number(edited.id)
        mine = without_store_fields(validated(edited).to_json_dict())
        original = without_store_fields(base.to_json_dict())
        with self._transaction() as transaction:
            saved = transaction.doc(number)
            try:
                merged = patch.merge(original, mine, without_store_fields(saved))
            except ConflictError as conflict:
                raise ConflictError(f"C-{number}: {conflict}", field=conflict.field, mine=conflict.mine,
                                    theirs=conflict.theirs) from None
            return self._save(transaction, number, merged, summary)

    def restore(self, backup: Backup) -> None:
        """Put a backup in place of the workspace; the current file is backed up first (or, if it does not
        parse, kept aside as ``<name>.corrupt-<stamp>``)."""
        raw = restorable(backup.path)
        self._ensure_folder()
        with self._lock.held(self.lock_timeout), self._mutex:
            keep_before_restore(self.path, keep=self.keep_backups)
            if not self._lock.still_held():
                raise self._lock.lost_error()
            write_atomically(self.path, raw)
            self._file.forget()
            self._opened = False
        self.open()

    # Inside transactions -----------------------------------------------------------------------------

    def _save(self, transaction: Transaction, number: int, edited: dict[str, Any], summary: str) -> Case:
        """Validate ``edited`` (a case's JSON data) and write it with a new version and an audit entry, if it
        differs from the saved case; the saved case otherwise. Store-owned fields are the saved ones."""
        before = transaction.doc(number)
        edited.update({key: before[key] for key in ("id", *STORE_FIELDS)})
        try:
            case = Case.model_validate(edited)
        except ValidationError as error:
            raise invalid(before["id"], error) from None
        after = case.to_json_dict()  # as validated: text cleaned, defaults filled
        changes = patch.diff(without_store_fields(before), without_store_fields(after))
        if not changes:
            return case
        entry = self._audit(summary, [change.label for change in changes])
        case.version += 1
        case.audit.append(entry)
        after["version"] = case.version
        after["audit"].append(entry.model_dump(mode="json"))
        transaction.put(number, after, new=False)
        return case

    def _insert(self, transaction: Transaction, number: int, case: Case, summary: str) -> Case:
        """Write a new case ``C-<number>`` at version 1, with an audit entry."""
        data = _dumped(case)
        data.update(id=f"C-{number}", version=1)
        data["audit"] = [*data.get("audit", []), self._audit(summary, []).model_dump(mode="json")]
        try:
            saved = Case.model_validate(data)
        except ValidationError as error:
            raise invalid(f"C-{number}", error) from None
        transaction.put(number, saved.to_json_dict(), new=True)
        return saved

    def _audit(self, summary: str, fields: list[str]) -> AuditEntry:
        return AuditEntry(at=utc_now(), by=self.user, summary=summary, fields=fields[:AUDIT_FIELDS_KEPT])

    @contextmanager
    def _transaction(self, *, opening: bool = False) -> Iterator[Transaction]:
        """Lock, re-read, let the caller change things, write once, release (see ``WorkspaceFile``).

        The file lock is taken before the in-process mutex (never the other way), so a thread waiting
        for another process does not block this process's readers.
        """
        if not opening and not self._opened:
            self.open()
        self._ensure_folder()
        with self._lock.held(self.lock_timeout), self._mutex:
            snapshot = self._file.begin()
            try:
                self._sweep_temp_files()
                migrated: dict[int, Case] | None = None
                if snapshot is not None and snapshot.version < SCHEMA_VERSION:
                    migrated = self._migrate(snapshot)
                elif snapshot is not None:
                    self._backup_if_due(snapshot)
                transaction = Transaction(self._file, self._db)
                transaction.saved.update(migrated or {})
                yield transaction
                transaction.finish()
            except BaseException:
                self._file.rollback()
                raise
            if not self._lock.still_held():
                self._file.rollback()
                raise self._lock.lost_error()
            self._file.commit(transaction.saved, all_cases=migrated is not None)

    def _migrate(self, snapshot: Snapshot) -> dict[int, Case]:
        """Bring an older file to ``SCHEMA_VERSION`` (a backup is taken before it is written).

        The backup is taken once the migration has succeeded: a file that cannot be upgraded is left alone
        at every attempt, and does not push the good backups out of the rotation, one copy per command.
        """
        data, _version = parse_tables(snapshot.raw)  # a private copy to change
        try:
            data = migrated_tables(data, snapshot.version, MIGRATIONS)
            cases = check_cases(data)
            # Stored as the model writes them, so the first change does not see differences that are none.
            data["cases"] = {str(number): case.to_json_dict() for number, case in cases.items()}
        except (FormatProblem, KeyError, TypeError, ValueError) as problem:
            raise corrupt_error(self.path, _("it could not be upgraded from schema version {version} ({problem})",
                                             version=snapshot.version, problem=problem)) from None
        take_backup(self.path, snapshot.raw, keep=self.keep_backups)
        self._file.replace_working(data)
        return cases

    def _backup_if_due(self, snapshot: Snapshot) -> None:
        newest = newest_backup_time(self.path)
        if newest is None or datetime.now(UTC) - newest >= self.backup_interval:
            take_backup(self.path, snapshot.raw, keep=self.keep_backups)

    def _sweep_temp_files(self) -> None:
        """Remove temp files of writers that died mid-write (safe: we hold the lock)."""
        if self._swept:
            return
        self._swept = True
        leftovers = stale_temp_files(self.path.parent, self.path.name)
        backups = paths.backups_dir(self.path)
        leftovers += [Path(entry) for entry in (backups.glob(".*.tmp") if backups.is_dir() else ())]
        for leftover in leftovers:
            with suppress(OSError):
                leftover.unlink()

    def _ensure_folder(self) -> None:
        if self.path.is_dir():
            raise unwritable(self.path, IsADirectoryError(21, "Is a directory"))
        folder = self.path.parent
        if folder.is_dir():
            return
        if self.path.absolute() == paths.default_workspace().absolute():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise unwritable(self.path, error) from error
            return
        raise WorkspaceUnwritable(
            _("cannot write {path}: the folder {folder} does not exist; create it or choose another --workspace",
              path=self.path, folder=folder),
            path=self.path,
        )

    # Helpers -----------------------------------------------------------------------------------------

    def _case_number(self, case_id: str) -> int:
        match = _CASE_REF.match(str(case_id).strip())
        if not match:
            raise NotFound(_("'{ref}' is not a case id; use C- followed by a number, like C-7", ref=case_id))
        return int(match[1])

    def action_ref(self, action_id: str) -> str:
        """The id an action reference names (``a-012``, ``12`` and ``A-12`` all name ``A-12``); ``NotFound``
        when it is not an action id."""
        return self._action_id(action_id)

    def _action_id(self, action_id: str) -> str:
        match = _ACTION_REF.match(str(action_id).strip())
        if not match:
            raise NotFound(_("'{ref}' is not an action id; use A- followed by a number, like A-12", ref=action_id))
        return f"A-{int(match[1])}"


def _dumped(case: Case) -> dict[str, Any]:
    """A case's JSON data, even when in-place edits left it invalid (it is validated afterwards)."""
    return case.model_dump(mode="json", by_alias=True, warnings=False)


def open_workspace(path_option: str | None = None, user: str | None = None) -> Workspace:
    """The workspace named by ``--workspace``, else ``RCA_WORKSPACE``, else the default one; opened."""
    return Workspace(paths.workspace_path(path_option), user=user).open()
