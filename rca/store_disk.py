"""The workspace file's format and how it reaches the disk: shape checks and atomic writes.

A workspace is a TinyDB JSON file with two tables::

    {"meta":  {"1": {"schema_version": 1, "next_case": 6, "next_action": 31}},
     "cases": {"1": {...Case.to_json_dict()...}, "2": {...}}}

``parse_tables`` checks the shape (and reads the schema version), ``check_cases`` validates every case
of a current-version file; both raise ``FormatProblem`` with the first problem and its JSON path.
``write_atomically`` never leaves a half-written file: a temp file in the same folder, fsync, rename.
"""

from __future__ import annotations

import errno
import gc
import os
import secrets
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from rca.errors import WorkspaceUnwritable
from rca.i18n import _
from rca.model import SCHEMA_VERSION, Case, describe_errors

TEMP_SUFFIX = ".tmp"
"""Temp files are ``.<name>.<pid>.<random>.tmp`` beside their target (see ``stale_temp_files``)."""
META_ID = "1"
"""The doc id of the one document of the ``meta`` table."""


class FormatProblem(Exception):
    """What is wrong with a workspace's content: one line, starting with its JSON path."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects at once.

    Parsing and validating a 500-case file builds ~10^6 objects; the collector would run dozens of full
    passes over them (3-4 times slower) although they hold no cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Move what was just built out of the collector's generations: otherwise the first allocation after
        # this starts a collection over ~10^6 young objects, and every later full pass walks them all again
        # (measured: 570 ms of a 1 s open). They hold no cycles; reference counting frees them when a newer
        # snapshot replaces them.
        gc.freeze()
        if was_enabled:
            gc.enable()


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_tables(raw: bytes) -> tuple[dict[str, Any], int]:
    """The file's tables and its schema version; ``FormatProblem`` when it is not a workspace."""
    if not raw.strip():
        raise FormatProblem(_("the file is empty"))
    try:
        with paused_gc():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise FormatProblem(_("it is not valid JSON or was cut short ({error})", error=str(error))) from None
    if not isinstance(data, dict):
        raise FormatProblem(
            _("(top level): is a {kind}, not an object holding the tables 'meta' and 'cases'",
              kind=type(data).__name__)
        )
    for table in ("meta", "cases"):
        if table not in data:
            raise FormatProblem(_("{table}: the table is missing", table=table))
        if not isinstance(data[table], dict):
            raise FormatProblem(_("{table}: is not a table (an object of documents)", table=table))
        for doc_id, doc in data[table].items():
            if not doc_id.isdigit() or doc_id.startswith("0"):
                raise FormatProblem(_("{table}.{doc}: is not a document number", table=table, doc=doc_id))
            if not isinstance(doc, dict):
                raise FormatProblem(_("{table}.{doc}: is not an object", table=table, doc=doc_id))
    meta = data["meta"].get(META_ID)
    if meta is None:
        raise FormatProblem(_("meta.1: is missing (it holds the schema version and the id counters)"))
    version = meta.get("schema_version")
    if not _is_int(version) or version < 0:
        raise FormatProblem(_("meta.1.schema_version: '{value}' is not a version number", value=version))
    return data, version


def check_cases(data: dict[str, Any], known: Mapping[int, Case] | None = None) -> dict[int, Case]:
    """Every case of a current-version file, validated; ``FormatProblem`` on the first that is not valid.

    Cases in ``known`` (validated before, from the same documents) are taken as they are.
    """
    meta = data["meta"][META_ID]
    for counter in ("next_case", "next_action"):
        if not _is_int(meta.get(counter)) or meta[counter] < 1:
            raise FormatProblem(
                _("meta.1.{counter}: '{value}' is not a number from 1", counter=counter, value=meta.get(counter))
            )
    cases: dict[int, Case] = {}
    with paused_gc():
        for doc_id, doc in data["cases"].items():
            if known and int(doc_id) in known:
                cases[int(doc_id)] = known[int(doc_id)]
                continue
            try:
                case = Case.model_validate(doc)
            except ValidationError as error:
                raise FormatProblem(describe_errors(error, source=f"cases.{doc_id}.")[0]) from None
            if case.id != f"C-{doc_id}":
                raise FormatProblem(
                    _("cases.{doc}.id: is '{id}' but the document is number {doc}", doc=doc_id, id=case.id)
                )
            cases[int(doc_id)] = case
    return cases


def checked_version(raw: bytes) -> int:
    """The schema version of a workspace's content; ``FormatProblem`` when it does not parse or validate."""
    data, version = parse_tables(raw)
    if version == SCHEMA_VERSION:
        check_cases(data)
    return version


def migrated_tables(data: dict[str, Any], version: int,
                    migrations: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]]) -> dict[str, Any]:
    """``data`` (at schema ``version``) brought to ``SCHEMA_VERSION`` one migration at a time."""
    while version < SCHEMA_VERSION:
        step = migrations.get(version)
        if step is None:
            raise FormatProblem(_("schema version {version} cannot be upgraded by this rca", version=version))
        data = step(data)
        version += 1
        data["meta"][META_ID]["schema_version"] = version
    return data


def count_cases(raw: bytes) -> int | None:
    """How many cases a file holds, or None when it is not a workspace."""
    try:
        data, _version = parse_tables(raw)
    except FormatProblem:
        return None
    return len(data["cases"])


def dump_tables(data: dict[str, Any]) -> bytes:
    """The file's bytes (compact JSON: the file travels over network shares at every save)."""
    return orjson.dumps(data) + b"\n"


# ------------------------------------------------------------------------------------------- writing


def write_atomically(path: Path, raw: bytes) -> os.stat_result:
    """Replace ``path`` with ``raw`` all at once, durably; its stat afterwards.

    Any ``OSError`` becomes ``WorkspaceUnwritable`` (what went wrong, what to do); the old file is then
    intact and the temp file removed. An existing file's permissions are kept (shared folders), and a file
    this user may not write is not replaced: renaming over it only needs the folder's permission, so
    without this check a workspace someone made read-only would be rewritten all the same.
    """
    folder = path.parent
    temp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    written = False
    try:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = None
        if mode is not None and not os.access(path, os.W_OK):
            raise WorkspaceUnwritable(
                _("cannot write {path}: the file is read-only; make it writable, or copy it and open the copy "
                  "with --workspace. The workspace was not changed.", path=path),
                path=path,
            )
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            if mode is not None:
                os.fchmod(descriptor, mode)
            view = memoryview(raw)
            while view:
                view = view[os.write(descriptor, view):]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, path)
        written = True
        result = os.stat(path)
    except OSError as error:
        raise unwritable(path, error) from error
    finally:
        if not written:
            with suppress(OSError):
                os.unlink(temp)
    fsync_folder(folder)
    return result


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (some network file systems refuse: the rename is done anyway)."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def stale_temp_files(folder: Path, name: str) -> list[Path]:
    """Temp files a killed writer left for ``name`` in ``folder`` (only safe to remove under the lock)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    prefix = f".{name}."
    return [Path(entry.path) for entry in entries
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file()]


def unwritable(path: Path, error: OSError) -> WorkspaceUnwritable:
    """The message for an ``OSError`` met while writing ``path``: what is wrong and what to do."""
    folder = path.parent
    code = error.errno
    if isinstance(error, IsADirectoryError) or path.is_dir():
        message = _("cannot write {path}: it is a folder; give the path of a file, such as {example}",
                    path=path, example=path / "workspace.json")
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = _("cannot write {path}: the disk is full (or your quota is used up); free some space and "
                    "try again. The workspace was not changed.", path=path)
    elif code == errno.EROFS:
        message = _("cannot write {path}: the drive is read-only; copy the workspace to a writable folder "
                    "or open it with --workspace elsewhere. The workspace was not changed.", path=path)
    elif code in (errno.EBUSY, errno.ETXTBSY):
        message = _("cannot write {path}: another program holds it open (an editor, an antivirus, a sync "
                    "client); close it and try again. The workspace was not changed.", path=path)
    elif code in (errno.EACCES, errno.EPERM):
        message = _("cannot write {path}: you are not allowed to write in {folder}; ask for write access "
                    "or use another --workspace. The workspace was not changed.", path=path, folder=folder)
    elif code == errno.ENOENT or not folder.is_dir():
        message = _("cannot write {path}: the folder {folder} does not exist; create it or choose another "
                    "--workspace", path=path, folder=folder)
    else:
        message = _("cannot write {path}: {error}. The workspace was not changed.",
                    path=path, error=error.strerror or error)
    return WorkspaceUnwritable(message, path=path)
