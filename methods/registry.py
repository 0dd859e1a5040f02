"""The registry of methods: a dict from ``Method`` to its definition, and the gate evaluation."""

from __future__ import annotations

from methods.base import CaseProgress, Finding, GateResult, MethodDef
from rca.errors import NotFound
from rca.i18n import _
from rca.model import Case, Method

_REGISTRY: dict[Method, MethodDef] = {}
_loaded = False


def register(definition: MethodDef) -> MethodDef:
    """Add a method (each method module calls this once at import)."""
    _REGISTRY[definition.method] = definition
    return definition


def _load() -> None:
    # A flag, not "is the registry empty": importing one method module directly registers only that one.
    global _loaded
    if not _loaded:
        _loaded = True
        from methods import a3, dmaic, eight_d, five_whys, ishikawa  # noqa: F401  (they register)


def get(method: Method | str) -> MethodDef:
    """The definition of a method, by ``Method`` or by its value (``8d``); a miss lists what exists."""
    _load()
    try:
        key = Method(method)
    except ValueError:
        key = None
    if key is None or key not in _REGISTRY:
        raise NotFound(
            _("unknown method '{method}'; try one of: {choices}", method=method,
              choices=", ".join(m.value for m in _REGISTRY))
        )
    return _REGISTRY[key]


def all_methods() -> list[MethodDef]:
    _load()
    return [_REGISTRY[m] for m in Method if m in _REGISTRY]


def evaluate(case: Case) -> CaseProgress:
    """Run every gate of the case's method against the case."""
    definition = get(case.method)
    results = []
    for step in definition.steps:
        findings: list[Finding] = []
        for check in step.checks:
            findings.extend(check(case))
        results.append(GateResult(step=step, findings=tuple(findings)))
    return CaseProgress(gates=tuple(results))
