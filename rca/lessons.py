"""Lessons from past cases: similar verified causes, causes that recur across cases, and search.

All local text similarity, no model: text is normalised (casefold, accents stripped, English and French
stop words dropped, a light stemmer for plurals, -ing, -ed, -ment), then weighted TF-IDF over words and
character trigrams of the stems (trigrams forgive typos and odd endings), compared by cosine. An inverted
index keeps a query fast over tens of thousands of causes: build a ``LessonIndex`` once per workspace load
and call ``.similar(text)`` on every keystroke.

- ``LessonIndex(cases).similar(text, exclude_case)`` / ``similar_causes(...)``: *verified* causes of other
  cases that look like the one being typed, with the actions taken on them and whether they worked.
- ``recurring_causes(cases)``: a networkx graph whose nodes are causes and whose edges join similar
  causes of different cases (compatible Ishikawa categories); each connected component of two or more
  causes is a cause that keeps coming back.
- ``search(cases, text)``: causes (text, evidence), actions (title, deliverable, evidence) and problem
  statements of every case, ranked.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from rca import causes as graph_ops
from rca.model import Action, ActionStatus, Case, Cause, CauseStatus, Effectiveness, NodeKind

SIMILAR_THRESHOLD = 0.35
"""Least cosine for a cause to be offered as similar (measured on tests/unit/test_lessons.py's pairs)."""
RECURRING_THRESHOLD = 0.5
"""Least cosine for two causes of different cases to count as the same cause coming back."""
TRIGRAM_WEIGHT = 0.5
"""Weight of character trigrams against whole words (words say more, trigrams forgive spelling)."""
COMMON_SHARE = 0.25
"""A feature in more than this share of the indexed texts is skipped when scoring (it tells nothing and
its postings list is long); it still counts in each vector's length, so scores stay comparable."""

_STOP_WORDS = frozenset(
    """a an the of and or to in on at by for from with without into onto not no is are was were be been
    being it its this that these those as than then there their they he she we you our your his her has have
    had do does did so too very can could should would will may might must out up down off over under
    le la les l un une des du de d et ou a au aux en dans sur sous par pour avec sans pas ne n est sont
    etait ete etre il elle ils elles on nous vous leur leurs ce cet cette ces se s qui que qu y plus tres""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z0-9]+")


# ---------------------------------------------------------------- normalising text


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A light English and French stemmer: enough to make "bearings" meet "bearing", "usées" meet "usé"."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("eaux"):
        w = w[:-1]
    elif len(w) > 4 and w.endswith("aux"):
        w = w[:-3] + "al"
    elif len(w) > 3 and w.endswith(("s", "x")) and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith(("ed", "ee")):
        w = w[:-2]
    if len(w) > 6 and w.endswith("ment"):
        w = w[:-4]
    elif len(w) > 7 and w.endswith("ation"):
        w = w[:-3]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """The stems of the meaningful words of ``text``, in order."""
    plain = strip_accents(text.casefold())
    return [stem(w) for w in _WORD.findall(plain) if w not in _STOP_WORDS]


def features(text: str) -> Counter[str]:
    """Word stems (``w:``) and their character trigrams (``t:``), counted."""
    counts: Counter[str] = Counter()
    for word in words(text):
        counts["w:" + word] += 1
        padded = f"#{word}#"
        for i in range(len(padded) - 2):
            counts["t:" + padded[i:i + 3]] += 1
    return counts


# ---------------------------------------------------------------- the index


class TextIndex:
    """TF-IDF vectors of a list of texts with an inverted index; ``query`` returns cosine scores."""

    def __init__(self, texts: Sequence[str], *, skip_common: bool = True) -> None:
        counted = [features(t) for t in texts]
        self.size = len(counted)
        df: Counter[str] = Counter()
        for counts in counted:
            df.update(counts.keys())
        self._idf = {f: math.log((1 + self.size) / (1 + n)) + 1 for f, n in df.items()}
        self._unknown_idf = math.log(1 + self.size) + 1
        self._df = df
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self.vectors: list[dict[str, float]] = []
        common = max(50, int(self.size * COMMON_SHARE)) if skip_common else self.size
        for doc, counts in enumerate(counted):
            vector = self._weigh(counts)
            self.vectors.append(vector)
            for feature, weight in vector.items():
                if df[feature] <= common:
                    self._postings.setdefault(feature, []).append((doc, weight))

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        vector = {}
        for feature, n in counts.items():
            scale = TRIGRAM_WEIGHT if feature.startswith("t:") else 1.0
            vector[feature] = scale * (1 + math.log(n)) * self._idf.get(feature, self._unknown_idf)
        norm = math.sqrt(sum(w * w for w in vector.values()))
        return {f: w / norm for f, w in vector.items()} if norm else {}

    def vector(self, text: str) -> dict[str, float]:
        return self._weigh(features(text))

    def query(self, text: str, *, threshold: float = 0.0, keep: Callable[[int], bool] | None = None,
              limit: int | None = None) -> list[tuple[int, float]]:
        """(document number, cosine) for documents scoring at least ``threshold``, best first."""
        return self.query_vector(self.vector(text), threshold=threshold, keep=keep, limit=limit)

    def query_vector(self, vector: dict[str, float], *, threshold: float = 0.0,
                     keep: Callable[[int], bool] | None = None, limit: int | None = None) -> list[tuple[int, float]]:
        scores: dict[int, float] = {}
        get = scores.get
        for feature, weight in vector.items():
            for doc, doc_weight in self._postings.get(feature, ()):
                scores[doc] = get(doc, 0.0) + weight * doc_weight
        found = [(doc, score) for doc, score in scores.items()
                 if score >= threshold and score > 0 and (keep is None or keep(doc))]
        found.sort(key=lambda item: (-item[1], item[0]))
        return found[:limit] if limit is not None else found

    def pairs(self, threshold: float) -> list[tuple[int, int, float]]:
        """Every pair of documents (i < j) whose cosine is at least ``threshold`` (0 < threshold < 1).

        All-pairs with prefix filtering: each vector is split into its commonest features (a suffix whose
        length stays under sqrt(threshold)) and the rest (its prefix); only prefixes are indexed. Two vectors
        that share a feature of either prefix are found by probing; two that share only suffix features have
        a dot product under sqrt(threshold)² = threshold, so nothing above the threshold is missed.
        """
        prefixes: dict[str, list[tuple[int, float]]] = {}
        suffix_norm: list[float] = []
        for doc, vector in enumerate(self.vectors):
            mass = 0.0
            for feature, weight in sorted(vector.items(), key=lambda kv: (-self._df[kv[0]], kv[0])):
                if mass + weight * weight < threshold:
                    mass += weight * weight
                    continue
                prefixes.setdefault(feature, []).append((doc, weight))
            suffix_norm.append(math.sqrt(mass))
        found: dict[tuple[int, int], float] = {}
        checked: set[tuple[int, int]] = set()
        for doc, vector in enumerate(self.vectors):
            partial: dict[int, float] = {}
            get = partial.get
            for feature, weight in vector.items():
                for other, other_weight in prefixes.get(feature, ()):
                    partial[other] = get(other, 0.0) + weight * other_weight
            for other, score in partial.items():
                pair = (doc, other) if doc < other else (other, doc)
                # what the other's suffix can still add is at most its length (this vector has length 1)
                if other == doc or pair in checked or score + suffix_norm[other] < threshold:
                    continue
                checked.add(pair)
                score = _dot(vector, self.vectors[other])
                if score >= threshold:
                    found[pair] = score
        return [(one, other, score) for (one, other), score in sorted(found.items())]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[feature] * b[feature] for feature in a.keys() & b.keys())


# ---------------------------------------------------------------- what was done about a cause


@dataclass(frozen=True)
class ActionOutcome:
    """An action taken on a cause, and whether it worked."""

    id: str
    title: str
    status: ActionStatus
    effectiveness: Effectiveness


@dataclass(frozen=True)
class CauseRef:
    """A cause of some case, with what was done about it."""

    case_id: str
    case_title: str
    cause_id: str
    text: str
    status: CauseStatus
    category: str
    actions: tuple[ActionOutcome, ...] = ()

    @property
    def worked(self) -> Effectiveness | None:
        """Effective when an action on it was checked effective; not effective when every checked one was
        not; ``None`` while nothing was checked."""
        results = [a.effectiveness for a in self.actions if a.effectiveness is not Effectiveness.PENDING]
        if Effectiveness.EFFECTIVE in results:
            return Effectiveness.EFFECTIVE
        return Effectiveness.NOT_EFFECTIVE if results else None

    def to_json(self) -> dict[str, Any]:
        worked = self.worked
        return {
            "case": self.case_id, "case_title": self.case_title, "cause": self.cause_id, "text": self.text,
            "status": self.status.value, "category": self.category,
            "actions": [{"id": a.id, "title": a.title, "status": a.status.value,
                         "effectiveness": a.effectiveness.value} for a in self.actions],
            "worked": worked.value if worked else None,
        }


@dataclass(frozen=True)
class Suggestion:
    """A verified cause of another case that looks like the one being typed."""

    cause: CauseRef
    score: float

    def to_json(self) -> dict[str, Any]:
        return {**self.cause.to_json(), "score": round(self.score, 3)}


def _outcomes(actions: Iterable[Action], cause_id: str) -> tuple[ActionOutcome, ...]:
    return tuple(ActionOutcome(a.id, a.title, a.status, a.effectiveness.result)
                 for a in actions if cause_id in a.causes and a.status is not ActionStatus.CANCELLED)


def _category_keys(case: Case) -> dict[str, str]:
    """Each cause's Ishikawa bone: its standard key (``machine``) or its normalised text; ``""`` for none."""
    by_id = {c.id: c for c in case.causes}
    first_parent: dict[str, str] = {}
    for link in case.links:
        first_parent.setdefault(link.cause, link.effect)
    keys: dict[str, str] = {}
    for cause in case.causes:
        current, seen, key = cause.id, {cause.id}, ""
        while current in first_parent and first_parent[current] not in seen:
            current = first_parent[current]
            seen.add(current)
            node = by_id.get(current)
            if node is not None and node.kind is NodeKind.CATEGORY:
                key = node.key or " ".join(words(node.text))
                break
        keys[cause.id] = key
    return keys


def cause_refs(cases: Iterable[Case], keep: Callable[[Cause], bool]) -> list[CauseRef]:
    """Every cause of every case that ``keep`` accepts, with its category and linked actions."""
    refs = []
    for case in cases:
        categories = _category_keys(case)
        for cause in graph_ops.causes_only(case):
            if cause.text.strip() and keep(cause):
                refs.append(CauseRef(case.id, case.title, cause.id, cause.text.strip(), cause.status,
                                     categories.get(cause.id, ""), _outcomes(case.actions, cause.id)))
    return refs


def _cause_document(cause: CauseRef) -> str:
    return cause.text


class LessonIndex:
    """The verified causes of a workspace, indexed once; ask ``similar`` as often as the user types."""

    def __init__(self, cases: Iterable[Case]) -> None:
        self.causes = cause_refs(cases, lambda c: c.status is CauseStatus.VERIFIED)
        self._index = TextIndex([_cause_document(c) for c in self.causes])

    def __len__(self) -> int:
        return len(self.causes)

    def similar(self, text: str, exclude_case: str | None = None, *, limit: int = 5,
                threshold: float = SIMILAR_THRESHOLD) -> list[Suggestion]:
        """Verified causes of other cases like ``text``, most similar first (empty for blank text)."""
        if not words(text):
            return []

        def keep(doc: int) -> bool:
            return exclude_case is None or self.causes[doc].case_id != exclude_case

        found = self._index.query(text, threshold=threshold, keep=keep, limit=limit)
        return [Suggestion(self.causes[doc], score) for doc, score in found]


def similar_causes(cases: Iterable[Case], text: str, *, exclude_case: str | None = None,
                   limit: int = 5) -> list[Suggestion]:
    """One-off ``LessonIndex(cases).similar(...)``; keep a ``LessonIndex`` for repeated queries."""
    return LessonIndex(cases).similar(text, exclude_case, limit=limit)


# ---------------------------------------------------------------- causes that keep coming back


@dataclass(frozen=True)
class RecurringCause:
    """Similar causes found in several cases: one cause that keeps coming back."""

    label: str
    causes: tuple[CauseRef, ...]

    @property
    def case_ids(self) -> list[str]:
        return sorted({c.case_id for c in self.causes}, key=_number)

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "cases": self.case_ids, "causes": [c.to_json() for c in self.causes]}


def _number(ref: str) -> int:
    tail = ref.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _compatible(a: CauseRef, b: CauseRef) -> bool:
    return not a.category or not b.category or a.category == b.category


def recurrence_graph(cases: Iterable[Case], *, threshold: float = RECURRING_THRESHOLD) -> nx.Graph:
    """Nodes: (case id, cause id) of every cause not rejected, with its ``CauseRef`` under ``ref``; edges:
    causes of different cases whose texts score at least ``threshold``, in compatible categories."""
    refs = cause_refs(cases, lambda c: c.status is not CauseStatus.REJECTED)
    index = TextIndex([_cause_document(r) for r in refs], skip_common=False)
    g: nx.Graph = nx.Graph()
    for ref in refs:
        g.add_node((ref.case_id, ref.cause_id), ref=ref)
    for one, other, score in index.pairs(threshold):
        a, b = refs[one], refs[other]
        if a.case_id != b.case_id and _compatible(a, b):
            g.add_edge((a.case_id, a.cause_id), (b.case_id, b.cause_id), score=score)
    return g


def recurring_causes(cases: Iterable[Case], *, threshold: float = RECURRING_THRESHOLD) -> list[RecurringCause]:
    """Connected components of two or more causes spanning two or more cases, most cases first."""
    g = recurrence_graph(cases, threshold=threshold)
    groups = []
    for component in nx.connected_components(g):
        refs = [g.nodes[n]["ref"] for n in component]
        if len(refs) < 2 or len({r.case_id for r in refs}) < 2:
            continue
        refs.sort(key=lambda r: (_number(r.case_id), _number(r.cause_id)))
        central = max(component, key=lambda n: (g.degree(n), g.nodes[n]["ref"].status is CauseStatus.VERIFIED))
        groups.append(RecurringCause(g.nodes[central]["ref"].text, tuple(refs)))
    groups.sort(key=lambda grp: (-len(grp.case_ids), -len(grp.causes), grp.label.casefold()))
    return groups


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class Hit:
    """One search result: a cause, an action or a problem statement of some case."""

    kind: str
    """``cause``, ``action`` or ``problem``."""
    case_id: str
    case_title: str
    ref: str
    """The cause or action id (the case id for a problem statement)."""
    field: str
    """Where the words were found (text, evidence, title, deliverable, what, where...)."""
    text: str
    """That field's text."""
    score: float

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "case": self.case_id, "case_title": self.case_title, "ref": self.ref,
                "field": self.field, "text": self.text, "score": round(self.score, 3)}


@dataclass
class _Document:
    kind: str
    case: Case
    ref: str
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(text for _name, text in self.fields)


def _documents(cases: Iterable[Case]) -> list[_Document]:
    docs = []
    for case in cases:
        p = case.problem
        problem = [("title", case.title), ("what", p.what), ("where", p.where), ("when", p.when), ("who", p.who),
                   ("how_detected", p.how_detected), ("how_many", p.how_many),
                   ("why_it_matters", p.why_it_matters)]
        for row in p.is_is_not:
            problem += [("is", row.is_), ("is_not", row.is_not), ("distinction", row.distinction)]
        docs.append(_Document("problem", case, case.id, [(n, t) for n, t in problem if t.strip()]))
        for cause in graph_ops.causes_only(case):
            docs.append(_Document("cause", case, cause.id,
                                  [("text", cause.text)] + [("evidence", e.text) for e in cause.evidence]))
        for action in case.actions:
            fields = [("title", action.title), ("deliverable", action.deliverable)]
            fields += [("evidence", e.text) for e in action.evidence]
            fields.append(("evidence", action.effectiveness.evidence))
            docs.append(_Document("action", case, action.id, [(n, t) for n, t in fields if t.strip()]))
    return [d for d in docs if d.fields]


def search(cases: Iterable[Case], text: str, *, limit: int = 20) -> list[Hit]:
    """Causes, actions and problem statements matching ``text``, best first.

    The score weighs how many of the query's words a document holds (0.6) and the TF-IDF cosine
    (0.4, which favours short, focused texts and forgives spelling through trigrams); a document must hold
    at least one query word or score a cosine of 0.3.
    """
    wanted = set(words(text))
    if not wanted:
        return []
    docs = _documents(cases)
    index = TextIndex([d.text for d in docs], skip_common=False)
    hits = []
    for doc, cosine in index.query(text):
        document = docs[doc]
        found = wanted & set(words(document.text))
        coverage = len(found) / len(wanted)
        if not found and cosine < 0.3:
            continue
        name, shown = max(document.fields, key=lambda f: len(wanted & set(words(f[1]))))
        hits.append(Hit(document.kind, document.case.id, document.case.title, document.ref, name, shown,
                        0.6 * coverage + 0.4 * cosine))
    hits.sort(key=lambda h: (-h.score, h.case_id, h.ref))
    return hits[:limit]
