"""The whole case as JSON: the lossless export, and its validated reading for ``rca import``.

The file is ``{"rca": "case", "schema_version": 1, "case": {...}}`` (``Case.to_json_dict()`` inside).
Reading also accepts a bare case object (what ``rca show --json`` prints). A file that does not validate is
refused as a whole with one line per problem, each naming its JSON path (``case.actions[2].due: ...``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from exports.registry import ExportContext, Format, register
from exports.safe import atomic_write_bytes
from rca import causes
from rca.errors import ImportInvalid
from rca.i18n import N_, _
from rca.model import PROBLEM_NODE, SCHEMA_VERSION, Case, NodeKind, describe_errors

ENVELOPE_KIND = "case"
"""The value of the ``rca`` key that marks a case file."""

MAX_BYTES = 200 * 1024 * 1024
"""A case file larger than this is refused before reading (a case is kilobytes, rarely megabytes)."""


def case_document(case: Case) -> dict[str, Any]:
    """The JSON document written for a case."""
    return {"rca": ENVELOPE_KIND, "schema_version": SCHEMA_VERSION, "case": case.to_json_dict()}


def case_json_bytes(case: Case) -> bytes:
    """The case file's bytes: UTF-8, indented, ending with a newline."""
    # The models refuse lone surrogates, so every text of a case encodes as UTF-8.
    data = orjson.dumps(case_document(case), option=orjson.OPT_INDENT_2) + b"\n"
    # JSON may hold C1 controls raw, but `cat case.json` would hand an 8-bit CSI to the terminal: escape them.
    return _C1.sub(lambda m: f"\\u{ord(m.group().decode('utf-8')):04x}".encode(), data)


def write_case(case: Case, path: Path, ctx: ExportContext) -> None:
    """The ``case`` export: the whole case, lossless."""
    atomic_write_bytes(path, case_json_bytes(case))


_C1 = re.compile(rb"\x7f|\xc2[\x80-\x9f]")
"""DEL and the C1 control characters (U+0080..U+009F) as UTF-8 bytes."""

# ---------------------------------------------------------------- reading


def _parse(raw: bytes, source: str) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass
    try:
        # The standard library accepts what orjson refuses but is still JSON (a BOM, lone surrogates).
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportInvalid(source, [_("byte {pos}: the file is not UTF-8 text", pos=error.start)]) from None
    except RecursionError:
        raise ImportInvalid(source, [_("the JSON is nested too deeply to be a case")]) from None
    except json.JSONDecodeError as error:
        raise ImportInvalid(
            source,
            [
                _(
                    "line {line}, column {column}: not valid JSON ({reason})",
                    line=error.lineno,
                    column=error.colno,
                    reason=error.msg,
                )
            ],
        ) from None


def _unwrap(data: Any, source: str) -> tuple[Any, str]:
    """The case object inside the document, and the JSON path prefix of its fields."""
    if not isinstance(data, dict):
        raise ImportInvalid(source, [_("(top level): expected a JSON object holding a case")])
    if "rca" not in data:
        return data, ""
    problems = []
    if data.get("rca") != ENVELOPE_KIND:
        problems.append(_("rca: this is an rca '{kind}' file, not a case", kind=data.get("rca")))
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(
            _("schema_version: expected a whole number from 1 (got {value})", value=repr(version))
        )
    elif version > SCHEMA_VERSION:
        problems.append(
            _(
                "schema_version: {value} was written by a newer rca (this one reads up to {known}); "
                "update rca",
                value=version,
                known=SCHEMA_VERSION,
            )
        )
    extra = sorted(set(data) - {"rca", "schema_version", "case"})
    problems += [_("{path}: is not a known field", path=key) for key in extra]
    if not isinstance(data.get("case"), dict):
        problems.append(_("case: expected the case as a JSON object"))
    if problems:
        raise ImportInvalid(source, problems)
    return data["case"], "case."


def _plan_problems(case: Case, prefix: str) -> list[str]:
    """What the models cannot see alone: the graph's shape, and ids that must be unique or must exist."""
    problems = [prefix + line for line in causes.check(case)]
    ids = {node.id for node in case.causes}
    problem_nodes = [node.id for node in case.causes if node.kind is NodeKind.PROBLEM]
    if case.causes and problem_nodes != [PROBLEM_NODE]:
        problems.append(
            _(
                "{prefix}causes: the graph needs exactly one problem node, with the id {p} (found: {f})",
                prefix=prefix,
                p=PROBLEM_NODE,
                f=", ".join(problem_nodes) or _("none"),
            )
        )
    seen: set[str] = set()
    for index, action in enumerate(case.actions):
        if action.id in seen:
            problems.append(
                _("{prefix}actions[{index}].id: {id} is used twice", prefix=prefix, index=index, id=action.id)
            )
        seen.add(action.id)
        for cause_id in action.causes:
            if cause_id not in ids:
                problems.append(
                    _(
                        "{prefix}actions[{index}].causes: {node} is not a cause of this case",
                        prefix=prefix,
                        index=index,
                        node=cause_id,
                    )
                )
    indicator_ids: set[str] = set()
    for index, indicator in enumerate(case.indicators):
        if indicator.id in indicator_ids:
            problems.append(
                _(
                    "{prefix}indicators[{index}].id: {id} is used twice",
                    prefix=prefix,
                    index=index,
                    id=indicator.id,
                )
            )
        indicator_ids.add(indicator.id)
    return problems


def parse_case(raw: bytes, source: str) -> Case:
    """A case from a file's bytes; ``ImportInvalid`` lists every problem (nothing is half-read)."""
    data, prefix = _unwrap(_parse(raw, source), source)
    try:
        case = Case.from_json_dict(data)
    except ValidationError as error:
        raise ImportInvalid(source, describe_errors(error, prefix)) from None
    problems = _plan_problems(case, prefix)
    if problems:
        raise ImportInvalid(source, problems)
    return case


def read_case_file(path: Path | str) -> Case:
    """The case in a JSON file written by the ``case`` export (or a bare case object), validated.

    Raises ``ImportInvalid`` naming the file and each problem's JSON path.
    """
    source = str(path)
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise ImportInvalid(
                source,
                [
                    _(
                        "the file is {size} MB; a case file is at most {limit} MB",
                        size=size // 2**20,
                        limit=MAX_BYTES // 2**20,
                    )
                ],
            )
        raw = target.read_bytes()
    except IsADirectoryError:
        raise ImportInvalid(source, [_("this is a folder; give the path of a .json case file")]) from None
    except FileNotFoundError:
        raise ImportInvalid(source, [_("the file does not exist")]) from None
    except OSError as error:
        raise ImportInvalid(
            source, [_("cannot read the file: {reason}", reason=error.strerror or error)]
        ) from None
    return parse_case(raw, source)


register(
    Format("case", ".json", N_("the whole case as JSON (lossless; rca import reads it back)"), write_case)
)
