"""The case model: validation messages name the field, what is wrong and what is accepted."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from rca.errors import InvalidInput
from rca.model import (
    ActionStatus,
    Case,
    Indicator,
    IsIsNot,
    Measurement,
    Method,
    Role,
    TeamMember,
    case_json_schema,
    describe_errors,
)


def test_a_case_round_trips_through_json() -> None:
    case = Case(id="C-7", title="Bore diameter out of tolerance", method=Method.EIGHT_D)
    case.team.append(TeamMember(name="Claire Martin", role=Role.LEADER))
    case.problem.is_is_not.append(IsIsNot(dimension="where", is_="line 2", is_not="line 1"))
    data = json.loads(json.dumps(case.to_json_dict()))
    assert data["problem"]["is_is_not"][0]["is"] == "line 2"
    assert Case.from_json_dict(data) == case
    assert case.leader() == "Claire Martin"


def test_validation_errors_name_the_path_and_what_is_accepted() -> None:
    bad = {"id": "X", "title": "", "method": "9d", "actions": [{"id": "A-1", "title": "t", "due": "soon"}],
           "colour": "red"}
    with pytest.raises(ValidationError) as info:
        Case.from_json_dict(bad)
    lines = describe_errors(info.value)
    assert any(line.startswith("id:") and "C- followed by a number" in line for line in lines)
    assert any(line.startswith("method:") and "'8d'" in line for line in lines)
    assert any(line.startswith("actions[0].due:") and "YYYY-MM-DD" in line for line in lines)
    assert any(line.startswith("colour:") and "not a known field" in line for line in lines)


def test_enum_parse_accepts_values_and_labels_and_lists_choices() -> None:
    assert ActionStatus.parse("In Progress", "--status") is ActionStatus.IN_PROGRESS
    with pytest.raises(InvalidInput, match="use one of: planned, in progress, done, cancelled"):
        ActionStatus.parse("finished", "--status")


def test_nul_characters_are_stripped_from_text() -> None:
    case = Case(id="C-1", title="a\x00b", method="5whys")
    assert case.title == "ab"


def test_indicator_target_follows_direction() -> None:
    lower = Indicator(id="I-1", name="Scrap", target=2.0)
    assert lower.meets_target(1.5) and not lower.meets_target(2.5)
    higher = Indicator(id="I-2", name="OEE", target=85, better="higher")
    assert higher.meets_target(90) and not higher.meets_target(80)
    assert Indicator(id="I-3", name="x").meets_target(1) is None
    lower.measurements.append(Measurement(on="2026-01-01", value=3))
    lower.measurements.append(Measurement(on="2026-02-01", value=2))
    assert lower.latest().value == 2  # type: ignore[union-attr]


def test_json_schema_describes_every_field() -> None:
    schema = case_json_schema()
    assert schema["properties"]["title"]["description"] == "A short name for the problem."
    assert "Action" in schema["$defs"]
