"""Role mapping files: validated by schemas/oidc-role-mapping.json; first rule wins;
no matching rule, no role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.common import rolemap
from services.common.settings import ConfigError
from services.dev import idp


def test_the_development_mapping_gives_each_demo_group_its_role() -> None:
    mapping = rolemap.load(idp.ROLE_MAPPING)
    for role, group in idp.DEMO_GROUPS.items():
        assert mapping.role_for({"groups": [group]}) == role


def test_first_rule_wins_and_no_match_is_no_role() -> None:
    mapping = rolemap.parse({"claim": "roles", "rules": [
        {"value": "it-admins", "role": "admin"}, {"value": "staff", "role": "coordinator"}]})
    assert mapping.role_for({"roles": ["staff", "it-admins"]}) == "admin"
    assert mapping.role_for({"roles": "staff"}) == "coordinator"
    assert mapping.role_for({"roles": ["visitors"]}) is None
    assert mapping.role_for({"groups": ["staff"]}) is None  # another claim
    assert mapping.role_for({"roles": [["staff"]]}) is None  # not a string


@pytest.mark.parametrize(("document", "pointer"), [
    ({"claim": "groups", "rules": [{"value": "g", "role": "superuser"}]}, "/rules/0/role"),
    ({"claim": "groups", "rules": []}, "/rules"),
    ({"rules": [{"value": "g", "role": "admin"}]}, "/"),
    ({"claim": "groups", "rules": [{"value": "g", "role": "admin", "extra": 1}]},
     "/rules/0"),
])
def test_an_invalid_mapping_file_stops_start_naming_the_field(
        tmp_path: Path, document: object, pointer: str) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ConfigError, match=f"{pointer}:"):
        rolemap.load(path)


def test_an_unreadable_mapping_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ORCAST_OIDC_ROLE_MAPPING .*missing\.json"):
        rolemap.load(tmp_path / "missing.json")
