"""Path-level diff, patch and three-way merge of JSON-like data (what a case is on disk).

A *path* is a tuple of keys from the top of a document down to one value:

- a dict key is the key itself (a string): ``("problem", "what")``;
- an item of an *id-list* (a list whose items are all dicts with a unique ``"id"``, a string or an
  integer) is ``("#", id)``, so items are matched by id, not by position:
  ``("actions", ("#", "A-3"), "owner")``;
- the order of an id-list is the path of the list followed by ``ORDER``.

Other lists and scalars are leaves: they change as a whole. An added or removed dict key or id-list
item is one change carrying the whole value, so ``diff`` stays short and readable in the audit trail.

``merge(base, mine, theirs)`` keeps every change made on one side only, accepts the same change made on
both sides, and refuses (``ConflictError``, naming the field) two different changes of the same value.
Order of id-lists: theirs is kept and mine's new items are appended (mine's reordering is kept only
when theirs did not reorder that list).

Values are JSON values: dicts with string keys, lists, strings, numbers (no NaN), booleans and None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from rca.errors import ConflictError
from rca.i18n import _

ITEM: Final = "#"
"""The first element of an id-list item key: ``("#", "A-3")``."""
ORDER: Final[tuple[str]] = ("#order",)
"""The last key of a path that stands for the order of an id-list (its value is the list of ids)."""

Key = str | tuple[str, str | int] | tuple[str]
FieldPath = tuple[Key, ...]
"""A path from the top of a document down to one value (see the module docstring)."""


class _Missing:
    """The value at a path that does not exist (an added value's old one, a removed value's new one)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict[int, Any]) -> _Missing:
        return self


MISSING: Final = _Missing()


@dataclass(frozen=True)
class Change:
    """One value that changed: ``old`` is ``MISSING`` when it was added, ``new`` when it was removed."""

    path: FieldPath
    old: Any
    new: Any

    @property
    def kind(self) -> str:
        """added, removed, reordered or changed."""
        if self.path[-1:] == (ORDER,):
            return "reordered"
        if self.old is MISSING:
            return "added"
        if self.new is MISSING:
            return "removed"
        return "changed"

    @property
    def label(self) -> str:
        return path_label(self.path)


def item_key(item_id: str | int) -> tuple[str, str | int]:
    """The path key of the id-list item whose id is ``item_id``."""
    return (ITEM, item_id)


def path_label(path: Iterable[Key]) -> str:
    """A path as people read it: ``problem.what``, ``actions[A-3].owner``, ``actions (order)``."""
    label = ""
    for key in path:
        if key == ORDER:
            label += " (order)"
        elif (item_id := _item_id(key)) is not None:
            label += f"[{item_id}]"
        else:
            label += f".{key}" if label else str(key)
    return label or "(whole document)"


# ---------------------------------------------------------------------------------------------- values


def _kind(value: Any) -> str:
    # bool is an int and 1 == 1.0 in Python; in JSON they are different values.
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, Mapping):
        return "dict"
    if isinstance(value, list | tuple):
        return "list"
    if value is None:
        return "null"
    if value is MISSING:
        return "missing"
    return type(value).__name__


def same(a: Any, b: Any) -> bool:
    """Whether two JSON values are equal as JSON (``1``, ``1.0`` and ``true`` differ)."""
    kind = _kind(a)
    if kind != _kind(b):
        return False
    if kind == "dict":
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if kind == "list":
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def copy_json(value: Any) -> Any:
    """A deep copy of a JSON value (much faster than ``copy.deepcopy``)."""
    if isinstance(value, Mapping):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_json(item) for item in value]
    return value


def item_ids(value: Any) -> list[str | int] | None:
    """The ids of an id-list in order, or None when ``value`` is not one (an empty list is one)."""
    if not isinstance(value, list):
        return None
    ids: list[str | int] = []
    for item in value:
        if not isinstance(item, Mapping) or "id" not in item:
            return None
        item_id = item["id"]
        if isinstance(item_id, bool) or not isinstance(item_id, str | int):
            return None
        ids.append(item_id)
    if len(set(ids)) != len(ids):
        return None
    return ids


def _item_id(key: Key) -> str | int | None:
    """The id in an id-list item key; None for any other key."""
    if isinstance(key, tuple) and len(key) == 2 and key[0] == ITEM:
        return key[-1]
    return None


# --------------------------------------------------------------------------------------------- flatten


def flatten(data: Any) -> dict[FieldPath, Any]:
    """Every leaf of ``data`` by its path; each id-list also gives its order at ``list path + ORDER``.

    Empty dicts and empty lists are leaves (so ``unflatten`` can rebuild them).
    """
    flat: dict[FieldPath, Any] = {}
    _flatten(data, (), flat)
    return flat


def _flatten(value: Any, path: FieldPath, flat: dict[FieldPath, Any]) -> None:
    if isinstance(value, Mapping) and value:
        for key, item in value.items():
            _flatten(item, (*path, key), flat)
        return
    ids = item_ids(value)
    if ids:
        flat[(*path, ORDER)] = ids
        for item_id, item in zip(ids, value, strict=True):
            _flatten(item, (*path, item_key(item_id)), flat)
        return
    flat[path] = copy_json(value)


def unflatten(flat: Mapping[FieldPath, Any]) -> Any:
    """The data ``flatten`` was made from (id-list items in their recorded order)."""
    if () in flat:
        return copy_json(flat[()])
    root: dict[Any, Any] = {}
    orders: dict[FieldPath, list[Any]] = {}
    for path, value in flat.items():
        if path[-1] == ORDER:
            orders[path[:-1]] = list(value)
            continue
        node = root
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = copy_json(value)
    return _rebuild(root, (), orders)


def _rebuild(node: Any, path: FieldPath, orders: dict[FieldPath, list[Any]]) -> Any:
    if not isinstance(node, dict):
        return node
    if path in orders:
        return [_rebuild(node[item_key(item_id)], (*path, item_key(item_id)), orders) for item_id in orders[path]]
    return {key: _rebuild(value, (*path, key), orders) for key, value in node.items()}


# ------------------------------------------------------------------------------------------------ diff


def diff(old: Any, new: Any) -> list[Change]:
    """The changes that turn ``old`` into ``new``; ``apply(diff(old, new), old) == new``.

    The changes hold values of ``old`` and ``new`` themselves (no copies: a diff of a big case must stay
    cheap); ``apply`` copies what it puts in place.
    """
    changes: list[Change] = []
    _diff(old, new, (), changes)
    return changes


def _diff(old: Any, new: Any, path: FieldPath, changes: list[Change]) -> None:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key, value in old.items():
            if key in new:
                _diff(value, new[key], (*path, key), changes)
            else:
                changes.append(Change((*path, key), value, MISSING))
        for key, value in new.items():
            if key not in old:
                changes.append(Change((*path, key), MISSING, value))
        return
    old_ids, new_ids = item_ids(old), item_ids(new)
    if old_ids is not None and new_ids is not None and (old_ids or new_ids):
        _diff_items(old, new, old_ids, new_ids, path, changes)
        return
    if not same(old, new):
        changes.append(Change(path, old, new))


def _diff_items(old: list[Any], new: list[Any], old_ids: list[Any], new_ids: list[Any], path: FieldPath,
                changes: list[Change]) -> None:
    old_items = dict(zip(old_ids, old, strict=True))
    new_items = dict(zip(new_ids, new, strict=True))
    for item_id, item in old_items.items():
        if item_id in new_items:
            _diff(item, new_items[item_id], (*path, item_key(item_id)), changes)
        else:
            changes.append(Change((*path, item_key(item_id)), item, MISSING))
    for item_id, item in new_items.items():
        if item_id not in old_items:
            changes.append(Change((*path, item_key(item_id)), MISSING, item))
    # Only a real reordering (or an insertion before the end) is a change of order.
    kept_then_added = [i for i in old_ids if i in new_items] + [i for i in new_ids if i not in old_items]
    if kept_then_added != new_ids:
        changes.append(Change((*path, ORDER), list(old_ids), list(new_ids)))


# ----------------------------------------------------------------------------------------------- apply


def value_at(data: Any, path: Iterable[Key]) -> Any:
    """The value at ``path`` in ``data`` (an id-list's order for a path ending in ``ORDER``), or MISSING."""
    node = data
    for key in path:
        if key == ORDER:
            ids = item_ids(node)
            return MISSING if ids is None else ids
        if (item_id := _item_id(key)) is not None:
            index = _index_of(node, item_id)
            if index is None:
                return MISSING
            node = node[index]
        elif isinstance(node, Mapping) and key in node:
            node = node[key]
        else:
            return MISSING
    return node


def _index_of(node: Any, item_id: Any) -> int | None:
    if not isinstance(node, list):
        return None
    for index, item in enumerate(node):
        if isinstance(item, Mapping) and same(item.get("id", MISSING), item_id):
            return index
    return None


def apply(changes: Iterable[Change], target: Any, *, check: bool = True) -> Any:
    """``target`` with ``changes`` applied (``target`` itself is left as it is).

    With ``check``, a change whose path currently holds neither its old nor its new value raises
    ``ConflictError``. A change whose parent is gone always does. Changes of order never conflict:
    the ids they name are put in that order and any other items follow in their current order.
    """
    result = copy_json(target)
    orders: list[Change] = []
    for change in changes:
        if change.path[-1:] == (ORDER,):
            orders.append(change)
        else:
            result = _apply_one(result, change, check)
    for change in orders:
        _reorder(result, change.path[:-1], change.new)
    return result


def _apply_one(data: Any, change: Change, check: bool) -> Any:
    current = value_at(data, change.path)
    if check and not (same(current, change.old) or same(current, change.new)):
        raise _conflict(change.path, change.new, current)
    if not change.path:
        if change.new is MISSING:
            raise _conflict(change.path, change.new, current)
        return copy_json(change.new)
    parent = value_at(data, change.path[:-1])
    key = change.path[-1]
    item_id = _item_id(key)
    if item_id is not None and item_ids(parent) is not None:
        index = _index_of(parent, item_id)
        if change.new is MISSING:
            if index is not None:
                del parent[index]
        elif index is None:
            parent.append(copy_json(change.new))
        else:
            parent[index] = copy_json(change.new)
    elif isinstance(key, str) and isinstance(parent, dict):
        if change.new is MISSING:
            parent.pop(key, None)
        else:
            parent[key] = copy_json(change.new)
    else:
        raise _conflict(change.path, change.new, current)
    return data


def _reorder(data: Any, list_path: FieldPath, wanted: Iterable[Any]) -> None:
    items = value_at(data, list_path)
    ids = item_ids(items)
    if ids is None:
        return
    by_id = dict(zip(ids, items, strict=True))
    first = [item_id for item_id in wanted if item_id in by_id]
    chosen = set(first)
    items[:] = [by_id[i] for i in first] + [by_id[i] for i in ids if i not in chosen]


# ----------------------------------------------------------------------------------------------- merge


def merge(base: Any, mine: Any, theirs: Any) -> Any:
    """Three-way merge: ``mine`` and ``theirs`` both started from ``base``; ``theirs`` is saved now.

    Raises ``ConflictError`` (naming the field, with both values) when both changed the same value
    differently, or one changed a value the other removed or replaced as a whole.
    """
    mine_changes = diff(base, mine)
    theirs_changes = diff(base, theirs)
    theirs_by_path = {change.path: change for change in theirs_changes}
    theirs_ancestors = {change.path[:size] for change in theirs_changes for size in range(len(change.path))}
    for change in mine_changes:
        _check_overlap(change, mine, theirs, theirs_by_path, theirs_ancestors)
    reordered_by_theirs = {change.path for change in theirs_changes if change.path[-1:] == (ORDER,)}
    kept = [
        change for change in mine_changes
        if change.path[-1:] != (ORDER,) or change.path not in reordered_by_theirs
    ]
    return apply(kept, theirs, check=False)


def _check_overlap(change: Change, mine: Any, theirs: Any, theirs_by_path: dict[FieldPath, Change],
                   theirs_ancestors: set[FieldPath]) -> None:
    path = change.path
    if path[-1:] == (ORDER,):
        # Orders are merged, never in conflict; but not over a list the other side replaced or removed.
        path = path[:-1]
        if path in theirs_by_path and not same(value_at(mine, path), theirs_by_path[path].new):
            raise _conflict(path, value_at(mine, path), theirs_by_path[path].new)
    elif path in theirs_by_path:
        if not same(change.new, theirs_by_path[path].new):
            raise _conflict(path, change.new, theirs_by_path[path].new)
        return
    elif path in theirs_ancestors:
        # theirs changed something inside the value mine replaced: fine only if both agree on it.
        mine_value, theirs_value = value_at(mine, path), value_at(theirs, path)
        if not same(mine_value, theirs_value):
            raise _conflict(path, mine_value, theirs_value)
    for size in range(len(path)):
        ancestor = path[:size]
        if ancestor in theirs_by_path:
            mine_value, theirs_value = value_at(mine, ancestor), theirs_by_path[ancestor].new
            if not same(mine_value, theirs_value):
                raise _conflict(ancestor, mine_value, theirs_value)


def _shown(value: Any) -> str:
    if value is MISSING:
        return _("(removed)")
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _conflict(path: FieldPath, mine: Any, theirs: Any) -> ConflictError:
    field = path_label(path)
    message = _(
        "{field} was changed by someone else since you opened it: yours is '{mine}', the saved one is "
        "'{theirs}'. Nothing was saved; copy your text, reopen the case and enter it again.",
        field=field, mine=_shown(mine), theirs=_shown(theirs),
    )
    return ConflictError(
        message, field=field,
        mine=None if mine is MISSING else mine,
        theirs=None if theirs is MISSING else theirs,
    )
