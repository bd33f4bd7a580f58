"""quoteattr.json_schema: the JSON Schema of to_dict(), checked against real output.

Needs jsonschema (the ``test`` extra); the PolNeAR checks skip without the corpus.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Document, EntityKind, QuoteKind

jsonschema = pytest.importorskip("jsonschema", reason="the schema tests need jsonschema")

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


@pytest.fixture(scope="module")
def validator() -> Any:
    """A draft 2020-12 validator for the shipped schema, itself checked against the metaschema."""
    schema = quoteattr.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _demo() -> Document:
    text = (importlib.resources.files("quoteattr") / "data" / "demo.txt").read_text("utf-8")
    return quoteattr.analyze(text)


def _errors(validator: Any, data: Any) -> list[tuple[list[Any], str]]:
    """Each error as (where in the data, which schema keyword failed)."""
    return [(list(error.absolute_path), error.validator) for error in validator.iter_errors(data)]


def test_schema_declares_draft_2020_12():
    """Non-Python tools need to know which JSON Schema dialect to use."""
    assert "https://json-schema.org/draft/2020-12/schema" == quoteattr.json_schema()["$schema"]


def test_demo_output_is_valid(validator):
    """The demo document, as to_dict and as parsed to_json, validates."""
    doc = _demo()
    assert [] == _errors(validator, doc.to_dict())
    assert [] == _errors(validator, json.loads(quoteattr.to_json(doc)))


def test_every_polnear_dev_text_is_valid(validator):
    """analyze's output on each PolNeAR dev article validates."""
    paths = sorted(POLNEAR_DEV.glob("*.txt"))
    if not paths:
        pytest.skip(f"no PolNeAR dev texts at {POLNEAR_DEV}")
    invalid = [
        path.name for path in paths
        if not validator.is_valid(quoteattr.analyze(path.read_text(encoding="utf-8")).to_dict())
    ]
    assert [] == invalid
    assert len(paths) >= 80


def test_generated_documents_are_valid(validator):
    """Any valid Document (quoteattr.strategies.documents) serialises to a valid dict."""
    hypothesis = pytest.importorskip("hypothesis")
    from quoteattr.strategies import documents

    @hypothesis.settings(max_examples=150, deadline=None, database=None)
    @hypothesis.given(documents())
    def check(doc: Document) -> None:
        assert [] == _errors(validator, doc.to_dict())

    check()


def _demo_dict() -> dict[str, Any]:
    return copy.deepcopy(_demo().to_dict())


def test_a_missing_field_is_rejected(validator):
    """A quote without its rule fails on 'required', at that quote."""
    data = _demo_dict()
    del data["quotes"][2]["rule"]
    assert [(["quotes", 2], "required")] == _errors(validator, data)


def test_an_unknown_kind_is_rejected(validator):
    """A quote kind, or an entity kind, outside the enumeration fails on 'enum'."""
    data = _demo_dict()
    data["quotes"][0]["kind"] = "paraphrase"
    data["entities"][1]["kind"] = "Organization"
    assert [(["entities", 1, "kind"], "enum"), (["quotes", 0, "kind"], "enum")] == sorted(
        _errors(validator, data)
    )


def test_a_negative_offset_is_rejected(validator):
    """Offsets, and indices into entities, are never negative."""
    data = _demo_dict()
    data["quotes"][0]["content"]["start"] = -1
    data["quotes"][1]["speaker"] = -1
    errors = _errors(validator, data)
    assert (["quotes", 0, "content", "start"], "minimum") in errors
    assert ["quotes", 1, "speaker"] in [where for where, _ in errors]


def test_other_malformed_documents_are_rejected(validator):
    """A wrong version, a stray field, a confidence above 1, a string offset."""
    for change in (
        lambda d: d.update(version=2),
        lambda d: d.update(extra=True),
        lambda d: d["quotes"][0].update(confidence=1.5),
        lambda d: d["quotes"][0]["cue"].update(end="12"),
        lambda d: d["quotes"][0].update(speech="yes"),
        lambda d: d["entities"][0].update(titles=None),
    ):
        data = _demo_dict()
        change(data)
        assert not validator.is_valid(data)


def test_schema_kinds_match_the_enumerations():
    """The schema's kinds are exactly QuoteKind's and EntityKind's values."""
    definitions = quoteattr.json_schema()["$defs"]
    assert [k.value for k in QuoteKind] == definitions["quote"]["properties"]["kind"]["enum"]
    assert [k.value for k in EntityKind] == definitions["entity"]["properties"]["kind"]["enum"]


def test_schema_requires_every_field_to_dict_writes():
    """Required fields are the keys to_dict writes, at every level."""
    schema = quoteattr.json_schema()
    data = _demo().to_dict()
    assert sorted(data) == sorted(schema["required"])
    assert sorted(data["quotes"][0]) == sorted(schema["$defs"]["quote"]["required"])
    assert sorted(data["entities"][0]) == sorted(schema["$defs"]["entity"]["required"])
    assert sorted(data["quotes"][0]["content"]) == sorted(schema["$defs"]["span"]["required"])


def test_each_call_returns_a_fresh_schema():
    """Changing the returned dict does not change the next one."""
    first = quoteattr.json_schema()
    first["required"].clear()
    assert ["version", "text", "entities", "quotes"] == quoteattr.json_schema()["required"]
