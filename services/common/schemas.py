"""Load the JSON Schemas in `schemas/` once and hand out compiled validators.

Every schema carries an `$id` under https://orcast.dev/schemas/; `$ref`s between
files resolve through one `referencing` registry, never over the network.

`jsonschema` is the source of truth (the schemas, the error reasons). Accepting a
valid event is the hot path (every event, produced and consumed), so there
`is_valid` asks a compiled validator (`jsonschema-rs`, same schemas, same registry,
formats checked) first; a document it refuses is judged, and described, by
`jsonschema`. A test
holds the two to the same verdict on samples of every schema
(tests/common/test_schema_agreement.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .settings import Settings

# The `iri` formats stay unchecked: the package jsonschema checks them with (rfc3987-syntax)
# is not installed (pyproject.toml: it builds a grammar at import, in every process), and
# no schema uses them (tests/common/test_schema_imports.py).
IRI_FORMATS = ("iri", "iri-reference")

BASE_URI = "https://orcast.dev/schemas/"


def schemas_dir() -> Path:
    """`Settings.schemas_dir`, else the `schemas/` folder of this checkout. Read here, not
    passed in: the compiled schemas are one cache for the whole process."""
    override = Settings.from_env().schemas_dir
    if override:
        return override
    return Path(__file__).resolve().parents[2] / "schemas"


@dataclass(frozen=True, slots=True)
class FieldError:
    pointer: str  # JSON Pointer into the validated document, "" for the root
    reason: str


@cache
def registry() -> Registry[Any]:
    resources = []
    for path in sorted(schemas_dir().rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(contents, dict) and "$id" in contents:
            resources.append((contents["$id"], Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


def ecma_anchors(pattern: str) -> str:
    """A schema's ECMA-262 `pattern` for Python's `re`: there `$` also matches before a
    final newline, so a UUID pattern took a UUID with a newline after it (and jsonschema,
    whose verdict wins, let it in where jsonschema-rs refused it). Every `$` anchor (not
    escaped, not in a class) becomes the end of the string, as ECMA-262 reads it."""
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return "".join(out)


def _for_python(schema: Any) -> Any:
    """`schema` with every `pattern` keyword's regex given `ecma_anchors`."""
    if isinstance(schema, dict):
        return {key: ecma_anchors(value) if key == "pattern" and isinstance(value, str)
                else _for_python(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_for_python(value) for value in schema]
    return schema


@cache
def python_registry() -> Registry[Any]:
    """`registry()` as jsonschema (Python's `re`) must read it (`ecma_anchors`)."""
    return Registry().with_resources(
        (uri, Resource.from_contents(_for_python(registry().contents(uri)), DRAFT202012))
        for uri in registry())


def _format_checker() -> FormatChecker:
    """jsonschema's format checks, but a final newline fails `date-time` and `uri` too
    (their checkers' regexes end in `$`, the same trap as `ecma_anchors`)."""
    checker = FormatChecker()
    for name in ("date-time", "uri"):
        check, raises = checker.checkers[name]

        def strict(instance: object, check: Any = check) -> bool:
            return not (isinstance(instance, str) and instance.endswith("\n")) \
                and bool(check(instance))

        checker.checks(name, raises)(strict)
    return checker


@cache
def validator(schema_id: str) -> Draft202012Validator:
    uri = schema_id if schema_id.startswith("https://") else BASE_URI + schema_id
    schema = python_registry().contents(uri)
    return Draft202012Validator(schema, registry=python_registry(),
                                format_checker=_format_checker())


def _refuse_network(uri: str) -> Any:
    raise ValueError(f"schema {uri} is not in schemas/ (never fetched)")


@cache
def fast_validator(schema_id: str) -> Any:
    """The compiled validator for `schema_id` (`$ref`s resolved from the same files)."""
    uri = schema_id if schema_id.startswith("https://") else BASE_URI + schema_id
    resources = [(uri_, registry().contents(uri_)) for uri_ in registry()]
    return jsonschema_rs.validator_for(
        registry().contents(uri), registry=jsonschema_rs.Registry(resources),
        validate_formats=True, retriever=_refuse_network)


def is_valid(schema_id: str, document: object) -> bool:
    """A quick verdict. True is final; after False, call `errors` (jsonschema's verdict,
    with reasons): should the two ever disagree, jsonschema's empty list wins."""
    try:
        return bool(fast_validator(schema_id).is_valid(document))
    except Exception:  # a value it cannot take (e.g. a huge int): jsonschema judges
        return False


def _pointer(error: ValidationError) -> str:
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in error.absolute_path]
    return "/" + "/".join(parts) if parts else ""


def _reason(error: ValidationError) -> str:
    # jsonschema messages quote the offending value, which may be PHI (a note);
    # describe the rule instead of echoing the instance.
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in str(error.message) else "?"
        return f"required property '{missing}' is missing"
    if kind == "additionalProperties":
        return "unexpected property"
    if kind == "maxLength":
        return f"longer than {error.validator_value} characters"
    if kind == "minLength":
        return f"shorter than {error.validator_value} characters"
    if kind == "type":
        return f"must be of type {error.validator_value}"
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        return "must be one of " + ", ".join(json.dumps(v) for v in allowed)
    if kind == "pattern":
        return "does not match the expected pattern"
    if kind == "format":
        return f"must be a valid {error.validator_value}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"violates {kind} {error.validator_value}"
    if kind in ("maxItems", "minItems"):
        return f"violates {kind} {error.validator_value}"
    return f"fails '{kind}'"


def errors(schema_id: str, document: object) -> list[FieldError]:
    """All violations, most specific first; empty when the document is valid."""
    found: list[FieldError] = []
    for error in _iter_errors(validator(schema_id), document):
        found.append(FieldError(_pointer(error), _reason(error)))
    return found


def _iter_errors(v: Draft202012Validator, document: object) -> Iterator[ValidationError]:
    for error in sorted(v.iter_errors(document), key=lambda e: list(map(str, e.path))):
        # oneOf/anyOf wrap the useful detail one level down.
        if error.context:
            yield min(error.context, key=lambda e: -len(e.absolute_path))
        else:
            yield error
