"""Procedure templates: kept as data in `schemas/procedures/`, loaded once."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from . import schemas


@cache
def templates() -> dict[str, dict[str, Any]]:
    folder = schemas.schemas_dir() / "procedures"
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        template = json.loads(path.read_text(encoding="utf-8"))
        problems = schemas.errors("procedure-template.json", template)
        if problems:
            raise ValueError(f"{path.name}: {problems[0].pointer} {problems[0].reason}")
        found[template["id"]] = template
    return found


def milestone_label(procedure_id: str, milestone_id: str) -> str:
    for milestone in templates().get(procedure_id, {}).get("milestones", []):
        if milestone["id"] == milestone_id:
            return str(milestone["label"])
    return milestone_id.replace("_", " ").capitalize()


def phrase_texts(procedure_id: str) -> dict[str, str]:
    """Pre-approved phrase id -> text for one procedure."""
    return {
        phrase["id"]: phrase["text"]
        for milestone in templates().get(procedure_id, {}).get("milestones", [])
        for phrase in milestone.get("phrases", [])
    }


def procedure_name(procedure_id: str) -> str:
    template = templates().get(procedure_id)
    return str(template["name"]) if template else procedure_id.replace("_", " ")
