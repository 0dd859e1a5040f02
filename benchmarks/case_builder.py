"""One generated case as JSON data: its team, steps, cause graph, action plan, indicators and audit trail.

Used by ``benchmarks.generate``; dates are relative to ``today``, every choice comes from one seeded
``random.Random``, so the same seed gives the same case.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from benchmarks import texts
from benchmarks.texts import fill

STEPS = {
    "5whys": (("define", ("standard", "facts")), ("whys", ()), ("verify", ("readback",)), ("act", ()),
              ("check", ("result", "spread"))),
    "ishikawa": (("define", ("effect",)), ("categories", ()), ("brainstorm", ()), ("vote", ()),
                 ("verify", ("verification_plan",)), ("act", ())),
    "8d": (("d0", ("symptom", "emergency_response", "criteria", "decision")), ("d1", ("meetings",)),
           ("d2", ("requirement", "statement")), ("d3", ("suspect_scope", "clean_point")), ("d4", ("verification",)),
           ("d5", ("choice",)), ("d6", ("implementation", "containment_removed", "validation")),
           ("d7", ("standards", "fmea", "control_plan", "similar", "lessons")), ("d8", ("recognition", "closure"))),
    "a3": (("theme", ("theme", "owner", "mentor", "date", "revision")), ("background", ("background", "business_goal")),
           ("current", ("current_condition", "problem_breakdown")), ("target", ("target",)), ("analysis", ("analysis",)),
           ("countermeasures", ()), ("plan", ()), ("followup", ("followup",)), ("approval", ())),
    "dmaic": (("define", ("problem", "goal", "business_case", "scope_in", "scope_out", "sipoc", "voc", "ctq")),
              ("measure", ("y", "operational_definition", "data_plan", "msa")), ("analyze", ("data_analysis",)),
              ("improve", ("solutions", "pilot", "risk")),
              ("control", ("control_plan", "standard_work", "training", "handoff", "lessons"))),
}
"""Each method's steps and text fields (as in ``methods/``; a test checks they still match)."""
CATEGORISED = {"ishikawa": 1.0, "8d": 0.7, "dmaic": 0.5, "a3": 0.2, "5whys": 0.0}
"""The share of each method's cases whose causes hang from Ishikawa categories."""



class Audit:
    """The audit trail of one case, collected while it is built, dated in working hours."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.entries: list[tuple[datetime, str, str, list[str]]] = []

    def add(self, day: date, by: str, summary: str, fields: list[str]) -> None:
        at = datetime(day.year, day.month, day.day, self.rng.randint(6, 17), self.rng.randint(0, 59),
                      self.rng.randint(0, 59))
        self.entries.append((at, by, summary[:120], fields))

    def dump(self) -> list[dict[str, Any]]:
        self.entries.sort(key=lambda e: e[0])
        return [{"at": at.isoformat() + "Z", "by": by, "summary": summary, "fields": fields}
                for at, by, summary, fields in self.entries]


class CaseBuilder:
    """One case as JSON data."""

    def __init__(self, rng: random.Random, today: date, staff: list[tuple[str, str]]) -> None:
        self.rng, self.today, self.staff = rng, today, staff

    def day_between(self, start: date, end: date) -> date:
        end = min(end, self.today)
        return start if end <= start else start + timedelta(days=self.rng.randint(0, (end - start).days))

    def build(self, number: int, method: str, created: date, n_causes: int, n_actions: int, next_action: int,
              *, state: tuple[str, bool, int] | None = None, categories: int | None = None) -> dict[str, Any]:
        rng = self.rng
        status, archived, step_index = state or self._state(method, created)
        steps = STEPS[method]
        self.stage = step_index / max(1, len(steps) - 1)
        self.created = created
        self.last_day = self.day_between(created, created + timedelta(days=150 if status == "open" else 120))
        team = rng.sample(self.staff, rng.randint(3, 7))
        roles = ["leader"] + ["member"] * (len(team) - 1)
        roles[1] = "champion"
        if rng.random() < 0.3:
            roles[-1] = "facilitator"
        self.team = [name for name, _f in team]
        self.audit = Audit(rng)
        leader = self.team[0]
        title = self._title(method)
        self.audit.add(created, leader, "case created", [])
        case: dict[str, Any] = {
            "id": f"C-{number}", "title": title, "method": method, "status": status, "archived": archived,
            "created_on": created.isoformat(), "created_by": leader,
            "problem": self._problem(method, title),
            "team": [{"name": n, "role": r, "function": f} for (n, f), r in zip(team, roles, strict=True)],
            "steps": self._steps(method, step_index),
            "current_step": steps[step_index][0],
            "category_set": "8M" if categories == 8 else "6M",
            "votes_per_person": 3,
        }
        use_categories = categories is not None or rng.random() < CATEGORISED[method]
        nodes, links, last_node = self._graph(method, title, n_causes, (categories or 6) if use_categories else 0)
        case.update(causes=nodes, links=links, last_node=last_node)
        case["actions"] = self._actions(method, status, nodes, n_actions, next_action)
        case["indicators"] = self._indicators(method, status) if method in ("a3", "dmaic") else []
        if status == "closed":
            self._close_out(case)
        case["audit"] = self.audit.dump()
        case["version"] = len(case["audit"])
        return case

    # ------------------------------------------------------------ the case's life

    def _state(self, method: str, created: date) -> tuple[str, bool, int]:
        rng, age = self.rng, (self.today - created).days
        last = len(STEPS[method]) - 1
        if age > 365:
            status = rng.choices(("closed", "cancelled", "open"), (88, 4, 8))[0]
        elif age > 120:
            status = rng.choices(("closed", "cancelled", "open"), (55, 2, 43))[0]
        else:
            status = rng.choices(("closed", "open"), (10, 90))[0]
        archived = status != "open" and age > 540 and rng.random() < 0.6
        if status == "closed":
            return status, archived, last
        if status == "cancelled":
            return status, archived, rng.randint(0, last)
        reach = min(1.0, age / 120)
        return status, archived, max(0, min(last, round(reach * last * rng.uniform(0.5, 1.1))))

    def _title(self, method: str) -> str:
        rng = self.rng
        if method in ("a3", "dmaic") and rng.random() < 0.7:
            name, _unit, _base, _target = rng.choice(texts.INDICATORS)
            return f"Reduce {name.lower()} on {rng.choice(texts.MACHINES)}"
        if rng.random() < 0.25:
            return fill(rng, rng.choice(texts.INCIDENTS))
        defect = rng.choice(texts.DEFECTS)[1]
        return f"{rng.choice(texts.PARTS).capitalize()}: {defect[0].lower()}{defect[1:]}"

    def _problem(self, method: str, title: str) -> dict[str, Any]:
        rng = self.rng
        problem = {
            "what": f"{title}; {fill(rng, '{n} parts out of {m} affected')}",
            "where": fill(rng, "Made on {machine}; found at {customer}"),
            "when": fill(rng, "First seen in week {n}, {m} times since"),
            "who": fill(rng, "Found by {person}"),
            "how_detected": rng.choice(("Customer complaint", "Final inspection", "Internal audit",
                                        "SPC alarm", "Operator report")),
            "how_many": fill(rng, "{n} parts, {m} k€ of scrap and rework"),
            "why_it_matters": rng.choice(("Customer line stop", "Safety", "Cost of poor quality",
                                          "Compliance (ISO 9001 / IATF 16949)", "Delivery performance")),
            "is_is_not": [],
        }
        if method == "8d":
            problem["is_is_not"] = [
                {"dimension": dim, "is": fill(rng, "{machine}"), "is_not": fill(rng, "{machine}"),
                 "distinction": fill(rng, "Changed after the {event}")}
                for dim in ("What", "Where", "When", "How many")
            ]
        return problem

    def _steps(self, method: str, step_index: int) -> dict[str, Any]:
        rng, records = self.rng, {}
        for index, (key, fields) in enumerate(STEPS[method][: step_index + 1]):
            record: dict[str, Any] = {"fields": {f: self._field(method, f) for f in fields}}
            if rng.random() < 0.3:
                record["timebox_minutes"] = rng.choice((10, 15, 20, 30, 45))
            if self._signed(method, key) and index < step_index:
                record["signoff"] = self._signoff()
            records[key] = record
            day = self.day_between(self.created, self.last_day)
            self.audit.add(day, rng.choice(self.team), f"moved to step {key}", ["current_step"])
            if fields:
                self.audit.add(day, rng.choice(self.team), f"{key} fields edited", [f"steps.{key}.fields"])
        return records

    def _field(self, method: str, key: str) -> str:
        """A step's text, in the shape its gate expects where it expects one (a date, yes/no, a SMART goal)."""
        rng = self.rng
        if key == "decision":
            return f"Yes: decided by {self.team[1]}"
        if key in ("owner", "mentor"):
            return self.team[0] if key == "owner" else self.team[1]
        if key == "date":
            return self.created.isoformat()
        if key in ("target", "goal"):
            name, unit, base, target = rng.choice(texts.INDICATORS)
            return f"{name} from {base:g} to {target:g} {unit} by {(self.created + timedelta(days=180)).isoformat()}"
        if key == "theme":
            return fill(rng, "Reduce scrap on {machine}")
        return fill(rng, rng.choice(texts.FIELD_TEXT))

    @staticmethod
    def _signed(method: str, key: str) -> bool:
        return method == "dmaic" or (method, key) in (("8d", "d8"), ("a3", "approval"))

    def _signoff(self) -> dict[str, Any]:
        """The champion's (or mentor's: the second team member) proceed."""
        return {"by": self.team[1], "on": self.day_between(self.created, self.last_day).isoformat(),
                "decision": "proceed", "note": ""}

    def _close_out(self, case: dict[str, Any]) -> None:
        """A closed case passes its gates, as most did when they were closed: every step signed where the
        method asks for it, every chain ends on a root cause or a rejection, voted causes judged, actions
        owned, dated and checked effective, indicators on target."""
        rng, method = self.rng, case["method"]
        for key, record in case["steps"].items():
            if self._signed(method, key):
                record["signoff"] = self._signoff()
        nodes = {n["id"]: n for n in case["causes"]}
        with_children = {link["effect"] for link in case["links"]}
        evidence = [{"text": fill(rng, rng.choice(texts.EVIDENCE_REJECTED)), "by": self.team[0],
                     "on": self.last_day.isoformat()}]
        for node in case["causes"]:
            if node.get("kind") is not None:
                continue
            leaf = node["id"] not in with_children
            if (leaf or node.get("votes")) and not node.get("root") and node.get("status") != "rejected":
                node.update(status="rejected", evidence=evidence)
        if not any(n.get("root") for n in nodes.values()):
            roots = [n for n in case["causes"] if n.get("kind") is None][:1]
            for node in roots:
                node.update(root=True, status="verified", path="occurrence" if method == "8d" else None)
        for action in case["actions"]:
            action["owner"] = action["owner"] or self.team[0]
            action["due"] = action["due"] or action["created_on"]
            check = action["effectiveness"]
            if action["status"] == "done":
                check.update(result="effective", checked_on=check["planned"],
                             evidence=check.get("evidence") or "Audit on both shifts: applied")
                action["phase"] = "act"
        for indicator in case["indicators"]:
            indicator["measurements"][-1]["value"] = indicator["target"]

    # ------------------------------------------------------------ the cause graph

    def _graph(self, method: str, title: str, count: int, categories: int) -> tuple[list, list, int]:
        rng = self.rng
        nodes: list[dict[str, Any]] = [{"id": "P", "kind": "problem", "text": title}]
        links: list[dict[str, str]] = []
        last = 0
        anchors: list[tuple[str, str]] = []  # (node id, category key)
        for key, label in (texts.CATEGORIES_6M + texts.EXTRA_8M)[:categories]:
            last += 1
            nodes.append({"id": f"K-{last}", "kind": "category", "text": label, "key": key})
            links.append({"effect": "P", "cause": f"K-{last}"})
            anchors.append((f"K-{last}", key))
        if not anchors:
            anchors = [("P", "")]
        deep = {"5whys": 0.75, "8d": 0.45, "ishikawa": 0.35, "a3": 0.5, "dmaic": 0.45}[method]
        causes: list[tuple[str, int, str]] = []  # (id, depth, category key)
        for _ in range(count):
            last += 1
            node_id = f"K-{last}"
            candidates = [c for c in causes[-12:] if c[1] < 5]
            if candidates and rng.random() < deep:
                parent, depth, key = rng.choice(candidates)
                text = fill(rng, rng.choice(texts.WHY_DEEPER))
                depth += 1
            else:
                parent, key = rng.choice(anchors)
                key = key or rng.choice(texts.CATEGORIES_6M)[0]
                text, depth = fill(rng, rng.choice(texts.CAUSES[key])), 1
            by = rng.choice(self.team)
            nodes.append({"id": node_id, "text": text, "created_by": by})
            links.append({"effect": parent, "cause": node_id})
            causes.append((node_id, depth, key))
            self.audit.add(self.day_between(self.created, self.last_day), by, f"cause added: {text[:60]}",
                           [f"causes[{node_id}]", "links", "last_node"])
        self._judge(method, nodes[1 + categories:], causes)
        self._share(links, causes)
        return nodes, links, last

    def _judge(self, method: str, nodes: list[dict[str, Any]], causes: list[tuple[str, int, str]]) -> None:
        """Statuses, evidence, roots and votes, as far as the case got."""
        rng, stage = self.rng, self.stage
        for node in nodes:
            roll = rng.random()
            if roll < 0.25 * stage or roll > 1 - 0.3 * stage:
                verified = roll < 0.25 * stage
                node["status"] = "verified" if verified else "rejected"
                pool = texts.EVIDENCE_VERIFIED if verified else texts.EVIDENCE_REJECTED
                by = rng.choice(self.team)
                node["evidence"] = [{"text": fill(rng, rng.choice(pool)), "by": by,
                                     "on": self.day_between(self.created, self.last_day).isoformat()}]
                self.audit.add(self.day_between(self.created, self.last_day), by,
                               f"cause {node['id']} {node['status']}", [f"causes[{node['id']}].status",
                                                                        f"causes[{node['id']}].evidence"])
        verified = [n for n in nodes if n.get("status") == "verified"]
        deepest = sorted(verified, key=lambda n: -next(c[1] for c in causes if c[0] == n["id"]))
        if stage >= 0.5 and method == "8d" and len(nodes) >= 3:
            deepest = deepest or []
            while len(deepest) < 2:  # an 8D past D4 has its occurrence and non-detection roots
                extra = rng.choice([n for n in nodes if n not in deepest])
                extra.update(status="verified", evidence=[{"text": "Reproduced on the machine", "by": self.team[0],
                                                           "on": self.created.isoformat()}])
                deepest.append(extra)
        paths = ["occurrence", "non-detection", "systemic"]
        chosen = deepest[: rng.randint(2 if method == "8d" and stage >= 0.5 else 1, 3)]
        for index, node in enumerate(chosen):
            node["root"] = True
            if method == "8d":
                node["path"] = paths[index % 3]
        if method == "ishikawa" and stage >= 0.5:
            open_nodes = [n for n in nodes if n.get("status") != "rejected"] or nodes
            for voter in self.team:
                for node in rng.sample(open_nodes, min(3, len(open_nodes))):
                    node.setdefault("votes", {})[voter] = node.get("votes", {}).get(voter, 0) + 1

    def _share(self, links: list[dict[str, str]], causes: list[tuple[str, int, str]]) -> None:
        """A few causes explain two effects (a shared cause, not a copy)."""
        if len(causes) < 10 or self.rng.random() > 0.15:
            return
        with_children = {link["effect"] for link in links}
        leaves = [c[0] for c in causes if c[0] not in with_children]
        leaf = self.rng.choice(leaves)
        parent = next(link["effect"] for link in links if link["cause"] == leaf)
        others = [c[0] for c in causes if c[0] not in (leaf, parent) and c[1] == 1]
        if others:
            links.append({"effect": self.rng.choice(others), "cause": leaf})

    # ------------------------------------------------------------ the action plan

    def _actions(self, method: str, status: str, nodes: list[dict[str, Any]], count: int,
                 first_id: int) -> list[dict[str, Any]]:
        rng, today = self.rng, self.today
        roots = [n["id"] for n in nodes if n.get("root")]
        verified = [n["id"] for n in nodes if n.get("status") == "verified"] or [
            n["id"] for n in nodes if n.get("kind") is None]
        kinds = (("containment", 20), ("corrective", 50), ("preventive", 20), ("improvement", 10))
        if method in ("a3", "dmaic"):
            kinds = (("containment", 5), ("corrective", 30), ("preventive", 15), ("improvement", 50))
        plan = []
        for offset in range(count):
            kind = rng.choices([k for k, _w in kinds], [w for _k, w in kinds])[0]
            created = self.day_between(self.created, self.created + timedelta(days=90))
            due = created + timedelta(days=rng.randint(3, 20) if kind == "containment" else rng.randint(14, 90))
            owner = rng.choice(self.team) if rng.random() < 0.8 else rng.choice(self.staff)[0]
            if rng.random() < 0.03:
                owner = ""
            treats = []
            if kind in ("corrective", "preventive") and (roots or verified):
                treats = rng.sample(roots or verified, min(len(roots or verified), rng.randint(1, 2)))
            action: dict[str, Any] = {
                "id": f"A-{first_id + offset}", "title": fill(rng, rng.choice(texts.ACTIONS[kind])),
                "owner": owner, "deliverable": fill(rng, rng.choice(texts.DELIVERABLES)),
                "due": due.isoformat() if rng.random() > 0.04 else None, "kind": kind, "causes": treats,
                "created_on": created.isoformat(),
                "effectiveness": {"criterion": fill(rng, rng.choice(texts.CRITERIA))},
            }
            self._progress(action, status, created, due)
            plan.append(action)
            by = owner or self.team[0]
            self.audit.add(created, by, f"action added: {action['title'][:60]}", [f"actions[{action['id']}]"])
            if action["status"] != "planned":
                self.audit.add(self.day_between(created, today), by, f"action {action['id']} updated",
                               [f"actions[{action['id']}].status", f"actions[{action['id']}].phase"])
        return plan

    def _progress(self, action: dict[str, Any], case_status: str, created: date, due: date) -> None:
        rng, today = self.rng, self.today
        if case_status == "closed":
            status = rng.choices(("done", "cancelled"), (95, 5))[0]
        elif case_status == "cancelled":
            status = rng.choices(("done", "cancelled", "planned"), (30, 60, 10))[0]
        elif due < today:
            status = rng.choices(("done", "in progress", "planned", "cancelled"), (55, 20, 20, 5))[0]
        else:
            status = rng.choices(("done", "in progress", "planned"), (15, 40, 45))[0]
        action["status"] = status
        action["phase"] = {"planned": "plan", "in progress": "do", "done": "check", "cancelled": "plan"}[status]
        if status != "done":
            return
        done = min(today, max(created, due + timedelta(days=rng.randint(-15, 12))))
        action["done_on"] = done.isoformat()
        action["evidence"] = [{"text": fill(rng, rng.choice(texts.DELIVERABLES)), "by": action["owner"],
                               "on": done.isoformat()}]
        check = action["effectiveness"]
        planned = done + timedelta(days=rng.randint(30, 90))
        check["planned"] = planned.isoformat()
        if planned < today and rng.random() < 0.9:
            result = rng.choices(("effective", "not effective"), (90, 10))[0]
            check.update(result=result, checked_on=planned.isoformat(),
                         evidence=fill(rng, rng.choice(texts.RESULTS_EVIDENCE)))
            if result == "effective":
                action["phase"] = "act"

    def _indicators(self, method: str, status: str) -> list[dict[str, Any]]:
        rng = self.rng
        found = []
        for number in range(1, rng.randint(1, 2) + 1):
            name, unit, base, target = rng.choice(texts.INDICATORS)
            weeks = max(1, min(30, ((self.last_day if status != "open" else self.today) - self.created).days // 7))
            values = []
            for week in range(weeks):
                progress = min(1.0, week / max(1, weeks - 1)) if week > 4 else 0.0
                value = base + (target - base) * progress * rng.uniform(0.6, 1.0)
                values.append({"on": (self.created + timedelta(days=7 * week)).isoformat(),
                               "value": round(value * rng.uniform(0.95, 1.05), 2),
                               "phase": "baseline" if week < 5 else "improve", "note": ""})
            found.append({"id": f"I-{number}", "name": name, "unit": unit, "target": target, "baseline": base,
                          "better": "higher" if target > base else "lower",
                          "target_date": (self.created + timedelta(days=180)).isoformat(), "measurements": values})
        return found
