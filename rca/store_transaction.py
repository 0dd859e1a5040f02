"""What one change of the workspace reads and writes, under the lock, through TinyDB.

``Transaction`` gives fresh copies of saved cases, hands out workspace-wide ids (``IdSource``) and puts
validated cases back into the TinyDB tables; ``WorkspaceFile`` writes them to disk once, at commit.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from rca.errors import InvalidInput, NotFound
from rca.i18n import _
from rca.model import SCHEMA_VERSION, Case, describe_errors
from rca.store_disk import META_ID
from rca.store_file import WorkspaceFile

STORE_FIELDS = ("version", "audit")
"""Case fields the store owns: left out of diffs and merges, set by the store on every save."""


def without_store_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in STORE_FIELDS}


def invalid(case_id: str, error: ValidationError) -> InvalidInput:
    """A change that does not validate: one line per problem (the first five), with its JSON path."""
    lines = describe_errors(error)
    return InvalidInput(_("{case}: {problems}. Nothing was saved.", case=case_id, problems="; ".join(lines[:5])),
                        field=lines[0].split(":")[0] if lines else None)


def validated(case: Case) -> Case:
    """A fresh, fully validated copy of ``case`` (in-place list edits are not checked on assignment)."""
    try:
        return Case.model_validate(case.model_dump(mode="json", by_alias=True, warnings=False))
    except ValidationError as error:
        raise invalid(case.id, error) from None


def _ranges(numbers: list[int], prefix: str) -> str:
    """``C-1..C-5, C-8`` (at most five runs, then '...')."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    shown = [f"{prefix}{a}" if a == b else f"{prefix}{a}..{prefix}{b}" for a, b in runs[:5]]
    return ", ".join(shown) + (", ..." if len(runs) > 5 else "")


def no_case(path: Path, case_id: str, numbers: list[int]) -> NotFound:
    """``no case C-9 in <file>; cases are C-1..C-5``."""
    if not numbers:
        return NotFound(_("no case {case} in {path}; it has no cases yet", case=case_id, path=path))
    return NotFound(_("no case {case} in {path}; cases are {cases}", case=case_id, path=path,
                      cases=_ranges(numbers, "C-")))


class IdSource:
    """Workspace-wide ids handed out inside a transaction (the counters are saved with the change)."""

    def __init__(self, transaction: Transaction) -> None:
        self._transaction = transaction

    def next_action_id(self) -> str:
        """A new action id, ``A-n``, never used in this workspace."""
        transaction = self._transaction
        taken = transaction.action_ids()
        number = transaction.meta["next_action"]
        while f"A-{number}" in taken:
            number += 1
        transaction.set_counter("next_action", number + 1)
        taken.add(f"A-{number}")
        return f"A-{number}"


class Transaction:
    """What one change reads and writes, under the lock."""

    def __init__(self, file: WorkspaceFile, db: TinyDB) -> None:
        self.file = file
        self.cases_table = db.table("cases", cache_size=0)
        self.meta_table = db.table("meta", cache_size=0)
        meta = self.meta_table.get(doc_id=int(META_ID))
        self.meta: dict[str, Any] = dict(meta) if isinstance(meta, dict) else {
            "schema_version": SCHEMA_VERSION, "next_case": 1, "next_action": 1,
        }
        self.meta_changed = meta is None
        self.saved: dict[int, Case | None] = {}
        """The cases written by this transaction, by number (None: validated when first listed)."""
        self._action_ids: set[str] | None = None
        self.ids = IdSource(self)

    def set_counter(self, name: str, value: int) -> None:
        if self.meta.get(name) != value:
            self.meta[name] = value
            self.meta_changed = True

    def docs(self) -> dict[str, dict[str, Any]]:
        """The saved case documents by number (as text), as they are in the file: read, do not change."""
        tables = self.file.read() or {}
        return tables.get("cases", {})

    def action_ids(self) -> set[str]:
        if self._action_ids is None:
            self._action_ids = {action["id"] for doc in self.docs().values() for action in doc.get("actions", ())}
        return self._action_ids

    def doc(self, number: int) -> dict[str, Any]:
        """A saved case as it is in the file (``NotFound`` lists the cases there are): read, do not change."""
        doc = self.docs().get(str(number))
        if doc is None:
            raise no_case(self.file.path, f"C-{number}", [int(key) for key in self.docs()])
        return doc

    def case(self, number: int) -> Case:
        """A fresh copy of a saved case, yours to change."""
        doc = self.doc(number)
        return self.file.take_case(number) or Case.model_validate(doc)

    def case_holding(self, action_id: str) -> int | None:
        """The number of the case holding an action."""
        for key, doc in self.docs().items():
            if any(action.get("id") == action_id for action in doc.get("actions", ())):
                return int(key)
        return None

    def next_case_number(self) -> int:
        docs = self.docs()
        number = self.meta["next_case"]
        while str(number) in docs:
            number += 1
        self.set_counter("next_case", number + 1)
        return number

    def put(self, number: int, data: dict[str, Any], *, new: bool) -> None:
        """Save a case's JSON data, already validated (a new case, or over the saved one)."""
        if new:
            self.cases_table.insert(Document(data, doc_id=number))
        else:
            def replace(doc: MutableMapping[str, Any]) -> None:
                doc.clear()
                doc.update(data)

            self.cases_table.update(replace, doc_ids=[number])
        self.saved[number] = None

    def finish(self) -> None:
        """Save the counters with the cases (a change that saved no case writes nothing)."""
        if self.meta_changed and self.saved:
            self.meta_table.upsert(Document(self.meta, doc_id=int(META_ID)))
