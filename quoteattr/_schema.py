"""The JSON Schema of the ``Document.to_dict()`` form, shipped as package data."""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

__all__ = ["json_schema"]


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of :meth:`Document.to_dict` output.

    The schema is ``quoteattr/schema/document.schema.json`` in the installed
    package, for tools in other languages that read quoteattr's JSON. Each call
    returns a fresh dict, so changing it changes nothing for the next caller.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["required"], schema["$defs"]["quote"]["properties"]["kind"]["enum"]
    (['version', 'text', 'entities', 'quotes'], ['direct', 'indirect', 'mixed'])
    """
    resource = importlib.resources.files("quoteattr") / "schema" / "document.schema.json"
    return json.loads(resource.read_text(encoding="utf-8"))
